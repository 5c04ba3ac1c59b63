"""Parquet part files written by the Spark tasks themselves, with pyarrow, when the output is local.

Writing through Spark's DataFrame writer costs a job per record kind, each reading every
pipeline result again and converting Python rows in the JVM. When Spark runs in local mode and
the output is a local folder, each task instead writes its partition's records of every kind at
once: `write_partition` turns them into Arrow tables in the schema of `codec.arrow_schema` and
writes `<output>/<kind>/part-<tag>-<partition>.parquet`. The result reads like the DataFrame
writer's (one dataset per kind, the same columns and types); documents are sorted by their
reading order inside each file, and `codec.read_rows(..., order_by="order")` merges the files.

`finish(output, kinds)` gives every kind a dataset, an empty file when no task had a record of it.
It does not run Spark itself (spark.py does) and does not write to remote filesystems.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from typing import Any

from . import codec

SORT_BY = {"document": "order"}


def local_folder(output: str) -> str | None:
    """The local path of an output, or None when it is not on this machine's filesystem."""
    if output.startswith("file://"):
        return output[len("file://"):]
    return None if "://" in output else output


def clear(folder: str, kinds: Iterable[str]) -> None:
    """Remove earlier datasets of these kinds (a run overwrites, as the DataFrame writer's overwrite mode)."""
    for kind in kinds:
        shutil.rmtree(os.path.join(folder, kind), ignore_errors=True)


def write(folder: str, kind: str, name: str, records: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if kind in SORT_BY:
        records.sort(key=lambda r: r[SORT_BY[kind]])
    table = pa.Table.from_pylist([codec.to_arrow(kind, r) for r in records], schema=codec.arrow_schema(kind))
    os.makedirs(os.path.join(folder, kind), exist_ok=True)
    target = os.path.join(folder, kind, f"{name}.parquet")
    pq.write_table(table, target + ".tmp", compression="zstd")
    os.replace(target + ".tmp", target)  # a reader never sees half a file


def write_partition(folder: str, tag: str, index: int, items: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, int]:
    """Write one partition's (kind, record) items, a file per kind; returns the count per kind."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for kind, record in items:
        by_kind.setdefault(kind, []).append(record)
    for kind, records in by_kind.items():
        write(folder, kind, f"part-{tag}-{index:05d}", records)
    return {kind: len(records) for kind, records in by_kind.items()}


def finish(folder: str, kinds: Iterable[str]) -> None:
    """Give each kind without a file an empty dataset, so every kind can be read."""
    for kind in kinds:
        if not codec.dataset_files(folder, kind):
            write(folder, kind, "part-empty-00000", [])
