"""Single-sense trigger verbs and nouns from the manual's definitions and CAMEO's verb classes, acts of force
told by a noun and their toll with no one named, and ethnic groups, on invented wire sentences."""

from __future__ import annotations

import pytest
from english_coder import asserted, first

from storyline.pipeline.parse import worth_parsing


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    ("Chile on Monday admonished Peru over the border incident.", "ACCUSE", "CHL", "PER"),
    ("The Kenyan parliament voted to impeach the governor of Nairobi.", "ACCUSE", "KEN", None),
    ("Norway extolled Colombia's efforts to end the conflict.", "SUPPORT", "NOR", "COL"),
    ("Ghana exhorted Togo to release the detained journalists.", "REQUEST", "GHA", "TGO"),
    ("Iraq reneged on its agreement with Kuwait.", "REJECT", "IRQ", "KWT"),
    ("Armenia redeployed troops to its border with Azerbaijan.", "MOBILIZE", "ARM", "AZE"),
    ("Ecuador unfroze Venezuelan assets on Friday.", "CONCEDE", "ECU", None),
    ("Egypt incarcerated three Sudanese traders without trial.", "COERCE", "EGY", "SDN"),
    ("Bolivian police impounded a Brazilian cargo plane.", "COERCE", "BOL", "BRA"),
    ("Rebels looted the Malian town of Gao on Sunday.", "ASSAULT", None, None),
    ("Thailand's killing of the Cambodian soldiers drew protests.", "ASSAULT", "THA", "KHM"),
])
def test_a_single_sense_trigger_codes_its_type(text: str, type_: str, actor: str | None,
                                               recipient: str | None) -> None:
    e = first(text, type_)
    if actor:
        assert e.actor is not None and e.actor.country == actor
    if recipient:
        assert e.recipient is not None and e.recipient.country == recipient


@pytest.mark.parametrize("text", [
    "The colonel admonished his staff to arrive on time.",  # parsed: the filter follows the lexicon
    "Police impounded the ship.",
    "The court exonerated the former minister.",
])
def test_the_parse_filter_follows_the_new_lemmas(text: str) -> None:
    assert worth_parsing(text)


def test_a_torpedoed_deal_is_no_attack() -> None:
    assert not [e for e in asserted("Hardliners torpedoed the deal with Iran on Monday.") if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "recipient"), [
    ("The bombing of the U.S. embassy killed twelve people.", "USA"),
    ("An attack on an Israeli police station killed four officers.", "ISR"),
    ("Yesterday's ambush killed six Nigerian soldiers.", "NGA"),
])
def test_an_act_of_force_told_by_its_toll_has_no_actor_named(text: str, recipient: str) -> None:
    e = first(text, "ASSAULT")
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == recipient


def test_a_noun_of_force_with_no_toll_and_no_actor_is_no_event() -> None:
    assert not asserted("The bombing of the embassy was the subject of a film.")


def test_the_victims_of_a_strike_on_a_town_are_its_people() -> None:
    e = first("Gunmen killed 14 people in Haifa on Friday night.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "ISR"


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("Ethnic Russians in eastern Ukraine demanded autonomy.", "REQUEST", "UKR"),
    ("Hundreds of ethnic Hungarians rallied in Romania on Sunday.", "PROTEST", "ROU"),
    ("Ethnic Albanian rebels operating in Macedonia attacked a police post.", "ASSAULT", "MKD"),
])
def test_an_ethnic_group_belongs_to_the_country_it_lives_in(text: str, type_: str, actor: str) -> None:
    e = first(text, type_)
    assert e.actor is not None and e.actor.country == actor
    assert "ethnic-home" in e.rule


def test_a_people_named_without_ethnic_keeps_its_state() -> None:
    e = first("Russians in Ukraine demanded autonomy.", "REQUEST")
    assert e.actor is not None and e.actor.country == "RUS"


def test_the_party_leading_a_war_refused_support_is_the_recipient() -> None:
    e = first("Norway declined to send troops to the British-led mission against the pirates.", "REJECT")
    assert e.recipient is not None and e.recipient.country == "GBR"


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("Nigeria's mobilization of reserve units alarmed Cameroon.", "MOBILIZE", "NGA"),
    ("Chile's torture of political prisoners was documented by the commission.", "ASSAULT", "CHL"),
    ("Kenya made a promise to Uganda to reopen the border crossing.", "AGREE", "KEN"),
])
def test_a_nominal_event_the_manual_names(text: str, type_: str, actor: str) -> None:
    e = first(text, type_)
    assert e.actor is not None and e.actor.country == actor


@pytest.mark.parametrize(("text", "type_", "recipient"), [
    ("A Kenyan opposition leader was charged with treason on Monday.", "ACCUSE", "KEN"),
    ("Two Peruvian officials were sentenced to ten years in prison.", "SANCTION", "PER"),
])
def test_a_charge_or_a_sentence_told_in_the_passive_is_an_event_with_no_actor_named(
        text: str, type_: str, recipient: str) -> None:
    e = first(text, type_)
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == recipient


def test_a_criticism_by_no_one_named_is_no_event() -> None:
    assert not [e for e in asserted("The Kenyan minister was criticised for the delay.") if e.type == "ACCUSE"]


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("Ghana and Togo upgraded their diplomatic ties to ambassador level.", "SUPPORT", "GHA"),
    ("Syrian troops recaptured the town of Palmyra on Sunday.", "ASSAULT", "SYR"),
    ("The Greek navy intercepted a Turkish cargo ship near Crete.", "COERCE", "GRC"),
])
def test_a_verb_with_its_context_codes_its_type(text: str, type_: str, actor: str) -> None:
    e = first(text, type_)
    assert e.actor is not None and e.actor.country == actor


def test_an_upgraded_forecast_is_no_support() -> None:
    assert not [e for e in asserted("Kenya's central bank upgraded its growth forecast.") if e.type == "SUPPORT"]
