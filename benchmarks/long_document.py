#!/usr/bin/env python3
"""Whether one long document costs time in proportion to its length (ingest and link through SQLite).

    .venv/bin/python benchmarks/long_document.py [--sizes 1000,4000,8000]

Two invented plain-text documents of N sentences each, every sentence carrying an event:
- "repeated": one sentence N times on one line (a stuck feed, a page of repeated boilerplate);
- "distinct": N different sentences (parties, verbs and days varied), as a long report reads.
Each is ingested with `storyline ingest` into a fresh SQLite store in a child process; the child's CPU
seconds, peak memory and the store's size are printed per size, with the CPU per sentence (less the CPU of
ingesting a five-sentence document, which is mostly loading the models) and, last,
the ratio of CPU per sentence at the largest size to that at the smallest (1.0: linear; 16 at 16x the
length would be quadratic). The smallest size is the reference in the same run. JSON last.
Needs no data from ../shared.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_figures

COUNTRIES = ["France", "Spain", "Peru", "Chile", "Kenya", "Ghana", "Japan", "Vietnam", "Poland", "Norway",
             "Egypt", "Jordan", "Mexico", "Canada", "Turkey", "Greece", "Nepal", "India", "Brazil", "Bolivia"]
ACTS = ["The army of {a} shelled villages in {b} on {d}, officials said.",
        "The government of {a} accused {b} of sheltering rebels on {d}.",
        "Police in {a} arrested twelve protesters on {d} after a march against {b}.",
        "The foreign minister of {a} met his counterpart from {b} on {d} to discuss a truce.",
        "{a} threatened to impose sanctions on {b} on {d}, a spokesman said."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def document(shape: str, n: int) -> str:
    if shape == "repeated":
        return (ACTS[0].format(a="France", b="Spain", d="Monday") + " ") * n
    pairs = [(a, b) for a, b in itertools.permutations(COUNTRIES, 2)]
    lines = []
    for k in range(n):
        a, b = pairs[(k * 7) % len(pairs)]
        lines.append(ACTS[k % len(ACTS)].format(a=a, b=b, d=DAYS[k % len(DAYS)]))
    # paragraphs of five sentences
    return "\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, n, 5))


def run(text: str, folder: Path, name: str) -> dict[str, Any]:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    db = folder / f"{name}.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "storyline", "ingest", str(path), "--db", f"sqlite:///{db}"],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"ingest of {path} failed: {done.stderr.strip()[-400:]}")
    return {"cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "peak_rss_mb": round(after.ru_maxrss / 1024),  # the largest child so far
            "store_mb": round(db.stat().st_size / 1e6, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,4000,8000", help="sentences per document, comma-separated")
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split(","))
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        start = run(document("distinct", 5), Path(tmp), "five")["cpu_s"]  # mostly loading the models
        figures["startup_cpu_s"] = start
        for shape in ("repeated", "distinct"):
            per: dict[int, float] = {}
            for n in sizes:
                r = run(document(shape, n), Path(tmp), f"{shape}{n}")
                per[n] = max(r["cpu_s"] - start, 0.0) / n
                figures[f"{shape}_{n}"] = {**r, "ms_per_sentence": round(1000 * per[n], 2)}
            figures[f"{shape}_growth"] = round(per[sizes[-1]] / per[sizes[0]], 2)
    return print_figures(figures, width=18)


if __name__ == "__main__":
    sys.exit(main())
