"""The language stage: ISO 639-1 code of the clean text, by py3langid.

py3langid ships its model inside the wheel, so this works offline. Texts too
short to tell get the page's declared `lang` if it has one, else None.
"""

from __future__ import annotations

from ..model import Document

MIN_CHARS = 40
# The language of an article is settled within its first paragraphs; more text only costs time.
SAMPLE_CHARS = 1200


def warm() -> None:
    """Load the model now rather than on the first document (called when the pipeline is built)."""
    import py3langid

    py3langid.classify("warm up")


def identify(doc: Document) -> Document:
    if len(doc.text) >= MIN_CHARS:
        import py3langid

        code, _ = py3langid.classify(doc.text[:SAMPLE_CHARS])
        doc.language = str(code)
    else:
        doc.language = doc.hints.get("html_lang")
    return doc
