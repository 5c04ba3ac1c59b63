"""Across documents: near-duplicate documents, stories with corroboration and conflicts, timelines.

Runs on a store after ingest (the per-document pipeline never sees other documents):

    from storyline.link import link_new, story_records
    summary = link_new(store)          # incremental; safe to run any number of times
    for record in story_records(store): ...

`relink_all` rebuilds every link from scratch and reaches the same rows. `timeline`, `escalation`
and their `*_text` renderers are the library side of `storyline timeline` and `storyline escalation`.

Modules: `neardup` (MinHash LSH over documents), `evidence` (what reports are compared on),
`merge` (the merge decisions, pure), `conflicts`, `reports` (stored events as reports, their
outlets, an incident's record), `stories` (incidents and stories kept in the store), `attach`
(reports with no time joining an incident), `timeline`. They hold no SQL: what they read and
write goes through `store.dupqueries` and `store.storyqueries`.
"""

from __future__ import annotations

from ..store.linkqueries import story_records
from .stories import LinkSummary, link_new, pending, relink_all
from .timeline import (
    Escalation,
    escalation,
    escalation_series,
    escalation_text,
    parse_dyad,
    render_escalation,
    render_timeline,
    timeline,
    timeline_text,
)

__all__ = [
    "Escalation",
    "LinkSummary",
    "escalation",
    "escalation_series",
    "escalation_text",
    "link_new",
    "parse_dyad",
    "pending",
    "relink_all",
    "render_escalation",
    "render_timeline",
    "story_records",
    "timeline",
    "timeline_text",
]
