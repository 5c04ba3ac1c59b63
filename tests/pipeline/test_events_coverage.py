"""Acts the manual codes though no actor is named in the clause (victims of an attack, an attempt on a life,
a trial), a needed preposition far from its verb, a bomb that explodes, joint exercises, and access granted,
on invented wire sentences."""

from __future__ import annotations

import pytest
from english_coder import asserted, first


@pytest.mark.parametrize(("text", "victims"), [
    ("Six Malian soldiers were killed in an ambush near Gao.", "MLI"),
    ("Four Kenyan policemen were wounded in a grenade attack.", "KEN"),
    ("Three Afghan civilians died in the shelling of the market.", "AFG"),
])
def test_the_victims_of_an_attack_by_no_one_named_are_its_recipient(text: str, victims: str) -> None:
    e = first(text, "ASSAULT")
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == victims


def test_an_attack_pointed_back_at_gives_no_second_event_from_its_victims() -> None:
    assert first("Both gunmen were killed in a strike.", "ASSAULT").recipient is not None
    assert not asserted("Both gunmen were killed in this strike.")


def test_a_death_under_torture_in_custody_is_by_the_custodian() -> None:
    e = first("A Chadian student died under torture in Ruritanian police custody.", "ASSAULT")
    assert e.mode == "torture"
    assert e.recipient is not None and e.recipient.country == "TCD"
    assert "custodian" in e.rule


def test_death_as_a_result_of_an_act_of_force() -> None:
    e = first("A Nigerian farmer died as a result of torture.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "NGA"


def test_a_failed_attempt_on_a_life_is_an_assault() -> None:
    e = first("An attempt to assassinate the Tunisian interior minister was foiled on Sunday.", "ASSAULT")
    assert e.actor is None
    assert e.recipient is not None
    assert "attempt" in e.rule


def test_a_plot_is_no_attempt() -> None:
    assert not [e for e in asserted("Officials described a plot to assassinate the Tunisian interior minister.")
                if e.type == "ASSAULT"]


def test_a_needed_preposition_past_a_long_object_is_still_the_verbs() -> None:
    e = first("A Belgian judge charged the former Rwandan army chief of staff with genocide.", "ACCUSE")
    assert e.actor is not None and e.actor.country == "BEL"
    assert e.recipient is not None and e.recipient.country == "RWA"


def test_a_charge_without_its_preposition_is_no_accusation() -> None:
    assert not [e for e in asserted("Belgium charged a fee for the visas.") if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a hotel in Mogadishu, killing five people.",
    "A roadside bomb went off near a Pakistani army convoy, killing two soldiers.",
])
def test_a_bomb_that_explodes_is_an_attack(text: str) -> None:
    e = first(text, "ASSAULT")
    assert e.mode == "explosives"
    assert e.actor is None


def test_a_bomber_is_an_actor_of_no_known_country() -> None:
    e = first("A suicide bomber blew himself up at a checkpoint.", "ASSAULT")
    assert e.actor is not None and e.actor.sector == "REB"


def test_joint_exercises_are_cooperation() -> None:
    evs = [e for e in asserted("Chile and Peru held joint naval exercises off the Pacific coast.")]
    assert {e.type for e in evs} == {"COOPERATE"}
    assert {(e.actor.country, e.recipient.country) for e in evs if e.actor and e.recipient} == {
        ("CHL", "PER"), ("PER", "CHL")}


def test_one_sides_exercises_stay_mobilization() -> None:
    assert first("Chile held naval exercises off the Pacific coast.", "MOBILIZE")


def test_letting_inspectors_in_is_a_retreat_before_a_concession() -> None:
    e = first("Libya allowed U.N. inspectors to visit the sites.", "RETREAT")
    assert e.mode == "access"
    assert first("Libya allowed the opposition to hold a rally.", "CONCEDE")


@pytest.mark.parametrize(("text", "accused"), [
    ("The former Zambian finance minister went on trial for fraud.", "ZMB"),
    ("Two Kenyan journalists stood trial for sedition on Monday.", "KEN"),
])
def test_the_one_on_trial_is_the_recipient_of_a_charge_by_no_one_named(text: str, accused: str) -> None:
    e = first(text, "ACCUSE")
    assert e.actor is None
    assert e.recipient is not None and e.recipient.country == accused


def test_a_match_is_no_trial() -> None:
    assert not asserted("Peru will face Chile in the final on Sunday.")
