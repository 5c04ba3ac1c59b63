"""Records -> JSON Lines, CSV or Parquet, streamed.

JSON Lines goes to any text stream, one record a line. CSV and Parquet hold
one kind per file (their columns differ by kind): with one kind `-o` names the
file, with several it names a folder that receives `KIND.csv` / `KIND.parquet`.
Nested values (authors, actor, quantities) are JSON text in CSV cells and
native lists/structs in Parquet.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any, TextIO

from ..errors import UsageError

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_BATCH = 2000


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(records: Iterator[dict[str, Any]], path: str) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer: csv.DictWriter[str] | None = None
        for record in records:
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=list(record), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _csv_cell(v) for k, v in record.items()})
            n += 1
    return n


def _write_parquet(records: Iterator[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    writer = None
    schema = None
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer, schema
        if not batch:
            return
        table = pa.Table.from_pylist(batch, schema=schema)
        if writer is None:
            schema = table.schema
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)
        batch.clear()

    for record in records:
        batch.append(record)
        n += 1
        if len(batch) >= PARQUET_BATCH:
            flush()
    flush()
    if writer is not None:
        writer.close()
    return n


def write_files(records: Iterable[dict[str, Any]], kinds: list[str], fmt: str, output: str | None) -> dict[str, int]:
    """CSV or Parquet, one file per kind. Returns how many records each file got."""
    if fmt not in ("csv", "parquet"):
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not output:
        raise UsageError(f"--format {fmt} needs -o: a file for one --kind, or a folder for several kinds")
    if len(kinds) > 1:
        os.makedirs(output, exist_ok=True)
    writer = _write_csv if fmt == "csv" else _write_parquet
    counts: dict[str, int] = {}
    for kind, group in groupby(records, key=lambda r: r["kind"]):
        path = output if len(kinds) == 1 else os.path.join(output, f"{kind}.{fmt}")
        counts[kind] = writer(group, path)
    return counts
