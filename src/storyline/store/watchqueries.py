"""What `storyline watch` and its alerts read and write: source state, items, alerts, incidents.

Every statement is a SQLAlchemy Core expression; the watcher and the alert engine (`storyline.watch`)
hold no SQL. Each function opens its own short transaction, so a watcher killed at any point leaves
the store consistent: a source's validators are written only after its items are done, an item is
marked done only after ingest has stored it, an alert is recorded before it is delivered.

`incidents_changed_since` is the one function the alert engine reads incidents through. Until the
store keeps `incident` records it builds incident-like rows from the event clusters of linking
(`link_clusters`: one real-world event merged across documents); switching to incidents is a change
to that function alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select, update

from . import linkschema, schema, watchschema
from .db import Store

Row = dict[str, Any]


def ensure(store: Store) -> None:
    """The watch, alert and linking tables, created if the store predates them."""
    watchschema.ensure(store.engine)
    linkschema.ensure(store.engine)


def _upsert(store: Store, table: Any, key: str, row: Row) -> None:
    with store.engine.begin() as conn:
        store.lock_writers(conn)
        done = conn.execute(update(table).where(table.c[key] == row[key]).values(row))
        if not done.rowcount:
            conn.execute(insert(table).values(row))


# --- sources and items --------------------------------------------------------------------------------


def source_state(store: Store, source_id: str) -> Row | None:
    t = watchschema.watch_sources
    with store.engine.connect() as conn:
        row = conn.execute(select(t).where(t.c.id == source_id)).first()
    return row._asdict() if row else None


def save_source(store: Store, row: Row) -> None:
    """Write a source's state (insert or update by id)."""
    _upsert(store, watchschema.watch_sources, "id", row)


def sources(store: Store) -> list[Row]:
    t = watchschema.watch_sources
    with store.engine.connect() as conn:
        return [r._asdict() for r in conn.execute(select(t).order_by(t.c.next_due, t.c.id))]


def items_of(store: Store, source_id: str) -> dict[str, Row]:
    """link -> item row, for the items one source has named."""
    t = watchschema.watch_items
    with store.engine.connect() as conn:
        return {r.link: r._asdict() for r in conn.execute(select(t).where(t.c.source_id == source_id))}


def save_item(store: Store, row: Row) -> None:
    _upsert(store, watchschema.watch_items, "id", row)


def item_counts(store: Store) -> dict[str, int]:
    """Items by state: done (stored), pending, given_up."""
    t = watchschema.watch_items
    names = {1: "done", 0: "pending", -1: "given_up"}
    with store.engine.connect() as conn:
        got: dict[int, int] = dict(conn.execute(select(t.c.done, func.count()).group_by(t.c.done)).all())
    return {name: int(got.get(k, 0)) for k, name in names.items()}


def already_stored(store: Store, source: str) -> bool:
    """Whether some run already stored an input read from this source (an article URL)."""
    t = schema.inputs
    with store.engine.connect() as conn:
        return conn.execute(select(t.c.id).where(t.c.source == source).limit(1)).first() is not None


# --- small named values -------------------------------------------------------------------------------


def get_meta(store: Store, name: str) -> str | None:
    t = watchschema.watch_meta
    with store.engine.connect() as conn:
        return conn.execute(select(t.c.value).where(t.c.name == name)).scalar()


def set_meta(store: Store, name: str, value: str) -> None:
    _upsert(store, watchschema.watch_meta, "name", {"name": name, "value": value})


def store_now(store: Store) -> dt.datetime:
    """The time documents are stamped with (`documents.ingested_at`), which the alert cursor compares with."""
    return dt.datetime.now(dt.UTC)


# --- incidents ----------------------------------------------------------------------------------------


def _party(parties: Iterable[dict[str, Any] | None]) -> dict[str, Any] | None:
    counts = Counter((p.get("country"), p.get("name"), p.get("sector"), p.get("id")) for p in parties if p)
    if not counts:
        return None
    country, name, sector, key = max(sorted(counts, key=str), key=lambda k: counts[k])
    return {"name": name, "country": country, "sector": sector, "id": key}


def _incident(story_id: str | None, data: dict[str, Any], new_documents: list[str]) -> Row:
    """The stored `incident` record of a cluster (the export contract's shape), plus the documents
    stored since the cursor."""
    from .incidents import _record

    record = _record(data, story_id)
    return {**record, "kind": "incident", "outlets": record.get("outlets") or record.get("sources") or [],
            "corroboration": record.get("corroboration", 0), "conflicts": record.get("conflicts") or [],
            "event_ids": record.get("event_ids") or [], "document_ids": record.get("document_ids") or [],
            "new_document_ids": new_documents}


def incidents_changed_since(store: Store, since: dt.datetime | None) -> Iterator[Row]:
    """Incidents a document stored after `since` (all, when None) reports, each once, in id order.

    The incidents are the stored `incident` records (one real-world event merged across documents,
    kept in `link_clusters`), reached from the documents stored after `since` through `link_events`.
    """
    d, le, lc = schema.documents, linkschema.link_events, linkschema.link_clusters
    query = select(le.c.cluster_id, le.c.document_id).join(d, d.c.id == le.c.document_id) \
        .where(le.c.cluster_id.is_not(None))
    if since is not None:
        query = query.where(d.c.ingested_at > since)
    with store.engine.connect() as conn:
        new_docs: dict[str, set[str]] = {}
        for cluster_id, doc_id in conn.execute(query):
            new_docs.setdefault(cluster_id, set()).add(doc_id)
        ids = sorted(new_docs)
        for start in range(0, len(ids), 200):
            part = ids[start:start + 200]
            for row in conn.execute(select(lc.c.id, lc.c.story_id, lc.c.data)
                                    .where(lc.c.id.in_(part)).order_by(lc.c.id)):
                yield _incident(row.story_id, row.data, sorted(new_docs[row.id]))


def actors_seen_before(store: Store, keys: Sequence[str], before: dt.datetime) -> set[str]:
    """Which of these actor keys (lexicon id, else name) some event of a document stored before `before` has."""
    e, d = schema.events, schema.documents
    keys = sorted(set(keys))
    seen: set[str] = set()
    with store.engine.connect() as conn:
        for start in range(0, len(keys), 200):
            query = (select(e.c.actor_id).join(d, d.c.id == e.c.document_id)
                     .where(e.c.actor_id.in_(keys[start:start + 200]), d.c.ingested_at <= before).distinct())
            seen.update(conn.execute(query).scalars())
    return seen


def document_sources(store: Store, doc_ids: Sequence[str]) -> dict[str, Row]:
    """id -> {source, url, title, publisher, ingested_at} of these documents."""
    d = schema.documents
    out: dict[str, Row] = {}
    ids = sorted(set(doc_ids))
    with store.engine.connect() as conn:
        for start in range(0, len(ids), 200):
            for row in conn.execute(select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.publisher, d.c.ingested_at)
                                    .where(d.c.id.in_(ids[start:start + 200]))):
                out[row.id] = row._asdict()
    return out


# --- alerts -------------------------------------------------------------------------------------------


def add_alerts(store: Store, rows: Sequence[Row]) -> list[Row]:
    """Record alerts; the ones already recorded (same rule and incident) are left as they are.
    Returns the rows recorded now."""
    if not rows:
        return []
    t = watchschema.alerts
    with store.engine.begin() as conn:
        store.lock_writers(conn)
        have = set(conn.execute(select(t.c.id).where(t.c.id.in_([r["id"] for r in rows]))).scalars())
        fresh = [r for r in {r["id"]: r for r in rows}.values() if r["id"] not in have]
        if fresh:
            conn.execute(insert(t), fresh)
    return fresh


def undelivered(store: Store, limit: int = 100) -> list[Row]:
    t = watchschema.alerts
    with store.engine.connect() as conn:
        rows = conn.execute(select(t).where(t.c.delivered_at.is_(None)).order_by(t.c.fired_at, t.c.id).limit(limit))
        return [r._asdict() for r in rows]


def mark_delivery(store: Store, alert_id: str, attempts: int, delivered: bool, error: str | None) -> None:
    t = watchschema.alerts
    values: Row = {"attempts": t.c.attempts + attempts, "last_error": error}
    if delivered:
        values["delivered_at"] = dt.datetime.now(dt.UTC)
    with store.engine.begin() as conn:
        conn.execute(update(t).where(t.c.id == alert_id).values(values))


def _alert_out(row: Any) -> Row:
    out = dict(row.data)
    out.update(delivered_at=row.delivered_at.isoformat() if row.delivered_at else None,
               delivery_attempts=row.attempts, delivery_error=row.last_error)
    return out


def alerts_page(store: Store, since: dt.datetime | None = None, rule: str | None = None,
                limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Alerts, latest first, fired after `since` when given: `{items, total, limit, offset}`."""
    t = watchschema.alerts
    where = []
    if since is not None:
        where.append(t.c.fired_at > since)
    if rule:
        where.append(t.c.rule == rule)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(t).where(*where)).scalar_one())
        rows = conn.execute(select(t).where(*where).order_by(t.c.fired_at.desc(), t.c.id).limit(limit).offset(offset))
        items = [_alert_out(r) for r in rows]
    return {"items": items, "total": total, "limit": limit, "offset": offset, "total_exact": True}


def changes_since(store: Store, since: dt.datetime) -> dict[str, Any]:
    """What arrived after `since`: documents stored and alerts fired (counts, and the latest time)."""
    d, a = schema.documents, watchschema.alerts
    with store.engine.connect() as conn:
        docs = conn.execute(select(func.count(), func.max(d.c.ingested_at)).where(d.c.ingested_at > since)).one()
        fired = conn.execute(select(func.count(), func.max(a.c.fired_at)).where(a.c.fired_at > since)).one()
    latest = max((x for x in (docs[1], fired[1]) if x is not None), default=None)
    return {"since": since.isoformat(), "documents": int(docs[0]), "alerts": int(fired[0]),
            "latest": latest.isoformat() if latest else None}
