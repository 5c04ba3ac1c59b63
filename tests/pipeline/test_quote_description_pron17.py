"""A sentence opened by a description ("the former governor", "the congresswoman") stands for the person
named before with that title or role, as an antecedent for a later he/she."""

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
DESCRIBED = [
    (  # "Gov." before the name tells "the governor"
        "Former Gov. Gil Ramos campaigned in Fresno on Monday. Senator Lia Fong spoke in Sacramento.\n\n"
        "In Fresno, the former governor attacked the water plan. “It is a disaster for farmers,” he said.",
        "It is a disaster", "Gil Ramos", "Lia Fong",
    ),
    (  # "Rep." tells "the congresswoman"; a speaker named after her is someone else
        "Rep. Priya Nand of Ohio spoke after the vote. Dale Munro, a lobbyist, said the bill would fail.\n\n"
        "The congresswoman was defiant. “We will pass it next year,” she said.",
        "We will pass it", "Priya Nand", "Dale Munro",
    ),
    (  # the head of an apposition tells the role ("Ray Tobin, the fire chief,")
        "Ray Tobin, the fire chief, drove to the ridge at dawn. Ben Sorrel, a farmer, helped with the "
        "hoses.\n\nThe chief was exhausted. “Our crews saved dozens of homes,” he said.",
        "Our crews saved", "Ray Tobin", "Ben Sorrel",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), DESCRIBED)
def test_a_description_opening_the_sentence_before_stands_for_the_person_with_that_role(
        text: str, starts: str, speaker: str, not_speaker: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and speaker in name and not_speaker not in name, name


def test_a_description_that_fits_no_one_named_before_gives_no_one() -> None:
    # nobody was named as a judge: "the judge" is someone else, and the pronoun is not read back to her
    text = ("Sen. Ruth Calder left the courthouse at noon.\n\n“The law is clear,” said Ilse Varn, a professor.\n\n"
            "The judge was unmoved. “I will rule on Friday,” she said.")
    name = speaker_of(text, "I will rule")
    assert name is None or "Ruth Calder" not in name, name
