"""Choosing the PLOVER type: the sentence's own act over what its clauses add, and the sense a verb's
argument decides. Invented sentences."""

from __future__ import annotations

from english_coder import asserted, first


def _top(text: str) -> str:
    evs = asserted(text)
    assert evs, f"no asserted event in {text!r}"
    return max(evs, key=lambda e: e.confidence).type


def test_the_main_clause_act_ranks_above_a_relative_clause_act() -> None:
    text = "The militia, which killed twelve policemen in March, agreed to a ceasefire with the government."
    assert _top(text) == "AGREE"
    assert any(e.type == "ASSAULT" for e in asserted(text))  # the killing is still told, below the ceasefire


def test_the_main_clause_act_ranks_above_an_adverbial_clause_act() -> None:
    assert _top("Hundreds of farmers demonstrated in the capital after soldiers shot a trader.") == "PROTEST"


def test_an_act_told_alone_in_a_relative_clause_keeps_its_rank() -> None:
    evs = asserted("Villagers mourned the teachers whom the militia killed near Gulu.")
    assert [e.type for e in evs] == ["ASSAULT"] and evs[0].confidence >= 0.6


def test_observers_withdrawn_reduce_relations_and_troops_withdrawn_retreat() -> None:
    e = first("The African Union pulled its ceasefire observers out of Burundi on Friday.", "SANCTION")
    assert e.mode == "withdraw"
    assert _top("Ethiopia withdrew its troops from the disputed valley on Friday.") == "RETREAT"


def test_an_aid_agency_expelled_is_a_sanction_and_migrants_expelled_a_coercion() -> None:
    e = first("Ruritania expelled the UN refugee agency on Monday.", "SANCTION")
    assert e.mode == "expel"
    e = first("Ruritania expelled forty migrants on Monday.", "COERCE")
    assert e.mode == "deport"


def test_an_order_to_leave_the_country_is_an_expulsion_not_a_request() -> None:
    evs = asserted("The Ruritanian government ordered the Red Cross to leave the country.")
    assert [e.type for e in evs] == ["SANCTION"] and evs[0].mode == "expel"
    evs = asserted("The Ruritanian government ordered two foreign reporters to leave the country.")
    assert [(e.type, e.mode) for e in evs] == [("COERCE", "deport")]
    assert _top("Germany ordered Ruritania to release the reporters.") == "REQUEST"


def test_welcoming_a_visitor_hosts_a_visit_and_welcoming_a_move_approves_it() -> None:
    e = first("The Pope welcomed the Peruvian president to the Vatican on Saturday.", "CONSULT")
    assert e.mode == "visit" and e.recipient is not None and e.recipient.country == "PER"
    assert _top("France welcomed the decision by Peru to hold early elections.") == "SUPPORT"


def test_a_welcome_given_to_a_visitor_is_a_consultation_and_to_a_plan_support() -> None:
    assert _top("The Spanish king gave a warm welcome to the Chilean president in Madrid.") == "CONSULT"
    assert _top("The European Union gave a cautious welcome to the Chilean peace plan.") == "SUPPORT"


def test_an_unknown_office_holder_does_not_take_the_country_of_the_other_leader_named() -> None:
    e = first("President Alvaro Quintanilla gave a warm welcome to the Chilean leader on Thursday.", "CONSULT")
    assert e.actor is not None and e.actor.country != "CHL"


def test_an_outlet_ordered_to_stop_publishing_is_censored_by_the_one_who_ordered() -> None:
    evs = asserted("The Bolivian government ordered the opposition newspaper El Faro to suspend publication for a month.")
    assert [(e.type, e.mode) for e in evs] == [("COERCE", "censor")]
    assert evs[0].actor is not None and evs[0].actor.country == "BOL"
    assert evs[0].recipient is not None and evs[0].recipient.country == "BOL"  # the outlet is the director's own
    e = first("The junta ordered the independent newspaper to stop publishing.", "COERCE")
    assert e.mode == "censor" and e.recipient is not None and e.recipient.sector == "MED"


def test_naming_an_act_by_a_word_of_blame_condemns_it() -> None:
    e = first("The Iranian foreign ministry called the raid illegal.", "ACCUSE")
    assert e.mode == "disapprove" and e.actor is not None and e.actor.country == "IRN"
    e = first("Moscow described the Georgian bombing as an act of aggression.", "ACCUSE")
    assert e.recipient is not None and e.recipient.country == "GEO"
    assert _top("Chile's foreign ministry called the bombing a cowardly act of terrorism.") == "ACCUSE"


def test_a_word_of_blame_outside_what_the_verb_predicates_is_no_condemnation() -> None:
    assert not [e for e in asserted("The Egyptian president called the Israeli premier to discuss the terror attack.")
                if e.type == "ACCUSE"]


def test_a_label_the_actor_gives_in_a_free_relative_is_no_condemnation() -> None:
    text = "Congress debated the raids on what the ministry describes as terrorist cells."
    assert not [e for e in asserted(text) if e.type == "ACCUSE"]


def test_support_in_words_is_support_and_support_in_goods_is_aid() -> None:
    assert _top("Britain provided diplomatic support to the Burmese opposition council.") == "SUPPORT"
    assert _top("Britain provided logistical support to the Burmese opposition council.") == "AID"
    assert _top("The United States supported the Chadian army with weapons and money.") == "AID"
    assert _top("The United States supported the Chadian position at the talks.") == "SUPPORT"


def test_protesters_who_clash_with_police_riot() -> None:
    e = first("Hundreds of protesters clashed with police outside the Kenyan parliament.", "PROTEST")
    assert e.mode == "riot"
    assert _top("Ugandan troops clashed with rebels near the Congolese border.") == "ASSAULT"


def test_a_joint_operation_of_two_states_is_their_cooperation() -> None:
    evs = asserted("Peru and Bolivia launched a joint operation against drug traffickers.")
    assert {(e.type, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in evs} == {("COOPERATE", "PER", "BOL")}  # one event for the pair, in the order named
    assert _top("Bolivian police launched a joint operation against drug traffickers.") == "ASSAULT"


def test_a_policy_attacked_is_an_accusation_and_a_post_attacked_an_assault() -> None:
    e = first("The Indian prime minister attacked Pakistan's support for the militants.", "ACCUSE")
    assert e.mode == "disapprove" and e.recipient is not None and e.recipient.country == "PAK"
    assert not [e for e in asserted("The Indian prime minister attacked Pakistan's support for the militants.")
                if e.type == "ASSAULT"]
    assert _top("Maoist rebels attacked an Indian army post near the border.") == "ASSAULT"


def test_a_measure_killed_or_shot_down_is_rejected() -> None:
    assert _top("The Philippine Senate killed the bill on Tuesday.") == "REJECT"
    assert _top("The Kenyan government shot down the proposal for early elections.") == "REJECT"
    assert _top("Gunmen killed the Kenyan trade minister in Nairobi.") == "ASSAULT"


def test_walking_out_in_anger_from_talks_withdraws_from_them() -> None:
    # the manual's SANCTION `withdraw`: "withdraw oneself ... from a group, mediation activity" (CAMEO 164)
    e = first("The Bosnian Serb delegation stormed out of the peace talks in Geneva.", "SANCTION")
    assert e.mode == "withdraw"
    assert "REJECT" not in {x.type for x in asserted("The Bosnian Serb delegation stormed out of the peace talks.")}


def test_a_court_that_condemns_to_death_convicts() -> None:
    e = first("A Nigerian military court condemned the former minister to death for treason.", "SANCTION")
    assert e.mode == "convict"
    assert _top("The Nigerian government condemned the bombing of the mosque.") == "ACCUSE"


def test_troops_that_march_into_a_town_are_moved_not_demonstrating() -> None:
    assert _top("Indian troops marched into the border town of Kargil on Sunday.") == "MOBILIZE"
    assert _top("Thousands of Indian students marched in New Delhi against the fee increase.") == "PROTEST"


def test_aid_workers_expelled_are_deported_and_an_aid_agency_expelled_is_a_sanction() -> None:
    e = first("The Sudanese government expelled 40 foreign aid workers.", "COERCE")
    assert e.mode == "deport"
    assert first("Sudan expelled the International Committee of the Red Cross.", "SANCTION").mode == "expel"


def test_prisoners_of_war_handed_over_are_released_and_suspects_handed_over_a_cooperation() -> None:
    e = first("The rebels handed over 50 prisoners of war to the Red Cross.", "RETREAT")
    assert e.mode == "release"
    assert _top("Colombia handed over two drug suspects to the United States.") == "COOPERATE"


def test_what_is_allowed_is_the_content_of_the_permission() -> None:
    text = "The Pakistani interior minister allowed opposition leader Maulana Abdul Rahman Khan to hold a rally in Karachi."
    assert [e.type for e in asserted(text)] == ["CONCEDE"]
    assert _top("Pakistani opposition leader Maulana Abdul Rahman Khan held a rally in Karachi.") == "PROTEST"


def test_charging_that_another_did_something_accuses_it() -> None:
    evs = asserted("India charged that Pakistan was training militants in Kashmir.")
    assert [(e.type, e.recipient.country if e.recipient else None) for e in evs] == [("ACCUSE", "PAK")]


def test_an_apology_offered_is_a_concession_and_a_massacre_named_in_its_addressee_no_threat() -> None:
    evs = asserted("The Peruvian premier offered an apology to the victims of the massacre.")
    assert [e.type for e in evs] == ["CONCEDE"]
    assert _top("The Japanese premier offered aid to the victims of the bombing in Lima.") == "AGREE"


def test_forces_sent_to_help_disaster_victims_are_aid_and_forces_sent_to_a_border_a_mobilization() -> None:
    e = first("The Pakistani government dispatched soldiers to help flood victims in the north.", "AID")
    assert e.recipient is not None and e.recipient.sector == "CVL"
    assert first("Turkey sent 500 soldiers for rescue work after the earthquake in Iran.", "AID")
    assert _top("India sent troops to the border with Pakistan.") == "MOBILIZE"


def test_the_object_a_verb_reading_needs_is_part_of_the_verbs_event() -> None:
    evs = asserted("Peru and Chile signed a trade agreement on Monday.")
    assert {e.type for e in evs} == {"SUPPORT"}
    evs = asserted("Peru and Chile reached an agreement on fishing rights.")
    assert {e.type for e in evs} == {"AGREE"} and len({e.trigger.start for e in evs}) == 1


def test_the_demand_a_protest_makes_is_its_topic_not_an_event_of_its_own() -> None:
    evs = asserted("Thousands of Turkish Kurds marched in Diyarbakir on Friday calling for autonomy from Turkey.")
    assert [e.type for e in evs] == ["PROTEST"]
    evs = asserted("Hundreds of Kenyan students staged a rally in Nairobi demanding the release of their leaders.")
    assert [e.type for e in evs] == ["PROTEST"]
    evs = asserted("Kenyan police arrested the students and demanded the release of the hostages.")
    assert {e.type for e in evs} == {"COERCE", "REQUEST"}  # a demand beside another act stays one
