"""Stored events as reports, where documents came from, and the `incident` record of a cluster.

What both the block clustering (`stories`) and the attaching of reports with no time (`attach`)
build incidents from: `reports_of` turns stored event rows into `merge.Report`s, `sources_of`
reads the outlets of documents and of the documents they copy, and `incident_record` writes the
contract's `incident` record of one cluster of reports (`digest` is what tells that it changed).
It decides nothing about which reports form an incident (`merge` does).
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection

from ..intervals import PRECISION_RANK
from ..model import stable_id
from ..store import storyqueries
from ..store.storyqueries import EventRow
from . import neardup
from .conflicts import conflicts
from .evidence import is_outlet
from .merge import Report, report_from_record


def report_of(row: EventRow) -> Report:
    """A stored asserted event as a report (with its stored stems when already linked)."""
    data, published_at, published, seen, stems, language = row
    return report_from_record(data, published_at, None if stems is None else frozenset(stems.split()),
                              published, str(seen or ""), language)


def reports_of(rows: Iterable[EventRow]) -> list[Report]:
    """Stored asserted events as reports."""
    return [report_of(row) for row in rows]


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


def most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def party(parties: Sequence[dict[str, Any]], country: str | None) -> dict[str, Any] | None:
    if country:
        parties = [p for p in parties if p.get("country") in (country, None)]
    if not any(any(p.get(k) for k in ("name", "country", "sector")) for p in parties):
        return None
    return {"name": most_common(p.get("name") for p in parties),
            "country": country or most_common(p.get("country") for p in parties),
            "sector": most_common(p.get("sector") for p in parties),
            "id": most_common(p.get("id") for p in parties)}


def cluster_date(reports: Sequence[Report]) -> Report | None:
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


def sources_of(conn: Connection, doc_ids: Iterable[str]) -> Sources:
    """The outlets of these documents and of their origins, from the store."""
    origin = neardup.origins(conn, doc_ids)
    key = {row.id: source_key(row.publisher, row.url, row.source)
           for row in storyqueries.outlet_rows(conn, sorted(set(origin) | set(origin.values())))}
    return Sources(origin, key)


def dedupe(items: Iterable[str]) -> list[str]:
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
    docs = dedupe(r.document_id for r in reports)
    shown, _ = sources.describe(docs)
    anchor = cluster_date(reports)
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
        "actor": party([r.actor for r in reports], None),
        "recipient": party([r.recipient for r in reports], None),
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


def record_digest(record: dict[str, Any]) -> str:
    return stable_id(json.dumps(record, sort_keys=True, default=str))
