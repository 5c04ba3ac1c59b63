"""Roles the page gives an accusation that names no party: a condemnation of "the attack" is of the side
whose act of force the page told before it, and "X also expressed concern" is addressed where the one before
it was. Invented pages in the shapes of wire copy."""

from __future__ import annotations

from english_coder import asserted

PAGE = ("The Philippines summoned China's ambassador on Monday after Chinese coast guard vessels fired water cannon "
        "at a Philippine supply boat. The Philippine foreign ministry demanded that Beijing stop harassing its "
        "vessels. The United States condemned the attack. Japan and Australia also expressed concern.")


def _accusations(text: str) -> dict[str, tuple[str | None, str]]:
    return {e.actor.country: (e.recipient.country if e.recipient else None, e.rule)
            for e in asserted(text) if e.type == "ACCUSE" and e.actor is not None and e.actor.country}


def test_a_condemned_attack_is_the_side_that_struck() -> None:
    got = _accusations(PAGE)
    assert got["USA"][0] == "CHN" and "recipient=document-act-party" in got["USA"][1]


def test_also_concerned_is_concerned_with_the_same_side() -> None:
    got = _accusations(PAGE)
    for country in ("JPN", "AUS"):
        assert got[country][0] == "CHN" and "recipient=document-also" in got[country][1]


def test_a_condemnation_with_no_act_of_another_side_before_it_takes_none_of_its_own() -> None:
    text = "Kenyan police fired tear gas at protesters in Nairobi. The Kenyan government condemned the violence."
    got = _accusations(text)
    assert got.get("KEN", (None, ""))[0] != "KEN"


def test_it_is_no_group_named_in_the_plural() -> None:
    text = ("The Treasury Department imposed sanctions on Tuesday on six Iranian officials it accused of "
            "overseeing the crackdown on protesters.")
    acc = [e for e in asserted(text) if e.type == "ACCUSE"]
    assert acc and all(e.actor is not None and e.actor.country == "USA" for e in acc)


def test_an_envoy_abroad_is_no_context_for_the_authorities_after_it() -> None:
    text = ("Tehran summoned the Swiss ambassador on Tuesday. The authorities have arrested thousands of people, "
            "including journalists.")
    arrests = [e for e in asserted(text) if e.type == "COERCE"]
    assert arrests and all(e.actor is not None and e.actor.country != "CHE" for e in arrests)
