"""What each page shows, as plain data: the JSON twin of every page and the context of its template.

One function per page; each takes the store and validated parameters and calls `store.webqueries`,
`link` or `report`, so `/timeline` and `/api/timeline` cannot drift apart. Nothing here renders HTML
or knows about HTTP; presentation-only geometry (chart, network layout, map) lives in `web/`.
The event and story lists hold their records as stored JSON text (`store.rawjson.RawJSON`), which
the JSON answer copies in verbatim; `api.cache.Answer.data` decodes them for the templates.
"""

from __future__ import annotations

import logging
from typing import Any

from ..link import escalation_series
from ..report import report_json, source_report
from ..store import queries, watchqueries, webqueries
from ..store.db import Store
from ..watch.clock import moment
from .params import (
    AlertsQuery,
    ChangesQuery,
    DocumentsQuery,
    EventFilters,
    MapQuery,
    NetworkQuery,
    OverviewQuery,
    Paging,
    SourcesQuery,
)

log = logging.getLogger(__name__)
STORY_DOCUMENTS_SHOWN = 200  # a story page lists this many reporting documents; the JSON counts them all


class NotFound(LookupError):
    """A story or document id the store does not hold."""


def overview(store: Store, q: OverviewQuery) -> dict[str, Any]:
    """Counts, the escalation series of the busiest dyads (or one asked for), the latest stories."""
    if q.dyad:
        a, r = q.dyad.upper().split("-")
        dyads = [(a, r)]
    else:
        dyads = [(a, r) for a, r, _ in webqueries.top_dyads(store)]
    series = []
    for a, r in dyads:
        esc = escalation_series(store, (a, r), q.by, q.include_undated)
        series.append({"dyad": f"{a}-{r}", "actor": a, "recipient": r, "skipped": esc.skipped,
                       "no_intensity": esc.no_intensity,
                       "rows": [{"period": p, "intensity": v, "stories": ids, "undated": esc.undated.get(p, 0)}
                                for p, v, ids in esc.rows]})
    return {"counts": queries.counts(store), "by": q.by, "include_undated": q.include_undated, "escalation": series,
            "latest_stories": webqueries.latest_stories(store, q.stories),
            "latest_documents": webqueries.documents_page(store, limit=5)["items"],
            "errors": queries.latest_errors(store, limit=5)}


def timeline(store: Store, q: EventFilters) -> dict[str, Any]:
    """Stories by date; with a status other than asserted, the events of that status (they form no stories)."""
    f = q.filters()
    if f.status and f.status != "asserted":
        return {"mode": "events", "filters": f.as_dict(),
                "note": f"Only asserted events form stories; showing the {f.status} events instead.",
                **webqueries.events_page(store, f, q.limit, q.offset)}
    return {"mode": "stories", "filters": f.as_dict(), **webqueries.stories_page(store, f, q.limit, q.offset)}


def events(store: Store, q: EventFilters) -> dict[str, Any]:
    f = q.filters()
    return {"filters": f.as_dict(), **webqueries.events_page(store, f, q.limit, q.offset)}


def story(store: Store, story_id: str, q: Paging) -> dict[str, Any]:
    """A story, a page of its event reports, the documents that report it and its conflicting figures."""
    record = webqueries.story(store, story_id)
    if record is None:
        raise NotFound(f"no story {story_id!r} in this store")
    ids = record["event_ids"][q.offset:q.offset + q.limit]
    docs = webqueries.documents_by_id(store, record["document_ids"][:STORY_DOCUMENTS_SHOWN])
    by_id = {d["id"]: d for d in docs}
    missing = [i for i in {v["document_id"] for c in record["conflicts"] for v in c["values"]} if i not in by_id]
    for d in webqueries.documents_by_id(store, missing):
        by_id[d["id"]] = d
    conflicts = [{**c, "values": [{**v, "document": by_id.get(v["document_id"])} for v in c["values"]]}
                 for c in record["conflicts"]]
    return {"story": record, "conflicts": conflicts, "documents": docs,
            "documents_total": len(record["document_ids"]),
            "events": webqueries.page(webqueries.events_by_id(store, ids), len(record["event_ids"]),
                                      q.limit, q.offset)}


def explanation(event: dict[str, Any]) -> str:
    """Why the event was coded so (`explain.explain_event`), or its rule when that cannot say."""
    try:
        from ..explain import explain_event

        return explain_event(event)
    except Exception:  # an explanation is a courtesy; a record it cannot read must not break the page
        log.warning("cannot explain event %s", event.get("id"), exc_info=True)
        return str(event.get("rule") or "")


def event(store: Store, event_id: str) -> dict[str, Any]:
    """One event record, what `storyline explain` says of it, its document and the stories it is in."""
    from ..store.rawjson import materialize

    found = webqueries.events_by_id(store, [event_id])
    if not found:
        raise NotFound(f"no event {event_id!r} in this store")
    record = materialize(found[0])
    document = record.pop("document", None)
    return {"event": record, "explanation": explanation(record), "document": document,
            "stories": webqueries.stories_of_event(store, event_id)}


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """A document with its text, its removed boilerplate and every record placed by its offsets."""
    doc = webqueries.document(store, doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r} in this store")
    for event in doc["records"]["event"]:
        event["explanation"] = explanation(event)
    return doc


def documents(store: Store, q: DocumentsQuery) -> dict[str, Any]:
    filters = {k: v for k, v in (("source", q.source), ("since", q.since)) if v}
    return {"filters": filters,
            **webqueries.documents_page(store, q.limit, q.offset, q.source, moment(q.since) if q.since else None)}


def alerts(store: Store, q: AlertsQuery) -> dict[str, Any]:
    """Alerts the watcher fired, latest first, each with its incident, story and evidence documents."""
    watchqueries.ensure(store)
    filters = {k: v for k, v in (("since", q.since), ("rule", q.rule)) if v}
    return {"filters": filters,
            **watchqueries.alerts_page(store, moment(q.since) if q.since else None, q.rule, q.limit, q.offset)}


def changes(store: Store, q: ChangesQuery) -> dict[str, Any]:
    """What arrived after a time: the live pages poll this to say what is new since they were opened."""
    watchqueries.ensure(store)
    return watchqueries.changes_since(store, moment(q.since))


def actors(store: Store, q: NetworkQuery) -> dict[str, Any]:
    """Who acts on whom; asserted events unless another status is asked for."""
    f = q.filters(default_status="asserted")
    return {"filters": f.as_dict(), **webqueries.actor_network(store, f, q.limit, q.offset)}


def places(store: Store, q: MapQuery) -> dict[str, Any]:
    """Where events happened; asserted events unless another status is asked for."""
    f = q.filters(default_status="asserted")
    return {"filters": f.as_dict(), **webqueries.map_places(store, f, q.limit, q.offset)}


def sources(store: Store, q: SourcesQuery) -> dict[str, Any]:
    """One view of the source report (`report.report_json`), a page of its rows."""
    data = report_json(source_report(store), by=q.by, sort=q.sort, desc=q.desc)
    rows = data.pop(f"{q.by}s")
    return {**data, "by": q.by, "sort": q.sort, "desc": q.desc,
            **webqueries.page(rows[q.offset:q.offset + q.limit], len(rows), q.limit, q.offset)}
