"""Tables of the cross-document linking step, on the same `metadata` as `schema.py`.

link_documents  one row per document the near-duplicate pass has seen: the near-duplicate group it
                belongs to (`group_id` = the group's canonical document), whether it is an exact copy
                the store already marked, and its best shingle resemblance (Jaccard) to an earlier
                document of the group.
minhash_bands   the LSH index: one row per (band bucket, document). A bucket is a hash of one band of
                a document's MinHash signature (band number included), so two documents sharing any
                bucket are near-duplicate candidates. Kept in SQL so a new document is looked up
                without rebuilding an index in memory, on SQLite and PostgreSQL alike.
link_events     one row per asserted event already linked: the block it was clustered in (`unit`:
                event type, the actor's country and a month, see `link.merge`), its event cluster
                (one real-world event), its story, and the content stems of its evidence.
link_clusters   one row per incident (an event cluster): its block, its thread (`thread_id`, the
                story's internal key) and story id, and in `data` the incident's export record and
                what the story record needs of it (so a story spanning many months is rebuilt
                without its reports); `created_at`/`updated_at` say when the incident first appeared
                and when its record last changed (`digest`), for `store.incidents.incidents_since`.
stories         one row per story; `data` holds the export record, a few columns are copied out for
                filtering (timeline, escalation).

These tables are derived: a store whose linking tables predate a column here has them dropped and
made again by `ensure`, and its next link run links everything anew.

Importing this module registers the tables on `schema.metadata`; `ensure(engine)` creates them in a
store opened before the import.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Engine, Float, Index, Integer, String, Table, Text, inspect

from .schema import ID, metadata

link_documents = Table(
    "link_documents",
    metadata,
    Column("document_id", String(ID), primary_key=True),
    Column("group_id", String(ID), nullable=False, index=True),
    Column("exact", Boolean, nullable=False, default=False),
    Column("similarity", Float),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    # Named `band` since the signatures are computed by `link.neardup.signature`: a store indexed
    # with the earlier signatures has a `bucket` column instead, so `ensure` remakes the tables and
    # the next link run indexes every document anew (old and new keys never meet).
    Column("band", String(16), primary_key=True),
    Column("document_id", String(ID), primary_key=True),
)

link_events = Table(
    "link_events",
    metadata,
    Column("event_id", String(ID), primary_key=True),
    Column("document_id", String(ID), nullable=False, index=True),
    Column("unit", String(24), nullable=False, index=True),
    Column("cluster_id", String(ID), index=True),
    Column("story_id", String(ID), index=True),
    Column("terms", Text),  # the evidence's content stems, space-separated, so re-clustering need not redo them
)

link_clusters = Table(
    "link_clusters",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("block", String(24), nullable=False, index=True),
    Column("unit", String(16), nullable=False, index=True),
    Column("thread", String(64)),  # "=" recipient country "|" matter, "~" sector "|" matter, "#" first event
    Column("loose", String(48)),  # set when its block could not place it: recipient sector ("" unknown), "|", matter
    Column("first_thread", String(64)),  # the thread its block gave it, before its unit's threads are joined
    Column("named", Text),  # every matter its reports name, space-separated
    Column("recipient", String(3)),  # its recipient country when its reports agree on one
    Column("sectors", Text),  # the recipient sectors it brings to its thread, space-separated
    Column("thread_id", String(ID), index=True),
    Column("story_id", String(ID), index=True),
    Column("data", JSON, nullable=False),  # the incident's export record, matter, report orders and parties
    Column("digest", String(ID)),  # a hash of the export record: tells a changed incident from a rewritten one
    Column("created_at", DateTime(timezone=True), index=True),
    Column("updated_at", DateTime(timezone=True), index=True),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("thread_id", String(ID), nullable=False, unique=True),
    Column("unit", String(24), nullable=False, index=True),
    Column("type", String(12)),
    Column("actor_country", String(3)),
    Column("recipient_country", String(3)),
    Column("date_first", String(10)),
    Column("date_last", String(10)),
    Column("events", Integer),
    Column("data", JSON, nullable=False),
    Index("ix_stories_dyad", "actor_country", "recipient_country"),
    Index("ix_stories_date_first", "date_first"),
)

LINK_TABLES = (link_documents, minhash_bands, link_events, link_clusters, stories)


def _outdated(engine: Engine) -> bool:
    inspector = inspect(engine)
    for table in LINK_TABLES:
        if inspector.has_table(table.name):
            have = {c["name"] for c in inspector.get_columns(table.name)}
            if set(table.c.keys()) - have:
                return True
    return False


def ensure(engine: Engine) -> None:
    """Create the linking tables if the store was opened before this module was imported; drop and
    make them again when they predate a column (they are derived: the next link run refills them)."""
    if _outdated(engine):
        metadata.drop_all(engine, tables=list(LINK_TABLES))
    metadata.create_all(engine, tables=list(LINK_TABLES))
