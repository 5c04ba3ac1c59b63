#!/usr/bin/env python3
"""What the language layer adds to the foundation's ingest time, on the Scrapinghub pages.

    .venv/bin/python benchmarks/language_layer.py [--rounds 3] [--profile N]

Reads the 181 pages of ../shared/data/scrapinghub/html/*.html.gz (skips with a
message when absent) and ingests them (`storyline.ingest.ingest`, into a fresh
SQLite store each time, linking off) with two pipelines built with
`storyline.pipeline.build`:

- the foundation: clean, language;
- foundation + language layer: clean, language, segment, dates, actors, places, quotes.

So the layer is charged for its stages and for writing the mentions and quotes
they produce. Both pipelines are warmed first; then rounds alternate
(foundation, layer, foundation, layer, ...) and each takes the best of
--rounds. Time is CPU time of this process (`time.process_time`): on a shared
machine wall time depends on the neighbours. The figure is the ratio

    (layer time - foundation time) / foundation time

that the issue caps at 0.30. Also printed: each layer stage's own CPU time, run
once over the cleaned pages (the stages after `language`, each timed alone, in
order), and with --profile N the N costliest functions of the layer stages under
cProfile (cumulative time). The last line is JSON with every figure.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gzip
import io
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, shared_or_exit

sys.path.insert(0, str(ROOT / "src"))

from storyline import settings
from storyline.errors import InputError
from storyline.ingest import ingest
from storyline.model import Document, RawInput
from storyline.pipeline import Pipeline, build
from storyline.pipeline.run import to_document
from storyline.store.db import Store

FOUNDATION = ["clean", "language"]
LAYER = ["segment", "dates", "actors", "places", "quotes"]
LIMIT = 0.30


def load_pages(folder: Path) -> list[RawInput]:
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        pages.append(RawInput(source=str(path), content=gzip.decompress(path.read_bytes()), format="html"))
    return pages


def clean_docs(pipeline: Pipeline, pages: list[RawInput]) -> list[Document]:
    """The documents the foundation gives, kept for timing the layer's stages one by one."""
    docs: list[Document] = []
    for raw in pages:
        try:
            docs.append(pipeline(to_document(raw)))
        except InputError:
            continue
    return docs


def ingest_seconds(pipeline: Pipeline, files: list[str]) -> float:
    """CPU seconds of a whole ingest of the files into a fresh SQLite store (records written, no linking)."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg = settings.load({"db": str(Path(tmp) / "bench.db")})
        with Store.open(cfg["db"]) as store:
            t0 = time.process_time()
            ingest(files, store, cfg, pipeline=pipeline, link=False)
            return time.process_time() - t0


def stage_times(cleaned: list[Document], fns: list[tuple[str, Callable[[Document], Document]]]) -> dict[str, float]:
    """Each layer stage's CPU seconds over the cleaned documents, run in order on copies."""
    docs = [copy.deepcopy(d) for d in cleaned]
    out = {}
    for name, fn in fns:
        t0 = time.process_time()
        for n, doc in enumerate(docs):
            docs[n] = fn(doc)
        out[name] = time.process_time() - t0
    return out


def profile(cleaned: list[Document], fns: list[tuple[str, Callable[[Document], Document]]], top: int) -> str:
    docs = [copy.deepcopy(d) for d in cleaned]
    prof = cProfile.Profile()
    prof.enable()
    for n, doc in enumerate(docs):
        for _, fn in fns:
            doc = fn(doc)
        docs[n] = doc
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest layer functions")
    args = ap.parse_args()
    pages = load_pages(shared_or_exit("data", "scrapinghub", "html"))
    if not pages:
        print("skipped: no .html.gz pages under ../shared/data/scrapinghub/html")
        return 0
    files = [p.source for p in pages]
    foundation = build(FOUNDATION)
    layered = build(FOUNDATION + LAYER)
    cleaned = clean_docs(foundation, pages)  # warms both: imports, lexicons, caches
    clean_docs(layered, pages[:20])
    best_f = best_l = float("inf")
    for _ in range(max(1, args.rounds)):
        best_f = min(best_f, ingest_seconds(foundation, files))
        best_l = min(best_l, ingest_seconds(layered, files))
    ratio = (best_l - best_f) / best_f
    layer_fns = list(zip(layered.names[len(FOUNDATION) :], layered.fns[len(FOUNDATION) :], strict=True))
    per_stage = stage_times(cleaned, layer_fns)
    print(f"pages                         {len(pages)} ({len(cleaned)} usable)")
    print(f"foundation ({', '.join(FOUNDATION)})   {best_f:.2f} s CPU (best of {args.rounds})")
    print(f"foundation + language layer   {best_l:.2f} s CPU (best of {args.rounds})")
    print(f"added by the layer            {best_l - best_f:.2f} s = {ratio:.3f} of the foundation "
          f"(limit {LIMIT:.2f}: {'met' if ratio <= LIMIT else 'NOT met'})")
    for name, sec in per_stage.items():
        print(f"  {name:<10} {sec:6.2f} s CPU  {sec / best_f:6.3f} of the foundation")
    if args.profile:
        print(profile(cleaned, layer_fns, args.profile))
    print(json.dumps({
        "pages": len(pages),
        "usable": len(cleaned),
        "rounds": args.rounds,
        "foundation_cpu_s": round(best_f, 3),
        "layered_cpu_s": round(best_l, 3),
        "ratio_added": round(ratio, 3),
        "limit": LIMIT,
        "met": ratio <= LIMIT,
        "stage_cpu_s": {k: round(v, 3) for k, v in per_stage.items()},
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
