"""Pairwise precision and recall of incidents and stories against hand-labelled reports.

Used by `test_incident_gate.py` (on the development pages' gold events, `fixtures/dev_incidents.json`)
and importable by a benchmark. A pair is two reports on different documents; it is "together" in
the gold when both carry the same `incident` (or `story`) key, and in the prediction when the
linker put both events in one incident (or story). Reports without a key are singletons: every
pair they are put in counts against precision.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from storyline.link import link_new, story_records
from storyline.model import Actor, Document, Event, Span
from storyline.store.db import Store
from storyline.store.incidents import incident_records

FIXTURE = Path(__file__).parent / "fixtures" / "dev_incidents.json"


def _actor(party: dict[str, Any] | None) -> Actor | None:
    if not party:
        return None
    country = party.get("country")
    return Actor(name=country or "someone", country=country, sector=party.get("sector"))


def gold_document(item: dict[str, Any]) -> Document:
    """A document whose text is its gold events' evidence, with those events coded on it."""
    events = item["events"]
    text = " ".join(e["evidence"].rstrip(".") + "." for e in events) + f" ({item['file']})"
    published = item.get("published")
    doc = Document(source=item["file"], url=item.get("url"), text=text, published=published,
                   published_precision={10: "day", 7: "month", 4: "year"}.get(len(published or "")),  # type: ignore[arg-type]
                   language=item.get("language"))
    at = 0
    for e in events:
        start = text.index(e["evidence"], at)
        end = start + len(e["evidence"])
        at = end
        doc.events.append(Event(
            type=e["type"], mode=None, actor=_actor(e.get("actor")), recipient=_actor(e.get("recipient")),
            status="asserted", evidence=Span(start, end, e["evidence"]), trigger=Span(start, start + 1, text[start]),
            rule="gold", date=e.get("date"), date_precision=e.get("date_precision") if e.get("date") else None))
    return doc


def pair_scores(labels: Sequence[tuple[str, str | None, str | None]]) -> dict[str, float | int | None]:
    """(document, gold key or None, predicted group or None) per report -> pairwise precision/recall."""
    gold = pred = both = 0
    for (da, ga, pa), (db, gb, pb) in combinations(labels, 2):
        if da == db:
            continue
        g = ga is not None and ga == gb
        p = pa is not None and pa == pb
        gold += g
        pred += p
        both += g and p
    return {"gold_pairs": gold, "predicted_pairs": pred, "correct_pairs": both,
            "precision": round(both / pred, 3) if pred else None, "recall": round(both / gold, 3) if gold else None}


def measure(store: Store, fixture: Path = FIXTURE) -> dict[str, Any]:
    """Store the fixture's gold events as documents, link them, and score incidents and stories."""
    items = json.loads(fixture.read_text(encoding="utf-8"))["documents"]
    gold: dict[str, tuple[str, str | None, str | None]] = {}  # event id -> (document, incident, story)
    for item in items:
        doc = gold_document(item)
        _, doc_id = store.add_document(doc)
        store.flush()
        events = [r for r in store.records(["event"]) if r["document_id"] == doc_id]
        by_start = {r["start"]: r["id"] for r in events}
        for e, coded in zip(item["events"], doc.events, strict=True):
            gold[by_start[coded.evidence.start]] = (doc_id, e.get("incident"), e.get("story"))
    link_new(store)
    incident_of = {eid: i["id"] for i in incident_records(store) for eid in i["event_ids"]}
    story_of = {eid: s["id"] for s in story_records(store) for eid in s["event_ids"]}
    return {
        "reports": len(gold),
        "incident": pair_scores([(d, inc, incident_of.get(eid)) for eid, (d, inc, _) in gold.items()]),
        "story": pair_scores([(d, st, story_of.get(eid)) for eid, (d, _, st) in gold.items()]),
    }
