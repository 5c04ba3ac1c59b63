"""Three readings on invented sentences: the month "March" is no march, an accusation by no one named is
no state's act unless only a state's authorities make it, and a date inside a relative clause dates that
clause, not the main verb."""

from __future__ import annotations

from english_coder import asserted, first


def test_the_month_march_is_no_protest_march() -> None:
    events = asserted("Late in March the union staged a march on the ministry.")
    protests = [e for e in events if e.type == "PROTEST"]
    assert [e.trigger.text for e in protests] == ["march"]
    assert not [e for e in asserted("The bloc, which in March imposed new curbs, convened a meeting.")
                if e.type == "PROTEST"]


def test_a_charge_by_no_one_named_is_the_authorities_of_the_place() -> None:
    e = first("A Chilean banker was charged with bribery in Madrid.", "ACCUSE")
    assert e.actor is not None and e.actor.country == "ESP" and "place-authorities" in e.rule


def test_an_accusation_by_no_one_named_stays_without_an_actor() -> None:
    e = first("Peacekeepers have been accused of abuses in Mali.", "ACCUSE")
    assert e.actor is None
    e = first("A Chilean banker was accused of bribery in Spain.", "ACCUSE")
    assert e.actor is None


def test_a_date_in_a_relative_clause_does_not_date_the_main_verb() -> None:
    events = asserted("The European Union, which imposed sanctions on Ruritania last year, convened a summit.")
    summit = next(e for e in events if e.type == "CONSULT")
    assert summit.date is None or summit.date >= "2025"
    assert not summit.background
    sanction = next(e for e in events if e.type == "SANCTION")
    assert sanction.date is not None and sanction.date.startswith("2024")


def test_a_trigger_below_the_main_clause_keeps_the_sentence_date() -> None:
    e = first("The tariffs that the president decided to pause on Feb. 3 came after Mexico agreed to send "
              "more troops to the border.", "AGREE")
    assert e.date == "2025-02-03"
