"""Cross-document linking as Spark stages: near-duplicates, then stories blocked by type, actor and month.

Takes the document and event records of a Spark run (an RDD of `(kind, record)`, each document
with its reading-order key `order`) and gives what `link.link_new` would write into a store that
had ingested the same inputs in that order: the near-duplicate groups (`link_document` rows, the
LSH `minhash_band` rows, and each near copy's new `duplicate_of`), and the stories
(`story` records, `link_cluster` and `link_event` rows).

The rules are not re-implemented here; the stages call `link/`:
- `neardup.shingles`, `neardup.buckets`, `neardup.likeliest`, `neardup.near_duplicate` (LSH
  bucket -> candidate pairs -> confirmed pairs) and the canonical member rule
  `neardup.canonical_key`. Pairs are confirmed on the shingles' 64-bit fingerprints
  (`neardup.fingerprints`, computed once per document where its text is) rather than on the
  strings: the same decisions unless two shingles of a pair share a fingerprint;
- `merge.block_of`, `stories.link_block` (clusters and their threads, per block) and
  `stories.story_record` (a story from its clusters), with `stories.Sources` for sources.
Spark does the grouping: candidate pairs per bucket; asserted events grouped by block (event type,
actor country, month: one task each), which gives clusters and each cluster's thread (recipient
country: the dyad); clusters grouped by story (type, actor country, thread) across months.

The near-duplicate union-find and the copy pointers run on the driver over the confirmed pairs
and copies only (not over all documents). It does not write anything.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..link import neardup
from ..link.merge import block_of, report_from_record
from ..link.stories import Sources, link_block, place, story_record, unit_threads
from ..link.stories import source_key as stories_source_key


@dataclass
class NearDuplicates:
    near: dict[str, str] = field(default_factory=dict)  # near copy -> its group's canonical document
    similarity: dict[str, float] = field(default_factory=dict)  # as link_documents.similarity


def text_index(text: str) -> tuple[list[str], bytes]:
    """What the near-duplicate pass needs of a text, computed once where the text is: its LSH
    buckets (none when it is too short to index, as `neardup.link_documents`) and its shingle
    fingerprints, packed."""
    grams = neardup.shingles(text)
    if len(grams) < neardup.MIN_SHINGLES:
        return [], b""
    return neardup.buckets(grams), array("Q", sorted(neardup.fingerprints(grams))).tobytes()


def _earlier(item: tuple[str, Iterable[tuple[str, str]]]) -> Iterator[tuple[str, str]]:
    """(document, an earlier document of the bucket) while the bucket is usable, as the store sees
    it when documents arrive in reading order: a document looks through a bucket only while it
    holds at most `neardup.MAX_BUCKET` earlier documents."""
    members = sorted(item[1])
    for k, (_, doc) in enumerate(members[:neardup.MAX_BUCKET + 1]):
        for _, earlier in members[:k]:
            yield doc, earlier


def _candidates(item: tuple[str, Iterable[str]]) -> Iterator[tuple[str, str]]:
    """(candidate, document) for a document's likeliest earlier candidates (`neardup.likeliest`)."""
    doc, earlier = item
    for candidate in neardup.likeliest(Counter(earlier)):
        yield candidate, doc


def _unpack(prints: bytes) -> frozenset[int]:
    return frozenset(array("Q", prints))


Info = tuple[str | None, str]  # (published, reading order): what picks a group's canonical


def _confirm(item: tuple[str, tuple[tuple[str, tuple[bytes, Info]], tuple[bytes, Info]]]) -> list[Any]:
    b, ((a, (prints_a, info_a)), (prints_b, info_b)) = item
    sim = neardup.near_duplicate(_unpack(prints_a), _unpack(prints_b))
    return [] if sim is None else [(a, b, sim, info_a, info_b)]


def near_duplicates(bands: Any, prints: Any, partitions: int) -> NearDuplicates:
    """Confirm candidate pairs in Spark; group them on the driver; pick each group's canonical.

    `bands` holds (bucket, (order, document id)), `prints` (document id, (packed fingerprints,
    (published, order))) for every document indexed (see `text_index`)."""
    pairs = bands.groupByKey(partitions).flatMap(_earlier).groupByKey(partitions).flatMap(_candidates)
    edges = (pairs.join(prints, partitions).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
             .join(prints, partitions).flatMap(_confirm).collect())
    result = NearDuplicates()
    if not edges:
        return result
    parent: dict[str, str] = {}
    find = neardup.union_find(parent)

    info: dict[str, dict[str, Any]] = {}
    for a, b, _, info_a, info_b in edges:
        parent[find(a)] = find(b)
        for doc, (published, order) in ((a, info_a), (b, info_b)):
            info[doc] = {"id": doc, "published": published, "ingested_at": order}
    members = set(parent)
    groups: dict[str, list[str]] = {}
    for doc in members:
        groups.setdefault(find(doc), []).append(doc)
    for group in groups.values():
        canonical = min(group, key=lambda x: neardup.canonical_key(info[x]))
        result.near.update({doc: canonical for doc in group if doc != canonical})
    processing = {doc: (info[doc]["ingested_at"], doc) for doc in members}  # link_documents reads in this order
    for a, b, sim, _, _ in edges:
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


def source_key(doc: dict[str, Any]) -> tuple[str, str]:
    return stories_source_key(doc["publisher"], doc["url"], doc["source"])


def link_block_rows(item: tuple[str, Iterable[tuple[Any, ...]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """One block's clusters: ("link_cluster", row with the sources its story needs) and ("link_event", row).

    Each event arrives as (record, order, published, document id, its source key, origin id, origin's key).
    """
    block, rows = item
    origin: dict[str, str] = {}
    key: dict[str, tuple[str, str]] = {}
    reports = []
    for record, order, published, doc_id, doc_key, origin_id, origin_key in rows:
        reports.append(report_from_record(record, order, published=published))
        origin[doc_id] = origin_id
        key[doc_id] = tuple(doc_key)  # type: ignore[assignment]
        key[origin_id] = tuple(origin_key)  # type: ignore[assignment]
    sources = Sources(origin, key)
    cluster_rows, event_rows = link_block(block, reports, sources)
    for row in cluster_rows:
        docs = row["data"]["record"]["document_ids"]
        yield "link_cluster", {**row, "sources": sources.of(docs)}
    for row in event_rows:
        yield "link_event", row


def _story(item: tuple[str, Iterable[dict[str, Any]]]) -> dict[str, Any]:
    _sid, rows = item
    rows = sorted(rows, key=lambda r: r["id"])
    sources = Sources({}, {})
    for row in rows:
        sources.origin.update(row["sources"].origin)
        sources.key.update(row["sources"].key)
    return story_record(rows[0]["unit"], rows[0]["thread"], [r["data"] for r in rows], sources)


def _placed(row: dict[str, Any], threads: dict[str, dict[str, set[str]]]) -> dict[str, Any]:
    thread, sid = place(row, threads)
    return {**row, "thread": thread, "story_id": sid}


def stories(documents: Any, events: Any, origin: Any, origin_keys: Any, partitions: int) -> Any:
    """An RDD of ("story", record), ("link_cluster", row) and ("link_event", row).

    Asserted events are grouped by block (type, actor country, month) and clustered there; the
    threads of each unit are collected (recipient country -> sectors: small) to place the loose
    clusters; clusters are then grouped by story. `documents` and `events` are RDDs of records
    (documents with their final `duplicate_of` and `order`); `origin` a broadcast of copy ->
    independent origin, `origin_keys` of origin -> its source key (only copies have an origin
    other than themselves, so both stay small).
    """
    from pyspark import StorageLevel

    sc = documents.context
    keys = documents.map(lambda d: (d["id"], (d["order"], d["published"], source_key(d))))
    asserted = events.filter(lambda e: e["status"] == "asserted").map(lambda e: (e["document_id"], e))
    linked = (asserted.join(keys, partitions).map(lambda kv: _by_block(kv, origin.value, origin_keys.value))
              .groupByKey(partitions).flatMap(link_block_rows).persist(StorageLevel.MEMORY_AND_DISK))
    clusters = linked.filter(lambda kv: kv[0] == "link_cluster").map(lambda kv: kv[1])
    threads = sc.broadcast(unit_threads(clusters.filter(lambda r: r["loose"] is None and r["thread"][0] == "=")
                                        .map(lambda r: {k: r[k] for k in ("unit", "thread", "loose", "sectors")})
                                        .collect()))
    placed = clusters.map(lambda r: _placed(r, threads.value)).persist(StorageLevel.MEMORY_AND_DISK)
    moved = sc.broadcast(dict(placed.filter(lambda r: r["loose"] is not None).map(lambda r: (r["id"], r["story_id"]))
                              .collect()))
    story = placed.map(lambda r: (r["story_id"], r)).groupByKey(partitions).map(lambda item: ("story", _story(item)))
    cluster_rows = placed.map(lambda r: ("link_cluster", {k: v for k, v in r.items() if k != "sources"}))
    event_rows = linked.filter(lambda kv: kv[0] == "link_event").map(
        lambda kv: ("link_event", {**kv[1], "story_id": moved.value.get(kv[1]["cluster_id"], kv[1]["story_id"])}))
    return event_rows.union(cluster_rows).union(story)


def _by_block(item: tuple[str, Any], origin: dict[str, str], origin_keys: dict[str, Any]) -> tuple[str, Any]:
    doc_id, (record, (order, published, key)) = item
    root = origin.get(doc_id, doc_id)
    return block_of(record, published), (record, order, published, doc_id, key, root, origin_keys.get(root, key))
