"""The language stage: ISO 639-1 code of the clean text, by py3langid.

py3langid ships its model inside the wheel, so this works offline. Texts too
short to tell get the page's declared `lang` if it has one, else None.

`other_language_sentences` finds, on a page of one coded language, the paragraphs
(and single sentences) clearly written in another coded language: an English
statement quoted whole on a Spanish page. It counts function words only a given
language uses (`lexicon/stopwords.yaml`, the words both languages share left out):
a paragraph of at least `MIN_WORDS` words is the other language's when that
language's function words are at least `OTHER_SHARE` of its words and
`OTHER_OVER_PAGE` times the page language's. Only English inside Spanish pages is
looked for so far (`OTHER_LANGUAGES`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from ..lexicon_data import load_yaml
from ..model import Document

MIN_CHARS = 40
# The language of an article is settled within its first paragraphs; more text only costs time.
SAMPLE_CHARS = 1200
# Which other languages are looked for inside a page of each language (each has a coder).
OTHER_LANGUAGES = {"es": ("en",)}
MIN_WORDS = 8
OTHER_SHARE = 0.2
OTHER_OVER_PAGE = 3.0
WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


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


@cache
def _own_function_words() -> dict[str, frozenset[str]]:
    """Each language's function words that no other listed language shares ("a" and "no" are in both)."""
    data = load_yaml("stopwords.yaml") or {}
    sets = {lang: frozenset(str(w).lower() for w in words) for lang, words in data.items()}
    return {lang: ws - frozenset().union(*(o for k, o in sets.items() if k != lang)) for lang, ws in sets.items()}


def written_in(text: str, page: str, other: str) -> bool:
    """Whether `text` is clearly in `other` rather than in the page's language `page`."""
    words = [w.lower() for w in WORDS.findall(text)]
    if len(words) < MIN_WORDS:
        return False
    own = _own_function_words()
    theirs = sum(w in own.get(other, frozenset()) for w in words)
    ours = sum(w in own.get(page, frozenset()) for w in words)
    return theirs >= OTHER_SHARE * len(words) and theirs >= OTHER_OVER_PAGE * max(ours, 1)


def other_language_sentences(doc: Document) -> dict[int, str]:
    """Sentence position -> language, for the sentences of `doc` written in another coded language."""
    others = OTHER_LANGUAGES.get(doc.language or "", ())
    if not others or not doc.sentences:
        return {}
    out: dict[int, str] = {}
    bounds = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(doc.text)), len(doc.text) + 1]
    k = 0
    for start, end in pairwise(bounds):
        inside = []
        while k < len(doc.sentences) and doc.sentences[k].start < end:
            if doc.sentences[k].start >= start:
                inside.append(k)
            k += 1
        paragraph = doc.text[start:end]
        for lang in others:
            if written_in(paragraph, doc.language or "", lang):
                out.update((i, lang) for i in inside)
                break
        else:
            for i in inside:  # an English sentence quoted whole inside a Spanish paragraph
                found = next((o for o in others if written_in(doc.sentences[i].text, doc.language or "", o)), None)
                if found:
                    out[i] = found
    return out
