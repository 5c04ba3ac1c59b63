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
pointing at the first. An input is known by its key (a file's resolved path)
and its raw bytes, so re-ingesting a file by another spelling of its path is
"unchanged".

Concurrent writers: every writing transaction takes the store's one write lock
first (an advisory lock on PostgreSQL, `BEGIN IMMEDIATE` on SQLite), so the
duplicate check and the insert happen under it and two ingests into one file
neither lose a copy nor trip over each other's linking. An input row that
points at a document of another source (left by an older version racing) is
not trusted: the input is ingested again and its row repaired.

A store that cannot be written (a read-only file or mount) fails with one
`StoreError` naming the file and what to do. An existing SQLite file that
cannot be written is opened for reading only (`Store.open(db, read_only=...)`
forces either way), so `summary`, `export` and `serve` read it; the first write
then fails with that one line.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from .. import __version__
from ..errors import MissingExtraError, StoreError
from ..model import Document, IngestError, stable_id
from . import linkschema, schema
from .records import derived_records, error_record, identity, input_record, stored_document

LINK_TABLES = linkschema.LINK_TABLES  # imported for its tables: the store creates them with its own, under one lock

Row = dict[str, Any]
WRITE_LOCK = 0x5709_11E  # advisory lock key for PostgreSQL writers ("storyline")
KINDS = ("document", "mention", "quote", "claim", "citation_issue", "event", "date_issue", "ingest_error")
DOCUMENT_COLUMNS = ("id", "source", "url", "title", "published", "published_precision", "publisher", "authors",
                    "language", "text", "removed_blocks", "duplicate_of", "published_at", "coded",
                    "coded_reason", "translation_of")


def database_url(db: str) -> str:
    """A SQLAlchemy URL from what the user typed: a URL as is, a plain path as SQLite."""
    if "://" in db:
        return db
    return "sqlite:///" + os.path.abspath(os.path.expanduser(db))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _switch_to_wal(cur: Any, wait_s: float = 60.0) -> None:
    """Put the file in WAL mode, waiting out another process that is opening the same fresh file.

    The mode is kept in the file, so this is a read once it is set. While two processes switch a
    fresh file at the same moment, SQLite answers "database is locked" at once instead of calling
    the busy handler (it would otherwise deadlock), so the wait is done here.
    """
    deadline = time.monotonic() + wait_s
    delay = 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode")
            row = cur.fetchone()
            if row and str(row[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=60000")
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


SQLITE_MMAP_BYTES = 256 * 1024 * 1024
SQLITE_CACHE_KIB = 16 * 1024


def _sqlite_reading_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Memory-mapped reads share the OS page cache between the pool's connections instead of copying
    # pages into each one's small private cache: counting 100,000 index entries gets ~20-40% faster.
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=60000")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def write_lock(conn: Any) -> None:
    """Take the store's write lock for the rest of this transaction (released at commit or rollback).

    PostgreSQL: an advisory transaction lock. SQLite: `BEGIN IMMEDIATE`, which takes the database's
    write lock now (waiting up to busy_timeout) instead of at the first write, so what the transaction
    reads before writing cannot be changed by another writer in between.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif conn.dialect.name == "sqlite":
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not dbapi.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _create_schema(engine: Engine) -> None:
    """Create missing tables under the write lock: two processes opening a new store at once must not
    trip over each other (the second finds the tables made)."""
    with engine.begin() as conn:
        write_lock(conn)
        schema.metadata.create_all(conn)


def _sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///").split("?", 1)[0]


def _not_writable(db: str, path: str) -> str | None:
    """Why the SQLite file `path` cannot be written, or None."""
    folder = os.path.dirname(path) or "."
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return f"the database file {path} is read-only"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} cannot be written (SQLite keeps its journal beside {os.path.basename(path)})"
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"{folder} is on a read-only file system"
    except OSError:
        pass
    return None


def can_write(db: str) -> bool:
    """Whether the store `db` can be written: False for a SQLite file (or its folder) that is read-only."""
    url = database_url(db)
    if not url.startswith("sqlite:///"):
        return True
    path = _sqlite_path(url)
    return not os.path.exists(path) or _not_writable(db, path) is None


def unwritable(db: str, exc: BaseException) -> StoreError | None:
    """A one-line StoreError for an error that means the database cannot be written, else None."""
    message = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in message or "read-only" in message or "read only" in message:
        return StoreError(f"cannot write to the database {db}: it is read-only. Make the file and its folder "
                          "writable, or pass --db with a writable path (summary, export and serve can read it as is)")
    if "unable to open database file" in message or "disk i/o error" in message:
        return StoreError(f"cannot write to the database {db}: {message}. Check that the file and its folder "
                          "exist and can be written, or pass --db with another path")
    return None


class Store:
    def __init__(self, engine: Engine, batch_size: int = 200, name: str = "", read_only: bool = False,
                 why: str = "") -> None:
        self.engine = engine
        self.name = name or str(engine.url)
        self.read_only = read_only
        self.why = why  # why a read-only store cannot be written
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
    def open(cls, db: str, batch_size: int = 200, read_only: bool | None = None) -> Store:
        """Open (and create, unless read-only) the store. Read-only opens a SQLite file so that nothing is
        written to it or beside it; None (the default): read-only when it exists and cannot be written."""
        url = database_url(db)
        why = ""
        if url.startswith("sqlite:///"):
            path = _sqlite_path(url)
            why = (_not_writable(db, path) or "") if os.path.exists(path) else ""
            if read_only is None:
                read_only = bool(why)
        if read_only and url.startswith("sqlite:///"):
            if not os.path.exists(path):
                raise StoreError(f"cannot open the database {db!r}: there is no such file")
            immutable = "&immutable=1" if why else ""  # nobody can write it: no journal can change under us
            url = f"sqlite:///file:{path}?mode=ro{immutable}&uri=true"
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
        if engine.dialect.name == "sqlite" and read_only:
            event.listen(engine, "connect", _sqlite_read_only_pragmas)
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")
            except OperationalError as exc:
                raise StoreError(f"cannot read the database {db!r}: {exc.orig}") from exc
            return cls(engine, batch_size, name=db, read_only=True, why=why or "it was opened read-only")
        if engine.dialect.name == "sqlite":
            path = _sqlite_path(url)
            folder = os.path.dirname(path)
            if folder and not os.path.isdir(folder):
                raise StoreError(f"cannot create the database {db!r}: the folder {folder!r} does not exist")
            problem = _not_writable(db, path)
            if problem:
                raise StoreError(f"cannot write to the database {db}: {problem}. Pass --db with a writable path, "
                                 "or make it writable (summary, export and serve can read it as it is)")
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            _create_schema(engine)
        except OperationalError as exc:
            raise unwritable(db, exc) or StoreError(f"cannot open the database {db!r}: {exc.orig}") from exc
        return cls(engine, batch_size, name=db)

    def close(self) -> None:
        self.flush()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.engine.dispose()

    def tune_for_reading(self) -> None:
        """Set a SQLite store up for many readers (the server): memory-mapped pages and a larger cache
        on every connection from now on. Nothing to do on PostgreSQL."""
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_reading_pragmas)
            self.engine.dispose()  # connections opened so far lack them

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

    def insert_batches(self, table: Any, rows: Iterable[dict[str, Any]], batch_size: int,
                       what: str) -> tuple[int, int]:
        """Insert rows in batches (one transaction each), skipping keys already there: (rows given, rows
        inserted). A failure is a StoreError naming `what` was being written (a bulk load's records)."""
        def count() -> int:
            with self.engine.connect() as conn:
                return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

        self.refuse_writes()
        before, given = count(), 0
        statement = self.insert_ignore(table)
        it = iter(rows)
        while batch := list(islice(it, batch_size)):
            try:
                with self.engine.begin() as conn:
                    conn.execute(statement, batch)
            except SQLAlchemyError as exc:
                raise unwritable(self.name, exc) or StoreError(f"cannot write {what}: {exc}") from exc
            given += len(batch)
        return given, count() - before

    def upsert_inputs(self) -> Any:
        """INSERT of input rows that points an existing row at the document given."""
        t = schema.inputs
        if self.engine.dialect.name == "sqlite":
            from sqlalchemy.dialects import sqlite

            stmt: Any = sqlite.insert(t)
        else:
            from sqlalchemy.dialects import postgresql

            stmt = postgresql.insert(t)
        return stmt.on_conflict_do_update(index_elements=[t.c.id], set_={"document_id": stmt.excluded.document_id,
                                                                          "source": stmt.excluded.source})

    def lock_writers(self, conn: Any) -> None:
        """One writing transaction at a time (released at commit), on PostgreSQL and SQLite alike: concurrent
        ingests then settle which copy of a text is the original, and concurrent linkers never collide."""
        write_lock(conn)

    def seen_input(self, key: str, raw_hash: str, source: str | None = None) -> str | None:
        """The document an input (its key, else its source, and its raw bytes) already became, if any.

        An input row whose document is missing or comes from another source does not count: the input
        is then ingested again and its row repaired (what a copy lost to an old race needs)."""
        input_id = stable_id(key, raw_hash)
        if input_id in self._pending_inputs:
            return self._pending_inputs[input_id]
        i, d = schema.inputs, schema.documents
        rows = self._read(select(i.c.document_id, i.c.source, d.c.source).join(d, d.c.id == i.c.document_id,
                                                                                isouter=True)
                          .where(i.c.id == input_id))
        if not rows:
            return None
        document_id, input_source, document_source = rows[0]
        return document_id if document_source is not None and document_source == input_source else None

    def _copies(self, content_hash: str) -> list[tuple[str, str]]:
        rows = self._read(
            select(schema.documents.c.id, schema.documents.c.source)
            .where(schema.documents.c.content_hash == content_hash)
            .order_by(schema.documents.c.ingested_at)
        )
        return [(r[0], r[1]) for r in rows] + self._pending.get(content_hash, [])

    def add_document(self, doc: Document, run_id: int | None = None) -> tuple[str, str]:
        """Queue a cleaned document; returns (status, id) with status new, duplicate or unchanged.

        The status is settled again when the batch is written, under a lock, so that two
        processes writing the same text at once still store it once and the other copy as a copy.
        """
        status, doc_id, _ = identity(doc.content_hash, doc.source, self._copies(doc.content_hash))
        input_key = doc.input_id
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
            status, doc_id, doc.duplicate_of = identity(h, doc.source, stored.get(h, []))
            inputs.append(input_record(doc, doc_id))
            if status == "unchanged":
                continue
            stored.setdefault(h, []).append((doc_id, doc.source))
            row = stored_document(doc, doc_id)
            del row["kind"]
            row.update(run_id=run_id, ingested_at=at)
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
        self.refuse_writes()
        try:
            with self.engine.begin() as conn:
                self.lock_writers(conn)
                docs, inputs, derived = self._rows(conn) if self._queue else ([], [], {})
                if docs:
                    conn.execute(self.insert_ignore(schema.documents), docs)
                for kind, rows in derived.items():
                    if rows:
                        conn.execute(self.insert_ignore(schema.DERIVED[kind]), rows)
                if inputs:  # an input row is replaced, not kept: a re-run repairs one that pointed astray
                    conn.execute(self.upsert_inputs(), inputs)
                if self._errors:
                    rows = [{k: v for k, v in e.items() if k != "kind"} for e in self._errors]
                    conn.execute(self.insert_ignore(schema.ingest_errors), rows)
        except SQLAlchemyError as exc:
            raise unwritable(self.name, exc) or StoreError(f"cannot write to the database: {exc}") from exc
        self._queue.clear()
        self._errors.clear()
        self._pending.clear()
        self._pending_inputs.clear()

    # --- runs --------------------------------------------------------------------------------------------

    def refuse_writes(self) -> None:
        """On a read-only store, the one-line StoreError that says why it cannot be written and what to do."""
        if self.read_only:
            raise StoreError(f"cannot write to the database {self.name}: {self.why}. Pass --db with a writable "
                             "path, or make it writable (summary, export and serve can read it as it is)")

    def begin_run(self, command: str, targets: Iterable[str]) -> int:
        self.refuse_writes()
        try:
            with self.engine.begin() as conn:
                result = conn.execute(insert(schema.runs).values(started=_now(), command=command,
                                                                 targets=list(targets), version=__version__))
                key = result.inserted_primary_key
                assert key is not None
                return int(key[0])
        except SQLAlchemyError as exc:
            raise unwritable(self.name, exc) or StoreError(f"cannot write to the database: {exc}") from exc

    def finish_run(self, run_id: int, counts: dict[str, int], seconds: float) -> None:
        self.flush()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    schema.runs.update()
                    .where(schema.runs.c.id == run_id)
                    .values(finished=_now(), seconds=seconds, **{k: counts.get(k, 0) for k in
                                                                  ("new", "duplicate", "unchanged", "failed")})
                )
        except SQLAlchemyError as exc:
            raise unwritable(self.name, exc) or StoreError(f"cannot write to the database: {exc}") from exc

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
