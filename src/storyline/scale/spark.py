"""`storyline spark run`: the per-document pipeline on Apache Spark, output as Parquet.

`run(inputs, output, master="local[2]")` reads WARC(.gz), JSON Lines, HTML and text files from
local paths or any Hadoop-compatible path (`hdfs://`, `s3a://`, `file://`), runs the pipeline in
`mapPartitions` with one pipeline per Python worker (lexicons loaded once per executor process,
see `worker.py`), decides document ids as the store would (`identity.py`), and writes one Parquet
dataset per record kind under `output/<kind>/` in the schema of `codec.py`: the contract's
document, event, quote, claim, citation_issue and ingest_error, plus mention and input for
`storyline load`.

It stops at per-document records: cross-document linking (near-duplicates, incidents, stories)
runs in the store after `storyline load` (`load.py` calls `link.link_new`), so there is one
implementation of the merge rules and the original of a set of copies is decided with every copy
in view. A document's `duplicate_of` in the Parquet output is therefore only the store's first
guess for an exact copy (the first copy read), which linking corrects to the earliest published.

The records are those `storyline ingest` would store for the same inputs in the same order, with
the same ids, and after `storyline load` the store holds what ingest then linking gives (a test
checks both). Reading order is the order of the inputs as named, folders walked as ingest walks
them, records in file order.

Stages: files (binaryFiles over the files under the size cap, packed into about 8 MB splits, at
least 4 per core) -> raw inputs (spread out again when a few big WARC/JSONL files hold them) ->
pipeline (mapPartitions) -> ids (only the (order, source) pairs of texts read more than once are
grouped; every other document is `new` under its content hash, decided where it lies) -> Parquet.
When Spark runs locally and the output is a local folder, each task writes its partition's
records of every kind with pyarrow (`parquet.py`): one job for all kinds instead of one per kind.
Elsewhere (hdfs://, s3a://) Spark's DataFrame writer writes each kind, a few at a time. It does
not fetch URLs or feeds, and it does not touch a store (`load.py` does).
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, MissingExtraError, StorylineError
from ..ingest import IngestSummary
from ..model import IngestError
from . import codec, identity, inputs, parquet, worker

DEFAULT_MASTER = "local[2]"
# Tasks: at least 4 per core, so the last ones do not leave cores idle; at most about 8 MB of input
# each (50 HTML pages, 5-10 s of pipeline work), so Spark's per-task cost (~50 ms) stays under 1%.
TASKS_PER_CORE = 4
BYTES_PER_TASK = 8_000_000
CONCURRENT_WRITES = 4
OUTPUT_KINDS = ("document", "event", "quote", "claim", "citation_issue", "date_issue", "ingest_error", "mention",
                "input")


@dataclass
class SparkSummary(IngestSummary):
    files: int = 0
    records: dict[str, int] = field(default_factory=dict)
    startup_seconds: float = 0.0  # starting the SparkSession (JVM), not in `seconds`
    phases: dict[str, float] = field(default_factory=dict)  # seconds: pipeline, records, write

    def as_dict(self) -> dict[str, Any]:
        return {"files": self.files, "new": self.new, "duplicate": self.duplicate,
                "unchanged": self.unchanged, "failed": self.failed, "records": dict(self.records),
                "startup_seconds": round(self.startup_seconds, 3), "seconds": round(self.seconds, 3),
                "phases": {k: round(v, 2) for k, v in self.phases.items()},
                "per_second": round(self.per_second, 2)}


def _require_spark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("The Spark job", "spark", "pyspark") from exc
    java_home = os.environ.get("JAVA_HOME")
    if not (shutil.which("java") or (java_home and os.path.exists(os.path.join(java_home, "bin", "java")))):
        raise ConfigError("The Spark job needs Java 17 or newer, and no `java` was found: install a JDK "
                          "(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME")


def session(master: str = DEFAULT_MASTER, conf: dict[str, str] | None = None) -> Any:
    """A SparkSession whose Python workers run this interpreter (unless PYSPARK_PYTHON says otherwise)."""
    _require_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName("storyline")
               .config("spark.ui.enabled", "false")
               .config("spark.python.worker.reuse", "true")  # keeps each worker's pipeline for later tasks
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.parquet.compression.codec", "zstd")
               # binaryFiles packs files into splits of at most this many bytes (Spark's default, 128 MB,
               # gives 3 tasks for 350 MB of pages on 2 cores: the last one runs alone)
               .config("spark.files.maxPartitionBytes", str(BYTES_PER_TASK)))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# --- executor side: module-level functions, so Spark ships them by reference -------------------------

def _escape(uri: str) -> str:
    """A path for Hadoop's comma-separated, glob-expanded input list, taken literally."""
    return "".join("\\" + c if c in ",{}[]*?\\" else c for c in uri)


def _ordered(data: bytes, task: inputs.FileTask, settings: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """One file's raw inputs and errors, each with its place in reading order."""
    for n, raw in enumerate(inputs.raw_inputs(data, task, settings)):
        yield inputs.order_key(task.index, n), raw


def _read(item: tuple[str, bytes], by_uri: Any, settings: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    uri, data = item
    for task in by_uri.value[inputs.uri_key(uri)]:  # a file named twice is read twice, as ingest does
        yield from _ordered(data, task, settings)


def _process(items: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """mapPartitions: the pipeline of this Python worker, built on its first partition. Each
    document leaves as its records (rendered as if it were the only copy of its text, which it
    nearly always is), not as a Document to render later."""
    for order, raw in items:
        result = raw if isinstance(raw, IngestError) else worker.process_one(raw)
        if isinstance(result, IngestError):
            yield "error", {"id": result.id, "source": result.source, "stage": result.stage, "error": result.error}
            continue
        content_hash = result.content_hash
        records = list(identity.copy_records(content_hash, order, result, None))
        yield content_hash, (order, result.source, records)


def _records(item: tuple[str, Any], decided: Any) -> Iterator[tuple[str, Any]]:
    """The records of one pipeline result with its id decided: ("error", row) or its document's records."""
    key, value = item
    if key == "error":
        yield "error", value
        return
    order, _source, records = value
    ident = decided.value.get(order)
    if ident is None or ident.status == "new":
        yield from records
    elif ident.status == "unchanged":
        yield from (("input", {**r, "document_id": ident.document_id}) for kind, r in records if kind == "input")
    else:  # a copy from another source: the same records under its own id, pointing to the first
        yield from identity.as_duplicate(records, ident)


def _tally(item: tuple[str, dict[str, Any]]) -> str:
    kind, record = item
    if kind == "document":
        return "new" if record["id"] == record["content_hash"] else "duplicate"
    return kind


def _count(items: Iterator[tuple[str, Any]]) -> Iterator[tuple[Counter[str], list[dict[str, Any]]]]:
    """(records per kind, error rows) of a partition, in one pass."""
    counts: Counter[str] = Counter()
    errors = []
    for item in items:
        counts[_tally(item)] += 1
        if item[0] == "error":
            errors.append(item[1])
    yield counts, errors


def _add_counts(a: tuple[Counter[str], list[Any]], b: tuple[Counter[str], list[Any]]) -> tuple[Counter[str], list[Any]]:
    return a[0] + b[0], a[1] + b[1]


def _final(items: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The records as written (errors are written apart, from the driver)."""
    return ((kind, record) for kind, record in items if kind != "error")


# --- driver ------------------------------------------------------------------------------------------

def _write(spark: Any, rdd: Any, kind: str, output: str, sort_by: str | None = None) -> None:
    schema = codec.spark_schema(kind)
    frame = spark.createDataFrame(rdd.map(lambda r: codec.to_row(kind, r)), schema, verifySchema=False)
    if sort_by:
        frame = frame.orderBy(sort_by)
    frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{kind}")


def _laps(summary: SparkSummary, started: float) -> Any:
    last = [started]

    def lap(name: str) -> None:
        now = time.perf_counter()
        summary.phases[name] = now - last[0]
        last[0] = now

    return lap


def _output_uri(output: str) -> str:
    return output if "://" in output else os.path.abspath(output)


def _read_local(chunk: list[inputs.FileTask], settings: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for task in chunk:
        try:
            with open(task.uri[len("file:"):], "rb") as f:
                data = f.read()
        except OSError as exc:
            yield inputs.order_key(task.index, 0), inputs.unreadable(task.source, exc)
            continue
        yield from _ordered(data, task, settings)


def _chunks(tasks: list[inputs.FileTask], partitions: int) -> list[list[inputs.FileTask]]:
    """The tasks cut, in order, into about `partitions` runs of similar size in bytes."""
    share = max(sum(t.size for t in tasks) / partitions, 1)
    chunks: list[list[inputs.FileTask]] = [[]]
    filled = 0.0
    for t in tasks:
        if chunks[-1] and filled + t.size > share:
            chunks.append([])
            filled = 0.0
        chunks[-1].append(t)
        filled += t.size
    return chunks


def _raw(sc: Any, tasks: list[inputs.FileTask], settings: dict[str, Any], partitions: int, io: str = "auto") -> Any:
    """An RDD of (order, RawInput | IngestError) over about `partitions` partitions."""
    if not tasks:
        return sc.emptyRDD()
    if io == "auto" and str(sc.master).startswith("local") and all(t.uri.startswith("file:/") for t in tasks):
        # Spark runs on this machine and the files are local: the Python tasks read them, so the
        # bytes do not pass through the JVM (which then takes a quarter of the CPU on 2 cores).
        chunks = _chunks(tasks, partitions)
        raw = sc.parallelize(chunks, len(chunks)).flatMap(lambda chunk: _read_local(chunk, settings))
        return raw.repartition(partitions) if len(tasks) < partitions else raw
    grouped: dict[str, list[inputs.FileTask]] = {}
    for t in tasks:
        grouped.setdefault(inputs.uri_key(t.uri), []).append(t)
    by_uri = sc.broadcast(grouped)
    # binaryFiles packs small files into splits of up to spark.files.maxPartitionBytes (set by
    # `session`): no shuffle. A few big files (WARC, JSONL) are one split each, and a session made
    # elsewhere may pack into a few big splits; then the records are spread out again.
    files = sc.binaryFiles(",".join(_escape(ts[0].uri) for ts in grouped.values()), partitions)
    raw = files.flatMap(lambda item: _read(item, by_uri, settings))
    few = len(grouped) < partitions or files.getNumPartitions() < sc.defaultParallelism * TASKS_PER_CORE
    return raw.repartition(partitions) if few else raw


def _write_all(spark: Any, jobs: list[tuple[Any, str, str | None]], output: str) -> None:
    """Write every dataset, a few at once: each write is a small Spark job whose fixed costs
    (scheduling, Python worker hand-over, commit) then overlap instead of adding up."""
    with ThreadPoolExecutor(max_workers=CONCURRENT_WRITES) as pool:
        futures = [pool.submit(_write, spark, rdd, kind, output, sort_by) for rdd, kind, sort_by in jobs]
        for future in futures:
            future.result()


def run(
    targets: Sequence[str],
    output: str,
    settings: dict[str, Any],
    master: str = DEFAULT_MASTER,
    spark: Any = None,
    conf: dict[str, str] | None = None,
    io: str = "auto",
) -> SparkSummary:
    """Read, process and write; see the module docstring.

    Pass `spark` to reuse a session (it is left running); otherwise one is started with `master`
    and `conf`, and stopped at the end. Errors raised by Spark itself come out as StorylineError.
    `io`: "auto" lets the Python tasks read local files and write a local output themselves
    (pyarrow) when Spark runs locally, and goes through Hadoop (binaryFiles, the DataFrame writer)
    otherwise; "hadoop" always goes through Hadoop, as on a cluster.
    """
    if io not in ("auto", "hadoop"):
        raise ConfigError(f"the Spark job: io must be 'auto' or 'hadoop', not {io!r}")
    summary = SparkSummary()
    own = spark is None
    started = time.perf_counter()
    if own:
        spark = session(master, conf)
    summary.startup_seconds = time.perf_counter() - started
    try:
        return _run(spark, targets, output, settings, summary, io)
    except StorylineError:
        raise
    except Exception as exc:  # Py4J and pyspark errors: one line that says where, not a Java stack
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StorylineError(f"the Spark job failed: {first}") from exc
    finally:
        if own:
            spark.stop()


def _run(spark: Any, targets: Sequence[str], output: str, settings: dict[str, Any],
         summary: SparkSummary, io: str = "auto") -> SparkSummary:
    started = time.perf_counter()
    lap = _laps(summary, started)
    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK  # never recompute the pipeline because memory ran short
    sc = spark.sparkContext
    output = _output_uri(output)
    settings = dict(settings)
    tasks, plan_errors = inputs.plan(list(targets), settings, (sc._jvm, sc._jsc.hadoopConfiguration()))
    summary.files = len(tasks)
    partitions = max(sc.defaultParallelism * TASKS_PER_CORE, math.ceil(sum(t.size for t in tasks) / BYTES_PER_TASK))

    processed = _raw(sc, tasks, settings, partitions, io).mapPartitions(_process).persist(keep)
    # Ids: only a text read more than once needs deciding, and only its (order, source) pairs travel.
    texts = processed.filter(lambda kv: kv[0] != "error").map(lambda kv: (kv[0], kv[1][:2]))
    decided = sc.broadcast(dict(texts.groupByKey(sc.defaultParallelism).filter(lambda kv: len(kv[1]) > 1)
                                .flatMap(lambda kv: identity.identities(kv[0], kv[1]).items()).collect()))
    lap("pipeline")
    # Past the pipeline the work per record is small and Spark's cost per task is not: fewer tasks.
    # The records are rendered from the stored pipeline results by each step that reads them
    # (cheap), not stored a second time (storing them again cost more than rendering them).
    after = sc.defaultParallelism * max(1, math.ceil(partitions / (TASKS_PER_CORE * 4 * sc.defaultParallelism)))
    records = processed.coalesce(after).flatMap(lambda item: _records(item, decided))
    counts, error_rows = records.mapPartitions(_count).fold((Counter(), []), _add_counts)
    errors: dict[str, dict[str, Any]] = {}
    for row in [*error_rows, *({"id": e.id, "source": e.source, "stage": e.stage, "error": e.error}
                               for e in plan_errors)]:
        errors.setdefault(row["id"], row)
    lap("records")

    n_docs = counts.get("new", 0) + counts.get("duplicate", 0)
    local = io == "auto" and str(sc.master).startswith("local")
    folder = parquet.local_folder(output) if local else None
    if folder is not None:
        _write_local(folder, records, list(errors.values()))
    else:
        _write_spark(spark, output, records, list(errors.values()))
    lap("write")

    summary.new, summary.duplicate = counts.get("new", 0), counts.get("duplicate", 0)
    summary.unchanged = counts.get("input", 0) - summary.new - summary.duplicate
    summary.failed = len(errors)
    written = {**counts, "document": n_docs, "ingest_error": summary.failed}
    summary.records = {k: int(written.get(k, 0)) for k in OUTPUT_KINDS}
    processed.unpersist()
    summary.seconds = time.perf_counter() - started
    return summary


def _write_local(folder: str, records: Any, errors: list[dict[str, Any]]) -> None:
    """Each task writes its partition's records of every kind (see parquet.py): one job, not one per kind."""
    parquet.clear(folder, OUTPUT_KINDS)
    records.mapPartitions(_final).mapPartitionsWithIndex(
        lambda i, it: [parquet.write_partition(folder, "r", i, it)]).collect()
    if errors:
        parquet.write(folder, "ingest_error", "part-e-00000", errors)
    parquet.finish(folder, OUTPUT_KINDS)


def _write_spark(spark: Any, output: str, records: Any, errors: list[dict[str, Any]]) -> None:
    """Spark's DataFrame writer, for outputs on a cluster filesystem (hdfs://, s3a://...): a job per kind."""
    final = records.mapPartitions(_final).persist()
    jobs: list[tuple[Any, str, str | None]] = [
        (final.filter(lambda kv: kv[0] == "document").values(), "document", "order"),
        (spark.sparkContext.parallelize(errors, 1), "ingest_error", None)]
    for kind in ("event", "quote", "claim", "citation_issue", "date_issue", "mention", "input"):
        jobs.append((final.filter(lambda kv, k=kind: kv[0] == k).values(), kind, None))
    _write_all(spark, jobs, output)
    final.unpersist()
