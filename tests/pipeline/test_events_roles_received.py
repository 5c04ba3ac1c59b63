"""An act its subject receives ("received aid from X") is by the one it comes from. Invented sentences."""

from __future__ import annotations

from english_coder import asserted, first


def test_aid_received_from_a_state_is_that_states_aid_to_the_receiver() -> None:
    e = first("Pakistan received 500 million dollars in aid from the United States.", "AID")
    assert e.actor is not None and e.actor.country == "USA"
    assert e.recipient is not None and e.recipient.country == "PAK"


def test_a_call_received_is_made_by_the_caller() -> None:
    e = first("The Chilean president received a phone call from the Peruvian president.", "CONSULT")
    assert e.actor is not None and e.actor.country == "PER"
    assert e.recipient is not None and e.recipient.country == "CHL"


def test_an_offer_accepted_stays_the_acceptors_agreement() -> None:
    evs = [e for e in asserted("The Ethiopian government accepted an offer of food aid from Japan.") if e.type == "AGREE"]
    assert evs and evs[0].actor is not None and evs[0].actor.country == "ETH"


def test_a_group_of_no_country_acting_toward_the_only_government_named_is_of_that_country() -> None:
    e = first("Radical clerics staged a sit-in to demand the removal of the Tunisian prime minister.",
              "PROTEST")
    assert e.actor is not None and e.actor.country == "TUN"
    e = first("Students in Paris protested against the American government's decision.", "PROTEST")
    assert e.actor is not None and e.actor.country != "USA"  # another country is named: no guess


def test_a_second_participle_of_a_passive_has_no_actor_of_its_own() -> None:
    evs = asserted("Jordan protested to the Security Council over three Syrian shellings in which 14 farmers "
                   "were shot or injured.")
    assert not [e for e in evs if e.type == "ASSAULT" and e.actor is not None and e.actor.name == "14 farmers"]
    e = first("The Kenyan minister was indicted by the court and resigned.", "RETREAT")
    assert e.actor is not None and e.actor.country == "KEN"  # an active second verb keeps the undergoer


def test_two_coordinated_verbs_share_the_object_the_parser_gives_the_last() -> None:
    evs = asserted("Burmese soldiers beat and arrested dozens of students in Rangoon.")
    got = {(e.type, e.recipient.name if e.recipient else None) for e in evs}
    assert got == {("ASSAULT", "students"), ("COERCE", "students")}
