"""Stories in date order, and the escalation series of a dyad: the queries behind two CLI commands.

`timeline(store, actor=, recipient=, since=, until=, type=)` gives the story records that match,
earliest first (undated ones last, and left out when a date range is asked for).
`escalation(store, dyad, by)` gives `(period, summed intensity, story ids)` per day, ISO week or
month. Each real-world event (an event cluster) counts once, however many documents reported it,
at its own date and with the median intensity its reports gave; a thread with two distinct
events in one week counts both, because both happened. Events dated less precisely than the
period (a month when counting weeks) are left out of the series and counted in `skipped`, unless
`include_undated` asks to count them at their article's publication date (marked in `undated`).
Symmetric types (CONSULT, COOPERATE, AGREE) match a dyad in either direction.

`timeline_text` and `escalation_text` render the same for a terminal, so the CLI only parses
options and prints. Nothing here writes to the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..intervals import PRECISION_RANK, interval
from ..store import linkqueries
from ..store.db import Store
from ..vocab import country_code, event_type
from .merge import SYMMETRIC_TYPES

PERIODS = ("day", "week", "month")
# The coarsest date precision each period can place (rank in intervals.PRECISION_RANK).
_PLACEABLE = {"day": 0, "week": 0, "month": 1}


def parse_date(text: str | None, what: str = "date") -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as given, or a UsageError naming the option."""
    if text is None:
        return None
    if interval(text) is None:
        raise UsageError(f"cannot read {what} {text!r}: write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def parse_dyad(text: str) -> tuple[str, str]:
    """'USA-MEX' -> ('USA', 'MEX')."""
    parts = [p.strip().upper() for p in text.replace(",", "-").replace(":", "-").split("-")]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise UsageError(f"cannot read the dyad {text!r}: write two ISO 3166-1 alpha-3 codes, e.g. USA-MEX")
    actor, recipient = country_code(parts[0], "the dyad's actor"), country_code(parts[1], "the dyad's recipient")
    assert actor and recipient
    return actor, recipient


def _matches(story: dict[str, Any], actor: str | None, recipient: str | None) -> bool:
    a = (story.get("actor") or {}).get("country")
    r = (story.get("recipient") or {}).get("country")
    if (actor is None or a == actor) and (recipient is None or r == recipient):
        return True
    return story["type"] in SYMMETRIC_TYPES and (actor is None or r == actor) and (recipient is None or a == recipient)


def _span(story: dict[str, Any]) -> tuple[int, int] | None:
    first = interval(story.get("date_first"))
    last = interval(story.get("date_last"))
    if not first or not last:
        return None
    return first[0], last[1]


def timeline(store: Store, actor: str | None = None, recipient: str | None = None, since: str | None = None,
             until: str | None = None, type: str | None = None) -> list[dict[str, Any]]:
    """Story records matching the filters, in date order.

    `actor` and `recipient` are countries by ISO3 code or name, `type` a PLOVER type in any case;
    a value that is none of these raises UsageError naming the accepted forms.
    """
    actor, recipient = country_code(actor, "actor"), country_code(recipient, "recipient")
    type = event_type(type)
    lo = interval(parse_date(since, "--since"))
    hi = interval(parse_date(until, "--until"))
    actor, recipient = actor and actor.upper(), recipient and recipient.upper()
    out = []
    for story in linkqueries.stories(store, type and type.upper(), actor, recipient):
        if not _matches(story, actor, recipient):
            continue
        span = _span(story)
        if (lo or hi) and (span is None or (lo and span[1] < lo[0]) or (hi and span[0] > hi[1])):
            continue
        out.append(story)
    out.sort(key=lambda s: (_span(s) is None, _span(s) or (0, 0), s["id"]))
    return out


def _period(day: dt.date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "month":
        return day.strftime("%Y-%m")
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class Escalation:
    rows: list[tuple[str, float, list[str]]] = field(default_factory=list)
    skipped: int = 0  # events dated too vaguely for the period, or undated (and not placed by their article)
    no_intensity: int = 0  # events whose reports gave no intensity
    undated: dict[str, int] = field(default_factory=dict)  # period -> events placed there by their article's date


def escalation_series(store: Store, dyad: tuple[str, str], by: str = "week",
                      include_undated: bool = False) -> Escalation:
    """The escalation series with what was left out of it.

    With `include_undated`, an event that is undated or dated less precisely than the period is
    counted in the period its earliest reporting article was published in (when that is precise
    enough), and `undated` says how many events each period holds that way.
    """
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    actor, recipient = dyad[0].upper(), dyad[1].upper()
    result = Escalation()
    sums: dict[str, float] = {}
    members: dict[str, list[str]] = {}
    placed: list[tuple[dict[str, Any], str, str, str | None, bool]] = []  # cluster, story, date, precision, by article
    vague: list[tuple[dict[str, Any], str]] = []
    for story in timeline(store, actor=actor, recipient=recipient):
        for cluster in story.get("clusters", []):
            rank = PRECISION_RANK.get(cluster.get("date_precision") or "", 9)
            if not cluster.get("date") or rank > _PLACEABLE[by]:
                vague.append((cluster, story["id"]))
                continue
            placed.append((cluster, story["id"], cluster["date"], cluster["date_precision"], False))
    if include_undated and vague:
        dates = linkqueries.article_dates(store, {i for c, _ in vague for i in c.get("document_ids", [])})
        for cluster, story_id in vague:
            known = sorted(dates[i] for i in cluster.get("document_ids", []) if i in dates
                           and PRECISION_RANK.get(dates[i][1] or "", 9) <= _PLACEABLE[by])
            if known:
                placed.append((cluster, story_id, known[0][0], known[0][1], True))
            else:
                result.skipped += 1
    else:
        result.skipped += len(vague)
    for cluster, story_id, date, precision, by_article in placed:
        if cluster.get("intensity") is None:
            result.no_intensity += 1
            continue
        span = interval(date, precision)
        assert span is not None
        key = _period(dt.date.fromordinal(span[0]), by)
        sums[key] = sums.get(key, 0.0) + float(cluster["intensity"])
        if by_article:
            result.undated[key] = result.undated.get(key, 0) + 1
        if story_id not in members.setdefault(key, []):
            members[key].append(story_id)
    result.rows = [(k, round(sums[k], 3), members[k]) for k in sorted(sums)]
    return result


def escalation(store: Store, dyad: tuple[str, str] = ("USA", "MEX"),
               by: str = "week") -> list[tuple[str, float, list[str]]]:
    """(period, summed intensity, story ids) per period, each real-world event counted once."""
    return escalation_series(store, dyad, by).rows


def _party(p: dict[str, Any] | None) -> str:
    if not p:
        return "?"
    code = p.get("country") or "?"
    return f"{code}/{p['sector']}" if p.get("sector") else code


def _clip(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_timeline(stories: Sequence[dict[str, Any]]) -> str:
    """One block per story: the thread, then each incident (real-world event) in it with its outlets."""
    if not stories:
        return "no stories match (run `storyline ingest` first, or widen the filters)"
    lines = []
    for s in stories:
        dates = s.get("date_first") or "undated"
        if s.get("date_last") and s["date_last"] != s.get("date_first"):
            dates += f" … {s['date_last']}"
        lines.append(f"{dates:25} {s['type']:9} {_party(s.get('actor'))} → {_party(s.get('recipient'))}  "
                     f"{len(s['event_ids'])} reports, {len(s.get('clusters', []))} incidents, "
                     f"corroboration {s['corroboration']}  [{s['id']}]")
        for c in s.get("clusters", []):
            flag = "  CONFLICT " + ", ".join(sorted({x['field'] for x in c['conflicts']})) if c["conflicts"] else ""
            event_id = (c.get("event_ids") or ["?"])[0]  # a report of it; `storyline explain` says why it was coded
            outlets = ", ".join(c.get("outlets") or c.get("sources") or [])
            lines.append(f"    {c.get('date') or 'undated':12} x{c['corroboration']} {event_id}  "
                         f"{_clip(c.get('evidence') or '', 80)}  ({_clip(outlets, 60)}){flag}")
    lines.append("(x: independent outlets; the id is one report of the event: `storyline explain ID` says why "
                 "it was coded so)")
    return "\n".join(lines)


def render_escalation(result: Escalation, dyad: tuple[str, str], by: str) -> str:
    if not result.rows:
        body = f"no dated events for {dyad[0]}-{dyad[1]} at {by} precision"
    else:
        lines = [f"summed PLOVER intensity of {dyad[0]}-{dyad[1]} events per {by} (each real-world event once; "
                 "below 0, conflict outweighs cooperation)"]
        for period, total, ids in result.rows:
            undated = result.undated.get(period, 0)
            lines.append(f"{period:10} {total:+8.1f}  {len(ids)} stor{'y' if len(ids) == 1 else 'ies'}"
                         + (f"  ({undated} undated, at their article's date)" if undated else ""))
        body = "\n".join(lines)
    notes = []
    if result.skipped:
        notes.append(f"{result.skipped} events undated or dated less precisely than a {by} left out"
                     + ("" if result.undated else "; --include-undated counts them at their article's date"))
    if result.no_intensity:
        notes.append(f"{result.no_intensity} events without an intensity left out")
    return body + ("\n(" + "; ".join(notes) + ")" if notes else "")


def timeline_text(store: Store, actor: str | None = None, recipient: str | None = None, since: str | None = None,
                  until: str | None = None, type: str | None = None) -> str:
    return render_timeline(timeline(store, actor=actor, recipient=recipient, since=since, until=until, type=type))


def escalation_text(store: Store, dyad: str, by: str = "week", include_undated: bool = False) -> str:
    pair = parse_dyad(dyad)
    return render_escalation(escalation_series(store, pair, by, include_undated), pair, by)
