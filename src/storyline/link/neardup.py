"""Near-duplicate documents: syndicated wire copies, mirrors and lightly edited reposts.

Takes the documents of a store not yet seen by this pass and links each group of copies — exact
copies (the same normalised text, so the same content hash) and near-duplicates alike — to one
canonical document, the original: the earliest published member (by day, then by the minute the
page states, `documents.published_at`), ties broken by the earliest ingested. Every other member
gets `documents.duplicate_of` = the canonical id and the canonical none, whatever the store set
when it stored an exact copy: so which copy is the original never depends on the order the files
were ingested in. Gives the set of already-linked documents whose group changed, so the stories
that count them as sources can be recomputed.

How: each text is cut into word 3-shingles of its normalised form; a MinHash signature
(`signature`: `NUM_PERM` hash functions) is split into `BANDS` bands of `ROWS` rows and each band is
hashed into a bucket stored in `minhash_bands`. Documents sharing a bucket are candidates
(probability of becoming one: 1-(1-J^3)^42, so 0.87 at Jaccard 0.4 and 0.996 at 0.5), and a
candidate is confirmed on the shingle sets (compared as 64-bit fingerprints, `fingerprints`):
- Jaccard >= `MIN_JACCARD` (0.5): a wire story reposted with a new headline, a changed lede and a
  few words edited keeps 0.7-0.9 of its 3-shingles; two different articles on the same news share
  under 0.1 (the same names and quoted sentences, not the same running text);
- or containment of the shorter in the longer >= `MIN_CONTAINMENT` (0.8) when the shorter has at
  least `MIN_CONTAINED` shingles: a mirror that kept only the first half of a wire story.
Texts under `MIN_SHINGLES` shingles are too short to tell a copy from a shared quotation and are
never linked.

New documents are taken `CHUNK` at a time (`BandIndex`): the stored rows of all their buckets
are read in a few queries, each document of the chunk also finds the ones before it, and the
chunk's rows are written at its end in bucket order. The candidates are exactly those of one
query per document against `minhash_bands`, at a fraction of the round trips.

Groups only grow (documents are never deleted), and a group is the transitive closure of
confirmed pairs, so the grouping does not depend on the order documents arrive in.

Across languages, shingles see nothing; `translation` tells a translation by its numbers and names
in order, and a translation (of a document in another coded language published within
`translation.MAX_DAYS` days) joins its original's group the same way, so it is not counted again as
a source. Each document whose original is in another language gets `documents.translation_of` =
that original (the same id as `duplicate_of`); every other document has it null.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection

from ..model import normalise_text
from ..store import dupqueries
from ..store.dupqueries import CHUNK, chunks
from ..unionfind import union_find
from . import translation

NUM_PERM = 126
BANDS, ROWS = 42, 3
SEED = 7
SHINGLE = 3
SIGNATURE_BLOCK = 2048  # shingles hashed at once by `signature` (2 MB of temporaries)
MIN_SHINGLES = 12
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
MIN_CONTAINED = 40
# A band bucket holding this many documents is shared by a template (a wire service's standard
# paragraph, a site's boilerplate), not evidence that two texts are copies; looking through it would
# make linking quadratic on templated corpora. Each document is compared with at most MAX_CANDIDATES
# others, those sharing the most buckets first: the number of shared bands rises with resemblance.
MAX_BUCKET = 200
MAX_CANDIDATES = 50
SHINGLES_KEPT = 400_000  # shingles of recent documents kept for comparison (8 bytes each, ~4 MB)
WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[str]:
    """Word 3-grams of the normalised text (case, quotes and spacing folded)."""
    words = WORD.findall(normalise_text(text))
    if len(words) < SHINGLE:
        return frozenset([" ".join(words)]) if words else frozenset()
    # Each run of SHINGLE words: the word lists shifted by 0..SHINGLE-1, zipped (the shortest ends it).
    return frozenset(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))


def fingerprints(grams: Iterable[str]) -> frozenset[int]:
    """Each shingle as a 64-bit fingerprint (BLAKE2b): what two shingle sets are compared on. A set
    of short integers takes a third of the memory of the strings, and packed (`ShingleCache`) a
    twentieth; two different shingles of two compared texts share a fingerprint with odds of about
    one in 10^16, so Jaccard and containment come out as on the strings."""
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little")
                     for g in grams)


@cache
def _permutations() -> tuple[Any, Any]:
    """The `NUM_PERM` hash functions, fixed by `SEED`: odd 64-bit multipliers and 64-bit offsets."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    a = rng.integers(0, 2**64, size=NUM_PERM, dtype=np.uint64, endpoint=False) | np.uint64(1)
    b = rng.integers(0, 2**64, size=NUM_PERM, dtype=np.uint64, endpoint=False)
    return a, b


def signature(grams: Iterable[str]) -> Any:
    """The MinHash signature of a shingle set: for each of the `NUM_PERM` hash functions, the least
    value it takes over the shingles. A shingle's CRC-32 (C, stable across processes and versions)
    is mapped by multiply-shift, h -> the high 32 bits of (a*h + b) mod 2^64, a universal family;
    numpy's uint64 arithmetic wraps, which is the modulo. An empty set gives all 2^32-1. Shingles
    are taken `SIGNATURE_BLOCK` at a time, so a long text never needs a large temporary array."""
    import numpy as np

    a, b = _permutations()
    values = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64)
    least = np.full(NUM_PERM, 2**32 - 1, dtype=np.uint64)
    for start in range(0, len(values), SIGNATURE_BLOCK):
        block = values[start:start + SIGNATURE_BLOCK, None]
        np.minimum(least, ((block * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0), out=least)
    return least.astype(np.uint32)


def buckets(grams: Iterable[str]) -> list[str]:
    """The LSH bucket keys of a shingle set: one per band of its MinHash signature."""
    values = signature(grams)
    out = []
    for band in range(BANDS):
        h = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8, person=b"band%d" % band)
        out.append(h.hexdigest())
    return out


def resemblance(a: frozenset[Any], b: frozenset[Any]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def near_duplicate(a: frozenset[Any], b: frozenset[Any]) -> float | None:
    """The Jaccard resemblance when the two texts are near-duplicates, else None."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return None
    jaccard, contained = resemblance(a, b)
    if jaccard >= MIN_JACCARD or (contained >= MIN_CONTAINMENT and min(len(a), len(b)) >= MIN_CONTAINED):
        return jaccard
    return None


def likeliest(shared: Counter[str]) -> list[str]:
    """The `MAX_CANDIDATES` documents sharing most buckets with one document, ties by id (so the
    choice depends only on the counts, never on the order rows came back from the database)."""
    return [doc for doc, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]]


class BandIndex:
    """The LSH index as one chunk of new documents sees it: the stored rows of their buckets, read in
    a few queries for the whole chunk (not one per document), plus the chunk's own documents as
    they are indexed. `likeliest` gives what one query per document against `minhash_bands` would:
    the documents sharing the most usable buckets (those holding at most `MAX_BUCKET` documents)."""

    def __init__(self, conn: Connection, keys: Iterable[str]) -> None:
        self.size: Counter[str] = Counter()
        self.members: dict[str, list[str]] = {}
        self.rows: list[dict[str, str]] = []  # the chunk's own rows, written by `write`
        for bucket, n in dupqueries.bucket_sizes(conn, sorted(set(keys))):
            self.size[bucket] = n
        small = sorted(b for b, n in self.size.items() if n <= MAX_BUCKET)  # a template's bucket is never read
        for bucket, doc in dupqueries.bucket_members(conn, small):
            self.members.setdefault(bucket, []).append(doc)

    def stored(self) -> set[str]:
        """The stored documents of the chunk's usable buckets: every candidate it can give but its own."""
        return {doc for docs in self.members.values() for doc in docs}

    def likeliest(self, keys: Iterable[str], own: str) -> list[str]:
        shared: Counter[str] = Counter()
        for key in set(keys):
            if self.size[key] <= MAX_BUCKET:
                shared.update(doc for doc in self.members.get(key, ()) if doc != own)
        return likeliest(shared)

    def add(self, keys: Iterable[str], doc: str) -> None:
        """Index a document at once, so the next one of the chunk finds it as it finds earlier ones."""
        for key in dict.fromkeys(keys):
            self.size[key] += 1
            if self.size[key] <= MAX_BUCKET:
                self.members.setdefault(key, []).append(doc)
            self.rows.append({"band": key, "document_id": doc})

    def write(self, conn: Connection) -> None:
        # In bucket order: the index on (bucket, document) is then written leaf after leaf, not at
        # random, which keeps a small database page cache from spilling and reading pages back.
        self.rows.sort(key=lambda r: (r["band"], r["document_id"]))
        dupqueries.write_bands(conn, self.rows)
        self.rows = []


class ShingleCache:
    """The shingle fingerprints (`fingerprints`) of the documents last compared, up to `SHINGLES_KEPT`
    shingles in all: a run of similar new documents compares each with the same few recent ones,
    which are then read and shingled once, not once per comparison. Each set is kept packed, 8 bytes
    a shingle, and given back as a set. Memory is bounded by the budget, not by the run."""

    def __init__(self, budget: int | None = None) -> None:
        self.budget = SHINGLES_KEPT if budget is None else budget
        self.sets: dict[str, array[int]] = {}
        self.size = 0

    def __contains__(self, doc: str) -> bool:
        return doc in self.sets

    def __getitem__(self, doc: str) -> frozenset[int]:
        packed = self.sets.pop(doc)
        self.sets[doc] = packed  # most recently used last
        return frozenset(packed)

    def put(self, doc: str, grams: frozenset[int]) -> frozenset[int]:
        if doc in self.sets:
            self.size -= len(self.sets.pop(doc))
        self.sets[doc] = array("Q", grams)
        self.size += len(grams)
        while self.size > self.budget and len(self.sets) > 1:
            oldest = next(iter(self.sets))
            self.size -= len(self.sets.pop(oldest))
        return grams


@dataclass
class NearDupResult:
    documents: int = 0  # documents seen for the first time
    near_duplicates: int = 0  # of those, how many joined an earlier document's group
    translations: int = 0  # of those, how many joined it as a translation (counted in near_duplicates too)
    changed: set[str] = field(default_factory=set)  # earlier documents whose group canonical changed


def canonical_key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """The original of a group of copies is the member with the least key: earliest published day,
    then minute (unknown last), then earliest ingested, then id."""
    return (row["published"] or "9999", row.get("published_at") or "~", str(row["ingested_at"] or ""), row["id"])


def _new_documents(conn: Connection) -> Iterable[tuple[Any, str | None]]:
    """The documents not yet seen by this pass, in arrival order, their texts read a chunk at a time,
    each with its earlier twin: the first stored document with the same text that arrived before it
    (it is then an exact copy, joined to that one's group and never indexed itself), or None."""
    for part in chunks(dupqueries.unlinked_document_ids(conn)):
        rows = dupqueries.documents_to_link(conn, part)
        copies: dict[str, list[tuple[str, str]]] = {}
        for h, doc, at in dupqueries.documents_by_hash(conn, sorted({r.content_hash for r in rows.values()})):
            copies.setdefault(h, []).append((str(at or ""), doc))
        for i in part:
            row = rows[i]
            own = (str(row.ingested_at or ""), row.id)
            earlier = [c for c in copies.get(row.content_hash, []) if c < own]
            yield row, min(earlier)[1] if earlier else None


def link_documents(conn: Connection) -> NearDupResult:
    """Find and link the near-duplicates among documents not yet seen; one transaction (the caller's).

    An earlier group enters the run as one node, its canonical document: the group's members are
    read only when the group gets another canonical (a new member published earlier, or two
    groups joined), so memory follows the new documents, not the size of the groups."""
    result = NearDupResult()
    parent: dict[str, str] = {}  # union-find over new documents and earlier groups' canonicals
    find = union_find(parent)
    new_ids: set[str] = set()
    exact: dict[str, str] = {}
    similarity: dict[str, float] = {}
    group_of: dict[str, str] = {}  # earlier document -> its group's canonical
    pointer: dict[str, str | None] = {}  # new document -> its duplicate_of as stored
    seen = ShingleCache()  # the shingles of recent documents: the candidates of the next ones
    languages = _coded_languages(conn)  # a translation is looked for only when another language is stored

    def link_chunk(batch: Sequence[tuple[Any, str | None]]) -> None:
        grams_of: dict[str, frozenset[int]] = {}
        keys_of: dict[str, list[str]] = {}
        for row, twin in batch:
            if not twin:
                text_grams = shingles(row.text)
                if len(text_grams) >= MIN_SHINGLES:
                    grams_of[row.id], keys_of[row.id] = fingerprints(text_grams), buckets(text_grams)
        index = BandIndex(conn, (k for keys in keys_of.values() for k in keys))
        group_of.clear()  # stored groups do not change within a pass: the cache holds one chunk's candidates
        _groups_read(conn, index.stored() - new_ids, group_of)  # the chunk's candidates, in a few queries
        for row, twin in batch:
            result.documents += 1
            new_ids.add(row.id)
            pointer[row.id] = row.duplicate_of
            find(row.id)
            if twin:  # an exact copy: one of its group, never indexed
                exact[row.id] = twin
                parent[find(row.id)] = find(twin if twin in new_ids else _group(conn, twin, group_of))
                continue
            if row.id not in keys_of:
                continue
            grams, keys = grams_of[row.id], keys_of[row.id]
            candidates = index.likeliest(keys, row.id)
            best = None
            known = {cid: seen[cid] for cid in candidates if cid in seen}
            for cid, ctext in dupqueries.texts(conn, sorted(set(candidates) - set(known))):
                known[cid] = seen.put(cid, fingerprints(shingles(ctext)))
            for cid in sorted(known):
                sim = near_duplicate(grams, known[cid])
                if sim is not None:
                    parent[find(row.id)] = find(cid if cid in new_ids else _group(conn, cid, group_of))
                    best = sim if best is None else max(best, sim)
            if best is None and len(languages - {row.language}) and (original := _translated_from(conn, row)):
                root = find(original if original in new_ids else _group(conn, original, group_of))
                if find(row.id) != root:  # not when the original, seen first, already found this one
                    parent[find(row.id)] = root
                    best = 0.0  # no shared wording: linked on numbers and names
                    result.translations += 1
            if best is not None:
                similarity[row.id] = best
                result.near_duplicates += 1
            seen.put(row.id, grams)
            index.add(keys, row.id)
        index.write(conn)

    batch: list[tuple[Any, str | None]] = []
    for item in _new_documents(conn):  # a chunk at a time: its stored buckets are read in a few queries
        batch.append(item)
        if len(batch) == CHUNK:
            link_chunk(batch)
            batch = []
    if batch:
        link_chunk(batch)
    if not result.documents:
        return result
    # Resolve each set to its canonical: the first of its new documents and earlier canonicals.
    members: dict[str, list[str]] = {}
    for node in list(parent):
        members.setdefault(find(node), []).append(node)
    info = {r["id"]: r for r in dupqueries.canonical_rows(conn, sorted(parent))}
    rows = []
    pointers: list[dict[str, Any]] = []  # new documents whose duplicate_of changes: one statement for all
    moved: list[tuple[str, str]] = []  # (earlier group's canonical, the canonical it now has)
    for nodes in members.values():
        canonical = min(nodes, key=lambda x: canonical_key(info[x]))
        for node in nodes:
            if node not in new_ids:
                if node != canonical:
                    moved.append((node, canonical))
                continue
            target = None if node == canonical else canonical
            if pointer.get(node) != target:
                pointers.append({"node": node, "target": target})
            rows.append({"document_id": node, "group_id": canonical, "exact": node in exact,
                         "similarity": 1.0 if node in exact else similarity.get(node)})
    if pointers:
        dupqueries.set_duplicate_of(conn, pointers)
    for old, canonical in moved:
        result.changed.update(dupqueries.move_group(conn, old, canonical))
    dupqueries.write_groups(conn, rows)
    if result.translations or dupqueries.any_translation(conn):
        _mark_translations(conn, sorted(new_ids | result.changed))
    return result


def _coded_languages(conn: Connection) -> set[str | None]:
    """The coded languages the store holds documents in (two or more: translations are possible)."""
    found: set[str | None] = set(dupqueries.stored_languages(conn, translation.LANGUAGES))
    return found if len(found) > 1 else set()


TRANSLATION_CANDIDATES = 200  # documents in another language published within the window, nearest first


def _translated_from(conn: Connection, row: Any) -> str | None:
    """A document in another coded language, published within days, that `row` is a translation of."""
    if row.language not in translation.LANGUAGES or not row.published or len(row.published) != 10:
        return None
    try:
        day = dt.date.fromisoformat(row.published)
        earliest, latest = day - dt.timedelta(days=translation.MAX_DAYS), day + dt.timedelta(days=translation.MAX_DAYS)
    except (ValueError, OverflowError):  # not a day, or one at the calendar's edge (a placeholder "0001-01-01")
        return None
    others = [lang for lang in translation.LANGUAGES if lang != row.language]
    candidates = dupqueries.translation_candidates(
        conn, others, earliest.isoformat(), latest.isoformat(), row.id, TRANSLATION_CANDIDATES)
    own = translation.anchors(row.text)
    words = len(row.text.split())
    for cid, ctext in candidates:
        if translation.is_translation(own, translation.anchors(ctext), words, len(ctext.split())):
            return str(cid)
    return None


def _mark_translations(conn: Connection, doc_ids: Sequence[str]) -> None:
    """`translation_of` = `duplicate_of` where the original is in another language, else null."""
    for part in chunks(doc_ids):
        rows = dupqueries.translation_state(conn, part)
        targets = sorted({r.duplicate_of for r in rows if r.duplicate_of})
        language = dupqueries.languages(conn, targets) if targets else {}
        for r in rows:
            want = r.duplicate_of if r.duplicate_of and language.get(r.duplicate_of) not in (None, r.language) \
                else None
            if want != r.translation_of:
                dupqueries.set_translation_of(conn, r.id, want)


def _groups_read(conn: Connection, docs: Iterable[str], group_of: dict[str, str]) -> None:
    """`_group` for many earlier documents at once, read in a few queries, not one a document."""
    wanted = sorted(d for d in docs if d not in group_of)
    found = dupqueries.groups_of(conn, wanted)
    group_of.update((d, found.get(d) or d) for d in wanted)


def _group(conn: Connection, doc: str, group_of: dict[str, str]) -> str:
    """The canonical of an earlier document's group (itself when it has none)."""
    if doc not in group_of:
        group_of[doc] = dupqueries.group_of(conn, doc) or doc
    return group_of[doc]


def origins(conn: Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    """Each document's independent origin: itself, or the document it copies (followed to the end)."""
    wanted = sorted(set(doc_ids))
    pointer: dict[str, str | None] = {}
    pending = wanted
    while pending:
        pointer.update(dict.fromkeys(pending))
        pointer.update(dupqueries.duplicate_pointers(conn, pending))
        pending = sorted({t for t in pointer.values() if t and t not in pointer})

    def root(doc: str) -> str:
        seen = {doc}
        while pointer.get(doc) and pointer[doc] not in seen:  # a cycle cannot arise, but never loop on one
            doc = pointer[doc]  # type: ignore[assignment]
            seen.add(doc)
        return doc

    return {doc: root(doc) for doc in wanted}
