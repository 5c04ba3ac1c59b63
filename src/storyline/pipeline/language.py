"""The language stage: ISO 639-1 code of the clean text, by py3langid.

py3langid ships its model inside the wheel, so this works offline. Texts too
short to tell get the page's declared `lang` if it has one, else None.
"""

from __future__ import annotations

from ..model import Document

MIN_CHARS = 40
SAMPLE_CHARS = 3000  # the language of an article is settled well within its first few paragraphs


def identify(doc: Document) -> Document:
    if len(doc.text) >= MIN_CHARS:
        import py3langid  # loads its model on first use

        code, _ = py3langid.classify(doc.text[:SAMPLE_CHARS])
        doc.language = str(code)
    else:
        doc.language = doc.hints.get("html_lang")
    return doc
