"""Members of the US Congress: the press's abbreviated titles ("Sen.", "Rep."), the party-and-state tag
after a name ("(D-Wash.)", ", R-Fla.,"), and the congressional leaders the people lexicon lists, dated.
Invented sentences; the people named are real office holders."""

from __future__ import annotations

import pytest
from english_coder import CODER, first

from storyline.model import Document


def _actor(text: str, type_: str) -> tuple[str, str | None, str | None]:
    a = first(text, type_).actor
    assert a is not None
    return a.name, a.country, a.sector


def _people(text: str, published: str = "2025-11-18") -> list[tuple[str, str | None, str | None]]:
    doc = CODER(Document(source="t", text=text, published=published, published_precision="day", language="en"))
    return [(m.span.text, m.value.get("country"), m.value.get("sector")) for m in doc.mentions
            if m.value.get("form") in ("person", "unknown_person")]


@pytest.mark.parametrize("text, name", [
    ("Sen. Jane Alder criticized the strikes on Tuesday.", "Jane Alder"),
    ("Rep. Tom Brink condemned the raid on the port.", "Tom Brink"),
])
def test_an_abbreviated_title_makes_a_legislator(text: str, name: str) -> None:
    assert _actor(text, "ACCUSE") == (name, None, "LEG")


@pytest.mark.parametrize("text, name", [
    ("Rep. Tom Brink (D-Wash.) criticized Mexico over the second strike.", "Tom Brink"),
    ("Senator Jane Alder (R-S.C.) criticized Mexico on Monday.", "Jane Alder"),
    ("Jane Alder, R-Fla., criticized Mexico on Monday.", "Jane Alder"),
    ("Tom Brink (D-New York) criticized Mexico on Monday.", "Tom Brink"),
    ("Tom Brink (I-Vt.) criticized Mexico on Monday.", "Tom Brink"),
])
def test_a_party_and_state_tag_makes_a_member_of_congress(text: str, name: str) -> None:
    assert _actor(text, "ACCUSE") == (name, "USA", "LEG")
    assert first(text, "ACCUSE").recipient.country == "MEX"


def test_the_surname_later_keeps_the_tagged_country() -> None:
    text = "Jane Alder, R-Fla., condemned the deal on Monday. Alder also accused Cuba of lying."
    events = [e for e in CODER(Document(source="t", text=text, published="2025-11-18", published_precision="day",
                                        language="en")).events if e.type == "ACCUSE" and e.recipient]
    assert [(e.actor.name, e.actor.country, e.recipient.country) for e in events] == [("Jane Alder", "USA", "CUB")]


@pytest.mark.parametrize("text", [
    "The company (R-Class) sued the distributor.",  # a class name, not a party tag
    "Tom Brink (42) criticized Mexico on Monday.",  # an age
])
def test_other_brackets_give_no_country(text: str) -> None:
    assert all(country is None for _, country, _ in _people(text))


@pytest.mark.parametrize("text, published, expected", [
    ("Nancy Pelosi condemned the attack.", "2020-05-01", ("Nancy Pelosi", "USA", "LEG")),
    ("Hillary Clinton accused Russia of meddling.", "2012-03-01", ("Hillary Clinton", "USA", "GOV")),
    ("Hillary Clinton accused Russia of meddling.", "2016-10-01", ("Hillary Clinton", "USA", "PTY")),
    ("Senator Lindsey Graham praised Israel.", "2025-11-18", ("Senator Lindsey Graham", "USA", "LEG")),
])
def test_congressional_leaders_are_known_on_the_date(text: str, published: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert _people(text, published) == [expected]


def test_a_common_word_surname_alone_names_nobody() -> None:
    # "Cotton" and "Graham" are in the lexicon only with their first names
    assert _people("Cotton prices fell in Texas on Monday.") == []
    assert _people("Graham crackers sold out in Ohio.") == []
