"""Single process vs a process pool vs Spark local[2], on the same 2,000 documents.

    .venv/bin/python benchmarks/scale_compare.py [--docs 2000] [--workers 2] [--master local[2]]

The documents are the 181 Scrapinghub pages (../shared/data/scrapinghub/html/*.html.gz),
repeated, each repeat with one sentence added to a paragraph in the middle of the page so the
texts differ (the repeats are then near-duplicates of one another, which the linking step has to
find). Skipped with a message when the pages are absent.

Three runs over the same files:
- single: `storyline.ingest.ingest(workers=1)` into a fresh SQLite store, linking included;
- pool: the same with `workers=2` (the pipeline in `scale.pool.process_many`);
- spark: `scale.spark.run` in the given master (pipeline, ids, linking, Parquet), timed apart
  from starting the SparkSession (JVM start-up), which is reported separately.

Printed: documents/s of each (ingest phase, and with linking), the Spark/single and pool/single
ratios, Spark start-up seconds, and whether the record ids per kind are identical across the three.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import shared_or_exit

TEXT_NODE = re.compile(r">([^<>]{80,})<")
SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
KINDS = ("document", "event", "quote", "claim", "citation_issue", "mention", "ingest_error", "story")


def _anchor(html: str, clean_text: str) -> int:
    """Where to add a sentence so the clean text changes: before a body paragraph found in the HTML."""
    body = max(html.lower().find("<body"), 0)
    masked = SCRIPT.sub(lambda m: "<" * len(m.group()), html)  # same offsets, no text inside scripts
    for para in sorted(clean_text.split("\n\n"), key=len, reverse=True)[:5]:
        words = para.split()
        for n in (8, 5, 3):
            snippet = " ".join(words[:n])
            at = masked.find(snippet, body) if len(snippet) > 12 else -1
            if at >= 0:
                return at
    longest = max(TEXT_NODE.finditer(masked, body), key=lambda m: len(m.group(1).strip()), default=None)
    return longest.start(1) if longest else body


def build_corpus(pages: list[Path], n: int, folder: Path) -> None:
    """n HTML files: page i % len(pages); repeat k adds one sentence to a paragraph of the article
    body (located through the clean stage, so the clean text changes too)."""
    from storyline.model import RawInput
    from storyline.pipeline import build
    from storyline.pipeline.run import to_document

    clean = build(["clean"])
    folder.mkdir(parents=True, exist_ok=True)
    anchors: dict[int, int] = {}
    for i in range(n):
        page = i % len(pages)
        html = gzip.decompress(pages[page].read_bytes()).decode("utf-8", "replace")
        k = i // len(pages)
        if k:
            if page not in anchors:
                try:
                    text = clean(to_document(RawInput(str(pages[page]), html.encode("utf-8"), "html"))).text
                except Exception:  # a page the clean stage refuses: any place will do
                    text = ""
                anchors[page] = _anchor(html, text)
            at = anchors[page]
            sentence = (f"Edition {k} of this page adds that {k * 7 + 3} readers wrote in about it "
                        f"on day {k} of the series. ")
            html = html[:at] + sentence + html[at:]
        (folder / f"{i:05d}.html").write_text(html, encoding="utf-8")


def store_ids(db: str) -> dict[str, set[str]]:
    from storyline.link import story_records
    from storyline.store.db import Store

    with Store.open(db) as store:
        out: dict[str, set[str]] = {k: set() for k in KINDS}
        for r in store.records([k for k in KINDS if k != "story"]):
            out[r["kind"]].add(r["id"])
        out["story"] = {r["id"] for r in story_records(store)}
    return out


def parquet_ids(output: str) -> dict[str, set[str]]:
    from storyline.scale.codec import read_rows

    return {k: {r["id"] for r in read_rows(output, k)} for k in KINDS}


def run_ingest(corpus: str, db: str, workers: int) -> tuple[float, float]:
    """`storyline ingest` (library) with linking; returns (seconds without linking, seconds in all)."""
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.store.db import Store

    cfg = settings.load({"db": db})
    with Store.open(db) as store:
        summary = ingest([corpus], store, cfg, workers=workers)
    return summary.seconds - float(summary.link.get("seconds", 0.0)), summary.seconds


def run_spark(corpus: str, output: str, master: str) -> tuple[float, Any]:
    from storyline import settings
    from storyline.scale import spark

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    started = time.perf_counter()
    session = spark.session(master, {"spark.ui.showConsoleProgress": "false", "spark.driver.memory": "3g"})
    startup = time.perf_counter() - started
    try:
        summary = spark.run([corpus], output, settings.load({}), spark=session)
    finally:
        session.stop()
    return startup, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--skip", action="append", default=[], choices=["single", "pool", "spark"])
    args = parser.parse_args()
    pages = sorted(shared_or_exit("data", "scrapinghub", "html").glob("*.html.gz"))
    if not pages:
        print("skipped: no Scrapinghub pages (*.html.gz) found")
        return
    with tempfile.TemporaryDirectory(prefix="storyline-scale-") as tmp:
        corpus = Path(tmp, "corpus")
        build_corpus(pages, args.docs, corpus)
        mb = sum(f.stat().st_size for f in corpus.iterdir()) / 1e6
        print(f"{args.docs} documents from {len(pages)} Scrapinghub pages, {mb:.1f} MB of HTML; "
              f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start")
        ids: dict[str, dict[str, set[str]]] = {}
        rate: dict[str, tuple[float, float]] = {}
        if "single" not in args.skip:
            ingested, total = run_ingest(str(corpus), str(Path(tmp, "single.db")), 1)
            rate["single"] = (args.docs / ingested, args.docs / total)
            ids["single"] = store_ids(str(Path(tmp, "single.db")))
            print(f"single process : {rate['single'][0]:6.2f} docs/s ingest ({ingested:.1f} s), "
                  f"{rate['single'][1]:6.2f} docs/s with linking ({total:.1f} s)")
        if "pool" not in args.skip:
            ingested, total = run_ingest(str(corpus), str(Path(tmp, "pool.db")), args.workers)
            rate["pool"] = (args.docs / ingested, args.docs / total)
            ids["pool"] = store_ids(str(Path(tmp, "pool.db")))
            print(f"pool x{args.workers}        : {rate['pool'][0]:6.2f} docs/s ingest ({ingested:.1f} s), "
                  f"{rate['pool'][1]:6.2f} docs/s with linking ({total:.1f} s)")
        if "spark" not in args.skip:
            output = str(Path(tmp, "spark-out"))
            startup, summary = run_spark(str(corpus), output, args.master)
            rate["spark"] = (args.docs / summary.seconds, args.docs / summary.seconds)
            ids["spark"] = parquet_ids(output)
            print(f"spark {args.master:9}: {rate['spark'][1]:6.2f} docs/s read+pipeline+linking+Parquet "
                  f"({summary.seconds:.1f} s; start-up {startup:.1f} s not included); {summary.as_dict()}")
        if "single" in rate:
            for name in ("pool", "spark"):
                if name in rate:
                    print(f"{name}/single: {rate[name][1] / rate['single'][1]:.2f}x with linking "
                          f"(both sides include linking; Spark start-up excluded)")
        names = list(ids)
        for kind in KINDS:
            counts = ", ".join(f"{n} {len(ids[n][kind])}" for n in names)
            same = all(ids[n][kind] == ids[names[0]][kind] for n in names)
            print(f"  {kind:15} identical ids: {'yes' if same else 'NO'} ({counts})")
        print("identical outputs:", "yes" if all(ids[n] == ids[names[0]] for n in names) else "NO")
        print(f"load average {os.getloadavg()[0]:.1f} at the end (other processes share the CPUs: "
              "ratios mean little when it is above the CPU count)")


if __name__ == "__main__":
    main()
