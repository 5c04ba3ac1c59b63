"""Spark and `storyline ingest` give the same records for the same inputs; `storyline load` stores and links them.

A real SparkSession in local[2]. The inputs: the invented example pages, a WARC with two pages
(one a copy of a JSONL article), a JSONL file with an HTML line, a text line and a broken line, an
empty file, a missing path, and one file named twice. The Spark job stops at per-document records:
they must equal what `storyline ingest` stores before linking (`link=False`), and a store loaded
from them (the load links) must equal one made by ingest then `link_new`, stories, incidents and
every copy's `duplicate_of` included.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import ingest
from storyline.link import link_new, story_records
from storyline.store.db import KINDS, Store
from storyline.store.incidents import incident_records

pytestmark = [pytest.mark.spark, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "src" / "storyline" / "examples"
PER_DOCUMENT = ("document", "event", "quote", "claim", "citation_issue", "date_issue", "ingest_error", "mention")
COMPARED = (*PER_DOCUMENT, "story", "incident")

WARC_PAGES = {
    "https://news.example.net/2025/11/strike": (
        "<html><head><title>US strikes a boat in the Caribbean</title>"
        '<meta name="date" content="2025-11-18"></head><body><article>'
        "<p>The US military struck a vessel in the southern Caribbean on Monday, killing three people "
        "aboard, Defense Secretary Pete Hegseth said in a post on social media.</p>"
        "<p>Mexico's foreign ministry condemned the strike on Tuesday and demanded an explanation from "
        "Washington, calling the attack a violation of international law.</p>"
        "<p>“We reject any military action in our region,” President Claudia Sheinbaum told reporters "
        "in Mexico City.</p></article></body></html>"
    ),
    "https://news.example.net/2025/11/talks": (
        "<html><head><title>Security talks</title></head><body><article>"
        "<p>Officials from Mexico and the United States met in Washington on Thursday to discuss "
        "cooperation against fentanyl trafficking, the State Department said.</p>"
        "<p>The two delegations agreed to share intelligence on at least 12 trafficking networks, "
        "according to a joint statement.</p></article></body></html>"
    ),
}
JSONL_LINES = [
    {"url": "https://wire.example.com/a", "title": "Strike", "published": "2025-11-18",
     "html": WARC_PAGES["https://news.example.net/2025/11/strike"]},
    {"url": "https://wire.example.com/b", "published": "2025-11-20",
     "text": "Colombia's president accused the United States on Wednesday of killing a fisherman in a strike "
             "off the Colombian coast, and said Bogotá would suspend intelligence sharing with Washington."},
    # a lightly edited repost of the line above: a near-duplicate for the linking step to find
    {"url": "https://mirror.example.org/b", "published": "2025-11-20",
     "text": "Colombia's president accused the United States on Wednesday of killing a fisherman in a strike "
             "off the Colombian coast, and said Bogotá would halt intelligence sharing with Washington for now."},
]


def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and Path(home, "bin", "java").exists()))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'storyline[spark]'")
    if not _java():
        pytest.skip("Java is not installed (the Spark job needs Java 17+): apt-get install openjdk-17-jre-headless")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from storyline.scale.spark import session

    s = session("local[2]", {"spark.ui.showConsoleProgress": "false"})
    yield s
    s.stop()


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, html in WARC_PAGES.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.fixture(scope="module")
def targets(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(EXAMPLES, folder / "examples", ignore=shutil.ignore_patterns("*.md"))
    _warc(folder / "crawl.warc.gz")
    lines = [json.dumps(x, ensure_ascii=False) for x in JSONL_LINES]
    (folder / "more.jsonl").write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    again = str(folder / "examples" / "invented-wire-story.html")
    return [str(folder / "examples"), str(folder / "crawl.warc.gz"), str(folder / "more.jsonl"),
            str(folder / "empty.txt"), str(folder / "missing.html"), again]


@pytest.fixture(scope="module")
def reference_db(targets: list[str], tmp_path_factory: pytest.TempPathFactory) -> str:
    from storyline import settings

    cfg = settings.load({"db": str(tmp_path_factory.mktemp("ref") / "ref.db")})
    with Store.open(cfg["db"]) as store:
        ingest(targets, store, cfg)
        link_new(store)
    return str(cfg["db"])


@pytest.fixture(scope="module")
def reference(reference_db: str) -> dict[str, dict[str, dict[str, Any]]]:
    with Store.open(reference_db) as store:
        return _by_kind([*store.records(KINDS), *story_records(store), *incident_records(store)])


@pytest.fixture(scope="module")
def unlinked(targets: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict[str, Any]]]:
    """What ingest stores before linking: the Spark job's output is that."""
    from storyline import settings

    cfg = settings.load({"db": str(tmp_path_factory.mktemp("unlinked") / "unlinked.db")})
    with Store.open(cfg["db"]) as store:
        ingest(targets, store, cfg, link=False)
        return _by_kind(list(store.records(KINDS)))


SET_WHEN = ("data", "created_at", "updated_at")  # when an incident appeared is the run's, not the input's


def _link_rows(store: Store) -> dict[str, set[tuple[Any, ...]]]:
    """Every row of the linking tables, and the input rows, as sets (their order is not part of them)."""
    from sqlalchemy import select

    from storyline.store import linkschema, schema

    tables = [*linkschema.LINK_TABLES, schema.inputs]
    with store.engine.connect() as conn:
        return {t.name: {tuple(r) for r in conn.execute(select(*[c for c in t.c if c.name not in SET_WHEN]))}
                for t in tables}


@pytest.fixture(scope="module")
def spark_output(spark: Any, targets: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    from storyline import settings
    from storyline.scale.spark import run

    output = str(tmp_path_factory.mktemp("spark") / "out")
    return output, run(targets, output, settings.load({}), spark=spark)


def _by_kind(records: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in COMPARED}
    for r in records:
        if r["kind"] in out:
            assert r["id"] not in out[r["kind"]], f"two {r['kind']} records with id {r['id']}"
            out[r["kind"]][r["id"]] = r
    return out


def _spark_records(output: str) -> dict[str, dict[str, dict[str, Any]]]:
    from storyline.scale.codec import DOCUMENT_BOOKKEEPING, read_rows

    records = []
    for kind in PER_DOCUMENT:
        for r in read_rows(output, kind):
            if kind == "document":
                r = {k: v for k, v in r.items() if k not in DOCUMENT_BOOKKEEPING}
            records.append(r)
    return _by_kind(records)


def test_the_reference_exercises_every_case(reference: dict[str, dict[str, dict[str, Any]]]) -> None:
    docs = reference["document"].values()
    # the syndicated copy, the WARC/JSONL copy and the edited repost
    assert sum(d["duplicate_of"] is not None for d in docs) >= 3
    assert any("#" in d["source"] and d["source"].split("#")[0].endswith(".warc.gz") for d in docs)
    assert len(reference["ingest_error"]) >= 3  # the broken line, the empty file, the missing path
    assert reference["event"] and reference["quote"] and reference["story"] and reference["incident"]


@pytest.mark.parametrize("kind", PER_DOCUMENT)
def test_spark_gives_the_records_ingest_gives(kind: str, unlinked: dict[str, dict[str, dict[str, Any]]],
                                              spark_output: tuple[str, Any]) -> None:
    got = _spark_records(spark_output[0])[kind]
    want = unlinked[kind]
    assert sorted(got) == sorted(want), f"{kind}: ids differ"
    for key, record in want.items():
        assert got[key] == record, f"{kind} {key} differs"


def test_reading_and_writing_through_hadoop_gives_the_same_datasets(spark: Any, targets: list[str], spark_output: tuple[str, Any],
                                                       tmp_path: Path) -> None:
    """On a cluster, files are read through Hadoop (binaryFiles) and written by Spark's DataFrame
    writer instead of by the Python tasks themselves: same records, same columns and types."""
    import pyarrow.parquet as pq

    from storyline import settings
    from storyline.scale.codec import dataset_files, read_rows
    from storyline.scale.spark import OUTPUT_KINDS, run

    def rows(out: str, kind: str) -> list[str]:
        return sorted(json.dumps(r, sort_keys=True) for r in read_rows(out, kind))

    output = str(tmp_path / "out")
    run(targets, output, settings.load({}), spark=spark, io="hadoop")
    for kind in OUTPUT_KINDS:
        assert rows(output, kind) == rows(spark_output[0], kind), kind
        schemas = {str(pq.read_schema(fs.open_input_file(path)).remove_metadata()) for out in (output, spark_output[0])
                   for fs, path in dataset_files(out, kind)}
        assert len(schemas) == 1, f"{kind}: {schemas}"


def test_the_summary_counts_what_ingest_counts(spark_output: tuple[str, Any],
                                               reference: dict[str, dict[str, dict[str, Any]]]) -> None:
    summary = spark_output[1]
    assert summary.duplicate >= 2
    assert summary.new + summary.duplicate == len(reference["document"])
    assert summary.unchanged == 1  # the wire story named a second time
    assert summary.records["document"] == len(reference["document"])


def test_load_stores_what_ingest_stores_and_twice_changes_nothing(
        spark_output: tuple[str, Any], reference: dict[str, dict[str, dict[str, Any]]], reference_db: str,
        tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from storyline.scale.load import load
    from storyline.store import linkschema, schema

    with Store.open(str(tmp_path / "loaded.db")) as store:
        first = load(spark_output[0], store)
        loaded = _by_kind([*store.records(KINDS), *story_records(store), *incident_records(store)])
        assert {k: sorted(v) for k, v in loaded.items()} == {k: sorted(v) for k, v in reference.items()}
        assert loaded == reference
        with Store.open(reference_db) as ref:
            assert _link_rows(store) == _link_rows(ref)
        tables = [*schema.metadata.sorted_tables]
        with store.engine.connect() as conn:
            counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables
                      if t.name != "runs"}
        second = load(spark_output[0], store)
        with store.engine.connect() as conn:
            again = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables
                     if t.name != "runs"}
        assert again == counts
        assert first.inserted["document"] == len(reference["document"]) and second.inserted["document"] == 0
        assert counts[linkschema.stories.name] == len(reference["story"])
        # Linking the loaded store finds nothing new: the load linked what it brought.
        summary = link_new(store)
        assert (summary.documents, summary.events, summary.stories) == (0, 0, 0)


def test_a_loaded_store_links_new_documents_as_a_rebuild_would(spark_output: tuple[str, Any], tmp_path: Path) -> None:
    """A document ingested after the load extends the stories exactly as relinking everything would."""
    from sqlalchemy import select

    from storyline import settings
    from storyline.link import relink_all
    from storyline.scale.load import load
    from storyline.store import linkschema

    later = tmp_path / "later.txt"
    later.write_text("Mexico's foreign ministry condemned the US strike on a vessel in the southern Caribbean on "
                     "Tuesday and demanded an explanation from Washington, calling the attack a violation of "
                     "international law, officials said in Mexico City.\n", encoding="utf-8")
    cfg = settings.load({"db": str(tmp_path / "loaded.db")})

    def snapshot(store: Store) -> list[Any]:
        with store.engine.connect() as conn:
            return [sorted(json.dumps({k: v for k, v in r._asdict().items() if k not in ("created_at", "updated_at")},
                                      sort_keys=True, default=str)
                           for r in conn.execute(select(t)).all())
                    for t in (linkschema.stories, linkschema.link_clusters, linkschema.link_events)]

    with Store.open(cfg["db"]) as store:
        load(spark_output[0], store)
        summary = ingest([str(later)], store, cfg)
        assert summary.new == 1 and summary.link["events"] >= 1
        incremental = snapshot(store)
        relink_all(store)
        assert snapshot(store) == incremental
