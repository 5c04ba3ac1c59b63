"""The events stage by language: English through `events.code`, Spanish through `events_es.code`.

A Spanish page's English paragraphs (`Document.sentence_language`) go through the English coder;
the events of both come out in document order. An event told again in the next sentence with its
date as an aside takes that date (`dates.remention_dates`); events whose sentence names no time
then take one from the narrative around them (`dates.narrative_dates`). Other languages are left
uncoded (the parse stage has already marked them `coded: false`).
"""

from __future__ import annotations

from ..model import Document
from . import events, events_es
from .dates import narrative_dates, remention_dates


def warm() -> None:
    events.warm()
    events_es.warm()


def code(doc: Document) -> Document:
    if doc.language == "es":
        events_es.code(doc)
        if "en" in doc.sentence_language.values():
            spanish, doc.events = doc.events, []
            events.code(doc)
            doc.events = sorted(spanish + doc.events, key=lambda e: (e.evidence.start, e.trigger.start))
    else:
        events.code(doc)
    remention_dates(doc)
    narrative_dates(doc)
    return doc
