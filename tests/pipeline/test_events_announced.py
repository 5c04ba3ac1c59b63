"""Acts of force told with no one named for them: targeting a vessel or a camp is a strike; an agentless one
announced by a state's forces is theirs when it is done to another side."""

from __future__ import annotations

from english_coder import asserted


def test_boats_targeted_as_a_navy_announces_are_its_strikes() -> None:
    coded = asserted("The Egyptian navy reported that some 14 trafficking vessels have been targeted over the past "
                     "month, leaving 40 people dead.")
    e = next(e for e in coded if e.type == "ASSAULT")
    assert e.actor is not None and e.actor.country == "EGY" and "actor=announcer" in e.rule
    assert e.recipient is not None and e.recipient.sector == "CRM"


def test_boats_targeted_as_witnesses_say_have_no_actor() -> None:
    coded = asserted("Fishermen said that some 14 trafficking vessels have been targeted over the past month.")
    assert all(e.actor is None for e in coded if e.type == "ASSAULT")


def test_losses_a_navy_announces_of_its_own_are_not_its_strikes() -> None:
    coded = asserted("The Turkish navy said that two of its sailors were killed in the north.")
    assert all(e.actor is None or e.actor.country != "TUR" for e in coded if e.type == "ASSAULT")


def test_jets_targeting_camps_strike_them_and_sanctions_targeting_banks_do_not() -> None:
    assert [e for e in asserted("Turkish jets targeted rebel camps in the north.") if e.type == "ASSAULT"]
    assert not [e for e in asserted("The new sanctions target Russian banks.") if e.type == "ASSAULT"]


# "They include designating ...": the steps of the one the sentence before named; an act hung on a clause
# whose own subject is named and no party ("the operation involved ..., targeting ...") is not theirs.
def test_an_act_of_a_clause_with_a_subject_of_its_own_is_not_the_previous_sentences() -> None:
    coded = asserted("The Egyptian army shelled militants. The offensive included heavy blasts along the coast, "
                     "targeting insurgent convoys near the river.")
    assert not [e for e in coded if "previous-sentence-subject" in e.rule]


# A reciprocal act told by one of its parties is told from that party's side; told by no party, in the order
# the parties are named.
def test_a_reciprocal_act_told_by_one_party_is_told_from_its_side() -> None:
    e = next(e for e in asserted("Albanese said Japan and Australia would keep cooperating to curb the smuggling "
                                 "of weapons.") if e.type == "AGREE")
    assert e.actor is not None and e.actor.country == "AUS"
    assert e.recipient is not None and e.recipient.country == "JPN"


def test_a_reciprocal_act_told_by_no_party_keeps_the_order_of_the_names() -> None:
    e = next(e for e in asserted("China and Canada held talks in Ottawa.") if e.type == "CONSULT")
    assert e.actor is not None and e.actor.country == "CHN"
