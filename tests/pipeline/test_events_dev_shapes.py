"""Readings of the tree coder on invented wire sentences in shapes that news reports take: a designation
of armed or criminal groups (one test per rule)."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


# Designating an armed or criminal group lists it (a SANCTION), whatever the list is named and however long
# the object runs; designating a place or a person to a post is no sanction.
@pytest.mark.parametrize("text", [
    "The interior minister designated several of the gangs and militias that run the northern ports.",
    "The cabinet designated the smuggling cartels operating along the river last week.",
])
def test_designating_a_criminal_or_armed_group_is_a_sanction(text: str) -> None:
    e = first(text, "SANCTION")
    assert e.recipient is not None and e.recipient.sector in ("CRM", "MIL", "REB")


@pytest.mark.parametrize("text", [
    "The mayor designated the old market a pedestrian zone.",
    "The party designated its deputy leader as its candidate for the capital.",
])
def test_designating_a_place_or_a_candidate_is_no_sanction(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "SANCTION"]
