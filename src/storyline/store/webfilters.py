"""The dashboard's filters (actor, recipient, type, status, source, date range) as SQL conditions.

Two forms of the same rules:
- `event_conditions(f)`: one WHERE clause with the values in it, for the grouping queries (actor
  network, map) that read every matching event anyway;
- `event_listing(f, fetch)` / `story_listing(f, fetch)`: a `listing.Listing` for the date-ordered
  lists, built once per filter *shape* (which filters are set) with the values as bound parameters,
  plus those values.

The rules follow `link.timeline.timeline`: a symmetric event type (CONSULT, COOPERATE, AGREE) matches a
dyad in either direction, and a date range keeps what overlaps it (a month-precise date overlaps every
day of its month). `source` matches a document's publisher, its source path or its URL host. Stories
hold asserted events only, so a story list with another status is empty.

It does not validate values (the API does, before calling) and runs no query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, false, or_, select

from ..intervals import interval
from ..vocab import SYMMETRIC_TYPES
from . import linkschema, schema
from .listing import Arm, Listing

SYMMETRIC = sorted(SYMMETRIC_TYPES)
Fetch = Callable[[Any], Any]
URL_PREFIXES = tuple(f"{scheme}://{www}" for scheme in ("http", "https") for www in ("", "www."))
PREFIX_END = "\U0010ffff"  # sorts after every character: [p, p + END) is "starts with p"


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


def day_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first day of `since` and the last day of `until`, as YYYY-MM-DD."""
    lo = interval(since) if since else None
    hi = interval(until) if until else None
    return (dt.date.fromordinal(lo[0]).isoformat() if lo else None,
            dt.date.fromordinal(hi[1]).isoformat() if hi else None)


# --- with values: one WHERE clause ---------------------------------------------------------------------


def _starts_with(column: Any, prefix: str) -> Any:
    """A prefix test an index can answer (LIKE 'x%' cannot, under SQLite's default case rules)."""
    return and_(column >= prefix, column < prefix + PREFIX_END)


def source_match(source: str) -> Any:
    """Documents whose publisher or source path is `source`, or whose URL is on host `source`."""
    d = schema.documents
    return or_(d.c.publisher == source, d.c.source == source,
               *(_starts_with(d.c.url, f"{p}{source}/") for p in URL_PREFIXES))


def _ends_after(column: Any, day: str) -> Any:
    """A contract date (YYYY[-MM[-DD]]) whose last day is on or after `day`.

    The leading `>= YYYY` adds nothing logically; it gives the index a range to scan from.
    """
    return and_(column >= day[:4], or_(column >= day, column == day[:4], column == day[:7]))


def _dyad(actor_col: Any, recipient_col: Any, type_col: Any, actor: str | None, recipient: str | None) -> Any:
    straight = and_(*(c == v for c, v in ((actor_col, actor), (recipient_col, recipient)) if v))
    flipped = and_(type_col.in_(SYMMETRIC), *(c == v for c, v in ((recipient_col, actor), (actor_col, recipient))
                                              if v))
    return or_(straight, flipped)


def event_conditions(f: Filters) -> list[Any]:
    """The events the filters keep, as conditions to AND."""
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
        where.append(e.c.document_id.in_(select(schema.documents.c.id).where(source_match(f.source))))
    return where


# --- bound: a listing per shape ------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """Which filters are set; `type` and `status` say only what kind of value they hold."""

    actor: bool
    recipient: bool
    type: str | None  # "symmetric", "other" or None
    status: str | None  # "asserted", "other" or None
    source: bool
    since: bool
    until: bool


def shape_and_params(f: Filters) -> tuple[Shape, dict[str, Any]]:
    """The shape of the filters and the values of their bound parameters."""
    lo, hi = day_bounds(f.since, f.until)
    params: dict[str, Any] = {k: v for k, v in f.as_dict().items() if k not in ("since", "until")}
    if lo:
        params.update(lo=lo, lo_year=lo[:4], lo_month=lo[:7])
    if hi:
        params["hi"] = hi
    if f.source:
        for i, p in enumerate(URL_PREFIXES):
            params[f"url_from_{i}"] = f"{p}{f.source}/"
            params[f"url_to_{i}"] = f"{p}{f.source}/{PREFIX_END}"
    shape = Shape(actor=bool(f.actor), recipient=bool(f.recipient),
                  type=None if not f.type else "symmetric" if f.type in SYMMETRIC_TYPES else "other",
                  status=None if not f.status else "asserted" if f.status == "asserted" else "other",
                  source=bool(f.source), since=bool(lo), until=bool(hi))
    return shape, params


def _bound_source_documents() -> Any:
    d = schema.documents
    source: Any = bindparam("source")
    urls = [and_(d.c.url >= bindparam(f"url_from_{i}"), d.c.url < bindparam(f"url_to_{i}"))
            for i in range(len(URL_PREFIXES))]
    return select(d.c.id).where(or_(d.c.publisher == source, d.c.source == source, *urls))


def _arms(shape: Shape, common: list[Any], cols: Any, order_col: Any, last_col: Any) -> list[Arm]:
    """Disjoint arms: the dyad as stated and (symmetric types) reversed, times the three parts of `since`."""
    if shape.type:
        common.append(cols.type == bindparam("type"))
    if shape.until:
        common.append(order_col <= bindparam("hi"))
    dyads: list[list[Any]] = [[]]
    if shape.actor or shape.recipient:
        sides = ((cols.actor_country, "actor", shape.actor), (cols.recipient_country, "recipient", shape.recipient))
        pairs: list[tuple[Any, Any]] = [(c, bindparam(name)) for c, name, on in sides if on]
        dyads = [[c == v for c, v in pairs]]
        if shape.type != "other":
            mirror = {"actor": cols.recipient_country, "recipient": cols.actor_country}
            not_straight = or_(*(c.is_distinct_from(v) for c, v in pairs))
            dyads.append([*(mirror[v.key] == v for _, v in pairs), not_straight,
                          *([] if shape.type else [cols.type.in_(SYMMETRIC)])])
    # A date whose last day is on or after `lo`: the year itself, the month itself, or any day from
    # `lo` on. Three ranges, each read in order from the date index, where one OR would be sorted.
    dates: list[list[Any]] = [[]]
    if shape.since:
        dates = [[last_col == bindparam("lo_year")], [last_col == bindparam("lo_month")],
                 [last_col >= bindparam("lo")]]
    return [[*common, *d, *t] for d in dyads for t in dates]


@cache
def _event_listing(shape: Shape, fetch: Fetch | None) -> Listing:
    e = schema.events
    common: list[Any] = []
    if shape.status:
        common.append(e.c.status == bindparam("status"))
    if shape.source:
        common.append(e.c.document_id.in_(_bound_source_documents()))
    arms = _arms(shape, common, e.c, e.c.date, e.c.date)
    return Listing(e.c.id, e.c.date, arms, dated_only=shape.since or shape.until, fetch=fetch)


@cache
def _story_listing(shape: Shape, fetch: Fetch | None) -> Listing:
    st, le = linkschema.stories, linkschema.link_events
    common: list[Any] = []
    if shape.status == "other":
        common.append(false())  # only asserted events form stories
    if shape.source:
        common.append(st.c.id.in_(select(le.c.story_id).where(le.c.document_id.in_(_bound_source_documents()))))
    arms = _arms(shape, common, st.c, st.c.date_first, st.c.date_last)
    return Listing(st.c.id, st.c.date_first, arms, dated_only=shape.since or shape.until, fetch=fetch)


def event_listing(f: Filters, fetch: Fetch | None = None) -> tuple[Listing, dict[str, Any]]:
    """The listing of the events `f` keeps (`fetch`: see `Listing`) and the values to bind."""
    shape, params = shape_and_params(f)
    return _event_listing(shape, fetch), params


def story_listing(f: Filters, fetch: Fetch | None = None) -> tuple[Listing, dict[str, Any]]:
    """The listing of the stories `f` keeps (`fetch`: see `Listing`) and the values to bind."""
    shape, params = shape_and_params(f)
    return _story_listing(shape, fetch), params
