"""An agreement to make a concession ("agreed to pause its tariffs") stays an AGREE, as PLOVER coders code
it, marked with its content so the linker threads it with the concessions it belongs with."""

from __future__ import annotations

from english_coder import first


def test_agreeing_to_pause_a_measure_is_an_agreement_marked_with_its_concession() -> None:
    e = first("The Canadian government agreed on Friday to pause its new tariffs on Chinese steel for two months.",
              "AGREE")
    assert "content=CONCEDE" in e.rule


def test_agreeing_not_to_lift_a_measure_is_no_concession() -> None:
    e = first("The Canadian government agreed not to lift the tariffs on Chinese steel.", "AGREE")
    assert "content=CONCEDE" not in e.rule


def test_agreeing_to_cooperate_is_no_concession() -> None:
    e = first("The Canadian government agreed to cooperate with Chile on port security.", "AGREE")
    assert "content=CONCEDE" not in e.rule


def test_exempting_goods_from_tariffs_is_a_concession_to_their_country() -> None:
    e = first("The US president exempted Canadian goods from the tariffs.", "CONCEDE")
    assert e.actor is not None and e.actor.country == "USA"
    assert e.recipient is not None and e.recipient.country == "CAN"
