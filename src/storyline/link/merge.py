"""Merge decisions: which event reports are one real-world event, and which events form a thread.

Takes `Report`s (one asserted event as one document reported it, with its comparison features)
and gives clusters (one real-world event each) and threads (one story: the same kind of action by
the same actor country on the same recipient country, across time). Pure functions: no store, and
the result depends only on the set of reports given, never on their order — that is what makes
incremental linking give the same stories as linking from scratch.

Clustering runs in blocks that merging never crosses: event type, actor country (oriented) and
a month (`Report.block`). A report's month is that of its own date when it is known to the day
or month; a report dated only to a year, or undated, takes its document's publication month (it
is news of about then), else its year, else "-". Blocks keep the work of linking proportional to a
month of news instead of a whole archive. The cost: two reports of one event dated on either side
of a month's end (31 October and 1 November) stay two clusters, and a report dated "in 2025" only
meets reports of the month its document appeared in.

Two levels, because an analyst needs both and they fail differently:

1. **Event clusters** (against GDELT's one event coded hundreds of times), inside a block. Two
   reports link when they are compatible — same type; actor and recipient country and sector equal
   or unknown (a symmetric type such as CONSULT is oriented first, so "A met B" meets "B met A");
   dates within `DATE_TOLERANCE_DAYS` once each date is widened to the days its precision covers;
   places in the same country — and their evidence says the same thing: `similarity` of content
   stems at least `MIN_EVIDENCE`, and evidence plus corroborating details at least `LINK_SCORE`.
   Links are accepted strongest first (each report keeps its `MAX_LINKS` strongest), and a link
   that would put two incompatible reports in one cluster (dates that do not overlap, two
   different recipient countries...) is refused: an undated or vaguer report may join a cluster
   but never bridges two distinct dated ones.
2. **Threads** (the story exported). Clusters of one type and actor country, with the same
   recipient country, are one thread across every month: "the US threatens Mexico" from July to
   November is one storyline with several real-world events in it. A cluster whose recipient
   country is unknown joins the only thread of its block that its recipient sector fits when
   there is one; when several fit, the one holding the report most similar to one of its own (at
   least `THREAD_ATTACH`). When none of its block fits, it joins the only thread of its unit (any
   month) that fits, else the thread of its recipient's sector (`place_loose`). An unknown never
   bridges two threads. Corroboration and conflicts stay per cluster, so a thread
   of ten strikes is never read as one strike confirmed ten times.

Thresholds and why:
- MIN_EVIDENCE 0.2: below it two sentences share at most a word or two besides the actors; dates
  and figures alone then join unrelated same-day events of one dyad.
- LINK_SCORE 0.3: a rewrite of one wire sentence scores 0.5-0.9 on its own. Two outlets telling
  one event in their own words share the few words that name it (designated, foreign, terrorist,
  cartels) among a dozen or more of their own, which scores 0.3-0.4: at 0.45 such pairs were lost.
  What keeps distinct events apart is mostly not this score but the constraints: dates that do
  not overlap, different recipient or place countries, and figures far apart (a penalty of
  `FAR_FIGURE_PENALTY`: 11 and 3 killed are two strikes, 80 and 83 one strike disputed), and an
  undated report pays `UNDATED_PENALTY`, so it needs 0.4 of evidence alone. Measured on the
  synthetic benchmark (benchmarks/link_stories.py, 2,000 documents), pairwise precision / recall
  of clusters against the true incidents: 0.973 / 0.993 with these settings; 0.959 / 0.999
  without the undated penalty; 0.982 / 0.979 at LINK_SCORE 0.45. The false pairs left are mostly
  same-day events of one type and dyad sharing a few words, which the event-data convention (one
  event per dyad, type and day) would merge anyway.
- DATE_TOLERANCE_DAYS 1: outlets in different time zones, or writing "on Monday" about a night
  operation, disagree by a day; two days apart is more often a second event.
- THREAD_ATTACH 0.2: the same floor as MIN_EVIDENCE: an unknown-recipient report picks among
  several threads only on a report that says something like it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .evidence import PRECISION_RANK, interval, similarity, terms

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
MIN_EVIDENCE = 0.2
LINK_SCORE = 0.3
SAME_DAY_BONUS = 0.15  # both reports dated to the day, and the days agree
SAME_MONTH_BONUS = 0.05  # both dated to the month or finer, and the ranges overlap
UNDATED_PENALTY = 0.1  # one report gives no date: nothing in time corroborates the words
SAME_FIGURE_BONUS = 0.1  # a casualty or count figure both give, equal
FAR_FIGURE_PENALTY = 0.2  # ... or far apart: 11 and 3 killed are two strikes; 80 and 83 are one, disputed
FIGURE_SLACK = 0.25
SAME_ACTOR_BONUS = 0.05  # the same named person or organisation acts
DATE_TOLERANCE_DAYS = 1
THREAD_ATTACH = 0.2
# A stem shared by more reports than this (within one type and actor country) is too common to
# propose candidate pairs; it still counts in the similarity of pairs proposed by rarer stems.
MAX_POSTING = 400
# Links kept per report, its strongest: a real-world event reported more often than this still
# forms one cluster through the links among its reports; the cap only bounds memory and time.
MAX_LINKS = 50


@dataclass
class Report:
    """One asserted event as one document reported it."""

    event_id: str
    document_id: str
    order: tuple[str, str, str]  # (ingested_at, document id, event id): first-seen order, for stable ids
    type: str
    actor: dict[str, Any]
    recipient: dict[str, Any]
    date: str | None
    precision: str | None
    span: tuple[int, int] | None
    place_country: str | None
    place_name: str | None
    magnitude: dict[str, Any]
    intensity: float | None
    evidence: str
    terms: frozenset[str]
    period: str = "-"

    @property
    def unit(self) -> str:
        return unit_key(self.type, self.actor.get("country"))

    @property
    def block(self) -> str:
        return f"{self.unit}:{self.period}"


def unit_key(event_type: str, actor_country: str | None) -> str:
    """The block that merging never crosses: event type and (oriented) actor country."""
    return f"{event_type}:{actor_country or '-'}"


def period_of(date: str | None, precision: str | None, published: str | None) -> str:
    """The month a report is clustered in: its own date's when known to the month or day, else its
    document's publication month (an undated report is news of about then), else "-"."""
    if date and len(date) >= 7 and (precision or "day") in ("day", "month"):
        return date[:7]
    if published and len(published) >= 7:
        return published[:7]
    return date[:4] if date else "-"


def block_of(record: dict[str, Any], published: str | None) -> str:
    """The block of an event record (see `Report.block`), without computing its stems."""
    return report_from_record(record, stems=frozenset(), published=published).block


def _party(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {"name": None, "country": None, "sector": None, "id": None}


def _null_last(party: dict[str, Any]) -> tuple[bool, str]:
    return party.get("country") is None, party.get("country") or ""


def report_from_record(record: dict[str, Any], ingested_at: str = "", stems: frozenset[str] | None = None,
                       published: str | None = None) -> Report:
    """A `Report` from an event export record (see store/records.py); `stems` when already known;
    `published` is its document's publication date (the period of an undated report)."""
    actor, recipient = _party(record.get("actor")), _party(record.get("recipient"))
    if record["type"] in SYMMETRIC_TYPES and _null_last(actor) > _null_last(recipient):
        actor, recipient = recipient, actor
    location = record.get("location") or {}
    precision = record.get("date_precision")
    return Report(
        event_id=record["id"],
        document_id=record["document_id"],
        order=(ingested_at, record["document_id"], record["id"]),
        type=record["type"],
        actor=actor,
        recipient=recipient,
        date=record.get("date"),
        precision=precision,
        span=interval(record.get("date"), precision),
        place_country=location.get("country"),
        place_name=location.get("name"),
        magnitude=dict(record.get("magnitude") or {}),
        intensity=record.get("intensity"),
        evidence=record.get("evidence") or "",
        terms=terms(record.get("evidence")) if stems is None else stems,
        period=period_of(record.get("date"), precision, published),
    )


# --- level 1: one real-world event --------------------------------------------------------------------

def _agree(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def compatible(a: Report, b: Report) -> bool:
    """Could these two reports describe one event? (type and unit are equal by construction)"""
    if not (_agree(a.actor.get("sector"), b.actor.get("sector"))
            and _agree(a.recipient.get("country"), b.recipient.get("country"))
            and _agree(a.recipient.get("sector"), b.recipient.get("sector"))
            and _agree(a.place_country, b.place_country)):
        return False
    if a.span and b.span:
        return max(a.span[0], b.span[0]) - min(a.span[1], b.span[1]) <= DATE_TOLERANCE_DAYS
    return True


def link_score(a: Report, b: Report) -> float:
    """Evidence similarity plus corroborating details; 0 when the evidence is too different."""
    sim = similarity(a.terms, b.terms)
    if sim < MIN_EVIDENCE:
        return 0.0
    score = sim
    if not (a.span and b.span):
        score -= UNDATED_PENALTY
    else:
        if a.precision == b.precision == "day":
            score += SAME_DAY_BONUS
        elif PRECISION_RANK.get(a.precision or "", 9) <= 1 and PRECISION_RANK.get(b.precision or "", 9) <= 1:
            score += SAME_MONTH_BONUS
    for k in ("killed", "injured", "count"):
        x, y = a.magnitude.get(k), b.magnitude.get(k)
        if x is None or y is None:
            continue
        if x == y:
            score += SAME_FIGURE_BONUS
        elif abs(x - y) > FIGURE_SLACK * max(abs(x), abs(y), 1) and abs(x - y) > 2:
            score -= FAR_FIGURE_PENALTY
    if a.actor.get("id") and a.actor.get("id") == b.actor.get("id"):
        score += SAME_ACTOR_BONUS
    return score


@dataclass
class _Group:
    """What one cluster (or thread) under construction has fixed: the constraint summary."""

    members: list[int]
    lo: int | None = None  # latest first day among dated members
    hi: int | None = None  # earliest last day among dated members
    fixed: dict[str, Any] = field(default_factory=dict)

    def admits(self, other: _Group) -> bool:
        for key, value in other.fixed.items():
            if value is not None and self.fixed.get(key) not in (None, value):
                return False
        if self.lo is not None and other.lo is not None:
            assert self.hi is not None and other.hi is not None
            return max(self.lo, other.lo) - min(self.hi, other.hi) <= DATE_TOLERANCE_DAYS
        return True

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        for key, value in other.fixed.items():
            if value is not None:
                self.fixed[key] = value
        if other.lo is not None:
            assert other.hi is not None
            self.lo = other.lo if self.lo is None else max(self.lo, other.lo)
            self.hi = other.hi if self.hi is None else min(self.hi, other.hi)


def _fixed(r: Report) -> dict[str, Any]:
    return {"actor_sector": r.actor.get("sector"), "recipient_country": r.recipient.get("country"),
            "recipient_sector": r.recipient.get("sector"), "place_country": r.place_country}


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) sharing at least one stem that is not too common in this block, each once."""
    postings: dict[str, list[int]] = {}
    for i, r in enumerate(reports):
        for t in r.terms:
            postings.setdefault(t, []).append(i)
    usable = {t: p for t, p in postings.items() if 2 <= len(p) <= MAX_POSTING}
    for i, r in enumerate(reports):
        later: set[int] = set()
        for t in r.terms:
            posting = usable.get(t)
            if posting:
                later.update(j for j in posting if j > i)
        yield from ((i, j) for j in sorted(later))


Edge = tuple[float, tuple[str, str, str], tuple[str, str, str], int, int]


def _strongest(edges: list[Edge]) -> list[Edge]:
    edges.sort(key=lambda e: e[:3])
    return edges[:MAX_LINKS]


def links(reports: Sequence[Report]) -> list[Edge]:
    """The accepted-candidate links, strongest first: (-score, earlier order, later order, i, j).

    Each report keeps its `MAX_LINKS` strongest links (a link stays when either end keeps it), so
    memory stays proportional to the reports even when thousands of them resemble one another."""
    kept: list[list[Edge]] = [[] for _ in reports]
    for i, j in candidate_pairs(reports):
        a, b = reports[i], reports[j]
        if compatible(a, b):
            score = link_score(a, b)
            if score >= LINK_SCORE:
                edge = (-score, min(a.order, b.order), max(a.order, b.order), i, j)
                for end in (i, j):
                    kept[end].append(edge)
                    if len(kept[end]) >= 2 * MAX_LINKS:
                        kept[end] = _strongest(kept[end])
    chosen = {e for own in kept for e in _strongest(own)}
    return sorted(chosen, key=lambda e: e[:3])


def clusters(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of reports grouped into real-world events; order-independent (see module docstring)."""
    edges = links(reports)
    owner = list(range(len(reports)))
    groups: dict[int, _Group] = {}
    for i, r in enumerate(reports):
        lo_hi = r.span or (None, None)
        groups[i] = _Group([i], lo_hi[0], lo_hi[1], _fixed(r))

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    for _neg, _oa, _ob, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj or not groups[ri].admits(groups[rj]):
            continue
        groups[ri].absorb(groups.pop(rj))
        owner[rj] = ri
    return [sorted(g.members, key=lambda k: reports[k].order) for g in groups.values()]


# --- level 2: threads --------------------------------------------------------------------------------

def _known(values: Iterable[Any]) -> Any:
    found = {v for v in values if v is not None}
    return found.pop() if len(found) == 1 else None


def thread_keys(reports: Sequence[Report], groups: Sequence[list[int]]) -> list[str]:
    """The thread of each cluster (given as lists of report indices) of one block: "=" and the
    recipient country; for a cluster whose recipient country is unknown, the thread of the block it
    fits (see the module docstring), else "~" and its recipient sector; "#" and the cluster's first
    event when the actor's country is unknown (no dyad to follow: each event is its own story)."""
    if not any(r.actor.get("country") for r in reports):
        return ["#" + reports[g[0]].event_id for g in groups]
    recipient = [_known(reports[i].recipient.get("country") for i in g) for g in groups]
    sector = [Counter(reports[i].recipient.get("sector") for i in g if reports[i].recipient.get("sector"))
              for g in groups]
    by_country: dict[str, list[int]] = {}
    for c, country in enumerate(recipient):
        if country:
            by_country.setdefault(country, []).append(c)
    thread_sectors = {k: {s for c in cs for s in sector[c]} for k, cs in by_country.items()}
    keys = []
    for c, country in enumerate(recipient):
        if country:
            keys.append("=" + country)
            continue
        own = sector[c].most_common(1)[0][0] if sector[c] else None
        fits = [k for k in by_country if not own or not thread_sectors[k] or own in thread_sectors[k]]
        best: tuple[float, int, str] | None = None
        for key in fits:
            fit = 1.0 if len(fits) == 1 else max(similarity(reports[i].terms, reports[j].terms)
                                                 for i in groups[c] for t in by_country[key] for j in groups[t])
            cand = (fit, len(by_country[key]), key)
            if fit >= THREAD_ATTACH and (best is None or (cand[0], cand[1]) > (best[0], best[1])
                                         or (cand[:2] == best[:2] and key < best[2])):
                best = cand
        keys.append("=" + best[2] if best else LOOSE + (own or ""))
    return keys


LOOSE = "?"  # thread_keys: a cluster its own block could not place; `place_loose` decides per unit


def thread_sectors(reports: Sequence[Report], group: Sequence[int]) -> set[str]:
    """The recipient sectors a cluster brings to its thread."""
    return {s for i in group if (s := reports[i].recipient.get("sector"))}


def place_loose(own: str, threads: dict[str, set[str]]) -> str:
    """The thread of a cluster whose recipient country is unknown and whose block held no thread
    for it (`own` its recipient sector, "" when unknown), among its unit's threads (recipient
    country -> the sectors seen in it): the only one its sector fits, else its sector's own."""
    fits = [k for k, sectors in threads.items() if not own or not sectors or own in sectors]
    return "=" + fits[0] if len(fits) == 1 else "~" + own
