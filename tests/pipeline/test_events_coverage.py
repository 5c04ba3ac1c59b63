"""Acts the manual codes though no actor is named in the clause (victims of an attack, an attempt on a life,
a trial), a needed preposition far from its verb, a bomb that explodes, joint exercises, and access granted,
on invented wire sentences."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


@pytest.mark.parametrize(("text", "victims"), [
    ("Six Malian soldiers were killed in an ambush.", "MLI"),
    ("Four Kenyan policemen were wounded in a grenade attack.", "KEN"),
    ("Three Afghan civilians died in the shelling of the market.", "AFG"),
])
def test_the_victims_of_an_attack_by_no_one_named_are_its_recipient(text: str, victims: str) -> None:
    e = first(text, "ASSAULT")
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == victims


def test_an_attack_pointed_back_at_gives_no_second_event_from_its_victims() -> None:
    assert first("Both gunmen were killed in a strike.", "ASSAULT").recipient is not None
    assert not asserted("Both gunmen were killed in this strike.")


def test_a_death_under_torture_in_custody_is_by_the_custodian() -> None:
    e = first("A Chadian student died under torture in Ruritanian police custody.", "ASSAULT")
    assert e.mode == "torture"
    assert e.recipient is not None and e.recipient.country == "TCD"
    assert "custodian" in e.rule


def test_death_as_a_result_of_an_act_of_force() -> None:
    e = first("A Peruvian student died as a result of the torture he suffered.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "PER"


def test_a_failed_attempt_on_a_life_is_an_assault() -> None:
    e = first("An attempt to assassinate the Tunisian interior minister was foiled on Sunday.", "ASSAULT")
    assert e.actor is None
    assert e.recipient is not None
    assert "attempt" in e.rule


def test_a_plot_is_no_attempt() -> None:
    assert not [e for e in asserted("Officials described a plot to assassinate the Tunisian interior minister.")
                if e.type == "ASSAULT"]


def test_a_needed_preposition_past_a_long_object_is_still_the_verbs() -> None:
    e = first("A Belgian judge charged the former Rwandan army chief of staff with genocide.", "ACCUSE")
    assert e.actor is not None and e.actor.country == "BEL"
    assert e.recipient is not None and e.recipient.country == "RWA"


def test_a_charge_without_its_preposition_is_no_accusation() -> None:
    assert not [e for e in asserted("Belgium charged a fee for the visas.") if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a hotel in Mogadishu, killing five people.",
    "A roadside bomb went off near a Pakistani army convoy, killing two soldiers.",
])
def test_a_bomb_that_explodes_is_an_attack(text: str) -> None:
    e = first(text, "ASSAULT")
    assert e.mode == "explosives"
    assert e.actor is None or e.actor.name == "unidentified attackers"


def test_a_bomber_is_an_actor_of_no_known_country() -> None:
    e = first("A suicide bomber blew himself up at a checkpoint.", "ASSAULT")
    assert e.actor is not None and e.actor.sector == "REB"


def test_joint_exercises_are_cooperation() -> None:
    evs = [e for e in asserted("Chile and Peru held joint naval exercises off the Pacific coast.")]
    assert {e.type for e in evs} == {"COOPERATE"}
    assert {(e.actor.country, e.recipient.country) for e in evs if e.actor and e.recipient} == {("CHL", "PER")}


def test_one_sides_exercises_stay_mobilization() -> None:
    assert first("Chile held naval exercises off the Pacific coast.", "MOBILIZE")


def test_letting_inspectors_in_is_a_retreat_before_a_concession() -> None:
    e = first("Libya allowed U.N. inspectors to visit the sites.", "RETREAT")
    assert e.mode == "access"
    assert first("Libya allowed the opposition to hold a rally.", "CONCEDE")


@pytest.mark.parametrize(("text", "accused"), [
    ("The former Zambian finance minister went on trial for fraud.", "ZMB"),
    ("Two Kenyan journalists stood trial for sedition on Monday.", "KEN"),
])
def test_the_one_on_trial_is_the_recipient_of_a_charge_by_no_one_named(text: str, accused: str) -> None:
    e = first(text, "ACCUSE")
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == accused


def test_a_match_is_no_trial() -> None:
    assert not asserted("Peru will face Chile in the final on Sunday.")


def test_a_verb_of_the_same_type_serves_a_noun_as_its_light_verb() -> None:
    e = first("Canada slapped sanctions on three Iranian banks.", "SANCTION")
    assert e.actor is not None and e.actor.country == "CAN"
    assert e.recipient is not None and e.recipient.country == "IRN"


def test_a_by_phrase_gives_a_noun_its_actor_though_the_parser_hangs_it_low() -> None:
    e = first("The arrest of the opposition leader by Zambian police sparked riots.", "COERCE")
    assert e.actor is not None and e.actor.country == "ZMB"


def test_a_truce_between_two_named_sides_needs_no_light_verb() -> None:
    evs = [e for e in asserted("The truce between Armenia and Azerbaijan took effect at midnight.") if e.type == "AGREE"]
    assert {(e.actor.country, e.recipient.country) for e in evs if e.actor and e.recipient} == {("ARM", "AZE")}


def test_a_light_verbs_subject_no_lexicon_knows_is_an_actor_of_unknown_country() -> None:
    e = first("The two sides reached a ceasefire agreement on Friday.", "AGREE")
    assert e.actor is not None and e.actor.country is None


def test_an_aid_package_is_aid() -> None:
    e = first("Japan announced a 20 million dollar aid package for Nepal.", "AID")
    assert e.actor is not None and e.actor.country == "JPN"
    assert e.recipient is not None and e.recipient.country == "NPL"


def test_paying_a_visit_is_a_visit() -> None:
    e = first("The Ghanaian president paid a visit to Togo.", "CONSULT")
    assert e.actor is not None and e.actor.country == "GHA"
    assert e.recipient is not None and e.recipient.country == "TGO"


def test_a_bombardment_of_a_place_by_a_country_is_an_attack_on_it() -> None:
    e = first("The Russian bombardment of Grozny continued for a third day.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "RUS"


def test_a_country_word_on_an_attack_with_no_target_is_still_no_event() -> None:
    assert not [e for e in asserted("U.S. military action is a non-starter, the minister said.") if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "country"), [
    ("Serb gunners shelled the town.", "SRB"),
    ("Croat militiamen attacked the village.", "HRV"),
])
def test_short_demonyms_give_the_attackers_country(text: str, country: str) -> None:
    e = first(text, "ASSAULT")
    assert e.actor is not None and e.actor.country == country


def test_fighting_between_two_named_sides_is_an_assault_both_ways() -> None:
    evs = [e for e in asserted("Heavy fighting between Chad and Sudan killed 20 soldiers.") if e.type == "ASSAULT"]
    assert {(e.actor.country, e.recipient.country) for e in evs if e.actor and e.recipient} == {
        ("TCD", "SDN"), ("SDN", "TCD")}


def test_fighting_with_no_side_named_is_no_event() -> None:
    assert not asserted("Fighting in the north has displaced thousands.")


def test_a_credit_for_a_country_is_aid() -> None:
    e = first("The World Bank approved a 300 million dollar credit for Ghana.", "AID")
    assert e.recipient is not None and e.recipient.country == "GHA"


def test_a_second_country_word_in_the_actors_own_phrase_is_no_recipient() -> None:
    e = first("Bosnian Serb gunners shelled the town.", "ASSAULT")
    assert e.recipient is None or e.recipient.country not in ("SRB", e.actor.country if e.actor else None)


def test_a_deployment_of_an_alliances_peacekeepers_is_aid_by_the_alliance() -> None:
    e = first("The deployment of African Union peacekeeping soldiers to Somalia started on Friday.", "AID")
    assert e.actor is not None and e.actor.sector == "IGO"
    assert e.recipient is not None and e.recipient.country == "SOM"


def test_a_deployment_of_combat_troops_is_no_aid() -> None:
    assert not [e for e in asserted("The deployment of NATO combat troops to the Baltic began on Monday.")
                if e.type == "AID"]


def test_a_possessor_no_lexicon_knows_is_an_actor_of_unknown_country() -> None:
    e = first("Karimov's visit to Kabul ended on Tuesday.", "CONSULT")
    assert e.actor is not None and e.actor.name == "Karimov" and e.actor.country is None
    assert e.recipient is not None and e.recipient.country == "AFG"


def test_a_party_noun_as_possessor_is_no_actor() -> None:
    assert not asserted("The group's deployment drew attention.")


@pytest.mark.parametrize(("text", "type_", "freed"), [
    ("Two Kenyan journalists were freed on Monday.", "RETREAT", "KEN"),
    ("Three Filipino sailors were rescued off the coast.", "AID", "PHL"),
])
def test_a_release_or_rescue_by_no_one_named_is_coded_for_those_it_reached(text: str, type_: str, freed: str) -> None:
    e = first(text, type_)
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == freed


@pytest.mark.parametrize("text", ["Five hostages were released on Sunday.", "Twelve miners were rescued on Friday."])
def test_a_release_or_rescue_of_people_of_no_known_side_by_no_one_named_is_no_event(text: str) -> None:
    assert not asserted(text)


def test_troops_that_leave_a_country_withdraw_from_it() -> None:
    e = first("The last Cuban soldiers left Angola on Wednesday.", "RETREAT")
    assert e.mode == "withdraw"
    assert e.actor is not None and e.actor.country == "CUB"
    assert e.recipient is not None and e.recipient.country == "AGO"


@pytest.mark.parametrize("text", ["The minister left Cairo for Amman.", "Rebel fighters left 20 villagers dead."])
def test_leaving_is_no_withdrawal_unless_forces_leave_a_place(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "RETREAT"]


def test_rocketing_a_target_is_an_attack_and_prices_that_rocket_are_not() -> None:
    assert first("Israeli gunships rocketed a car in Gaza.", "ASSAULT").actor is not None
    assert not asserted("Oil prices rocketed to a record.")


def test_a_preposition_the_parser_left_without_its_object_still_names_the_recipient() -> None:
    e = first("Chile has granted asylum to three Bolivian officers holed up in its embassy.", "AID")
    assert e.actor is not None and e.actor.country == "CHL"
    assert e.recipient is not None and e.recipient.country == "BOL"


def test_put_under_investigation_is_a_charge_against_the_subject_by_the_state_where_it_is_done() -> None:
    e = first("A Chilean banker was put under investigation in Spain for bribery.", "ACCUSE")
    assert e.mode == "investigate"
    assert e.recipient is not None and e.recipient.country == "CHL"
    assert e.actor is not None and e.actor.country == "ESP" and "place-authorities" in e.rule


def test_an_arrest_by_no_one_named_is_by_the_authorities_of_the_place() -> None:
    e = first("A Ghanaian trader was arrested in Lome on Monday.", "COERCE")
    assert e.actor is not None and e.actor.country == "TGO"


def test_attackers_no_one_names_are_coded_to_the_country_they_struck_in_not_to_its_state() -> None:
    e = first("Six Malian soldiers were killed in an ambush near Gao.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "MLI" and e.actor.sector is None
    assert "place-of-attack" in e.rule
    assert first("Two civilians died in the attack.", "ASSAULT").actor is None  # no place, no country


def test_an_attack_named_by_a_country_word_and_told_by_its_toll_happened() -> None:
    e = first("A Turkish air raid on a village in northern Iraq killed four people.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "TUR"
    assert e.recipient is not None and e.recipient.country == "IRQ"


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("The African Union sent a team of experts to Burundi to investigate the killings.", None, "BDI"),
    ("The Peruvian government set up a commission to investigate the massacre.", "PER", None),
    ("The United Nations sent 12 experts to Haiti to investigate the state of its prisons.", None, "HTI"),
])
def test_a_body_sent_or_set_up_to_investigate_is_an_inquiry_under_way(text: str, actor: str | None,
                                                                      recipient: str | None) -> None:
    e = first(text, "ACCUSE")
    assert e.mode == "investigate"
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


def test_a_wish_to_investigate_is_no_inquiry_under_way() -> None:
    assert not [e for e in asserted("The Peruvian government wants to investigate the massacre.") if e.type == "ACCUSE"]


def test_a_call_between_two_leaders_talked_about_is_no_new_consultation() -> None:
    assert not [e for e in asserted("The call between Lula and Milei was friendly enough.") if e.type == "CONSULT"]


@pytest.mark.parametrize(("text", "host"), [
    ("The visit of the Chilean president to Peru ended on Tuesday.", "PER"),
    ("During the visit of the Chilean foreign minister, Peruvian President Gabriel Soto said trade would grow.", "PER"),
])
def test_a_visit_is_by_the_one_its_of_phrase_names(text: str, host: str) -> None:
    e = first(text, "CONSULT")
    assert e.mode == "visit"
    assert e.actor is not None and e.actor.country == "CHL"
    assert e.recipient is not None and e.recipient.country == host


def test_a_resignation_is_by_the_one_its_of_phrase_names() -> None:
    e = first("The resignation of the Kenyan finance minister was announced on Monday.", "RETREAT")
    assert e.actor is not None and e.actor.country == "KEN"


def test_a_release_is_done_to_the_one_its_of_phrase_names() -> None:
    assert not [e for e in asserted("The release of the Kenyan hostages was announced on Monday.")
                if e.actor is not None and e.actor.country == "KEN"]


@pytest.mark.parametrize("text", [
    "The French navy dispatched an aircraft carrier to the eastern Mediterranean.",
    "Russia sent two warships to the Baltic Sea.",
])
def test_ships_sent_are_a_mobilization_of_weapons(text: str) -> None:
    assert first(text, "MOBILIZE").mode == "weapons"


def test_troops_sent_stay_a_mobilization_of_troops() -> None:
    assert first("India deployed troops and tanks along the border.", "MOBILIZE").mode == "troops"


def test_a_pronoun_with_no_one_named_before_it_is_an_actor_of_unknown_country() -> None:
    e = first("They attacked a Kenyan police post on Sunday.", "ASSAULT")
    assert e.actor is not None and e.actor.country is None and "unresolved-pronoun" in e.rule
    assert e.recipient is not None and e.recipient.country == "KEN"


def test_a_pronoun_resolved_to_a_named_party_keeps_it() -> None:
    e = first("Peru said it would never accept the deal.", "REJECT")
    assert e.actor is not None and e.actor.country == "PER"


def test_an_unresolved_pronoun_inside_a_quotation_is_no_actor() -> None:
    assert not asserted('The senator spoke on Monday. "They are killing thousands of our people every year."')


@pytest.mark.parametrize(("text", "type_"), [
    ("Rebels took control of the northern Malian town of Kidal.", "ASSAULT"),
    ("Government troops regained control of the city after heavy fighting.", "ASSAULT"),
    ("Iraqi troops crossed into Kuwait.", "ASSAULT"),
    ("A mob stoned the police station in Lahore.", "ASSAULT"),
    ("Police broke up a demonstration in central Minsk.", "COERCE"),
    ("The Bosnian Serbs shelved the peace plan.", "REJECT"),
    ("Washington rescinded the visas of three Russian officials.", "SANCTION"),
    ("The rebels mustered 5,000 fighters near the border.", "MOBILIZE"),
])
def test_general_verbs_of_the_manuals_types(text: str, type_: str) -> None:
    assert first(text, type_)


@pytest.mark.parametrize("text", [
    "The opposition took control of parliament.",
    "The couple broke up in May.",
    "The tourists crossed into Kenya on Monday.",
])
def test_the_same_verbs_in_their_other_senses_are_no_events(text: str) -> None:
    assert not asserted(text)


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("The Egyptian foreign ministry issued a statement condemning the Israeli raid.", "ACCUSE", "EGY"),
    ("Amnesty International released a report accusing Turkey of torturing prisoners.", "ACCUSE", None),
    ("The Chilean president sent a message congratulating the new Peruvian leader.", "SUPPORT", "CHL"),
    ("Kenya's letter urging Uganda to reopen the border was delivered on Monday.", "REQUEST", "KEN"),
])
def test_a_message_whose_participle_tells_a_verbal_act_is_by_its_author(text: str, type_: str,
                                                                        actor: str | None) -> None:
    e = first(text, type_)
    assert e.actor is not None
    if actor:
        assert e.actor.country == actor


@pytest.mark.parametrize("text", [
    "Amnesty International released a report accusing Turkey of torturing prisoners.",
    "Kenya sent a letter to the United Nations asking for food aid.",
])
def test_releasing_a_report_or_sending_a_letter_is_no_release_or_aid(text: str) -> None:
    assert not [e for e in asserted(text) if e.type in ("RETREAT", "AID")]


def test_a_light_verbs_participle_with_an_agent_gives_a_noun_its_actor() -> None:
    evs = [e for e in asserted("The peace agreement signed by Peru and Ecuador took effect.") if e.type == "AGREE"]
    assert {e.actor.country for e in evs if e.actor} == {"PER", "ECU"}


def test_a_participle_of_no_light_verb_gives_no_actor() -> None:
    assert not [e for e in asserted("The agreement praised by Peru took effect.") if e.type == "AGREE"]


def test_forces_killed_in_a_town_by_no_one_named_are_its_forces() -> None:
    e = first("Five soldiers were killed in an ambush near Gao.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "MLI"


def test_those_killed_are_the_recipient_of_a_strike_that_names_no_target() -> None:
    e = first("A U.S. drone strike killed five people.", "ASSAULT")
    assert e.recipient is not None and "casualties" in e.rule


def test_a_concession_aimed_at_no_one_named_falls_on_the_country_where_it_is_made() -> None:
    e = first("The Malian president eased the nightly curfew in force in Mali.", "CONCEDE")
    assert e.recipient is not None and e.recipient.country == "MLI"


def test_a_place_named_only_in_the_attribution_gives_no_recipient() -> None:
    evs = asserted("Yemeni rebels abducted nine French aid workers from a village clinic and set off several car "
                   "bombs in the port, diplomats in neighbouring Oman said on Sunday.")
    assert len(evs) == 2 and not any(e.recipient and e.recipient.country == "OMN" for e in evs)

@pytest.mark.parametrize("text", [
    "Chilean forces struck a speedboat off Arica on Monday, killing four people.",
    "Chilean jets carried out strikes on a camp near the border, killing four people.",
])
def test_those_killed_are_no_recipient_when_the_strike_names_its_target(text: str) -> None:
    e = first(text, "ASSAULT")
    assert "casualties" not in e.rule
