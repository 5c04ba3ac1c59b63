"""Incidents in the store: the contract's `incident` records, and what changed since a time.

An incident (one real-world event, merged across documents) is a `link_clusters` row written by
`link.stories`; its export record sits in the row's `data` and its story id in `story_id`.

    incident_records(store)            every `incident` record, by id
    incidents_since(store, since)      incidents created or updated since a time, for alerts

It reads only; linking writes these rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import or_, select

from . import linkschema
from .db import Store
from .linkqueries import streamed


def _record(data: dict[str, Any], story_id: str | None) -> dict[str, Any]:
    return {**data["record"], "story_id": story_id, "matter": data.get("matter")}


def incident_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every `incident` record, streamed, by id."""
    lc = linkschema.link_clusters
    for data, story_id in streamed(store, select(lc.c.data, lc.c.story_id).order_by(lc.c.id)):
        yield _record(data, story_id)


def incident(store: Store, incident_id: str) -> dict[str, Any] | None:
    """One `incident` record by id, or None."""
    store.flush()
    linkschema.ensure(store.engine)
    lc = linkschema.link_clusters
    with store.engine.connect() as conn:
        row = conn.execute(select(lc.c.data, lc.c.story_id).where(lc.c.id == incident_id)).one_or_none()
    return None if row is None else _record(row.data, row.story_id)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def incidents_since(store: Store, since: dt.datetime) -> list[dict[str, Any]]:
    """Incidents created or whose record changed at or after `since` (a timezone-aware time; a naive
    one is read as UTC), oldest change first. Each: id, story_id, type, actor, recipient,
    corroboration, outlets, conflicts, created_at, updated_at, and `new` (created since then).

    A link run that re-clusters a block rewrites its incidents; one that comes out as it was keeps
    its times, so an alert fires once per real change. `relink_all` starts every incident anew."""
    store.flush()
    linkschema.ensure(store.engine)
    lc = linkschema.link_clusters
    since = _utc(since) or since
    query = (select(lc.c.data, lc.c.story_id, lc.c.created_at, lc.c.updated_at)
             .where(or_(lc.c.created_at >= since, lc.c.updated_at >= since))
             .order_by(lc.c.updated_at, lc.c.id))
    out = []
    with store.engine.connect() as conn:
        for data, story_id, created, updated in conn.execute(query):
            record = _record(data, story_id)
            created, updated = _utc(created), _utc(updated)
            out.append({k: record[k] for k in ("id", "story_id", "type", "actor", "recipient", "date",
                                               "corroboration", "outlets", "conflicts")}
                       | {"created_at": created, "updated_at": updated,
                          "new": created is not None and created >= since})
    return out
