"""Shapes found by reading the events coded on real news text nobody tuned the coder for (campaign and
world news): a poll or a vote won is no beating, a campaign event hosted is no visit, a person attacked
in words is criticised, a capital named as where an act was done is a place, and a quotation a cue
follows is no party to what the cue's sentence tells. Invented sentences in those shapes."""

from __future__ import annotations

from english_coder import asserted, first, roles


def _types(text: str) -> set[str]:
    return {e.type for e in asserted(text)}


def test_a_candidate_beating_a_rival_by_points_or_in_a_poll_is_no_assault() -> None:
    assert "ASSAULT" not in _types("Ortega beats Lindqvist by 46 percent to 42 percent, according to the poll.")
    assert "ASSAULT" not in _types("The senator beat the incumbent in the primary on Tuesday.")
    assert "ASSAULT" not in _types("Ortega beat Lindqvist in the latest survey.")


def test_people_beaten_stay_an_assault() -> None:
    assert roles("Police beat protesters in the square on Tuesday.", "ASSAULT") == (None, None)
    assert first("Soldiers beat the detainees by the roadside.", "ASSAULT").recipient is not None


def test_hosting_a_campaign_event_or_a_tournament_is_no_visit() -> None:
    assert "CONSULT" not in _types("The candidate will host events in two counties this week.")
    assert "CONSULT" not in _types("Qatar hosted the World Cup in 2022.")
    assert "AGREE" not in _types("The candidate will host rallies in three states.")


def test_hosting_a_leader_stays_a_visit() -> None:
    assert roles("The French president hosted the Kenyan president at the Elysee on Monday.", "CONSULT") == (
        "FRA", "KEN")


def test_a_person_attacked_for_something_or_personally_is_criticised() -> None:
    assert roles("Maduro attacked Rubio as a warmonger.", "ACCUSE") == ("VEN", "USA")
    assert roles("Trump attacked Hillary Clinton for not paying her taxes.", "ACCUSE") == ("USA", "USA")
    assert "ASSAULT" not in _types("The senator said Trump had personally attacked his wife.")
    assert "ACCUSE" in _types("The senator said Trump had personally attacked his wife.")
    assert first("The minister launched a scathing attack on the opposition leader.", "ACCUSE").recipient.sector \
        == "OPP"


def test_armed_attacks_stay_assaults() -> None:
    assert roles("Russian forces attacked Kharkiv overnight.", "ASSAULT") == ("RUS", "UKR")
    assert "ASSAULT" in _types("Militants attacked the mayor of Gao as he left the mosque.")
    assert "ACCUSE" not in _types("Gunmen attacked the police station for two hours.")


def test_a_capital_where_a_deal_was_reached_is_no_party_to_it() -> None:
    e = first("The agreement that the nations reached in Paris in December will curb emissions.", "AGREE")
    assert e.recipient is None or e.recipient.country != "FRA"


def test_an_embassy_opened_in_a_capital_still_names_that_state() -> None:
    assert roles("Sri Lanka has established diplomatic ties with and opened an embassy in Tehran, the foreign "
                 "ministry said on Wednesday.", "SUPPORT") == ("LKA", "IRN")


def test_a_quotation_before_the_cue_is_no_party_to_the_meeting_after_it() -> None:
    text = ('"We are in a critical situation in Europe after the referendum in Britain," German Chancellor '
            "Angela Merkel told reporters after the meeting.")
    assert all(e.recipient is None or e.recipient.country != "GBR" for e in asserted(text))


def test_an_act_another_expects_of_a_party_is_not_told_as_done_nor_promised() -> None:
    text = "The campaign expects the moderator to insert himself into the debate by calling out Trump for his lies."
    assert "ACCUSE" not in _types(text)
    assert not {"RETREAT", "CONCEDE"} & _types("The ministry expects Russia to withdraw its troops by Friday.")


def test_an_act_a_party_expects_to_do_stays_its_intent() -> None:
    assert "CONCEDE" in _types("Russia expects to withdraw its troops by Friday.")


def test_legislative_attacks_are_criticism_not_threats_of_force() -> None:
    types = _types("Republicans in Congress will continue their legislative attacks on the law.")
    assert "THREATEN" not in types and "ASSAULT" not in types


def test_deaths_in_an_accident_or_a_disaster_are_no_assault() -> None:
    assert "ASSAULT" not in _types("Two American service members have been killed in a helicopter crash in "
                                   "Afghanistan, the military said on Wednesday.")
    assert "ASSAULT" not in _types("Twelve people were killed in the floods.")
    assert "ASSAULT" not in _types("Forty people were injured by the earthquake in the north.")


def test_deaths_by_force_stay_assaults() -> None:
    assert "ASSAULT" in _types("Three soldiers were killed by a roadside bomb.")
    assert "ASSAULT" in _types("Five soldiers were killed in a helicopter crash after the aircraft was shot down "
                               "by militants.")


def test_an_act_one_fears_or_weighs_the_prospect_of_is_not_told_as_done() -> None:
    assert "ASSAULT" not in _types("Ukraine voiced its fear of being attacked by Russia.")


def test_fighting_a_problem_or_a_legal_case_is_no_assault() -> None:
    assert "ASSAULT" not in _types("London has been fighting dirty air since the 14th century.")
    assert "ASSAULT" not in _types("Assange is fighting extradition to the United States.")
    assert roles("Iraqi troops fought Islamic State militants in Mosul.", "ASSAULT")[0] == "IRQ"


def test_a_politician_attacking_a_person_a_people_or_an_idea_with_no_force_told_criticises() -> None:
    assert roles("Senator Rubio attacked Maduro on Tuesday.", "ACCUSE") == ("USA", "VEN")
    assert "ASSAULT" not in _types("“Donald Trump started attacking Latinos at the beginning of his campaign,” she "
                                   "said.")
    assert "ASSAULT" not in _types("In an August speech, Trump attacked “the hateful ideology of radical Islam.”")


def test_a_leader_attacking_a_state_or_with_forces_stays_an_assault() -> None:
    assert roles("Putin attacked Ukraine in February 2022.", "ASSAULT") == ("RUS", "UKR")
    assert "ASSAULT" in _types("President Ortega attacked the protesters with riot police.")
    assert "ASSAULT" in _types("Trump attacked Iran's nuclear sites.")


def test_what_an_act_allowed_is_no_concession_of_its_own() -> None:
    assert "CONCEDE" not in _types("The firm created two subsidiaries in New York City, allowing its case to be "
                                   "heard there.")
    assert len([e for e in asserted("The government lifted the curfew, allowing residents to leave their homes.")
                if e.type == "CONCEDE"]) == 1
    assert "CONCEDE" in _types("The government allowed the opposition to hold rallies.")


def test_a_risk_a_description_or_a_question_put_to_someone_is_no_event() -> None:
    assert not _types("“It’s striking that tensions in every corner of the world are rising,” the economist said.")
    assert "THREATEN" not in _types("The storm threatens the coast of Florida.")
    assert "THREATEN" not in _types("Hong Kong's street battles are an existential threat to the regime.")
    assert "REQUEST" not in _types("Asked later for an example of such an experiment, he brought up the program.")


def test_threats_by_parties_stay_threats() -> None:
    assert roles("Iran threatened to close the Strait of Hormuz.", "THREATEN")[0] == "IRN"
    assert "THREATEN" in _types("The militants threatened the villagers.")
    assert roles("Trump's threat to Mexico was clear.", "THREATEN") == ("USA", "MEX")


def test_a_toll_of_fighting_between_sides_is_no_single_sides_strike() -> None:
    text = ("A US drone strike killed two militants in Logar on Monday. More than 2,500 Afghan civilians have been "
            "killed in the fighting so far this year, according to the United Nations.")
    tolls = [e for e in asserted(text) if e.type == "ASSAULT" and e.recipient is not None
             and e.recipient.sector == "CVL"]
    assert tolls and all(e.actor is None or e.actor.country != "USA" for e in tolls)
    text = ("A US drone strike killed two militants in Logar on Monday. Three civilians were killed in another strike "
            "on Tuesday.")
    assert any(e.actor is not None and e.actor.country == "USA" for e in asserted(text)
               if e.type == "ASSAULT" and e.recipient is not None and e.recipient.sector == "CVL")
