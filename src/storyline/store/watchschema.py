"""Tables of `storyline watch` and its alerts, on the same `metadata` as `schema.py`.

watch_sources   one row per polled source (a feed URL or file, or a URL-list file): its HTTP validators
                (ETag, Last-Modified), the last fetch and its status, consecutive failures, the last
                error, and when it is next due (seconds on the watcher's clock, epoch-based). What lets a
                restarted or killed watcher resume where it was.
watch_items     one row per article a source has named (feed item or list line): a hash of what the
                feed says about it (so an edited item is fetched again), whether it is done, its
                attempts. An item is marked done only after ingest has stored it, so a watcher killed
                in between fetches it again and ingest finds it unchanged: stored once, never lost.
alerts          one row per (rule, incident): fired once, with the alert as delivered in `data`, and
                whether and when the webhook took it.
watch_meta      small named values: the time up to which incidents were checked against the rules.

Importing this module registers the tables; `ensure(engine)` creates them in a store opened before.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Engine, Float, Index, Integer, String, Table, Text

from .schema import ID, inputs, metadata

# what lets the watcher skip an article some run already stored, without fetching it
INPUTS_BY_SOURCE = Index("ix_watch_inputs_source", inputs.c.source)

watch_sources = Table(
    "watch_sources",
    metadata,
    Column("id", String(ID), primary_key=True),  # stable_id(source)
    Column("source", Text, nullable=False),
    Column("kind", String(8), nullable=False),  # feed or list
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch", Float),
    Column("last_status", Integer),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("next_due", Float, nullable=False, default=0.0),
    Column("polls", Integer, nullable=False, default=0),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("id", String(ID), primary_key=True),  # stable_id(source id, link)
    Column("source_id", String(ID), nullable=False, index=True),
    Column("link", Text, nullable=False),
    Column("item_hash", String(ID), nullable=False),
    Column("first_seen", Float, nullable=False),
    Column("done", Integer, nullable=False, default=0),  # 1 stored, 0 to do, -1 given up
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(ID), primary_key=True),  # stable_id(rule, incident)
    Column("rule", Text, nullable=False),
    Column("incident_id", String(ID), nullable=False, index=True),
    Column("story_id", String(ID)),
    Column("fired_at", DateTime(timezone=True), nullable=False),
    Column("data", JSON, nullable=False),
    Column("delivered_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Index("ix_alerts_fired_at", "fired_at", "id"),
)

watch_meta = Table(
    "watch_meta",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text),
)

WATCH_TABLES = (watch_sources, watch_items, alerts, watch_meta)


def ensure(engine: Engine) -> None:
    """Create the watch tables if the store was opened before this module was imported."""
    metadata.create_all(engine, tables=list(WATCH_TABLES))
    INPUTS_BY_SOURCE.create(engine, checkfirst=True)
