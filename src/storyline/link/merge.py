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
   or unknown, or two arms of one known state's executive (`STATE_SECTORS`: "Trump ordered" and
   "U.S. forces struck"; a symmetric type such as CONSULT is oriented first, so "A met B" meets
   "B met A"); dates within `DATE_TOLERANCE_DAYS` once each date is widened to the days its
   precision covers; places in the same country — and their evidence says the same thing:
   `similarity` of content stems at least `MIN_EVIDENCE` (for reports in two languages, the better
   of that and the similarity of their cognates, `cognates_of`), and evidence plus corroborating
   details at least `LINK_SCORE`.
   Links are accepted strongest first (each report keeps its `MAX_LINKS` strongest), and a link
   that would put two incompatible reports in one cluster (dates that do not overlap, two
   different recipient countries...) is refused: an undated or vaguer report may join a cluster
   but never bridges two distinct dated ones. A cluster of reports with no time at all (block "-")
   then joins the only incident of its unit, any month, that it fits (`attach_hosts`).
2. **Threads** (the story exported). Clusters of one type and actor country, with the same
   recipient country, are one thread across every month: "the US threatens Mexico" from July to
   November is one storyline with several real-world events in it. Two threads of one recipient
   country whose matters each name the other's (a vote to stop the strikes, a vote on the war
   powers resolution limiting military action) are one, in any month; a cluster whose evidence
   names no matter ("the operations have killed 57") takes the one thread its article's other
   clusters of the unit are in, else it is a story of its own (`rethread`). A cluster whose actor's
   country is unknown ("the raid killed a gang leader") joins the only thread of its type, in its
   month, of its matter and recipient (`place_actorless`), else it is a story of its own. A cluster whose recipient
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
  undated report pays `UNDATED_PENALTY`, so it needs 0.4 of evidence alone, and a report with
  neither a date nor a publication date (`timeless`) pays `TIMELESS_PENALTY` more, so 0.5, against
  another such report (block "-"): nothing in time can tell a recap from the news there, so only
  sentences telling the event in largely the same words join. Against a report placed in time it
  pays only the undated penalty, and joins only the one incident of its unit it fits. Measured on the
  synthetic benchmark (benchmarks/link_stories.py, 2,000 documents), pairwise precision / recall
  of clusters against the true incidents: 0.973 / 0.993 with these settings; 0.959 / 0.999
  without the undated penalty; 0.982 / 0.979 at LINK_SCORE 0.45. The false pairs left are mostly
  same-day events of one type and dyad sharing a few words, which the event-data convention (one
  event per dyad, type and day) would merge anyway.
- ONE_OFF_MODES (abduct, arrest, targeted): an act done once to one person the lexicon knows
  ("forces captured X in a raid", "commandos seized X") scores at least LINK_SCORE against a report of
  the same mode on the same person (`one_person_act`), however differently the two tell it, when
  nothing else contradicts (dates, places, recipients, figures far apart). Two timeless recaps of
  one capture share only the name and the verb and fall short of the timeless 0.5; a country, a
  sector or a group as the recipient never counts as one person.
- Two reports dated to the day at most DATE_TOLERANCE_DAYS apart in which one organisation the lexicon
  knows acts on another it knows (the same two ids: a defence ministry and the cartel it struck), naming a
  matter in common with no figures far apart, score at least LINK_SCORE (`same_parties_days`): one operation
  told in the news of its day and of the day after ("este domingo"; a dateline of the Monday), whose
  sentences tell it from two sides and share a word or two. Two towns more than FAR_PLACE_KM apart
  are two operations. A country, a sector or a group the lexicon
  does not name never qualifies: "the army" and "the cartels" act every day.
- A report with no time at all told in one sentence with a reply the other way (a rejection and
  the threat it answers) meets a report placed in time told with a reply of the same type between
  the same two states (`exchange`), however few words the two share: one exchange told twice. It
  still joins only the one incident of its unit it fits (`attach_hosts`).
- A legislature's vote told with one count by both reports, either side first ("voted 51-48",
  "failed 48-51"), whose evidence shares words (at least MIN_EVIDENCE), scores at least LINK_SCORE
  (`same_tally`): a tally is a figure of the vote itself, where a vote told by its tally and one told
  by its resolution otherwise share too few words for the timeless 0.5.
- A recipient the sentence does not name but the coder filled from the document (the other state
  the document names most, `recipient=document-counterpart`) is no evidence against another
  report's: it neither refuses a link nor fixes the recipient of the incident it joins.
- DATE_TOLERANCE_DAYS 1: outlets in different time zones, or writing "on Monday" about a night
  operation, disagree by a day; two days apart is more often a second event.
- THREAD_ATTACH 0.2: the same floor as MIN_EVIDENCE: an unknown-recipient report picks among
  several threads only on a report that says something like it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..intervals import PRECISION_RANK, interval
from ..lexicon_data import load_yaml
from ..unionfind import union_find
from ..vocab import SYMMETRIC_TYPES
from .evidence import fold, similarity, stem, stem_es, terms

MIN_EVIDENCE = 0.2
LINK_SCORE = 0.3
SAME_DAY_BONUS = 0.15  # both reports dated to the day, and the days agree
SAME_MONTH_BONUS = 0.05  # both dated to the month or finer, and the ranges overlap
UNDATED_PENALTY = 0.1  # one report gives no date: nothing in time corroborates the words
TIMELESS_PENALTY = 0.1  # neither gives a date nor a publication date: the words alone must say it (`timeless`)
SAME_FIGURE_BONUS = 0.1  # a casualty or count figure both give, equal
FAR_FIGURE_PENALTY = 0.2  # figures far apart (`far_figures`): 11 and 3 killed are most often two strikes
FIGURE_SLACK = 0.25
FIGURES = ("killed", "injured", "count")
UNDATED_LAG_DAYS = 3  # an undated report's block: the month of this many days before its publication
UNDATED_REACH_DAYS = 31  # an undated report joins only events of the month before its article, or later
SAME_ACTOR_BONUS = 0.05  # the same named person or organisation acts
DATE_TOLERANCE_DAYS = 1
THREAD_ATTACH = 0.2
# Modes of an act done once to one person (`one_person_act`): a capture or abduction, an arrest, a
# targeted killing. A person is captured once in a raid; strikes, threats or accusations recur.
ONE_OFF_MODES = frozenset({"abduct", "arrest", "targeted"})
# Arms of one state's executive: "Trump ordered the strike" and "U.S. forces struck" name one actor
# (GOV, MIL), as "rejects Trump's plan" and "rejects U.S. military intervention" name one recipient.
# The legislature, courts and parties are other actors (a Senate vote is not the president's act).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
# Cross-language evidence: content stems compared on their first letters, accents folded, so cognates
# meet ("designated"/"designado", "terrorist"/"terroristas", "cartels"/"cárteles"); shorter stems
# ("drug", "boat") are left out, their translations share nothing.
COGNATE_PREFIX = 5
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
    # (published day, published minute, first seen, document id, event id): earliest published
    # first, ties by when first seen (as for the original of a set of copies), so the report an
    # incident's id follows from stays its earliest when a later-seen report of the same day arrives.
    order: tuple[str, str, str, str, str]
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
    location: dict[str, Any] | None = None
    reported_by: str | None = None
    published_day: int | None = None  # the last day its document's publication date (day or month) covers
    matters: frozenset[str] = frozenset()  # every matter its evidence names (`matters_named`)
    background: bool = False  # a recap of an earlier event: it never joins another report's incident
    language: str | None = None  # its document's (ISO 639-1): reports in two languages compare cognates
    cognates: frozenset[str] = frozenset()  # `cognates_of(terms)`
    mode: str | None = None  # the event's PLOVER mode ("abduct", "arrest", ...)
    # The recipient was not named in the sentence but filled from the document (the other state it
    # names most, `recipient=document-counterpart`): it is no evidence against another report's.
    recipient_inferred: bool = False

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
    """The month a report is clustered in: its own date's when known to the month or day, else the
    month of `UNDATED_LAG_DAYS` before its document's publication day (an undated report is news
    of a few days before: one published on 2 February most often tells of late January), or its
    publication month, else "-"."""
    if date and len(date) >= 7 and (precision or "day") in ("day", "month"):
        return date[:7]
    if published and len(published) >= 10:
        try:
            return (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=UNDATED_LAG_DAYS)).isoformat()[:7]
        except (ValueError, OverflowError):  # not a date, or the first days of year 1 (a page's placeholder)
            return published[:7]
    if published and len(published) >= 7:
        return published[:7]
    return date[:4] if date else "-"


def _target_country(event_type: str, recipient: dict[str, Any]) -> str | None:
    """The country whose office holders named in the evidence are what the act was done to (`terms`
    keeps them): the recipient's, except in a symmetric type (a call or a meeting of two presidents
    names the other one every time, which says nothing the dyad does not)."""
    return None if event_type in SYMMETRIC_TYPES else recipient.get("country")


def block_of(record: dict[str, Any], published: str | None) -> str:
    """The block of an event record (see `Report.block`), without computing its stems."""
    return report_from_record(record, stems=frozenset(), published=published).block


def _party(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {"name": None, "country": None, "sector": None, "id": None}


def _null_last(party: dict[str, Any]) -> tuple[bool, str]:
    return party.get("country") is None, party.get("country") or ""


def report_order(published: str | None, published_at: str | None, seen: str, document_id: str,
                 event_id: str) -> tuple[str, str, str, str, str]:
    """The order reports are told apart by: earliest published first (see `Report.order`)."""
    return (published or "9999", published_at or "~", seen, document_id, event_id)


def report_from_record(record: dict[str, Any], published_at: str | None = None, stems: frozenset[str] | None = None,
                       published: str | None = None, seen: str = "", language: str | None = None) -> Report:
    """A `Report` from an event export record (see store/records.py); `stems` when already known;
    `published` and `published_at` are its document's publication day and minute (the period of an
    undated report, and the order of reports), `seen` when the document was first ingested,
    `language` its document's."""
    actor, recipient = _party(record.get("actor")), _party(record.get("recipient"))
    event_type = linked_type(record)
    if event_type in SYMMETRIC_TYPES and _null_last(actor) > _null_last(recipient):
        actor, recipient = recipient, actor
    location = record.get("location") or {}
    precision = record.get("date_precision")
    # Only a publication date to the day or month places an undated report in time; a year does not.
    published_span = interval(published) if published and len(published) >= 7 else None
    report = Report(
        event_id=record["id"],
        document_id=record["document_id"],
        order=report_order(published, published_at, seen, record["document_id"], record["id"]),
        type=event_type,
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
        terms=(terms(record.get("evidence"), language, _target_country(event_type, recipient))
               if stems is None else stems),
        period=period_of(record.get("date"), precision, published),
        location=dict(location) if location else None,
        reported_by=record.get("reported_by"),
        published_day=published_span[1] if published_span else None,
        background=bool(record.get("background")),
        language=language,
        mode=record.get("mode"),
        recipient_inferred="recipient=document-counterpart" in str(record.get("rule") or ""),
    )
    report.matters = matters_named(report.terms, language)
    report.cognates = cognates_of(report.terms)
    return report


# An agreement whose content is a concession ("agreed to pause the tariffs": the coder marks it
# "content=CONCEDE") is linked as that concession: other outlets tell the same act as the pause itself.
AGREED_CONCESSION = "content=CONCEDE"


def linked_type(record: dict[str, Any]) -> str:
    """The type a report is linked under: its event's, except an agreement to make a concession, which
    is linked as the concession (`AGREED_CONCESSION`)."""
    if record["type"] == "AGREE" and AGREED_CONCESSION in str(record.get("rule") or ""):
        return "CONCEDE"
    return str(record["type"])


def cognates_of(stems: frozenset[str]) -> frozenset[str]:
    """The stems' first `COGNATE_PREFIX` letters, accents folded (stems shorter than that left out)."""
    return frozenset(fold(t)[:COGNATE_PREFIX] for t in stems if len(t) >= COGNATE_PREFIX and not t[0].isdigit())


def two_languages(a: Report, b: Report) -> bool:
    return a.language is not None and b.language is not None and a.language != b.language


def evidence_similarity(a: Report, b: Report) -> float:
    """`similarity` of the two reports' stems; of their cognates too when they are in two languages."""
    sim = similarity(a.terms, b.terms)
    if two_languages(a, b):
        sim = max(sim, similarity(a.cognates, b.cognates))
    return sim


# --- level 1: one real-world event --------------------------------------------------------------------

def _agree(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def far_figures(a: Report, b: Report) -> str | None:
    """The first figure (killed, injured, count) the two reports give far apart, or None: 11 and 3
    killed are two strikes; 80 and 83 are one strike, disputed."""
    for k in FIGURES:
        x, y = a.magnitude.get(k), b.magnitude.get(k)
        if x is not None and y is not None and abs(x - y) > FIGURE_SLACK * max(abs(x), abs(y), 1) and abs(x - y) > 2:
            return k
    return None


def _publication_allows(undated: Report, dated: Report) -> bool:
    """An article can report an event up to a day after it was published (time zones), never
    later, and an undated mention is news of at most `UNDATED_REACH_DAYS` before it."""
    if undated.published_day is None or dated.span is None:
        return True
    return (dated.span[0] <= undated.published_day + DATE_TOLERANCE_DAYS
            and undated.published_day - dated.span[1] <= UNDATED_REACH_DAYS)


def compatible(a: Report, b: Report) -> bool:
    """Could these two reports describe one event? (type and unit are equal by construction)"""
    return not incompatibility(a, b)


def timeless(r: Report) -> bool:
    """A report with no date of its own and no publication date to the month: nothing says when
    it happened. It never meets a report placed in time (their blocks differ); two timeless
    reports link only on evidence strong enough on its own (`TIMELESS_PENALTY`)."""
    return r.span is None and r.published_day is None


def sectors_agree(a: str | None, b: str | None, country: str | None) -> bool:
    """Equal or unknown, or two arms of one known state's executive (`STATE_SECTORS`)."""
    return _agree(a, b) or (country is not None and a in STATE_SECTORS and b in STATE_SECTORS)


def incompatibility(a: Report, b: Report, attach: bool = False) -> str | None:
    """Why these two reports cannot be one event (the first criterion they fail), or None. With
    `attach`, a report with no time at all (`timeless`) may meet one placed in time (`attach_hosts`)."""
    if a.background or b.background:
        return "a background recap"
    if timeless(a) != timeless(b) and not attach:
        return "no date and no publication date on one side"
    if not sectors_agree(a.actor.get("sector"), b.actor.get("sector"), a.actor.get("country")):
        return "actor sector"
    if a.recipient_inferred or b.recipient_inferred:
        pass  # a recipient the sentence does not name says nothing against the other's
    elif not _agree(a.recipient.get("country"), b.recipient.get("country")):
        return "recipient country"
    elif not sectors_agree(a.recipient.get("sector"), b.recipient.get("sector"),
                           a.recipient.get("country") or b.recipient.get("country")):
        return "recipient sector"
    if not _agree(a.place_country, b.place_country):
        return "place country"
    if a.span and b.span:
        if max(a.span[0], b.span[0]) - min(a.span[1], b.span[1]) > DATE_TOLERANCE_DAYS:
            return "dates"
    elif a.span or b.span:
        undated, dated = (b, a) if a.span else (a, b)
        if not _publication_allows(undated, dated):
            return "publication date of the undated report"
    return None


def same_day_dyad(a: Report, b: Report) -> bool:
    """Both dated to the same day, the same recipient country named by both, and their evidence
    naming a matter in common: the event-data convention's one event per type, dyad and day, short of
    two matters (`link_score` then needs no shared words, so a Spanish and an English report of one
    event meet)."""
    return (a.precision == b.precision == "day" and a.span == b.span and bool(a.matters & b.matters)
            and a.recipient.get("country") is not None and a.recipient.get("country") == b.recipient.get("country"))


def same_parties_days(a: Report, b: Report) -> bool:
    """Both dated to the day, the days within `DATE_TOLERANCE_DAYS`, one organisation the lexicon knows acting
    on one other it knows in both (the same ids: a navy ministry and the gang its marines
    raided), and a matter in common: one operation told from two days' news ("este domingo", the dateline
    of the day after), however differently its sentences tell it."""
    if not (a.precision == b.precision == "day" and a.span and b.span
            and abs(a.span[0] - b.span[0]) <= DATE_TOLERANCE_DAYS):
        return False
    aid, rid = a.actor.get("id"), a.recipient.get("id")
    if not (aid and rid and aid != rid and aid == b.actor.get("id") and rid == b.recipient.get("id")):
        return False
    return bool(a.matters & b.matters) and far_figures(a, b) is None and not far_places(a, b) \
        and _organisation(aid) and _organisation(rid)


FAR_PLACE_KM = 100.0  # two towns further apart than this are two scenes, not one operation


def far_places(a: Report, b: Report) -> bool:
    """Whether both reports place their act in a town, and the towns are more than `FAR_PLACE_KM` apart
    (a state or a country named on one side says nothing against a town on the other)."""
    spots = []
    for r in (a, b):
        loc = r.location or {}
        if loc.get("precision") != "city" or loc.get("lat") is None or loc.get("lon") is None:
            return False
        spots.append((math.radians(float(loc["lat"])), math.radians(float(loc["lon"]))))
    (la1, lo1), (la2, lo2) = spots
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) > FAR_PLACE_KM


def _organisation(entity_id: str) -> bool:
    """Whether the actor lexicon (shipped and user files) knows this id as an organisation."""
    from ..lexicon import load_lexicon

    return entity_id in load_lexicon().organisations


def _person(entity_id: str) -> bool:
    """Whether the actor lexicon (shipped and user files) knows this id as a person."""
    from ..lexicon import load_lexicon  # the actor stage's lexicon, read once and cached there

    return entity_id in load_lexicon().people


def one_person_act(a: Report, b: Report) -> bool:
    """Both reports tell one act done once to one person (`ONE_OFF_MODES`: a capture, an arrest, a
    targeted killing), of the same mode, done to the same person the lexicon knows (the same
    recipient id), and no figures far apart: "U.S. forces captured X" and "troops seized X in a raid"
    tell one capture, whatever else their sentences say. A country, a sector or a group as the
    recipient ("a boat", "the cartels") never qualifies. Type and actor country are equal by
    construction (one unit); dates, places and recipients are checked by `incompatibility`."""
    rid = a.recipient.get("id")
    return (a.mode in ONE_OFF_MODES and a.mode == b.mode and rid is not None and rid == b.recipient.get("id")
            and far_figures(a, b) is None and _person(rid))


Reply = tuple[str, str, str]  # (type, actor country, recipient country) of a report told with another


def replies(report: Report, records: Iterable[dict[str, Any]]) -> frozenset[Reply]:
    """What the same sentence of its article tells going the other way (`exchange`): among `records`
    (its document's events), those with its evidence whose actor is its recipient's country and
    whose recipient is its actor's: "X rejects the plan, while Y threatens strikes" gives the
    rejection by X the reply (THREATEN, Y, X). Background recaps never count."""
    actor, recipient = report.actor.get("country"), report.recipient.get("country")
    if actor is None or recipient is None or actor == recipient:
        return frozenset()
    found = set()
    for rec in records:
        if rec.get("id") == report.event_id or rec.get("background") or (rec.get("evidence") or "") != report.evidence:
            continue
        a, r = _party(rec.get("actor")).get("country"), _party(rec.get("recipient")).get("country")
        if a == recipient and r == actor:
            found.add((str(rec["type"]), a, r))
    return frozenset(found)


def exchange(a_replies: frozenset[Reply], b_replies: frozenset[Reply]) -> bool:
    """Two reports each told in one sentence with a reply of the same type between the same two
    states (`replies`): the two sentences tell one exchange ("X rejects it, while Y says strikes are
    fine" and "X rejected it on Tuesday, after Y said strikes remained an option"), however few
    words they share. Used only for a report with no time at all (`attach_hosts`), which still joins
    only the one incident of its unit it fits."""
    return bool(a_replies & b_replies)


TALLY = re.compile(r"\b(\d{1,3})\s?[-–]\s?(\d{1,3})\b")


def tally(evidence: str) -> frozenset[int] | None:
    """The vote count a sentence gives ("voted 51-48", "failed 48-51"), as the set of its two numbers;
    None with none, or with two different ones."""
    found = {frozenset((int(x), int(y))) for x, y in TALLY.findall(evidence) if x != y}
    return found.pop() if len(found) == 1 else None


def same_tally(a: Report, b: Report) -> bool:
    """Two reports of a legislature's vote giving the same count, whichever side first ("51-48",
    "48-51"), whose evidence also shares words (`MIN_EVIDENCE`): one vote."""
    if a.actor.get("sector") != "LEG" or b.actor.get("sector") != "LEG":
        return False
    ta = tally(a.evidence)
    return ta is not None and ta == tally(b.evidence) and evidence_similarity(a, b) >= MIN_EVIDENCE


def link_score(a: Report, b: Report) -> float:
    """Evidence similarity plus corroborating details; 0 when the evidence is too different.
    Reports of one type and dyad on the same day (`same_day_dyad`), and two of one act on one
    person (`one_person_act`), score at least `LINK_SCORE`."""
    floor = LINK_SCORE if one_person_act(a, b) or same_tally(a, b) or same_parties_days(a, b) else 0.0
    sim = evidence_similarity(a, b)
    if sim < MIN_EVIDENCE:
        return LINK_SCORE if same_day_dyad(a, b) else floor
    score = sim
    if not (a.span and b.span):
        score -= UNDATED_PENALTY
        if timeless(a) and timeless(b):
            score -= TIMELESS_PENALTY
    else:
        if a.precision == b.precision == "day":
            score += SAME_DAY_BONUS
        elif PRECISION_RANK.get(a.precision or "", 9) <= 1 and PRECISION_RANK.get(b.precision or "", 9) <= 1:
            score += SAME_MONTH_BONUS
    for k in FIGURES:
        x, y = a.magnitude.get(k), b.magnitude.get(k)
        if x is not None and x == y:
            score += SAME_FIGURE_BONUS
    if far_figures(a, b) is not None:
        score -= FAR_FIGURE_PENALTY
    if a.actor.get("id") and a.actor.get("id") == b.actor.get("id"):
        score += SAME_ACTOR_BONUS
    return max(score, floor)


@dataclass
class _Group:
    """What one cluster (or thread) under construction has fixed: the constraint summary."""

    members: list[int]
    lo: int | None = None  # latest first day among dated members
    hi: int | None = None  # earliest last day among dated members
    fixed: dict[str, Any] = field(default_factory=dict)
    pub_min: int | None = None  # earliest and latest publication day among undated members
    pub_max: int | None = None

    def admits(self, other: _Group) -> bool:
        for key, value in other.fixed.items():
            mine = self.fixed.get(key)
            if value is None or mine in (None, value):
                continue
            side = _COUNTRY_OF.get(key)
            country = (self.fixed.get(side) or other.fixed.get(side)) if side else None
            if not sectors_agree(mine, value, country):
                return False
        lo = _pick(max, self.lo, other.lo)
        hi = _pick(min, self.hi, other.hi)
        if self.lo is not None and other.lo is not None:
            assert lo is not None and hi is not None
            if lo - hi > DATE_TOLERANCE_DAYS:
                return False
        pub_min, pub_max = _pick(min, self.pub_min, other.pub_min), _pick(max, self.pub_max, other.pub_max)
        if lo is not None and pub_min is not None:
            assert hi is not None and pub_max is not None
            return lo <= pub_min + DATE_TOLERANCE_DAYS and pub_max - hi <= UNDATED_REACH_DAYS
        return True

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        for key, value in other.fixed.items():
            if value is not None:
                self.fixed[key] = value
        self.lo, self.hi = _pick(max, self.lo, other.lo), _pick(min, self.hi, other.hi)
        self.pub_min, self.pub_max = _pick(min, self.pub_min, other.pub_min), _pick(max, self.pub_max, other.pub_max)


def _pick(choose: Any, a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else choose(a, b)


def _fixed(r: Report) -> dict[str, Any]:
    inferred = r.recipient_inferred
    return {"actor_sector": r.actor.get("sector"), "actor_country": r.actor.get("country"),
            "recipient_country": None if inferred else r.recipient.get("country"),
            "recipient_sector": None if inferred else r.recipient.get("sector"),
            "place_country": r.place_country}


_COUNTRY_OF = {"actor_sector": "actor_country", "recipient_sector": "recipient_country"}


def _group_of(reports: Sequence[Report], members: Sequence[int]) -> _Group:
    """The constraint summary of these reports (see `_Group`)."""
    group: _Group | None = None
    for i in members:
        r = reports[i]
        lo_hi = r.span or (None, None)
        pub = None if r.span else r.published_day
        one = _Group([i], lo_hi[0], lo_hi[1], _fixed(r), pub, pub)
        if group is None:
            group = one
        else:
            group.absorb(one)
    assert group is not None
    return group


def _candidate_keys(r: Report) -> Iterable[str]:
    """What proposes a report for comparison: its stems, and its day and recipient (`same_day_dyad`)."""
    if r.precision == "day" and r.span and r.recipient.get("country"):
        return [*r.terms, f"\x00{r.span[0]}:{r.recipient['country']}"]
    return r.terms


COGNATE_KEY = "\x01"  # opens a posting key that is a cognate (`cognates_of`), never a stem


def _cognate_keys(r: Report) -> list[str]:
    return [COGNATE_KEY + c for c in r.cognates]


def _evidence_keys(r: Report, cognates: bool) -> list[str]:
    """The posting keys of a report's evidence: its stems, and its cognates when `cognates`."""
    return [*r.terms, *(_cognate_keys(r) if cognates else ())]


def _mixed_languages(reports: Sequence[Report]) -> bool:
    return len({r.language for r in reports if r.language}) > 1


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) sharing at least one stem that is not too common in this block, or their day and
    recipient, each once; in a block holding two languages, also pairs in two languages sharing a cognate."""
    postings: dict[str, list[int]] = {}
    keys = [_candidate_keys(r) for r in reports]
    if _mixed_languages(reports):
        keys = [[*own, *_cognate_keys(r)] for own, r in zip(keys, reports, strict=True)]
    for i, own in enumerate(keys):
        for t in own:
            postings.setdefault(t, []).append(i)
    usable = {t: p for t, p in postings.items() if 2 <= len(p) <= MAX_POSTING}
    for i, own in enumerate(keys):
        later: set[int] = set()
        for t in own:
            posting = usable.get(t)
            if posting and t[0] == COGNATE_KEY:
                later.update(j for j in posting if j > i and two_languages(reports[i], reports[j]))
            elif posting:
                later.update(j for j in posting if j > i)
        yield from ((i, j) for j in sorted(later))


Order = tuple[str, str, str, str, str]
Edge = tuple[float, Order, Order, int, int]


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
    owner = {i: i for i in range(len(reports))}
    find = union_find(owner)
    groups = {i: _group_of(reports, [i]) for i in range(len(reports))}
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


@cache
def _matters(language: str | None = None) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each matter's words as the linker stems them in this language's evidence (`terms`): Spanish
    by lemma (`stem_es`, whose table is loaded only once a Spanish report comes), others by `stem`."""
    data = load_yaml("matters.yaml") or {}
    stemmer = stem_es if language == "es" else stem
    return tuple((name, frozenset(stemmer(w) for w in words)) for name, words in (data.get("matters") or {}).items())


def _matter_language(language: str | None) -> str | None:
    return "es" if language == "es" else None


def matters_named(stems: frozenset[str], language: str | None = None) -> frozenset[str]:
    """Every matter (lexicon/matters.yaml) whose words are among these stems of evidence in this language."""
    return frozenset(name for name, words in _matters(_matter_language(language)) if stems & words)


def matter_of(reports: Sequence[Report], group: Sequence[int]) -> str | None:
    """What an incident is about (lexicon/matters.yaml): the matter named by most of its reports,
    then by most words, then the first listed; None when its evidence names none."""
    best: tuple[int, int, int] | None = None
    name = None
    tables = [_matters(_matter_language(reports[i].language)) for i in group]
    for rank, (matter, _) in enumerate(_matters()):
        hits = [len(reports[i].terms & table[rank][1]) for i, table in zip(group, tables, strict=True)]
        score = (sum(1 for h in hits if h), sum(hits), -rank)
        if score[0] and (best is None or score > best):
            best, name = score, matter
    return name


def thread_keys(reports: Sequence[Report], groups: Sequence[list[int]],
                matters: Sequence[str | None] | None = None) -> list[str]:
    """The thread of each cluster (given as lists of report indices) of one block: "=", the
    recipient country, "|" and the cluster's matter; for a cluster whose recipient country is
    unknown, the thread of the block it fits (same matter, see the module docstring), else "?" and
    its recipient sector and matter (`place_loose` decides); "#" and the cluster's first event when
    the actor's country is unknown or its evidence names no matter (nothing to follow it by yet).
    `rethread` then joins the threads of the whole unit."""
    matters = [matter_of(reports, g) for g in groups] if matters is None else matters
    if not any(r.actor.get("country") for r in reports):
        return ["#" + reports[g[0]].event_id for g in groups]
    recipient = [_known(reports[i].recipient.get("country") for i in g) for g in groups]
    sector = [Counter(reports[i].recipient.get("sector") for i in g if reports[i].recipient.get("sector"))
              for g in groups]
    by_thread: dict[str, list[int]] = {}
    for c, country in enumerate(recipient):
        if country and matters[c]:
            by_thread.setdefault(f"{country}|{matters[c]}", []).append(c)
    sectors_of = {k: {s for c in cs for s in sector[c]} for k, cs in by_thread.items()}
    keys = []
    for c, country in enumerate(recipient):
        matter = matters[c]
        if not matter:
            keys.append("#" + reports[groups[c][0]].event_id)
            continue
        if country:
            keys.append(f"={country}|{matter}")
            continue
        own = sector[c].most_common(1)[0][0] if sector[c] else None
        fits = [k for k in by_thread if k.endswith("|" + matter)
                and (not own or not sectors_of[k] or own in sectors_of[k])]
        best: tuple[float, int, str] | None = None
        for key in fits:
            fit = 1.0 if len(fits) == 1 else max(similarity(reports[i].terms, reports[j].terms)
                                                 for i in groups[c] for t in by_thread[key] for j in groups[t])
            cand = (fit, len(by_thread[key]), key)
            if fit >= THREAD_ATTACH and (best is None or (cand[0], cand[1]) > (best[0], best[1])
                                         or (cand[:2] == best[:2] and key < best[2])):
                best = cand
        keys.append("=" + best[2] if best else f"{LOOSE}{own or ''}|{matter}")
    return keys


@dataclass
class ThreadRow:
    """What `rethread` knows of one incident of a unit: its thread as its block and `place_loose` gave
    it ("=" country "|" matter, "~" sector "|" matter, "#" first event), every matter its reports
    name, its recipient country, and its documents (read only for an incident naming no matter)."""

    key: str
    named: frozenset[str]
    recipient: str | None = None
    documents: frozenset[str] = frozenset()


def _side_matter(key: str) -> tuple[str, str] | None:
    if key[:1] not in ("=", "~"):
        return None
    side, _, matter = key.partition("|")
    return side, matter


def rethread(rows: Sequence[ThreadRow]) -> list[str]:
    """The thread of each incident of one unit (type and actor country, every month):

    - Threads of one recipient (its country, else its sector) whose matters each name the other's
      are one: "a vote to stop the strikes on boats" (strikes named most) and "voted to dismiss the
      war powers resolution ... military action" (the vote named most) are one thread of votes on
      the strikes. Both ways, not one: a tariff threat that also names the border and a border
      thread that never names tariffs stay two stories; and by at least half of each thread's
      incidents, so that a long thread naming another matter now and then keeps its own. The
      joined thread takes the matter of its largest part (then the first in lexicon order, as
      `matter_of`).
    - An incident whose evidence names no matter takes the one thread of the incidents its documents
      also report in this unit whose recipient country agrees with its own: "the operations have
      killed at least 40 people" or "a similar measure failed" tell what their article tells, in
      words that point back to it. With two such threads, or none, it stays a story of its own.

    Depends only on the set of rows, never on their order or on earlier runs."""
    parts: dict[tuple[str, str], list[int]] = {}
    for n, row in enumerate(rows):
        sm = _side_matter(row.key)
        if sm:
            parts.setdefault(sm, []).append(n)
    owner = {key: key for key in parts}
    find = union_find(owner)

    def names(part: tuple[str, str], matter: str) -> bool:
        """Whether at least half of this part's incidents name that matter (a year of tariff news
        naming the military now and then is not a thread on military action)."""
        members = parts[part]
        return 2 * sum(matter in rows[n].named for n in members) >= len(members)

    keys = sorted(parts)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a[0] == b[0] and names(a, b[1]) and names(b, a[1]):
                ra, rb = find(a), find(b)
                if ra != rb:
                    owner[max(ra, rb)] = min(ra, rb)
    joined: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in keys:
        joined.setdefault(find(key), []).append(key)
    rank = {name: n for n, (name, _) in enumerate(_matters())}
    final: dict[tuple[str, str], str] = {}
    for members in joined.values():
        lead = min(members, key=lambda k: (-len(parts[k]), rank.get(k[1], len(rank)), k[1]))
        final.update({k: f"{lead[0]}|{lead[1]}" for k in members})
    out = [final[sm] if (sm := _side_matter(row.key)) else row.key for row in rows]
    by_document: dict[str, set[str]] = {}
    for n, row in enumerate(rows):
        if _side_matter(row.key):
            for doc in row.documents:
                by_document.setdefault(doc, set()).add(out[n])
    for n, row in enumerate(rows):
        if _side_matter(row.key) or not row.documents:
            continue
        found = {key for doc in row.documents for key in by_document.get(doc, ())
                 if key[0] == "~" or _agree(key[1:].partition("|")[0], row.recipient)}
        if len(found) == 1:
            out[n] = found.pop()
    return out


LOOSE = "?"  # thread_keys: a cluster its own block could not place; `place_loose` decides per unit


def thread_sectors(reports: Sequence[Report], group: Sequence[int]) -> set[str]:
    """The recipient sectors a cluster brings to its thread."""
    return {s for i in group if (s := reports[i].recipient.get("sector"))}


def place_loose(loose: str, threads: dict[str, set[str]]) -> str:
    """The thread of a cluster whose recipient country is unknown and whose block held no thread
    for it (`loose` its recipient sector, "" when unknown, "|" and its matter), among its unit's
    threads ("country|matter" -> the sectors seen in it): the only one of its matter its sector
    fits, else its sector's and matter's own."""
    own, _, matter = loose.partition("|")
    fits = [k for k, sectors in threads.items()
            if k.partition("|")[2] == matter and (not own or not sectors or own in sectors)]
    return "=" + fits[0] if len(fits) == 1 else "~" + loose


def place_actorless(period: str, actor_sector: str | None, recipient: str | None, sectors: set[str],
                    matter: str | None, threads: Iterable[tuple[str, str, str, set[str]]]) -> tuple[str, str] | None:
    """The thread a cluster whose actor's country is unknown joins, or None (it stays a story of its
    own): among `threads` — (unit, thread key, period, recipient sectors) of the clusters of its
    type whose actor's country is known — the only one of its matter, of a cluster in its own
    period (block month, "-" for no time), whose recipient country is its own (or either unknown)
    and whose recipient sectors fit its own. Only an act of a state whose state is not named ("the
    forces", "the government", or no actor found) joins, and only one naming whom it was done to
    (a recipient country or sector): cartels or protesters with no country are not a state's
    story. An unknown fits a known actor, never two: with two candidates ("a strike on a boat" in
    a month of strikes by two states) nothing tells which. Returns (unit, thread key)."""
    if not matter or (actor_sector and actor_sector not in STATE_SECTORS) or not (recipient or sectors):
        return None
    fits: set[tuple[str, str]] = set()
    for unit, thread, when, theirs in threads:
        if when != period or thread[:1] not in ("=", "~"):
            continue
        side, _, their_matter = thread[1:].partition("|")
        if their_matter != matter:
            continue
        country = side if thread[0] == "=" else None
        if recipient and country and recipient != country:
            continue
        if sectors and theirs and not sectors & theirs:
            continue
        fits.add((unit, thread))
    return fits.pop() if len(fits) == 1 else None


# --- a report with no time at all joins the only incident of its unit it fits -------------------------

def attach_hosts(reports: Sequence[Report], loose: Sequence[Sequence[int]],
                 hosts: Sequence[Sequence[int]],
                 replies_of: Callable[[Report], frozenset[Reply]] | None = None) -> list[int | None]:
    """For each cluster of `timeless` reports (`loose`, report indices), the index of the only
    cluster of `hosts` (clusters of the same unit placed in time: their own dates or their
    articles') that it fits, else None.

    A timeless report sits in block "-" and meets no report placed in time while blocks are
    clustered; here it may join one. It fits a host when every pair across the two is compatible
    (`incompatibility` with `attach`, which lets the time-less side through), their clusters
    admit each other, and some pair links on evidence (`link_score`, which charges the undated
    side `UNDATED_PENALTY`: on the development pages' gold events, two calls of one pair of
    presidents two months apart, and two deployments, joined without it). It joins only when one
    host fits: with two candidates (two strikes told alike) nothing in time can tell which one it
    tells of. A background recap never joins. With `replies_of` (a report's `replies`), a pair
    that tells one exchange (`exchange`) links whatever its words share."""
    postings: dict[str, list[int]] = {}
    host_of_report: dict[int, int] = {}
    two = _mixed_languages(reports)
    for h, members in enumerate(hosts):
        for i in members:
            host_of_report[i] = h
            for key in _evidence_keys(reports[i], two):
                postings.setdefault(key, []).append(i)
    groups = [_group_of(reports, members) for members in hosts]
    hosts_fixed = [_group_of(reports, members) for members in hosts]  # as the hosts were, before any joined
    out: list[int | None] = []
    for members in loose:
        if any(reports[i].background for i in members):
            out.append(None)
            continue
        own = _group_of(reports, members)
        candidates: set[int] = set()
        for i in members:
            for key in _evidence_keys(reports[i], two):
                posting = postings.get(key, ())
                if len(posting) <= MAX_POSTING:
                    candidates.update(posting)
        fits = set()
        for h in sorted({host_of_report[j] for j in candidates}):
            if not hosts_fixed[h].admits(own):
                continue
            pairs = [(reports[i], reports[j]) for i in members for j in hosts[h]]
            if any(incompatibility(a, b, attach=True) for a, b in pairs):
                continue
            told_alike = any(link_score(a, b) >= LINK_SCORE for a, b in pairs)
            if told_alike or (replies_of is not None and any(
                    exchange(mine, replies_of(b)) for a, b in pairs if (mine := replies_of(a)))):
                fits.add(h)
        host = fits.pop() if len(fits) == 1 else None
        if host is not None and not groups[host].admits(own):
            host = None  # an earlier one joining it fixed what this one contradicts (a place, a recipient)
        if host is not None:
            groups[host].absorb(own)
        out.append(host)
    return out
