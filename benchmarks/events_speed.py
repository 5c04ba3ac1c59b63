"""Speed of the event coder, alone and as part of the whole pipeline, on the Scrapinghub pages.

Reads ../shared/data/scrapinghub/html/*.html.gz (181 real pages), and in one run, after one
warm-up page (imports, lexicons, matchers):

- runs `build()` (every stage) over all pages, timing each stage's CPU time
  (`time.process_time`), and reports sentences per second for the `events` stage alone;
- runs `build(["clean", "language"])` (the foundation's ingest) over the same pages;
- prints the whole pipeline's CPU time over the foundation's, and the events stage's share.

Pages a stage refuses (an InputError) are counted and skipped in both runs.

    .venv/bin/python benchmarks/events_speed.py

The last line is JSON with every figure.
"""

from __future__ import annotations

import contextlib
import gzip
import sys
import time
from pathlib import Path

from storyline.errors import InputError
from storyline.model import Document
from storyline.pipeline import build

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import print_figures, run_timed, shared_or_exit


def _doc(path: Path) -> Document:
    raw = gzip.decompress(path.read_bytes())
    return Document(source=str(path), raw=raw, raw_format="html")


def main() -> int:
    pages = sorted(shared_or_exit("data", "scrapinghub", "html").glob("*.html.gz"))
    full, base = build(), build(["clean", "language"])
    with contextlib.suppress(InputError):
        full(_doc(pages[0]))
    per_stage = dict.fromkeys(full.names, 0.0)
    sentences = failed = 0
    for p in pages:
        try:
            doc = run_timed(full, _doc(p), per_stage)
        except InputError:
            failed += 1
            continue
        sentences += len(doc.sentences)
    t_full = sum(per_stage.values())
    t_base = 0.0
    for p in pages:
        doc = _doc(p)
        t0 = time.process_time()
        with contextlib.suppress(InputError):
            base(doc)
        t_base += time.process_time() - t0
    events_cpu = per_stage.get("events", 0.0)
    summary = {
        "pages": len(pages), "failed": failed, "sentences": sentences,
        "events_cpu_s": round(events_cpu, 3),
        "events_sentences_per_second": round(sentences / events_cpu, 1) if events_cpu else None,
        "pipeline_cpu_s": round(t_full, 2), "foundation_cpu_s": round(t_base, 2),
        "pipeline_over_foundation": round(t_full / t_base, 2) if t_base else None,
        "events_share_of_pipeline": round(events_cpu / t_full, 3) if t_full else None,
        "per_stage_cpu_s": {k: round(v, 2) for k, v in per_stage.items()},
    }
    return print_figures(summary)


if __name__ == "__main__":
    raise SystemExit(main())
