"""Sentences per second through segment + claims + citations, over the seed pages repeated.

Usage: python benchmarks/claims_speed.py [--repeat N]

Reads the seed pages from ../shared/eval/seeds (relative to the repo root), drops the lines the
gold annotations mark as boilerplate (when the annotations are there), and runs the three stages
on fresh `Document`s, `repeat` times each. Prints one line per stage and one for all three.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyline.model import Document
from storyline.pipeline import citations
from storyline.pipeline.citations import check
from storyline.pipeline.claims import extract
from storyline.pipeline.segment import segment

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"


def seed_texts() -> list[str]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        sys.exit(f"No seed pages found in {SHARED / 'seeds'}; the shared eval data is kept outside the repo.")
    gold_path = SHARED / "gold" / "seeds.json"
    boiler: dict[str, set[int]] = {}
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        boiler = {g["file"]: set(g.get("boilerplate_lines", [])) for g in gold["documents"]}
    texts = []
    for path in seeds:
        lines = path.read_text(encoding="utf-8").split("\n")
        drop = boiler.get(path.name, set())
        texts.append("\n\n".join(line for n, line in enumerate(lines, 1) if n not in drop and line.strip()))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="how many times to run each seed page")
    args = parser.parse_args()
    texts = seed_texts()
    # Warm the lexicon caches so the first document does not pay for YAML loading.
    check(extract(segment(Document(source="warm", text=texts[0], language="en"))))

    timings = {"segment": 0.0, "claims": 0.0, "citations": 0.0}
    sentences = claims = issues = 0
    for _ in range(args.repeat):
        for text in texts:
            # Reference lists are cached per text (claims and citations share them); start cold each time.
            citations._reference_entries.cache_clear()
            doc = Document(source="bench", text=text, language="en")
            t0 = time.perf_counter()
            segment(doc)
            t1 = time.perf_counter()
            extract(doc)
            t2 = time.perf_counter()
            check(doc)
            t3 = time.perf_counter()
            timings["segment"] += t1 - t0
            timings["claims"] += t2 - t1
            timings["citations"] += t3 - t2
            sentences += len(doc.sentences)
            claims += len(doc.claims)
            issues += len(doc.citation_issues)
    total = sum(timings.values())
    print(f"{len(texts)} seed pages x {args.repeat}: {sentences} sentences, {claims} claims, {issues} citation issues")
    for name, seconds in timings.items():
        print(f"{name:<10} {sentences / seconds:>10,.0f} sentences/s")
    print(f"{'all three':<10} {sentences / total:>10,.0f} sentences/s")


if __name__ == "__main__":
    main()
