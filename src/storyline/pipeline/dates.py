"""Temporal expressions, resolved against the publication date.

Takes a text and the date it was published (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
with its precision) and gives `DateMention`s: each expression's offsets and words,
its ISO value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), precision, and for ranges
the end. The `resolve` stage stores them on the document as ``Mention(kind="date")``.
`parse_date_string` reads one standalone date string (a byline, a meta tag).
`narrative_dates` dates, after the events stage, the events whose sentence names no time.

How expressions resolve:

- A date without a year takes the most recent one not after publication
  ("Nov. 27" in an article of 2025-02-16 is 2024-11-27; "in January" is 2025-01),
  except a day at most `UPCOMING_DAYS` after publication, which is the coming one
  ("the debate on April 14" in an article of 2016-04-05 is 2016-04-14; rule
  ``..._upcoming``). Months alone have no such exception ("In July" in February is
  last July).
- A bare weekday ("on Monday", "Monday") is the most recent such day on or before
  publication: the same day when the article is of that weekday. "last Monday" is
  the most recent strictly before; "next Monday" the first strictly after.
- A day of the month without its month: "el día 3" is of the publication month (so a
  day just ahead is the coming one), "el pasado día 20" the most recent before it,
  "el próximo día 5" the first after; "el 14 de este mes" and "el 3 del mes pasado"
  count the month from publication; "el lunes 13" is the Monday the 13th nearest
  publication (within `WEEKDAY_DAY_REACH` days), else the Monday alone. "el primero de
  octubre", "1o." and "1.º" are the first.
- "this week", "last week" and "over the weekend" are ranges of days (Monday to
  Sunday, Saturday to Sunday), with `is_range` set.
- "N weeks ago" is N×7 days before publication, at day precision (rule ``ago_week``
  says it is approximate); "N years ago" is a year.
- "since X" opens a range (no end); "between X and Y" and "from X to Y" close one.
  An end without a year borrows it from the other end.
- Without a publication date, anything relative or year-less stays unresolved
  (value None); it is never guessed from today. The `resolve` stage counts it from
  the newest embedded post's day when the page signs posts ("— Name (@name) March 3,
  2025"), rule ``.../post-day``. With a publication date of month
  or year precision, only what that precision settles is resolved.

- "two weeks after", "three days later", "dos semanas después de" count from another
  event: they get no value here, only their offset (`DateMention.offset`, the
  mention's ``offset``), which `narrative_dates` applies to the time of their sentence.

What it does not do: read tense (a bare weekday, or a year-less date more than a
month ahead, in a sentence about the future still takes the most recent one), resolve
an offset from an event it names ("two weeks after the election"), or
recognise centuries, seasons alone, holidays or times of day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..model import Document, Event, Mention, Span
from .datelex import DateLexicon, key, lexicon

Anchor = tuple[date, str]  # a date and the precision it is known to ("day", "month", "year")
_RANK = {"year": 1, "month": 2, "day": 3}
# A year-less day at most this many days after publication is taken as upcoming, not as last year's.
UPCOMING_DAYS = 31

PUBLISHED = re.compile(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?\s*$")
ISO_STRING = re.compile(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?(?:[T ]\d\d:\d\d\S*)?\s*$")
COMPACT_STRING = re.compile(r"\s*((?:19|20)\d\d)(\d\d)(\d\d)\s*$")
YMD_STRING = re.compile(r"(?<!\d)((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
THE_BEFORE = re.compile(r"(?i:(?<!\w)the\s+)$")
MID_BEFORE = re.compile(r"(?i:(?<!\w)mid-)$")
DAY_DIGITS = re.compile(r"\d+")
MID_SENTENCE = re.compile(r"[\w,;:]\s*$")
CLOSING_QUOTES = frozenset("”\"'’")


@dataclass
class DateMention:
    """A temporal expression: where it is, the words, and what it resolves to."""

    start: int
    end: int
    text: str
    value: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None when unresolvable
    precision: str | None  # "day" | "month" | "year" | None
    end_value: str | None = None  # for closed ranges; None if open or not a range
    is_range: bool = False
    rule: str = ""
    offset: tuple[str, int] | None = None  # "two weeks after": ("week", -2), counted from another event


@dataclass
class _Point:
    """One candidate expression before resolution."""

    start: int
    end: int
    rule: str
    family: str  # "day" | "month" | "year" | "other": what a range may join
    strong: bool = True  # False: a date only if a range or list around it says so
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0  # weekday/month modifier: -1 last, +1 next
    this: bool = False  # "this March": the publication year
    year_offset: int | None = None  # "May of last year": -1 from the publication year
    unit: str | None = None  # relative or "ago" unit
    count: int | None = None  # relative offset, or N of "N units ago"
    vague: bool = False  # "a few weeks ago"
    month_offset: int | None = None  # "el 14 de este mes": months from the publication month


# --- candidates ------------------------------------------------------------------------------------


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _day(s: str, lex: DateLexicon | None = None) -> int:
    found = DAY_DIGITS.match(s)
    if found:
        return int(found.group())
    return lex.day_words.get(key(s), 0) if lex is not None else 0


def _next_word(text: str, end: int) -> str:
    found = NEXT_WORD.match(text, end)
    return found.group(1).lower() if found else ""


def _has_cue(text: str, start: int, lex: DateLexicon) -> bool:
    return lex.cue_before.search(text, max(0, start - 40), start) is not None


def _absolute(m: re.Match[str], lex: DateLexicon, prefix: str, order: str, text: str = "") -> _Point | None:
    month = lex.month_of[key(m.group(f"{prefix}_m"))]
    day = _day(m.group(f"{prefix}_d"), lex)
    year_s = m.group(f"{prefix}_y")
    year = int(year_s) if year_s else None
    if not _valid(year or 2000, month, day):  # 2000: a leap year, so "Feb. 29" alone stays
        return None
    rule = f"{order}_year" if year else f"{order}_no_year"
    shift = 0
    if year is None and text:  # "el pasado 3 de octubre", "el próximo 1 de agosto", "el 3 de octubre pasado"
        word = lex.day_modifier_before.search(text, max(0, m.start() - 12), m.start()) or lex.day_modifier_after.match(
            text, m.end())
        if word:
            shift = lex.day_shift.get(key(word.group(1)), 0)
            rule = {-1: f"{order}_past", 1: f"{order}_next"}.get(shift, rule)
    return _Point(m.start(), m.end(), rule, "day", year=year, month=month, day=day, shift=shift)


def _iso(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
    return _Point(m.start(), m.end(), "iso_date", "day", year=y, month=mo, day=d) if _valid(y, mo, d) else None


def _numeric(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    a, b, y = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
    if m.group("num_sep") == "." or (a > 12 >= b):
        day, month = a, b
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:  # 03/02/2025: day-first or month-first cannot be told apart (kept day-first for `_day_first`)
        if not _valid(y, b, a):
            return None
        return _Point(m.start(), m.end(), "numeric_ambiguous", "other", year=y, month=b, day=a)
    if not _valid(y, month, day):
        return None
    return _Point(m.start(), m.end(), "numeric_date", "day", year=y, month=month, day=day)


def _mdy(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    return _absolute(m, lex, "mdy", "month_day")


def _dmy(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    return _absolute(m, lex, "dmy", "day_month", text)


def _day_of_relative_month(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    """ "el 14 de este mes", "el 3 del mes pasado": a day of a month counted from publication."""
    offset = lex.day_of_relative_month[key(m.group("drm_rel"))]
    return _Point(m.start(), m.end(), "day_of_relative_month", "day", day=_day(m.group("drm_d")), month_offset=offset)


def _day_noun(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    """ "el día 3", "el pasado día 3": a day of the publication month (of the month before or after, moved)."""
    if _next_word(text, m.end()) in lex.count_nouns:
        return None
    shift = lex.day_shift.get(key(m.group("dia_mod") or ""), 0)
    rule = {-1: "day_of_month_past", 0: "day_of_month", 1: "day_of_month_next"}[shift]
    return _Point(m.start(), m.end(), rule, "day", day=_day(m.group("dia_d")), shift=shift)


def _weekday_day(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    """ "el lunes 13": the Monday the 13th nearest publication; the weekday alone if the calendar has none."""
    weekday = lex.weekday_of[key(m.group("wdd"))]
    shift = lex.weekday_shift.get(key(m.group("wdd_pre")), 0)
    if _next_word(text, m.end()) in lex.count_nouns:  # "el lunes 13 personas": the number counts, the day is Monday
        return _weekday_point(m.start(), m.end("wdd"), weekday, shift)
    return _Point(m.start(), m.end(), "weekday_day", "day", weekday=weekday, day=_day(m.group("wdd_d")), shift=shift)


def _my(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    month, year = lex.month_of[key(m.group("my_m"))], int(m.group("my_y"))
    if _next_word(text, m.end()) in lex.count_nouns:  # "May 2000 troops"
        return None
    return _Point(m.start(), m.end(), "month_year", "month", year=year, month=month)


def _ago(m: re.Match[str], text: str, lex: DateLexicon, n_group: str, u_group: str, ahead: bool = False) -> _Point:
    n_text = key(m.group(n_group))
    count = int(n_text) if n_text.isdigit() else lex.number_of.get(n_text)
    unit = lex.unit_of[key(m.group(u_group))]
    rule = f"{'ahead' if ahead else 'ago'}_{unit}"
    return _Point(m.start(), m.end(), rule, "other", unit=unit, count=count, vague=count is None)


def _ago_en(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    return _ago(m, text, lex, "ago_n", "ago_u")


def _hace(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    return _ago(m, text, lex, "hace_n", "hace_u", ahead=key(m.group("hace_w")) != "hace")


def _offset(m: re.Match[str], text: str, lex: DateLexicon, prefix: str) -> _Point | None:
    n_text = key(m.group(f"{prefix}_n"))
    count = int(n_text) if n_text.isdigit() else lex.number_of.get(n_text)
    if count is None:
        return None  # "a few days later": no count to move by
    word = key(m.group(f"{prefix}_w"))
    unit = lex.unit_of[key(m.group(f"{prefix}_u"))]
    kind = "connector" if word in lex.offset_connectors else "adverb"
    return _Point(m.start(), m.end(), f"offset_{kind}_{unit}", "other", unit=unit, count=lex.offset_sign[word] * count)


def _offset_phrase(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    unit, count, kind = lex.offset_phrases[key(m.group())]
    return _Point(m.start(), m.end(), f"offset_{kind}_{unit}", "other", unit=unit, count=count)


def _offset_en(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    return _offset(m, text, lex, "off")


def _offset_es(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    return _offset(m, text, lex, "offes")


def _relative(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    phrase = key(m.group())
    first = phrase.split()[0]
    if first in ("last", "next", "past") and THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # "the last year" is a duration, not last year
    words = m.group().split()
    if words[0][0].isupper() and (
        MID_SENTENCE.search(text, max(0, m.start() - 3), m.start())
        or (len(words) > 1 and all(w[0].isupper() for w in words) and not m.group().isupper())
        or (text[m.end() : m.end() + 1] in CLOSING_QUOTES and not text[m.end() + 1 : m.end() + 2].isalpha())
    ):
        return None  # capitalised like a name: "USA Today", ABC's "This Week", the ''Today'' show
    not_after = lex.relative_not_after.get(phrase)
    if not_after is not None and not_after.search(text, max(0, m.start() - 12), m.start()):
        return None  # "por la mañana": a morning, not tomorrow
    unit, offset = lex.relative[phrase]
    return _Point(m.start(), m.end(), f"relative_{unit}", "other", unit=unit, count=offset)


def _weekday_es(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    shift = lex.weekday_shift.get(key(m.group("wdes_pre")), 0)
    if m.group("wdes_post"):
        shift = lex.weekday_shift.get(key(m.group("wdes_post")), shift)
    return _weekday_point(m.start(), m.end(), lex.weekday_of[key(m.group("wdes"))], shift)


def _weekday(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    start = m.start("wd")
    if lex.weekday_not_after.search(text, max(0, start - 12), start) or lex.weekday_not_before.match(text, m.end()):
        return None  # "Good Friday Agreement", "Sunday Times"
    mod = m.group("wd_mod")
    shift = lex.weekday_shift.get(key(mod), 0) if mod else 0
    return _weekday_point(m.start(), m.end(), lex.weekday_of[key(m.group("wd"))], shift)


def _weekday_point(start: int, end: int, weekday: int, shift: int) -> _Point:
    rule = {-1: "weekday_last", 0: "weekday_relative", 1: "weekday_next"}[shift]
    return _Point(start, end, rule, "day", weekday=weekday, shift=shift)


def _month(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    name = key(m.group("mo"))
    mod = m.group("mo_mod")
    if m.group("mo_rel"):
        offset = lex.month_shift.get(key(m.group("mo_rel")), 0)
        month = lex.month_of[name]
        return _Point(m.start(), m.end(), "month_of_relative_year", "month", month=month, year_offset=offset)
    if mod:
        shift = lex.month_shift.get(key(mod), 0)
        rule = {-1: "month_last", 0: "month_this", 1: "month_next"}[shift]
        return _Point(m.start(), m.end(), rule, "month", month=lex.month_of[name], shift=shift, this=shift == 0)
    strong = name not in lex.ambiguous_months or _has_cue(text, m.start(), lex)
    return _Point(m.start(), m.end(), "month_no_year", "month", strong=strong, month=lex.month_of[name])


def _month_es(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    """ "el pasado mes de septiembre", "diciembre pasado", "octubre del año pasado"."""
    name = key(m.group("moes_m1") or m.group("moes_m2") or m.group("moes_m3"))
    month = lex.month_of[name]
    if m.group("moes_year"):
        offset = lex.month_of_year[key(m.group("moes_year"))]
        return _Point(m.start(), m.end(), "month_of_relative_year", "month", month=month, year_offset=offset)
    shift = lex.month_shift_es[key(m.group("moes_pre") or m.group("moes_post"))]
    rule = {-1: "month_last", 0: "month_this", 1: "month_next"}[shift]
    return _Point(m.start(), m.end(), rule, "month", month=month, shift=shift, this=shift == 0)


def _decade(m: re.Match[str], text: str, lex: DateLexicon) -> _Point:
    return _Point(m.start(), m.end(), "decade", "year", year=int(m.group("dec")), unit="decade")


def _year(m: re.Match[str], text: str, lex: DateLexicon) -> _Point | None:
    start, end = m.start(), m.end()
    following = _next_word(text, end)
    if following in lex.count_nouns:
        return None  # "2000 troops", "in 2000 cases"
    if start and text[start - 1] == "-" and not MID_BEFORE.search(text, max(0, start - 4), start):
        strong = False  # "2019-2021": the second year is a date only as the end of a range
    else:
        strong = (
            _has_cue(text, start, lex)
            or (text[start - 1 : start] == "(" and text[end : end + 1] == ")")
            or following in lex.year_nouns
            or text[end : end + 2] in ("'s", "’s")
        )
    return _Point(start, end, "year", "year", strong=strong, year=int(m.group("year")))


_HANDLERS: dict[str, Callable[[re.Match[str], str, DateLexicon], _Point | None]] = {
    "A_iso": _iso,
    "A_num": _numeric,
    "A_mdy": _mdy,
    "A_dmy": _dmy,
    "A_drm": _day_of_relative_month,
    "A_dia": _day_noun,
    "A_wdd": _weekday_day,
    "A_my": _my,
    "A_offp": _offset_phrase,
    "A_off": _offset_en,
    "A_offes": _offset_es,
    "A_ago": _ago_en,
    "A_hace": _hace,
    "A_moes": _month_es,
    "A_rel": _relative,
    "A_wdes": _weekday_es,
    "A_wd": _weekday,
    "A_mo": _month,
    "A_dec": _decade,
    "A_year": _year,
}


def _candidates(text: str, lex: DateLexicon, day_first: bool = False) -> list[_Point]:
    """Every candidate; with `day_first` (a Spanish page), "03/02/2025" is 3 February (rule ``numeric_day_first``)."""
    points = []
    for m in lex.pattern.finditer(text):
        point = _HANDLERS[m.lastgroup or ""](m, text, lex)
        if point is not None:
            if day_first and point.rule == "numeric_ambiguous" and point.day is not None:
                point.rule, point.family = "numeric_day_first", "day"
            points.append(point)
    return points


# --- resolution ------------------------------------------------------------------------------------


def _anchor(published: str | None, precision: str | None) -> Anchor | None:
    """The publication date as a date and the precision it can be trusted to."""
    if not published:
        return None
    found = PUBLISHED.match(published)
    if found:
        y, m, d = found.groups()
        own = "day" if d else "month" if m else "year"
    else:
        parsed = parse_date_string(published)
        if parsed is None:
            return None
        own = parsed[1]
        y, m, d = ([*parsed[0].split("-"), None, None])[:3]
    if precision in _RANK and _RANK[precision] < _RANK[own]:
        own = precision
    try:
        return date(int(y), int(m or 1), int(d or 1)), own
    except ValueError:
        return None


def _place_year(
    month: int, day: int | None, anchor: Anchor | None, forward: bool = False, strict: bool = False
) -> int | None:
    """The year that puts month(/day) last on or before the anchor (first on or after when `forward`).

    None when the anchor's precision cannot tell (a year-only anchor, or a day moved by
    "pasado"/"próximo" in the anchor's own month when only the month is known).
    """
    if anchor is None:
        return None
    a, prec = anchor
    if prec == "year":
        return None
    if month == a.month and (day is None or (prec == "day" and day == a.day)):
        if not strict:
            return a.year
        return a.year + 1 if forward else a.year - 1
    if month == a.month and prec == "month":
        # "Feb. 3" in an article of "2025-02": before publication or just after it, it is of 2025; a moved
        # one ("el pasado 3 de febrero") may be of the year before, if the article is of February 1 or 2.
        return None if strict else a.year
    before = (month, day or 0) < (a.month, a.day if prec == "day" else 0) if month == a.month else month < a.month
    if forward:
        return a.year if not before else a.year + 1
    return a.year if before else a.year - 1


def _upcoming_year(month: int, day: int | None, anchor: Anchor | None) -> int | None:
    """The year of a day a few weeks after publication ("the debate on April 14" in an article of April 5).

    The most-recent rule would put it nearly a year back; a date written without a
    year that close ahead is almost always the coming one.
    """
    if day is None or anchor is None or anchor[1] != "day":
        return None
    a = anchor[0]
    for y in (a.year, a.year + 1):
        if _valid(y, month, day) and 0 < (date(y, month, day) - a).days <= UPCOMING_DAYS:
            return y
    return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


_Val = tuple[date, str]


def _resolve(
    p: _Point, anchor: Anchor | None, forward: bool = False, upcoming: bool = True
) -> tuple[_Val | None, _Val | None]:
    """A point's value, and its own end when it is a span of days or years (a week, a decade).

    `forward`: place a year-less date first on or after the anchor (the end of a range).
    `upcoming`: allow a year-less day just after publication (not after "since").
    """
    if p.rule == "numeric_ambiguous" or p.rule.startswith("offset_") or p.vague:
        return None, None  # an offset counts from another event, not from publication
    if p.unit == "decade" and p.rule == "decade" and p.year is not None:
        return (date(p.year, 1, 1), "year"), (date(p.year + 9, 1, 1), "year")
    if p.year is not None:
        if p.day is not None and p.month is not None:
            return (date(p.year, p.month, p.day), "day"), None
        if p.month is not None:
            return (date(p.year, p.month, 1), "month"), None
        return (date(p.year, 1, 1), "year"), None
    if p.month is not None:
        if p.year_offset is not None:
            y = anchor[0].year + p.year_offset if anchor else None
        elif p.this:
            y = anchor[0].year if anchor else None
        else:
            y = _upcoming_year(p.month, p.day, anchor) if upcoming and not forward and p.shift == 0 else None
            if y is not None:
                p.rule += "_upcoming"  # so the record says why it is after publication
            else:
                y = _place_year(p.month, p.day, anchor, forward=forward or p.shift > 0, strict=p.shift != 0)
        if y is None or (p.day is not None and not _valid(y, p.month, p.day)):
            return None, None
        return (date(y, p.month, p.day or 1), "day" if p.day else "month"), None
    if anchor is None:
        return None, None
    a, prec = anchor
    if p.day is not None and p.month is None:
        return _day_without_month(p, a, prec), None
    if p.weekday is not None:
        if prec != "day":
            return None, None
        if p.shift > 0:
            return (a + timedelta(days=(p.weekday - a.weekday()) % 7 or 7), "day"), None
        if forward:  # the end of a range, counted from its start: "from Tuesday to Friday"
            return (a + timedelta(days=(p.weekday - a.weekday()) % 7), "day"), None
        back = (a.weekday() - p.weekday) % 7
        if p.shift < 0 and back == 0:
            back = 7
        return (a - timedelta(days=back), "day"), None
    return _relative_value(p, a, prec)


# How far from publication "el lunes 13" may lie: the nearest Monday the 13th, in about a month either way.
WEEKDAY_DAY_REACH = 45


def _day_without_month(p: _Point, a: date, prec: str) -> _Val | None:
    """A day of the month written without its month: "el 14 de este mes", "el día 3", "el lunes 13"."""
    day = p.day or 0
    if p.month_offset is not None:  # "el 14 de este mes"
        if prec == "year":
            return None
        y, m = _add_months(a.year, a.month, p.month_offset)
        return (date(y, m, day), "day") if _valid(y, m, day) else None
    if prec != "day":  # of a month-precise publication only "el día 3" (in that month) is known
        ok = prec == "month" and p.weekday is None and p.shift == 0 and _valid(a.year, a.month, day)
        return (date(a.year, a.month, day), "day") if ok else None
    if p.weekday is not None:  # "el lunes 13": that weekday and that day, nearest publication
        found = [date(y, m, day) for y, m in (_add_months(a.year, a.month, n) for n in (-2, -1, 0, 1))
                 if _valid(y, m, day) and date(y, m, day).weekday() == p.weekday]
        found = [d for d in found if abs((d - a).days) <= WEEKDAY_DAY_REACH]
        if found:
            return min(found, key=lambda d: (abs((d - a).days), d > a)), "day"
        back = (a.weekday() - p.weekday) % 7  # the calendar has no such day: the weekday alone
        return a - timedelta(days=back), "day"
    # "el día 3": of the publication month, as a year-less date just ahead is the coming one;
    # "el pasado día 3" is the most recent before publication, "el próximo día 3" the first after.
    y, m = a.year, a.month
    if p.shift < 0 and day >= a.day:
        y, m = _add_months(y, m, -1)
    elif p.shift > 0 and day <= a.day:
        y, m = _add_months(y, m, 1)
    return (date(y, m, day), "day") if _valid(y, m, day) else None


def _relative_value(p: _Point, a: date, prec: str) -> tuple[_Val | None, _Val | None]:
    unit, n = p.unit, p.count or 0
    need = "year" if unit in ("year", "decade") else "month" if unit == "month" else "day"
    if _RANK[prec] < _RANK[need]:
        return None, None
    if p.rule.startswith(("ago_", "ahead_")):
        sign = -1 if p.rule.startswith("ago_") else 1
        if unit in ("year", "decade"):
            return (date(a.year + sign * n * (10 if unit == "decade" else 1), 1, 1), "year"), None
        if unit == "month":
            y, m = _add_months(a.year, a.month, sign * n)
            return (date(y, m, 1), "month"), None
        days = n // 24 if unit == "hour" else n * (7 if unit == "week" else 1)
        return (a + timedelta(days=sign * days), "day"), None
    if unit == "day":
        return (a + timedelta(days=n), "day"), None
    if unit == "week":
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=n)
        return (monday, "day"), (monday + timedelta(days=6), "day")
    if unit == "weekend":
        saturday = a - timedelta(days=(a.weekday() - 5) % 7) + timedelta(weeks=n)
        return (saturday, "day"), (saturday + timedelta(days=1), "day")
    if unit == "month":
        y, m = _add_months(a.year, a.month, n)
        return (date(y, m, 1), "month"), None
    return (date(a.year + n, 1, 1), "year"), None


def _fmt(val: _Val | None) -> str | None:
    if val is None:
        return None
    d, prec = val
    return d.isoformat() if prec == "day" else f"{d.year:04d}-{d.month:02d}" if prec == "month" else f"{d.year:04d}"


def _mention(text: str, start: int, end: int, rule: str, val: _Val | None, end_val: _Val | None,
             is_range: bool) -> DateMention:
    return DateMention(start, end, text[start:end], _fmt(val), val[1] if val else None, _fmt(end_val),
                       is_range, rule)


# --- ranges and lists ------------------------------------------------------------------------------


def _joinable(a: _Point, b: _Point) -> bool:
    return a.family != "other" and b.family != "other" and (a.family == "year") == (b.family == "year")


def _closed_range(text: str, p1: _Point, p2: _Point, start: int, kind: str, anchor: Anchor | None) -> DateMention:
    if p2.year is None and (p1.year is not None or p1.month is None):
        # The start fixes the end: "from November 2024 to February", "between Monday and March 14".
        v1, _ = _resolve(p1, anchor)
        v2, own2 = _resolve(p2, v1, forward=True) if v1 else (None, None)
    else:
        v2, own2 = _resolve(p2, anchor)
        v1, _ = _resolve(p1, v2 if p1.year is None and v2 else anchor, upcoming=False)
    return _mention(text, start, p2.end, f"range_{kind}/{p1.rule}", v1, own2 or v2, True)


def _dash_years(text: str, p1: _Point, p2: _Point) -> bool:
    return (
        p1.rule == "year" and p2.rule == "year" and text[p1.end : p2.start] in ("-", "–", "—")
        and p1.year is not None and p2.year is not None and p1.year < p2.year <= p1.year + 30
    )


def find_dates(
    text: str, published: str | None, published_precision: str | None = "day", day_first: bool = False
) -> list[DateMention]:
    """Every temporal expression in `text`, resolved against the publication date when it can be.

    `day_first`: the text writes numeric dates day first (Spanish), so "03/02/2025" is 3 February.
    """
    lex = lexicon()
    anchor = _anchor(published, published_precision)
    points = _candidates(text, lex, day_first)
    out: list[DateMention] = []
    last_kept: _Point | None = None
    i = 0
    while i < len(points):
        p = points[i]
        nxt = points[i + 1] if i + 1 < len(points) else None
        opener = lex.opener_before.search(text, max(0, p.start - 30), p.start)
        if nxt is not None and _joinable(p, nxt):
            gap = text[p.end : nxt.start]
            kind = opener.lastgroup if opener else None
            closed = (kind == "between" and lex.between_gap.fullmatch(gap)) or (
                kind in ("from", "since") and lex.from_gap.fullmatch(gap)
            )
            if opener and kind and closed:
                out.append(_closed_range(text, p, nxt, opener.start(), "from" if kind == "since" else kind, anchor))
                last_kept, i = nxt, i + 2
                continue
            if _dash_years(text, p, nxt):
                out.append(_closed_range(text, p, nxt, p.start, "dash", anchor))
                last_kept, i = nxt, i + 2
                continue
        if not p.strong and not (
            last_kept is not None and _joinable(last_kept, p) and lex.list_gap.fullmatch(text[last_kept.end : p.start])
        ):
            i += 1
            continue
        since = opener is not None and opener.lastgroup == "since" and not p.rule.startswith("ago_")
        val, own_end = _resolve(p, anchor, upcoming=not since)
        if opener is not None and since:
            out.append(_mention(text, opener.start(), p.end, f"range_since/{p.rule}", val, None, True))
        else:
            out.append(_mention(text, p.start, p.end, p.rule, val, own_end, own_end is not None))
            if p.rule.startswith("offset_") and p.unit and p.count:
                out[-1].offset = (p.unit, p.count)
        last_kept = p
        i += 1
    return out


# --- standalone strings ----------------------------------------------------------------------------


def parse_date_string(s: str, day_first: bool = False) -> tuple[str, str] | None:
    """One standalone date string (a byline, a meta tag, a feed field) -> (ISO value, precision), or None.

    Reads ISO dates and timestamps, "February 16, 2025", "Feb 16 2025", "16 February 2025",
    RFC 2822 ("Sun, 16 Feb 2025 10:00:00 GMT"), "2025/02/16", and 16/02/2025 or 02/16/2025
    when the day is over 12; "03/02/2025" (day-first or month-first?) gives None unless
    `day_first` (a Spanish byline) says it is 3 February. Of several
    dates in the string, the first of the finest precision wins.
    """
    if not s or not s.strip():
        return None
    for regex in (ISO_STRING, COMPACT_STRING):
        found = regex.match(s)
        if found:
            y, m, d = found.groups()
            if (m and not 1 <= int(m) <= 12) or (d and not _valid(int(y), int(m), int(d))):
                return None
            return (f"{y}-{m}-{d}", "day") if d else (f"{y}-{m}", "month") if m else (y, "year")
    found = YMD_STRING.search(s)
    if found:
        y, m, d = (int(g) for g in found.groups())
        return (date(y, m, d).isoformat(), "day") if _valid(y, m, d) else None
    best: _Val | None = None
    for p in _candidates(s, lexicon(), day_first):
        if p.rule == "numeric_ambiguous":
            return None
        if p.year is None or p.unit == "decade":
            continue
        val, _ = _resolve(p, None)
        if val is not None and (best is None or _RANK[val[1]] > _RANK[best[1]]):
            best = val
    value = _fmt(best)
    return (value, best[1]) if value is not None and best is not None else None


# --- the stage -------------------------------------------------------------------------------------


# The signature line of a social-media post embedded in a page: "— Jane Roe (@janeroe) March 3, 2025"
# (the dash may have become a list bullet in the clean text, or be gone).
POST_SIGNATURE = re.compile(r"^[ \t]*[—–•·-]?[ \t]*[^\n]{0,80}?\(@\w{1,30}\)[ \t]*(?P<date>[^\n]{6,40}?)[ \t]*$",
                            re.MULTILINE)


def newest_post_day(text: str) -> str | None:
    """The newest day on which a post the page embeds was written, from the posts' signature lines.

    A page is no older than the posts it shows; a page that states no publication date is most
    likely of the day of the newest one.
    """
    days = [parsed[0] for m in POST_SIGNATURE.finditer(text)
            if (parsed := parse_date_string(m.group("date"))) is not None and parsed[1] == "day"]
    return max(days, default=None)


def warm() -> None:
    """Compile the dates lexicon (shipped and user files) now, not on the first document (called when the
    pipeline is built): about half a second, and a bad user file is refused before any page is read."""
    lexicon()


def resolve(doc: Document) -> Document:
    """Pipeline stage: add a date mention for every temporal expression in `doc.text`.

    A page that states no publication date but embeds dated posts has its relative expressions
    ("on Wednesday", "yesterday") resolved against the newest post's day; their rules end in
    ``/post-day`` so the record says what they were counted from. The document's own publication
    date stays unknown.
    """
    day_first = doc.language == "es"
    found = find_dates(doc.text, doc.published, doc.published_precision, day_first=day_first)
    post_day = None if doc.published else newest_post_day(doc.text)
    if post_day is not None:
        alone = {(dm.start, dm.end): dm.value for dm in found}
        found = find_dates(doc.text, post_day, "day", day_first=day_first)
        for dm in found:
            if dm.value is not None and alone.get((dm.start, dm.end)) is None:
                dm.rule += "/post-day"
    for dm in found:
        value: dict[str, Any] = {
            "value": dm.value,
            "precision": dm.precision,
            "end_value": dm.end_value,
            "is_range": dm.is_range,
            "text": dm.text,
        }
        if dm.offset is not None:
            value["offset"] = {"unit": dm.offset[0], "count": dm.offset[1]}
        doc.mentions.append(Mention(kind="date", span=Span(dm.start, dm.end, dm.text), value=value, rule=dm.rule))
    return doc


# --- narrative time --------------------------------------------------------------------------------

# A word before "two weeks after" puts it inside its sentence ("the remarks came two weeks after ..."),
# not at its opening ("Two weeks after the vote, ...").
WORD = re.compile(r"[^\W\d_]{2,}")
# Only events told as having happened take their time from the narrative around them.
NARRATED_STATUSES = frozenset({"asserted"})
# How far before publication a day the article names may lie and still be the day it reports on.
NEWS_DAY_DAYS = 3


def _after_publication(value: str, published: str | None) -> bool:
    if not published:
        return False
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _news_day(dated: list[Mention], published: str | None, precision: str | None) -> Mention | None:
    """The first expression naming a day at most `NEWS_DAY_DAYS` before publication ("este martes",
    "on Monday" in a Tuesday's article): the day the report is about, as the article itself says it."""
    anchor = _anchor(published, precision)
    if anchor is None or anchor[1] != "day":
        return None
    for m in dated:
        if m.value.get("precision") != "day" or m.value.get("is_range"):
            continue
        try:
            day = date.fromisoformat(str(m.value["value"]))
        except ValueError:
            continue
        if 0 <= (anchor[0] - day).days <= NEWS_DAY_DAYS:
            return m
    return None


def narrative_dates(doc: Document, events: list[Event] | None = None) -> None:
    """Date the asserted events whose own sentence names no time, from the time the text around them names.

    A news report keeps its time frame until it names another: an undated event takes the last
    date an earlier sentence of its own paragraph resolved to ("The minister testified to the committee on Monday.
    She said the memo was forged." is Monday), rule ``date:previous-sentence``, unless that date is a bare
    year ("Seizures doubled in 2023 alone. The minister rejects ..."): a year names a period a figure
    or a term covers, not the time the paragraph tells, and the event stays undated; with none, the day
    the report is about, when the article names one just before publication (its first expression
    of a day at most `NEWS_DAY_DAYS` before it: "the president said this Tuesday" in a Tuesday's
    article; on a page that states no date, before the newest post it embeds), rule
    ``date:news-day``. An offset before the event's trigger moves that time ("the remarks came two
    weeks after a paper reported ..."; "three days later, ..."), rule ``...+offset``; one opening
    the sentence with its event as complement ("Two weeks after the vote, ...") leaves the event
    undated. Either way the date comes from the article's own words (`date_text`), never from the
    publication date alone: an article that names no such day leaves its undated events undated.

    Background recaps, planned, hypothetical and negated events, and dates after publication are
    never used this way; nor is it given to an event told as a habit or a stretch of time in the
    trigger's clause ("has repeatedly rejected", "en las últimas semanas": `habit_cues`) or in the
    pluperfect ("had spoken", "había atacado": `anterior_auxiliaries`), which lies before the
    narrative's time. Changes `events` (by default every event of `doc`) in place.
    """
    lex = lexicon()
    todo = [e for e in (doc.events if events is None else events)
            if e.date is None and not e.background and e.status in NARRATED_STATUSES
            and not lex.habit.search(doc.text, *_clause(doc.text, e))
            and not lex.anterior_before.search(doc.text, max(e.evidence.start, e.trigger.start - 30), e.trigger.start)]
    if not todo:
        return
    dated = sorted((m for m in doc.mentions if m.kind == "date" and m.value.get("value")
                    and not _after_publication(str(m.value["value"]), doc.published)), key=lambda m: m.span.start)
    offsets = [m for m in doc.mentions if m.kind == "date" and m.value.get("offset")]
    if doc.published:
        news_day = _news_day(dated, doc.published, doc.published_precision)
    else:  # a page that states no date: the newest post it embeds, as the dates stage counted from it
        post_day = newest_post_day(doc.text)
        news_day = _news_day(dated, post_day, "day") if post_day else None
    for ev in todo:
        start = ev.evidence.start
        paragraph = doc.text.rfind("\n", 0, start) + 1
        earlier = [m for m in dated if paragraph <= m.span.start < start]
        if earlier and earlier[-1].value.get("precision") == "year":
            continue  # a bare year names a period ("in 2023 alone", a figure's), not the time being told
        if earlier:
            m, rule = earlier[-1], "date:previous-sentence"
        elif news_day is not None:
            m, rule = news_day, "date:news-day"
        else:
            continue
        value, precision, text = str(m.value["value"]), m.value.get("precision"), m.span.text
        shift = [o for o in offsets if start <= o.span.start < ev.trigger.start]
        if shift:  # "the remarks came two weeks after a paper reported ...": the report is two weeks before
            o = shift[-1]
            if o.rule.startswith("offset_connector") and not WORD.search(doc.text[start:o.span.start]):
                continue  # "Two weeks after the vote, X struck": counted from a date not known here
            moved = _shifted(value, precision, o.value["offset"])
            if moved is None or _after_publication(moved[0], doc.published):
                continue
            value, precision = moved
            text, rule = f"{text}; {o.span.text}", f"{rule}+offset"
        ev.date, ev.date_precision, ev.date_text = value, precision, text  # type: ignore[assignment]
        ev.rule = ev.rule.replace("date=none", f"date={rule}") if "date=none" in ev.rule else f"{ev.rule} date={rule}"


CLAUSE_BREAK = re.compile(r"[,;:()—–]")
# How long before the sentence's own date a second mention may date the event: a report follows its event.
REMENTION_DAYS = 7


def remention_dates(doc: Document) -> None:
    """Date an event from its second mention in the next sentence, set off as an aside: "The US struck
    a depot, the general said on Sunday. The raid, carried out on Friday, hit ..." dates the
    first strike Friday (rule ``date:re-mention``).

    The second mention opens its sentence with a determiner and the trigger noun, and its date stands
    in the aside between the commas after it (a non-restrictive phrase: the strike already told; "the
    Friday strike" may be another). It must be of the same type as the first, and earlier than the
    first's own date by at most `REMENTION_DAYS` (the time of the report) or the first must have none.
    """
    lex = lexicon()
    starts = [s.start for s in doc.sentences]
    for second in doc.events:
        if second.date is None or second.date_precision != "day" or not second.date_text:
            continue
        sent = second.evidence
        if doc.text[sent.start:second.trigger.start].strip().lower() not in lex.anaphoric:
            continue
        after = doc.text[second.trigger.end:sent.end]
        aside = after.split(",")[1] if after.startswith(",") and after.count(",") >= 2 else ""
        if second.date_text not in aside:
            continue
        k = next((i for i, s in enumerate(starts) if s == sent.start), None)
        if not k:
            continue
        before = doc.sentences[k - 1]
        for first in doc.events:
            if first.evidence.start != before.start or first.type != second.type:
                continue
            if first.date is not None:
                try:
                    gap = (date.fromisoformat(first.date) - date.fromisoformat(second.date)).days
                except ValueError:
                    continue
                if first.date_precision != "day" or not 0 < gap <= REMENTION_DAYS:
                    continue
            first.date, first.date_precision, first.date_text = second.date, "day", second.date_text
            first.rule = f"{first.rule} date=date:re-mention"


def _clause(text: str, ev: Event) -> tuple[int, int]:
    """The stretch of the event's sentence around its trigger between two commas (or the like)."""
    start, end = ev.evidence.start, ev.evidence.end
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, start, ev.trigger.start)]
    after = CLAUSE_BREAK.search(text, ev.trigger.end, end)
    return (before[-1] if before else start), (after.start() if after else end)


def _shifted(value: str, precision: str | None, offset: dict[str, Any]) -> tuple[str, str] | None:
    """A date moved by an offset ({"unit": "week", "count": -2}), at the precision both allow; None if
    the offset is finer than the date ("two days after" a month)."""
    unit, count = str(offset.get("unit")), int(offset.get("count") or 0)
    need = "year" if unit in ("year", "decade") else "month" if unit == "month" else "day"
    if precision not in _RANK or _RANK[precision] < _RANK[need]:
        return None
    parts = [int(x) for x in value.split("-")] + [1, 1]
    y, mo, d = parts[0], parts[1], parts[2]
    if need == "day":
        days = count // 24 if unit == "hour" else count * (7 if unit == "week" else 1)
        return (date(y, mo, d) + timedelta(days=days)).isoformat(), "day"
    if need == "month":
        y, mo = _add_months(y, mo, count)
        return f"{y:04d}-{mo:02d}", "month"  # "two months after" a day: about that month
    return f"{y + count * (10 if unit == 'decade' else 1):04d}", "year"
