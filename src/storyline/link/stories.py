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
country, recipient country and matter (lexicon/matters.yaml) across months; an incident whose
actor's country is unknown joins the one thread of its type it fits (`_place_actorless`), decided
again whenever a unit of its type changes. `story_records(store)`
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
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import stable_id
from ..store import dupqueries, linkschema, storyqueries
from ..store.db import Store, unwritable
from ..store.dupqueries import chunks
from . import neardup
from .attach import attach_timeless, with_timeless_blocks
from .merge import (
    LOOSE,
    Report,
    ThreadRow,
    block_of,
    clusters,
    matter_of,
    place_actorless,
    place_loose,
    rethread,
    thread_keys,
    thread_sectors,
    unit_key,
)
from .reports import (
    Sources,
    cluster_date,
    dedupe,
    incident_record,
    most_common,
    party,
    record_digest,
    reports_of,
    sources_of,
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


def _new_blocks(conn: Connection) -> dict[str, list[str]]:
    """block -> ids of the asserted events not linked yet, read as a stream (only ids are kept)."""
    blocks: dict[str, list[str]] = {}
    for event_id, data, published in storyqueries.unlinked_events(conn):
        blocks.setdefault(block_of(data, published), []).append(event_id)
    return blocks


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
        anchor = cluster_date(members)
        loose = thread[len(LOOSE):] if thread.startswith(LOOSE) else None
        countries = {r.recipient.get("country") for r in members} - {None}
        data = {"record": record, "matter": matter,
                "reports": [[list(r.order), r.actor, r.recipient] for r in members],
                "anchor": None if anchor is None else {"span": list(anchor.span or ()), "order": list(anchor.order)}}
        cluster_rows.append({"id": record["id"], "block": block, "unit": unit,
                             "thread": None if loose is not None else thread, "loose": loose,
                             "first_thread": None if loose is not None else thread,
                             "named": " ".join(sorted(frozenset().union(*(r.matters for r in members)))),
                             "recipient": countries.pop() if len(countries) == 1 else None,
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
        thread = row["first_thread"]
        if row["loose"] is None and thread and thread.startswith("="):
            out.setdefault(row["unit"], {}).setdefault(thread[1:], set()).update((row["sectors"] or "").split())
    return out


def place(row: dict[str, Any], threads: dict[str, dict[str, set[str]]]) -> str:
    """The thread of a cluster row before `merge.rethread`: its block's, or for a loose one, where
    its unit places it."""
    if row["loose"] is None:
        return str(row["first_thread"])
    return place_loose(row["loose"], threads.get(row["unit"], {}))


def story_record(unit: str, clusters_data: Sequence[dict[str, Any]], sources: Sources) -> dict[str, Any]:
    """The contract's story record from the `data` of its clusters (all of one unit and thread)."""
    reports = sorted((tuple(order), actor, recipient)
                     for c in clusters_data for order, actor, recipient in c["reports"])
    anchors = [(tuple(c["anchor"]["span"]), tuple(c["anchor"]["order"]), c["record"]) for c in clusters_data
               if c["anchor"]]
    first = min(anchors, key=lambda a: (a[0], a[1]))[2] if anchors else None
    last = max(anchors, key=lambda a: (a[0][1], a[0][0], a[1]))[2] if anchors else None
    docs = dedupe(order[3] for order, _, _ in reports)
    shown, independent = sources.describe(docs)
    event_type, actor_country = unit.split(":", 1)
    recipient_country = most_common(recipient.get("country") for _, _, recipient in reports)
    opening = min(clusters_data, key=lambda c: min(tuple(o) for o, _, _ in c["reports"]))
    sid = story_id(opening["record"]["id"])
    records = sorted(({**c["record"], "story_id": sid} for c in clusters_data),
                     key=lambda c: (c["date"] is None, c["date"] or "", c["id"]))
    return {
        "kind": "story",
        "id": sid,
        "type": event_type,
        "actor": party([a for _, a, _ in reports], None if actor_country == "-" else actor_country),
        "recipient": party([r for _, _, r in reports], recipient_country),
        "date_first": first["date"] if first else None,
        "date_last": last["date"] if last else None,
        "event_ids": [order[4] for order, _, _ in reports],
        "document_ids": docs,
        "sources": shown,
        "corroboration": len(independent),
        "conflicts": [{**c, "cluster_id": rec["id"], "incident_id": rec["id"]}
                      for rec in records for c in rec["conflicts"]],
        "independent_sources": independent,
        "matter": most_common(c.get("matter") for c in clusters_data),
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
REPORTS_AT_ONCE = 2000  # reports whose incidents are read per round of stories rebuilt (`_thread_rounds`)


def _relink_blocks(conn: Connection, blocks: dict[str, list[str]]) -> int:
    """Cluster the given blocks again from all their events (stored ones plus the new ids listed),
    place their units' loose clusters, then rebuild every story that had or now has a cluster
    among them; returns stories written. An incident that comes out as it was keeps its
    `created_at` and `updated_at`; one whose record changed gets a new `updated_at`."""
    touched: set[str] = set()
    units: set[str] = set()
    now = dt.datetime.now(dt.UTC)
    for part in chunks(sorted(blocks), BLOCKS_AT_ONCE):
        reports = reports_of(storyqueries.asserted_events(conn, [i for b in part for i in blocks[b]]))
        reports += reports_of(storyqueries.linked_events(conn, part))
        by_block: dict[str, list[Report]] = {}
        for r in reports:
            by_block.setdefault(r.block, []).append(r)
        del reports
        sources = sources_of(conn, {r.document_id for rs in by_block.values() for r in rs})
        before: dict[str, tuple[Any, Any, str | None]] = {}
        for old_row in storyqueries.cluster_times(conn, part):
            if old_row.thread_id:
                touched.add(old_row.thread_id)
            before[old_row.id] = (old_row.created_at, old_row.updated_at, old_row.digest)
        storyqueries.forget_blocks(conn, part)
        for block in sorted(by_block):
            cluster_rows, event_rows = link_block(block, by_block[block], sources)
            for row in cluster_rows:
                digest = record_digest(row["data"]["record"])
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
    touched.update(_place_actorless(conn, units))
    return _rebuild_stories(conn, touched)


def _place_loose(conn: Connection, units: Sequence[str]) -> set[str]:
    """Give each cluster of these units its thread: a loose one where its unit places it (`place`),
    then every one as `merge.rethread` joins its unit's threads (read from the whole unit, every
    month, so linking incrementally reaches what `relink_all` reaches); returns the threads they
    left or joined."""
    rows = storyqueries.unit_clusters(conn, units)
    threads = unit_threads(rows)
    base = [place(row, threads) for row in rows]
    # the documents of the incidents naming no matter, and which incidents of their units they report
    open_ids = [row["id"] for row, key in zip(rows, base, strict=True)
                if key.startswith("#") and not row["unit"].endswith(":-")]
    docs_of: dict[str, set[str]] = {}
    for doc, cid in storyqueries.cluster_documents(conn, open_ids):
        docs_of.setdefault(cid, set()).add(doc)
    for doc, cid in storyqueries.document_clusters(conn, sorted({d for ds in docs_of.values() for d in ds})):
        docs_of.setdefault(cid, set()).add(doc)
    by_unit: dict[str, list[int]] = {}
    for n, row in enumerate(rows):
        by_unit.setdefault(row["unit"], []).append(n)
    moved = []
    for unit in sorted(by_unit):
        members = by_unit[unit]
        final = rethread([ThreadRow(base[n], frozenset((rows[n]["named"] or "").split()), rows[n]["recipient"],
                                    frozenset(docs_of.get(rows[n]["id"], ()))) for n in members])
        for n, thread in zip(members, final, strict=True):
            row = rows[n]
            tid = thread_id(unit, thread)
            if tid != row["thread_id"] or thread != row["thread"]:
                moved.append({"cid": row["id"], "t": thread, "tid": tid, "old": row["thread_id"]})
    if moved:
        storyqueries.move_clusters(conn, moved)
    return {m["tid"] for m in moved} | {m["old"] for m in moved if m["old"]}


def _place_actorless(conn: Connection, units: set[str]) -> set[str]:
    """Give each incident whose actor's country is unknown, of these units' types, the one thread of
    its type it fits (`merge.place_actorless`), else its own story back; returns the threads it left
    or joined. Decided again whenever a unit of its type changes, from all of that type's threads,
    so linking incrementally reaches what `relink_all` reaches."""
    types = sorted({u.split(":", 1)[0] for u in units})
    rows = storyqueries.actorless_clusters(conn, [unit_key(t, None) for t in types])
    threads_of: dict[str, list[tuple[str, str, str, set[str]]]] = {}
    moved = []
    for row in sorted(rows, key=lambda r: r.id):
        event_type = row.unit.split(":", 1)[0]
        if event_type not in threads_of:
            threads_of[event_type] = [(r.unit, r.thread, r.block.rsplit(":", 1)[1], set((r.sectors or "").split()))
                                      for r in storyqueries.type_threads(conn, event_type, row.unit)]
        record = row.data["record"]
        host = place_actorless(row.block.rsplit(":", 1)[1], (record.get("actor") or {}).get("sector"),
                               (record.get("recipient") or {}).get("country"),
                               set((row.sectors or "").split()), row.data.get("matter"), threads_of[event_type])
        own = "#" + record["event_ids"][0]  # `merge.thread_keys`: a story of its own
        thread, tid = (host[1], thread_id(*host)) if host else (own, thread_id(row.unit, own))
        if tid != row.thread_id:
            moved.append({"cid": row.id, "t": thread, "tid": tid, "old": row.thread_id})
    if moved:
        storyqueries.move_clusters(conn, moved)
    return {m["tid"] for m in moved} | {m["old"] for m in moved if m["old"]}


def _thread_rounds(conn: Connection, thread_ids: Sequence[str]) -> Iterator[list[str]]:
    """These threads in rounds of at most `STORIES_AT_ONCE` threads whose incidents hold at most
    `REPORTS_AT_ONCE` reports (a thread larger than that is a round of its own): a year of one kind
    of news in one thread is thousands of reports, and fifty such threads at once would hold a
    store's worth of them. Reports, not incidents, are counted: an incident's stored data lists each
    of its reports, and a month of near-identical news is a few incidents of hundreds of reports."""
    size = storyqueries.thread_sizes(conn, thread_ids)
    round_: list[str] = []
    held = 0
    for tid in thread_ids:
        if round_ and (len(round_) >= STORIES_AT_ONCE or held + size[tid] > REPORTS_AT_ONCE):
            yield round_
            round_, held = [], 0
        round_.append(tid)
        held += size[tid]
    if round_:
        yield round_


def _share_parties(data: dict[str, Any], parties: dict[tuple[Any, ...], Any]) -> None:
    """Make the equal actor, recipient and place dicts of an incident's stored data (its reports'
    and its record's) one object each.

    A thread of a year of one kind of news holds thousands of reports naming the same few parties
    and places: decoded, each would bring its own copies. The story is only read from them."""
    def one(value: Any) -> Any:
        if isinstance(value, dict) and all(v is None or isinstance(v, (str, int, float)) for v in value.values()):
            return parties.setdefault(tuple((k, type(v), v) for k, v in value.items()), value)  # 1 is not 1.0
        return value

    for report in data.get("reports") or ():
        report[1], report[2] = one(report[1]), one(report[2])
    record = data.get("record") or {}
    for key in ("actor", "recipient", "location"):
        if key in record:
            record[key] = one(record[key])


def _rebuild_stories(conn: Connection, thread_ids: set[str]) -> int:
    """Write the story of each of these threads again from its clusters' stored data, and give its
    clusters and events the story's id (which follows from its first incident, so it can change)."""
    written = 0
    storyqueries.forget_stories(conn, sorted(thread_ids))  # all first: a story id may pass from one thread to another
    for part in _thread_rounds(conn, sorted(thread_ids)):
        by_thread: dict[str, tuple[str, list[dict[str, Any]], list[tuple[str, str | None]]]] = {}
        parties: dict[tuple[Any, ...], Any] = {}
        for tid, cid, unit, sid, data in storyqueries.thread_clusters(conn, part):
            _share_parties(data, parties)
            entry = by_thread.setdefault(tid, (unit, [], []))
            if entry[0].endswith(":-") and not unit.endswith(":-"):  # an actorless incident joined it first
                entry = by_thread[tid] = (unit, entry[1], entry[2])
            entry[1].append(data)
            entry[2].append((cid, sid))
        docs = {order[3] for _, cs, _ in by_thread.values() for c in cs for order, _, _ in c["reports"]}
        sources = sources_of(conn, docs)
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
