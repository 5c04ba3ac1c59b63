"""Where an act is done, read through words a place name is often written with: a compass word after the
preposition ("in eastern Beirut"), and a larger place the act's place is part of ("on the outskirts of
Kabul"). A local official struck in a town is of that town's country; a diplomat is not assumed to be."""

from __future__ import annotations

from english_coder import first


def test_a_compass_word_between_the_preposition_and_a_capital_keeps_it_a_place() -> None:
    e = first("A journalist was killed in a car bomb explosion in eastern Beirut.", "ASSAULT")
    assert e.location is not None and e.location["name"] == "Beirut"
    assert e.recipient is not None and e.recipient.country == "LBN"
    e = first("Gunmen killed two police officers in northern Baghdad.", "ASSAULT")
    assert e.location is not None and e.location["country"] == "IRQ"


def test_the_place_of_a_larger_place_is_read_through_of() -> None:
    e = first("Gunmen killed three villagers on the outskirts of Kabul.", "ASSAULT")
    assert e.location is not None and e.location["name"] == "Kabul"


def test_a_compass_word_alone_does_not_make_a_capital_a_place() -> None:
    from storyline.model import Document
    from storyline.pipeline import build
    doc = build(["segment", "parse", "actors", "places"], given=("text", "language"))(
        Document(source="test", text="Rebels said northern Beirut was calm and in eastern Beirut shops opened.",
                 language="en"))
    assert [m.span.start for m in doc.mentions if m.kind == "place"] == [doc.text.rindex("Beirut")]


def test_a_local_official_struck_in_a_town_is_of_its_country() -> None:
    e = first("Unknown attackers killed a mayor in Guerrero state.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "MEX" and "place-of-event" in e.rule
    e = first("Gunmen shot dead two judges in Peshawar.", "ASSAULT")
    assert e.recipient is not None and e.recipient.country == "PAK"
