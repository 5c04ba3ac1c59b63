"""A nickname in marks inside a person's name ('Del. Nina "Nin" Pell', 'Robert C. “Bobby” Lark') is part of
the name: never a quotation with a speaker, and no break in the speaker's name."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline import build

PIPELINE = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def quotes(text: str) -> dict[str, tuple[str | None, str]]:
    doc = PIPELINE(Document(source="test", text=text, language="en"))
    return {q.text[:16]: (q.speaker.name if q.speaker else None, q.rule) for q in doc.quotes}


def test_a_speaker_named_with_a_nickname_after_the_quotation() -> None:
    got = quotes('"This is our year!" Lark\'s cousin, state Del. Nina "Nin" Pell (D-Hampton), shouted to the '
                 'crowd. "The whole state is watching."')
    assert got["This is our year"][0] == "Nina Pell", got
    assert got["The whole state "][0] == "Nina Pell", got
    assert got["Nin"] == (None, "quote:term:straight"), got


def test_a_speaker_named_with_a_nickname_and_an_initial() -> None:
    got = quotes("Rep. Robert C. “Bobby” Lark spoke first at the picnic.\n\n“This is our year,” he said.")
    assert got["This is our year"][0] == "Robert C. Lark", got
    assert got["Bobby"][0] is None, got


def test_a_capitalised_word_in_marks_after_an_ordinary_word_is_no_nickname() -> None:
    # "the" is no given name: the quoted word stays a quotation of the speaker's words
    got = quotes("Mara Quill called the plan “Reckless” on Monday, and her aides agreed.")
    assert "term" not in got["Reckless"][1], got
