"""Quote speakers read back from "he"/"she" by gender the text itself gives a person."""

from __future__ import annotations

import pytest

from storyline.model import Document
from storyline.pipeline import build

QUOTES = build(["quotes"], given=("text",))


def speaker_of(text: str, starts: str) -> str | None:
    doc = QUOTES(Document(source="test", text=text, mentions=[]))
    hits = [q for q in doc.quotes if q.text.startswith(starts)]
    assert hits, [q.text for q in doc.quotes]
    return hits[0].speaker.name if hits[0].speaker else None


# text, start of the quotation, the speaker, a person who must not be taken for them
ROLE_GENDER = [
    (  # "a spokeswoman" in apposition makes the person a woman; the later man is no "she"
        "Avery Tolland, a spokeswoman for the port authority, answered questions on Monday. "
        "Later Jordan Pike, a spokesman for the dockers, said the strike would go on.\n\n"
        "“We have offered them everything the budget allows,” she said.",
        "We have offered", "Avery Tolland", "Jordan Pike",
    ),
    (  # a kinship noun before the name, in apposition ("her husband, Kim Arlo")
        "Morgan Vale spoke first at the hearing. Her husband, Kim Arlo, waited near the door.\n\n"
        "“Nobody told us the water was unsafe,” she said.",
        "Nobody told us", "Morgan Vale", "Kim Arlo",
    ),
    (  # "the father of" in apposition: a man, so "she" goes back past him
        "Robin Heale led the march to the town hall. Sasha Cord, the father of one of the injured "
        "pupils, walked beside her.\n\n"
        "“The council has to answer for this,” she said.",
        "The council has to answer", "Robin Heale", "Sasha Cord",
    ),
    (  # ... and "he" takes him, not the woman named after him
        "Sasha Cord, the father of one of the injured pupils, led the march. Robin Heale, a "
        "congresswoman from the district, walked beside him.\n\n"
        "“The council has to answer for this,” he said.",
        "The council has to answer", "Sasha Cord", "Robin Heale",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), ROLE_GENDER)
def test_a_gendered_role_noun_in_apposition_tells_the_gender(text: str, starts: str, speaker: str,
                                                            not_speaker: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and speaker in name and not_speaker not in name, name


# text, start of the quotation, the speaker (None: left unattributed), a name it must not be
THEY_GROUPS = [
    (  # a group of people opening the sentence before
        "Lawyers for the family filed an appeal on Monday.\n\n“The ruling ignores the evidence,” they said.",
        "The ruling ignores", "Lawyers", None,
    ),
    (  # the body after "at" when it is named, as the cue reader takes "officials at the ... said"
        "Officials at the Harbour Ministry closed the port on Monday.\n\n"
        "“We will reopen it when the storm passes,” they said.",
        "We will reopen", "Harbour Ministry", None,
    ),
    (  # through an opening "They" that reads back to the group: never one of the people named in it
        "Critics of the plan, like Senators Dana Whitfield and Tom Reyes, say it costs too much. "
        "They petitioned the committee on Thursday.\n\n“The program is broken,” they wrote.",
        "The program is broken", "Critics", "Reyes",
    ),
    (  # "they" never reads back to one person
        "Jordan Pike closed the shop on Friday after twenty years.\n\n“We could not go on,” they said.",
        "We could not go on", None, "Jordan Pike",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "not_speaker"), THEY_GROUPS)
def test_they_reads_back_to_a_group(text: str, starts: str, speaker: str | None, not_speaker: str | None) -> None:
    name = speaker_of(text, starts)
    if speaker is None:
        assert name is None, name
    else:
        assert name is not None and speaker in name, name
    assert not_speaker is None or name is None or not_speaker not in name, name


PARSED = build(["segment", "parse", "actors", "quotes"], given=("text", "language"))


def test_a_clause_in_a_dash_aside_does_not_speak_for_a_participle_after_it() -> None:
    text = ("Small groups of marchers walked the streets around Riverside Arena - where the Riverside Hawks "
            "played the Lakeport Owls - while chanting, \"No more cuts.\"")
    doc = PARSED(Document(source="test", text=text, language="en"))
    q = next(q for q in doc.quotes if q.text.startswith("No more cuts"))
    assert q.speaker is None or "Hawks" not in q.speaker.name, (q.speaker, q.rule)


HANDOVER = [
    (  # the sentence just before the quotation turns to another person, who asks
        "“We cannot add a fourth rocket by then,” Dana Whitfield said. “The budget does not allow it.” "
        "Tom Reyes returned to the question later in the session. “What other vehicle could carry the crew?”",
        "What other vehicle", "Tom Reyes",
    ),
    (  # a sentence about something else keeps the speaker
        "“We cannot add a fourth rocket by then,” Dana Whitfield said. The budget was cut twice last year. "
        "“Nothing else can carry the crew.”",
        "Nothing else can carry", "Dana Whitfield",
    ),
    (  # nor does the speaker's own surname opening the sentence hand over
        "“We cannot add a fourth rocket by then,” Dana Whitfield said. Whitfield paused before going on. "
        "“Nothing else can carry the crew.”",
        "Nothing else can carry", "Dana Whitfield",
    ),
    (  # nor does a possessor opening it ("Reyes's aide" is no Reyes)
        "“We cannot add a fourth rocket by then,” Dana Whitfield said. Tom Reyes’s aide nodded slowly. "
        "“Nothing else can carry the crew.”",
        "Nothing else can carry", "Dana Whitfield",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), HANDOVER)
def test_a_sentence_about_another_person_hands_the_next_quotation_over(text: str, starts: str, speaker: str) -> None:
    name = speaker_of(text, starts)
    assert name is not None and speaker in name, name
