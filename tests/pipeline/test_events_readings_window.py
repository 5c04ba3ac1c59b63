"""Readings whose window or phrase left common shapes uncoded. Invented sentences."""

from __future__ import annotations

from english_coder import asserted, first


def test_prisoners_released_are_found_past_a_number_and_an_adjective() -> None:
    e = first("The Peruvian government released 50 political prisoners on Sunday.", "RETREAT")
    assert e.mode == "release"


def test_a_released_statement_is_still_no_release_of_people() -> None:
    assert not [e for e in asserted("The Peruvian army released a long statement on the prisoners.")
                if e.type == "RETREAT"]


def test_breaking_relations_reduces_them() -> None:
    e = first("Libya broke diplomatic relations with Egypt on Monday.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "EGY"


def test_supplies_sent_are_found_past_a_measure() -> None:
    e = first("Britain sent three planeloads of medical supplies to Armenia.", "AID")
    assert e.recipient is not None and e.recipient.country == "ARM"


def test_a_telephone_conversation_held_is_a_consultation() -> None:
    e = first("The Chilean president held a telephone conversation with the Peruvian president.", "CONSULT")
    assert e.mode == "phone" and e.recipient is not None and e.recipient.country == "PER"


def test_parties_returning_to_the_negotiating_table_consult() -> None:
    evs = [e for e in asserted("Israel and Syria returned to the negotiating table on Monday.") if e.type == "CONSULT"]
    # one event for the pair, in the order they are named (a meeting has no direction)
    assert {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in evs} == {
        ("ISR", "SYR")}


def test_a_concession_or_protest_aimed_at_no_one_is_aimed_at_the_actors_country() -> None:
    e = first("Nepal's seven opposition parties organized a general strike on Monday.", "PROTEST")
    assert e.recipient is not None and e.recipient.country == "NPL"
    e = first("Iran expelled two British diplomats.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "GBR"  # a party named keeps its place


def test_a_subject_the_parser_takes_for_a_measure_is_still_the_actor() -> None:
    e = first("Turkey massed troops on the Iraqi border.", "MOBILIZE")
    assert e.actor is not None and e.actor.country == "TUR"


def test_the_recipient_hangs_on_the_word_the_reading_needs() -> None:
    e = first("The Sudanese government suspended talks with the SPLA rebels.", "SANCTION")
    assert e.recipient is not None and e.recipient.sector == "REB"


def test_other_common_shapes_are_coded() -> None:
    assert first("Iraq returned the seized fishing boats to Kuwait.", "RETREAT").recipient is not None
    assert first("The Ugandan government sent riot police to the northern province.", "MOBILIZE")
    assert first("Japan gave $10 million to Bangladesh for flood relief.", "AID").recipient is not None
    assert first("Kenyan students staged a sit-in at the university.", "PROTEST")
    assert first("Chilean coal miners walked off the job over pay.", "PROTEST").mode == "strike"
    assert first("The Egyptian ministry closed down two independent newspapers.", "COERCE").mode == "censor"
    assert first("The Kenyan government closed the universities after the riots.", "COERCE").mode == "restrict"
    e = first("Kenya opened its borders to thousands of refugees fleeing Somalia.", "AID")
    assert e.recipient is not None and e.recipient.sector == "CVL"
    assert first("Kenya opened its border with Somalia.", "RETREAT")


def test_more_shapes_past_a_longer_window() -> None:
    assert first("The kidnappers released the two Italian aid workers unharmed.", "RETREAT").mode == "release"
    e = first("The World Bank froze loans to Kenya over corruption.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "KEN"
    assert first("The Kenyan authorities shut down the offices of the opposition party.", "COERCE").mode == "restrict"


def test_aid_counted_as_a_sum_is_the_sum_givers_act() -> None:
    e = first("The European Union approved 20 million euros in humanitarian aid for Sudan.", "AID")
    assert e.actor is not None and e.actor.sector == "IGO"
    assert e.recipient is not None and e.recipient.country == "SDN"


def test_a_point_in_negotiations_is_no_negotiation_of_the_speaker() -> None:
    text = "Peru and Chile will keep working on the border, a sore issue in negotiations over fishing."
    assert not [e for e in asserted(text) if e.type in ("CONSULT", "AGREE") and "negotiations" in e.trigger.text]


def test_a_captive_named_by_trade_is_released() -> None:
    assert first("Guerrillas freed a kidnapped British businessman after six months.", "RETREAT").mode == "release"


def test_forces_seizing_someone_abroad_do_not_seize_their_own_country() -> None:
    evs = [e for e in asserted("American special forces seized the couple at their residence in Caracas.")
           if e.type == "COERCE"]
    assert all(e.recipient is None or e.recipient.country != "USA" for e in evs)
