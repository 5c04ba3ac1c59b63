"""Triggers from the PLOVER manual's definitions of each type and the dictionary synonyms of its acts,
each in its political sense, and the other sense of the same word coding nothing. Invented sentences."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


def _types(text: str) -> set[str]:
    return {e.type for e in asserted(text)}


# (sentence, PLOVER type it must code): one per new reading
CODED = [
    # ACCUSE: "criticize, defame, denigrate"; "sue or bring to court"; "all investigations"
    ("Ruritania's foreign ministry defamed the exiled journalists on Monday.", "ACCUSE"),
    ("The governor belittled the striking nurses in a radio interview.", "ACCUSE"),
    ("The opposition leader railed against the government's new fuel levy.", "ACCUSE"),
    ("The Senate panel subpoenaed the interior minister over the contracts.", "ACCUSE"),
    ("UN inspectors inspected the uranium plant near the capital on Sunday.", "ACCUSE"),
    ("The minister voiced an objection to the pipeline plan.", "ACCUSE"),
    # AGREE: "invitations for state visits"; a proposal of peace
    ("The Bolivian president extended an invitation to the Uruguayan leader to visit La Paz.", "AGREE"),
    ("Ruritania submitted a proposal for peace talks to the insurgents.", "AGREE"),
    # CONSULT
    ("Chile and Paraguay exchanged views on the river dispute.", "CONSULT"),
    ("The Kenyan president held a videoconference with the Ugandan leader.", "CONSULT"),
    # SUPPORT: "express support for, commend, approve policy, action, or actor"
    ("The ruling coalition rallied behind the prime minister after the vote.", "SUPPORT"),
    ("Brazil threw its weight behind the Colombian proposal.", "SUPPORT"),
    ("Spain voted for the motion at the assembly.", "SUPPORT"),
    ("The foreign minister saluted the efforts of the mediators.", "SUPPORT"),
    ("Mexico's approval of the plan came after weeks of pressure.", "SUPPORT"),
    # CONCEDE: easing restrictions, pardons, a demand withdrawn
    ("The Ecuadorean government repealed the curfew in the port city.", "CONCEDE"),
    ("The junta rescinded the ban on opposition rallies.", "CONCEDE"),
    ("Peru scrapped the tariffs on Bolivian wool.", "CONCEDE"),
    ("The high court commuted the death sentence of the union leader.", "CONCEDE"),
    ("The Ruritanian government retracted its demand for the return of the ferry.", "CONCEDE"),
    ("The cabinet caved in to the demands of the truck drivers.", "CONCEDE"),
    # AID: assistance to a party, arms and training, rescues, refuge
    ("The Colombian navy assisted Panama in the hunt for the missing trawler.", "AID"),
    ("France equipped the Malian army with armoured trucks.", "AID"),
    ("Nigerian troops liberated the hostages held by the kidnappers.", "AID"),
    ("British instructors trained Ukrainian soldiers near the border.", "AID"),
    # RETREAT: "the actual release or exchange of prisoners", weapons given up, access granted, troops drawn down
    ("Ruritania exchanged prisoners with Borduria on Tuesday.", "RETREAT"),
    ("The two armies swapped forty prisoners of war on Friday.", "RETREAT"),
    ("The guerrillas gave up their weapons to the peacekeepers.", "RETREAT"),
    ("Myanmar granted access to the UN investigators on Monday.", "RETREAT"),
    ("The United States drew down its troops in the region last month.", "RETREAT"),
    # REQUEST
    ("Mexico lobbied Washington to drop the steel tariffs.", "REQUEST"),
    ("The United States encouraged Venezuela to hold a free vote.", "REQUEST"),
    ("Peru solicited aid from Japan after the floods.", "REQUEST"),
    # THREATEN: "issuing an in-absentia arrest"
    ("A Peruvian court issued an arrest warrant for the former president.", "THREATEN"),
    ("The judge issued a warrant for the arrest of the rebel commander.", "THREATEN"),
    # SANCTION: expelled from a group, found liable, embassies shut, aid suspended, bans on goods
    ("The trade bloc excluded Venezuela from its summit.", "SANCTION"),
    ("Venezuela was suspended from the regional bloc.", "SANCTION"),
    ("A federal judge ruled against the government in the land case.", "SANCTION"),
    ("Honduras shut its embassy in Managua on Friday.", "SANCTION"),
    ("Washington's suspension of aid to Honduras angered its government.", "SANCTION"),
    ("Russia imposed a ban on imports of Polish pears.", "SANCTION"),
    # MOBILIZE: "a demonstration of military capabilities and readiness"
    ("North Korea paraded its new missiles through the capital.", "MOBILIZE"),
    ("Russia flew two bombers near the Japanese coast.", "MOBILIZE"),
    ("Two Chinese warships sailed through the strait on Monday.", "MOBILIZE"),
    ("Moscow built up forces near the Ukrainian border.", "MOBILIZE"),
    ("China held a military exercise near the island on Tuesday.", "MOBILIZE"),
    ("The army staged a show of force near the border.", "MOBILIZE"),
    # COERCE: repression, censorship, arrest, expulsion of individuals, cyber attacks
    ("The government curbed press freedom.", "COERCE"),
    ("The government silenced its critics with new laws.", "COERCE"),
    ("Guatemalan police nabbed the drug lord in a raid.", "COERCE"),
    ("The government stripped the dissident of his citizenship.", "COERCE"),
    ("The government's expulsion of foreign journalists drew criticism.", "COERCE"),
    ("The junta's ban on opposition rallies angered the students.", "COERCE"),
    ("Russia launched a cyberattack on Estonia.", "COERCE"),
    ("Iran's seizure of the tanker angered Britain.", "COERCE"),
    # ASSAULT
    ("Venezuelan troops battled Colombian guerrillas near the border.", "ASSAULT"),
    ("Protesters pelted the police with stones.", "ASSAULT"),
    ("The villagers were hacked to death by the gunmen.", "ASSAULT"),
    ("The Colombian navy sank a speedboat carrying cocaine off the coast.", "ASSAULT"),
    ("Gunmen burned two farmers alive in the village.", "ASSAULT"),
    ("Iraqi forces liberated the city from the militants.", "ASSAULT"),
    ("Turkey's artillery fire on the villages lasted two hours.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "type_"), CODED)
def test_a_manual_trigger_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


def test_prisoners_exchanged_are_released_and_intelligence_exchanged_is_cooperation() -> None:
    assert _types("Ruritania exchanged prisoners with Borduria on Tuesday.") == {"RETREAT"}
    assert _types("Brazil and Paraguay exchanged intelligence on the smuggling routes.") == {"COOPERATE"}


def test_a_hand_hacked_to_death_is_violence_and_a_website_hacked_a_cyber_act() -> None:
    assert "COERCE" not in _types("The villagers were hacked to death by the gunmen.")
    assert first("Russia launched a cyberattack on Estonia.", "COERCE").mode == "cyber"


# The political sense codes its type, the other sense of the same word nothing.
SENSES = [
    ("The Colombian navy sank a speedboat carrying cocaine off the coast.", "Shares of the mining company sank on Monday.",
     "ASSAULT"),
    ("Venezuelan troops battled Colombian guerrillas near the border.", "The team battled for the title on Sunday.",
     "ASSAULT"),
    ("Russia flew two bombers near the Japanese coast.", "The team flew to Madrid for the final.", "MOBILIZE"),
    ("The United States encouraged Venezuela to hold a free vote.", "The firm encouraged customers to buy early.",
     "REQUEST"),
    ("The Colombian navy assisted Panama in the hunt for the missing trawler.",
     "The charity assisted in the search for the missing hikers.", "AID"),
]


@pytest.mark.parametrize(("political", "other", "type_"), SENSES)
def test_the_other_sense_of_the_word_codes_nothing(political: str, other: str, type_: str) -> None:
    first(political, type_)
    assert type_ not in _types(other)


# Where the manual types an act apart from the commonest reading of its verb.
def test_debts_cancelled_are_aid_and_contracts_cancelled_a_sanction() -> None:
    assert _types("Japan cancelled the debts of Mali.") == {"AID"}
    assert first("France wrote off the debt of Niger.", "AID").recipient is not None


def test_victims_freed_by_the_police_are_aided_and_hostages_freed_by_captors_released() -> None:
    assert _types("Police freed twelve trafficking victims during a raid in the port.") == {"AID"}
    assert "RETREAT" in _types("The kidnappers freed the hostages on Sunday.")


def test_supporters_mobilized_protest_and_voters_mobilized_code_nothing() -> None:
    assert first("The opposition mobilized its supporters against the new law.", "PROTEST").mode == "demo"
    assert "MOBILIZE" not in _types("The campaign mobilized voters in the swing states.")


def test_a_state_of_emergency_for_a_disaster_is_no_repression() -> None:
    first("The junta has declared a nationwide state of emergency.", "COERCE")
    assert "COERCE" not in _types("The governor declared a state of emergency after the floods.")


def test_combatants_captured_are_abducted_and_a_robber_captured_arrested() -> None:
    assert first("Kurdish fighters captured four Turkish soldiers near the border.", "ASSAULT").mode == "abduct"
    assert first("Police captured the bank robber.", "COERCE").mode == "arrest"


def test_shots_in_the_air_are_crowd_control() -> None:
    assert first("Police fired in the air to disperse the crowd.", "ASSAULT").mode == "crowd-control"


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("Activists planted a flag on the disputed island.", "THREATEN", "territory"),
    ("Police pushed back the protesters from the palace.", "COERCE", "restrict"),
    ("Israeli troops bulldozed the homes of the families.", "ASSAULT", "destroy"),
])
def test_the_manuals_named_acts_take_its_mode(text: str, type_: str, mode: str) -> None:
    assert first(text, type_).mode == mode


MORE = [
    ("Brazil forged an alliance with Argentina.", "AGREE"),
    ("Chile clinched a deal with Peru on fishing rights.", "AGREE"),
    ("Turkey distributed food to the refugees.", "AID"),
    ("Germany accepted thousands of Syrian refugees.", "AID"),
    ("Libya dismantled its chemical weapons stockpile.", "RETREAT"),
    ("Washington held Tehran responsible for the attack.", "ACCUSE"),
    ("Moscow pointed the finger at Kyiv.", "ACCUSE"),
    ("The minister dubbed the vote a farce.", "ACCUSE"),
    ("The rebels shunned the peace talks.", "REJECT"),
    ("Peru scrapped the visit of the Bolivian president.", "REJECT"),
    ("The government abandoned the talks with the unions.", "REJECT"),
    ("Chile postponed the talks with Bolivia.", "REJECT"),
    ("Mexico declared the Peruvian ambassador persona non grata.", "SANCTION"),
    ("The U.S. imposed a travel ban on Venezuelan officials.", "SANCTION"),
    ("Washington's tariff on Chinese steel angered Beijing.", "SANCTION"),
    ("Russia gathered troops near the border.", "MOBILIZE"),
    ("The militia recruited child soldiers in the east.", "MOBILIZE"),
    ("The junta shut two newspapers.", "COERCE"),
    ("Rebels sabotaged the pipeline near the border.", "ASSAULT"),
    ("Iranian forces downed a U.S. drone over the Gulf.", "ASSAULT"),
    ("The Indian army's clash with Chinese troops left twenty dead.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "type_"), MORE)
def test_a_general_trigger_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


def test_a_trip_for_talks_is_a_visit_and_prices_going_up_no_event() -> None:
    for text, verb in (("The Chinese president landed in Moscow for talks with his Russian counterpart.", "landed"),
                       ("The French president headed to Algiers for talks with his counterpart.", "headed")):
        assert any(e.type == "CONSULT" and e.mode == "visit" and e.trigger.text == verb for e in asserted(text))
    assert first("The minister went to Paris for talks with his French counterpart.", "CONSULT").mode == "visit"
    assert not asserted("Prices went to record highs on Monday.")


FURTHER = [
    ("Russia furnished the rebels with weapons.", "AID"),
    ("Germany disagreed with the French decision to close the border.", "ACCUSE"),
    ("The opposition scorned the president's budget.", "ACCUSE"),
    ("A Cairo court handed down death sentences to twelve protesters.", "SANCTION"),
    ("The regime sent the poet to prison for three years.", "COERCE"),
    ("Police threw the activists in jail.", "COERCE"),
    ("The junta put the opposition leader behind bars.", "COERCE"),
    ("The coast guard interdicted a boat carrying cocaine.", "COERCE"),
    ("Rebels wrested control of the town from the army.", "ASSAULT"),
    ("Russian artillery hammered rebel positions in the north.", "ASSAULT"),
    ("The Chilean president was critical of the Bolivian demand.", "ACCUSE"),
    ("Japan is supportive of the Korean plan.", "SUPPORT"),
    ("Iran is open to talks with the United States.", "AGREE"),
    ("Chile registered an objection to the plan with the Peruvian embassy.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "type_"), FURTHER)
def test_a_further_trigger_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


def test_a_house_arrest_lifted_is_a_concession_and_a_shop_open_to_the_public_no_promise() -> None:
    first("The government lifted the house arrest of the opposition leader.", "CONCEDE")
    assert "AGREE" not in _types("The ministry's archive is open to the public on Sundays.")


# Nouns of an act after a verb that only carries it: the verb's subject does the act.
@pytest.mark.parametrize(("text", "type_"), [
    ("Thousands of students participated in the demonstration against the reform.", "PROTEST"),
    ("Farmers participated in a march on the capital.", "PROTEST"),
    ("Colombia tabled a proposal for peace talks with the rebels.", "AGREE"),
    ("The army enforced a curfew in the port city.", "COERCE"),
])
def test_a_carrying_verb_gives_the_act_to_its_subject(text: str, type_: str) -> None:
    first(text, type_)


@pytest.mark.parametrize(("text", "type_"), [
    ("In a telephone conversation, Chile's president told Peru's president that the border would stay open.",
     "CONSULT"),
    ("The Paris Club granted debt relief to Zambia.", "AID"),
    ("The United States gave guarantees to Kyiv.", "AGREE"),
])
def test_a_nominal_act_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


def test_a_territory_occupied_is_seized_and_a_campus_occupied_obstructed() -> None:
    evs = asserted("Ruritania's occupation of the northern province drew protests.")
    assert any(e.type == "COERCE" and e.mode == "seize" and e.trigger.text == "occupation" for e in evs)
    assert "COERCE" not in _types("The students' occupation of the campus lasted a week.")
    assert first("The students' occupation of the campus lasted a week.", "PROTEST").mode == "obstruct"


@pytest.mark.parametrize(("text", "type_"), [
    ("Japan expressed dismay over the Chinese decision.", "ACCUSE"),
    ("Seoul expressed displeasure with the Japanese textbooks.", "ACCUSE"),
    ("Chile expressed satisfaction with the verdict of the court.", "SUPPORT"),
    ("The United Nations sought a ceasefire between the two sides.", "REQUEST"),
])
def test_a_feeling_voiced_about_an_act_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


@pytest.mark.parametrize(("text", "type_"), [
    ("Washington's lifting of the sanctions on Caracas surprised the opposition.", "CONCEDE"),
    ("Peru's closure of the border with Bolivia angered La Paz.", "SANCTION"),
    ("Chile's recall of its ambassador from Lima deepened the row.", "SANCTION"),
    ("The junta's closure of two newspapers drew criticism.", "COERCE"),
    ("Colombia's reopening of the border with Venezuela eased tensions.", "RETREAT"),
])
def test_a_noun_of_easing_or_cutting_ties_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


@pytest.mark.parametrize(("forces", "civilians", "type_", "mode"), [
    ("The Israeli navy blockaded the port of Gaza.", "Farmers blockaded the port.", "COERCE", "restrict"),
    ("Police blocked the roads leading to the square.", "Protesters blocked the roads leading to the square.",
     "COERCE", "restrict"),
    ("Troops occupied the parliament building.", "Students occupied the university building.", "COERCE", "seize"),
])
def test_forces_that_block_or_occupy_coerce_and_civilians_protest(forces: str, civilians: str, type_: str,
                                                                  mode: str) -> None:
    assert first(forces, type_).mode == mode
    assert _types(civilians) == {"PROTEST"}


@pytest.mark.parametrize(("text", "type_"), [
    ("Colombia joined the treaty on Monday.", "SUPPORT"),
])
def test_a_last_trigger_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


def test_a_party_armed_by_another_is_aided_and_armed_men_are_no_aid() -> None:
    assert first("Iran armed the Houthi rebels in Yemen.", "AID").actor is not None
    assert "AID" not in _types("Armed men attacked the convoy near the border.")


@pytest.mark.parametrize(("text", "type_"), [
    ("The government reversed its decision to ban the rally.", "CONCEDE"),
    ("The rebels turned over twelve prisoners to the Red Cross.", "RETREAT"),
    ("The militia turned in its weapons to the UN.", "RETREAT"),
    ("The opposition leader challenged the president to hold a referendum.", "REQUEST"),
    ("Seoul suspected Pyongyang of the cyberattack.", "ACCUSE"),
])
def test_one_more_trigger_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)


@pytest.mark.parametrize(("text", "mode"), [
    ("Protesters stormed the parliament building.", "riot"),
    ("Demonstrators vandalized the ministry.", "vandalize"),
    ("Protesters besieged the parliament.", "obstruct"),
])
def test_protesters_who_storm_vandalize_or_besiege_protest(text: str, mode: str) -> None:
    assert first(text, "PROTEST").mode == mode
    assert "ASSAULT" not in _types(text)


@pytest.mark.parametrize(("text", "type_"), [
    ("Ukraine's counteroffensive in the south stalled.", "ASSAULT"),
    ("Russia's onslaught on the city continued.", "ASSAULT"),
    ("Ruritania's reprisals against the border villages lasted a week.", "ASSAULT"),
    ("Turkey's evacuation of civilians from the town began on Monday.", "AID"),
    ("Kenya's evacuation of its troops from the base ended.", "RETREAT"),
    ("The rebels' handover of the hostages to Qatar took place at dawn.", "RETREAT"),
])
def test_a_nominal_act_of_force_rescue_or_release_codes_its_type(text: str, type_: str) -> None:
    first(text, type_)
