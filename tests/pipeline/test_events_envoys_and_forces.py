"""A government acting on another state's envoys is not of the envoys' country; a verb between a country and
a keyword ends the actor's phrase ("Russia held joint military exercises"); forces that mass or gather of
themselves mobilise. Invented sentences in the shapes of wire copy."""

from __future__ import annotations

import pytest
from english_coder import CODER, asserted, first

from storyline.model import Document


def _mentions(text: str) -> list[str]:
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    return [m.span.text for m in doc.mentions if m.kind == "actor"]


# --- the envoys of another state ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, type_", [
    ("The government expelled the French ambassador.", "SANCTION"),
    ("The junta arrested the French ambassador.", "COERCE"),
    ("The regime summoned the British envoy over the remarks.", "ACCUSE"),
    ("The government ordered two Russian diplomats to leave the country.", "SANCTION"),
])
def test_a_government_acting_on_envoys_is_not_of_their_country(text: str, type_: str) -> None:
    e = first(text, type_)
    assert e.recipient is not None and e.recipient.country in ("FRA", "GBR", "RUS")
    assert e.actor is not None and e.actor.country != e.recipient.country


def test_the_government_of_the_country_named_still_acts_at_home() -> None:
    # a domestic act keeps the country the sentence names
    e = first("Police arrested three Kenyan activists.", "COERCE")
    assert e.actor is not None and e.actor.country == "KEN"
    e = first("Clerics went on a hunger strike to seek the removal of the Tunisian premier.", "PROTEST")
    assert e.actor is not None and e.actor.country == "TUN"


def test_an_earlier_envoy_named_in_the_document_is_still_context() -> None:
    text = ("Mali's junta accused France of meddling. On Monday the government expelled the French ambassador "
            "and gave him 72 hours to leave.")
    e = first(text, "SANCTION")
    assert (e.actor.country if e.actor else None) == "MLI"


# --- a verb ends an actor's phrase ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("Russia held joint military exercises with China.", "Russia held joint military"),
    ("Iran sent more military advisers to Syria.", "Iran sent more military"),
    ("Turkey took unprecedented military measures.", "Turkey took unprecedented military"),
])
def test_an_irregular_past_verb_is_no_part_of_an_actor(text: str, wrong: str) -> None:
    assert wrong not in _mentions(text)


def test_joint_exercises_are_cooperation_of_the_two_states() -> None:
    evs = [e for e in asserted("Russia held joint military exercises with China.") if e.type == "COOPERATE"]
    assert evs and evs[0].actor is not None and evs[0].actor.country == "RUS"
    assert evs[0].recipient is not None and evs[0].recipient.country == "CHN"


def test_adjectives_between_a_country_and_forces_stay() -> None:
    assert "Russian ground forces" in _mentions("Russian ground forces shelled the town.")


# --- forces that mass ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, country", [
    ("Troops massed on the border with Ukraine on Tuesday.", "UKR"),
    ("Russian forces gathered near the Ukrainian border.", "UKR"),
])
def test_forces_massing_mobilise(text: str, country: str) -> None:
    e = first(text, "MOBILIZE")
    assert e.mode == "troops"
    assert e.recipient is not None and e.recipient.country == country


@pytest.mark.parametrize("text", [
    "Officials gathered in Geneva for talks.",
    "Clouds massed over the hills.",
])
def test_others_gathering_do_not_mobilise(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "MOBILIZE"]


# --- who tells of an act is no party to it; a state of siege ----------------------------------------------------

def test_the_source_of_a_report_is_not_the_target() -> None:
    text = ("The military government declared a state of siege in Haiti on Saturday, arresting political "
            "opponents, a spokeswoman for the U.S. embassy said.")
    for e in asserted(text):
        assert e.recipient is None or e.recipient.country != "USA", e


def test_a_state_of_siege_is_emergency_rule_not_a_siege() -> None:
    evs = asserted("Peru's president declared a state of siege in Lima.")
    assert [e.mode for e in evs if e.type == "COERCE"] == ["martial-law"]
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_a_siege_of_a_place_is_still_an_assault() -> None:
    e = first("The siege of Sarajevo killed thousands.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "BIH"


# --- ties restored between two states; a news blackout -------------------------------------------------------

@pytest.mark.parametrize("text, pair", [
    ("Iran and Iraq restored diplomatic relations.", {("IRN", "IRQ"), ("IRQ", "IRN")}),
    ("Cuba and the United States normalized relations.", {("CUB", "USA"), ("USA", "CUB")}),
])
def test_ties_restored_by_two_states_are_support_each_way(text: str, pair: set[tuple[str, str]]) -> None:
    got = {(e.actor.country, e.recipient.country) for e in asserted(text)
           if e.type == "SUPPORT" and e.actor and e.recipient}
    assert got == pair


@pytest.mark.parametrize("text", [
    "The government imposed a news blackout on the region.",
    "The junta imposed a media blackout in the north.",
])
def test_a_news_blackout_is_censorship(text: str) -> None:
    assert first(text, "COERCE").mode == "censor"


def test_a_power_blackout_is_no_event() -> None:
    assert not asserted("The storm caused a blackout in the city.")


# --- the body named before the thing acted on ----------------------------------------------------------------

@pytest.mark.parametrize("text, type_, recipient", [
    ("The government rejected the UN proposal.", "REJECT", "United Nations"),
    ("The rebels welcomed the UN resolution.", "SUPPORT", "United Nations"),
    ("Russia condemned the NATO airstrikes.", "ACCUSE", "NATO"),
])
def test_the_body_named_before_a_thing_is_the_recipient(text: str, type_: str, recipient: str) -> None:
    e = first(text, type_)
    assert e.recipient is not None and e.recipient.name == recipient and e.recipient.sector == "IGO"


def test_a_generic_word_before_a_thing_is_no_recipient() -> None:
    assert first("The minister rejected the government proposal.", "REJECT").recipient is None


# --- a counterpart, a capital visited ------------------------------------------------------------------------

def test_meeting_a_counterpart_is_consultation_with_the_counterparts_state() -> None:
    e = first("The president met with his French counterpart in Paris.", "CONSULT")
    assert e.recipient is not None and e.recipient.country == "FRA"
    assert e.actor is not None and e.actor.country != "FRA"


def test_a_minister_visiting_a_capital_is_not_of_its_state() -> None:
    e = first("The foreign minister flew to Moscow for talks.", "CONSULT")
    assert e.recipient is not None and e.recipient.country == "RUS"
    assert e.actor is not None and e.actor.country != "RUS"


def test_a_capital_named_before_still_gives_the_country() -> None:
    e = first("Police in Nairobi arrested three activists.", "COERCE")
    assert e.actor is not None and e.actor.country == "KEN"


# --- a crowd that burns or loots riots ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Protesters set fire to tires in the streets of Caracas.",
    "Rioters looted shops in the city centre.",
    "Demonstrators torched police cars.",
])
def test_a_crowd_burning_or_looting_riots(text: str) -> None:
    evs = asserted(text)
    assert [e.mode for e in evs if e.type == "PROTEST"] == ["riot"]
    assert not [e for e in evs if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "Soldiers burned down dozens of houses in the village.",
    "Rebels set fire to the village.",
])
def test_armed_men_burning_a_village_assault(text: str) -> None:
    assert first(text, "ASSAULT").mode == "destroy"


# --- a decision to act --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("China's decision to ban imports of Australian coal angered Canberra.", "SANCTION", "CHN", "AUS"),
    ("The decision by China to ban imports of Australian coal angered Canberra.", "SANCTION", "CHN", "AUS"),
    ("Russia's move to expel 20 US diplomats drew condemnation.", "SANCTION", "RUS", "USA"),
])
def test_a_decision_to_act_is_the_act_of_the_one_who_decided(text: str, type_: str, actor: str,
                                                             recipient: str) -> None:
    e = first(text, type_)
    assert e.status == "asserted"
    assert (e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) == (actor, recipient)


def test_any_move_to_act_is_no_act_taken() -> None:
    text = "Any move by the US to conduct its own land strikes in Mexico would shatter decades of protocol."
    assert not [e for e in asserted(text) if e.type == "ASSAULT"]


def test_a_plan_to_act_is_not_the_act() -> None:
    assert not [e for e in asserted("China's plan to ban imports of Australian coal was dropped.")
                if e.type == "SANCTION"]


# --- arms supplied and sold ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, type_, recipient", [
    ("Iran supplied drones to Russia.", "AID", "RUS"),
    ("Russia supplied Syria with air defence systems.", "AID", "SYR"),
    ("Washington approved the sale of F-16 jets to Turkey.", "COOPERATE", "TUR"),
])
def test_arms_supplied_or_sold_go_to_the_state_named(text: str, type_: str, recipient: str) -> None:
    e = first(text, type_)
    assert e.recipient is not None and e.recipient.country == recipient


def test_a_sale_of_shares_is_no_event() -> None:
    assert not asserted("The ministry announced the sale of its shares in the airline.")


def test_a_venue_abroad_does_not_make_the_actor_of_its_country() -> None:
    e = first("The rebels accepted an invitation to attend peace talks in Oslo.", "AGREE")
    assert e.actor is not None and e.actor.country != "NOR"


# --- whose the thing acted on is -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, type_, recipient", [
    ("The government rejected the American proposal.", "REJECT", "USA"),
    ("The government welcomed Iran's offer.", "SUPPORT", "IRN"),
])
def test_the_owner_of_the_thing_acted_on_is_not_the_actors_country(text: str, type_: str, recipient: str) -> None:
    e = first(text, type_)
    assert e.recipient is not None and e.recipient.country == recipient
    assert e.actor is not None and e.actor.country != recipient


def test_a_place_in_the_object_still_gives_the_country() -> None:
    e = first("The military government declared a state of siege in Haiti.", "COERCE")
    assert e.actor is not None and e.actor.country == "HTI"
