"""Speed of the actor and place stages: `recognize` and `geocode`, apart from their setup.

    .venv/bin/python benchmarks/actors_speed.py [--rounds 3]

Prints the one-time setup (lexicon, matcher, gazetteer: what the stages' `warm()` does when the
pipeline is built), then CPU seconds of each stage over the seed pages of ../shared/eval/seeds
repeated 100 times, and, when ../shared/data/scrapinghub is there, over its 181 real pages
(cleaned, segmented and dated once beforehand; the best of --rounds). Paths are relative to the
repository root.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED
from storyline.model import Document

SEEDS = SHARED / "eval" / "seeds"
PAGES = SHARED / "data" / "scrapinghub" / "html"
REPEAT = 100


def _setup() -> dict[str, float]:
    from storyline.lexicon import load_lexicon
    from storyline.pipeline.actormatch import matcher
    from storyline.pipeline.places import gazetteer

    spent = {}
    t = time.process_time()
    lex = load_lexicon()
    spent["lexicon"] = time.process_time() - t
    t = time.process_time()
    matcher(lex)
    spent["matcher"] = time.process_time() - t
    t = time.process_time()
    gazetteer(lex)
    spent["gazetteer"] = time.process_time() - t
    return spent


def _time_stages(docs: list[Document], rounds: int) -> tuple[float, float, int]:
    """Best-of-rounds CPU seconds of recognize and of geocode over `docs`, and the mentions made."""
    from storyline.pipeline.actors import recognize
    from storyline.pipeline.places import geocode

    best = (float("inf"), float("inf"))
    mentions = 0
    for _ in range(rounds):
        batch = copy.deepcopy(docs)
        actors = places = 0.0
        for doc in batch:
            t = time.process_time()
            recognize(doc)
            actors += time.process_time() - t
            t = time.process_time()
            geocode(doc)
            places += time.process_time() - t
        best = (min(best[0], actors), min(best[1], places))
        mentions = sum(len(d.mentions) for d in batch)
    return best[0], best[1], mentions


def _scrapinghub_docs() -> list[Document]:
    from storyline.errors import InputError
    from storyline.model import RawInput
    from storyline.pipeline import build
    from storyline.pipeline.run import to_document

    before = build(["clean", "language", "segment", "dates"])
    docs = []
    for path in sorted(PAGES.glob("*.html.gz")):
        raw = RawInput(source=path.name, content=gzip.decompress(path.read_bytes()), format="html")
        try:
            docs.append(before(to_document(raw)))
        except InputError:
            continue
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        print(f"No seed pages in {SEEDS}; nothing to measure.", file=sys.stderr)
        return 1
    setup = _setup()
    print("setup, once per process: " + ", ".join(f"{k} {v:.3f} s" for k, v in setup.items()))
    report: dict[str, object] = {"setup_cpu_seconds": {k: round(v, 3) for k, v in setup.items()}}
    seeds = [Document(source=f"seed-{i}", text=text, published="2025-11-18")
             for _ in range(REPEAT) for i, text in enumerate(pages)]
    actors, places, mentions = _time_stages(seeds, 1)
    per_doc = 1000 * (actors + places) / len(seeds)
    print(f"seeds x{REPEAT}: {len(seeds)} documents, {mentions:,} mentions; actors {actors:.3f} s, "
          f"places {places:.3f} s CPU ({per_doc:.2f} ms/document)")
    report["seeds"] = {"documents": len(seeds), "actors": round(actors, 3), "places": round(places, 3)}
    if PAGES.exists():
        docs = _scrapinghub_docs()
        actors, places, mentions = _time_stages(docs, args.rounds)
        print(f"scrapinghub: {len(docs)} pages, {mentions:,} mentions and dates; actors {actors:.3f} s "
              f"({1000 * actors / len(docs):.2f} ms/page), places {places:.3f} s ({1000 * places / len(docs):.2f} "
              f"ms/page) CPU, best of {args.rounds}")
        report["scrapinghub"] = {"pages": len(docs), "actors": round(actors, 3), "places": round(places, 3)}
    else:
        print(f"skipped the Scrapinghub pages: {PAGES} is absent")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
