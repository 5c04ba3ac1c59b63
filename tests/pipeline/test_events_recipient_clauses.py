"""Recipients the English coder takes from the trigger's own words rather than from elsewhere in the
sentence: a phrasal verb's preposition labelled a particle, a demonym's people of the actor's own country
(invented wire sentences; each rule has a sentence of the same shape where it must keep the reading it had)."""

from __future__ import annotations

from english_coder import asserted, first


# "called on X to ...": the parser sometimes labels "on" a particle and still hangs X on it.
def test_call_on_with_a_particle_keeps_its_object_as_recipient() -> None:
    e = first("The Iowa senator called on Republicans to unendorse Jones.", "REQUEST")
    assert e.recipient is not None and "Republicans" in e.recipient.name


def test_call_on_still_takes_its_object_over_the_act_asked_for() -> None:
    e = first("Senator Ana Ruiz called on the Spanish government to punish Russia over the attack.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "ESP"


# "urged the American public": the people of one's own country are a party addressed, unlike the state.
def test_a_leader_urging_his_own_public_has_it_as_recipient() -> None:
    e = first("President Barack Obama urged the American public to reject the delays of the Congress.",
              "REQUEST")
    assert e.recipient is not None and e.recipient.country == "USA" and "public" in e.recipient.name


def test_ones_own_country_named_by_its_name_is_still_no_recipient() -> None:
    e = first("President Barack Obama threatened U.S. strikes on the camps.", "THREATEN")
    assert e.recipient is None or e.recipient.country != "USA"


# "praised Ann Lowe's work": the person whose work or act it is, even one no lexicon knows, is the recipient.
def test_an_unlisted_person_owning_the_object_is_the_recipient() -> None:
    e = first("The mayor said state officials praised Ana Lowe's work on the budget.", "SUPPORT")
    assert e.recipient is not None and e.recipient.name == "Ana Lowe"


def test_the_named_owner_of_a_relative_is_not_the_one_met() -> None:
    found = [e for e in asserted("The governor held a phone conversation with Ana Lowe's mother on Monday.")
             if e.type == "CONSULT"]
    assert all(e.recipient is None or e.recipient.name != "Ana Lowe" for e in found)


# "gave Ana Lowe an endorsement": the receiver of a light verb's act, even one no lexicon knows.
def test_an_unlisted_receiver_of_a_light_verb_is_the_recipient() -> None:
    e = first("During the primaries, the Herald gave Ana Lowe a glowing endorsement.", "SUPPORT")
    assert e.recipient is not None and e.recipient.name == "Ana Lowe"


def test_a_known_receiver_of_a_light_verb_keeps_its_country() -> None:
    e = first("During the primaries, the Herald gave France a glowing endorsement.", "SUPPORT")
    assert e.recipient is not None and e.recipient.country == "FRA"


# "Chile and Peru sealed their agreement": a verb of the same act over a reciprocal noun, like a light verb,
# makes the two subjects each other's counterpart.
def test_two_parties_sealing_their_agreement_are_each_others_recipient() -> None:
    e = first("Chile and Peru sealed their agreement on Monday.", "AGREE")
    assert e.recipient is not None and {e.actor.country, e.recipient.country} == {"CHL", "PER"}  # type: ignore[union-attr]


def test_one_party_sealing_an_agreement_with_another_keeps_it() -> None:
    e = first("Chile sealed its agreement with Peru on Monday.", "AGREE")
    assert e.actor is not None and e.actor.country == "CHL" and e.recipient is not None \
        and e.recipient.country == "PER"


# "a condemnation of Iran's launch ... and pledged to impose sanctions": the owner of the thing the first
# act is about is whom the second, naming no one, is aimed at.
def test_the_owner_of_a_first_acts_object_is_the_next_acts_recipient() -> None:
    found = [e for e in asserted("The Arab League on Monday issued a sharp condemnation of Iran's missile launch "
                                 "and pledged to impose new sanctions.") if e.type == "THREATEN"]
    assert found and found[0].recipient is not None and found[0].recipient.country == "IRN"


def test_a_second_act_naming_its_own_target_keeps_it() -> None:
    found = [e for e in asserted("The Arab League on Monday issued a sharp condemnation of Iran's missile launch "
                                 "and pledged to impose new sanctions on Syria.") if e.type == "THREATEN"]
    assert found and found[0].recipient is not None and found[0].recipient.country == "SYR"


def test_a_name_owning_a_body_is_not_taken_for_a_person() -> None:
    found = [e for e in asserted("The committee filed a complaint with Lakeside Heights's ethics board on Monday.")
             if e.type == "ACCUSE"]
    assert all(e.recipient is None or e.recipient.name != "Lakeside Heights" for e in found)
