"""Reports with no time at all joining the incident of their unit they tell of, in the store.

A report with neither a date nor a publication date (`merge.timeless`) is clustered in its unit's
block "-", apart from every report placed in time. After a link run has clustered its blocks,
`attach_timeless` gives each cluster of such a block the only incident of its unit (type and actor
country, any month) it fits (`merge.attach_hosts`): the host's incident record is written again
with the attached reports, the timeless cluster's row goes, and its events point at the host.

So that linking incrementally gives what `relink_all` gives, a run that touches any block of a
unit with a block "-" clusters that block again, and the blocks of the incidents its reports
joined (`with_timeless_blocks`): attachments are always decided again from the whole unit. That
reads the unit's stored reports, but only for units holding reports with no time at all.

It does not attach an undated report whose article is dated: it is clustered in the month of a
few days before its article (`merge.period_of`) and meets only that month's reports, so a retelling
in an article of 10 November does not meet the dated report of a strike on 28 October.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from ..store import storyqueries
from . import merge
from .reports import incident_record, record_digest, report_of, sources_of


def _timeless_block(unit: str) -> str:
    return f"{unit}:-"


def with_timeless_blocks(conn: Connection, blocks: dict[str, list[str]]) -> None:
    """Add to `blocks` (block -> new event ids) the block "-" of every unit touched that has one
    stored, and the blocks of the incidents its reports joined."""
    wanted = sorted({_timeless_block(b.rsplit(":", 1)[0]) for b in blocks})
    for own, host in storyqueries.timeless_hosts(conn, wanted):
        blocks.setdefault(own, [])
        if host:
            blocks.setdefault(host, [])


def replies_reader(conn: Connection) -> Callable[[merge.Report], frozenset[merge.Reply]]:
    """`merge.replies` of a report, reading its document's events once, when first asked."""
    records: dict[str, list[dict[str, Any]]] = {}
    known: dict[str, frozenset[merge.Reply]] = {}

    def replies_of(report: merge.Report) -> frozenset[merge.Reply]:
        if report.event_id not in known:
            if report.document_id not in records:
                records[report.document_id] = [data for _, data in
                                               storyqueries.document_event_data(conn, [report.document_id])]
            known[report.event_id] = merge.replies(report, records[report.document_id])
        return known[report.event_id]
    return replies_of


def attach_timeless(conn: Connection, units: set[str]) -> set[str]:
    """Attach the timeless clusters of these units (see the module docstring); returns the threads
    they left or joined."""
    touched: set[str] = set()
    loose_of: dict[str, dict[str, Any]] = {}  # unit -> its block "-" clusters' rows, by id
    for row in storyqueries.block_clusters(conn, sorted(_timeless_block(u) for u in units)):
        loose_of.setdefault(row.unit, {})[row.id] = row
    for unit in sorted(loose_of):
        loose_rows = loose_of[unit]
        # each report with its cluster, in one read of the unit, earliest first
        told_in = sorted(((report_of(row), cid) for cid, row in storyqueries.unit_events(conn, unit)),
                         key=lambda pair: pair[0].order)
        reports = [r for r, _ in told_in]
        members: dict[str, list[int]] = {}  # cluster id -> its reports' positions in `reports`
        for i, (_, cid) in enumerate(told_in):
            members.setdefault(cid, []).append(i)
        loose_ids = [c for c in members if c in loose_rows]
        host_ids = [c for c in members if c not in loose_rows]
        if not host_ids:
            continue
        chosen = merge.attach_hosts(reports, [members[c] for c in loose_ids], [members[c] for c in host_ids],
                                    replies_reader(conn))
        joined: dict[str, list[str]] = {}
        for cid, h in zip(loose_ids, chosen, strict=True):
            if h is not None:
                joined.setdefault(host_ids[h], []).append(cid)
        if not joined:
            continue
        hosts = storyqueries.clusters_by_id(conn, sorted(joined))
        sources = sources_of(conn, {r.document_id for r in reports})
        moved: list[dict[str, Any]] = []
        for host_id, loose in sorted(joined.items()):
            host = hosts[host_id]
            # the host's reports first: its id and original stay those of its earliest report
            told = [reports[i] for i in members[host_id]]
            told += sorted((reports[i] for cid in loose for i in members[cid]), key=lambda r: r.order)
            record = incident_record(told, sources)
            data = {**host.data, "record": record, "reports": [[list(r.order), r.actor, r.recipient] for r in told]}
            storyqueries.rewrite_cluster(conn, host_id, data, record_digest(record))
            moved.extend({"eid": reports[i].event_id, "cid": host_id, "sid": host.story_id}
                         for cid in loose for i in members[cid])
            touched.update(t for t in [host.thread_id, *(loose_rows[cid].thread_id for cid in loose)] if t)
            storyqueries.forget_clusters(conn, loose)
        storyqueries.move_events(conn, moved)
    return touched
