"""Cut a document's clean text into segments, each knowing which records cover it.

Takes the text and the records of one document (quotes, claims, events, citation findings, as
`store.webqueries.document` gives them) and gives `(segments, unplaced)`: segments in text order,
each `{"text", "ids", "kinds"}` where `ids` are the records whose span covers every character of it
(nested and overlapping spans are fine: a quote inside a claim sentence gives three segments), and
the ids of records with no usable offsets (a citation finding about a reference list, say).

An event is placed on its trigger word, which says more than its whole evidence sentence and
leaves the sentence to claims and quotes. The template escapes the text; this module only slices.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any


def record_span(kind: str, record: Mapping[str, Any]) -> tuple[Any, Any]:
    if kind == "event" and isinstance(record.get("trigger"), Mapping):
        return record["trigger"].get("start"), record["trigger"].get("end")
    return record.get("start"), record.get("end")


def segments(text: str, records: Mapping[str, Sequence[Mapping[str, Any]]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Segments of `text` with the records covering each, and the records that cannot be placed."""
    spans: list[tuple[int, int, str, str]] = []
    unplaced = []
    for kind, items in records.items():
        for rec in items:
            start, end = record_span(kind, rec)
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append((start, end, rec["id"], kind))
            else:
                unplaced.append(rec["id"])
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[tuple[int, str, str]]] = {}
    for s, e, rid, kind in spans:
        starts.setdefault(s, []).append((e, rid, kind))
    active: list[tuple[int, str, str]] = []
    out = []
    for a, b in itertools.pairwise(cuts):
        active = [x for x in active if x[0] > a] + starts.get(a, [])
        if not active:
            out.append({"text": text[a:b], "ids": [], "kinds": []})
            continue
        out.append({"text": text[a:b], "ids": [rid for _, rid, _ in active],
                    "kinds": sorted({kind for _, _, kind in active})})
    return out, unplaced
