"""A run killed with SIGKILL, and two ingests writing one store at once: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from storyline.store import schema
from storyline.store.db import Store

CITIES = ["Culiacán", "Tijuana", "Ciudad Juárez", "Reynosa", "Monterrey", "Guadalajara"]


def article(n: int) -> str:
    city = CITIES[n % len(CITIES)]
    return (
        f"date 2025-0{1 + n % 9}-1{n % 10} Security operation number {n} in {city}\n\n"
        f"Mexican soldiers arrested {n + 3} suspected members of a drug cartel in {city} on Monday, the "
        f"Defense Ministry said in a statement, adding that {2 * n + 1} rifles had been seized.\n\n"
        f"\u201cThe operation {n} will continue until the region is safe,\u201d Security Minister Omar "
        f"García Harfuch told reporters in Mexico City.\n"
    )


def write_corpus(folder: Path, numbers: range, prefix: str = "a") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"{prefix}{n:04d}.txt").write_text(article(n), encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.txt"))


def storyline(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "storyline", *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def count(db: str, table: Any) -> int:
    with Store.open(db) as store, store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def derived_ids(db: str) -> dict[str, set[str]]:
    with Store.open(db) as store:
        return {kind: {r["id"] for r in store.records([kind])} for kind in ("document", "quote", "claim", "mention")}


@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    return any_backend_db_url


@pytest.mark.slow
def test_a_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, db_url: str) -> None:
    files = write_corpus(tmp_path / "in", range(240))
    env = {"STORYLINE_BATCH_SIZE": "5"}
    proc = storyline("ingest", str(tmp_path / "in"), "--db", db_url, "-q", env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            if count(db_url, schema.documents) >= 40:
                break
        except Exception:  # the schema may not exist yet in the first instants
            continue
    assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_at_kill = count(db_url, schema.documents)
    assert 0 < stored_at_kill < len(files)

    rerun = storyline("ingest", str(tmp_path / "in"), "--db", db_url, "-q", env=env)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert count(db_url, schema.documents) == len(files)
    assert count(db_url, schema.inputs) == len(files)
    # Every derived record is there: the same as a run that was never interrupted.
    reference = str(tmp_path / "reference.db")
    clean = storyline("ingest", str(tmp_path / "in"), "--db", reference, "-q")
    assert clean.wait(timeout=300) == 0
    assert derived_ids(db_url) == derived_ids(reference)


@pytest.mark.slow
@pytest.mark.postgres
def test_concurrent_ingests_into_one_postgres_store(tmp_path: Path, db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("concurrent writers are a PostgreSQL matter; SQLite serialises them")
    first = write_corpus(tmp_path / "one", range(60))
    # The second run overlaps the first on 30 files and carries 10 exact copies under other names.
    second_dir = tmp_path / "two"
    write_corpus(second_dir, range(30, 60))
    write_corpus(second_dir, range(0, 10), prefix="copy-")
    env = {"STORYLINE_BATCH_SIZE": "3"}
    procs = [storyline("ingest", *first, "--db", db_url, "-q", env=env),
             storyline("ingest", str(second_dir), "--db", db_url, "-q", env=env)]
    for proc in procs:
        assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    with Store.open(db_url) as store:
        docs = list(store.records(["document"]))
    sources = [d["source"] for d in docs]
    assert len(sources) == len(set(sources))  # no source stored twice
    # 60 originals + 30 overlapping files from the second folder (copies under other paths) + 10 named copies.
    assert len(docs) == 100
    # Each distinct text is stored once as itself and every other copy points inside its group. (The template
    # texts are also near-duplicates of one another, which linking may record across groups.)
    groups: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        groups.setdefault(d["text"], []).append(d)
    assert len(groups) == 60
    by_id = {d["id"]: d for d in docs}

    def root(d: dict[str, Any]) -> str:
        seen = set()
        while d["duplicate_of"] and d["id"] not in seen:
            seen.add(d["id"])
            d = by_id[d["duplicate_of"]]  # every pointer lands on a stored document
        return str(d["id"])

    for group in groups.values():
        # one canonical per text: every copy leads to the same original (the earliest published of its
        # near-duplicate group, which may be a copy of another template text)
        assert len({root(d) for d in group}) == 1, [(d["id"], d["duplicate_of"]) for d in group]
