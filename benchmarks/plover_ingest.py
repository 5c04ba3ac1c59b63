"""The PLOVER gold sentences as short articles through `storyline ingest` (../shared/data/plover).

Each of the gold file's event records (all but the file's DOCUMENT notes) becomes one JSON Lines
article, `{"text": sentence, "published": date}`, and the file goes through the real command,
`storyline ingest`, into a fresh SQLite store. A one-sentence brief is a valid article, so every
line should be stored as a document (a sentence the file codes twice is stored twice, the second
as an exact copy). Prints the documents stored out of the lines written, the refusals by stage
and the command's exit status; last, one JSON line.

    python benchmarks/plover_ingest.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import shared_or_exit


def articles(gold: list[dict]) -> list[dict]:
    return [{"text": g["text"], "published": g.get("date") or None}
            for g in gold if g.get("event") != "DOCUMENT" and g.get("text")]


def main() -> None:
    gold = json.loads(shared_or_exit("data", "plover", "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    lines = articles(gold)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "plover-gold.jsonl")
        path.write_text("".join(json.dumps(a) + "\n" for a in lines), encoding="utf-8")
        db = str(Path(tmp, "plover.db"))
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "storyline", "ingest", str(path), "--db", db, "--quiet"],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        from storyline.store.db import Store

        with Store.open(db) as store:
            stored = store.count("document")
            stages = Counter(r["stage"] for r in store.records(["ingest_error"]))
            events = store.count("event")
    print(f"lines written      {len(lines)} (distinct sentences: {len({a['text'] for a in lines})})")
    print(f"documents stored   {stored} of {len(lines)}")
    print(f"refused, by stage  {dict(stages) or 'none'}")
    print(f"events coded       {events}")
    print(f"exit status        {done.returncode}; {seconds:.1f} s")
    if done.stderr.strip():
        print(done.stderr.strip()[-2000:])
    print(json.dumps({"lines": len(lines), "documents": stored, "refused": dict(stages), "events": events,
                      "exit": done.returncode, "seconds": round(seconds, 1)}))


if __name__ == "__main__":
    main()
