"""What a Spark run reads: files in ingest's order and spelling, and errors for what it cannot read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import MissingExtraError, UsageError
from storyline.model import IngestError, RawInput
from storyline.scale.inputs import order_key, plan, raw_inputs, uri_key
from storyline.sources import read_inputs


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Mexico protested on Monday.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input kind", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (tmp_path / "feed.rss").write_text("<rss><channel></channel></rss>", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 500, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
    return tmp_path


def test_files_come_in_ingest_order_with_ingest_sources(folder: Path, cfg: dict[str, Any]) -> None:
    cfg = {**cfg, "max_bytes": 100}
    targets = [str(folder), str(folder / "a.txt"), str(folder / "nope.html"), str(folder / "*.txt")]
    tasks, errors = plan(targets, cfg)
    expected = [str(folder / "a.txt"), str(folder / "two.jsonl"), str(folder / "b" / "z.html"),
                str(folder / "a.txt"), str(folder / "a.txt")]
    assert [t.source for t in tasks] == expected
    ingest_files = [r.source.split("#")[0] for r in read_inputs(targets, cfg) if isinstance(r, RawInput)]
    assert list(dict.fromkeys(ingest_files)) == list(dict.fromkeys(expected))
    assert [t.index for t in tasks] == sorted(t.index for t in tasks)
    assert {(e.source.rsplit("/", 1)[-1], e.stage) for e in errors} == {
        ("big.txt", "read"), ("feed.rss", "read"), ("nope.html", "read"), ("notes.md", "skip")}
    assert "over the size cap" in next(e.error for e in errors if e.source.endswith("big.txt"))


@pytest.mark.parametrize("target", ["https://example.com/page", "-"])
def test_urls_and_stdin_are_for_ingest(target: str, cfg: dict[str, Any]) -> None:
    with pytest.raises(UsageError, match="storyline ingest"):
        plan([target], cfg)


def test_a_file_reads_as_ingest_reads_it(folder: Path, cfg: dict[str, Any]) -> None:
    tasks, _ = plan([str(folder / "two.jsonl")], cfg)
    got = list(raw_inputs((folder / "two.jsonl").read_bytes(), tasks[0], cfg))
    want = list(read_inputs([str(folder / "two.jsonl")], cfg))
    assert [(r.source, r.content, r.raw_hash) for r in got] == [(r.source, r.content, r.raw_hash) for r in want]


def test_an_empty_file_is_an_error_not_a_crash(tmp_path: Path, cfg: dict[str, Any]) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    tasks, _ = plan([str(tmp_path / "e.txt")], cfg)
    (err,) = raw_inputs(b"", tasks[0], cfg)
    assert isinstance(err, IngestError) and err.stage == "read"


@pytest.mark.parametrize(("a", "b"), [((0, 9), (1, 0)), ((2, 10), (10, 2)), ((9, 99), (10, 0))])
def test_order_keys_sort_like_reading_order(a: tuple[int, int], b: tuple[int, int]) -> None:
    assert order_key(*a) < order_key(*b)


@pytest.mark.parametrize("uri", ["file:/tmp/a b.html", "file:///tmp/a b.html", "file://tmp/a b.html"])
def test_uri_spellings_of_one_local_file_meet(uri: str) -> None:
    assert uri_key(uri) == "file:/tmp/a b.html"


def test_a_missing_pyspark_names_the_pip_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.scale import spark

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'storyline\[spark\]'"):
        spark.session()
