"""Acts of force told with no one named for them: targeting a vessel or a camp is a strike; an agentless one
announced by a state's forces is theirs when it is done to another side."""

from __future__ import annotations

from english_coder import asserted


def test_boats_targeted_as_a_navy_announces_are_its_strikes() -> None:
    coded = asserted("The Turkish navy confirmed that at least 21 smuggling boats have been targeted since early "
                     "September, resulting in 83 deaths.")
    e = next(e for e in coded if e.type == "ASSAULT")
    assert e.actor is not None and e.actor.country == "TUR" and "actor=announcer" in e.rule
    assert e.recipient is not None and e.recipient.sector == "CRM"


def test_boats_targeted_as_witnesses_say_have_no_actor() -> None:
    coded = asserted("Witnesses said that at least 21 smuggling boats have been targeted since early September.")
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
    coded = asserted("The Turkish army struck rebels. The operation involved at least seven explosions across "
                     "the town, targeting rebel camps in the hills.")
    assert not [e for e in coded if "previous-sentence-subject" in e.rule]


# A reciprocal act told by one of its parties is told from that party's side; told by no party, in the order
# the parties are named.
def test_a_reciprocal_act_told_by_one_party_is_told_from_its_side() -> None:
    e = next(e for e in asserted("Carney said China and Canada would continue working together to stem the flow "
                                 "of steel.") if e.type == "AGREE")
    assert e.actor is not None and e.actor.country == "CAN"
    assert e.recipient is not None and e.recipient.country == "CHN"


def test_a_reciprocal_act_told_by_no_party_keeps_the_order_of_the_names() -> None:
    e = next(e for e in asserted("China and Canada held talks in Ottawa.") if e.type == "CONSULT")
    assert e.actor is not None and e.actor.country == "CHN"
