"""Throughput of each pipeline stage on the Scrapinghub pages.

    python benchmarks/stages.py [--rounds 2]

Runs every stage of the pipeline over the 181 real pages of
../shared/data/scrapinghub and prints, per stage, CPU seconds, documents per
second and MB of clean text per second, and the share of the whole; then the
peak RSS. Each stage is timed on the documents the stages before it produced,
so the figures add up to one pass of the pipeline. The best of --rounds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import peak_rss_mb, shared_or_exit


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    folder = shared_or_exit("data", "scrapinghub", "html")
    pages = [(p.name, gzip.decompress(p.read_bytes())) for p in sorted(folder.glob("*.html.gz"))]

    from storyline.errors import InputError
    from storyline.model import RawInput
    from storyline.pipeline import build
    from storyline.pipeline.run import to_document

    pipeline = build()
    best: dict[str, float] = {}
    text_mb = 0.0
    for _ in range(args.rounds):
        spent = dict.fromkeys(pipeline.names, 0.0)
        text_mb = 0.0
        for name, html in pages:
            doc = to_document(RawInput(source=name, content=html, format="html"))
            try:
                for stage, fn in zip(pipeline.stages, pipeline.fns, strict=True):
                    t = time.process_time()
                    doc = fn(doc)
                    spent[stage.name] += time.process_time() - t
            except InputError:
                continue
            text_mb += len(doc.text.encode("utf-8")) / 1e6
        best = {k: min(v, best.get(k, float("inf"))) for k, v in spent.items()}
    total = sum(best.values())
    print(f"{'stage':12} {'cpu s':>8} {'docs/s':>9} {'MB/s':>8} {'share':>7}")
    for name, seconds in best.items():
        print(f"{name:12} {seconds:8.3f} {len(pages) / seconds:9.1f} {text_mb / seconds:8.2f} {seconds / total:7.1%}")
    print(f"{'all':12} {total:8.3f} {len(pages) / total:9.1f} {text_mb / total:8.2f}")
    print(f"peak RSS {peak_rss_mb():.1f} MB")
    print(json.dumps({"pages": len(pages), "cpu_seconds": {k: round(v, 3) for k, v in best.items()},
                      "docs_per_second": round(len(pages) / total, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}))


if __name__ == "__main__":
    main()
