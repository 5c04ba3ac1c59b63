"""Read-side queries shared by the CLI, the API and the dashboard.

Each returns plain dicts/lists built with SQLAlchemy Core expressions (never
SQL strings), so the same query serves a terminal table and a JSON response.
"""

from __future__ import annotations

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
