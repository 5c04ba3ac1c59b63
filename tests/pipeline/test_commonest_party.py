"""The party the document's other events most often have (both coders' rules for roles a sentence leaves open)."""

from __future__ import annotations

from storyline.model import Actor, Event, Span
from storyline.pipeline.eventattrs import commonest_party

NAVY = Actor("Colombian navy", "COL", "MIL")
ARMY = Actor("Colombian army", "COL", "MIL")
TROOPS = Actor("Colombian troops", "COL", "MIL")  # another name of the same side
GANG = Actor("Clan del Golfo", "COL", "CRM")


def strike(actor: Actor | None, recipient: Actor | None = None, type_: str = "ASSAULT") -> Event:
    return Event(type=type_, mode=None, actor=actor, recipient=recipient, status="asserted",
                 evidence=Span(0, 1, "x"), trigger=Span(0, 1, "x"), rule="test")


def side(a: Actor) -> tuple[str | None, str | None]:
    return (a.country, a.sector)


def test_the_commonest_party_of_the_counted_events_is_taken_as_the_first_chosen_event_names_it() -> None:
    events = [strike(NAVY), strike(ARMY), strike(ARMY), strike(None)]
    assert commonest_party(events, "actor", lambda a: a.name, events) is ARMY
    # told apart by side, the three are one party, given as the first event names it
    assert commonest_party(events, "actor", side, events) is NAVY
    assert commonest_party(events[1:], "actor", side, [strike(TROOPS), *events]) is TROOPS


def test_a_tie_goes_to_the_party_counted_first_and_no_party_gives_none() -> None:
    events = [strike(NAVY, GANG), strike(ARMY), strike(ARMY, GANG), strike(NAVY)]
    assert commonest_party(events, "actor", lambda a: a.name, events) is NAVY
    assert commonest_party(events, "recipient", lambda a: a.name, events) is GANG
    assert commonest_party([strike(None), strike(NAVY, type_="COERCE")][:1], "actor", side, events) is None
