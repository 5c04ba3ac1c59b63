"""The events stage by language: English through `events.code`, Spanish through `events_es.code`.

Other languages are left uncoded (the parse stage has already marked them `coded: false`).
"""

from __future__ import annotations

from ..model import Document
from . import events, events_es


def warm() -> None:
    events.warm()
    events_es.warm()


def code(doc: Document) -> Document:
    if doc.language == "es":
        return events_es.code(doc)
    return events.code(doc)
