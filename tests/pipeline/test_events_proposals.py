"""A proposal to suspend a measure: whose measure it is decides whether it is an offer or a request."""

from __future__ import annotations

from english_coder import asserted

PROPOSAL = ("In the meeting, Albanese proposed suspending the tariffs until officials on both sides hammered out "
            "terms, the Australian prime minister said.")


# Proposing to suspend a measure another state imposed on one's own country asks that state to suspend it.
def test_proposing_to_suspend_the_other_sides_tariffs_is_a_request_to_it() -> None:
    coded = asserted("The US president imposed 25 percent tariffs on Australian beef last week. " + PROPOSAL)
    request = [e for e in coded if e.type == "REQUEST"]
    assert request and request[0].actor is not None and request[0].actor.country == "AUS"
    assert request[0].recipient is not None and request[0].recipient.country == "USA"
    assert not [e for e in coded if e.type == "AGREE"]


def test_proposing_to_suspend_a_measure_no_one_else_imposed_stays_an_offer() -> None:
    coded = asserted(PROPOSAL)
    assert [e for e in coded if e.type == "AGREE"] and not [e for e in coded if e.type == "REQUEST"]
