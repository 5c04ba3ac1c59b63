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

Two levels (see `merge`): an **incident** is one real-world event (a cluster of reports, a
`link_clusters` row); a **story** is a thread of incidents on one matter: one type, actor
country, recipient country and matter (lexicon/matters.yaml) across months. `story_records(store)`
streams the contract's `story` records, `store.incidents.incident_records(store)` the `incident`
records; a story's `incident_ids` and additive `clusters` list its incidents.

Ids: an incident's id follows from its earliest report (earliest published, ties by ids), a
story's from its first incident (the one whose earliest report is earliest). Event ids are hashes
of their document's text, so two unrelated stores never share an incident or story id; and since
"earliest" never looks at when a document was ingested, neither do the ids.

Outlets and independence: a document's outlet is its publisher, else its URL's registered domain
(public suffix list), else "unknown" — never a file path. Corroboration counts distinct outlets
among the documents' origins (a near-duplicate or exact copy counts as the document it copies, and
one outlet writing twice counts once), leaving out an outlet whose every report of the incident
credits another of its outlets ("according to Harbor Wire"). An incident's `second_hand` lists
the sources its reports credit that do not report it themselves.

Only events with status `asserted` form incidents; planned, hypothetical and negated ones do not.
A background recap of an earlier event (`background: true`) never joins another report's incident:
it stands alone as an incident marked `background`, which threads into its story (it tells what
the story is about) but corroborates nothing (corroboration 0). It does not edit the
events themselves.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..intervals import PRECISION_RANK
from ..model import stable_id
from ..store import dupqueries, linkschema, storyqueries
from ..store.db import Store, unwritable
from ..store.dupqueries import chunks
from ..store.storyqueries import EventRow
from . import neardup
from .attach import attach_timeless, with_timeless_blocks
from .conflicts import conflicts
from .evidence import is_outlet
from .merge import (
    LOOSE,
    Report,
    block_of,
    clusters,
    matter_of,
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


def _reports(rows: Iterable[EventRow]) -> list[Report]:
    """Stored asserted events as reports (with their stored stems when already linked)."""
    return [report_from_record(data, published_at, None if stems is None else frozenset(stems.split()),
                               published, str(seen or ""), language)
            for data, published_at, published, seen, stems, language in rows]


def _new_blocks(conn: Connection) -> dict[str, list[str]]:
    """block -> ids of the asserted events not linked yet, read as a stream (only ids are kept)."""
    blocks: dict[str, list[str]] = {}
    for event_id, data, published in storyqueries.unlinked_events(conn):
        blocks.setdefault(block_of(data, published), []).append(event_id)
    return blocks


UNKNOWN_OUTLET = "unknown"


def outlet(publisher: str | None, url: str | None) -> tuple[str, str]:
    """(key, display name) of a document's outlet: its publisher, else its URL's registered domain
    ("edition.cnn.com" -> "cnn.com", "www.bbc.co.uk" -> "bbc.co.uk"), else "unknown"."""
    host = urlsplit(url if url and "//" in url else "//" + (url or "")).hostname if url else None
    if publisher and publisher.strip() and not (host and publisher.strip().casefold().removeprefix("www.")
                                                == host.removeprefix("www.")):
        name = publisher.strip()
        return name.casefold(), name
    if url:  # a publisher that is only the URL's host (the clean stage's fallback) gives way to its domain
        from tld import get_fld  # imported here: it reads its public suffix list on first use

        domain = get_fld(url, fail_silently=True, fix_protocol=True)
        if not domain:
            domain = host.removeprefix("www.") if host else None
        if domain:
            return domain.casefold(), domain.casefold()
    return UNKNOWN_OUTLET, UNKNOWN_OUTLET


def source_key(publisher: str | None, url: str | None, source: str) -> tuple[str, str]:
    """The outlet of a document (`outlet`); `source`, its path or URL as given, is never one."""
    return outlet(publisher, url or (source if "://" in source else None))


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
    end), `key` a document to its outlet's (key, display name)."""

    origin: dict[str, str]
    key: dict[str, tuple[str, str]]

    def describe(self, doc_ids: Sequence[str]) -> tuple[list[str], list[str]]:
        """(every outlet carrying these documents, the independent ones among them)."""
        shown = {self.key[d][0]: self.key[d][1] for d in reversed(doc_ids) if d in self.key}
        independent = {}
        for d in reversed(doc_ids):
            origin = self.origin.get(d, d)
            if origin in self.key:
                k, name = self.key[origin]
                independent[k] = name
        return sorted(shown.values()), sorted(independent.values())


def _sources(conn: Connection, doc_ids: Iterable[str]) -> Sources:
    """The outlets of these documents and of their origins, from the store."""
    origin = neardup.origins(conn, doc_ids)
    key = {row.id: source_key(row.publisher, row.url, row.source)
           for row in storyqueries.outlet_rows(conn, sorted(set(origin) | set(origin.values())))}
    return Sources(origin, key)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _location(reports: Sequence[Report]) -> dict[str, Any] | None:
    """The place most of the reports give (the most precise among equals, then the first)."""
    places = [r.location for r in reports if r.location and r.location.get("name")]
    if not places:
        return None
    counts = Counter(p["name"] for p in places)
    best = max(counts.values())
    return next(p for p in places if counts[p["name"]] == best)


def _credit_key(name: str) -> str:
    return " ".join(name.casefold().split())


def incident_id(first_event_id: str) -> str:
    """An incident's id: from its earliest report's event id (itself a hash of its document's text)."""
    return stable_id("incident", first_event_id)


def incident_record(reports: Sequence[Report], sources: Sources) -> dict[str, Any]:
    """The contract's `incident` record of one cluster of reports (given earliest first), without
    its `story_id` (the story is known only once its thread is placed; exports join it)."""
    docs = _dedupe(r.document_id for r in reports)
    shown, _ = sources.describe(docs)
    anchor = _cluster_date(reports)
    intensities = [r.intensity for r in reports if r.intensity is not None]
    outlet_names = {sources.key[d][0]: sources.key[d][1] for d in docs if d in sources.key}
    credited: dict[str, str] = {}
    first_hand: set[str] = set()  # independent outlets with a report that credits none of the others
    for r in reports:
        origin = sources.origin.get(r.document_id, r.document_id)
        own = sources.key.get(origin, (None, None))[0]
        credit = _credit_key(r.reported_by) if r.reported_by else None
        if credit:
            credited.setdefault(credit, r.reported_by or "")
        if own is not None and not r.background and not (credit and credit in outlet_names and credit != own):
            first_hand.add(own)
    second_hand = sorted(name for key, name in credited.items() if key not in outlet_names and is_outlet(name))
    original = min(reports, key=lambda r: r.order).document_id
    return {
        "kind": "incident",
        "id": incident_id(reports[0].event_id),
        "story_id": None,
        "type": reports[0].type,
        "actor": _party([r.actor for r in reports], None),
        "recipient": _party([r.recipient for r in reports], None),
        "date": anchor.date if anchor else None,
        "date_precision": anchor.precision if anchor else None,
        "location": _location(reports),
        "event_ids": [r.event_id for r in reports],
        "document_ids": docs,
        "outlets": shown,
        "corroboration": len(first_hand),
        "second_hand": second_hand,
        "original_document_id": sources.origin.get(original, original),
        "background": all(r.background for r in reports),
        "conflicts": conflicts(reports, sources.origin),
        "intensity": statistics.median(intensities) if intensities else None,
        "evidence": reports[0].evidence,
        "sources": shown,
    }


def thread_id(unit: str, thread: str) -> str:
    """The internal key of a thread (a story before its id is known): its unit and thread key."""
    return stable_id("thread", unit, thread)


def story_id(first_incident_id: str) -> str:
    """A story's id: from its first incident's id."""
    return stable_id("story", first_incident_id)


def link_block(block: str, reports: Sequence[Report], sources: Sources) -> tuple[list[dict[str, Any]],
                                                                                 list[dict[str, Any]]]:
    """Cluster one block's reports: its `link_clusters` rows (one per incident) and `link_events` rows.

    A cluster row's `data` keeps what its story needs without the reports: the incident's export
    record, its matter, each report's order and parties, and the date anchor. A cluster its block
    could not place in a thread has `loose` set (its recipient sector and matter) and no thread
    yet: `place` decides them once the unit's threads are known. Story ids are set when stories
    are rebuilt (`_rebuild_stories`), since they follow from the first incident of the thread."""
    reports = sorted(reports, key=lambda r: r.order)
    groups = clusters(reports)
    matters = [matter_of(reports, g) for g in groups]
    unit = block.rsplit(":", 1)[0]
    cluster_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    for group, matter, thread in zip(groups, matters, thread_keys(reports, groups, matters), strict=True):
        members = [reports[i] for i in group]
        record = incident_record(members, sources)
        anchor = _cluster_date(members)
        loose = thread[len(LOOSE):] if thread.startswith(LOOSE) else None
        data = {"record": record, "matter": matter,
                "reports": [[list(r.order), r.actor, r.recipient] for r in members],
                "anchor": None if anchor is None else {"span": list(anchor.span or ()), "order": list(anchor.order)}}
        cluster_rows.append({"id": record["id"], "block": block, "unit": unit,
                             "thread": None if loose is not None else thread, "loose": loose,
                             "sectors": " ".join(sorted(thread_sectors(reports, group))),
                             "thread_id": None if loose is not None else thread_id(unit, thread),
                             "story_id": None, "data": data})
        event_rows.extend({"event_id": r.event_id, "document_id": r.document_id, "unit": block,
                           "cluster_id": record["id"], "story_id": None, "terms": " ".join(sorted(r.terms))}
                          for r in members)
    return cluster_rows, event_rows


def unit_threads(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, set[str]]]:
    """unit -> "recipient country|matter" -> the sectors in that thread, from cluster rows."""
    out: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        thread = row["thread"]
        if row["loose"] is None and thread and thread.startswith("="):
            out.setdefault(row["unit"], {}).setdefault(thread[1:], set()).update((row["sectors"] or "").split())
    return out


def place(row: dict[str, Any], threads: dict[str, dict[str, set[str]]]) -> tuple[str, str]:
    """(thread, thread id) of a cluster row: its own, or for a loose one, where its unit places it."""
    if row["loose"] is None:
        return row["thread"], row["thread_id"]
    thread = place_loose(row["loose"], threads.get(row["unit"], {}))
    return thread, thread_id(row["unit"], thread)


def story_record(unit: str, clusters_data: Sequence[dict[str, Any]], sources: Sources) -> dict[str, Any]:
    """The contract's story record from the `data` of its clusters (all of one unit and thread)."""
    reports = sorted((tuple(order), actor, recipient)
                     for c in clusters_data for order, actor, recipient in c["reports"])
    anchors = [(tuple(c["anchor"]["span"]), tuple(c["anchor"]["order"]), c["record"]) for c in clusters_data
               if c["anchor"]]
    first = min(anchors, key=lambda a: (a[0], a[1]))[2] if anchors else None
    last = max(anchors, key=lambda a: (a[0][1], a[0][0], a[1]))[2] if anchors else None
    docs = _dedupe(order[3] for order, _, _ in reports)
    shown, independent = sources.describe(docs)
    event_type, actor_country = unit.split(":", 1)
    recipient_country = _most_common(recipient.get("country") for _, _, recipient in reports)
    opening = min(clusters_data, key=lambda c: min(tuple(o) for o, _, _ in c["reports"]))
    sid = story_id(opening["record"]["id"])
    records = sorted(({**c["record"], "story_id": sid} for c in clusters_data),
                     key=lambda c: (c["date"] is None, c["date"] or "", c["id"]))
    return {
        "kind": "story",
        "id": sid,
        "type": event_type,
        "actor": _party([a for _, a, _ in reports], None if actor_country == "-" else actor_country),
        "recipient": _party([r for _, _, r in reports], recipient_country),
        "date_first": first["date"] if first else None,
        "date_last": last["date"] if last else None,
        "event_ids": [order[4] for order, _, _ in reports],
        "document_ids": docs,
        "sources": shown,
        "corroboration": len(independent),
        "conflicts": [{**c, "cluster_id": rec["id"], "incident_id": rec["id"]}
                      for rec in records for c in rec["conflicts"]],
        "independent_sources": independent,
        "matter": _most_common(c.get("matter") for c in clusters_data),
        "incident_ids": [rec["id"] for rec in records],
        "clusters": records,
    }


def story_row(record: dict[str, Any], thread: str) -> dict[str, Any]:
    """The `stories` table row of a story record (`thread` its internal thread id)."""
    actor, recipient = record["actor"] or {}, record["recipient"] or {}
    return {"id": record["id"], "thread_id": thread, "unit": unit_key(record["type"], actor.get("country")),
            "type": record["type"], "actor_country": actor.get("country"),
            "recipient_country": recipient.get("country"), "date_first": record["date_first"],
            "date_last": record["date_last"], "events": len(record["event_ids"]), "data": record}


BLOCKS_AT_ONCE = 20  # blocks re-clustered per round: memory follows the blocks, not the store
STORIES_AT_ONCE = 50
CLUSTERS_AT_ONCE = 2000  # clusters read per round of stories rebuilt (`_thread_rounds`)


def _digest(record: dict[str, Any]) -> str:
    return stable_id(json.dumps(record, sort_keys=True, default=str))


def _relink_blocks(conn: Connection, blocks: dict[str, list[str]]) -> int:
    """Cluster the given blocks again from all their events (stored ones plus the new ids listed),
    place their units' loose clusters, then rebuild every story that had or now has a cluster
    among them; returns stories written. An incident that comes out as it was keeps its
    `created_at` and `updated_at`; one whose record changed gets a new `updated_at`."""
    touched: set[str] = set()
    units: set[str] = set()
    now = dt.datetime.now(dt.UTC)
    for part in chunks(sorted(blocks), BLOCKS_AT_ONCE):
        reports = _reports(storyqueries.asserted_events(conn, [i for b in part for i in blocks[b]]))
        reports += _reports(storyqueries.linked_events(conn, part))
        by_block: dict[str, list[Report]] = {}
        for r in reports:
            by_block.setdefault(r.block, []).append(r)
        del reports
        sources = _sources(conn, {r.document_id for rs in by_block.values() for r in rs})
        before: dict[str, tuple[Any, Any, str | None]] = {}
        for old_row in storyqueries.cluster_times(conn, part):
            if old_row.thread_id:
                touched.add(old_row.thread_id)
            before[old_row.id] = (old_row.created_at, old_row.updated_at, old_row.digest)
        storyqueries.forget_blocks(conn, part)
        for block in sorted(by_block):
            cluster_rows, event_rows = link_block(block, by_block[block], sources)
            for row in cluster_rows:
                digest = _digest(row["data"]["record"])
                created, updated, old = before.get(row["id"], (now, now, None))
                row.update(digest=digest, created_at=created or now,
                           updated_at=updated if old == digest and updated else now)
            units.update(row["unit"] for row in cluster_rows)
            touched.update(row["thread_id"] for row in cluster_rows if row["thread_id"])  # loose ones: placed below
            storyqueries.write_clusters(conn, cluster_rows)
            storyqueries.write_linked_events(conn, event_rows)
    touched.update(attach_timeless(conn, units))
    for part in chunks(sorted(units)):
        touched.update(_place_loose(conn, part))
    return _rebuild_stories(conn, touched)


def _place_loose(conn: Connection, units: Sequence[str]) -> set[str]:
    """Give each loose cluster of these units its thread; returns the threads it left or joined."""
    rows = storyqueries.unit_clusters(conn, units)
    threads = unit_threads(rows)
    moved = []
    for row in rows:
        if row["loose"] is None:
            continue
        thread, tid = place(row, threads)
        if tid != row["thread_id"]:
            moved.append({"cid": row["id"], "t": thread, "tid": tid, "old": row["thread_id"]})
    if moved:
        storyqueries.move_clusters(conn, moved)
    return {m["tid"] for m in moved} | {m["old"] for m in moved if m["old"]}


def _thread_rounds(conn: Connection, thread_ids: Sequence[str]) -> Iterator[list[str]]:
    """These threads in rounds of at most `STORIES_AT_ONCE` threads and `CLUSTERS_AT_ONCE` clusters
    (a thread larger than that is a round of its own): a year of one kind of news in one thread is
    thousands of incidents, and fifty such threads at once would hold a store's worth of them."""
    size = storyqueries.thread_sizes(conn, thread_ids)
    round_: list[str] = []
    held = 0
    for tid in thread_ids:
        if round_ and (len(round_) >= STORIES_AT_ONCE or held + size[tid] > CLUSTERS_AT_ONCE):
            yield round_
            round_, held = [], 0
        round_.append(tid)
        held += size[tid]
    if round_:
        yield round_


def _rebuild_stories(conn: Connection, thread_ids: set[str]) -> int:
    """Write the story of each of these threads again from its clusters' stored data, and give its
    clusters and events the story's id (which follows from its first incident, so it can change)."""
    written = 0
    storyqueries.forget_stories(conn, sorted(thread_ids))  # all first: a story id may pass from one thread to another
    for part in _thread_rounds(conn, sorted(thread_ids)):
        by_thread: dict[str, tuple[str, list[dict[str, Any]], list[tuple[str, str | None]]]] = {}
        for tid, cid, unit, sid, data in storyqueries.thread_clusters(conn, part):
            entry = by_thread.setdefault(tid, (unit, [], []))
            entry[1].append(data)
            entry[2].append((cid, sid))
        docs = {order[3] for _, cs, _ in by_thread.values() for c in cs for order, _, _ in c["reports"]}
        sources = _sources(conn, docs)
        rows = []
        stale: list[dict[str, str]] = []  # clusters whose story id changed, written in one statement per table
        for tid in sorted(by_thread):
            unit, clusters_data, ids = by_thread[tid]
            record = story_record(unit, clusters_data, sources)
            rows.append(story_row(record, tid))
            stale.extend({"cid": cid, "sid": record["id"]} for cid, sid in ids if sid != record["id"])
        if stale:
            storyqueries.set_story_ids(conn, stale)
        if rows:
            storyqueries.write_stories(conn, rows)
        written += len(rows)
    return written


def _link(conn: Connection, summary: LinkSummary) -> None:
    nd = neardup.link_documents(conn)
    summary.documents, summary.near_duplicates = nd.documents, nd.near_duplicates
    blocks = _new_blocks(conn)
    summary.events = sum(len(ids) for ids in blocks.values())
    # their sources changed: so did every cluster counting them
    for block in storyqueries.blocks_of_documents(conn, sorted(nd.changed)):
        blocks.setdefault(block, [])
    with_timeless_blocks(conn, blocks)
    summary.blocks = len(blocks)
    if blocks:
        summary.stories = _relink_blocks(conn, blocks)


def pending(store: Store) -> bool:
    """Whether any stored document has not been linked yet (a run killed before linking leaves some)."""
    store.flush()
    linkschema.ensure(store.engine)
    with store.engine.connect() as conn:
        return dupqueries.has_unlinked_document(conn)


def link_new(store: Store) -> LinkSummary:
    """Link the documents and events added since the last run; a second run with nothing new changes nothing."""
    return _run(store, forget=False)


def relink_all(store: Store) -> LinkSummary:
    """Forget every link and build them again: the same rows `link_new` reaches incrementally."""
    return _run(store, forget=True)


def _run(store: Store, forget: bool) -> LinkSummary:
    started = time.perf_counter()
    store.refuse_writes()
    store.flush()
    linkschema.ensure(store.engine)
    summary = LinkSummary()
    try:
        with store.engine.begin() as conn:
            store.lock_writers(conn)
            if forget:
                storyqueries.forget_links(conn)
            _link(conn, summary)
    except SQLAlchemyError as exc:
        raise unwritable(store.name, exc) or StoreError(f"cannot link stories in the database: {exc}") from exc
    summary.seconds = time.perf_counter() - started
    return summary
