"""Actors the English coder does not take from a comparison inside the subject (invented wire sentences)."""

from __future__ import annotations

from english_coder import asserted, first


# "He, like Putin, has refused": the one compared with is not the one who refused.
def test_a_party_the_subject_is_likened_to_is_not_the_actor() -> None:
    found = [e for e in asserted("He, like Vladimir Putin, has refused to retract the remark.")
             if e.type == "REJECT"]
    assert all(e.actor is None or e.actor.country != "RUS" for e in found)


def test_a_party_inside_the_subjects_of_phrase_is_still_the_actor() -> None:
    e = first("The head of the Russian navy has refused to retract the remark.", "REJECT")
    assert e.actor is not None and e.actor.country == "RUS"
