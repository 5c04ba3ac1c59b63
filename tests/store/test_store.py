"""Ingest into a real SQLite store: idempotency, exact copies, errors kept, export in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from storyline.errors import StoreError
from storyline.ingest import ingest
from storyline.store import schema
from storyline.store.db import Store, database_url
from storyline.store.export import write_files, write_jsonl

STORY = (
    "date 2025-11-19 Mexico summons US envoy\n\n"
    "Mexico's foreign ministry summoned the US ambassador on Wednesday to protest remarks by President Donald "
    "Trump, who said on Monday he would be open to strikes on drug cartels inside Mexico.\n\n"
    "\u201cWe do not accept interventions of any kind,\u201d Foreign Minister Juan Ramón de la Fuente told "
    "reporters in Mexico City.\n"
)
OTHER = (
    "Guatemala agreed on Thursday to deploy 1,500 troops to its northern border under a security pact with the "
    "United States, officials said, after talks in Guatemala City between the two governments.\n"
)


@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return any_backend_db_url


def rows(store: Store, table: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in files]


def test_second_ingest_adds_nothing(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    paths = write(tmp_path / "in", {"a.txt": STORY, "b.txt": OTHER, "empty.txt": ""})
    first = ingest(paths, store, cfg)
    assert (first.new, first.duplicate, first.unchanged, first.failed) == (2, 0, 0, 1)
    counts = {t.name: rows(store, t) for t in schema.metadata.sorted_tables if t.name != "runs"}
    second = ingest(paths, store, cfg)
    assert (second.new, second.duplicate, second.unchanged, second.failed) == (0, 0, 2, 1)
    assert {t.name: rows(store, t) for t in schema.metadata.sorted_tables if t.name != "runs"} == counts
    assert rows(store, schema.runs) == 2


def test_an_exact_copy_under_another_source_links_to_the_first(tmp_path: Path, store: Store,
                                                                cfg: dict[str, Any]) -> None:
    first = write(tmp_path / "site-a", {"story.txt": STORY})
    copy = write(tmp_path / "site-b", {"mirror.txt": STORY.replace("\n\n", "\n\n\n")})  # same text, other spacing
    ingest(first, store, cfg)
    summary = ingest(copy, store, cfg)
    assert (summary.new, summary.duplicate) == (0, 1)
    docs = {d["source"]: d for d in store.records(["document"])}
    original, mirror = docs[first[0]], docs[copy[0]]
    assert mirror["duplicate_of"] == original["id"] and original["duplicate_of"] is None
    assert mirror["id"] != original["id"]
    # Ingesting the copy again changes nothing either.
    assert ingest(copy, store, cfg).unchanged == 1
    assert rows(store, schema.documents) == 2


def test_the_same_text_twice_in_one_batch_is_one_document_and_one_copy(tmp_path: Path, store: Store,
                                                                       cfg: dict[str, Any]) -> None:
    paths = write(tmp_path, {"one.txt": STORY, "two.txt": STORY})
    summary = ingest(paths, store, cfg)
    assert (summary.new, summary.duplicate) == (1, 1)


def test_batches_flush_as_they_fill(tmp_path: Path, cfg: dict[str, Any]) -> None:
    texts = {f"{n:03d}.txt": OTHER.replace("1,500", f"{1000 + n:,}") for n in range(25)}
    paths = write(tmp_path / "in", texts)
    with Store.open(cfg["db"], batch_size=4) as store:
        summary = ingest(paths, store, cfg)
        assert summary.new == 25 and rows(store, schema.documents) == 25


def test_every_unusable_input_is_in_the_store(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    paths = [*write(tmp_path, {"menu.txt": "Home\nWorld\nSports\n"}), str(tmp_path / "missing.html")]
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)))
    ingest([*paths, str(tmp_path / "bin.txt")], store, cfg)
    errors = sorted((Path(e["source"]).name, e["stage"]) for e in store.records(["ingest_error"]))
    assert errors == [("bin.txt", "decode"), ("menu.txt", "clean"), ("missing.html", "read")]


def test_derived_records_are_stored_with_their_document(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    ingest(write(tmp_path, {"a.txt": STORY}), store, cfg)
    quotes = list(store.records(["quote"]))
    doc = next(store.records(["document"]))
    assert quotes and all(q["document_id"] == doc["id"] for q in quotes)
    assert quotes[0]["text"] == "We do not accept interventions of any kind,"


def test_contract_fields_and_nulls(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    ingest(write(tmp_path, {"b.txt": OTHER}), store, cfg)
    doc = next(store.records(["document"]))
    assert list(doc) == ["kind", "id", "source", "url", "title", "published", "published_precision", "publisher",
                         "authors", "language", "text", "removed_blocks", "duplicate_of", "published_at", "coded",
                         "coded_reason", "translation_of"]
    assert doc["coded"] is True and doc["coded_reason"] is None and doc["translation_of"] is None
    assert doc["published"] is None and doc["published_precision"] is None and doc["url"] is None
    assert doc["authors"] == [] and doc["language"] == "en"
    assert "" not in doc.values()


def test_export_jsonl_csv_and_parquet(tmp_path: Path, store: Store, cfg: dict[str, Any]) -> None:
    ingest(write(tmp_path / "in", {"a.txt": STORY, "b.txt": OTHER, "c.txt": ""}), store, cfg)
    out = tmp_path / "all.jsonl"
    with out.open("w", encoding="utf-8") as f:
        n = write_jsonl(store.records(["document", "ingest_error"]), f)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == 3 and [r["kind"] for r in lines] == ["document", "document", "ingest_error"]

    counts = write_files(store.records(["document", "ingest_error"]), ["document", "ingest_error"], "csv",
                         str(tmp_path / "csv"))
    assert counts == {"document": 2, "ingest_error": 1}
    with (tmp_path / "csv" / "document.csv").open(encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert table[0]["authors"] == "" and table[0]["title"] == "Mexico summons US envoy"  # a list: "; "-joined

    import pyarrow.parquet as pq

    write_files(store.records(["document"]), ["document"], "parquet", str(tmp_path / "docs.parquet"))
    parquet = pq.read_table(tmp_path / "docs.parquet").to_pylist()
    assert [r["id"] for r in parquet] == [r["id"] for r in lines[:2]]
    assert parquet[0]["published"] == "2025-11-19"


def test_plain_paths_become_sqlite_urls_and_bad_urls_are_clear_errors(tmp_path: Path) -> None:
    assert database_url("x.db").startswith("sqlite:////")
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError, match="unknown database kind"):
        Store.open("nosuchdb://x")
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "folder" / "x.db"))


def test_sqlite_runs_in_wal_mode(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("WAL is SQLite's")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_process_pool_stores_the_same_records(tmp_path: Path) -> None:
    from storyline import settings

    cfg = settings.load({})
    paths = write(tmp_path / "in", {f"{n:02d}.txt": OTHER.replace("1,500", f"{1000 + n:,}") for n in range(12)}
                  | {"story.txt": STORY, "empty.txt": ""})
    one = Store.open(str(tmp_path / "one.db"))
    ingest(paths, one, {**cfg, "db": str(tmp_path / "one.db")})
    two = Store.open(str(tmp_path / "two.db"))
    summary = ingest(paths, two, {**cfg, "db": str(tmp_path / "two.db")}, workers=2)
    assert (summary.new, summary.failed) == (13, 1)
    kinds = ["document", "quote", "claim", "mention", "event", "ingest_error"]
    assert list(one.records(kinds)) == list(two.records(kinds))
    one.close()
    two.close()


def test_linking_as_it_goes_gives_the_stories_of_one_link_at_the_end(tmp_path: Path, monkeypatch: Any) -> None:
    import importlib

    from storyline import settings
    from storyline.link import story_records

    ingest_module = importlib.import_module("storyline.ingest")  # `storyline.ingest` is the function
    texts = {f"{n:02d}.txt": f"date 2025-11-{n + 1:02d} Envoy summoned\n\nMexico's foreign ministry summoned the US "
                             f"ambassador on {['Monday', 'Tuesday', 'Wednesday'][n % 3]} to protest remarks by President "
                             f"Donald Trump about strikes on cartels, the ministry said in statement number {n}.\n"
             for n in range(9)}
    paths = write(tmp_path / "in", texts)
    stories = []
    for every in (3, 1000):
        monkeypatch.setattr(ingest_module, "LINK_EVERY", every)
        db = str(tmp_path / f"every-{every}.db")
        with Store.open(db) as store:
            ingest(paths, store, settings.load({"db": db}))
            stories.append(sorted((s["id"], s["event_ids"], s["document_ids"]) for s in story_records(store)))
    assert stories[0] and stories[0] == stories[1]
