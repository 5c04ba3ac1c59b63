"""Read queries behind the dashboard and the HTTP API: one function per page, paginated.

Each takes a `Store` (only its engine is used, so one store serves many threads) and gives plain
dicts and lists, so an HTML page and its JSON twin come from the same call. Every statement is a
SQLAlchemy Core expression with bound parameters; no SQL is built from strings. Lists come as
`{"items", "total", "limit", "offset"}`.

Filters follow `link.timeline.timeline`: a symmetric event type (CONSULT, COOPERATE, AGREE) matches
a dyad in either direction, and a date range keeps what overlaps it (a month-precise date overlaps
every day of its month). `source` matches a document's publisher, its source path or its URL host.

It does not write, does not merge stories (that is `link`), and does not validate parameters
beyond what the SQL needs (the API does, before calling).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Engine, Index, and_, case, func, literal, or_, select

from ..lexicon_data import load_yaml
from ..link.evidence import interval
from ..link.merge import SYMMETRIC_TYPES
from . import linkschema, schema
from .db import Store

KINDS_IN_TEXT = ("quote", "claim", "event", "citation_issue")
MAX_RECORDS_PER_DOCUMENT = 5000  # a document page shows every record; this only guards a pathological page


# Indexes the dashboard's lists need to page through 100,000s of events without sorting them all:
# (filter column, date, id) serves "WHERE x = ? ORDER BY date, id LIMIT ? OFFSET ?" from the index alone.
# Declared here, they join `schema.metadata` when this module is imported; `ensure_indexes` adds them
# to a store created before.
_e, _d, _st = schema.events, schema.documents, linkschema.stories
WEB_INDEXES = (
    Index("ix_web_events_date_id", _e.c.date, _e.c.id),
    # a dyad either way round, symmetric types included, read from these two without touching the rows
    Index("ix_web_events_actor", _e.c.actor_country, _e.c.recipient_country, _e.c.type, _e.c.date, _e.c.id),
    Index("ix_web_events_recipient", _e.c.recipient_country, _e.c.actor_country, _e.c.type, _e.c.date, _e.c.id),
    Index("ix_web_events_type", _e.c.type, _e.c.date, _e.c.id),
    Index("ix_web_events_status", _e.c.status, _e.c.date, _e.c.id),
    Index("ix_web_documents_publisher", _d.c.publisher),
    Index("ix_web_documents_source", _d.c.source),
    Index("ix_web_documents_url", _d.c.url),
    Index("ix_web_stories_first", _st.c.date_first, _st.c.id),
    Index("ix_web_stories_last", _st.c.date_last, _st.c.date_first, _st.c.id),
    Index("ix_web_stories_type", _st.c.type, _st.c.date_first, _st.c.id),
    Index("ix_web_stories_actor", _st.c.actor_country, _st.c.recipient_country, _st.c.type, _st.c.date_first,
          _st.c.id),
    Index("ix_web_stories_recipient", _st.c.recipient_country, _st.c.actor_country, _st.c.type, _st.c.date_first,
          _st.c.id),
)


def ensure_indexes(engine: Engine) -> None:
    """Create the dashboard's indexes (and the linking tables) in a store that lacks them; idempotent."""
    linkschema.ensure(engine)
    for index in WEB_INDEXES:
        index.create(engine, checkfirst=True)


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the lexicon."""
    return tuple(load_yaml("plover.yaml")["types"])


STATUSES = ("asserted", "planned", "hypothetical", "negated")


@dataclass(frozen=True)
class Filters:
    """What a timeline or event list is narrowed to; None means any."""

    actor: str | None = None  # ISO 3166-1 alpha-3
    recipient: str | None = None
    type: str | None = None
    status: str | None = None
    source: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def day_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first day of `since` and the last day of `until`, as YYYY-MM-DD."""
    lo = interval(since) if since else None
    hi = interval(until) if until else None
    return (dt.date.fromordinal(lo[0]).isoformat() if lo else None,
            dt.date.fromordinal(hi[1]).isoformat() if hi else None)


def _ends_after(column: Any, day: str) -> Any:
    """A contract date (YYYY[-MM[-DD]]) whose last day is on or after `day`.

    The leading `>= YYYY` adds nothing logically; it gives the index a range to scan from.
    """
    return and_(column >= day[:4], or_(column >= day, column == day[:4], column == day[:7]))


def _dyad(actor_col: Any, recipient_col: Any, type_col: Any, actor: str | None, recipient: str | None) -> Any:
    straight = and_(*(c == v for c, v in ((actor_col, actor), (recipient_col, recipient)) if v)) \
        if (actor or recipient) else literal(True)
    flipped = and_(type_col.in_(sorted(SYMMETRIC_TYPES)),
                   *(c == v for c, v in ((recipient_col, actor), (actor_col, recipient)) if v))
    return or_(straight, flipped)


def _starts_with(column: Any, prefix: str) -> Any:
    """A prefix test an index can answer (LIKE 'x%' cannot, under SQLite's default case rules)."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _source_match(source: str) -> Any:
    d = schema.documents
    hosts = [f"{scheme}://{www}{source}/" for scheme in ("http", "https") for www in ("", "www.")]
    return or_(d.c.publisher == source, d.c.source == source, *(_starts_with(d.c.url, h) for h in hosts))


def _count(conn: Any, query: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one())


def _dated_first(conn: Any, id_col: Any, date_col: Any, where: Sequence[Any], limit: int,
                 offset: int) -> tuple[list[str], int]:
    """(ids of one page, total) in date order with undated rows last.

    Two queries instead of ORDER BY date IS NULL, date, id: each can walk an index in order and
    stop after the page, where the single one would sort every matching row.
    """
    dated = select(id_col).where(*where, date_col.is_not(None))
    undated = select(id_col).where(*where, date_col.is_(None))
    matching = select(id_col, date_col).where(*where).subquery()
    total, n_dated = conn.execute(select(func.count(), func.count(matching.c[date_col.name]))).one()
    n_undated = total - n_dated
    ids: list[str] = []
    if offset < n_dated:
        ids = list(conn.execute(dated.order_by(date_col, id_col).limit(limit).offset(offset)).scalars())
    if len(ids) < limit and offset + len(ids) < n_dated + n_undated:
        skip = max(0, offset - n_dated)
        ids += conn.execute(undated.order_by(id_col).limit(limit - len(ids)).offset(skip)).scalars()
    return ids, n_dated + n_undated


def _data_by_id(conn: Any, table: Any, ids: Sequence[str]) -> list[dict[str, Any]]:
    found = dict(conn.execute(select(table.c.id, table.c.data).where(table.c.id.in_(list(ids)))).all())
    return [found[i] for i in ids if i in found]


# --- stories -------------------------------------------------------------------------------------------


def _story_where(f: Filters) -> list[Any]:
    st = linkschema.stories
    where: list[Any] = []
    if f.type:
        where.append(st.c.type == f.type)
    if f.actor or f.recipient:
        where.append(_dyad(st.c.actor_country, st.c.recipient_country, st.c.type, f.actor, f.recipient))
    lo, hi = day_bounds(f.since, f.until)
    if lo:
        where += [st.c.date_last.is_not(None), _ends_after(st.c.date_last, lo)]
    if hi:
        where += [st.c.date_first.is_not(None), st.c.date_first <= hi]
    if f.source:
        le, d = linkschema.link_events, schema.documents
        docs = select(d.c.id).where(_source_match(f.source))
        where.append(st.c.id.in_(select(le.c.story_id).where(le.c.document_id.in_(docs))))
    if f.status and f.status != "asserted":
        where.append(literal(False))  # only asserted events form stories
    return where


def stories_page(store: Store, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stories matching the filters, earliest first (undated last)."""
    st = linkschema.stories
    with store.engine.connect() as conn:
        ids, total = _dated_first(conn, st.c.id, st.c.date_first, _story_where(f), limit, offset)
        return page(_data_by_id(conn, st, ids), total, limit, offset)


def latest_stories(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """The stories whose last date is latest."""
    st = linkschema.stories
    with store.engine.connect() as conn:
        return list(conn.execute(select(st.c.data).order_by(st.c.date_last.is_(None), st.c.date_last.desc(),
                                                            st.c.id).limit(limit)).scalars())


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    st = linkschema.stories
    with store.engine.connect() as conn:
        return conn.execute(select(st.c.data).where(st.c.id == story_id)).scalar_one_or_none()


def top_dyads(store: Store, limit: int = 4) -> list[tuple[str, str, int]]:
    """(actor country, recipient country, stories) of the dyads with most stories."""
    st = linkschema.stories
    n = func.count().label("n")
    query = (select(st.c.actor_country, st.c.recipient_country, n)
             .where(st.c.actor_country.is_not(None), st.c.recipient_country.is_not(None),
                    st.c.actor_country != st.c.recipient_country)
             .group_by(st.c.actor_country, st.c.recipient_country)
             .order_by(n.desc(), st.c.actor_country, st.c.recipient_country).limit(limit))
    with store.engine.connect() as conn:
        return [(a, r, int(k)) for a, r, k in conn.execute(query)]


# --- events --------------------------------------------------------------------------------------------


def _event_where(f: Filters) -> list[Any]:
    e = schema.events
    where: list[Any] = []
    if f.type:
        where.append(e.c.type == f.type)
    if f.status:
        where.append(e.c.status == f.status)
    if f.actor or f.recipient:
        where.append(_dyad(e.c.actor_country, e.c.recipient_country, e.c.type, f.actor, f.recipient))
    lo, hi = day_bounds(f.since, f.until)
    if lo:
        where += [e.c.date.is_not(None), _ends_after(e.c.date, lo)]
    if hi:
        where += [e.c.date.is_not(None), e.c.date <= hi]
    if f.source:
        d = schema.documents
        where.append(e.c.document_id.in_(select(d.c.id).where(_source_match(f.source))))
    return where


def _event_query(f: Filters, columns: Sequence[Any]) -> Any:
    return select(*columns).where(*_event_where(f))


def events_page(store: Store, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Events matching the filters, by date (undated last), with their document's title and publisher."""
    e = schema.events
    with store.engine.connect() as conn:
        ids, total = _dated_first(conn, e.c.id, e.c.date, _event_where(f), limit, offset)
        items = _data_by_id(conn, e, ids)
        _attach_documents(conn, items)
    return page(items, total, limit, offset)


def _attach_documents(conn: Any, items: list[dict[str, Any]]) -> None:
    d = schema.documents
    ids = sorted({i["document_id"] for i in items})
    found = {r.id: {"title": r.title, "publisher": r.publisher, "published": r.published}
             for r in conn.execute(select(d.c.id, d.c.title, d.c.publisher, d.c.published).where(d.c.id.in_(ids)))}
    for item in items:
        item["document"] = found.get(item["document_id"])


def events_by_id(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The events with these ids, in the order given, with their document's title and publisher."""
    with store.engine.connect() as conn:
        items = _data_by_id(conn, schema.events, ids)
        _attach_documents(conn, items)
    return items


# --- documents -----------------------------------------------------------------------------------------


def documents_page(store: Store, limit: int = 50, offset: int = 0, source: str | None = None) -> dict[str, Any]:
    """Documents, latest ingested first, with how many records of each kind they gave."""
    d = schema.documents
    query = select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.published, d.c.publisher, d.c.language,
                   d.c.removed_blocks, d.c.duplicate_of)
    if source:
        query = query.where(_source_match(source))
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = [r._asdict() for r in conn.execute(query.order_by(d.c.ingested_at.desc(), d.c.id)
                                                  .limit(limit).offset(offset))]
        ids = [r["id"] for r in rows]
        for kind in KINDS_IN_TEXT:
            t = schema.DERIVED[kind]
            per_doc = select(t.c.document_id, func.count()).where(t.c.document_id.in_(ids)).group_by(t.c.document_id)
            counts: dict[str, int] = {doc_id: int(n) for doc_id, n in conn.execute(per_doc)}
            for r in rows:
                r[kind] = int(counts.get(r["id"], 0))
    return page(rows, total, limit, offset)


def documents_by_id(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    d = schema.documents
    with store.engine.connect() as conn:
        found = {r.id: r._asdict() for r in conn.execute(
            select(d.c.id, d.c.title, d.c.publisher, d.c.published, d.c.url, d.c.source, d.c.duplicate_of)
            .where(d.c.id.in_(list(ids))))}
    return [found[i] for i in ids if i in found]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, removed boilerplate and every record placed in its text."""
    d = schema.documents
    with store.engine.connect() as conn:
        row = conn.execute(select(d).where(d.c.id == doc_id)).first()
        if row is None:
            return None
        doc = row._asdict()
        doc.pop("content_hash", None)
        doc["authors"] = doc["authors"] or []
        doc["removed"] = doc["removed"] or []
        doc["records"] = {}
        for kind in KINDS_IN_TEXT:
            t = schema.DERIVED[kind]
            doc["records"][kind] = list(conn.execute(select(t.c.data).where(t.c.document_id == doc_id)
                                                     .order_by(t.c.id).limit(MAX_RECORDS_PER_DOCUMENT)).scalars())
        le = linkschema.link_events
        doc["stories"] = sorted({s for s in conn.execute(select(le.c.story_id).where(le.c.document_id == doc_id))
                                 .scalars() if s})
    if isinstance(doc.get("ingested_at"), dt.datetime):
        doc["ingested_at"] = doc["ingested_at"].isoformat()
    return doc


def publishers(store: Store, limit: int = 200) -> list[str]:
    """Publisher names for the source filter, most documents first."""
    d = schema.documents
    n = func.count().label("n")
    with store.engine.connect() as conn:
        return list(conn.execute(select(d.c.publisher).where(d.c.publisher.is_not(None)).group_by(d.c.publisher)
                                 .order_by(n.desc(), d.c.publisher).limit(limit)).scalars())


# --- actors network and map ----------------------------------------------------------------------------


def _party_key(side: str) -> tuple[Any, Any, Any, Any]:
    data = schema.events.c.data
    key = func.coalesce(data[side]["id"].as_string(), data[side]["name"].as_string())
    return key, data[side]["name"].as_string(), data[side]["country"].as_string(), data[side]["sector"].as_string()


def node_label(key: str, name: str | None, country: str | None, sector: str | None) -> str:
    """A lexicon group id (USA, USAGOV) reads as its country and sector; a person or organisation by name."""
    if key.isupper() and country:
        return f"{country} {sector}" if sector else country
    return name or key


def actor_network(store: Store, f: Filters, limit: int = 60, offset: int = 0) -> dict[str, Any]:
    """Who acts on whom: edges (actor -> recipient) with event count and mean intensity, most events first.

    Nodes are actors by lexicon id (or name when the lexicon does not know them); a group id such as
    USAGOV is labelled "USA GOV" (its members' names vary: "the White House", "US officials") and
    keeps one of those names as `example`. Events without a recipient are left out. The page of
    edges is `limit`/`offset`; nodes are those the page's edges touch.
    """
    e = schema.events
    a_key, a_name, a_country, a_sector = _party_key("actor")
    r_key, r_name, r_country, r_sector = _party_key("recipient")
    intensity = e.c.data["intensity"].as_float()
    n = func.count().label("events")
    base = _event_query(f, [a_key.label("source"), r_key.label("target"), n,
                            func.avg(intensity).label("intensity"),
                            func.max(a_name).label("source_name"), func.max(a_country).label("source_country"),
                            func.max(a_sector).label("source_sector"),
                            func.max(r_name).label("target_name"), func.max(r_country).label("target_country"),
                            func.max(r_sector).label("target_sector")])
    query = base.where(a_key.is_not(None), r_key.is_not(None)).group_by(a_key, r_key)
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = conn.execute(query.order_by(n.desc(), a_key, r_key).limit(limit).offset(offset)).all()
    edges: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    for r in rows:
        edges.append({"source": r.source, "target": r.target, "events": int(r.events),
                      "intensity": None if r.intensity is None else round(float(r.intensity), 2)})
        for key, name, country, sector in ((r.source, r.source_name, r.source_country, r.source_sector),
                                           (r.target, r.target_name, r.target_country, r.target_sector)):
            node = nodes.setdefault(key, {"id": key, "name": node_label(key, name, country, sector),
                                          "example": name, "country": country, "sector": sector, "events": 0})
            node["events"] += int(r.events)
    return {**page(edges, total, limit, offset), "nodes": list(nodes.values())}


def map_places(store: Store, f: Filters, limit: int = 200, offset: int = 0) -> dict[str, Any]:
    """Places events happened at (with coordinates), most events first, plus events per country."""
    e = schema.events
    loc = e.c.data["location"]
    lat, lon = loc["lat"].as_float(), loc["lon"].as_float()
    name, country = loc["name"].as_string(), loc["country"].as_string()
    n = func.count().label("events")
    conflict = func.sum(case((e.c.data["intensity"].as_float() < 0, 1), else_=0)).label("conflict")
    query = (_event_query(f, [name.label("name"), country.label("country"), lat.label("lat"), lon.label("lon"), n,
                              conflict])
             .where(lat.is_not(None), lon.is_not(None)).group_by(name, country, lat, lon))
    by_country = _event_query(f, [country.label("country"), n]).where(country.is_not(None)).group_by(country)
    with store.engine.connect() as conn:
        total = _count(conn, query)
        rows = conn.execute(query.order_by(n.desc(), name).limit(limit).offset(offset)).all()
        countries = Counter({c: int(k) for c, k in conn.execute(by_country)})
        unplaced = _count(conn, _event_query(f, [e.c.id]).where(or_(lat.is_(None), lon.is_(None))))
    items = [{"name": r.name, "country": r.country, "lat": float(r.lat), "lon": float(r.lon),
              "events": int(r.events), "conflict": int(r.conflict or 0)} for r in rows]
    return {**page(items, total, limit, offset), "countries": dict(countries.most_common()), "unplaced": unplaced}
