"""Ingest 100,000 small documents into SQLite and watch memory stay flat.

    python benchmarks/ingest_100k.py [--count 100000] [--stages all]

Writes a JSON Lines file of short wire briefs (generated, each different, published
over `--days` days in date order, as an archive of a year of news is read), then
ingests it with the library's `ingest()` into a fresh SQLite store, linking included
(ingest links every 2,000 new documents), sampling the resident set size every 5% of
the way. Prints documents per second, the RSS samples, the peak RSS, and the growth
from the first sample to the last: with batched writes, streaming readers and
linking in blocks of a month it should not grow with the number of documents. The
last line is JSON.

The briefs come from a handful of templates (5 actors, 4 verbs, 8 cities), so every
month holds thousands of near-identical events of one type and actor: a harder case
for linking than real news. `--days 1` puts all of them on one day, the worst case
(one block per actor of 20,000 events).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import peak_rss_mb

CITIES = ["Culiacán", "Tijuana", "Ciudad Juárez", "Reynosa", "Monterrey", "Guadalajara", "Caracas", "Bogotá"]
ACTORS = ["Mexican soldiers", "Colombian police", "US Coast Guard crews", "Venezuelan troops", "Guatemalan officers"]
FIRST_DAY = dt.date(2025, 1, 1)
VERBS = ["arrested", "detained", "questioned", "released"]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20  # MiB, as peak_rss_mb


def brief(n: int, rng: random.Random) -> str:
    city, actor, verb = rng.choice(CITIES), rng.choice(ACTORS), rng.choice(VERBS)
    return (f"{actor} {verb} {n % 97 + 2} suspects in {city} on Monday, officials said in a statement "
            f"numbered {n}. \u201cThe operation will continue,\u201d a spokesman told reporters.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--stages", default="all", help="comma-separated stages, or 'all'")
    ap.add_argument("--days", type=int, default=365, help="days the briefs' publication dates span")
    args = ap.parse_args()

    from storyline import settings
    from storyline.ingest import ingest
    from storyline.pipeline import build
    from storyline.store.db import Store

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "briefs.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for n in range(args.count):
                day = FIRST_DAY + dt.timedelta(days=n * args.days // args.count)
                f.write(json.dumps({"text": brief(n, rng), "published": day.isoformat()}) + "\n")
        cfg = settings.load({"db": str(Path(tmp) / "bench.db")})
        pipeline = build(None if args.stages == "all" else args.stages.split(","))
        samples: list[tuple[int, float]] = []
        every = max(args.count // 20, 1)
        done = 0

        def on_item(status: str, source: str) -> None:
            nonlocal done
            done += 1
            if done % every == 0:
                samples.append((done, round(rss_mb(), 1)))

        with Store.open(cfg["db"]) as store:
            started = time.perf_counter()
            summary = ingest([str(source)], store, cfg, pipeline=pipeline, on_item=on_item)
            seconds = time.perf_counter() - started
    growth = samples[-1][1] - samples[0][1] if samples else 0.0
    for n, mb in samples:
        print(f"{n:>8} documents  RSS {mb:7.1f} MB")
    print(f"{summary.new} new, {summary.failed} failed in {seconds:.1f}s = {args.count / seconds:.0f} docs/s; "
          f"peak RSS {peak_rss_mb():.1f} MB; growth from first to last sample {growth:+.1f} MB")
    print(f"linking: {summary.link}")
    print(json.dumps({"documents": args.count, "days": args.days, "new": summary.new, "seconds": round(seconds, 1),
                      "docs_per_second": round(args.count / seconds, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
                      "rss_growth_mb": round(growth, 1), "samples": samples}))


if __name__ == "__main__":
    main()
