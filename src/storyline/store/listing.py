"""One page of a date-ordered list (events, stories) read from indexes, with a total counted only so far.

A `Listing(id_col, date_col, arms, dated_only, fetch)` holds the statements of one filter *shape*
(which filters are set, not their values: those are bound parameters), built once and reused, so a
request pays neither for building SQL nor for compiling it again. `Listing.page(conn, params, limit,
offset)` gives the rows of one page in (date, id) order with undated rows last (by id), read in the
same query that finds them, and the total.

The rows a filter keeps are given as `arms`: conjunctions of conditions whose matches do not overlap
and together are the matches of the filter. An OR that no single index answers in date order (a
dyad read either way round; a date range that also keeps month- and year-precise dates) becomes
several arms, each walked in (date, id) order from its own index until the page is complete; their
pages are merged.

Counting is where a list over 100,000 rows spends its time, so a total is exact only up to
`COUNT_CAP` rows (or up to the page asked for, when that is deeper): beyond it the answer says
"more than `total`" (`exact` False) without counting the rest. The last page needs no count at all.

It does not build the filters (`store.webfilters` does) nor decide which columns a page reads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Integer, bindparam, func, literal, select, union_all

COUNT_CAP = 10_000

Arm = Sequence[Any]


def _ordered(id_col: Any, date_col: Any | None, arms: Sequence[Arm]) -> Any:
    """Ids of the arms' rows in (date, id) order (id only when `date_col` is None), `limit`/`offset` bound."""
    order = (date_col, id_col) if date_col is not None else (id_col,)
    limit, offset = bindparam("page_limit", type_=Integer()), bindparam("page_offset", type_=Integer())
    if len(arms) == 1:
        return select(id_col).where(*arms[0]).order_by(*order).limit(limit).offset(offset)
    # Each arm's own first offset+limit rows, read from its index in order; the page is among them.
    upto = bindparam("page_upto", type_=Integer())
    parts = [select(id_col.label("id"), *([date_col.label("date")] if date_col is not None else []))
             .where(*arm).order_by(*order).limit(upto).subquery() for arm in arms]
    merged = union_all(*(select(p) for p in parts)).subquery()
    keys = (merged.c.date, merged.c.id) if date_col is not None else (merged.c.id,)
    return select(merged.c.id).order_by(*keys).limit(limit).offset(offset)


def _count(id_col: Any, arms: Sequence[Arm]) -> Any:
    """How many rows the arms match, reading each arm no further than `count_upto` rows."""
    upto = bindparam("count_upto", type_=Integer())
    counts = [select(func.count()).select_from(select(literal(1).label("one")).select_from(id_col.table)
                                                .where(*arm).limit(upto).subquery()).scalar_subquery()
              for arm in arms]
    return select(*counts)


class Listing:
    def __init__(self, id_col: Any, date_col: Any, arms: Sequence[Arm], dated_only: bool = False,
                 fetch: Callable[[Any], Any] | None = None) -> None:
        """`dated_only`: the arms keep dated rows only (a date range), which spares the undated queries.

        `fetch(ids)` builds, from a subquery of the page's ids (column `id`), the statement that reads
        the rows to give; the page then comes in one query with its rows (ordered here). Without it a
        page is its ids.
        """
        self.dated_only = dated_only
        dated = [[*arm, date_col.is_not(None)] for arm in arms]
        undated = [[*arm, date_col.is_(None)] for arm in arms]
        table_id, table_date = id_col.table.c[id_col.key], id_col.table.c[date_col.key]

        def rows(query: Any, order: Sequence[Any]) -> Any:
            if fetch is None:
                return query
            return fetch(query.subquery()).order_by(*order)

        self.dated = rows(_ordered(id_col, date_col, dated), (table_date, table_id))
        self.undated = None if dated_only else rows(_ordered(id_col, None, undated), (table_id,))
        self.count_dated = _count(id_col, dated)
        self.count = _count(id_col, arms)

    def _count_upto(self, conn: Any, statement: Any, params: dict[str, Any], horizon: int) -> int:
        return int(sum(conn.execute(statement, {**params, "count_upto": horizon + 1}).one()))

    def page(self, conn: Any, params: dict[str, Any], limit: int, offset: int) -> tuple[list[Any], int, bool]:
        """(rows of one page, total, exact); `params` are the values of the filters' bound parameters.

        A row is an id, or with `fetch` what its statement reads.
        """
        paging = {"page_limit": limit, "page_offset": offset, "page_upto": offset + limit}
        rows = list(conn.execute(self.dated, {**params, **paging}))
        if len(rows) < limit and self.undated is not None:
            skip = 0
            if not rows and offset:  # past the dated rows: the undated ones start after all of them
                skip = offset - self._count_upto(conn, self.count_dated, params, offset)
            rest = limit - len(rows)
            rows += conn.execute(self.undated, {**params, "page_limit": rest, "page_offset": skip,
                                                "page_upto": skip + rest})
        if len(rows) < limit and (rows or not offset):
            return rows, offset + len(rows), True  # the last page: where it ends is the total
        horizon = max(COUNT_CAP, offset + limit)
        total = self._count_upto(conn, self.count, params, horizon)
        return rows, min(total, horizon), total <= horizon
