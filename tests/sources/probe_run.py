"""Run one `ingest` in this process and print what the store holds, as JSON (used by test_bad_inputs.py).

    python probe_run.py SPEC.json

SPEC: {"db": path, "targets": [...], "settings": {...}, "stages": [...] or null}. Prints one JSON line:
{"documents": {source: text}, "errors": [[source, stage, error]], "peak_rss_mb": N}. Run as a child
process so that an input that hangs or exhausts memory fails the test instead of the test run.
"""

from __future__ import annotations

import json
import resource
import sys


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.pipeline import build
    from storyline.store.db import Store

    cfg = settings.load({"db": spec["db"], **spec["settings"]})
    pipeline = build(spec["stages"]) if spec.get("stages") else None
    with Store.open(cfg["db"]) as store:
        ingest(spec["targets"], store, cfg, pipeline=pipeline)
        docs = {r["source"]: r["text"] for r in store.records(["document"])}
        errors = [[r["source"], r["stage"], r["error"]] for r in store.records(["ingest_error"])]
    print(json.dumps({"documents": docs, "errors": errors, "peak_rss_mb": round(_peak_mb(), 1)}))


def _peak_mb() -> float:
    """This process's own peak resident memory. Linux's ru_maxrss keeps the peak of the process that
    forked it (a large test runner) across exec, so VmHWM, which starts afresh with the new program,
    is read where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
