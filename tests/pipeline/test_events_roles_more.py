"""Roles the tree coder finds beyond the trigger's own argument places, on invented wire sentences:
a party inside the predicate, an appositive title naming the actor's body, a demand frame in a
sentence with no trigger word, and more (one test per rule)."""

from __future__ import annotations

from english_coder import asserted, first


def test_recipient_is_the_possessor_inside_the_object() -> None:
    e = first("Bulgaria on Monday denounced as a grave crime Romania's treatment of Hungarian protesters.", "ACCUSE")
    assert e.actor is not None and e.actor.country == "BGR"
    assert e.recipient is not None and e.recipient.country == "ROU"
    assert "possessor-of-thing" in e.rule


def test_recipient_is_a_country_word_deeper_in_the_predicate() -> None:
    e = first("The Italian government has refused to pledge any direct help to the German-led operation.",
              "REJECT")
    assert e.recipient is not None and e.recipient.country == "DEU"


def test_a_place_of_ones_own_country_is_the_recipient_of_a_domestic_act() -> None:
    e = first("Peru's government on Friday lifted the curfew in Arequipa that was declared in March.",
              "CONCEDE")
    assert e.actor is not None and e.actor.country == "PER"
    assert e.recipient is not None and e.recipient.country == "PER"
    assert "predicate-own-place" in e.rule


def test_no_recipient_is_made_up_when_the_predicate_names_no_one() -> None:
    # a concession aimed at no one named is aimed at the actor's own country, never at another party
    e = first("Kenya's government on Sunday lifted the nightly curfew.", "CONCEDE")
    assert e.recipient is not None and e.recipient.country == "KEN" and "actor-country" in e.rule


def test_an_appositive_title_gives_the_actor_its_body() -> None:
    e = first("Maria Lindqvist, the European Union aid commissioner, demanded that the warring parties open "
              "the roads to convoys.", "REQUEST")
    assert e.actor is not None and "Lindqvist" in e.actor.name
    assert e.actor.sector == "IGO"


def test_a_demand_frame_needs_no_trigger_word() -> None:
    e = first("The Canadian government declared on Monday that Denmark must drop its barriers to Canadian fish.",
              "REQUEST")
    assert e.actor is not None and e.actor.country == "CAN"
    assert e.recipient is not None and e.recipient.country == "DNK"


def test_a_noun_listed_as_written_is_found_though_its_lemma_is_a_verb() -> None:
    # "patrols" is listed as a noun; its lemma "patrol" is also a verb trigger
    e = first("The Chilean government ordered naval patrols along the coast after the storms.", "MOBILIZE")
    assert e.actor is not None and e.actor.country == "CHL"


def test_local_forces_in_clashes_take_the_country_of_the_place() -> None:
    text = ("Peru said on Monday it would send envoys to the talks. "
            "Fierce clashes between police and smugglers broke out in Cochabamba.")
    got = [e for e in asserted(text) if e.type == "ASSAULT"]
    assert got, [e.rule for e in asserted(text)]
    police = [e.actor for e in got if e.actor is not None and e.actor.sector == "COP"]
    assert police and police[0].country == "BOL", [e.rule for e in got]


def test_a_light_verb_the_lemmatizer_misspells_still_carries_its_noun() -> None:
    e = first("Thousands of farmers throughout Kenya staged mass demonstrations on Friday.", "PROTEST")
    assert e.actor is not None and e.actor.country == "KEN"


def test_a_by_phrase_of_an_active_verb_is_no_passive_agent() -> None:
    e = first("The Chilean government on Monday shortened by two hours the nightly curfew in Valparaiso.", "CONCEDE")
    assert e.actor is not None and e.actor.country == "CHL"


def test_a_country_word_on_a_compound_gives_the_nominal_actor() -> None:
    e = first("Recent French Rafale strikes have killed at least six militant commanders in Mali.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "FRA"


def test_a_noun_in_a_relative_clause_does_not_swallow_the_event_it_describes() -> None:
    text = "Three opposition parties in Benin have called a general strike that paralysed Cotonou in protest at the detentions."
    e = first(text, "PROTEST")
    assert e.actor is not None and e.actor.country == "BEN"
    assert "general strike" in e.trigger.text


def test_a_verb_misparsed_onto_the_subject_of_the_closing_speech_verb_keeps_its_subject() -> None:
    e = first("Kurdish youths resorted to throwing stones at the police station, witnesses said on Friday.", "PROTEST")
    assert e.actor is not None and e.actor.name.endswith("youths")


def test_a_comparison_clause_is_no_event() -> None:
    got = asserted("Just as the rebels burned our villages, these gangs are now burning our farms.")
    assert not any(e.actor is not None and e.actor.name == "rebels" for e in got), [e.rule for e in got]


def test_an_office_holder_the_lexicon_does_not_know_takes_the_one_country_the_sentence_names() -> None:
    e = first("President Ansumane Kabbah on Thursday lifted the nightly curfew imposed in Mauritania.", "CONCEDE")
    assert e.actor is not None and e.actor.country == "MRT"
    assert "office-sentence-country" in e.rule


def test_an_office_holder_stays_without_country_when_the_sentence_names_two() -> None:
    e = first("President Ansumane Kabbah on Thursday praised Mauritania and Senegal for their help.", "SUPPORT")
    assert e.actor is not None and e.actor.country is None


def test_a_promise_is_not_a_threat_because_of_a_war_named_as_its_background() -> None:
    e = first("On June 9, Uzbekistan offered to negotiate with Tajikistan's prime minister following the "
              "invasion of a border district.", "AGREE")
    assert e.actor is not None and e.actor.country == "UZB"


def test_a_killing_with_its_own_subject_is_not_swallowed_by_a_clause_under_it() -> None:
    e = first("Two Chechen gunmen killed 11 people on Sunday when they blew up a bus in Grozny, police said.",
              "ASSAULT")
    assert e.actor is not None and "gunmen" in e.actor.name, e.rule
    assert "verb:kill" in e.rule


def test_a_particle_far_from_its_verb_completes_the_phrase() -> None:
    # an international agency forced out is the manual's SANCTION (expel), not an individual's deportation
    e = first("Kampala forced the UN children's agency, UNICEF, out of the settlements on Thursday.", "SANCTION")
    assert e.actor is not None and e.actor.country == "UGA"


def test_a_statement_that_a_party_must_be_ready_is_a_request_of_it() -> None:
    e = first("Turkish President Ahmet Demir said on Monday that Greece must be ready to resume talks soon.", "REQUEST")
    assert e.actor is not None and e.actor.country == "TUR"
    assert e.recipient is not None and e.recipient.country == "GRC"


def test_a_reminder_that_a_party_must_act_is_a_request_of_it() -> None:
    e = first("The Italian government sent a firm reminder to Libya that it must comply with the court's ruling.",
              "REQUEST")
    assert e.actor is not None and e.actor.country == "ITA"
    assert e.recipient is not None and e.recipient.country == "LBY"


def test_a_noun_trigger_compounded_on_a_light_verbs_object_takes_its_subject() -> None:
    e = first("Norway undertook a mediation mission between Colombia and the rebels.", "CONSULT")
    assert e.actor is not None and e.actor.country == "NOR"


def test_a_closing_clause_verb_hung_on_its_subject_is_a_trigger() -> None:
    e = first("The Serbian police are failing to protect the homes of Roma families, a Hungarian rights group "
              "protested on Friday.", "ACCUSE")
    assert e.actor is not None and e.actor.country == "HUN"


def test_a_person_named_with_a_body_is_an_actor_of_it() -> None:
    e = first("Sudanese rebel leaders said on Monday they would meet U.N. envoy Marco Salvi in Nairobi.", "AGREE")
    assert e.recipient is not None and "Salvi" in e.recipient.name and e.recipient.sector == "IGO"


def test_a_reported_conditional_punitive_act_is_a_threat() -> None:
    e = first("The African Union may suspend its aid to Somalia if the fighting resumes, Kenyan Foreign Minister "
              "Peter Odera said on Tuesday.", "THREATEN")
    assert e.recipient is not None and e.recipient.country == "SOM"
    assert "conditional-as=" in e.rule


def test_what_analysts_think_a_state_could_do_is_no_threat() -> None:
    found = asserted("Some analysts say the US military could strike cartel camps in Sonora if the talks fail.")
    assert not [e for e in found if e.type in ("THREATEN", "ASSAULT")], [(e.type, e.rule) for e in found]


def test_a_noun_trigger_describing_a_thing_is_no_event() -> None:
    assert not [e for e in asserted("The court ordered the opposition newspaper to close.") if e.type == "REJECT"]


def test_a_future_visit_reported_by_others_is_an_agreement() -> None:
    e = first("Senegalese President Amadou Fall will visit Mali and Guinea next week, diplomatic sources said.", "AGREE")
    assert e.actor is not None and e.actor.country == "SEN"
    assert "future-as=CONSULT->AGREE" in e.rule


def test_a_future_strike_reported_by_others_stays_a_plan() -> None:
    got = [e for e in asserted("Pakistan will strike militant camps in Afghanistan, Indian officials said.")
           if e.type in ("ASSAULT", "AGREE")]
    assert not got, [e.rule for e in got]


def test_an_office_of_a_named_body_takes_no_country_from_the_sentence() -> None:
    e = first("Arab League Secretary-General Amr Salem urged the European Union to support Jordan.", "REQUEST")
    assert e.actor is not None and e.actor.country is None, e.rule


def test_a_that_clause_hung_on_the_verb_is_the_content_of_its_object_noun() -> None:
    got = asserted("Germany reiterated its demand on Monday that Turkey ease restrictions on the press.")
    assert not [e for e in got if e.type == "CONCEDE"], [e.rule for e in got]


def test_a_group_named_without_country_takes_the_one_country_of_its_sentence() -> None:
    e = first("The Malian government has accused armed rebels of attacking an aid convoy.", "ACCUSE")
    assert e.recipient is not None and e.recipient.country == "MLI"
    assert "sentence-country" in e.rule


def test_the_victims_of_an_attack_take_no_country_from_the_attackers_sentence() -> None:
    got = [e for e in asserted("Chadian troops killed 14 people on Sunday.") if e.type == "ASSAULT"]
    assert got and all(e.recipient is None or e.recipient.country is None for e in got), [e.rule for e in got]


def test_a_meeting_with_a_party_named_inside_the_object_is_coded() -> None:
    e = first("Sudanese rebel leaders said on Monday they would meet U.N. envoy Marco Salvi in Nairobi.", "AGREE")
    assert e.actor is not None and e.actor.country == "SDN"


def test_a_part_of_a_force_demobilized_is_the_force() -> None:
    e = first("Half of the Kurdish guerrillas have been demobilized since the truce began, officers said.",
              "RETREAT")
    assert e.actor is not None and "guerrillas" in e.actor.name


def test_manual_agree_verbs() -> None:
    e = first("Ecuador guaranteed Colombia that it would keep the border crossings open.", "AGREE")
    assert e.actor is not None and e.actor.country == "ECU"
    e = first("Laos and Thailand concluded an agreement on river trade on Monday.", "AGREE")
    # both sides are parties: the reciprocal pair, actor and recipient
    assert {x.country for e in asserted("Laos and Thailand concluded an agreement on river trade on Monday.")
            if e.type == "AGREE" for x in (e.actor, e.recipient) if x is not None} == {"LAO", "THA"}


def test_resumed_talks_are_a_consultation_and_resumed_ties_support() -> None:
    e = first("Armenia resumed talks with Azerbaijan on Tuesday.", "CONSULT")
    assert e.recipient is not None and e.recipient.country == "AZE"
    e = first("Armenia resumed diplomatic relations with Turkey on Tuesday.", "SUPPORT")
    assert e.recipient is not None and e.recipient.country == "TUR"


def test_an_unknown_body_named_as_subject_is_an_actor_and_an_unknown_person_one_of_no_known_country() -> None:
    e = first("The Andean Fisheries Council condemned Chile for the seizure of the trawlers.", "ACCUSE")
    assert e.actor is not None and e.actor.name.endswith("Fisheries Council")
    e = first("Zorvak Meltrane condemned the seizure of the trawlers.", "ACCUSE")
    assert e.actor is not None and e.actor.name == "Zorvak Meltrane"
    assert e.actor.country is None and e.actor.sector is None


def test_a_toll_compared_with_anothers_is_no_event() -> None:
    got = asserted("These militias have killed more Kenyans than the famine, the minister said.")
    assert not [e for e in got if e.type == "ASSAULT"], [e.rule for e in got]


def test_a_toll_of_more_than_a_figure_is_an_event() -> None:
    assert [e for e in asserted("The rebels killed more than 20 soldiers in the attack.") if e.type == "ASSAULT"]


# A promise whose complement counters an act of force or a threat ("are prepared to counter the threats") is a
# stance, neither a threat nor an offer; a promise to carry one out is a threat.
def test_a_promise_to_counter_threats_is_no_event() -> None:
    got = asserted("The Peruvian general said his troops are prepared to counter the threats that aim to "
                   "unsettle the border.")
    assert not [e for e in got if e.type in ("THREATEN", "AGREE")], [e.rule for e in got]


def test_a_promise_to_launch_strikes_is_a_threat() -> None:
    assert [e for e in asserted("The Peruvian general said his troops are prepared to launch strikes on the rebel "
                                "camps.") if e.type == "THREATEN"]
