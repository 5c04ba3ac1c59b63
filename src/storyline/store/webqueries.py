"""Read queries behind the dashboard and the HTTP API: one function per page, paginated.

Each takes a `Store` (only its engine is used, so one store serves many threads) and gives plain
dicts and lists, so an HTML page and its JSON twin come from the same call. Every statement is a
SQLAlchemy Core expression with bound parameters; no SQL is built from strings. Lists come as
`{"items", "total", "limit", "offset", "total_exact"}`: past `listing.COUNT_CAP` rows a total is a
lower bound. The event and story lists give their records as `rawjson.RawJSON`, the stored JSON text
passed through to the client undecoded (`rawjson.materialize` turns them into dicts).

Filters (`webfilters`) follow `link.timeline.timeline`: a symmetric event type matches a dyad in
either direction, a date range keeps what overlaps it, `source` is a publisher, path or URL host.

It does not write, does not merge stories (that is `link`), and does not validate parameters
beyond what the SQL needs (the API does, before calling).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Engine, Index, Text, bindparam, case, cast, func, or_, select

from ..lexicon_data import load_yaml
from . import linkschema, schema
from .db import Store
from .rawjson import RawJSON, encode_members
from .webfilters import Filters, event_conditions, event_listing, source_match, story_listing

KINDS_IN_TEXT = ("quote", "claim", "event", "citation_issue")
MAX_RECORDS_PER_DOCUMENT = 5000  # a document page shows every record; this only guards a pathological page


# Indexes the dashboard's lists need to page through 100,000s of rows without sorting or reading them:
# (filters with =, then the order: date, id, then columns other filters test) serves
# "WHERE x = ? [AND y ...] ORDER BY date, id LIMIT ?" by walking the index and stopping after the page,
# and counts from the index alone. Declared here, they join `schema.metadata` when this module is
# imported; `ensure_indexes` adds them to a store created before.
_e, _d, _st, _le = schema.events, schema.documents, linkschema.stories, linkschema.link_events
WEB_INDEXES = (
    Index("ix_web_events_date_id", _e.c.date, _e.c.id),
    Index("ix_web_events_type", _e.c.type, _e.c.date, _e.c.id),
    Index("ix_web_events_status", _e.c.status, _e.c.date, _e.c.id),
    # one country as actor, as recipient (a symmetric type read the other way round), or a dyad
    Index("ix_web_events_by_actor", _e.c.actor_country, _e.c.date, _e.c.id, _e.c.recipient_country, _e.c.type),
    Index("ix_web_events_by_recipient", _e.c.recipient_country, _e.c.date, _e.c.id, _e.c.actor_country,
          _e.c.type),
    Index("ix_web_events_by_dyad", _e.c.actor_country, _e.c.recipient_country, _e.c.date, _e.c.id, _e.c.type),
    Index("ix_web_events_document_date", _e.c.document_id, _e.c.date, _e.c.id),
    # the actor network and the map group these, most often under a status, from the index alone
    # (document_id last: copies are left out from the index too)
    Index("ix_web_events_network_doc", _e.c.status, _e.c.actor_id, _e.c.recipient_id, _e.c.intensity, _e.c.id,
          _e.c.document_id),
    Index("ix_web_events_places_doc", _e.c.status, _e.c.place, _e.c.place_country, _e.c.lat, _e.c.lon,
          _e.c.intensity, _e.c.document_id),
    Index("ix_web_events_place_country_doc", _e.c.status, _e.c.place_country, _e.c.document_id),
    Index("ix_web_documents_publisher", _d.c.publisher),
    Index("ix_web_documents_source", _d.c.source),
    Index("ix_web_documents_url", _d.c.url),
    Index("ix_web_stories_by_first", _st.c.date_first, _st.c.id, _st.c.date_last),
    Index("ix_web_stories_last", _st.c.date_last, _st.c.date_first, _st.c.id),
    Index("ix_web_stories_type", _st.c.type, _st.c.date_first, _st.c.id),
    Index("ix_web_stories_by_actor", _st.c.actor_country, _st.c.date_first, _st.c.id, _st.c.recipient_country,
          _st.c.type),
    Index("ix_web_stories_by_recipient", _st.c.recipient_country, _st.c.date_first, _st.c.id, _st.c.actor_country,
          _st.c.type),
    Index("ix_web_stories_by_dyad", _st.c.actor_country, _st.c.recipient_country, _st.c.date_first, _st.c.id,
          _st.c.type),
    # a source's stories: from its documents' linked events to their stories' dates without reading rows
    Index("ix_web_link_events_story", _le.c.document_id, _le.c.story_id),
    Index("ix_web_stories_id_first", _st.c.id, _st.c.date_first),
)


# Indexes an older version declared, which those above replace.
SUPERSEDED_INDEXES = ("ix_web_events_network", "ix_web_events_places", "ix_web_events_place_country")


def ensure_indexes(engine: Engine) -> None:
    """Create the dashboard's indexes (and the linking tables) in a store that lacks them; idempotent."""
    from sqlalchemy import inspect

    linkschema.ensure(engine)
    for index in WEB_INDEXES:
        index.create(engine, checkfirst=True)
    have = {ix["name"] for ix in inspect(engine).get_indexes("events")}
    for name in SUPERSEDED_INDEXES:
        if name in have:
            Index(name, _e.c.id).drop(engine)


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the lexicon."""
    return tuple(load_yaml("plover.yaml")["types"])


STATUSES = ("asserted", "planned", "hypothetical", "negated")


def page(items: list[Any], total: int, limit: int, offset: int, exact: bool = True) -> dict[str, Any]:
    """A page of a list; `total_exact` False means there are more than `total` (`listing.COUNT_CAP`)."""
    return {"items": items, "total": total, "limit": limit, "offset": offset, "total_exact": exact}


def _count(conn: Any, query: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one())


# Records as stored (JSON text, not decoded), by id or for a page of ids: the list pages pass them
# through to the client.
def _raw_stories(ids: Any) -> Any:
    st = linkschema.stories
    return select(st.c.id, cast(st.c.data, Text).label("data")).join_from(ids, st, st.c.id == ids.c.id)


def _raw_events_of(ids: Any) -> Any:
    return (select(_e.c.id, cast(_e.c.data, Text).label("data"), _d.c.id.label("doc_id"), _d.c.title,
                   _d.c.publisher, _d.c.published)
            .join_from(ids, _e, _e.c.id == ids.c.id).join(_d, _d.c.id == _e.c.document_id, isouter=True))


_RAW_EVENTS = _raw_events_of(select(_e.c.id).where(_e.c.id.in_(bindparam("ids", expanding=True))).subquery())


# --- stories -------------------------------------------------------------------------------------------


def stories_page(store: Store, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stories matching the filters, earliest first (undated last); items are `RawJSON` records."""
    stories, params = story_listing(f, _raw_stories)
    with store.engine.connect() as conn:
        rows, total, exact = stories.page(conn, params, limit, offset)
    return page([RawJSON(r.data) for r in rows], total, limit, offset, exact)


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


def events_page(store: Store, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Events matching the filters, by date (undated last), with their document's title and publisher.

    Items are `RawJSON`: the stored record as it is, plus `document`.
    """
    events, params = event_listing(f, _raw_events_of)
    with store.engine.connect() as conn:
        rows, total, exact = events.page(conn, params, limit, offset)
    return page(_with_documents(rows), total, limit, offset, exact)


def _with_documents(rows: Sequence[Any]) -> list[RawJSON]:
    """Event rows (`_raw_events_of`) as stored records, each with its document's title and publisher."""
    out: list[RawJSON] = []
    extras: dict[str | None, tuple[dict[str, Any], str]] = {}  # one document's, shared by its events
    for r in rows:
        if r.doc_id not in extras:
            doc = None if r.doc_id is None else {"title": r.title, "publisher": r.publisher,
                                                 "published": r.published}
            extras[r.doc_id] = ({"document": doc}, encode_members({"document": doc}))
        out.append(RawJSON(r.data, *extras[r.doc_id]))
    return out


def events_by_id(store: Store, ids: Sequence[str]) -> list[RawJSON]:
    """The events with these ids, in the order given, with their document's title and publisher."""
    if not ids:
        return []
    with store.engine.connect() as conn:
        found = {r.id: r for r in conn.execute(_RAW_EVENTS, {"ids": list(ids)})}
    return _with_documents([found[i] for i in ids if i in found])


def stories_of_event(store: Store, event_id: str) -> list[str]:
    """The ids of the stories an event was linked into (none until linking has run, or when it is not asserted)."""
    le = linkschema.link_events
    with store.engine.connect() as conn:
        return sorted(s for s in conn.execute(select(le.c.story_id).where(le.c.event_id == event_id)).scalars() if s)


# --- documents -----------------------------------------------------------------------------------------


def documents_page(store: Store, limit: int = 50, offset: int = 0, source: str | None = None,
                   since: dt.datetime | None = None) -> dict[str, Any]:
    """Documents, latest ingested first, with how many records of each kind they gave; `since`: stored after it."""
    d = schema.documents
    query = select(d.c.id, d.c.source, d.c.url, d.c.title, d.c.published, d.c.publisher, d.c.language,
                   d.c.removed_blocks, d.c.duplicate_of)
    if source:
        query = query.where(source_match(source))
    if since is not None:
        query = query.where(d.c.ingested_at > since)
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


def actor_identity(party: dict[str, Any] | None, fallback: str) -> tuple[str, str]:
    """(node id, label) of an actor: its country and sector when it has either ("MEX CRM" for "drug cartels"
    and for the lexicon group MEXCRM alike, "USA GOV" for Donald Trump), else its name."""
    party = party or {}
    country, sector = party.get("country"), party.get("sector")
    if country or sector:
        label = " ".join(x for x in (country or "?", sector) if x)
        return label, label
    name = party.get("name") or fallback
    return f"name:{name}", name


def _not_a_copy() -> Any:
    """Events of documents that are not copies of another (`duplicate_of`): a syndicated copy's events are
    its original's, and count once."""
    d = schema.documents
    return _e.c.document_id.not_in(select(d.c.id).where(d.c.duplicate_of.is_not(None)))


def _copies(conn: Any, where: Sequence[Any]) -> int:
    d = schema.documents
    copies = select(func.count()).select_from(_e.join(d, d.c.id == _e.c.document_id)) \
        .where(*where, d.c.duplicate_of.is_not(None))
    return int(conn.execute(copies).scalar_one())


def _grouped_page(conn: Any, query: Any, limit: int, offset: int) -> tuple[list[Any], int]:
    """One page of a GROUP BY query's rows and how many groups there are (counted alongside, by a window)."""
    rows = conn.execute(query.add_columns(func.count().over().label("groups")).limit(limit).offset(offset)).all()
    if rows:
        return rows, int(rows[0].groups)
    return rows, _count(conn, query) if offset else 0


SAMPLE_CHUNK = 500  # event ids per IN (...) when reading the parties of each group's sample event
EDGE_KINDS = ("conflict", "cooperation", "neutral")


def actor_network(store: Store, f: Filters, limit: int = 60, offset: int = 0) -> dict[str, Any]:
    """Who acts on whom: edges between actor identities with their conflict and cooperation events, most first.

    A node is an actor identity (`actor_identity`): country and sector when known, so a person, the
    lexicon's group and an unnamed "drug cartels" of one country and sector are one node; `examples`
    lists the names met. Each edge counts its events by kind: `conflict` (intensity below 0),
    `cooperation` (above 0) and `neutral` (0 or none), never blending a threat with a concession;
    `intensity` is still the mean, for reference. Events of copies (`duplicate_of`) are left out, so
    a syndicated story counts once. Events without a recipient are left out. The page of edges is
    `limit`/`offset`; nodes are those the page's edges touch.

    Grouped in SQL by the copied-out columns (`actor_id`, `recipient_id`), counting by `intensity`;
    one sample event per actor id (and per recipient id) gives that party's country and sector, so a
    person whose dated role changes sector is drawn under the sector of their earliest-id event.
    """
    e = schema.events
    n = func.count().label("events")
    conflict = func.sum(case((e.c.intensity < 0, 1), else_=0))
    cooperation = func.sum(case((e.c.intensity > 0, 1), else_=0))
    where = [*event_conditions(f), e.c.actor_id.is_not(None), e.c.recipient_id.is_not(None)]
    query = (select(e.c.actor_id, e.c.recipient_id, n, conflict, cooperation, func.sum(e.c.intensity),
                    func.count(e.c.intensity))
             .where(*where, _not_a_copy()).group_by(e.c.actor_id, e.c.recipient_id))
    # one sample event per actor id and per recipient id says that party's country and sector
    as_actor = select(e.c.actor_id, func.min(e.c.id)).where(*where, _not_a_copy()).group_by(e.c.actor_id)
    as_recipient = select(e.c.recipient_id, func.min(e.c.id)).where(*where, _not_a_copy()).group_by(e.c.recipient_id)
    with store.engine.connect() as conn:
        groups = conn.execute(query).all()
        sample_of = {("actor", k): v for k, v in conn.execute(as_actor)}
        sample_of.update({("recipient", k): v for k, v in conn.execute(as_recipient)})
        data: dict[str, Any] = {}
        ids = sorted(set(sample_of.values()))
        for i in range(0, len(ids), SAMPLE_CHUNK):
            data.update(conn.execute(select(e.c.id, e.c.data).where(e.c.id.in_(ids[i:i + SAMPLE_CHUNK]))).all())
        copies = _copies(conn, where)
    nodes: dict[str, dict[str, Any]] = {}
    identity: dict[tuple[str, str], str] = {}  # (role, actor or recipient id) -> node id, each worked out once
    for (role, party_id), event_id in sample_of.items():
        party = (data.get(event_id) or {}).get(role) or {}
        key, label = actor_identity(party, party_id)
        node = nodes.setdefault(key, {"id": key, "name": label, "country": party.get("country"),
                                      "sector": party.get("sector"), "examples": [], "events": 0})
        name = party.get("name") or party_id
        if name not in node["examples"] and name != label:
            node["examples"].append(name)
        identity[(role, party_id)] = key
    # per (actor node, recipient node): events, conflict, cooperation, neutral, intensity sum, scored events
    sums: dict[tuple[str, str], list[float]] = {}
    for actor_id, recipient_id, events, conflicts, cooperations, total, scored in groups:
        pair = (identity[("actor", actor_id)], identity[("recipient", recipient_id)])
        acc = sums.get(pair)
        if acc is None:
            acc = sums[pair] = [0, 0, 0, 0, 0.0, 0]
        acc[0] += events
        acc[1] += conflicts or 0
        acc[2] += cooperations or 0
        acc[3] += events - (conflicts or 0) - (cooperations or 0)
        acc[4] += float(total or 0)
        acc[5] += scored
    ranked = sorted(sums, key=lambda pair: (-sums[pair][0], pair))
    shown: list[dict[str, Any]] = []
    for pair in ranked[offset:offset + limit]:
        acc = sums[pair]
        shown.append({"source": pair[0], "target": pair[1], "events": int(acc[0]), "conflict": int(acc[1]),
                      "cooperation": int(acc[2]), "neutral": int(acc[3]),
                      "intensity": round(acc[4] / acc[5], 2) if acc[5] else None})
    touched: dict[str, dict[str, Any]] = {}
    for edge in shown:
        for key in dict.fromkeys((edge["source"], edge["target"])):  # an actor acting on its own kind: once
            node = touched.setdefault(key, {**nodes[key], "examples": sorted(nodes[key]["examples"])[:5]})
            node["events"] += edge["events"]
    return {**page(shown, len(ranked), limit, offset), "nodes": list(touched.values()), "copies_left_out": copies}


def map_places(store: Store, f: Filters, limit: int = 200, offset: int = 0) -> dict[str, Any]:
    """Places events happened at (with coordinates), most events first, plus events per country.

    A country counts the events whose own location lies in it (the place the event names, never its
    actor's or recipient's country). Events of copies (`duplicate_of`) are left out, so a syndicated
    story counts once; `copies_left_out` says how many. Grouped by the copied-out columns `place`,
    `place_country`, `lat`, `lon`, `intensity`.
    """
    e = schema.events
    n = func.count().label("events")
    given = event_conditions(f)
    where = [*given, _not_a_copy()]
    conflict = func.sum(case((e.c.intensity < 0, 1), else_=0)).label("conflict")
    query = (select(e.c.place.label("name"), e.c.place_country.label("country"), e.c.lat, e.c.lon, n, conflict)
             .where(*where, e.c.lat.is_not(None), e.c.lon.is_not(None))
             .group_by(e.c.place, e.c.place_country, e.c.lat, e.c.lon).order_by(n.desc(), e.c.place))
    by_country = (select(e.c.place_country, n).where(*where, e.c.place_country.is_not(None))
                  .group_by(e.c.place_country))
    unplaced = select(func.count()).where(*where, or_(e.c.lat.is_(None), e.c.lon.is_(None)))
    with store.engine.connect() as conn:
        rows, total = _grouped_page(conn, query, limit, offset)
        countries = Counter({c: int(k) for c, k in conn.execute(by_country)})
        n_unplaced = int(conn.execute(unplaced).scalar_one())
        copies = _copies(conn, given)
    items = [{"name": r.name, "country": r.country, "lat": float(r.lat), "lon": float(r.lon),
              "events": int(r.events), "conflict": int(r.conflict or 0)} for r in rows]
    return {**page(items, total, limit, offset), "countries": dict(countries.most_common()), "unplaced": n_unplaced,
            "copies_left_out": copies}
