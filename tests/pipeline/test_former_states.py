"""States that no longer exist or changed their name, and country words that tell a stance, on invented
sentences: the actor stage gives the codes event data sets use, and the export keeps them."""

from __future__ import annotations

import json

import pytest

from storyline.model import Document, Mention
from storyline.pipeline import build
from storyline.store.records import event_record

ACTORS = build(["actors"], given=("text",))
CODER = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def actors(text: str) -> list[Mention]:
    doc = ACTORS(Document(source="test", text=text, published="1985-06-01"))
    return [m for m in doc.mentions if m.kind == "actor"]


def country_of(text: str, words: str) -> str | None:
    hits = [m for m in actors(text) if words in m.span.text]
    assert hits, f"no actor covering {words!r} in {text!r}"
    return hits[0].value.get("country")


@pytest.mark.parametrize(("text", "words", "country"), [
    ("The Soviet Union protested to Peking on Monday.", "Soviet Union", "SUN"),
    ("The USSR recalled its envoy.", "USSR", "SUN"),
    ("Soviet officials declined to comment.", "Soviet", "SUN"),
    ("East Germany opened a crossing point.", "East Germany", "DDR"),
    ("A West German delegation arrived on Friday.", "West German", "DEU"),
    ("Czechoslovakia signed the protocol.", "Czechoslovakia", "CSK"),
    ("Yugoslavia hosted the summit of non-aligned states.", "Yugoslavia", "YUG"),
    ("Zaire closed its border with Angola.", "Zaire", "COD"),
    ("Kampuchea accused its neighbour of border raids.", "Kampuchea", "KHM"),
    ("Burma released several prisoners.", "Burma", "MMR"),
])
def test_former_and_renamed_states(text: str, words: str, country: str) -> None:
    assert country_of(text, words) == country


@pytest.mark.parametrize("text", [
    "Post-Soviet states signed a customs pact.",
    "The crowd waved anti-Soviet banners.",
])
def test_words_around_soviet_that_name_no_state(text: str) -> None:
    assert not [m for m in actors(text) if m.value.get("country") == "SUN"]


@pytest.mark.parametrize(("text", "words"), [
    ("An anti-Syrian journalist was shot dead on Tuesday.", "journalist"),
    ("Pro-Russian separatists seized a town hall.", "separatists"),
])
def test_a_country_word_after_anti_or_pro_gives_no_country(text: str, words: str) -> None:
    assert not [m for m in actors(text) if m.value.get("country") in ("SYR", "RUS")]


def test_a_former_state_flows_through_the_event_record() -> None:
    doc = CODER(Document(source="test", text="Soviet troops invaded Afghanistan in December.",
                         published="1979-12-30", published_precision="day", language="en"))
    ev = next(e for e in doc.events if e.type == "ASSAULT")
    record = json.loads(json.dumps(event_record(ev, "doc-1")))
    assert record["actor"]["country"] == "SUN"
    assert record["recipient"]["country"] == "AFG"


def test_a_former_state_as_a_place_has_no_coordinates() -> None:
    doc = CODER(Document(source="test", text="Thousands of workers went on strike in the Soviet Union on Monday.",
                         published="1989-07-20", published_precision="day", language="en"))
    ev = next(e for e in doc.events if e.type == "PROTEST")
    assert ev.location is not None and ev.location["country"] == "SUN"
    assert ev.location["lat"] is None and ev.location["lon"] is None
