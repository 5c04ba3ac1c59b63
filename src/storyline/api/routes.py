"""The routes: every page (HTML) and its JSON twin, each pair calling one function of `api.views`.

`api` holds the documented JSON routes (`/api/…`); `pages` holds the HTML pages and the `.json`
aliases of the same JSON handlers (left out of the OpenAPI schema, which lists each once).
Parameters are the models of `api.params`, read from the query string.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ..report import CAPTION
from ..store import listing, webqueries
from ..web import charts, highlight, worldmap
from . import views
from .cache import Answer
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

JSON: dict[int | str, dict[str, Any]] = {
    200: {"description": "The page's data as JSON", "content": {"application/json": {}}}}
api = APIRouter(prefix="/api", tags=["read"], responses=JSON)
pages = APIRouter(include_in_schema=False)

ID = r"^[0-9A-Za-z_-]{1,64}$"


StoryId = Annotated[str, Path(pattern=ID, description="A story id.")]
DocumentId = Annotated[str, Path(pattern=ID, description="A document id.")]
EventId = Annotated[str, Path(pattern=ID, description="An event id.")]


def _answer(request: Request, view: Callable[..., Any], *args: Any) -> Answer:
    """`view(store, *args)` through the app's cache, keyed by the view and its (validated) arguments."""
    key = (view.__name__, *(a.model_dump_json() if isinstance(a, BaseModel) else a for a in args))
    return request.app.state.cache.get(key, lambda: Answer(view(request.app.state.store, *args)))


def _cached(request: Request, view: Callable[..., Any], *args: Any) -> Any:
    return _answer(request, view, *args).data


def _json(request: Request, view: Callable[..., Any], *args: Any) -> Response:
    return _answer(request, view, *args).response(request.headers.get("accept-encoding", ""))


def _page(request: Request, template: str, data: Any, **extra: Any) -> HTMLResponse:
    return request.app.state.renderer.page(request, template, data, **extra)


def _filter_choices(request: Request) -> dict[str, Any]:
    return {"types": webqueries.event_types(), "statuses": webqueries.STATUSES,
            "publishers": _cached(request, webqueries.publishers)}


# --- JSON ----------------------------------------------------------------------------------------------


@api.get("/overview", summary="Counts, escalation series of the busiest dyads, latest stories")
def overview_json(request: Request, q: Annotated[OverviewQuery, Query()]) -> Response:
    return _json(request, views.overview, q)


TOTAL_NOTE = (f" `total` is exact up to {listing.COUNT_CAP:,} matches (or up to the page asked for, when deeper); "
              "past that `total_exact` is false and `total` is a lower bound.")


@api.get("/timeline", summary="Stories by date, filtered and paginated",
         description="Stories hold asserted events only; with `status` planned, hypothetical or negated the "
                     "timeline lists those events instead (`mode` says which)." + TOTAL_NOTE)
def timeline_json(request: Request, q: Annotated[EventFilters, Query()]) -> Response:
    return _json(request, views.timeline, q)


@api.get("/events", summary="Events by date, filtered and paginated", description=TOTAL_NOTE.strip())
def events_json(request: Request, q: Annotated[EventFilters, Query()]) -> Response:
    return _json(request, views.events, q)


@api.get("/events/{event_id}", summary="One event: its record and why it was coded so (as `storyline explain`)",
         responses={404: {"description": "No such event"}})
def event_json(request: Request, event_id: EventId) -> Response:
    return _json(request, views.event, event_id)


@api.get("/stories/{story_id}", summary="One story: its reports (paginated), sources and conflicting figures",
         responses={404: {"description": "No such story"}})
def story_json(request: Request, story_id: StoryId, q: Annotated[Paging, Query()]) -> Response:
    return _json(request, views.story, story_id, q)


@api.get("/documents", summary="Documents, latest first, with their record counts")
def documents_json(request: Request, q: Annotated[DocumentsQuery, Query()]) -> Response:
    return _json(request, views.documents, q)


@api.get("/documents/{document_id}", summary="One document: clean text, removed boilerplate, every record",
         responses={404: {"description": "No such document"}})
def document_json(request: Request, document_id: DocumentId) -> Response:
    return _json(request, views.document, document_id)


@api.get("/actors", summary="Actor network: edges actor → recipient with event count and mean intensity")
def actors_json(request: Request, q: Annotated[NetworkQuery, Query()]) -> Response:
    return _json(request, views.actors, q)


@api.get("/map", summary="Places events happened at, and events per country")
def map_json(request: Request, q: Annotated[MapQuery, Query()]) -> Response:
    return _json(request, views.places, q)


@api.get("/sources", summary="The source report: per publisher or per document")
def sources_json(request: Request, q: Annotated[SourcesQuery, Query()]) -> Response:
    return _json(request, views.sources, q)


@api.get("/alerts", summary="Alerts the watcher fired, latest first, with their incident and evidence",
         description="`since` keeps the alerts fired after a time. Each alert fires once per rule and incident.")
def alerts_json(request: Request, q: Annotated[AlertsQuery, Query()]) -> Response:
    return _json(request, views.alerts, q)


@api.get("/changes", summary="What arrived after a time: documents stored and alerts fired",
         description="The live overview, timeline and alerts pages poll this to show what is new since they "
                     "were opened; `latest` is the time to ask from next.")
def changes_json(request: Request, q: Annotated[ChangesQuery, Query()]) -> Response:
    return _json(request, views.changes, q)


for _path, _handler in (("/alerts.json", alerts_json), ("/timeline.json", timeline_json), ("/events.json", events_json),
                        ("/events/{event_id}.json", event_json),
                        ("/stories/{story_id}.json", story_json), ("/documents.json", documents_json),
                        ("/documents/{document_id}.json", document_json), ("/actors.json", actors_json),
                        ("/map.json", map_json), ("/sources.json", sources_json)):
    pages.add_api_route(_path, _handler, methods=["GET"])


# --- HTML ----------------------------------------------------------------------------------------------


@pages.get("/", response_class=HTMLResponse)
def overview_page(request: Request, q: Annotated[OverviewQuery, Query()]) -> HTMLResponse:
    data = _cached(request, views.overview, q)
    return _page(request, "overview.html", data, q=q, chart=charts.line_chart(data["escalation"], by=data["by"]))


@pages.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, q: Annotated[EventFilters, Query()]) -> HTMLResponse:
    return _page(request, "timeline.html", _cached(request, views.timeline, q), q=q, **_filter_choices(request))


@pages.get("/events", response_class=HTMLResponse)
def events_page(request: Request, q: Annotated[EventFilters, Query()]) -> HTMLResponse:
    return _page(request, "events.html", _cached(request, views.events, q), q=q, **_filter_choices(request))


@pages.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: EventId) -> HTMLResponse:
    data = _cached(request, views.event, event_id)
    return _page(request, "event.html", data, title=f"Event {event_id}")


@pages.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: StoryId, q: Annotated[Paging, Query()]) -> HTMLResponse:
    data = _cached(request, views.story, story_id, q)
    return _page(request, "story.html", data, title=f"Story {story_id}")


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: Annotated[DocumentsQuery, Query()]) -> HTMLResponse:
    return _page(request, "documents.html", _cached(request, views.documents, q), q=q)


@pages.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: DocumentId) -> HTMLResponse:
    doc = _cached(request, views.document, document_id)
    segments, unplaced = highlight.segments(doc["text"], doc["records"])
    records = {r["id"]: {**r, "kind": kind} for kind, items in doc["records"].items() for r in items}
    return _page(request, "document.html", doc, title=doc["title"] or doc["source"], segments=segments,
                 unplaced=set(unplaced), records=records)


@pages.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, q: Annotated[AlertsQuery, Query()]) -> HTMLResponse:
    return _page(request, "alerts.html", _cached(request, views.alerts, q), q=q)


@pages.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: Annotated[NetworkQuery, Query()]) -> HTMLResponse:
    data = _cached(request, views.actors, q)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    return _page(request, "actors.html", data, q=q, net=charts.network(data["nodes"], data["items"]), names=names,
                 **_filter_choices(request))


@pages.get("/map", response_class=HTMLResponse)
def map_page(request: Request, q: Annotated[MapQuery, Query()]) -> HTMLResponse:
    data = _cached(request, views.places, q)
    return _page(request, "map.html", data, q=q, shapes=worldmap.shapes(data["countries"]),
                 legend=worldmap.legend(data["countries"]),
                 markers=worldmap.markers(data["items"]), width=worldmap.WIDTH, height=worldmap.HEIGHT,
                 **_filter_choices(request))


@pages.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, q: Annotated[SourcesQuery, Query()]) -> HTMLResponse:
    return _page(request, "sources.html", _cached(request, views.sources, q), q=q, caption=CAPTION)
