"""He/she after a sentence that brings a new person into the text, named in full but not as its subject."""

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


# text, start of the quotation, the speaker
NEWCOMERS = [
    (  # "with X ... attacking": the newcomer is no subject, the speaker before her is in another paragraph
        "“The tariff will hurt farmers first,” said Devon Ash, an economist at Lakeview University.\n\n"
        "The dispute has become a flashpoint in the race, with Senator Mara Quill — who has opposed every "
        "trade deal since 2010 — attacking the plan.\n\n"
        "“This is a tax on families,” she said at a rally.",
        "This is a tax on families", "Mara Quill",
    ),
    (  # the newcomer is the object of the sentence before
        "“The budget is a mess,” said Ivan Dole, a councilman.\n\n"
        "The shortfall is something that worries Tomas Brede, the treasurer of the county board.\n\n"
        "“We have never seen numbers like these,” he said.",
        "We have never seen", "Tomas Brede",
    ),
    (  # after "Among them was ..." in the same paragraph as a speaker of the other gender
        "“The school will close in June,” said Hugo Marsh, the principal. Parents were furious. Among them "
        "was Fay Lorne, a mother of three.\n\n“Where will my kids go?” she asked.",
        "Where will my kids go", "Fay Lorne",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), NEWCOMERS)
def test_a_pronoun_reads_back_to_the_person_the_sentence_before_introduces(text: str, starts: str,
                                                                           speaker: str) -> None:
    assert speaker_of(text, starts) == speaker


# text, start of the quotation, the speaker, the newcomer who is not
KEEPS_TOPIC = [
    (  # the paragraph's own subject carries on past a newcomer named later in it
        "The minister, Jules Ferrant, flew to Brussels on Monday to meet his counterparts. Talks with Greta "
        "Holm, the Swedish envoy, ran late.\n\n“We made progress,” he told reporters.",
        "We made progress", "Jules Ferrant", "Greta Holm",
    ),
    (  # the sentence before opens with a pronoun, which goes on with the person before
        "Dara Kell, the mayor, toured the flooded streets on Sunday. She met Gov. Iris Pond at the "
        "levee.\n\n“The water is still rising,” she said.",
        "The water is still rising", "Dara Kell", "Iris Pond",
    ),
    (  # the newcomer was named before: not new
        "Iris Pond, the governor, spoke on Friday.\n\n“We need more pumps,” said Dara Kell, the mayor.\n\n"
        "The request went to Iris Pond's office, which reviewed it.\n\n“I expect an answer soon,” she said.",
        "I expect an answer", "Dara Kell", "Iris Pond",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), KEEPS_TOPIC)
def test_a_newcomer_does_not_displace_a_subject_or_a_person_named_before(text: str, starts: str, speaker: str,
                                                                        not_speaker: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and speaker in name and not_speaker not in name, name
