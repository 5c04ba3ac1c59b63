"""The days a contract date covers: `interval("2025-10")` is every day of October 2025.

A date in the export contract is a day (`2025-10-14`), a month (`2025-10`) or a year (`2025`);
`interval(date, precision)` turns it into the first and last day it covers (proleptic ordinals),
so a month is compatible with every day in it. `PRECISION_RANK` orders the precisions, finest first.

Shared by the event comparison in linking (`link.evidence`, `link.merge`), the timeline, the API's
date parameters and the dashboard's date filters (`store.webfilters`); it imports nothing of storyline.
"""

from __future__ import annotations

import datetime as dt

_PRECISION_OF_LENGTH = {10: "day", 7: "month", 4: "year"}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def interval(date: str | None, precision: str | None = None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) a contract date covers, or None when unknown."""
    if not date:
        return None
    try:
        prec = precision or _PRECISION_OF_LENGTH.get(len(date))
        if prec == "day":
            d = dt.date.fromisoformat(date[:10]).toordinal()
            return d, d
        year = int(date[:4])
        if prec == "month":
            month = int(date[5:7])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if prec == "year":
            return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    except ValueError:
        return None
    return None
