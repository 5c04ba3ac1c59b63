"""Read-side queries shared by the CLI, the API and the dashboard.

Each returns plain dicts/lists built with SQLAlchemy Core expressions (never
SQL strings), so the same query serves a terminal table and a JSON response.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from . import schema
from .db import Store


def counts(store: Store) -> dict[str, int]:
    """How many records of each kind the store holds."""
    out = {"document": store.count("document")}
    for kind in schema.DERIVED:
        out[kind] = store.count(kind)
    out["ingest_error"] = store.count("ingest_error")
    d = schema.documents
    with store.engine.connect() as conn:  # stored in a language no coder reads (`coded` false)
        out["uncoded_document"] = int(conn.execute(select(func.count()).where(d.c.coded.is_(False))).scalar() or 0)
    return out


def document_rows(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Documents, latest published first (undated last, then latest ingested), with their record counts."""
    d = schema.documents
    per_doc: dict[str, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for kind, table in schema.DERIVED.items():
            if kind == "mention":
                continue
            rows = conn.execute(select(table.c.document_id, func.count()).group_by(table.c.document_id))
            for doc_id, n in rows:
                per_doc.setdefault(doc_id, {})[kind] = n
        docs = conn.execute(
            select(d.c.id, d.c.source, d.c.title, d.c.published, d.c.publisher, d.c.removed_blocks,
                   d.c.duplicate_of, func.length(d.c.text).label("chars"))
            .order_by(d.c.published.is_(None), d.c.published.desc(), d.c.ingested_at.desc(), d.c.id)
            .limit(limit)
        ).all()
    return [{**row._asdict(), **{k: per_doc.get(row.id, {}).get(k, 0) for k in schema.DERIVED if k != "mention"}}
            for row in docs]


def latest_errors(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    t = schema.ingest_errors
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.source, t.c.stage, t.c.error).order_by(t.c.at.desc()).limit(limit))
        return [r._asdict() for r in rows]


REPORTED_KINDS = ("quote", "claim", "citation_issue", "date_issue")


def source_report_rows(store: Store) -> Iterator[tuple[str, Any]]:
    """What the source report (`report.source_report`) counts, streamed over one connection:
    ("document", row) for every document (id, source, url, title, published, publisher,
    duplicate_of, removed_blocks, text), then (kind, (document_id, record)) for every quote, claim,
    citation issue and date issue, in document and id order."""
    store.flush()
    d = schema.documents
    with store.engine.connect() as conn:
        conn = conn.execution_options(stream_results=True, yield_per=500)
        for row in conn.execute(select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.published, d.c.publisher,
                                       d.c.duplicate_of, d.c.removed_blocks, d.c.text)):
            yield "document", row
        for kind in REPORTED_KINDS:
            table = schema.DERIVED[kind]
            for doc_id, data in conn.execute(select(table.c.document_id, table.c.data)
                                             .order_by(table.c.document_id, table.c.id)):
                yield kind, (doc_id, data or {})
