"""A recipient the actor lexicon does not know, named by a noun of people or a group or by a person's full
name in the trigger's own argument places, when no other rule found one; on invented sentences, with ones
whose argument is a thing, an idea or a place and must leave the recipient blank."""

from __future__ import annotations

from english_coder import first


def test_people_no_lexicon_lists_arrested_by_police_are_the_recipient() -> None:
    e = first("Police searched the neighbourhood on Tuesday and arrested two suspects near the depot.", "COERCE")
    assert e.recipient is not None and "suspects" in e.recipient.name, e.rule
    assert "recipient:people" in e.rule


def test_a_crackdown_on_unlisted_people_names_them() -> None:
    e = first("The governor cracked down on burglars after the break-ins, officials said on Monday.", "COERCE")
    assert e.recipient is not None and e.recipient.name == "burglars" and e.recipient.sector == "CRM", e.rule


# The rules before it come first: an arrest by a country's police with no party the lexicon knows is
# aimed at that country (the existing rule), not replaced by the people named.
def test_an_earlier_rule_is_kept_before_the_people_named() -> None:
    e = first("Kenyan police arrested three suspects in a raid on Monday.", "COERCE")
    assert e.recipient is not None and e.recipient.country == "KEN", e.rule
    assert "recipient:people" not in e.rule


def test_a_group_noun_of_no_sector_is_a_party_when_it_is_the_target() -> None:
    e = first("Militiamen from the northern district attacked a rival faction on Friday, residents said.",
              "ASSAULT")
    assert e.recipient is not None and "faction" in e.recipient.name, e.rule


def test_an_act_of_force_fired_into_people_is_aimed_at_them() -> None:
    e = first("Soldiers shot into a crowd of mourners outside the mosque on Friday.", "ASSAULT")
    assert e.recipient is not None and "crowd" in e.recipient.name, e.rule


def test_a_person_named_in_full_is_the_recipient_of_an_agreement() -> None:
    e = first("On Monday the senator agreed with Marta Ellison on the schedule for the vote.", "AGREE")
    assert e.recipient is not None and e.recipient.name == "Marta Ellison", e.rule


def test_a_thing_attacked_is_no_recipient() -> None:
    e = first("Gunmen attacked a fuel depot outside the capital of Ruritania on Sunday.", "ASSAULT")
    assert e.recipient is None or "depot" not in e.recipient.name, e.rule


def test_an_idea_criticized_is_no_recipient() -> None:
    e = first("The senator criticized the proposal as reckless during a radio interview on Monday.", "ACCUSE")
    assert e.recipient is None or "proposal" not in e.recipient.name, e.rule


def test_a_place_attacked_is_no_people() -> None:
    e = first("Insurgents attacked the airport at dawn on Tuesday, witnesses said.", "ASSAULT")
    assert e.recipient is None or "airport" not in e.recipient.name, e.rule
    assert "recipient:people" not in e.rule


def test_a_people_named_by_a_plural_proper_noun_is_the_recipient() -> None:
    e = first("The mayor attacked Catholics in a speech on Monday.", "ASSAULT")
    assert e.recipient is not None and e.recipient.name == "Catholics", e.rule


def test_a_programme_named_by_a_single_proper_noun_is_no_recipient() -> None:
    e = first("The senator criticized Medicare during the debate on Monday.", "ACCUSE")
    assert e.recipient is None or e.recipient.name != "Medicare", e.rule
