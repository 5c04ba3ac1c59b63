"""Readings of the tree coder on invented wire sentences in shapes that news reports take: a designation
of armed or criminal groups, an act told as the purpose of an armed operation, the approval of an act of
force (one test per rule)."""

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


# An act told as the purpose of an armed operation ("ordered an operation to seize X") takes the status of
# the verb over the operation: ordered, it is told as done; planned, it is planned.
def test_an_ordered_operation_tells_its_purpose_as_done() -> None:
    e = first("The prime minister ordered an operation to arrest the rebel commander.", "COERCE")
    assert e.status == "asserted"


def test_a_planned_operation_keeps_its_purpose_planned() -> None:
    coded = asserted("The army planned an operation to arrest the rebel commander.")
    assert not [e for e in coded if e.type == "COERCE"]
    assert [e for e in coded if e.type == "THREATEN"]  # a planned act of coercion, announced


# Seizing another state's leader in an operation a state's leader ordered is an abduction (ASSAULT), by the
# ordering state, on the leader's country.
def test_an_operation_to_seize_a_foreign_leader_is_an_assault() -> None:
    e = first("The Russian president ordered an operation to seize and detain the Georgian prime minister.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "RUS"
    assert e.recipient is not None and e.recipient.country == "GEO"


# A leader saying an act of force of his side would be fine with him approves a possible act: a THREATEN, by
# him (the subject of the verb of saying, or the possessor of the remarks the clause qualifies); the act
# approved is no event of its own, and an act or a thing refused, or one that is no act of force, is no threat.
def test_approving_a_possible_strike_is_a_threat() -> None:
    coded = asserted("The Turkish president said air strikes on the militants would be fine with him.")
    assert [e.type for e in coded] == ["THREATEN"]
    assert coded[0].actor is not None and coded[0].actor.country == "TUR"


def test_remarks_approving_a_raid_threaten_by_their_author() -> None:
    e = first("While Baghdad rejects any such move, the Turkish president’s latest remarks – suggesting raids on "
              "the border are “okay with me” – have angered Iraq.", "THREATEN")
    assert e.actor is not None and e.actor.country == "TUR"


@pytest.mark.parametrize("text", [
    "The mayor said the new bus timetable was fine with him.",
    "The Turkish president said air strikes on the militants were not acceptable to him.",
    "The Turkish president said air strikes on the militants were not okay with him.",
])
def test_approving_no_act_of_force_is_no_threat(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "THREATEN"]


# An act of force told by its toll in a verb coordinated with another ("the raids hit X and have taken the
# lives of ten"): the coordinated verbs share the act as subject, so the toll tells the act, aimed at what the
# first verb names.
def test_a_toll_coordinated_with_a_hit_tells_the_act_on_its_target() -> None:
    e = first("The raids hit speedboats full of cocaine and so far have taken the lives of 9 crew.", "ASSAULT")
    assert e.recipient is not None and e.recipient.sector == "CRM"
