"""Shared by the benchmark scripts: where ../shared is, peak memory, timing a pipeline stage by stage,
and printing the figures (one line each, then JSON)."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_or_exit(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} is absent (the benchmark data lives in ../shared beside the project)")
        sys.exit(0)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_timed(pipeline: Any, doc: Any, cpu: dict[str, float]) -> Any:
    """Run `pipeline` (from `storyline.pipeline.build`) on `doc` one stage at a time, adding each stage's
    CPU seconds (`time.process_time`) to `cpu[stage name]`. A stage's error propagates; the stages before
    it stay counted."""
    for stage, fn in zip(pipeline.stages, pipeline.fns, strict=True):
        t0 = time.process_time()
        try:
            doc = fn(doc)
        finally:
            cpu[stage.name] += time.process_time() - t0
    return doc


def print_figures(figures: dict[str, Any], width: int = 28) -> int:
    """Each figure on its own line, then all of them as one JSON line (what the scripts end with)."""
    for k, v in figures.items():
        print(f"{k:{width}} {v}")
    print(json.dumps(figures))
    return 0
