"""A demand put in the passive ("must be released") is made of whoever does the act, named by "by" or not
at all; the people it is about are not its recipient."""

from __future__ import annotations

from english_coder import first


def test_a_passive_demand_has_no_recipient_when_no_one_is_named_by_by() -> None:
    e = first("Germany said the journalists must be released.", "REQUEST")
    assert e.actor is not None and e.actor.country == "DEU"
    assert e.recipient is None and "recipient=none" in e.rule


def test_a_passive_demand_is_made_of_the_agent_named_by_by() -> None:
    e = first("Canada said the refugees must not be forced back by the army.", "REQUEST")
    assert e.recipient is not None and e.recipient.name == "army"
    assert "recipient:passive-agent" in e.rule


def test_an_active_demand_is_still_made_of_the_clause_subject() -> None:
    e = first("France said Russia must withdraw its troops.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "RUS"
