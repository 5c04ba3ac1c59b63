"""Recipients the English coder falls back on when the sentence names none: the document's counterpart
state, and a person named in full earlier; on invented wire sentences (each rule with a sentence where it
must still apply)."""

from __future__ import annotations

from english_coder import first

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
