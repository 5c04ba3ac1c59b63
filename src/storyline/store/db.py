"""The store: open a database, write documents in batches, read records back.

`Store.open(db)` takes a SQLAlchemy URL or a plain path (SQLite) and creates
the schema if needed. SQLite runs in WAL mode so readers (the dashboard) never
block the writer. Writes go through `add_document` / `add_error` and reach the
database in batches, one transaction each, with insert-or-ignore, so a run
killed midway and started again neither loses nor duplicates anything: a
document, its input row and its derived records commit together.

Deduplication: a document's id is the hash of its normalised text. The same
text from the same source is the same document ("unchanged"); from another
source it is an exact copy, stored under its own id with `duplicate_of`
pointing at the first.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError, SQLAlchemyError

from .. import __version__
from ..errors import MissingExtraError, StoreError
from ..model import Document, IngestError, stable_id
from . import linkschema, schema
from .records import derived_records, document_record, error_record

LINK_TABLES = linkschema.LINK_TABLES  # imported for its tables: the store creates them with its own, under one lock

Row = dict[str, Any]
WRITE_LOCK = 0x5709_11E  # advisory lock key for PostgreSQL writers ("storyline")
KINDS = ("document", "mention", "quote", "claim", "citation_issue", "event", "date_issue", "ingest_error")
DOCUMENT_COLUMNS = ("id", "source", "url", "title", "published", "published_precision", "publisher", "authors",
                    "language", "text", "removed_blocks", "duplicate_of")


def database_url(db: str) -> str:
    """A SQLAlchemy URL from what the user typed: a URL as is, a plain path as SQLite."""
    if "://" in db:
        return db
    return "sqlite:///" + os.path.abspath(os.path.expanduser(db))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _create_schema(engine: Engine) -> None:
    """Create missing tables; two processes opening a new store at once must not trip over each other."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
            schema.metadata.create_all(conn)
        return
    try:
        schema.metadata.create_all(engine)
    except (OperationalError, ProgrammingError):  # the other process created a table between check and create
        schema.metadata.create_all(engine)


class Store:
    def __init__(self, engine: Engine, batch_size: int = 200) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self._queue: list[tuple[Document, int | None, dt.datetime]] = []
        self._errors: list[dict[str, Any]] = []
        self._pending: dict[str, list[tuple[str, str]]] = {}  # content hash -> [(id, source)] not yet written
        self._pending_inputs: dict[str, str] = {}  # input key -> document id, for inputs not yet written
        self._reader: Any = None  # one connection for the look-ups made per document

    def _read(self, statement: Any) -> Any:
        if self._reader is None:
            self._reader = self.engine.connect()
        result = self._reader.execute(statement)
        rows = result.all()
        self._reader.rollback()  # end the read transaction so the next look-up sees new commits
        return rows

    @classmethod
    def open(cls, db: str, batch_size: int = 200) -> Store:
        url = database_url(db)
        try:
            engine = create_engine(url, future=True)
        except NoSuchModuleError as exc:
            raise StoreError(
                f"unknown database kind in {db!r}: use sqlite:///PATH, postgresql+psycopg://… or a plain path"
            ) from exc
        except ArgumentError as exc:
            raise StoreError(f"cannot read the database URL {db!r}: {exc}") from exc
        except ModuleNotFoundError as exc:
            raise MissingExtraError("A PostgreSQL store", "postgres", "psycopg") from exc
        if engine.dialect.name == "sqlite":
            folder = os.path.dirname(url.removeprefix("sqlite:///"))
            if folder and not os.path.isdir(folder):
                raise StoreError(f"cannot create the database {db!r}: the folder {folder!r} does not exist")
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            _create_schema(engine)
        except OperationalError as exc:
            raise StoreError(f"cannot open the database {db!r}: {exc.orig}") from exc
        return cls(engine, batch_size)

    def close(self) -> None:
        self.flush()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------------------

    def insert_ignore(self, table: Any) -> Any:
        """INSERT that skips rows whose key is already there: what makes a re-run or a resumed run safe."""
        if self.engine.dialect.name == "sqlite":
            from sqlalchemy.dialects import sqlite

            return sqlite.insert(table).on_conflict_do_nothing()
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            return postgresql.insert(table).on_conflict_do_nothing()
        return insert(table).prefix_with("IGNORE")

    def lock_writers(self, conn: Any) -> None:
        """On PostgreSQL, one writing transaction at a time (released at commit): concurrent ingests then
        settle which copy of a text is the original, and concurrent linkers never deadlock."""
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})

    def seen_input(self, source: str, raw_hash: str) -> str | None:
        """The document an input already became, if it was ingested before."""
        key = stable_id(source, raw_hash)
        if key in self._pending_inputs:
            return self._pending_inputs[key]
        rows = self._read(select(schema.inputs.c.document_id).where(schema.inputs.c.id == key))
        return rows[0][0] if rows else None

    def _copies(self, content_hash: str) -> list[tuple[str, str]]:
        rows = self._read(
            select(schema.documents.c.id, schema.documents.c.source)
            .where(schema.documents.c.content_hash == content_hash)
            .order_by(schema.documents.c.ingested_at)
        )
        return [(r[0], r[1]) for r in rows] + self._pending.get(content_hash, [])

    @staticmethod
    def _resolve(doc: Document, copies: list[tuple[str, str]]) -> tuple[str, str, str | None]:
        """(status, id, duplicate_of) of a document given the stored copies of its text, oldest first."""
        h = doc.content_hash
        same_source = next((cid for cid, src in copies if src == doc.source), None)
        if same_source:
            return "unchanged", same_source, None
        if copies:
            canonical = next((cid for cid, _ in copies if cid == h), copies[0][0])
            return "duplicate", stable_id(h, doc.source), canonical
        return "new", h, None

    def add_document(self, doc: Document, run_id: int | None = None) -> tuple[str, str]:
        """Queue a cleaned document; returns (status, id) with status new, duplicate or unchanged.

        The status is settled again when the batch is written, under a lock, so that two
        processes writing the same text at once still store it once and the other copy as a copy.
        """
        status, doc_id, _ = self._resolve(doc, self._copies(doc.content_hash))
        input_key = stable_id(doc.source, doc.raw_hash)
        if input_key not in self._pending_inputs:
            self._pending_inputs[input_key] = doc_id
            self._queue.append((doc, run_id, _now()))
            if status != "unchanged":
                self._pending.setdefault(doc.content_hash, []).append((doc_id, doc.source))
        if len(self._queue) >= self.batch_size:
            self.flush()
        return status, doc_id

    def _rows(self, conn: Any) -> tuple[list[Row], list[Row], dict[str, list[Row]]]:
        """Document, input and derived rows for the queued documents, resolved against what is stored now."""
        hashes = sorted({doc.content_hash for doc, _, _ in self._queue})
        d = schema.documents
        stored: dict[str, list[tuple[str, str]]] = {}
        for start in range(0, len(hashes), 500):
            result = conn.execute(select(d.c.content_hash, d.c.id, d.c.source)
                                  .where(d.c.content_hash.in_(hashes[start:start + 500]))
                                  .order_by(d.c.ingested_at, d.c.id))
            for h, cid, src in result:
                stored.setdefault(h, []).append((cid, src))
        docs: list[Row] = []
        inputs: list[Row] = []
        derived: dict[str, list[Row]] = {k: [] for k in schema.DERIVED}
        for doc, run_id, at in self._queue:
            h = doc.content_hash
            status, doc_id, doc.duplicate_of = self._resolve(doc, stored.get(h, []))
            inputs.append({"id": stable_id(doc.source, doc.raw_hash), "source": doc.source,
                           "raw_hash": doc.raw_hash, "document_id": doc_id})
            if status == "unchanged":
                continue
            stored.setdefault(h, []).append((doc_id, doc.source))
            row = document_record(doc, doc_id)
            del row["kind"]
            row.update(content_hash=h, removed=doc.removed, run_id=run_id, ingested_at=at)
            docs.append(row)
            for kind, records in derived_records(doc, doc_id).items():
                derived[kind].extend(self.derived_row(kind, r) for r in records)
        return docs, inputs, derived

    @staticmethod
    def derived_row(kind: str, record: dict[str, Any]) -> dict[str, Any]:
        row = {"id": record["id"], "document_id": record["document_id"], "data": record}
        if kind == "mention":
            row["kind"] = record["type"]
        elif kind == "event":
            actor, recipient = record["actor"] or {}, record["recipient"] or {}
            location = record.get("location") or {}
            row.update(type=record["type"], status=record["status"], date=record["date"],
                       actor_country=actor.get("country"), recipient_country=recipient.get("country"),
                       actor_id=actor["id"] if actor.get("id") is not None else actor.get("name"),
                       recipient_id=recipient["id"] if recipient.get("id") is not None else recipient.get("name"),
                       intensity=record.get("intensity"), place=location.get("name"),
                       place_country=location.get("country"), lat=location.get("lat"), lon=location.get("lon"))
        return row

    def add_error(self, err: IngestError, run_id: int | None = None) -> None:
        self._errors.append({**error_record(err), "run_id": run_id, "at": _now()})
        if len(self._errors) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write everything queued in one transaction: a document, its input and its derived records together."""
        if not (self._queue or self._errors):
            return
        try:
            with self.engine.begin() as conn:
                self.lock_writers(conn)
                docs, inputs, derived = self._rows(conn) if self._queue else ([], [], {})
                if docs:
                    conn.execute(self.insert_ignore(schema.documents), docs)
                for kind, rows in derived.items():
                    if rows:
                        conn.execute(self.insert_ignore(schema.DERIVED[kind]), rows)
                if inputs:
                    conn.execute(self.insert_ignore(schema.inputs), inputs)
                if self._errors:
                    rows = [{k: v for k, v in e.items() if k != "kind"} for e in self._errors]
                    conn.execute(self.insert_ignore(schema.ingest_errors), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the database: {exc}") from exc
        self._queue.clear()
        self._errors.clear()
        self._pending.clear()
        self._pending_inputs.clear()

    # --- runs --------------------------------------------------------------------------------------------

    def begin_run(self, command: str, targets: Iterable[str]) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(schema.runs).values(started=_now(), command=command, targets=list(targets), version=__version__)
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_run(self, run_id: int, counts: dict[str, int], seconds: float) -> None:
        self.flush()
        with self.engine.begin() as conn:
            conn.execute(
                schema.runs.update()
                .where(schema.runs.c.id == run_id)
                .values(finished=_now(), seconds=seconds, **{k: counts.get(k, 0) for k in
                                                              ("new", "duplicate", "unchanged", "failed")})
            )

    # --- reading -----------------------------------------------------------------------------------------

    def count(self, kind: str) -> int:
        table = schema.documents if kind == "document" else schema.ingest_errors if kind == "ingest_error" \
            else schema.DERIVED[kind]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    def record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """One derived record (event, quote, claim, …) by id, in its export shape."""
        table = schema.DERIVED[kind]
        rows = self._read(select(table.c.data).where(table.c.id == record_id))
        return rows[0][0] if rows else None

    def records(self, kinds: Iterable[str] = KINDS) -> Iterator[dict[str, Any]]:
        """Every record of the given kinds, streamed, in a stable order."""
        self.flush()
        with self.engine.connect() as conn:
            conn = conn.execution_options(stream_results=True, yield_per=500)
            for kind in kinds:
                if kind == "document":
                    cols = [schema.documents.c[c] for c in DOCUMENT_COLUMNS]
                    for row in conn.execute(select(*cols).order_by(schema.documents.c.ingested_at,
                                                                   schema.documents.c.id)):
                        rec = {"kind": "document", **row._asdict()}
                        rec["authors"] = rec["authors"] or []
                        yield rec
                elif kind == "ingest_error":
                    t = schema.ingest_errors
                    for row in conn.execute(select(t.c.id, t.c.source, t.c.stage, t.c.error).order_by(t.c.at, t.c.id)):
                        yield {"kind": "ingest_error", **row._asdict()}
                else:
                    t = schema.DERIVED[kind]
                    for (data,) in conn.execute(select(t.c.data).order_by(t.c.document_id, t.c.id)):
                        yield data
