"""Roles a sentence leaves open, taken from the rest of the document, never make a party act on itself.
Invented texts."""

from __future__ import annotations

from english_coder import CODER

from storyline.model import Document, Event


def code(text: str) -> list[Event]:
    return CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day",
                          language="en")).events


def test_victims_of_an_agentless_killing_are_not_its_doers_because_they_struck_before() -> None:
    events = code("Protesters in Mashhad attacked two police stations on Sunday, witnesses said. "
                  "Riot police fired tear gas at the crowd near the university. "
                  "At least 40 protesters have been killed since the unrest began, according to rights groups.")
    killed = [e for e in events if e.trigger.text == "killed"]
    assert len(killed) == 1 and killed[0].recipient is not None
    assert killed[0].actor is None or killed[0].actor.name.casefold() != "protesters", killed[0].actor


def test_an_agentless_strike_still_takes_the_side_the_documents_other_strikes_are_by() -> None:
    events = code("Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said. "
                  "Russian jets also bombed a rail depot near the city overnight. "
                  "Three civilians were killed and a school was destroyed, the governor said.")
    killed = [e for e in events if e.trigger.text == "killed"]
    assert killed and killed[0].actor is not None and killed[0].actor.country == "RUS", [
        (e.trigger.text, e.actor) for e in events]


def test_the_announcer_of_deaths_among_its_own_people_or_forces_is_not_their_killer() -> None:
    for text in ("Three civilians were killed in the night, Ukraine's interior ministry said.",
                 "Two soldiers were killed near the border, the Ukrainian army said."):
        killed = [e for e in code(text) if e.trigger.text == "killed"]
        assert killed and all(e.actor is None for e in killed), [(e.actor, e.rule) for e in killed]


def test_a_state_force_announcing_strikes_on_smugglers_is_their_actor() -> None:
    events = code("Four vessels carrying drug smugglers were struck in the Caribbean on Friday, the U.S. Navy said.")
    struck = [e for e in events if e.type == "ASSAULT"]
    assert struck and struck[0].actor is not None and struck[0].actor.country == "USA", [
        (e.trigger.text, e.actor, e.recipient, e.rule) for e in events]


def test_a_place_struck_in_the_acts_own_clause_is_the_recipient_not_the_party_telling_of_it() -> None:
    events = code("Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said.")
    shelled = [e for e in events if e.trigger.text == "shelled"]
    assert shelled and shelled[0].recipient is not None
    assert (shelled[0].recipient.name, shelled[0].recipient.country) == ("Kharkiv", "UKR"), shelled[0].recipient


def test_with_no_place_in_the_clause_the_only_other_country_still_gives_the_recipients_country() -> None:
    events = code("Russian forces shelled villages on Monday, Ukrainian officials said.")
    shelled = [e for e in events if e.trigger.text == "shelled"]
    assert shelled and shelled[0].recipient is not None and shelled[0].recipient.country == "UKR"
