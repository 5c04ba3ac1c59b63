"""`storyline ingest` exit status, and a store that cannot be written, through the real command.

0 when at least one input was stored or already there; 1 when none was; 2 for a path that does not
exist (and no database is created); `--strict` exits 1 on any failure. A read-only database is one
line naming the file; `summary` and `serve` read it read-only (a real read-only bind mount; skipped
where this process may not mount).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

GOOD = ("Dockworkers in the port of Valmera walked off the job on Tuesday after talks with the harbour "
        "authority over night-shift pay collapsed, the union said. About 1,200 workers joined the strike.\n")


def storyline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_text("")
    return folder


def test_a_path_that_does_not_exist_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    done = storyline("ingest", str(tmp_path / "missing.txt"), "--db", str(db))
    assert done.returncode == 2
    assert "missing.txt" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


@pytest.mark.slow
def test_exit_status_follows_what_was_stored(tmp_path: Path, pages: Path) -> None:
    db = str(tmp_path / "s.db")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    every_input_failed = storyline("ingest", str(bad), "--db", db)
    assert every_input_failed.returncode == 1, every_input_failed.stderr
    assert "no input was stored" in every_input_failed.stderr
    one_stored = storyline("ingest", str(pages), "--db", db)
    assert one_stored.returncode == 0, one_stored.stderr
    already_there = storyline("ingest", str(pages / "good.txt"), "--db", db)
    assert already_there.returncode == 0
    strict = storyline("ingest", str(pages), "--db", db, "--strict")
    assert strict.returncode == 1 and "--strict" in strict.stderr


@pytest.mark.slow
def test_the_same_file_by_another_spelling_of_its_path_is_unchanged(tmp_path: Path, pages: Path) -> None:
    db = str(tmp_path / "p.db")
    first = storyline("ingest", "pages", "--db", db, cwd=tmp_path)
    assert first.returncode == 0 and "1 new" in first.stderr
    for spelling in (str(pages), "./pages/../pages/good.txt", str(pages / "good.txt")):
        again = storyline("ingest", spelling, "--db", db, cwd=tmp_path)
        assert "0 new, 0 duplicate, 1 unchanged" in again.stderr, (spelling, again.stderr)
    from storyline.store.db import Store

    with Store.open(db) as store:
        assert store.count("document") == 1


def test_path_spellings_are_one_input_in_the_library(tmp_path: Path, pages: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.pipeline import build
    from storyline.store.db import Store

    monkeypatch.chdir(tmp_path)
    cfg = settings.load({"db": str(tmp_path / "lib.db")})
    clean = build(["clean"])
    with Store.open(cfg["db"]) as store:
        first = ingest(["pages"], store, cfg, pipeline=clean, link=False)
        assert first.new == 1
        for spelling in (str(pages), "./pages/", "pages/../pages/good.txt"):
            again = ingest([spelling], store, cfg, pipeline=clean, link=False)
            assert (again.new, again.duplicate, again.unchanged) == (0, 0, 1), spelling
        assert store.count("document") == 1
        assert [r["source"] for r in store.records(["document"])] == ["pages/good.txt"]  # as first spelled


@pytest.fixture
def read_only_store(tmp_path: Path, pages: Path) -> Iterator[Path]:
    src, mnt = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    mnt.mkdir()
    assert storyline("ingest", str(pages / "good.txt"), "--db", str(src / "store.db")).returncode == 0
    bind = subprocess.run(["mount", "--bind", str(src), str(mnt)], capture_output=True, text=True)
    if bind.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here ({bind.stderr.strip()})")
    try:
        remount = subprocess.run(["mount", "-o", "remount,bind,ro", str(mnt)], capture_output=True, text=True)
        if remount.returncode != 0:
            pytest.skip(f"cannot make a read-only mount here ({remount.stderr.strip()})")
        yield mnt / "store.db"
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_a_read_only_store_is_one_line_to_ingest_and_readable_to_summary(read_only_store: Path,
                                                                          pages: Path) -> None:
    done = storyline("ingest", str(pages / "good.txt"), "--db", str(read_only_store))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(read_only_store) in lines[0] and "read-only" in lines[0] and "--db" in lines[0]
    summary = storyline("summary", "--db", str(read_only_store))
    assert summary.returncode == 0, summary.stderr
    assert "1 documents" in summary.stdout
    export = storyline("export", "--kind", "document", "--db", str(read_only_store))
    assert export.returncode == 0, export.stderr
    assert [json.loads(line)["kind"] for line in export.stdout.splitlines()] == ["document"]


def test_serve_reads_a_read_only_store(read_only_store: Path) -> None:
    from fastapi.testclient import TestClient

    from storyline.api import create_app

    with TestClient(create_app(str(read_only_store))) as client:
        answer = client.get("/api/documents", headers={"Accept": "application/json"})
        assert answer.status_code == 200
        assert len(answer.json()["items"]) == 1


def test_the_token_can_come_from_a_file(tmp_path: Path) -> None:
    from storyline import settings

    path = tmp_path / "token"
    path.write_text("s3cret-token\n")
    assert settings.load({"token_file": str(path)})["token"] == "s3cret-token"
