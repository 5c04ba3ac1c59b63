"""Spanish token layer: spaCy's Spanish tokenizer (`spacy.blank("es")`), no statistical parser.

Takes the document and the sentences `parse.parse` chose, and appends their words to
`doc.tokens` with offsets into the clean text. Lemmas are lower-cased words for now; `dep` is
empty and every word is its own head (the Spanish rules read word order, not a tree).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..model import Document, Span, Token


@cache
def spanish() -> Any:
    import spacy

    return spacy.blank("es")


def parse_sentences(doc: Document, chosen: list[tuple[int, Span]]) -> None:
    nlp = spanish()
    for (k, span), sdoc in zip(chosen, nlp.pipe(s.text for _, s in chosen), strict=True):
        for t in sdoc:
            if t.is_space:
                continue
            n = len(doc.tokens)
            doc.tokens.append(Token(start=span.start + t.idx, end=span.start + t.idx + len(t.text), text=t.text,
                                    lemma=t.text.lower(), pos="", tag="", dep="", head=n, sent=k))
        doc.parsed.append(k)
