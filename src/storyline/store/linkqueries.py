"""Reading what linking wrote, for the timeline, the escalation series and `storyline explain --with`.

`stories(store, type, actor, recipient)` gives the story records of a type and dyad (a symmetric
type matches the dyad either way round; the caller checks the date range and the exact dyad),
`article_dates(store, ids)` the stated publication dates of documents, `document_times(store, id)`
a document's publication day and minute and when it was ingested, `clusters_of(store, events)`
the incident (event cluster) each event is in; `story_records(store)` every story record, for export.
Read-only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import and_, or_, select

from ..vocab import SYMMETRIC_TYPES
from . import linkschema, schema
from .db import Store


def streamed(store: Store, query: Any) -> Iterator[Any]:
    """The rows of a query over what linking wrote, streamed: queued documents written first, and the
    link tables made if this store was never linked (they are then empty)."""
    store.flush()
    linkschema.ensure(store.engine)
    with store.engine.connect() as conn:
        yield from conn.execution_options(stream_results=True, yield_per=500).execute(query)


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every `story` record, streamed, earliest first (undated stories last)."""
    st = linkschema.stories
    for (data,) in streamed(store, select(st.c.data).order_by(st.c.date_first.is_(None), st.c.date_first, st.c.id)):
        yield data


def _country(column: Any, flipped: Any, code: str) -> Any:
    st = linkschema.stories
    return or_(column == code, and_(st.c.type.in_(sorted(SYMMETRIC_TYPES)), flipped == code))


def stories(store: Store, type: str | None, actor: str | None, recipient: str | None) -> Iterator[dict[str, Any]]:
    """Story records of this type (any, when None) whose actor and recipient countries may be these."""
    store.flush()
    linkschema.ensure(store.engine)
    st = linkschema.stories
    query = select(st.c.data)
    if type:
        query = query.where(st.c.type == type)
    if actor:
        query = query.where(_country(st.c.actor_country, st.c.recipient_country, actor))
    if recipient:
        query = query.where(_country(st.c.recipient_country, st.c.actor_country, recipient))
    with store.engine.connect() as conn:
        for (story,) in conn.execute(query):
            yield story


def article_dates(store: Store, doc_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """document id -> (published, precision) of the documents that state a date."""
    d = schema.documents
    out: dict[str, tuple[str, str | None]] = {}
    ids = sorted(set(doc_ids))
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for doc_id, published, precision in conn.execute(
                    select(d.c.id, d.c.published, d.c.published_precision)
                    .where(d.c.id.in_(ids[i:i + 500]), d.c.published.is_not(None))):
                out[doc_id] = (published, precision)
    return out


def document_times(store: Store, doc_id: str) -> Any:
    """(published, published_at, ingested_at, language) of one stored document."""
    d = schema.documents
    with store.engine.connect() as conn:
        return conn.execute(select(d.c.published, d.c.published_at, d.c.ingested_at, d.c.language)
                            .where(d.c.id == doc_id)).one()


def document_events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The records of one stored document's asserted events."""
    e = schema.events
    with store.engine.connect() as conn:
        return [data for (data,) in conn.execute(select(e.c.data).where(e.c.document_id == doc_id,
                                                                           e.c.status == "asserted"))]


def clusters_of(store: Store, event_ids: Iterable[str]) -> dict[str, str]:
    """event id -> the event cluster (incident) it is in, for the events linking has placed."""
    le = linkschema.link_events
    linkschema.ensure(store.engine)
    with store.engine.connect() as conn:
        return {eid: cid for eid, cid in conn.execute(
            select(le.c.event_id, le.c.cluster_id).where(le.c.event_id.in_(list(event_ids))))}
