"""A document's content hash: the same for two copies of one text, and always that of its current text."""

from __future__ import annotations

import dataclasses

from storyline.model import Document, content_hash, normalise_text


def test_normalise_text_folds_quotes_space_and_case() -> None:
    text = "  The Minister\u00a0said:\n\n\u201cWe will  not\tyield,\u201d and \u2018soon\u2019.  "
    assert normalise_text(text) == "the minister said: \"we will not yield,\" and 'soon'."
    assert normalise_text("ﬁnal\u2003word\u2028") == "final word"  # NFKC ligature, other spaces, line separator


def test_the_hash_follows_the_text_and_is_no_field() -> None:
    doc = Document(source="invented.txt", text="Ships were seized off the coast on Monday.")
    first = doc.content_hash
    assert first == content_hash("ships  were seized off the coast on Monday.")  # copies share it
    doc.text = "Ships were released off the coast on Tuesday."
    assert doc.content_hash != first
    assert doc.content_hash == content_hash(doc.text)
    assert "_content_hash" not in dataclasses.asdict(doc)
    assert dataclasses.replace(doc, text="Another text entirely.").content_hash == content_hash("another text entirely.")
