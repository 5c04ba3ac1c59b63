"""A trigger word in a sense the manual does not code, told by its arguments or by a fixed phrase of
English, and the political event of the same shape that stays. Invented sentences."""

from __future__ import annotations

from english_coder import CODER, asserted

from storyline.model import Document


def _types(text: str) -> list[str]:
    return [e.type for e in asserted(text)]


def test_a_plan_executed_is_carried_out_and_prisoners_executed_are_killed() -> None:
    assert "ASSAULT" not in _types("Ruritania executed it flawlessly.")
    assert "ASSAULT" in _types("Ruritania executed four prisoners on Monday.")
    assert "ASSAULT" in _types("Ruritania executed the defectors.")  # a noun of no known kind is taken for people


def test_votes_rounded_up_are_gathered_and_protesters_rounded_up_are_arrested() -> None:
    assert "COERCE" not in _types("Police rounded up a handful of votes for the bill.")
    assert "COERCE" in _types("Police rounded up dozens of protesters on Monday.")
    assert "COERCE" in _types("Police rounded up the suspects.")


def test_seizing_on_remarks_is_exploiting_them_and_seizing_a_ship_is_a_seizure() -> None:
    assert "COERCE" not in _types("The opposition leader quickly seized on the minister's remarks.")
    assert "COERCE" in _types("Ruritania seized a tanker off its coast on Monday.")


def test_looking_into_the_cameras_is_no_inquiry_and_looking_into_a_matter_is() -> None:
    assert "ACCUSE" not in _types("The senator looked into the cameras and said nothing.")
    assert "ACCUSE" in _types("Prosecutors in Valdora looked into the bribery allegations against the minister.")


def test_insisting_that_a_thing_will_happen_is_a_claim_and_insisting_that_a_party_act_a_demand() -> None:
    assert "REQUEST" not in _types("Mr. Lambert insisted his policy will pay off.")
    assert "REQUEST" in _types("The rebels insisted that the army withdraw from the valley.")


def test_a_source_asking_not_to_be_named_makes_no_request() -> None:
    assert "REQUEST" not in _types("A diplomat, who asked not to be named, said the vote was delayed.")
    assert "REQUEST" in _types("Ruritania asked Valdora to extradite the general.")


def test_asking_for_the_moon_and_a_big_deal_are_idioms() -> None:
    assert "REQUEST" not in _types("Farmers asked for the moon.")
    assert "AGREE" not in _types("Ruritania made a big deal of its new fence.")
    assert "AGREE" in _types("Ruritania made a deal with Valdora on the border on Monday.")


def test_a_particle_after_the_object_heads_its_own_phrase() -> None:
    assert "REQUEST" not in _types("Ruritania called the ambassador on Monday.")
    assert "CONCEDE" not in _types("Giving a speech in Valdora, the president praised the workers.")
    assert "REQUEST" in _types("Ruritania called on Valdora to withdraw its troops.")


def test_a_wish_to_see_an_act_is_no_act_told() -> None:
    text = "Aides would love to see Ruritania agree on a truce."
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert agree and all(e.status != "asserted" for e in agree)
    assert "AGREE" in _types("Advisers saw Ruritania agree to a ceasefire on Monday.")


def test_agreeing_with_a_person_is_sharing_a_view_and_agreeing_on_a_truce_is_an_agreement() -> None:
    assert "AGREE" not in _types("Kellam largely agreed with Dorsey and seemed to doubt the plan.")
    assert "AGREE" in _types("Ruritania agreed with Valdora on a truce.")
    assert "AGREE" in _types("Egypt agreed with Israel.")  # a state agreed with is a party to an agreement
    assert "SUPPORT" in _types("The Ruritanian prosecutor said he agrees with the court's decision to jail the general.")


def test_a_city_or_a_team_beaten_is_a_game_and_protesters_beaten_an_assault() -> None:
    assert "ASSAULT" not in _types("Minnesota beat Buffalo on Sunday.")
    assert "ASSAULT" not in _types("The Hornets beat the Rangers for the third time.")
    assert "ASSAULT" in _types("Soldiers beat the protesters in Valdora on Sunday.")


def test_deals_between_private_parties_and_firms_are_commerce() -> None:
    assert "AGREE" not in _types("Kestrel Holdings has made deals with three mining companies.")
    assert "AID" not in _types("Kestrel Holdings will rescue the company.")
    assert "AGREE" in _types("Ruritania made a deal with Valdora on the border on Monday.")


def test_a_result_line_tells_a_game() -> None:
    text = "Hornets 4, Rangers 1: Lemmon scored twice, Kask made 30 saves and Osterby beat Valmont."
    assert "ASSAULT" not in _types(text)
    assert "ASSAULT" in _types("Soldiers beat four protesters in Valdora on Sunday, the monitors said.")


def test_a_fight_or_a_threat_against_a_private_person_is_private() -> None:
    assert "ASSAULT" not in _types("Kellam fought with a neighbour over a parking spot.")
    assert "THREATEN" not in _types("Kellam locked the door, threatening to hurt his cousin.")
    assert "CONCEDE" not in _types("Kellam apologized to the actor.")
    assert "THREATEN" in _types("The rebels threatened to kill the governor.")
    assert "ASSAULT" in _types("Soldiers fought the rebels near Gulu.")


def test_a_record_deal_and_a_promised_feature_are_business() -> None:
    assert "AGREE" not in _types("Kellam has a lucrative book deal with Ostrava Press.")
    assert "AGREE" not in _types("Lemm promised more, and they are not delivering yet.")
    assert "AGREE" in _types("Ruritania promised to pull its soldiers out of the valley.")


def test_rallies_a_politician_holds_are_campaign_events_and_rallies_against_a_law_protests() -> None:
    assert "PROTEST" not in _types("Senator Lambert has held rallies in three cities since June.")
    assert "PROTEST" in _types("Thousands held a rally against the law in Valdora.")


def _statuses(text: str, type_: str) -> list[str]:
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    return [e.status for e in doc.events if e.type == type_]


def test_what_a_party_must_ensure_is_not_yet_done() -> None:
    assert _statuses("Ruritania must ensure that the police receive the training and support needed.", "SUPPORT") \
        and "asserted" not in _statuses("Ruritania must ensure that the police receive the training and support "
                                        "needed.", "SUPPORT")


def test_a_typographic_apostrophe_in_a_modal_reads_as_the_modal() -> None:
    curly = [(e.type, e.status) for e in asserted("Lambert said he’ll visit Valdora.")]
    assert curly == [(e.type, e.status) for e in asserted("Lambert said he'll visit Valdora.")]
    assert "CONSULT" not in [t for t, _ in curly]  # a visit to come is the manual's AGREE


def test_a_comeback_in_a_game_is_no_rally() -> None:
    assert "PROTEST" not in _types("Kovacs rallied to win the last set against Lemm.")
    assert "PROTEST" in _types("Thousands rallied against the new law in Valdora on Sunday.")


def test_troops_taking_to_the_streets_are_no_protest() -> None:
    assert "PROTEST" not in _types("Soldiers took to the streets to remove roadblocks on Sunday.")
    assert "PROTEST" in _types("Thousands took to the streets in Valdora against the tax.")


def test_declining_to_comment_is_no_rejection() -> None:
    assert "REJECT" not in _types("The Ruritanian army declined to comment.")
    assert "REJECT" not in _types("The Ruritanian army declined to say how many soldiers died.")
    assert "REJECT" in _types("The Ruritanian army refused to disclose its casualty figures.")


def test_wound_up_is_the_past_of_wind_up() -> None:
    assert "ASSAULT" not in _types("Lambert said they wound up with a draw.")
    assert "ASSAULT" in _types("Rebels wounded four soldiers near Gulu.")


def test_a_band_touring_goes_nowhere_named() -> None:
    assert "AGREE" not in _types("Singer Anna Lemm and guitarist Karl Osterby will tour next spring.")
    assert "AGREE" in _types("The Ruritanian president will tour Valdora next year.")


def test_a_claim_contradicted_or_told_falsely_is_no_act_told() -> None:
    text = "Video shows that Lemm had his hands up, contradicting the police's earlier claim that Lemm had refused."
    assert "REJECT" not in _types(text)
    assert "SUPPORT" not in _types("The ad wrongfully suggests that the Ruritanian army supports the bill.")
    assert "SUPPORT" in _types("The ad suggests that the Ruritanian army supports the bill.")


def test_rallies_attended_while_campaigning_are_no_protest() -> None:
    assert "PROTEST" not in _types("Lambert has worked hard for Kellam, attending office openings and rallies "
                                   "since February.")


def test_a_heading_noun_phrase_is_no_verb() -> None:
    assert not _types("SEE MORE: Valdora protests: 800 students under siege in university")
    assert "PROTEST" in _types("Ruritania protests to Valdora: the envoy was expelled.")


def test_attacks_a_creature_has_are_not_attacks_made() -> None:
    assert "ASSAULT" not in _types("They have fast attacks.")
    assert "ASSAULT" in _types("The rebels carried out attacks on Gulu.")


def _asserted_agreements(text: str) -> int:
    return sum(e.type == "AGREE" for e in asserted(text))


def test_parties_unable_to_agree_have_not_agreed() -> None:
    assert _asserted_agreements("Ruritania and Valdora were unable to agree on a truce on Monday.") == 0
    assert _asserted_agreements("Ruritania and Valdora agreed on a truce on Monday.") > 0


def test_a_call_for_bids_is_no_invitation_to_a_party() -> None:
    assert "AGREE" not in _types("Ruritania will invite engineers to bid for the bridge contract.")
    assert "AGREE" in _types("Ruritania invited Valdora to take part in the talks.")


def test_striking_as_remarkable_is_no_strike() -> None:
    assert "ASSAULT" not in _types("“It’s striking that tensions are rising everywhere,” Lemm said.")
    assert "ASSAULT" in _types("Ruritanian jets were striking rebel positions, Lemm said.")


def test_meetings_won_are_games() -> None:
    assert "CONSULT" not in _types("Ruritania won both meetings with Valdora last season.")
    assert "CONSULT" in _types("Ruritania held meetings with Valdora.")


def test_regretting_another_partys_decision_is_disapproval() -> None:
    assert "ACCUSE" in _types("The Ruritanian foreign ministry regrets Valdora's decision.")
    assert "CONCEDE" not in _types("The Ruritanian foreign ministry regrets Valdora's decision.")
    assert "CONCEDE" in _types("The Ruritanian minister regretted his remarks about Valdora.")


def test_a_shooting_by_an_unnamed_party_is_kept() -> None:
    assert "ASSAULT" in _types("Gunmen shot a woman near the market in Gulu.")
