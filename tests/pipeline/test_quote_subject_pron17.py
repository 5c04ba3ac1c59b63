"""The subject a sentence opens with, as an antecedent for a later he/she: not a possessor, not a name
after the verb of a sentence that opens with a common noun, past an opening adverb, and the name set
off after a role noun."""

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


# text, start of the quotation, the speaker, a person who must not be taken for them
SUBJECTS = [
    (  # a sentence opening with a common noun: the name after its verb is no subject
        "Iris Pond, the governor, spoke on Friday.\n\n“We need more pumps,” said Dara Kell, the mayor.\n\n"
        "The request went to Iris Pond's office, which reviewed it.\n\n“I expect an answer soon,” she said.",
        "I expect an answer", "Dara Kell", "Iris Pond",
    ),
    (  # a possessor opening the sentence is no subject: her lawyers are
        "“The contract was never signed,” said Tam Orrin, the developer.\n\n"
        "Wren Halloway's lawyers filed the papers on Monday.\n\n“We will see them in court,” she said.",
        "We will see them", "Tam Orrin", "Wren Halloway",
    ),
    (  # an opening adverb in -ly is skipped to the subject after its comma
        "Cass Idris and Noor Vell run the shelter together.\n\n"
        "“We are full every night,” Vell said, “and the winter has not started.”\n\n"
        "Ultimately, Cass Idris decides who stays.\n\n“We never turn anyone away,” she said.",
        "We never turn anyone away", "Cass Idris", "Noor Vell",
    ),
    (  # "The minister, Jules Ferrant, flew ...": the name after the role noun opens the sentence
        "“The talks are stuck,” said Lou Marchetti, an adviser, on Sunday.\n\n"
        "The minister, Jules Ferrant, flew to Brussels on Monday to meet his counterparts.\n\n"
        "“We made progress,” he told reporters.",
        "We made progress", "Jules Ferrant", "Lou Marchetti",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), SUBJECTS)
def test_the_opening_subject_is_read_as_a_reader_would(text: str, starts: str, speaker: str,
                                                       not_speaker: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and speaker in name and not_speaker not in name, name


def test_a_possessive_speaker_phrase_names_the_person_after_the_role() -> None:
    text = ("Voters in the district are split.\n\nSol Pond's campaign manager Robby Vane met donors on Monday.\n\n"
            "“We are two points behind,” he said.")
    assert speaker_of(text, "We are two points") == "Robby Vane"


def test_a_possessor_still_speaks_through_a_document_of_hers() -> None:
    text = ("The court heard the case on Monday. Wren Halloway's brief denied the claims and dismissed them "
            "as “old and already settled.”")
    assert speaker_of(text, "old and") == "Wren Halloway"
