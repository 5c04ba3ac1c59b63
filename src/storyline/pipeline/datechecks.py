"""Dates that cannot be right, found in one document's stored records.

Takes a document's publication date with either its event records or its clean
text and actor mention records (the export shapes, as kept in the store's `data`
column) and gives `DateFinding`s:

- `event_after_publication`: an event reported as having happened (`status`
  asserted) whose date lies after the article's publication date, compared at
  the coarser of the two precisions ("2026-02" is after "2026-01-15"; "2026-01"
  is not). Planned, hypothetical and negated events may lie in the future.
- `stale_newcomer`: a person the actor lexicon knows with dated roles, called
  new to an office ("Mexico's newly elected president", "the incoming prime
  minister", "President-elect X") in an article dated more than
  `NEWCOMER_MAX_DAYS` after their current role began. The cue must stand next to
  the person's mention (just before it, inside its span, or in an appositive
  right after it) and its office noun must fit the role held on the publication
  date. Cue words live in `lexicon/datechecks.yaml`; office nouns come from the
  actor lexicon. A page that states no date was published no earlier than the
  latest date in its own reference list (`cited_no_earlier_than`): a page citing
  "Fox News, January 2026" is from January 2026 or later, which is enough to
  know a leader in office since 2024 is not new. A sentence that dates itself
  earlier ("In October 2024, Mexico's newly elected president ...") is judged at
  its own earliest date, so history told later is not flagged.

Both are pure functions of their inputs (records in their export shapes). `check` is the
pipeline stage that runs them on a document's own events and mentions and keeps the findings as
`Document.date_issues`; the store keeps them as `date_issue` records, which `report.py` reads.
It does not check dates against the calendar of other documents, nor people
the lexicon has no dates for, nor pages in languages other than English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..lexicon import Entity, Role, load_lexicon
from ..lexicon_data import load_yaml, per_user_files
from ..model import DateIssue, Document, Span
from .citations import reference_entries
from .segment import split_sentences

# How long a leader may be called "new" or "newly elected": about nine months after the current role
# began (inauguration or appointment, not election day). Wire copy still writes "new" a few months
# in; past nine months it is a recycled or mis-dated text.
NEWCOMER_MAX_DAYS = 274
# Only events reported as having happened must lie before publication.
CHECKED_STATUSES = frozenset({"asserted"})

ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# What may stand between an office noun and the person it describes: "the new president of Ecuador, X".
GAP_TO_MENTION = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})?[\s,(]*")
# An appositive after the person: ", Mexico's newly elected president,".
APPOSITIVE = re.compile(r"\s*,\s*([^,.;:\n()]{1,100})")
# Only determiners and possessives may open it before the cue ("the", "Mexico's", "the country's"):
# ", who met new Honduran president X," describes someone else.
APPOSITIVE_LEAD = re.compile(r"(?:(?:the|a|an|now|its|his|her|their|[\w.\-]+['’]s)\s+){0,2}")
BEFORE_REACH = 120  # characters before a mention searched for a cue


@dataclass(frozen=True)
class DateFinding:
    """One date that cannot be right, with the words it came from."""

    issue: str  # event_after_publication | stale_newcomer
    detail: str
    text: str | None  # the evidence: the event's sentence, or the cue phrase
    start: int | None
    end: int | None
    record_id: str | None  # the event or mention it was found on

    def as_record(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# Events dated after publication


def is_after(date: str | None, published: str | None) -> bool:
    """True when `date` lies after `published`, compared at the coarser of their precisions."""
    if not date or not published:
        return False
    date, published = date.strip()[:10], published.strip()[:10]
    if not (ISO.match(date) and ISO.match(published)):
        return False
    n = min(len(date), len(published))
    return date[:n] > published[:n]


def events_after_publication(events: Iterable[Mapping[str, Any]], published: str | None) -> list[DateFinding]:
    """Asserted events whose date lies after the publication date."""
    found = []
    for ev in events:
        if ev.get("status") not in CHECKED_STATUSES or not is_after(ev.get("date"), published):
            continue
        said = f' ("{ev["date_text"]}")' if ev.get("date_text") else ""
        found.append(DateFinding(
            issue="event_after_publication",
            detail=f"{ev.get('type') or 'event'} dated {ev['date']}{said}, after publication on {published}",
            text=ev.get("evidence"), start=ev.get("start"), end=ev.get("end"), record_id=ev.get("id"),
        ))
    return found


# ---------------------------------------------------------------------------------------------
# "Newly elected" leaders long in office


@dataclass(frozen=True)
class _Patterns:
    anywhere: re.Pattern[str]  # a cue or an -elect anywhere: is the check worth running?
    phrase: re.Pattern[str]  # a cue and its office noun, or an office noun with -elect
    generic: frozenset[str]


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@per_user_files
def _patterns() -> _Patterns:
    data: dict[str, Any] = load_yaml("datechecks.yaml")
    lex = load_lexicon()
    cues = [c.lower() for c in data["newcomer_cues"]]
    generic = frozenset(w.lower() for w in data["generic_offices"])
    offices = {w.lower() for w, (_sector, kind) in lex.keywords.items() if kind == "title"}
    offices |= {w.lower() for w in lex.roles} | generic
    lower = _alternation(cues)
    capital = _alternation(c[0].upper() + c[1:] for c in cues)
    # A cue in lower case anywhere; capitalised only where a sentence or line starts.
    cue = rf"(?<![\w\-])(?:{lower}|(?:^|(?<=[.!?]\s)|(?<=[“\"‘(]))(?:{capital}))(?![\w\-])"
    office = rf"(?i:{_alternation(offices)})"
    # Suffixes keep their leading space ("president elect"), so they are not stripped like the words.
    elect = "(?i:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in data["elect_suffixes"]) + ")"
    phrase = (rf"(?P<cue>{cue})\s+(?:[\w'’.\-]+\s+){{0,3}}?(?P<office>{office})(?![\w\-])"
              rf"|(?<![\w\-])(?P<elected>{office}){elect}(?![\w\-])")
    anywhere = rf"{cue}|(?<=\w){elect}(?![\w\-])"
    return _Patterns(re.compile(anywhere, re.MULTILINE), re.compile(phrase, re.MULTILINE), generic)


def has_newcomer_cue(text: str) -> bool:
    """Whether the text calls anyone new to anything (a cheap test before reading its mentions)."""
    return _patterns().anywhere.search(text) is not None


def _earliest_day(published: str) -> dt.date | None:
    published = published.strip()[:10]
    if not ISO.match(published):
        return None
    parts = [int(p) for p in published.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _fits(office: str, role: Role, generic: frozenset[str]) -> bool:
    """Whether the office noun in the text names the role held ("president" fits "President",
    "secretary" fits "Secretary of State", "vice president" does not fit "President")."""
    office = " ".join(office.lower().split())
    if office in generic:
        return True
    title_words = set((role.title or "").lower().replace("-", " ").split())
    return bool(title_words) and set(office.replace("-", " ").split()) <= title_words


def _phrases_near(text: str, start: int, end: int) -> Iterable[re.Match[str]]:
    """Cue phrases that describe the mention at text[start:end]."""
    phrase = _patterns().phrase
    lo = max(0, start - BEFORE_REACH)
    for m in phrase.finditer(text, lo, end):
        # Inside or overlapping the mention's span, or just before it with nothing but "of Ecuador," between.
        if m.end() > start or GAP_TO_MENTION.fullmatch(text, m.end(), start):
            yield m
    after = APPOSITIVE.match(text, end)
    if after:
        a_start, a_end = after.span(1)
        for m in phrase.finditer(text, a_start, a_end):
            if APPOSITIVE_LEAD.fullmatch(text, a_start, m.start()):
                yield m
                break


def cited_no_earlier_than(text: str, mentions: Iterable[Mapping[str, Any]]) -> str | None:
    """The latest date inside the page's reference list: the page cannot be older than what it cites.

    `mentions` are date mention records (`type` "date", `start`, `value` {value, end_value}); others are ignored.
    """
    entries = [(e.span.start, e.span.end) for e in reference_entries(text)]
    latest: str | None = None
    for m in mentions:
        value = m.get("value") or {}
        if m.get("type") != "date" or m.get("start") is None:
            continue
        if not any(start <= m["start"] < end for start, end in entries):
            continue
        for date in (value.get("value"), value.get("end_value")):
            if isinstance(date, str) and ISO.match(date) and (latest is None or is_after(date, latest)):
                latest = date
    return latest


def stale_newcomers(text: str, mentions: Iterable[Mapping[str, Any]], published: str | None,
                    basis: str = "") -> list[DateFinding]:
    """People called new to an office they had held for more than `NEWCOMER_MAX_DAYS` on `published`.

    `mentions` are the document's mention records (`type`, `start`, `end`, `value`, `id`): actor mentions
    with a lexicon `id` are checked; date mentions date their sentences and the reference list. `published`
    None falls back to `cited_no_earlier_than`; `basis`, if given, says in the detail where `published`
    came from.
    """
    if not has_newcomer_cue(text):
        return []
    mentions = list(mentions)
    if not published:
        published = cited_no_earlier_than(text, mentions)
        if published is None:
            return []
        basis = f"no stated date; it cites sources dated {published}"
    day = _earliest_day(published)
    if day is None:
        return []
    lex = load_lexicon()
    generic = _patterns().generic
    dates = [(m["start"], v) for m in mentions if m.get("type") == "date" and m.get("start") is not None
             and isinstance(v := (m.get("value") or {}).get("value"), str) and ISO.match(v)]
    sentences: list[tuple[int, int]] | None = None
    found: list[DateFinding] = []
    seen: set[tuple[int, str]] = set()
    for mention in mentions:
        if mention.get("type", "actor") != "actor" or mention.get("start") is None:
            continue
        person_id = (mention.get("value") or {}).get("id")
        entity: Entity | None = lex.people.get(person_id) if isinstance(person_id, str) else None
        if entity is None or _tenure(entity, published, day) is None:
            continue
        for m in _phrases_near(text, mention["start"], mention["end"]):
            if (m.start(), entity.id) in seen:
                continue
            when, when_day = published, day
            if dates:
                if sentences is None:
                    sentences = [(sp.start, sp.end) for sp in split_sentences(text)]
                when, when_day = _sentence_date(m.start(), sentences, dates, published, day)
            tenure = _tenure(entity, when, when_day)
            if tenure is None or not _fits(m.group("office") or m.group("elected"), tenure[0], generic):
                continue
            role, days = tenure
            seen.add((m.start(), entity.id))
            said = f"on {when}" + (f" ({basis})" if basis and when == published else "")
            found.append(DateFinding(
                issue="stale_newcomer",
                detail=(f'"{m.group(0)}" for {entity.name}, {role.title} since {role.start}: '
                        f"{days} days in office {said} (more than {NEWCOMER_MAX_DAYS})"),
                text=m.group(0), start=m.start(), end=m.end(), record_id=mention.get("id"),
            ))
    found.sort(key=lambda f: f.start or 0)
    return found


def _tenure(entity: Entity, when: str, day: dt.date) -> tuple[Role, int] | None:
    """The role held on `when` and its days so far, when that is more than `NEWCOMER_MAX_DAYS`."""
    role = entity.role_on(when)
    if role is None or role.start is None or (role.end is not None and role.end < day.isoformat()):
        return None
    days = (day - dt.date.fromisoformat(role.start)).days
    return (role, days) if days > NEWCOMER_MAX_DAYS else None


def _sentence_date(offset: int, sentences: list[tuple[int, int]], dates: list[tuple[int, str]],
                   published: str, day: dt.date) -> tuple[str, dt.date]:
    """The earliest date its own sentence gives the words at `offset`, when earlier than publication."""
    start, end = next(((a, b) for a, b in sentences if a <= offset < b), (offset, offset + 1))
    best, best_day = published, day
    for at, value in dates:
        if start <= at < end and (d := _earliest_day(value)) is not None and d < best_day:
            best, best_day = value, d
    return best, best_day


def check(doc: Document) -> Document:
    """The datechecks stage: both checks on the document's events and mentions, kept as `date_issues`."""
    events = [{"id": f"event:{i}", "type": e.type, "status": e.status, "date": e.date, "date_text": e.date_text,
               "evidence": e.evidence.text, "start": e.evidence.start, "end": e.evidence.end}
              for i, e in enumerate(doc.events) if e.date]
    found = events_after_publication(events, doc.published)
    if has_newcomer_cue(doc.text):
        mentions = [{"id": f"mention:{i}", "type": m.kind, "start": m.span.start, "end": m.span.end, "value": m.value}
                    for i, m in enumerate(doc.mentions) if m.kind in ("actor", "date")]
        found += stale_newcomers(doc.text, mentions, doc.published)
    found.sort(key=lambda f: (f.start is None, f.start or 0))
    doc.date_issues = [_issue(f) for f in found]
    return doc


def _issue(finding: DateFinding) -> DateIssue:
    span = None
    if finding.start is not None and finding.end is not None:
        span = Span(finding.start, finding.end, finding.text or "")
    record = None
    if finding.record_id:
        kind, _, index = finding.record_id.partition(":")
        record = (kind, int(index))
    return DateIssue(finding.issue, finding.detail, span, record)
