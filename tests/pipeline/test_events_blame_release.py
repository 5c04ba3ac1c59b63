"""Statements that another party's act is unlawful (ACCUSE), people released (RETREAT), protesters who gather
(PROTEST), cooperation suspended (SANCTION), and the parser's double predicate read as an object. Invented
sentences in the shapes of wire copy."""

from __future__ import annotations

import pytest
from english_coder import CODER, asserted, first

from storyline.model import Document


def _roles(text: str, type_: str) -> tuple[str | None, str | None]:
    e = first(text, type_)
    return (e.actor.country if e.actor else None), (e.recipient.country if e.recipient else None)


# --- a statement of blame: the speaker accuses the party of the act ------------------------------------------

@pytest.mark.parametrize("text, actor, recipient", [
    ("The Colombian president said the US strikes were illegal.", "COL", "USA"),
    ("Venezuela's foreign minister said the American raids were an act of war.", "VEN", "USA"),
    ("The Mexican president said the deployment was a flagrant violation of international law.", "MEX", None),
    ("The Brazilian foreign minister said the Israeli strikes violated international law.", "BRA", "ISR"),
    ("Cuba said the blockade breached the UN charter.", "CUB", None),
])
def test_saying_an_act_is_unlawful_is_an_accusation(text: str, actor: str, recipient: str | None) -> None:
    e = first(text, "ACCUSE")
    assert e.mode == "disapprove" and "frame:blame" in e.rule
    assert _roles(text, "ACCUSE") == (actor, recipient)


@pytest.mark.parametrize("text", [
    "The Colombian president said the strikes were not illegal.",  # negated
    "The Colombian president denied that the strikes were illegal.",  # denied
    "The Colombian president said the strikes would be illegal if they went ahead.",  # hypothetical
    "The Colombian president said the strikes were a success.",  # no blame
    "The Colombian president said his own decision had been a mistake.",  # one's own side
    # a blame word further on in the complement is no blame of its subject
    "The Pentagon said the strikes were a lawful operation aimed at unlawful combatants.",
])
def test_no_accusation_without_a_plain_statement_of_blame(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "ACCUSE" and "frame:blame" in e.rule]


# --- the parser's two predicates: the name first is the object -------------------------------------------

@pytest.mark.parametrize("text", [
    "Petro called Trump a liar.",
    "Petro called Donald Trump a barbarian.",
])
def test_a_name_before_a_second_predicate_is_the_object(text: str) -> None:
    assert _roles(text, "ACCUSE") == ("COL", "USA")


def test_the_repair_turns_the_first_predicate_into_an_object() -> None:
    doc = CODER(Document(source="t", text="Petro called Trump a liar.", published="2025-11-18",
                         published_precision="day", language="en"))
    deps = {t.text: t.dep for t in doc.tokens}
    assert deps["Trump"] == "dobj" and deps["liar"] == "oprd"


# --- people released -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor, recipient", [
    ("Venezuela released six Americans after a visit by a US envoy.", "VEN", "USA"),
    ("The rebels freed three Colombians on Sunday.", "COL", "COL"),
])
def test_people_released_by_their_country(text: str, actor: str, recipient: str) -> None:
    assert first(text, "RETREAT").mode == "release"
    assert _roles(text, "RETREAT") == (actor, recipient)


@pytest.mark.parametrize("text", [
    "Mexico released the Venezuelan report on Monday.",
    "Attorneys for the family released it to The Washington Post.",
    "The Pentagon released a video of the strike on a Venezuelan boat.",
])
def test_things_released_are_no_release(text: str) -> None:
    assert "RETREAT" not in {e.type for e in asserted(text)}


# --- protesters gathered ----------------------------------------------------------------------------------------

def test_protesters_who_gather_outside_an_embassy_protest_against_its_state() -> None:
    text = "Protesters gathered outside the US embassy in Bogotá."
    assert first(text, "PROTEST").mode == "demo"
    assert _roles(text, "PROTEST")[1] == "USA"


def test_fans_who_gather_do_not_protest() -> None:
    assert not asserted("Fans gathered outside the stadium in Lima.")


# --- cooperation suspended -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor, recipient", [
    ("Colombia suspended intelligence sharing with the United States after the strikes.", "COL", "USA"),
    ("Venezuela suspended flights to Colombia.", "VEN", "COL"),
])
def test_cooperation_suspended_is_a_sanction_not_cooperation(text: str, actor: str, recipient: str) -> None:
    types = {e.type for e in asserted(text)}
    assert "SANCTION" in types and "COOPERATE" not in types
    assert _roles(text, "SANCTION") == (actor, recipient)
