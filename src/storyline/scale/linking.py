"""Cross-document linking as Spark stages: near-duplicates, then stories blocked by unit.

Takes the document and event records of a Spark run (an RDD of `(kind, record)`, each document
with its reading-order key `order`) and gives what `link.link_new` would write into a store that
had ingested the same inputs in that order: the near-duplicate groups (`link_document` rows, the
LSH `minhash_band` rows, and each near copy's new `duplicate_of`), and the stories
(`story` records and `link_event` rows).

The rules are not re-implemented here; the stages call `link/`:
- `neardup.shingles`, `neardup.buckets`, `neardup.near_duplicate` (LSH bucket -> candidate
  pairs -> confirmed pairs), and the canonical member rule `neardup._canonical_key`;
- `merge.report_from_record`, `merge.clusters`, `merge.threads` per block;
- `stories._story_record`, `stories._source_key`, `stories._Sources.describe` for the records.
Spark does the grouping: candidate pairs per bucket; events grouped by their block, the merge
unit (event type x actor country), in which clusters and threads (recipient country = the dyad)
are decided, and dates are compared inside (the period). A block is one Spark task: the merge
rules let an undated or recipient-unknown report join any dyad or period of its unit, so cutting
blocks finer than the unit would change the stories.

The near-duplicate union-find and the copy pointers run on the driver over the confirmed pairs
and copies only (not over all documents). It does not write anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from types import SimpleNamespace
from typing import Any

from ..link import neardup
from ..link.merge import clusters, report_from_record, threads
from ..link.stories import _source_key, _Sources, _story_record


@dataclass
class NearDuplicates:
    near: dict[str, str] = field(default_factory=dict)  # near copy -> its group's canonical document
    similarity: dict[str, float] = field(default_factory=dict)  # as link_documents.similarity


def _bands(item: tuple[str, str]) -> list[tuple[str, str]]:
    doc_id, text = item
    grams = neardup.shingles(text)
    if len(grams) < neardup.MIN_SHINGLES:
        return []
    return [(bucket, doc_id) for bucket in neardup.buckets(grams)]


def _pairs(item: tuple[str, Iterable[str]]) -> Iterator[tuple[str, str]]:
    yield from combinations(sorted(set(item[1])), 2)


_GRAMS: dict[str, frozenset[str]] = {}
GRAMS_KEPT = 512  # per worker: pairs arrive grouped by their second document, so its shingles repeat


def _grams(doc_id: str, text: str) -> frozenset[str]:
    grams = _GRAMS.get(doc_id)
    if grams is None:
        if len(_GRAMS) >= GRAMS_KEPT:
            _GRAMS.clear()
        grams = _GRAMS[doc_id] = neardup.shingles(text)
    return grams


def _confirm(item: tuple[str, tuple[tuple[str, str], str]]) -> list[tuple[str, str, float]]:
    b, ((a, text_a), text_b) = item
    sim = neardup.near_duplicate(_grams(a, text_a), _grams(b, text_b))
    return [] if sim is None else [(a, b, sim)]


def band_rows(documents: Any) -> Any:
    """(bucket, document id) for every document the near-duplicate pass indexes (not exact copies)."""
    indexed = documents.filter(lambda d: d["duplicate_of"] is None).map(lambda d: (d["id"], d["text"]))
    return indexed.flatMap(_bands)


def near_duplicates(documents: Any, bands: Any, partitions: int) -> NearDuplicates:
    """Confirm candidate pairs in Spark; group them on the driver; pick each group's canonical."""
    texts = documents.filter(lambda d: d["duplicate_of"] is None).map(lambda d: (d["id"], d["text"]))
    pairs = bands.groupByKey(partitions).flatMap(_pairs).distinct(partitions)
    edges = (pairs.join(texts, partitions).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
             .join(texts, partitions).flatMap(_confirm).collect())
    result = NearDuplicates()
    if not edges:
        return result
    parent: dict[str, str] = {}
    find = neardup.union_find(parent)

    for a, b, _ in edges:
        parent[find(a)] = find(b)
    members = set(parent)
    info = dict(documents.filter(lambda d: d["id"] in members)
                .map(lambda d: (d["id"], {"id": d["id"], "published": d["published"], "ingested_at": d["order"]}))
                .collect())
    groups: dict[str, list[str]] = {}
    for doc in members:
        groups.setdefault(find(doc), []).append(doc)
    for group in groups.values():
        canonical = min(group, key=lambda x: neardup._canonical_key(info[x]))
        result.near.update({doc: canonical for doc in group if doc != canonical})
    processing = {doc: (info[doc]["ingested_at"], doc) for doc in members}  # link_documents reads in this order
    for a, b, sim in edges:
        later = max(a, b, key=processing.__getitem__)
        result.similarity[later] = max(sim, result.similarity.get(later, sim))
    return result


def link_document_row(doc: dict[str, Any], nd: NearDuplicates) -> dict[str, Any]:
    """The link_documents row of one document, from its record before near copies were marked
    (a `duplicate_of` there is the store's exact-copy pointer)."""
    if doc["duplicate_of"] is not None:
        return {"document_id": doc["id"], "group_id": doc["duplicate_of"], "exact": True, "similarity": 1.0}
    return {"document_id": doc["id"], "group_id": nd.near.get(doc["id"], doc["id"]), "exact": False,
            "similarity": nd.similarity.get(doc["id"])}


def origins(pointers: dict[str, str]) -> dict[str, str]:
    """Each copy's independent origin, following copy pointers to the end (as `neardup.origins`)."""
    out = {}
    for doc in pointers:
        seen, cur = {doc}, doc
        while cur in pointers and pointers[cur] not in seen:
            cur = pointers[cur]
            seen.add(cur)
        out[doc] = cur
    return out


class _UnitSources:
    """The `_Sources` of one block, from what the Spark stage attached to its events."""

    describe = _Sources.describe

    def __init__(self, origin: dict[str, str], key: dict[str, tuple[str, str]]) -> None:
        self.origin = origin
        self.key = key


def source_key(doc: dict[str, Any]) -> tuple[str, str]:
    return _source_key(SimpleNamespace(publisher=doc["publisher"], url=doc["url"], source=doc["source"]))


def link_unit(item: tuple[str, Iterable[tuple[Any, ...]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """One block's stories: ("story", record) and ("link_event", row) items.

    Each event arrives as (record, order, document id, its source key, origin id, origin's key).
    """
    unit, rows = item
    origin: dict[str, str] = {}
    key: dict[str, tuple[str, str]] = {}
    reports = []
    for record, order, doc_id, doc_key, origin_id, origin_key in rows:
        reports.append(report_from_record(record, order))
        origin[doc_id] = origin_id
        key[doc_id] = tuple(doc_key)  # type: ignore[assignment]
        key[origin_id] = tuple(origin_key)  # type: ignore[assignment]
    reports.sort(key=lambda r: r.order)
    sources = _UnitSources(origin, key)
    groups = clusters(reports)
    report_of = {r.event_id: r for r in reports}
    for thread in threads(reports, groups):
        members = [[reports[i] for i in groups[c]] for c in thread]
        story = _story_record(unit, members, sources)  # type: ignore[arg-type]
        yield "story", story
        for cluster in story["clusters"]:
            for event_id in cluster["event_ids"]:
                report = report_of[event_id]
                yield "link_event", {"event_id": event_id, "document_id": report.document_id, "unit": unit,
                                     "cluster_id": cluster["id"], "story_id": story["id"],
                                     "terms": " ".join(sorted(report.terms))}


def stories(documents: Any, events: Any, origin: Any, origin_keys: Any, partitions: int) -> Any:
    """An RDD of ("story", record) and ("link_event", row): asserted events grouped by merge unit.

    `documents` and `events` are RDDs of records (documents with their final `duplicate_of` and
    `order`); `origin` a broadcast of copy -> independent origin, `origin_keys` of origin -> its
    source key (only copies have an origin other than themselves, so both stay small).
    """
    keys = documents.map(lambda d: (d["id"], (d["order"], source_key(d))))
    asserted = events.filter(lambda e: e["status"] == "asserted").map(lambda e: (e["document_id"], e))
    return asserted.join(keys, partitions).map(lambda kv: _by_unit(kv, origin.value, origin_keys.value)) \
        .groupByKey(partitions).flatMap(link_unit)


def _by_unit(item: tuple[str, Any], origin: dict[str, str], origin_keys: dict[str, Any]) -> tuple[str, Any]:
    doc_id, (record, (order, key)) = item
    root = origin.get(doc_id, doc_id)
    unit = report_from_record(record, stems=frozenset()).unit  # the unit only: skip computing stems
    return unit, (record, order, doc_id, key, root, origin_keys.get(root, key))
