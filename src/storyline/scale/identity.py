"""Which id each processed document gets, decided the way the store decides it, without a store.

Takes every copy of one clean text (all documents sharing a content hash, with their position in
reading order) and gives each its status and id as `Store.add_document` does when ingesting them
in that order into an empty store, by calling the rule the store calls (`store.records.identity`)
on each copy in turn with the copies before it: the first copy is `new` under the content hash; a
later copy from another source is a `duplicate` under `stable_id(hash, source)` with
`duplicate_of` the first; a later copy from a source already seen is `unchanged` and stores
nothing but its input row. `copy_records` renders one copy's records with its id through
`store.records`, the same functions the store uses (input row, stored document, derived records);
`as_duplicate` turns the records of a copy rendered as new into those of a duplicate.

Pure functions: no Spark, no store. It does not know about near-duplicates (linking does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Document
from ..store.records import derived_records, identity, input_record, rekey, stored_document


@dataclass(frozen=True)
class Identity:
    status: str  # new | duplicate | unchanged
    document_id: str
    duplicate_of: str | None


def identities(content_hash: str, copies: Iterable[tuple[str, str]]) -> dict[str, Identity]:
    """order -> Identity, for the copies (order, source) of one text."""
    out: dict[str, Identity] = {}
    stored: list[tuple[str, str]] = []  # (id, source) of the copies before this one that store a document
    for order, source in sorted(copies):
        ident = Identity(*identity(content_hash, source, stored))
        if ident.status != "unchanged":
            stored.append((ident.document_id, source))
        out[order] = ident
    return out


def copy_records(content_hash: str, order: str, doc: Document,
                 ident: Identity | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(kind, record) for one copy of a text, given its identity (None: the only copy, so `new`)."""
    ident = ident or Identity("new", content_hash, None)
    yield "input", input_record(doc, ident.document_id)
    if ident.status == "unchanged":
        return
    doc.duplicate_of = ident.duplicate_of
    yield "document", {**stored_document(doc, ident.document_id), "order": order}
    seen: set[tuple[str, str]] = set()  # (kind, id): the store keeps the first of two records with one id
    for kind, records in derived_records(doc, ident.document_id).items():
        for r in records:
            if (kind, r["id"]) not in seen:
                seen.add((kind, r["id"]))
                yield kind, r


def as_duplicate(records: Iterable[tuple[str, dict[str, Any]]],
                 ident: Identity) -> Iterator[tuple[str, dict[str, Any]]]:
    """A copy's records rendered as new (`copy_records(..., None)`) -> as the duplicate `ident` says."""
    for kind, record in records:
        if kind == "input":
            yield kind, {**record, "document_id": ident.document_id}
        elif kind == "document":
            yield kind, {**record, "id": ident.document_id, "duplicate_of": ident.duplicate_of}
        else:
            yield kind, rekey(kind, record, ident.document_id)
