"""Where reports of one real-world event disagree: casualty and count figures, and dates.

Takes the reports of one event cluster (`merge.Report`) and a map from document to its
independent origin (a near-duplicate or exact copy maps to the document it copies). Gives the
contract's `conflicts`: `[{field, values: [{value, document_id}]}]`, one entry per field on which
at least two different values were reported; each value is listed with the first document (in
ingestion order) that gave it, once per independent origin, so a wire copy repeating a figure
adds nothing.

Figures are compared within a cluster only, never across a thread: two strikes in one thread that
killed different numbers of people are two events, not a conflict. Dates conflict only at the
same precision ("2025-01-20" against "2025-01-21"); a month against a day inside it is a vaguer
report, not a disagreement.

It does not decide which value is right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .merge import Report

FIGURES = ("killed", "injured", "count")


def _values(pairs: list[tuple[Any, str]], origin: Mapping[str, str]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, str]] = set()
    out = []
    for value, doc in pairs:
        key = (value, origin.get(doc, doc))
        if key in seen:
            continue
        seen.add(key)
        out.append({"value": value, "document_id": doc})
    return out


def conflicts(reports: Sequence[Report], origin: Mapping[str, str]) -> list[dict[str, Any]]:
    """The contract's conflicts for one cluster; `reports` in ingestion order."""
    found = []
    for name in FIGURES:
        pairs = [(r.magnitude.get(name), r.document_id) for r in reports if r.magnitude.get(name) is not None]
        if len({v for v, _ in pairs}) > 1:
            found.append({"field": name, "values": _values(pairs, origin)})
    for precision in ("day", "month"):
        pairs = [(r.date, r.document_id) for r in reports if r.date and r.precision == precision]
        if len({v for v, _ in pairs}) > 1:
            found.append({"field": "date", "values": _values(pairs, origin)})
    return found
