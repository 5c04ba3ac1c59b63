"""Stories across documents, kept in the store and updated as documents arrive.

`link_new(store)` links what is new since the last run: documents not yet seen by the
near-duplicate pass, and asserted events not yet in a story. Each new event belongs to one unit
(its type and its actor's country, see `merge.unit_key`); every unit touched — by a new event, or
by an earlier document whose near-duplicate group changed — is clustered again from all its
events, and its stories are rewritten. Units untouched are not read. Because clustering a unit
depends only on the set of its events, linking incrementally gives exactly the stories that
`relink_all(store)` builds from scratch, and running `link_new` again with nothing new changes
nothing.

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

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import stable_id
from ..store import linkschema, schema
from ..store.db import Store
from . import neardup
from .conflicts import conflicts
from .evidence import PRECISION_RANK
from .merge import Report, clusters, report_from_record, threads


@dataclass
class LinkSummary:
    documents: int = 0  # documents seen for the first time by the near-duplicate pass
    near_duplicates: int = 0  # of those, linked to an earlier document
    events: int = 0  # asserted events linked for the first time
    units: int = 0  # (type, actor country) blocks clustered again
    stories: int = 0  # stories written in those blocks
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 3)}


def _asserted_events(conn: Connection, where: Any) -> list[Report]:
    """New asserted events (not linked yet) matching `where`."""
    e, d = schema.events, schema.documents
    rows = conn.execute(
        select(e.c.data, d.c.ingested_at).join(d, d.c.id == e.c.document_id).where(e.c.status == "asserted", where)
    )
    return [report_from_record(data, str(ingested or "")) for data, ingested in rows]


def _linked_events(conn: Connection, units: Sequence[str]) -> list[Report]:
    """Events already linked in the given units, with their stored stems."""
    e, d, le = schema.events, schema.documents, linkschema.link_events
    rows = conn.execute(
        select(e.c.data, d.c.ingested_at, le.c.terms)
        .join(le, le.c.event_id == e.c.id).join(d, d.c.id == e.c.document_id)
        .where(le.c.unit.in_(units))
    )
    return [report_from_record(data, str(ingested or ""), frozenset((stems or "").split()))
            for data, ingested, stems in rows]


def _source_key(row: Any) -> tuple[str, str]:
    """(key, display name) of a document's source: publisher, else URL host, else source."""
    if row.publisher and row.publisher.strip():
        name = row.publisher.strip()
        return name.casefold(), name
    host = urlsplit(row.url).hostname if row.url else None
    if host:
        host = host.removeprefix("www.")
        return host, host
    return row.source, row.source


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def _party(reports: Sequence[Report], side: str, country: str | None) -> dict[str, Any] | None:
    parties = [getattr(r, side) for r in reports]
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


class _Sources:
    """Source keys of documents and of their origins, loaded once per link run."""

    def __init__(self, conn: Connection, doc_ids: Iterable[str]) -> None:
        self.origin = neardup.origins(conn, doc_ids)
        d = schema.documents
        self.key: dict[str, tuple[str, str]] = {}
        wanted = sorted(set(self.origin) | set(self.origin.values()))
        for part in neardup.chunks(wanted):
            for row in conn.execute(select(d.c.id, d.c.publisher, d.c.url, d.c.source).where(d.c.id.in_(part))):
                self.key[row.id] = _source_key(row)

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


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _cluster_record(reports: Sequence[Report], sources: _Sources) -> dict[str, Any]:
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


def _story_record(unit: str, members: list[list[Report]], sources: _Sources) -> dict[str, Any]:
    members = sorted(members, key=lambda c: c[0].order)
    reports = sorted((r for c in members for r in c), key=lambda r: r.order)
    records = [_cluster_record(c, sources) for c in members]
    anchors = [a for a in (_cluster_date(c) for c in members) if a is not None]
    first = min(anchors, key=lambda r: (r.span, r.order)) if anchors else None
    last = max(anchors, key=lambda r: (r.span[1], r.span[0], r.order)) if anchors else None  # type: ignore[index]
    docs = _dedupe(r.document_id for r in reports)
    shown, independent = sources.describe(docs)
    actor_country = unit.split(":", 1)[1]
    recipient_country = _most_common(r.recipient.get("country") for r in reports)
    records.sort(key=lambda c: (c["date"] is None, c["date"] or "", c["id"]))
    return {
        "kind": "story",
        "id": stable_id("story", reports[0].event_id),
        "type": reports[0].type,
        "actor": _party(reports, "actor", None if actor_country == "-" else actor_country),
        "recipient": _party(reports, "recipient", recipient_country),
        "date_first": first.date if first else None,
        "date_last": last.date if last else None,
        "event_ids": [r.event_id for r in reports],
        "document_ids": docs,
        "sources": shown,
        "corroboration": len(independent),
        "conflicts": [{**c, "cluster_id": rec["id"]} for rec in records for c in rec["conflicts"]],
        "independent_sources": independent,
        "clusters": records,
    }


def _relink_units(conn: Connection, units: set[str], new: list[Report]) -> int:
    """Cluster the given units again from all their events (stored ones plus `new`); returns stories written."""
    le, st = linkschema.link_events, linkschema.stories
    by_unit: dict[str, list[Report]] = {}
    for r in new:
        by_unit.setdefault(r.unit, []).append(r)
    new_ids = {r.event_id for r in new}
    ordered = sorted(units)
    for part in neardup.chunks(ordered):
        for r in _linked_events(conn, part):
            if r.event_id not in new_ids:
                by_unit.setdefault(r.unit, []).append(r)
    sources = _Sources(conn, {r.document_id for rs in by_unit.values() for r in rs})
    story_rows, event_rows = [], []
    for unit in ordered:
        reports = sorted(by_unit.get(unit, []), key=lambda r: r.order)
        groups = clusters(reports)
        for thread in threads(reports, groups):
            members = [[reports[i] for i in groups[c]] for c in thread]
            rec = _story_record(unit, members, sources)
            story_rows.append({"id": rec["id"], "unit": unit, "type": rec["type"],
                               "actor_country": (rec["actor"] or {}).get("country"),
                               "recipient_country": (rec["recipient"] or {}).get("country"),
                               "date_first": rec["date_first"], "date_last": rec["date_last"],
                               "events": len(rec["event_ids"]), "data": rec})
            for cluster in rec["clusters"]:
                for event_id in cluster["event_ids"]:
                    event_rows.append({"event_id": event_id, "unit": unit, "cluster_id": cluster["id"],
                                       "story_id": rec["id"]})
    report_of = {r.event_id: r for rs in by_unit.values() for r in rs}
    for row in event_rows:
        report = report_of[row["event_id"]]
        row["document_id"] = report.document_id
        row["terms"] = " ".join(sorted(report.terms))
    for part in neardup.chunks(ordered):
        conn.execute(delete(st).where(st.c.unit.in_(part)))
        conn.execute(delete(le).where(le.c.unit.in_(part)))
    for part in neardup.chunks(story_rows):
        conn.execute(insert(st), list(part))
    for part in neardup.chunks(event_rows, 5000):
        conn.execute(insert(le), list(part))
    return len(story_rows)


def _link(conn: Connection, summary: LinkSummary) -> None:
    le = linkschema.link_events
    nd = neardup.link_documents(conn)
    summary.documents, summary.near_duplicates = nd.documents, nd.near_duplicates
    new = _asserted_events(conn, schema.events.c.id.not_in(select(le.c.event_id)))
    summary.events = len(new)
    units = {r.unit for r in new}
    changed = sorted(nd.changed)
    for part in neardup.chunks(changed):
        units.update(conn.execute(select(le.c.unit).where(le.c.document_id.in_(part)).distinct()).scalars())
    summary.units = len(units)
    if units:
        summary.stories = _relink_units(conn, units, new)


def link_new(store: Store) -> LinkSummary:
    """Link the documents and events added since the last run; a second run with nothing new changes nothing."""
    started = time.perf_counter()
    store.flush()
    linkschema.ensure(store.engine)
    summary = LinkSummary()
    try:
        with store.engine.begin() as conn:
            store.lock_writers(conn)
            _link(conn, summary)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot link stories in the database: {exc}") from exc
    summary.seconds = time.perf_counter() - started
    return summary


def relink_all(store: Store) -> LinkSummary:
    """Forget every link and build them again: the same rows `link_new` reaches incrementally."""
    started = time.perf_counter()
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
