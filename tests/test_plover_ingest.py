"""Every PLOVER gold sentence, written as a one-line JSONL article, is stored by `storyline ingest`.

A one-sentence brief is a valid article; the dump classifier's length gates are for page dumps.
Reads ../shared/data/plover/PLOVER_GSR_CAMEO.json and skips with a message when it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_every_plover_gold_sentence_is_stored(shared: Path, tmp_path: Path) -> None:
    gold = json.loads((shared / "data" / "plover" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    sentences = [g["text"] for g in gold if g.get("event") != "DOCUMENT" and g.get("text")]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in sentences), encoding="utf-8")
    db = str(tmp_path / "gold.db")
    done = subprocess.run([sys.executable, "-m", "storyline", "ingest", str(path), "--db", db, "--quiet",
                           "--strict"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    from storyline.store.db import Store

    with Store.open(db) as store:
        assert store.count("ingest_error") == 0
        assert store.count("document") == len(sentences) == 322
        texts = {" ".join(r["text"].split()) for r in store.records(["document"])}
    assert texts == {" ".join(t.split()) for t in sentences}  # each kept whole, word for word
