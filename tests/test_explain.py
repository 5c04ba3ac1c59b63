"""`explain_event` renders a stored event record: trigger, lexicon entry, roles, status, date, score."""

from __future__ import annotations

import pytest

from storyline.explain import explain_event
from storyline.model import Document
from storyline.pipeline import build
from storyline.store.records import event_record

CODER = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def first_record(text: str, published: str = "2025-11-18") -> dict:
    doc = Document(source="test", text=text, published=published, published_precision="day", language="en")
    doc = CODER(doc)
    assert doc.events, f"no event in {text!r}"
    return event_record(doc.events[0], "doc-1")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia threatened on Monday to cut off gas supplies to Ukraine.",
     ["THREATEN", "“threatened”", "triggers.yaml:verb:threaten", "subject (nsubj) of the trigger verb", "2025-11-17", "“Monday”",
      "PLOVER manual score"]),
    ("The Indian embassy was attacked by Afghan militants.",
     ["ASSAULT", "agent ('by' phrase) of a passive verb", "the verb's direct object", "publication date is never used"]),
    ("Russia did not attack Ukraine.", ["negated", "set by “not”"]),
    ("Israel launched at least 20 strikes on Gaza, killing at least 80 people.", ["killed 80", "count 20"]),
    ("Putin ordered the army to shell Ukrainian positions.", ["ASSAULT", "ordered its own side to act"]),
    ("Peru and Chile agreed to reopen the border.", ["AGREE", "coordinated parties of a joint act"]),
    ("The U.S. military struck a boat carrying drugs, the Pentagon said.",
     ["ASSAULT", "a vessel described as smuggling", "parsed as VBD"]),
])
def test_explanation_names_each_decision(text: str, expected: list[str]) -> None:
    out = explain_event(first_record(text))
    for words in expected:
        assert words in out, f"{words!r} missing from:\n{out}"


def test_explanation_of_a_record_without_rule_still_renders() -> None:
    out = explain_event({"id": "x", "type": "ASSAULT", "status": "asserted", "trigger": {}, "rule": ""})
    assert "ASSAULT" in out and "not found" in out
