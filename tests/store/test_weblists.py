"""The dashboard's event lists read from indexes (`listing`, `webfilters`) against a plain Python oracle.

A store of a few hundred events shaped like real ones (undated, month- and year-precise dates,
symmetric types read either way round, a country on both sides) is paged through with every kind of
filter, on SQLite and PostgreSQL; each page must be exactly what filtering and sorting in Python
gives. Also: totals capped past `COUNT_CAP`, records passed through as stored JSON, and a store made
before the copied-out event columns existed getting them, filled, when opened.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, insert, select

from storyline.intervals import interval
from storyline.link.merge import SYMMETRIC_TYPES
from storyline.store import listing, schema, webqueries
from storyline.store.db import Store
from storyline.store.rawjson import RawJSON, dumps, materialize
from storyline.store.webfilters import Filters, day_bounds

COUNTRIES = ["USA", "MEX", "GTM", "VEN"]
TYPES = ["AGREE", "CONSULT", "THREATEN", "ASSAULT", "REJECT"]
PUBLISHERS = ["Harbor Wire", "Gulf Post", None]


def _event(rng: random.Random, i: int) -> dict[str, Any]:
    day = dt.date(2024, 11, 1) + dt.timedelta(days=rng.randrange(200))
    date = rng.choice([None, day.isoformat(), day.isoformat(), day.isoformat()[:7], str(day.year)])
    actor = {"name": "x", "country": rng.choice(COUNTRIES), "sector": "GOV", "id": None}
    recipient = rng.choice([None, {"name": "y", "country": rng.choice(COUNTRIES), "sector": None, "id": None}])
    return {"kind": "event", "id": f"e{i:04d}", "document_id": f"d{i % 12:02d}", "type": rng.choice(TYPES),
            "status": rng.choice(["asserted", "asserted", "planned"]), "date": date, "actor": actor,
            "recipient": recipient, "location": None, "intensity": -3.0, "evidence": f"Sentence {i}."}


@pytest.fixture
def synthetic(any_backend_db_url: str) -> Iterator[tuple[Store, list[dict[str, Any]], dict[str, Any]]]:
    rng = random.Random(5)
    store = Store.open(any_backend_db_url)
    webqueries.ensure_indexes(store.engine)
    docs = [{"id": f"d{i:02d}", "source": f"pages/{i}.html", "url": f"https://site{i % 3}.example/{i}",
             "title": f"Article {i}", "publisher": PUBLISHERS[i % 3], "text": "x", "removed_blocks": 0,
             "content_hash": f"d{i:02d}"} for i in range(12)]
    events = [_event(rng, i) for i in range(400)]
    with store.engine.begin() as conn:
        conn.execute(insert(schema.documents), docs)
        conn.execute(insert(schema.events), [Store.derived_row("event", e) for e in events])
    yield store, events, {d["id"]: d for d in docs}
    store.close()


def _country(party: dict[str, Any] | None) -> str | None:
    return (party or {}).get("country")


def _keeps(f: Filters, e: dict[str, Any], doc: dict[str, Any]) -> bool:
    a, r = _country(e["actor"]), _country(e["recipient"])
    if (f.type and e["type"] != f.type) or (f.status and e["status"] != f.status):
        return False
    straight = f.actor in (None, a) and f.recipient in (None, r)
    flipped = e["type"] in SYMMETRIC_TYPES and f.actor in (None, r) and f.recipient in (None, a)
    if not (straight or flipped):
        return False
    lo, hi = day_bounds(f.since, f.until)
    span = interval(e["date"])
    if (lo or hi) and span is None:
        return False
    if lo and span and span[1] < dt.date.fromisoformat(lo).toordinal():
        return False
    if hi and span and span[0] > dt.date.fromisoformat(hi).toordinal():
        return False
    if f.source:
        hosts = [f"{p}{f.source}/" for p in ("http://", "https://", "http://www.", "https://www.")]
        if not (doc["publisher"] == f.source or doc["source"] == f.source or doc["url"].startswith(tuple(hosts))):
            return False
    return True


def _oracle(events: list[dict[str, Any]], docs: dict[str, Any], f: Filters) -> list[str]:
    kept = [e for e in events if _keeps(f, e, docs[e["document_id"]])]
    dated = sorted((e for e in kept if e["date"]), key=lambda e: (e["date"], e["id"]))
    return [e["id"] for e in dated] + sorted(e["id"] for e in kept if not e["date"])


@pytest.mark.parametrize("f", [
    Filters(),
    Filters(actor="USA"),
    Filters(recipient="MEX"),
    Filters(actor="USA", recipient="MEX"),
    Filters(actor="MEX", recipient="MEX"),  # a country acting on itself matches once, not twice
    Filters(actor="USA", type="CONSULT"),
    Filters(actor="USA", type="THREATEN"),
    Filters(type="AGREE", status="planned"),
    Filters(since="2025-02"),
    Filters(since="2025-02-10", until="2025-03"),
    Filters(until="2024-12-15"),
    Filters(since="2025", actor="GTM"),
    Filters(source="Harbor Wire"),
    Filters(source="site1.example", recipient="USA"),
    Filters(source="nowhere.example"),
])
def test_event_pages_are_what_python_would_give(synthetic: Any, f: Filters) -> None:
    store, events, docs = synthetic
    expected = _oracle(events, docs, f)
    for limit, offset in ((10, 0), (7, 7), (25, 30), (10, len(expected) - 3), (10, len(expected) + 20)):
        got = webqueries.events_page(store, f, limit, max(offset, 0))
        assert [item.decode()["id"] for item in got["items"]] == expected[max(offset, 0):max(offset, 0) + limit]
        assert (got["total"], got["total_exact"]) == (len(expected), True)


def test_a_total_past_the_cap_is_a_lower_bound(synthetic: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    store, events, docs = synthetic
    monkeypatch.setattr(listing, "COUNT_CAP", 50)
    first = webqueries.events_page(store, Filters(), 10, 0)
    assert (first["total"], first["total_exact"]) == (50, False)
    deep = webqueries.events_page(store, Filters(), 10, 100)  # past the cap: counted as far as the page
    assert deep["total"] == 110 and deep["total_exact"] is False
    last = webqueries.events_page(store, Filters(), 10, len(events) - 5)  # the last page knows where it ends
    assert (last["total"], last["total_exact"]) == (len(events), True)
    small = webqueries.events_page(store, Filters(actor="VEN", recipient="GTM"), 10, 0)
    assert small["total_exact"] is True and small["total"] == len(_oracle(events, docs, Filters("VEN", "GTM")))


def test_events_come_as_stored_with_their_document(synthetic: Any) -> None:
    store, _, docs = synthetic
    item = webqueries.events_page(store, Filters(source="Gulf Post"), 1, 0)["items"][0]
    assert isinstance(item, RawJSON)
    record = item.decode()
    assert record["document"] == {"title": docs[record["document_id"]]["title"], "publisher": "Gulf Post",
                                  "published": None}
    assert json.loads(dumps({"items": [item]}))["items"][0] == record


@pytest.mark.parametrize(("value", "expected"), [
    ({"items": [RawJSON('{"a": 1}'), RawJSON('{"b": "x"}', {"c": None})], "total": 2},
     {"items": [{"a": 1}, {"b": "x", "c": None}], "total": 2}),
    ({"nested": {"events": {"items": [RawJSON("{}", {"document": {"title": "T"}})]}}},
     {"nested": {"events": {"items": [{"document": {"title": "T"}}]}}}),
    # text that looks like a placeholder stays text: the token is random
    ({"items": [RawJSON('{"quote": "\\"0:1\\""}')], "note": ':0"'}, {"items": [{"quote": '"0:1"'}], "note": ':0"'}),
    ({"plain": ["no raw records", 1.5, None]}, {"plain": ["no raw records", 1.5, None]}),
])
def test_raw_records_are_written_verbatim_and_decoded_alike(value: Any, expected: Any) -> None:
    assert json.loads(dumps(value)) == expected == materialize(value)


def test_an_older_store_gets_the_copied_out_columns_filled(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    old = MetaData()
    old_events = Table("events", old, Column("id", String(32), primary_key=True), Column("document_id", String(32)),
                       Column("type", String(12)), Column("status", String(12)), Column("date", String(10)),
                       Column("actor_country", String(3)), Column("recipient_country", String(3)),
                       Column("data", Text))
    old.create_all(engine)
    record = {"id": "e1", "actor": {"id": None, "name": "Sheinbaum", "country": "MEX"},
              "recipient": {"id": "USAGOV", "name": "Washington", "country": "USA"}, "intensity": -4.5,
              "location": {"name": "Mexico City", "country": "MEX", "lat": 19.43, "lon": -99.13}}
    with engine.begin() as conn:
        empty = {"id": "e2", "actor": None, "recipient": None, "intensity": None, "location": None}
        conn.execute(insert(old_events), [{"id": "e1", "document_id": "d1", "type": "REJECT", "data": json.dumps(record)},
                                          {"id": "e2", "document_id": "d1", "type": "REJECT", "data": json.dumps(empty)}])
    engine.dispose()
    with Store.open(str(path)) as store, store.engine.connect() as conn:
        e = schema.events
        rows = {r.id: r for r in conn.execute(select(e.c.id, *(e.c[c] for c in schema.EVENT_COPIED_OUT)))}
    assert tuple(rows["e1"])[1:] == ("Sheinbaum", "USAGOV", -4.5, "Mexico City", "MEX", 19.43, -99.13)
    assert tuple(rows["e2"])[1:] == (None,) * len(schema.EVENT_COPIED_OUT)
    with Store.open(str(path)) as again:  # opening again changes nothing
        assert again.count("event") == 2
