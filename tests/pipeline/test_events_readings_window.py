"""Readings whose window or phrase left common shapes uncoded. Invented sentences."""

from __future__ import annotations

from english_coder import asserted, first


def test_prisoners_released_are_found_past_a_number_and_an_adjective() -> None:
    e = first("The Peruvian government released 50 political prisoners on Sunday.", "RETREAT")
    assert e.mode == "release"


def test_a_released_statement_is_still_no_release_of_people() -> None:
    assert not [e for e in asserted("The Peruvian army released a long statement on the prisoners.")
                if e.type == "RETREAT"]


def test_breaking_relations_reduces_them() -> None:
    e = first("Libya broke diplomatic relations with Egypt on Monday.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "EGY"


def test_supplies_sent_are_found_past_a_measure() -> None:
    e = first("Britain sent three planeloads of medical supplies to Armenia.", "AID")
    assert e.recipient is not None and e.recipient.country == "ARM"


def test_a_telephone_conversation_held_is_a_consultation() -> None:
    e = first("The Chilean president held a telephone conversation with the Peruvian president.", "CONSULT")
    assert e.mode == "phone" and e.recipient is not None and e.recipient.country == "PER"


def test_parties_returning_to_the_negotiating_table_consult() -> None:
    evs = [e for e in asserted("Israel and Syria returned to the negotiating table on Monday.") if e.type == "CONSULT"]
    assert {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in evs} == {
        ("ISR", "SYR"), ("SYR", "ISR")}
