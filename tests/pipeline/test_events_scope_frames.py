"""Scope of the English coder on invented sentences in shapes real news pages take outside politics: a game
report, a firm's own business, a poll, a plea in court, a view or a product offered, a finding shown, a
report made use of, an election won, an act someone ought to do (one test per rule, with a political
sentence of the same shape that stays coded)."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


# A game or a match: two sport words, or one and a score. Teams that "beat" or "rally" make no event.
@pytest.mark.parametrize("text", [
    "Garcia scored twice in the playoff opener and the Rangers beat the Flyers 4-2 on Saturday.",
    "Novak and Petrov rallied on Sunday to beat the Spanish pair 4-6, 6-3, 6-2 in the doubles.",
    "Kazakhstan beat Norway 2-1 in the Davis Cup tie.",
])
def test_a_game_report_codes_no_event(text: str) -> None:
    assert asserted(text) == []


# Words that war and diplomacy use too ("the final assault", "the Arab League") are no sport cues.
def test_a_final_communique_of_a_league_stays_coded() -> None:
    e = first("In its final statement the Arab League denounced the raids and urged Egypt to open the crossing.",
              "ACCUSE")
    assert e.actor is not None and e.actor.name == "Arab League"


def test_a_beating_by_police_stays_an_assault() -> None:
    e = first("Police beat dozens of demonstrators outside the parliament in Tbilisi on Saturday.", "ASSAULT")
    assert e.actor is not None and e.actor.sector == "COP"


# Winning an election or a race is no beating.
def test_beating_an_incumbent_in_an_election_is_no_assault() -> None:
    text = "Montana Republicans beat the incumbent governor by twelve points in the November election."
    assert not [e for e in asserted(text) if e.type == "ASSAULT"]


# A firm acting with no public party on the other side: business, no political event.
@pytest.mark.parametrize("text", [
    "The airline's chief executive Tom Harlow stepped down on Friday after the merger collapsed.",
    "The company is offering its customers a cheaper plan with more storage.",
])
def test_a_firms_own_business_codes_no_event(text: str) -> None:
    assert asserted(text) == []


def test_a_firm_suing_a_government_stays_coded() -> None:
    assert asserted("Huawei sued the United States government over the ban on its equipment.")


# How many back someone is no act of support.
@pytest.mark.parametrize("text", [
    "The senator has just 4 percent support among young voters in Ohio.",
])
def test_a_share_of_support_is_no_support_event(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "SUPPORT"]


def test_support_offered_stays_support() -> None:
    assert first("Japan expressed support for the Philippines in its dispute with China.", "SUPPORT")


# A plea in court is no request; a plea to someone is.
@pytest.mark.parametrize("text", [
    "The two guards pleaded not guilty in federal court in Miami on Tuesday.",
    "The former minister pleaded guilty to bribery charges on Monday.",
])
def test_a_plea_in_court_is_no_request(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "REQUEST"]


def test_pleading_with_someone_stays_a_request() -> None:
    assert first("The mayor pleaded with the governor to send more troops to the city.", "REQUEST")


# What is offered is a view, a proof or a product: no offer to act.
@pytest.mark.parametrize("text", [
    "The senator offered proof that the governor had taken bribes.",
    "The senator offered a detailed analysis of the budget.",
    "Charter schools are offering poor families hope of a better future.",
])
def test_offering_a_view_or_a_proof_is_no_agreement(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "AGREE"]


def test_offering_aid_stays_an_offer() -> None:
    assert first("Iran offered to send aid to Syria after the earthquake.", "AGREE")


# "demonstrated that ...", "demonstrated its resolve": shown, not a street protest.
@pytest.mark.parametrize("text", [
    "The army demonstrated its resolve in the mountains last week.",
    "The researchers demonstrated that the drug lowered blood pressure.",
])
def test_showing_is_no_demonstration(text: str) -> None:
    assert not [e for e in asserted(text) if e.type in ("PROTEST", "ACCUSE")]


def test_students_demonstrating_stays_a_protest() -> None:
    assert first("Thousands of students demonstrated outside the education ministry in Santiago.", "PROTEST")


# "seized upon a report": made use of, nothing taken.
def test_seizing_upon_a_report_is_no_seizure() -> None:
    text = "The senator is seizing upon a newspaper report that the governor lost millions in 2001."
    assert not [e for e in asserted(text) if e.type == "COERCE"]


# What someone ought to do has not been done.
def test_what_someone_ought_to_do_is_not_asserted() -> None:
    assert not [e for e in asserted("The minister ought to withdraw the troops from the border.")
                if e.type == "RETREAT"]


# Harm done to oneself alone is no assault; a bomber who blows himself up still attacks.
def test_shooting_oneself_is_no_assault() -> None:
    text = "A retired police officer shot himself in a hospital garage last month."
    assert not [e for e in asserted(text) if e.type == "ASSAULT"]


def test_a_suicide_bombing_stays_an_assault() -> None:
    assert first("The bomber blew himself up at a checkpoint, killing six soldiers.", "ASSAULT")


# A warning that a thing will do harm, with no act named, forecasts; it threatens nothing.
@pytest.mark.parametrize("text", [
    "The senator warned the voters on Monday that a Republican win would bring the old scandals back.",
    "The leaders backed the plan, warning that the British departure would weaken European defence.",
])
def test_a_forecast_is_no_threat(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Iran warned the United States that the move would have serious consequences.",
    "China warned that it would retaliate against any new tariffs.",
])
def test_a_warning_of_consequences_stays_a_threat(text: str) -> None:
    assert first(text, "THREATEN")


# Attacking someone "for" what they did, or "as" something, is words.
def test_attacking_a_rival_for_what_he_did_is_criticism() -> None:
    e = first("The governor attacked his rivals on stage for accepting donations from oil firms.", "ACCUSE")
    assert e.mode == "disapprove"


def test_attacking_a_convoy_stays_an_assault() -> None:
    assert first("Rebels attacked the convoy for three hours near Goma.", "ASSAULT")


# Where words were said or people met ("during a stop in Dayton", "at a conference in Reno") is the
# venue, not the party criticised or promised to; a place inside a threatened act stays its place.
@pytest.mark.parametrize(("text", "type_"), [
    ("The former president criticized the health law at a rally in Dayton, Ohio, on Friday.", "ACCUSE"),
    ("The governor made her pledge at a conference of nurses in Reno on Monday.", "AGREE"),
])
def test_the_venue_of_words_is_no_recipient(text: str, type_: str) -> None:
    assert first(text, type_).recipient is None


def test_the_place_of_a_threatened_curfew_stays_its_recipient() -> None:
    e = first("The governor announced he will extend the curfew in Kano after the riots.", "THREATEN")
    assert e.recipient is not None and e.recipient.country == "NGA"


# Agreeing with a decision or an assessment approves it (SUPPORT); agreeing with a state to act stays AGREE.
@pytest.mark.parametrize("text", [
    "The prosecutor said she agreed with the court's ruling on the sentence.",
    "The minister agreed with the assessment of the generals.",
])
def test_agreeing_with_a_decision_is_support(text: str) -> None:
    assert first(text, "SUPPORT")
    assert not [e for e in asserted(text) if e.type == "AGREE"]


def test_agreeing_with_a_state_to_act_stays_agree() -> None:
    assert first("Iran agreed with Iraq to reopen the border crossing.", "AGREE")


def test_offering_an_example_is_no_agreement() -> None:
    text = "Lopez offered the example of last year's anti-smoking campaign."
    assert not [e for e in asserted(text) if e.type == "AGREE"]


# One country beating another, or a beating told with a score, is a game won; beatings are of people.
@pytest.mark.parametrize("text", [
    "Norway beat Portugal on Saturday.",
    "Uruguay beat Bolivia 4-0 to top the group.",
])
def test_a_country_beating_a_country_is_a_game(text: str) -> None:
    assert not [e for e in asserted(text) if e.type == "ASSAULT"]


def test_police_beating_protesters_stays_an_assault() -> None:
    assert first("Police beat protesters in Minsk on Sunday night.", "ASSAULT")


# A thing offered for sale by a party of no known country or sector is trade, not an offer to act.
def test_a_product_offered_is_no_agreement() -> None:
    text = "Zentrix offers free repairs to its customers."
    assert not [e for e in asserted(text) if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    "Karimov offered a truce to the government.",
    "Karimov offered to resign after the vote.",
])
def test_an_unknown_party_offering_a_truce_or_to_act_stays_an_offer(text: str) -> None:
    assert first(text, "AGREE")
