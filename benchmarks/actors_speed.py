"""Speed of the actor and place stages: documents per second of `recognize` + `geocode`.

Reads the three seed pages from ../shared/eval/seeds (relative to the repository root),
runs both stages once to load the lexicon and build the matcher and gazetteer (timed
separately), then times the stages over the seed pages repeated 100 times. Prints the figures.

    .venv/bin/python benchmarks/actors_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.model import Document
from storyline.pipeline.actors import recognize
from storyline.pipeline.places import geocode

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "seeds"
REPEAT = 100


def main() -> int:
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not pages:
        print(f"No seed pages in {SEEDS}; nothing to measure.", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    geocode(recognize(Document(source="warm-up", text=pages[0], published="2025-11-18")))
    setup = time.perf_counter() - t0
    docs = [Document(source=f"seed-{i}", text=text, published="2025-11-18") for i, text in enumerate(pages)] * REPEAT
    t0 = time.perf_counter()
    mentions = 0
    for doc in docs:
        doc.mentions = []
        geocode(recognize(doc))
        mentions += len(doc.mentions)
    elapsed = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    print(f"setup (lexicon, matcher, gazetteer): {setup:.2f} s")
    print(f"{len(docs)} documents, {chars:,} characters, {mentions:,} mentions in {elapsed:.2f} s: "
          f"{len(docs) / elapsed:,.0f} documents/second, {1000 * elapsed / len(docs):.2f} ms/document")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
