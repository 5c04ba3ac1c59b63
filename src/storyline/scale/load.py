"""`storyline load DIR --db URL`: a Spark run's Parquet output -> a store, idempotently.

Takes the folder `spark.run` wrote (local, `file://` or any filesystem pyarrow can open) and an
open `Store`, and inserts every record in batches (SQLAlchemy Core, one transaction per batch,
insert-or-ignore on the primary key): documents first (in the job's reading order, so
`ingested_at` orders them as `storyline ingest` would have), then their derived records, input
rows and ingest errors, so a later `storyline ingest` of the same inputs skips them. Then it links
what is new (`link.link_new`: near-duplicates, incidents, stories), as `storyline ingest` does
after its documents, so the store holds what ingest would have given; the Spark job itself stops
at per-document records. Loading the same folder twice changes nothing; a load killed midway is
completed by running it again. Linking is incremental, so loading into a store that already holds
other documents links the new ones with them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from ..errors import StoreError
from ..link import link_new
from ..store import schema
from ..store.db import Store
from . import codec

BATCH = 1000


@dataclass
class LoadSummary:
    read: dict[str, int] = field(default_factory=dict)  # records in the Parquet output, per kind
    inserted: dict[str, int] = field(default_factory=dict)  # of those, rows not already in the store
    link: dict[str, Any] = field(default_factory=dict)  # what linking did after the load (`LinkSummary`)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"read": dict(self.read), "inserted": dict(self.inserted), "link": dict(self.link),
                "seconds": round(self.seconds, 3)}


def _document_rows(records: Iterable[dict[str, Any]], run_id: int) -> Iterator[dict[str, Any]]:
    start = dt.datetime.now(dt.UTC)
    for n, record in enumerate(records):
        row = {k: v for k, v in record.items() if k not in ("kind", "order")}
        row.update(run_id=run_id, ingested_at=start + dt.timedelta(microseconds=n))
        yield row


def _error_rows(records: Iterable[dict[str, Any]], run_id: int) -> Iterator[dict[str, Any]]:
    now = dt.datetime.now(dt.UTC)
    for record in records:
        yield {**{k: v for k, v in record.items() if k != "kind"}, "run_id": run_id, "at": now}


def _derived_rows(kind: str, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield Store.derived_row(kind, record)


def _plan(output: str, run_id: int, store: Store) -> list[tuple[str, Table, Iterator[dict[str, Any]]]]:
    """(kind, table, rows) in the order foreign keys and later look-ups need."""
    def rows(kind: str) -> Iterator[dict[str, Any]]:
        return codec.read_rows(output, kind)

    steps: list[tuple[str, Table, Iterator[dict[str, Any]]]] = [
        ("document", schema.documents,
         _document_rows(codec.read_rows(output, "document", order_by="order"), run_id))]
    for kind in ("mention", "quote", "claim", "citation_issue", "event", "date_issue"):
        steps.append((kind, schema.DERIVED[kind], _derived_rows(kind, rows(kind))))
    steps += [
        ("input", schema.inputs, rows("input")),
        ("ingest_error", schema.ingest_errors, _error_rows(rows("ingest_error"), run_id)),
    ]
    return steps


def load(output: str, store: Store, batch_size: int = BATCH) -> LoadSummary:
    """Insert a Spark output folder into the store; see the module docstring."""
    started = time.perf_counter()
    if not codec.dataset_files(output, "document") and not codec.dataset_files(output, "ingest_error"):
        raise StoreError(f"{output!r} holds no Spark output (no document/ or ingest_error/ Parquet dataset): "
                         "write one with `storyline spark run INPUT... --output DIR`")
    store.flush()
    run_id = store.begin_run("load", [output])
    summary = LoadSummary()
    for kind, table, rows in _plan(output, run_id, store):
        summary.read[kind], summary.inserted[kind] = store.insert_batches(
            table, rows, batch_size, f"the {kind} records of {output!r}")
    summary.link = link_new(store).as_dict()
    summary.seconds = time.perf_counter() - started
    docs = summary.inserted.get("document", 0)
    store.finish_run(run_id, {"new": docs, "failed": summary.inserted.get("ingest_error", 0)}, summary.seconds)
    return summary
