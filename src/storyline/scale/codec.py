"""Export records <-> Parquet rows, one typed schema per record kind.

Takes the contract's records (plain dicts from `store.records`, `link`) and gives rows in a fixed
schema per kind, and back. Contract fields get real Parquet types (structs for `actor`,
`location`, `magnitude`, lists for `authors`, `quantities`...), so a Spark or DuckDB user can query
`actor.country` directly. Values whose type varies are JSON text: a mention's `value`, and the
`value` of a story conflict (a count or a date). Any field a record carries that the schema does
not list (fields are added freely under the contract) rides in the `extra` column as JSON, so
nothing is lost when a stage adds one; `from_row` puts it back.

Spec notation: "string" / "long" / "double" / "boolean" / "json" (JSON text), `[t]` a list of t,
`{name: t}` a struct. `spark_schema(kind)` turns a spec into a pyspark StructType.

It does not write files (spark.py does) and reads them only in `read_rows`.
"""

from __future__ import annotations

import heapq
import json
import posixpath
from collections.abc import Iterator
from typing import Any

from ..errors import ConfigError

S, L, D, B, J = "string", "long", "double", "boolean", "json"
PARTY = {"name": S, "country": S, "sector": S, "id": S}
CONFLICT = {"field": S, "values": [{"value": J, "document_id": S}], "cluster_id": S}
SPAN = {"start": L, "end": L}

SCHEMAS: dict[str, dict[str, Any]] = {
    "document": {"id": S, "source": S, "url": S, "title": S, "published": S, "published_precision": S,
                 "publisher": S, "authors": [S], "language": S, "text": S, "removed_blocks": L,
                 "duplicate_of": S, "published_at": S, "content_hash": S, "removed": [S], "order": S},
    "event": {"id": S, "document_id": S, "type": S, "mode": S, "actor": PARTY, "recipient": PARTY,
              "date": S, "date_precision": S, "date_text": S,
              "location": {"name": S, "country": S, "lat": D, "lon": D, "precision": S},
              "status": S, "magnitude": {"killed": L, "injured": L, "count": L}, "intensity": D,
              "evidence": S, "reported_by": S, "confidence": D, "background": B, "trigger": {"text": S, **SPAN},
              **SPAN, "rule": S},
    "quote": {"id": S, "document_id": S, "text": S, "speaker": PARTY, "cue": S, "direct": B, "venue": S,
              **SPAN, "rule": S},
    "claim": {"id": S, "document_id": S, "text": S,
              "quantities": [{"value": D, "qualifier": S, "unit": S, "phrase": S, "upper": D}],
              "attributed_to": S, "citations": [L], **SPAN, "rule": S},
    "citation_issue": {"id": S, "document_id": S, "issue": S, "marker": L, "detail": S, **SPAN},
    "date_issue": {"id": S, "document_id": S, "issue": S, "detail": S, "text": S, **SPAN, "record_id": S},
    "ingest_error": {"id": S, "source": S, "stage": S, "error": S},
    "story": {"id": S, "type": S, "actor": PARTY, "recipient": PARTY, "date_first": S, "date_last": S,
              "event_ids": [S], "document_ids": [S], "sources": [S], "corroboration": L,
              "conflicts": [CONFLICT], "independent_sources": [S],
              "clusters": [{"id": S, "date": S, "date_precision": S, "event_ids": [S], "document_ids": [S],
                            "sources": [S], "corroboration": L, "intensity": D, "evidence": S,
                            "conflicts": [{"field": S, "values": [{"value": J, "document_id": S}]}]}]},
    # Not contract kinds: what `storyline load` needs to rebuild the store's own tables.
    "mention": {"id": S, "document_id": S, "type": S, "text": S, **SPAN, "value": J, "rule": S},
    "input": {"id": S, "source": S, "raw_hash": S, "document_id": S},
    "link_document": {"document_id": S, "group_id": S, "exact": B, "similarity": D},
    "link_event": {"event_id": S, "document_id": S, "unit": S, "cluster_id": S, "story_id": S, "terms": S},
    "minhash_band": {"band": S, "document_id": S},
    "link_cluster": {"id": S, "block": S, "unit": S, "thread": S, "loose": S, "sectors": S, "story_id": S,
                     "data": J},
}
CONTRACT_KINDS = ("document", "event", "quote", "claim", "citation_issue", "date_issue", "story", "ingest_error")
# Fields of the document dataset that are the Spark job's own bookkeeping, not the contract's.
DOCUMENT_BOOKKEEPING = ("content_hash", "removed", "order")
EXTRA = "extra"


def _encode(value: Any, spec: Any, where: str, struct: Any = tuple) -> Any:
    """A value in its column's type; structs as tuples (Spark rows) or, with `struct=dict`, dicts (Arrow)."""
    if value is None:
        return None
    if spec == J:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected an object, got {type(value).__name__}")
        fields = ((k, _encode(value.get(k), t, f"{where}.{k}", struct)) for k, t in spec.items())
        return dict(fields) if struct is dict else tuple(v for _, v in fields)
    if isinstance(spec, list):
        return [_encode(v, spec[0], where, struct) for v in value]
    try:
        if spec == D:
            return float(value)
        if spec == L:
            return int(value)
        if spec == B:
            return bool(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: cannot store {value!r} as {spec}") from exc


def _columns(kind: str, record: dict[str, Any], struct: Any) -> dict[str, Any]:
    """A record's column values in the kind's column order, `extra` last."""
    spec = SCHEMAS[kind]
    row = {k: _encode(record.get(k), t, f"{kind}.{k}", struct) for k, t in spec.items()}
    extra = {k: v for k, v in record.items() if k not in spec and k != "kind"}
    row[EXTRA] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def to_row(kind: str, record: dict[str, Any]) -> tuple[Any, ...]:
    """A record as a tuple in the kind's column order (`extra` last), for a Spark row."""
    return tuple(_columns(kind, record, tuple).values())


def to_arrow(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record as a row for `pyarrow.Table.from_pylist` with `arrow_schema(kind)`."""
    return _columns(kind, record, dict)


def _fields(kind: str, primitive: dict[str, Any], struct: Any, array: Any) -> list[tuple[str, Any]]:
    """(column, type) of a kind's columns, `extra` last, in a library's types: `primitive` per
    spec letter, `struct` from a list of (name, type), `array` from an element type."""
    def convert(spec: Any) -> Any:
        if isinstance(spec, dict):
            return struct([(k, convert(t)) for k, t in spec.items()])
        if isinstance(spec, list):
            return array(convert(spec[0]))
        return primitive[spec]

    return [*((k, convert(t)) for k, t in SCHEMAS[kind].items()), (EXTRA, primitive[S])]


def arrow_schema(kind: str) -> Any:
    """The kind's spec as a pyarrow schema: the same columns and types as `spark_schema`."""
    import pyarrow as pa

    primitive = {S: pa.string(), L: pa.int64(), D: pa.float64(), B: pa.bool_(), J: pa.string()}
    fields = _fields(kind, primitive, lambda fs: pa.struct([pa.field(k, t) for k, t in fs]), pa.list_)
    return pa.schema([pa.field(k, t) for k, t in fields])


def _decode(value: Any, spec: Any) -> Any:
    if value is None:
        return None
    if spec == J:
        return json.loads(value)
    if isinstance(spec, dict):
        return {k: _decode(value.get(k), t) for k, t in spec.items()}
    if isinstance(spec, list):
        return [_decode(v, spec[0]) for v in value]
    return value


def from_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row (as pyarrow gives it) back to the record it was made from, with `kind`."""
    spec = SCHEMAS[kind]
    record: dict[str, Any] = {"kind": kind}
    record.update((k, _decode(row.get(k), t)) for k, t in spec.items())
    if row.get(EXTRA):
        record.update(json.loads(row[EXTRA]))
    if kind in CONTRACT_KINDS or kind == "mention":
        return record
    del record["kind"]
    return record


def spark_schema(kind: str) -> Any:
    """The kind's spec as a pyspark StructType (needs pyspark)."""
    from pyspark.sql import types as T

    primitive = {S: T.StringType(), L: T.LongType(), D: T.DoubleType(), B: T.BooleanType(), J: T.StringType()}

    def struct(fields: list[tuple[str, Any]]) -> Any:
        return T.StructType([T.StructField(k, t, True) for k, t in fields])

    return struct(_fields(kind, primitive, struct, lambda t: T.ArrayType(t, True)))


def _filesystem(folder: str) -> tuple[Any, str]:
    from pyarrow import fs

    if "://" in folder:
        return fs.FileSystem.from_uri(folder)
    return fs.LocalFileSystem(), folder


def dataset_files(output: str, kind: str) -> list[tuple[Any, str]]:
    """The Parquet part files of one kind's dataset, in name order (Spark numbers them in order)."""
    from pyarrow import fs

    filesystem, root = _filesystem(output)
    folder = posixpath.join(root, kind)
    info = filesystem.get_file_info(folder)
    if info.type != fs.FileType.Directory:
        return []
    found = filesystem.get_file_info(fs.FileSelector(folder, recursive=False))
    names = sorted(f.path for f in found if f.type == fs.FileType.File and f.base_name.endswith(".parquet")
                   and not f.base_name.startswith(("_", ".")))
    return [(filesystem, n) for n in names]


def _file_rows(kind: str, filesystem: Any, path: str, batch_size: int) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    with filesystem.open_input_file(path) as f:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=batch_size):
            for row in batch.to_pylist():
                yield from_row(kind, row)


def read_rows(output: str, kind: str, batch_size: int = 2000, order_by: str | None = None) -> Iterator[dict[str, Any]]:
    """Every record of one kind from a Spark output folder, streamed batch by batch, in file order;
    with `order_by`, merged across files by that field (each file is sorted by it)."""
    streams = [_file_rows(kind, filesystem, path, batch_size) for filesystem, path in dataset_files(output, kind)]
    if order_by:
        yield from heapq.merge(*streams, key=lambda r: r[order_by])
    else:
        for stream in streams:
            yield from stream
