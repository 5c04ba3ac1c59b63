"""Records -> JSON Lines, CSV or Parquet, streamed.

JSON Lines goes to any text stream, one record a line. CSV and Parquet hold
one kind per file (their columns differ by kind): with one kind `-o` names the
file, with several it names a folder that receives `KIND.csv` / `KIND.parquet`
(a file name such as `one.csv` for several kinds is a usage error, not a folder).

CSV is flat: an object of the contract becomes one column per member, named
`OBJECT_MEMBER` (`actor_name`, `actor_country`, `location_lat`,
`magnitude_killed`), the same columns whether the object is there or null
(`NESTED`); a list of plain values (authors, event ids) is one cell joined with
"; "; a list of objects (a claim's quantities, a story's conflicts) stays JSON
text in its cell. Parquet keeps native lists and structs; a conflict's values are text there.
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
PARTY = ("name", "country", "sector", "id")
# The contract's objects and their members: each becomes that many CSV columns, filled or empty.
NESTED = {"actor": PARTY, "recipient": PARTY, "speaker": PARTY,
          "location": ("name", "country", "lat", "lon", "precision"),
          "magnitude": ("killed", "injured", "count"), "trigger": ("text", "start", "end")}
LIST_SEPARATOR = "; "


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        if all(v is None or isinstance(v, (str, int, float)) for v in value):
            return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat_row(record: dict[str, Any]) -> dict[str, Any]:
    """A record as one CSV row: the contract's objects spread into `OBJECT_MEMBER` columns."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        members = NESTED.get(key)
        if members is None or not (value is None or isinstance(value, dict)):
            row[key] = _csv_cell(value)
            continue
        value = value or {}
        for member in (*members, *(m for m in value if m not in members)):
            row[f"{key}_{member}"] = _csv_cell(value.get(member))
    return row


def _write_csv(records: Iterator[dict[str, Any]], path: str) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer: csv.DictWriter[str] | None = None
        for record in records:
            row = flat_row(record)
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(row)
            n += 1
    return n


def _parquet_value(value: Any, in_conflict: bool = False) -> Any:
    """`value` as Parquet can hold it: the values of a conflict (a story's own, or an incident's inside it) are
    text, since one conflict is over a date and another over a count, and a Parquet column has one type."""
    if isinstance(value, dict):
        out = {}
        for key, member in value.items():
            if in_conflict and key == "value" and member is not None and not isinstance(member, str):
                out[key] = str(member)
            else:
                out[key] = _parquet_value(member, in_conflict or key == "conflicts")
        return out
    if isinstance(value, list):
        return [_parquet_value(v, in_conflict) for v in value]
    return value


def _write_parquet(records: Iterator[dict[str, Any]], path: str) -> int:
    """One Parquet file. Each batch's column types are read from its values, and a member that is null
    throughout one batch (no event of the first 2000 with a death toll) has no type there, so the batches are
    brought to one schema, the widest their types allow, before the file is written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    tables: list[pa.Table] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if batch:
            tables.append(pa.Table.from_pylist(batch))
            batch.clear()

    for record in records:
        batch.append(_parquet_value(record))
        n += 1
        if len(batch) >= PARQUET_BATCH:
            flush()
    flush()
    if not tables:
        return n
    schema = pa.unify_schemas([t.schema for t in tables], promote_options="permissive")
    with pq.ParquetWriter(path, schema) as writer:
        while tables:
            table = tables.pop(0)
            # Rebuilt from its rows rather than cast: pyarrow cannot cast a list of structs with an untyped member.
            if table.schema != schema:
                table = pa.Table.from_pylist(table.to_pylist(), schema=schema)
            writer.write_table(table)
    return n


def check_output(kinds: list[str], fmt: str, output: str | None) -> None:
    """UsageError unless `output` can take `kinds` in `fmt`: a file for one kind, a folder for several."""
    if fmt not in ("csv", "parquet"):
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not output:
        raise UsageError(f"--format {fmt} needs -o: a file for one --kind, or a folder for several kinds")
    if len(kinds) > 1:
        looks_like_file = os.path.splitext(output.rstrip("/\\"))[1].lower() in (".csv", ".parquet", ".jsonl", ".txt")
        if os.path.isfile(output) or (looks_like_file and not os.path.isdir(output)):
            raise UsageError(f"-o {output}: {len(kinds)} kinds ({', '.join(kinds)}) go to one {fmt} file each, so -o "
                             f"must name a folder; give one --kind to write a single file, e.g. "
                             f"--kind {kinds[0]} -o {output}")


def write_files(records: Iterable[dict[str, Any]], kinds: list[str], fmt: str, output: str | None) -> dict[str, int]:
    """CSV or Parquet, one file per kind. Returns how many records each file got."""
    check_output(kinds, fmt, output)
    assert output is not None
    if len(kinds) > 1:
        os.makedirs(output, exist_ok=True)
    writer = _write_csv if fmt == "csv" else _write_parquet
    counts: dict[str, int] = {}
    for kind, group in groupby(records, key=lambda r: r["kind"]):
        path = output if len(kinds) == 1 else os.path.join(output, f"{kind}.{fmt}")
        counts[kind] = writer(group, path)
    return counts
