"""A party said to have failed in a duty is criticised (ACCUSE), cooperation told in the passive is the
document's main counterpart's, and a state named as the object gives the generic subject no country.
Invented sentences in the shapes of wire copy."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


def _roles(text: str, type_: str) -> tuple[str | None, str | None]:
    e = first(text, type_)
    return (e.actor.country if e.actor else None), (e.recipient.country if e.recipient else None)


@pytest.mark.parametrize("text, actor, recipient", [
    ("The Turkish minister said Greece had failed to stop the smugglers.", "TUR", "GRC"),
    ("The Kenyan president said Somalia has failed to secure its border.", "KEN", "SOM"),
    ("Officials said the army failed to protect the villagers.", None, None),
])
def test_a_party_that_failed_in_a_duty_is_criticised(text: str, actor: str | None, recipient: str | None) -> None:
    e = first(text, "ACCUSE")
    assert e.mode == "disapprove" and "frame:blame" in e.rule
    assert _roles(text, "ACCUSE") == (actor, recipient)


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
    assert _roles("The president criticized Mexico.", "ACCUSE") == (None, "MEX")


def test_cooperation_in_the_passive_is_the_main_counterparts() -> None:
    text = ("Kenya and the United States signed a security pact on Monday. The United States will train Kenyan "
            "police. The intelligence is shared with the Kenyan government.")
    e = next(e for e in asserted(text) if e.type == "COOPERATE")
    assert "actor=document-counterpart" in e.rule
    assert _roles(text, "COOPERATE") == ("USA", "KEN")


def test_cooperation_in_the_passive_with_no_counterpart_has_no_giver() -> None:
    assert "COOPERATE" not in {e.type for e in asserted("The intelligence is shared with the Kenyan government.")}
