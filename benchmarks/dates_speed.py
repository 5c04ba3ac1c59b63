"""Speed of the dates stage: characters per second of `find_dates` over the seed pages.

Reads the three seed pages from ../shared/eval/seeds (relative to the repository root),
joins them, repeats the text 200 times and times one `find_dates` call over it (after
one warm-up call that compiles the lexicon). Prints the figure.

    .venv/bin/python benchmarks/dates_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.pipeline.dates import find_dates

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "seeds"
REPEAT = 200


def main() -> int:
    pages = sorted(SEEDS.glob("*.txt"))
    if not pages:
        print(f"No seed pages in {SEEDS}; nothing to measure.", file=sys.stderr)
        return 1
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages) * REPEAT
    find_dates(text[:10_000], "2025-11-18")  # warm-up: lexicon load and regex compile
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        found = find_dates(text, "2025-11-18")
        best = min(best, time.perf_counter() - t0)
    print(f"{len(text):,} characters, {len(found):,} date mentions, best of 3: {best:.3f} s, "
          f"{len(text) / best:,.0f} characters/second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
