"""'they' reads back to a group of people opening the sentence before: a number of them ("Thousands of
workers", "Several residents"), people named by a noun for them ("workers", "parents"), a family."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.pipeline import build

PIPELINE = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def speaker_of(text: str, starts: str) -> str | None:
    doc = PIPELINE(Document(source="test", text=text, language="en"))
    hits = [q for q in doc.quotes if q.text.startswith(starts)]
    assert hits, [q.text for q in doc.quotes]
    return hits[0].speaker.name if hits[0].speaker else None


# text, start of the quotation, the group's words in the speaker's name
GROUPS = [
    ("Thousands of workers marched through the capital on Saturday.\n\n“We cannot live on these wages,” they "
     "chanted.", "We cannot live", "workers"),
    ("The family of the missing hiker spoke to reporters on Sunday.\n\n“We just want him home,” they said.",
     "We just want him", "family"),
    ("Dozens of parents waited outside the school gates.\n\n“Nobody has told us anything,” they said.",
     "Nobody has told", "parents"),
]


@pytest.mark.parametrize(("text", "starts", "group"), GROUPS)
def test_they_reads_back_to_a_group_of_people_opening_the_sentence_before(text: str, starts: str,
                                                                          group: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and group in name, name


def test_they_does_not_read_back_to_one_person_or_a_thing() -> None:
    assert speaker_of("Mara Quill spoke to reporters on Sunday.\n\n“We just want him home,” they said.",
                      "We just want") is None
    assert speaker_of("Thousands of leaflets fell on the square.\n\n“Go home,” they said.", "Go home") is None
