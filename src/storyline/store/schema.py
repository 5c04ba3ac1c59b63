"""The database schema, in SQLAlchemy Core, for SQLite and PostgreSQL alike.

documents       one row per distinct article text (id = hash of the normalised text;
                an exact copy under another source gets its own id and `duplicate_of`)
inputs          every raw input already turned into a document: (source, raw bytes hash) -> document.
                Lets a second ingest of the same inputs skip them without re-cleaning.
ingest_errors   every input that could not be used: source, stage, error
runs            one row per ingest: when, what, counts, seconds
mentions, quotes, claims, citation_issues, events, date_issues
                derived records, one row each, keyed to their document; `data` holds the
                export record, a few columns are copied out for filtering and grouping

A store made before a column was copied out gets it when next opened: `create_all` adds the missing
event columns and fills them from `data`, once (`_add_event_columns`), and `documents.published_at`
(empty). Nothing else is migrated.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
    func,
    inspect,
    update,
)
from sqlalchemy.schema import CreateColumn

metadata = MetaData()

ID = 32  # length of the hash ids (16 hex characters today; room to grow)

documents = Table(
    "documents",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_precision", String(5)),
    Column("published_at", String(20)),  # UTC to the minute, when the page states a time (orders copies)
    Column("publisher", Text),
    Column("authors", JSON),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("removed_blocks", Integer, nullable=False, default=0),
    Column("removed", JSON),
    Column("duplicate_of", String(ID)),
    Column("translation_of", String(ID)),  # the original in another language (set by the link pass), or null
    Column("coded", Boolean),  # False when no coder reads its language; null in stores made before the field
    Column("coded_reason", Text),
    Column("content_hash", String(ID), nullable=False),
    Column("run_id", Integer),
    Column("ingested_at", DateTime(timezone=True)),
    Index("ix_documents_content_hash", "content_hash"),
    Index("ix_documents_published", "published"),
)

inputs = Table(
    "inputs",
    metadata,
    Column("id", String(ID), primary_key=True),  # stable_id(source, raw_hash)
    Column("source", Text, nullable=False),
    Column("raw_hash", String(ID), nullable=False),
    Column("document_id", String(ID), nullable=False),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("source", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("error", Text, nullable=False),
    Column("run_id", Integer),
    Column("at", DateTime(timezone=True)),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("command", String(32), nullable=False),
    Column("targets", JSON),
    Column("new", Integer, default=0),
    Column("duplicate", Integer, default=0),
    Column("unchanged", Integer, default=0),
    Column("failed", Integer, default=0),
    Column("seconds", Float),
    Column("version", String(32)),
)


def _derived(name: str, *extra: Column) -> Table:  # type: ignore[type-arg]
    return Table(
        name,
        metadata,
        Column("id", String(ID), primary_key=True),
        Column("document_id", String(ID), ForeignKey("documents.id"), nullable=False, index=True),
        *extra,
        Column("data", JSON, nullable=False),
    )


mentions = _derived("mentions", Column("kind", String(8), index=True))
quotes = _derived("quotes")
claims = _derived("claims")
citation_issues = _derived("citation_issues")
date_issues = _derived("date_issues")  # the datechecks stage's findings
events = _derived(
    "events",
    Column("type", String(12), index=True),
    Column("status", String(12)),
    Column("date", String(10), index=True),
    Column("actor_country", String(3)),
    Column("recipient_country", String(3)),
    # for the actor network and the map, which group by them (reading `data` for that is 50x slower)
    Column("actor_id", Text),  # the actor's lexicon id, else its name
    Column("recipient_id", Text),
    Column("intensity", Float),
    Column("place", Text),  # location name
    Column("place_country", String(3)),
    Column("lat", Float),
    Column("lon", Float),
)
EVENT_COPIED_OUT = ("actor_id", "recipient_id", "intensity", "place", "place_country", "lat", "lon")


def _event_columns_from_data() -> dict[str, Any]:
    """SQL that computes each copied-out event column from `data` (as `Store.derived_row` does in Python)."""
    data = events.c.data
    location = data["location"]
    return {"actor_id": func.coalesce(data["actor"]["id"].as_string(), data["actor"]["name"].as_string()),
            "recipient_id": func.coalesce(data["recipient"]["id"].as_string(), data["recipient"]["name"].as_string()),
            "intensity": data["intensity"].as_float(), "place": location["name"].as_string(),
            "place_country": location["country"].as_string(), "lat": location["lat"].as_float(),
            "lon": location["lon"].as_float()}


def _add_event_columns(_metadata: MetaData, connection: Any, **_kw: Any) -> None:
    """Give a store made before the copied-out event columns existed those columns, filled from `data`;
    and a store made before `documents.published_at` that column (empty: those pages' times are gone)."""
    inspector = inspect(connection)
    preparer = connection.dialect.identifier_preparer
    if inspector.has_table("documents") and "published_at" not in {
            c["name"] for c in inspector.get_columns("documents")}:
        column = CreateColumn(documents.c.published_at).compile(dialect=connection.dialect)
        connection.exec_driver_sql(f"ALTER TABLE {preparer.format_table(documents)} ADD COLUMN {column}")
    if not inspector.has_table("events"):
        return
    have = {c["name"] for c in inspector.get_columns("events")}
    missing = [name for name in EVENT_COPIED_OUT if name not in have]
    if not missing:
        return
    for name in missing:  # identifiers and types from this module, never from input
        column = CreateColumn(events.c[name]).compile(dialect=connection.dialect)
        connection.exec_driver_sql(f"ALTER TABLE {preparer.format_table(events)} ADD COLUMN {column}")
    values = _event_columns_from_data()
    connection.execute(update(events).values({name: values[name] for name in missing}))


event.listen(metadata, "after_create", _add_event_columns)

DOCUMENT_ADDED = ("coded", "coded_reason", "translation_of")


def _add_document_columns(_metadata: MetaData, connection: Any, **_kw: Any) -> None:
    """Give a store made before `coded` existed the document columns added since (left null)."""
    inspector = inspect(connection)
    if not inspector.has_table("documents"):
        return
    have = {c["name"] for c in inspector.get_columns("documents")}
    preparer = connection.dialect.identifier_preparer
    for name in DOCUMENT_ADDED:  # identifiers and types from this module, never from input
        if name not in have:
            column = CreateColumn(documents.c[name]).compile(dialect=connection.dialect)
            connection.exec_driver_sql(f"ALTER TABLE {preparer.format_table(documents)} ADD COLUMN {column}")


event.listen(metadata, "after_create", _add_document_columns)

DERIVED = {"mention": mentions, "quote": quotes, "claim": claims, "citation_issue": citation_issues, "event": events,
           "date_issue": date_issues}
