"""A party said to have failed in a duty is criticised (ACCUSE), cooperation told in the passive is the
document's main counterpart's, and a state named as the object gives the generic subject no country.
Invented sentences in the shapes of wire copy."""

from __future__ import annotations

import pytest
from english_coder import CODER, asserted, first, roles, top

from storyline.model import Document


@pytest.mark.parametrize("text, actor, recipient", [
    ("The Turkish minister said Greece had failed to stop the smugglers.", "TUR", "GRC"),
    ("The Kenyan president said Somalia has failed to secure its border.", "KEN", "SOM"),
    ("Officials said the army failed to protect the villagers.", None, None),
])
def test_a_party_that_failed_in_a_duty_is_criticised(text: str, actor: str | None, recipient: str | None) -> None:
    e = first(text, "ACCUSE")
    assert e.mode == "disapprove" and "frame:blame" in e.rule
    assert roles(text, "ACCUSE") == (actor, recipient)


@pytest.mark.parametrize("text", [
    "The minister said the talks had failed to produce a deal.",  # no party failed
    "The minister said Greece had failed to stop the smugglers.",  # whose minister is not told
    "The Turkish minister said Greece had not failed to stop the smugglers.",
])
def test_no_criticism_without_a_party_blamed_by_another(text: str) -> None:
    assert "ACCUSE" not in {e.type for e in asserted(text)}


def test_a_criticism_that_says_why_is_one_accusation() -> None:
    text = "The president criticized Mexico, saying it had failed to stop the flow of migrants."
    evs = [e for e in asserted(text) if e.type == "ACCUSE"]
    assert len(evs) == 1 and "verb:criticize" in evs[0].rule


def test_a_state_criticised_is_not_the_critics_own() -> None:
    # a single sentence: the only country named is the object's, so it is not the president's
    assert roles("The president criticized Mexico.", "ACCUSE") == (None, "MEX")


def test_cooperation_in_the_passive_is_the_main_counterparts() -> None:
    text = ("Kenya and the United States signed a security pact on Monday. The United States will train Kenyan "
            "police. The intelligence is shared with the Kenyan government.")
    e = next(e for e in asserted(text) if e.type == "COOPERATE")
    assert "actor=document-counterpart" in e.rule
    assert roles(text, "COOPERATE") == ("USA", "KEN")


def test_cooperation_in_the_passive_with_no_counterpart_has_no_giver() -> None:
    assert "COOPERATE" not in {e.type for e in asserted("The intelligence is shared with the Kenyan government.")}


# --- "would" in reported speech, welcomes, and blame of a party's statement ------------------------------------

def test_would_after_a_past_speech_verb_is_the_planned_act() -> None:
    e = next(e for e in CODER(_doc("Jordan said it would dispatch additional troops to the Syrian frontier.")).events
             if e.type == "MOBILIZE")
    assert e.status == "planned" and "would-as=planned" in e.rule


@pytest.mark.parametrize("text", [
    "Kenya said it would send troops to Haiti if the UN approved the mission.",  # a condition
    "Analysts said China would send warships to the islands.",  # another's guess, not one's own word
])
def test_would_under_a_condition_or_in_anothers_words_stays_hypothetical(text: str) -> None:
    evs = [e for e in CODER(_doc(text)).events if e.type == "MOBILIZE"]
    assert evs and all(e.status == "hypothetical" for e in evs)


def test_welcoming_an_event_about_a_person_supports_it() -> None:
    assert top("The election of the new president was welcomed by the African Union.") == "SUPPORT"
    assert top("The Kenyan president welcomed the election of the new Somali president.") == "SUPPORT"
    assert top("The Egyptian president welcomed the visiting Jordanian king.") == "CONSULT"


@pytest.mark.parametrize("text, recipient", [
    ("The Chinese foreign ministry said the American report was full of lies.", "USA"),
    ("China said the American claims were an outrageous provocation.", "USA"),
])
def test_judging_a_partys_statement_wrong_accuses_the_party(text: str, recipient: str) -> None:
    e = first(text, "ACCUSE")
    assert "frame:blame" in e.rule and e.recipient is not None and e.recipient.country == recipient


@pytest.mark.parametrize("text", [
    "China said the report was baseless.",  # no party named
    "The minister said the weather was dangerous.",
])
def test_a_judgement_of_no_party_or_act_is_no_accusation(text: str) -> None:
    assert "ACCUSE" not in {e.type for e in asserted(text)}


def _doc(text: str) -> Document:
    return Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en")


def test_a_place_hung_on_the_agent_of_a_nominal_act_is_its_recipient() -> None:
    # the parser hangs "to Moscow" on "president" in "a visit by the Chinese president to Moscow"
    e = first("A visit by the Chinese president to Moscow began on Monday.", "CONSULT")
    assert (e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) == ("CHN", "RUS")


def test_coming_under_fire_is_force_by_the_side_it_came_from() -> None:
    e = first("Kenyan troops came under fire from al-Shabaab militants near the border.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "KEN"
    assert e.actor is not None and e.actor.sector == "REB" and "actor=source-of-fire" in e.rule
    assert "ASSAULT" not in {x.type for x in asserted("The government came under pressure from the unions.")}


@pytest.mark.parametrize("text, type_, actor", [
    ("Ukraine's request for more weapons was discussed at the summit in Brussels.", "REQUEST", "UKR"),
    ("The ministers considered Iran's offer of talks.", "AGREE", "IRN"),
])
def test_a_speech_act_made_and_then_weighed_was_made(text: str, type_: str, actor: str) -> None:
    e = first(text, type_)
    assert e.status == "asserted" and e.actor is not None and e.actor.country == actor


def test_an_act_under_deliberation_is_not_asserted() -> None:
    assert "ASSAULT" not in {e.type for e in asserted("The American government is considering strikes on Iran.")}
