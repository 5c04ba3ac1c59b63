"""The English coder as the event tests run it: every stage up to events, on a wire sentence published
on 2025-11-18 (a day), and the asserted events it codes."""

from __future__ import annotations

from storyline.model import Document, Event
from storyline.pipeline import build

CODER = build(["segment", "parse", "dates", "actors", "places", "quotes", "events"], given=("text", "language"))


def asserted(text: str) -> list[Event]:
    doc = CODER(Document(source="test", text=text, published="2025-11-18", published_precision="day", language="en"))
    return [e for e in doc.events if e.status == "asserted"]


def first(text: str, type_: str) -> Event:
    found = [e for e in asserted(text) if e.type == type_]
    assert found, f"no asserted {type_} in {text!r}: {[(e.type, e.rule) for e in asserted(text)]}"
    return found[0]


def roles(text: str, type_: str) -> tuple[str | None, str | None]:
    """The actor's and the recipient's country of the first asserted event of this type."""
    e = first(text, type_)
    return (e.actor.country if e.actor else None), (e.recipient.country if e.recipient else None)


def top(text: str) -> str | None:
    """The type of the asserted event of highest confidence, if any."""
    evs = sorted(asserted(text), key=lambda e: -e.confidence)
    return evs[0].type if evs else None
