"""Stories across documents, kept in the store and updated as documents arrive.

`link_new(store)` links what is new since the last run: documents not yet seen by the
near-duplicate pass, and asserted events not yet in a story. Events are clustered in blocks (their
type, their actor's country and a month, see `merge.Report.block`); every block touched — by a new
event, or by an earlier document whose near-duplicate group changed — is clustered again from all
its events, and every story with a cluster in it is rebuilt from its clusters' stored summaries
(`link_clusters`). Blocks untouched are not read, so a run's memory follows the blocks it touches,
not the size of the store. Because clustering a block depends only on the set of its events,
linking incrementally gives exactly the stories that `relink_all(store)` builds from scratch, and
running `link_new` again with nothing new changes nothing.

`story_records(store)` streams the contract's `story` records. A story is a thread (type, actor
country, recipient country); its additive `clusters` list the distinct real-world events in it,
each with its own dates, documents, corroboration and conflicts.

Independence: a source is a document's publisher, else its URL host, else its source path;
corroboration counts distinct sources among the documents' origins, where a near-duplicate or
exact copy counts as the document it copies.

Only events with status `asserted` form stories; planned, hypothetical and negated ones do not.
It does not edit the events themselves.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import stable_id
from ..store import linkschema, schema
from ..store.db import Store, unwritable
from . import neardup
from .conflicts import conflicts
from .evidence import PRECISION_RANK
from .merge import (
    LOOSE,
    Report,
    block_of,
    clusters,
    place_loose,
    report_from_record,
    thread_keys,
    thread_sectors,
    unit_key,
)


@dataclass
class LinkSummary:
    documents: int = 0  # documents seen for the first time by the near-duplicate pass
    near_duplicates: int = 0  # of those, linked to an earlier document
    events: int = 0  # asserted events linked for the first time
    blocks: int = 0  # (type, actor country, month) blocks clustered again
    stories: int = 0  # stories written in those blocks
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 3)}


def _reports(conn: Connection, where: Any) -> list[Report]:
    """Asserted events matching `where`, as reports (with their stored stems when already linked)."""
    e, d, le = schema.events, schema.documents, linkschema.link_events
    rows = conn.execute(
        select(e.c.data, d.c.ingested_at, d.c.published, le.c.terms)
        .join(d, d.c.id == e.c.document_id).outerjoin(le, le.c.event_id == e.c.id)
        .where(e.c.status == "asserted", where)
    )
    return [report_from_record(data, str(ingested or ""), None if stems is None else frozenset(stems.split()),
                               published) for data, ingested, published, stems in rows]


def _new_blocks(conn: Connection) -> dict[str, list[str]]:
    """block -> ids of the asserted events not linked yet, read as a stream (only ids are kept)."""
    e, d, le = schema.events, schema.documents, linkschema.link_events
    query = (select(e.c.id, e.c.data, d.c.published).join(d, d.c.id == e.c.document_id)
             .where(e.c.status == "asserted", e.c.id.not_in(select(le.c.event_id))))
    blocks: dict[str, list[str]] = {}
    for event_id, data, published in conn.execute(query.execution_options(yield_per=2000)):
        blocks.setdefault(block_of(data, published), []).append(event_id)
    return blocks


def source_key(publisher: str | None, url: str | None, source: str) -> tuple[str, str]:
    """(key, display name) of a document's source: publisher, else URL host, else source."""
    if publisher and publisher.strip():
        name = publisher.strip()
        return name.casefold(), name
    host = urlsplit(url).hostname if url else None
    if host:
        host = host.removeprefix("www.")
        return host, host
    return source, source


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def _party(parties: Sequence[dict[str, Any]], country: str | None) -> dict[str, Any] | None:
    if country:
        parties = [p for p in parties if p.get("country") in (country, None)]
    if not any(any(p.get(k) for k in ("name", "country", "sector")) for p in parties):
        return None
    return {"name": _most_common(p.get("name") for p in parties),
            "country": country or _most_common(p.get("country") for p in parties),
            "sector": _most_common(p.get("sector") for p in parties),
            "id": _most_common(p.get("id") for p in parties)}


def _cluster_date(reports: Sequence[Report]) -> Report | None:
    """The report whose date stands for the cluster: the most precise, then most often given, then earliest."""
    dated = [r for r in reports if r.span]
    if not dated:
        return None
    rank = min(PRECISION_RANK.get(r.precision or "", 9) for r in dated)
    best = [r for r in dated if PRECISION_RANK.get(r.precision or "", 9) == rank]
    counts = Counter(r.date for r in best)
    return min(best, key=lambda r: (-counts[r.date], r.span, r.order))


@dataclass
class Sources:
    """Where documents came from: `origin` maps a copy to the document it copies (followed to the
    end), `key` a document to its source's (key, display name)."""

    origin: dict[str, str]
    key: dict[str, tuple[str, str]]

    def describe(self, doc_ids: Sequence[str]) -> tuple[list[str], list[str]]:
        """(every source carrying these documents, the independent ones among them)."""
        shown = {self.key[d][0]: self.key[d][1] for d in reversed(doc_ids) if d in self.key}
        independent = {}
        for d in reversed(doc_ids):
            origin = self.origin.get(d, d)
            if origin in self.key:
                k, name = self.key[origin]
                independent[k] = name
        return sorted(shown.values()), sorted(independent.values())

    def of(self, doc_ids: Iterable[str]) -> Sources:
        """The part of these sources that these documents need."""
        origin = {d: self.origin[d] for d in doc_ids}
        return Sources(origin, {d: self.key[d] for d in {*origin, *origin.values()}})


def _sources(conn: Connection, doc_ids: Iterable[str]) -> Sources:
    """The sources of these documents and of their origins, from the store."""
    origin = neardup.origins(conn, doc_ids)
    d = schema.documents
    key: dict[str, tuple[str, str]] = {}
    for part in neardup.chunks(sorted(set(origin) | set(origin.values()))):
        for row in conn.execute(select(d.c.id, d.c.publisher, d.c.url, d.c.source).where(d.c.id.in_(part))):
            key[row.id] = source_key(row.publisher, row.url, row.source)
    return Sources(origin, key)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _cluster_record(reports: Sequence[Report], sources: Sources) -> dict[str, Any]:
    docs = _dedupe(r.document_id for r in reports)
    shown, independent = sources.describe(docs)
    anchor = _cluster_date(reports)
    intensities = [r.intensity for r in reports if r.intensity is not None]
    return {
        "id": stable_id("cluster", reports[0].event_id),
        "date": anchor.date if anchor else None,
        "date_precision": anchor.precision if anchor else None,
        "event_ids": [r.event_id for r in reports],
        "document_ids": docs,
        "sources": shown,
        "corroboration": len(independent),
        "intensity": statistics.median(intensities) if intensities else None,
        "evidence": reports[0].evidence,
        "conflicts": conflicts(reports, sources.origin),
    }


def story_id(unit: str, thread: str) -> str:
    return stable_id("story", unit, thread)


def link_block(block: str, reports: Sequence[Report], sources: Sources) -> tuple[list[dict[str, Any]],
                                                                                 list[dict[str, Any]]]:
    """Cluster one block's reports: its `link_clusters` rows and `link_events` rows.

    A cluster row's `data` keeps what its story needs without the reports: the cluster's export
    record, each report's order and parties, and the date anchor. A cluster its block could not
    place in a thread has `loose` set (its recipient sector) and no thread or story yet: `place`
    decides them once the unit's threads are known."""
    reports = sorted(reports, key=lambda r: r.order)
    groups = clusters(reports)
    unit = block.rsplit(":", 1)[0]
    cluster_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    for group, thread in zip(groups, thread_keys(reports, groups), strict=True):
        members = [reports[i] for i in group]
        record = _cluster_record(members, sources)
        anchor = _cluster_date(members)
        loose = thread[len(LOOSE):] if thread.startswith(LOOSE) else None
        sid = None if loose is not None else story_id(unit, thread)
        data = {"record": record,
                "reports": [[list(r.order), r.actor, r.recipient] for r in members],
                "anchor": None if anchor is None else {"span": list(anchor.span or ()), "order": list(anchor.order)}}
        cluster_rows.append({"id": record["id"], "block": block, "unit": unit,
                             "thread": None if loose is not None else thread, "loose": loose,
                             "sectors": " ".join(sorted(thread_sectors(reports, group))), "story_id": sid,
                             "data": data})
        event_rows.extend({"event_id": r.event_id, "document_id": r.document_id, "unit": block,
                           "cluster_id": record["id"], "story_id": sid, "terms": " ".join(sorted(r.terms))}
                          for r in members)
    return cluster_rows, event_rows


def unit_threads(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, set[str]]]:
    """unit -> recipient country -> the sectors in that thread, from cluster rows."""
    out: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        thread = row["thread"]
        if row["loose"] is None and thread and thread.startswith("="):
            out.setdefault(row["unit"], {}).setdefault(thread[1:], set()).update((row["sectors"] or "").split())
    return out


def place(row: dict[str, Any], threads: dict[str, dict[str, set[str]]]) -> tuple[str, str]:
    """(thread, story id) of a cluster row: its own, or for a loose one, where its unit places it."""
    if row["loose"] is None:
        return row["thread"], row["story_id"]
    thread = place_loose(row["loose"], threads.get(row["unit"], {}))
    return thread, story_id(row["unit"], thread)


def story_record(unit: str, thread: str, clusters_data: Sequence[dict[str, Any]], sources: Sources) -> dict[str, Any]:
    """The contract's story record from the `data` of its clusters (all of one unit and thread)."""
    reports = sorted((tuple(order), actor, recipient)
                     for c in clusters_data for order, actor, recipient in c["reports"])
    anchors = [(tuple(c["anchor"]["span"]), tuple(c["anchor"]["order"]), c["record"]) for c in clusters_data
               if c["anchor"]]
    first = min(anchors, key=lambda a: (a[0], a[1]))[2] if anchors else None
    last = max(anchors, key=lambda a: (a[0][1], a[0][0], a[1]))[2] if anchors else None
    docs = _dedupe(order[1] for order, _, _ in reports)
    shown, independent = sources.describe(docs)
    event_type, actor_country = unit.split(":", 1)
    recipient_country = _most_common(recipient.get("country") for _, _, recipient in reports)
    records = sorted((c["record"] for c in clusters_data), key=lambda c: (c["date"] is None, c["date"] or "", c["id"]))
    return {
        "kind": "story",
        "id": story_id(unit, thread),
        "type": event_type,
        "actor": _party([a for _, a, _ in reports], None if actor_country == "-" else actor_country),
        "recipient": _party([r for _, _, r in reports], recipient_country),
        "date_first": first["date"] if first else None,
        "date_last": last["date"] if last else None,
        "event_ids": [order[2] for order, _, _ in reports],
        "document_ids": docs,
        "sources": shown,
        "corroboration": len(independent),
        "conflicts": [{**c, "cluster_id": rec["id"]} for rec in records for c in rec["conflicts"]],
        "independent_sources": independent,
        "clusters": records,
    }


def story_row(record: dict[str, Any]) -> dict[str, Any]:
    """The `stories` table row of a story record."""
    actor, recipient = record["actor"] or {}, record["recipient"] or {}
    return {"id": record["id"], "unit": unit_key(record["type"], actor.get("country")), "type": record["type"],
            "actor_country": actor.get("country"), "recipient_country": recipient.get("country"),
            "date_first": record["date_first"], "date_last": record["date_last"],
            "events": len(record["event_ids"]), "data": record}


BLOCKS_AT_ONCE = 20  # blocks re-clustered per round: memory follows the blocks, not the store
STORIES_AT_ONCE = 50


def _relink_blocks(conn: Connection, blocks: dict[str, list[str]]) -> int:
    """Cluster the given blocks again from all their events (stored ones plus the new ids listed),
    place their units' loose clusters, then rebuild every story that had or now has a cluster
    among them; returns stories written."""
    e, le, lc = schema.events, linkschema.link_events, linkschema.link_clusters
    touched: set[str] = set()
    units: set[str] = set()
    for part in neardup.chunks(sorted(blocks), BLOCKS_AT_ONCE):
        reports: list[Report] = []
        for ids in neardup.chunks([i for b in part for i in blocks[b]]):
            reports += _reports(conn, e.c.id.in_(ids))
        reports += _reports(conn, le.c.unit.in_(part))
        by_block: dict[str, list[Report]] = {}
        for r in reports:
            by_block.setdefault(r.block, []).append(r)
        del reports
        sources = _sources(conn, {r.document_id for rs in by_block.values() for r in rs})
        touched.update(conn.execute(select(lc.c.story_id).where(lc.c.block.in_(part)).distinct()).scalars())
        conn.execute(delete(lc).where(lc.c.block.in_(part)))
        conn.execute(delete(le).where(le.c.unit.in_(part)))
        for block in sorted(by_block):
            cluster_rows, event_rows = link_block(block, by_block[block], sources)
            units.update(row["unit"] for row in cluster_rows)
            touched.update(row["story_id"] for row in cluster_rows if row["story_id"])  # loose ones: placed below
            for rows in neardup.chunks(cluster_rows):
                conn.execute(insert(lc), list(rows))
            for rows in neardup.chunks(event_rows, 5000):
                conn.execute(insert(le), list(rows))
    for part in neardup.chunks(sorted(units)):
        touched.update(_place_loose(conn, part))
    return _rebuild_stories(conn, touched)


def _place_loose(conn: Connection, units: Sequence[str]) -> set[str]:
    """Give each loose cluster of these units its thread; returns the stories it left or joined."""
    le, lc = linkschema.link_events, linkschema.link_clusters
    rows = [r._asdict() for r in conn.execute(
        select(lc.c.id, lc.c.unit, lc.c.thread, lc.c.loose, lc.c.sectors, lc.c.story_id).where(lc.c.unit.in_(units)))]
    threads = unit_threads(rows)
    moved = []
    for row in rows:
        if row["loose"] is None:
            continue
        thread, sid = place(row, threads)
        if sid != row["story_id"]:
            moved.append({"cid": row["id"], "t": thread, "s": sid, "old": row["story_id"]})
    if moved:
        conn.execute(update(lc).where(lc.c.id == bindparam("cid"))
                     .values(thread=bindparam("t"), story_id=bindparam("s")), moved)
        conn.execute(update(le).where(le.c.cluster_id == bindparam("cid")).values(story_id=bindparam("s")), moved)
    return {m["s"] for m in moved} | {m["old"] for m in moved if m["old"]}


def _rebuild_stories(conn: Connection, story_ids: set[str]) -> int:
    lc, st = linkschema.link_clusters, linkschema.stories
    written = 0
    for part in neardup.chunks(sorted(story_ids), STORIES_AT_ONCE):
        by_story: dict[str, tuple[str, str, list[dict[str, Any]]]] = {}
        for sid, unit, thread, data in conn.execute(select(lc.c.story_id, lc.c.unit, lc.c.thread, lc.c.data)
                                                    .where(lc.c.story_id.in_(part)).order_by(lc.c.id)):
            by_story.setdefault(sid, (unit, thread, []))[2].append(data)
        docs = {order[1] for _, _, cs in by_story.values() for c in cs for order, _, _ in c["reports"]}
        sources = _sources(conn, docs)
        conn.execute(delete(st).where(st.c.id.in_(part)))
        rows = [story_row(story_record(*by_story[sid], sources)) for sid in sorted(by_story)]
        if rows:
            conn.execute(insert(st), rows)
        written += len(rows)
    return written


def _link(conn: Connection, summary: LinkSummary) -> None:
    le = linkschema.link_events
    nd = neardup.link_documents(conn)
    summary.documents, summary.near_duplicates = nd.documents, nd.near_duplicates
    blocks = _new_blocks(conn)
    summary.events = sum(len(ids) for ids in blocks.values())
    changed = sorted(nd.changed)  # their sources changed: so did every cluster counting them
    for part in neardup.chunks(changed):
        for block in conn.execute(select(le.c.unit).where(le.c.document_id.in_(part)).distinct()).scalars():
            blocks.setdefault(block, [])
    summary.blocks = len(blocks)
    if blocks:
        summary.stories = _relink_blocks(conn, blocks)


def pending(store: Store) -> bool:
    """Whether any stored document has not been linked yet (a run killed before linking leaves some)."""
    d, ld = schema.documents, linkschema.link_documents
    store.flush()
    linkschema.ensure(store.engine)
    with store.engine.connect() as conn:
        return conn.execute(select(d.c.id).where(d.c.id.not_in(select(ld.c.document_id))).limit(1)).first() is not None


def link_new(store: Store) -> LinkSummary:
    """Link the documents and events added since the last run; a second run with nothing new changes nothing."""
    started = time.perf_counter()
    store.refuse_writes()
    store.flush()
    linkschema.ensure(store.engine)
    summary = LinkSummary()
    try:
        with store.engine.begin() as conn:
            store.lock_writers(conn)
            _link(conn, summary)
    except SQLAlchemyError as exc:
        raise unwritable(store.name, exc) or StoreError(f"cannot link stories in the database: {exc}") from exc
    summary.seconds = time.perf_counter() - started
    return summary


def relink_all(store: Store) -> LinkSummary:
    """Forget every link and build them again: the same rows `link_new` reaches incrementally."""
    started = time.perf_counter()
    store.refuse_writes()
    store.flush()
    linkschema.ensure(store.engine)
    d, ld = schema.documents, linkschema.link_documents
    summary = LinkSummary()
    try:
        with store.engine.begin() as conn:
            store.lock_writers(conn)
            ours = select(ld.c.document_id).where(ld.c.exact.is_(False))
            conn.execute(update(d).where(d.c.id.in_(ours), d.c.duplicate_of.is_not(None)).values(duplicate_of=None))
            for table in linkschema.LINK_TABLES:
                conn.execute(delete(table))
            _link(conn, summary)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot link stories in the database: {exc}") from exc
    summary.seconds = time.perf_counter() - started
    return summary


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every `story` record, streamed, earliest first (undated stories last)."""
    store.flush()
    linkschema.ensure(store.engine)
    st = linkschema.stories
    with store.engine.connect() as conn:
        conn = conn.execution_options(stream_results=True, yield_per=500)
        query = select(st.c.data).order_by(st.c.date_first.is_(None), st.c.date_first, st.c.id)
        for (data,) in conn.execute(query):
            yield data
