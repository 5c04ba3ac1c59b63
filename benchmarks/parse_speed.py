#!/usr/bin/env python3
"""What the parse stage costs and how much of the text it reads, on the Scrapinghub pages.

    .venv/bin/python benchmarks/parse_speed.py [--limit N]

Runs the whole pipeline on each of the 181 pages (../shared/data/scrapinghub/html/*.html.gz), timing every
stage on CPU (`time.process_time`), and prints: the parse stage's words per second (words of the sentences it
parsed), the share of sentences parsed (the others carry no trigger lemma candidate, quote mark or digit), and
each stage's share of the pipeline's CPU time. Skips with a message when ../shared is absent. JSON last.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from storyline.model import RawInput
from storyline.pipeline import build
from storyline.pipeline.parse import english
from storyline.pipeline.run import to_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_figures, run_timed, shared_or_exit


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    a = ap.parse_args()
    folder = shared_or_exit("data", "scrapinghub", "html")
    files = sorted(folder.glob("*.html.gz"))
    if a.limit:
        files = files[: a.limit]
    pipeline = build()
    cpu = dict.fromkeys(pipeline.names, 0.0)
    sentences = parsed = parsed_words = docs = 0
    for f in files:
        doc = to_document(RawInput(source=f.name, content=gzip.decompress(f.read_bytes()), format="html"))
        try:
            doc = run_timed(pipeline, doc, cpu)
        except Exception:  # a page the pipeline refuses counts for nothing here
            continue
        docs += 1
        sentences += len(doc.sentences)
        parsed += len(doc.parsed)
        parsed_words += sum(len(doc.sentences[k].text.split()) for k in doc.parsed)
    total = sum(cpu.values()) or 1.0
    out = {
        "documents": docs,
        "sentences": sentences,
        "parsed_share": round(parsed / max(sentences, 1), 3),
        "parse_words_per_second": round(parsed_words / max(cpu.get("parse", 0.0), 1e-9), 1),
        "parse_share_of_pipeline_cpu": round(cpu.get("parse", 0.0) / total, 3),
        "stage_cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        # lexemes spaCy's vocabulary holds after these pages (parse.VOCAB_KEPT bounds the words kept)
        "vocabulary_lexemes": len(english().vocab),
    }
    return print_figures(out, width=30)


if __name__ == "__main__":
    raise SystemExit(main())
