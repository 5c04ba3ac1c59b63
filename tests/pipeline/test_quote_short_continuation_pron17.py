"""A short quoted sentence right after a speaker's quotation in the same paragraph is that speaker's next
words ('"...," said Barb Kowalski, a retired nurse. "Nobody else does."'), though too short to stand as a
direct quotation on its own."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

PIPELINE = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def speakers(text: str) -> dict[str, str | None]:
    doc = PIPELINE(Document(source="test", text=text, language="en"))
    return {q.text[:16]: (q.speaker.name if q.speaker else None) for q in doc.quotes}


def test_a_short_sentence_after_a_speakers_quotation_goes_on_with_that_speaker() -> None:
    text = ("“He tells it like it is,” said Barb Kowalski, 61, a retired nurse from Racine who waited four hours "
            "to get in. “Nobody else does.”")
    assert speakers(text)["Nobody else does"] == "Barb Kowalski"


def test_a_short_sentence_with_no_speaker_before_it_stays_unattributed() -> None:
    text = "The crowd waited four hours in the rain outside the hall. “Nobody else does.”"
    assert speakers(text)["Nobody else does"] is None


def test_a_short_sentence_two_sentences_after_the_quotation_is_not_continued() -> None:
    text = ("“He tells it like it is,” said Barb Kowalski, a retired nurse. The doors opened at noon. The hall "
            "filled quickly. “Nobody else does.”")
    assert speakers(text)["Nobody else does"] is None
