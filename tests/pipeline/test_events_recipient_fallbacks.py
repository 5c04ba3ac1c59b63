"""Recipients the English coder falls back on when the sentence names none: the document's counterpart
state, and a person named in full earlier; on invented wire sentences (each rule with a sentence where it
must still apply)."""

from __future__ import annotations

from english_coder import CODER, asserted, first

from storyline.model import Document

VENEZUELA_STORY = ("Venezuela closed its border crossings on Monday. The Venezuelan government said the closure "
                   "would last a week, and Venezuela recalled its consul. ")


# A state's police or its people acting with no one named act at home: the foreign state the page is
# about is not whom they threatened or refused.
def test_police_acting_with_no_one_named_take_no_counterpart_state() -> None:
    e = first(VENEZUELA_STORY + "Colombian police threatened to use tear gas if the crowds gathered again.",
              "THREATEN")
    assert e.recipient is None or e.recipient.country != "VEN", e.rule


def test_a_government_acting_with_no_one_named_still_takes_the_counterpart() -> None:
    e = first(VENEZUELA_STORY + "The Colombian government rejected the decision on Tuesday.", "REJECT")
    assert e.recipient is not None and e.recipient.country == "VEN", e.rule


# A person named in full once and by surname after ("the driver, Tom Reyes, ... arrested Reyes") is the one
# arrested; a surname the document never gave in full is left to the other rules.
def test_a_surname_object_is_the_person_named_in_full_before() -> None:
    e = first("The driver, Tom Reyes, fled the scene on foot. Deputies arrested Reyes at a bus station on Friday.",
              "COERCE")
    assert e.recipient is not None and e.recipient.name == "Tom Reyes", e.rule


def test_a_surname_two_people_were_named_with_is_no_one_in_particular() -> None:
    e = first("The driver, Tom Reyes, and his brother Luis Reyes fled the scene on foot. Deputies arrested Reyes "
              "at a bus station on Friday.", "COERCE")
    assert e.recipient is None or e.recipient.name not in ("Tom Reyes", "Luis Reyes"), e.rule


def test_a_surname_a_known_person_bears_is_left_to_the_actor_stage() -> None:
    e = first("Joe Biden and his cousin Frank Biden spoke on Monday. Deputies arrested Biden at a bus station "
              "on Friday.", "COERCE")
    assert e.recipient is None or e.recipient.name != "Frank Biden", e.rule


# "pleaded with the ministry to reopen the clinic": the parser may hang a clause on "with" whose subject is
# the one pleaded with; that party is the recipient, as when the parser reads "with the ministry" right.
def test_the_party_pleaded_with_is_the_recipient_when_with_opens_a_clause() -> None:
    e = first("In a letter on Monday, the nurses pleaded with the cabinet to reopen the clinic in the camp.",
              "REQUEST")
    assert e.recipient is not None and e.recipient.sector == "GOV", e.rule


def test_the_party_pleaded_with_is_the_recipient_when_the_parse_is_right() -> None:
    e = first("The bishops pleaded with the Peruvian government to rethink its plan for closing the shelters.",
              "REQUEST")
    assert e.recipient is not None and e.recipient.country == "PER", e.rule


def test_a_clause_after_a_preposition_that_is_no_infinitive_names_no_party() -> None:
    found = [e for e in asserted("Brazil's President Lula spoke on Monday. “We cannot speak to what our president had "
                                 "in mind,” the aide said.") if e.recipient is not None]
    assert all(e.recipient.country != "BRA" for e in found)  # type: ignore[union-attr]


# "Chile and Peru reached an agreement": the parties named together as the subject of a mutual act's noun
# are each other's counterpart, one event for the pair.
def test_two_parties_reaching_an_agreement_are_each_others_recipient() -> None:
    found = [e for e in asserted("On Tuesday Chile and Peru reached a fishing agreement after months of talks.")
             if e.type == "AGREE"]
    assert found and all(e.recipient is not None for e in found), [(e.actor, e.recipient) for e in found]
    assert {found[0].actor.country, found[0].recipient.country} == {"CHL", "PER"}  # type: ignore[union-attr]


def test_one_party_reaching_an_agreement_with_another_keeps_its_recipient() -> None:
    e = first("On Tuesday Chile reached a fishing agreement with Peru after months of talks.", "AGREE")
    assert e.actor is not None and e.actor.country == "CHL" and e.recipient is not None \
        and e.recipient.country == "PER"


# "accused X of meddling and warned that ...": the second verb, with no one named of its own, is addressed
# to the party the first one named; a second verb with its own object keeps it.
def test_a_warning_coordinated_after_an_accusation_is_addressed_to_the_accused() -> None:
    found = [e for e in asserted("The Turkish envoy accused Greece and Cyprus of provocations and warned that "
                                 "Ankara would respond firmly.") if e.type == "THREATEN"]
    assert found and {e.recipient.country for e in found if e.recipient is not None} == {"GRC", "CYP"}, \
        [(e.recipient, e.rule) for e in found]


def test_a_coordinated_verb_with_its_own_object_keeps_it() -> None:
    e = first("The Turkish envoy accused Greece of provocations and urged Cyprus to resume talks.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "CYP", e.rule


# A party inside the trigger's own phrase comes before one inside the acts listed after it: in "pulling out
# of the accord with X, expanding patrols and arming Y" the withdrawal concerns X.
def test_a_party_in_the_triggers_own_phrase_comes_before_one_in_the_acts_listed_after() -> None:
    e = first("The Danish government delivered on its agenda: cutting taxes, pulling out of the fishing accord "
              "with Norway, raising tariffs and arming Estonia.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "NOR", e.rule


def test_a_party_only_in_the_acts_listed_after_is_still_found() -> None:
    e = first("The Danish government delivered on its agenda: cutting taxes, pulling out of the fishing accord, "
              "raising tariffs and arming Estonia.", "SANCTION")
    assert e.recipient is not None and e.recipient.country == "EST", e.rule


# "denounced what the premier called X's provocations": the subject of a free relative says who named the
# thing denounced, it is not the one denounced; a that-clause's subject still is.
def test_the_subject_of_a_free_relative_is_not_the_one_denounced() -> None:
    e = first("The European Union rushed to denounce what Japan's premier called the junta's reckless "
              "provocations in Myanmar.", "ACCUSE")
    assert e.recipient is not None and e.recipient.country == "MMR", e.rule


def test_the_subject_of_a_demanded_clause_is_still_the_recipient() -> None:
    e = first("The European Union demanded that Japan's premier withdraw the remarks.", "REQUEST")
    assert e.recipient is not None and e.recipient.country == "JPN", e.rule


# "Poland has no patience for Russia's threat": the one holding a view of an act, named in the clause the
# act's phrase hangs on, is not the only other party to it; one wanting another to act still is.
def test_the_holder_of_a_view_of_an_act_is_not_its_recipient() -> None:
    e = first("Poland has no patience for Russia's threat to the region.", "THREATEN")
    assert e.recipient is None or e.recipient.country != "POL", e.rule


def test_an_act_the_party_only_wants_another_to_do_is_not_asserted() -> None:
    # Wanted, not done: no asserted AID; if the act is kept with another status, the party that wants it
    # is still its recipient.
    doc = CODER(Document(source="test", text="Officials in Tokyo want the United States to provide relief on the tariffs.",
                         published="2025-11-18", published_precision="day", language="en"))
    found = [e for e in doc.events if e.type == "AID"]
    assert all(e.status != "asserted" for e in found), [(e.type, e.status) for e in found]
    assert all(e.recipient is not None and e.recipient.country == "JPN" for e in found), [e.rule for e in found]
    assert first("Officials in Tokyo pressed the United States to provide relief on the tariffs.", "REQUEST").actor
