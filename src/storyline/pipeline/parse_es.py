"""Spanish token layer: spaCy's Spanish tokenizer (`spacy.blank("es")`), simplemma's lemma table and
part of speech by rule; no statistical parser.

Takes the document and the sentences `parse.parse` chose, and appends their words to
`doc.tokens` with offsets into the clean text. Lemmas come from simplemma's Spanish table (a
lookup shipped inside the package, nothing downloaded). Parts of speech are read from the closed
classes in `lexicon/es/words.yaml`, digits (NUM), capitals inside a sentence (PROPN) and lemmas in
-ar/-er/-ir that differ from the word (VERB); the rest are NOUN. The conditional and the future
come out as `morph` ("Mood=Cnd", "Tense=Fut") from the verb's ending. `dep` is empty and every
word is its own head: the Spanish rules (`events_es.py`) read word order, not a tree.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from ..lexicon_data import load_yaml
from ..model import Document, Span, Token


@cache
def spanish() -> Any:
    import spacy

    return spacy.blank("es")


@cache
def _words() -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    data = load_yaml("es/words.yaml")
    pos = {w.lower(): tag for tag, words in data["pos"].items() for w in words}
    return pos, tuple(data["conditional_endings"]), tuple(data["future_endings"])


@lru_cache(maxsize=1 << 16)  # the last words asked: an archive's vocabulary keeps growing
def lemma(word: str) -> str:
    import simplemma

    low = word.lower()
    if not low.isalpha():
        return low
    return str(simplemma.lemmatize(low, lang="es")).lower()


def tag(word: str, lem: str, first: bool) -> tuple[str, str]:
    """Part of speech and morphology of one word, by rule."""
    closed, cond, fut = _words()
    low = word.lower()
    if low in closed:
        return closed[low], ""
    if any(c.isdigit() for c in word):
        return "NUM", ""
    if not word[:1].isalpha():
        return "PUNCT", ""
    if word[:1].isupper() and not first:
        return "PROPN", ""
    if lem != low and lem.endswith(("ar", "er", "ir", "ír")):
        if low.endswith(cond):
            return "VERB", "Mood=Cnd"
        if low.endswith(fut):
            return "VERB", "Tense=Fut"
        return "VERB", ""
    return "NOUN", ""


def parse_sentences(doc: Document, chosen: list[tuple[int, Span]]) -> None:
    nlp = spanish()
    with nlp.memory_zone():  # a new word's strings leave the vocabulary once read (see `parse`)
        for (k, span), sdoc in zip(chosen, nlp.pipe(s.text for _, s in chosen), strict=True):
            first = True
            for t in sdoc:
                if t.is_space:
                    continue
                n = len(doc.tokens)
                lem = lemma(t.text)
                pos, morph = tag(t.text, lem, first)
                first = first and pos == "PUNCT"
                doc.tokens.append(Token(start=span.start + t.idx, end=span.start + t.idx + len(t.text), text=t.text,
                                        lemma=lem, pos=pos, tag="", dep="", head=n, sent=k, morph=morph))
            doc.parsed.append(k)
