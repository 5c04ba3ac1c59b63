"""Two ingests into one SQLite file, real processes: nothing lost, nothing duplicated, nobody dies.

And a run killed (`kill -9`) after its documents were committed but before linking: the next run
links them. Each child runs `storyline.ingest` with the clean stage only (what is tested here is the
store and linking, not the coder), waiting on a start file so that both write at the same moment.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from storyline.store import linkschema, schema

CHILD = textwrap.dedent("""
    import json, os, signal, sys, time
    spec = json.loads(sys.argv[1])
    while not os.path.exists(spec["go"]):
        time.sleep(0.005)
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.pipeline import build
    from storyline.store.db import Store
    cfg = settings.load({"db": spec["db"], "batch_size": spec.get("batch", 200)})
    with Store.open(cfg["db"], batch_size=cfg["batch_size"]) as store:
        summary = ingest(spec["targets"], store, cfg, pipeline=build(["clean"]), link=spec.get("link", True))
        if spec.get("die"):
            os.kill(os.getpid(), signal.SIGKILL)
    print(json.dumps({**summary.as_dict(), "link": summary.link}))
""")

WORDS = ("harbour", "council", "ministry", "convoy", "border", "province", "tariff", "ceasefire", "drought",
         "election", "pipeline", "refinery", "garrison", "delegation", "embargo", "summit")


def article(n: int, salt: str = "") -> str:
    """A distinct article of ordinary sentences (distinct enough that no two are near-duplicates)."""
    w = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(8)]
    return (f"Officials said on Monday that the {w[0]} talks over the {w[1]} had stalled for a {n}th day{salt}. "
            f"The {w[2]} spokesman told reporters the {w[3]} near the {w[4]} would stay in place until "
            f"the {w[5]} agreed terms. Residents of the {w[6]} district said {n + 3} families had left "
            f"since the {w[7]} dispute began, and aid groups asked for access to the area.")


def write_inputs(folder: Path, start: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"a{n:03d}.txt").write_text(article(n) + "\n")


def start(db: Path, go: Path, targets: list[str], **spec: Any) -> subprocess.Popen[str]:
    payload = json.dumps({"db": str(db), "go": str(go), "targets": targets, **spec})
    return subprocess.Popen([sys.executable, "-c", CHILD, payload], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, f"an ingest died (exit {proc.returncode}):\n{err[-3000:]}"
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def table_count(db: Path, table: Any) -> int:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        n = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    engine.dispose()
    return n


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_two_ingests_into_one_fresh_file_at_once(tmp_path: Path, round_: int) -> None:
    """Both start on a file that does not exist yet (schema creation races), share 6 texts under two
    names each (the duplicate check races), and finish together (linking races)."""
    db, go = tmp_path / "shared.db", tmp_path / "go"
    write_inputs(tmp_path / "one", 0, 30)
    write_inputs(tmp_path / "two", 30, 30)
    for n in range(6):  # the same text under a name in each folder
        (tmp_path / "one" / f"copy{n}.txt").write_text(article(100 + n) + "\n")
        (tmp_path / "two" / f"copy{n}.txt").write_text(article(100 + n) + "\n")
    procs = [start(db, go, [str(tmp_path / "one")], batch=5), start(db, go, [str(tmp_path / "two")], batch=5)]
    time.sleep(1.5)  # both children past their imports and waiting
    go.touch()
    results = [finish(p) for p in procs]
    assert sum(r["failed"] for r in results) == 0
    # 60 distinct texts and 6 texts twice: 72 documents, 6 of them copies, every input row pointing home.
    assert table_count(db, schema.documents) == 72
    engine = create_engine(f"sqlite:///{db}")
    d, i = schema.documents, schema.inputs
    with engine.connect() as conn:
        copies = len(conn.execute(select(d.c.content_hash).group_by(d.c.content_hash)
                                  .having(func.count() == 2)).all())
        astray = conn.execute(select(func.count()).select_from(i.join(d, d.c.id == i.c.document_id))
                              .where(d.c.source != i.c.source)).scalar_one()
        linked = conn.execute(select(func.count()).select_from(linkschema.link_documents)).scalar_one()
    engine.dispose()
    assert copies == 6  # each shared text stored under both its names
    assert astray == 0
    assert linked == 72  # every document linked, by one run or the other


@pytest.mark.slow
def test_many_processes_opening_a_new_store_at_once(tmp_path: Path) -> None:
    db, go = tmp_path / "new.db", tmp_path / "go"
    write_inputs(tmp_path / "in", 0, 1)
    procs = [start(db, go, [str(tmp_path / "in")]) for _ in range(4)]
    time.sleep(1.5)
    go.touch()
    results = [finish(p) for p in procs]
    assert sorted(r["new"] + r["unchanged"] for r in results) == [1, 1, 1, 1]
    assert table_count(db, schema.documents) == 1


def test_a_run_killed_before_linking_is_linked_by_the_next(tmp_path: Path) -> None:
    db, go = tmp_path / "k.db", tmp_path / "go"
    go.touch()
    write_inputs(tmp_path / "in", 0, 12)
    proc = start(db, go, [str(tmp_path / "in")], link=False, die=True)  # commits, then kill -9 before linking
    proc.communicate(timeout=240)
    assert proc.returncode == -signal.SIGKILL
    assert table_count(db, schema.documents) == 12
    assert table_count(db, linkschema.link_documents) == 0
    again = finish(start(db, go, [str(tmp_path / "in")]))
    assert again["unchanged"] == 12 and again["new"] == 0
    assert again["link"]["documents"] == 12  # linking resumed from what was pending
    assert table_count(db, linkschema.link_documents) == 12


def test_an_input_row_left_pointing_at_another_copy_is_repaired(tmp_path: Path) -> None:
    """What an older version's race left: B's input row points at A's document and B has none."""
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.model import RawInput, stable_id
    from storyline.pipeline import build
    from storyline.store.db import Store

    (tmp_path / "a.txt").write_text(article(1) + "\n")
    (tmp_path / "b.txt").write_text(article(1) + "\n")
    cfg = settings.load({"db": str(tmp_path / "r.db")})
    clean = build(["clean"])
    with Store.open(cfg["db"]) as store:
        ingest([str(tmp_path / "a.txt")], store, cfg, pipeline=clean, link=False)
        with store.engine.begin() as conn:
            (doc_id,) = conn.execute(select(schema.documents.c.id)).one()
            raw = RawInput(source=str(tmp_path / "b.txt"), content=(tmp_path / "b.txt").read_bytes(), format="text",
                           key=os.path.realpath(tmp_path / "b.txt"))
            conn.execute(schema.inputs.insert().values(id=stable_id(raw.key, raw.raw_hash), source=raw.source,
                                                       raw_hash=raw.raw_hash, document_id=doc_id))
        summary = ingest([str(tmp_path / "b.txt")], store, cfg, pipeline=clean, link=False)
        assert summary.duplicate == 1  # not "unchanged": the row pointed astray
        assert store.count("document") == 2
        again = ingest([str(tmp_path / "b.txt")], store, cfg, pipeline=clean, link=False)
        assert again.unchanged == 1 and store.count("document") == 2
