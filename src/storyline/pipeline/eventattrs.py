"""An event's circumstances: its own date, its place, its magnitude, and who the article credits.

Takes a `Sentence`, the trigger `Match` and the document's date and place mentions, and gives:

- `event_date`: the temporal expression of the event's own clause (the nearest to the
  trigger); else the nearest in its sentence; for a sentence inside a direct quotation, the
  date of the sentence that attributes the quotation ("...,” he told reporters on Monday");
  for a gerund after "include(s)", the date of the sentence before, whose act it is part of.
  Never the publication date: no expression, no date.
- `event_place`: a place mention after a place preposition in the clause ("in Mexico").
- `magnitude`: killed / injured counts read around casualty words ("killing at least 80
  people", "three soldiers were killed"), a count before a nominal trigger ("20 strikes"), and,
  for a verb that acts on its targets (`targets=True`: SANCTION, COERCE, ASSAULT), a cardinal
  heading its object ("designated five cartels", "sanctioned 12 officials", "expelled three
  diplomats"), unless a unit or measure follows the number ("fined 500 dollars").
- `reported_by`: the outlet or person the sentence credits ("according to Reuters", "NBC
  reported", the speaker of a quotation about someone else).

It does not reconcile figures across sentences, and reads numbers only as digits or the
number words in triggers.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Mention
from .eventclause import NUMBER, ActorRef, Match, Sentence, find_phrase
from .eventlex import EventLexicon


@dataclass
class DateRef:
    value: str
    precision: str | None
    text: str
    rule: str


def event_date(sent: Sentence, m: Match, dates: list[Mention], quote_dates: list[Mention],
               fallback_rule: str = "date:quote-attribution") -> DateRef | None:
    own = [d for d in dates if sent.span.start <= d.span.start < sent.span.end and d.value.get("value")]
    if own:
        lo, hi = sent.clause_bounds(m.first)
        c0, c1 = sent.tokens[lo].start, sent.tokens[hi].end
        pos = sent.tokens[m.first].start
        in_clause = [d for d in own if c0 <= d.span.start < c1]
        pool, rule = (in_clause, "date:clause") if in_clause else (own, "date:sentence")
        d = min(pool, key=lambda d: abs(d.span.start - pos))
        return DateRef(d.value["value"], d.value.get("precision"), d.span.text, rule)
    usable = [d for d in quote_dates if d.value.get("value")]
    if usable:
        d = usable[0]
        return DateRef(d.value["value"], d.value.get("precision"), d.span.text, fallback_rule)
    return None


def event_place(sent: Sentence, m: Match, places: list[Mention], lex: EventLexicon) -> dict[str, Any] | None:
    lo, hi = sent.clause_bounds(m.first)
    c0, c1 = sent.tokens[lo].start, sent.tokens[hi].end
    starts = {t.start: i for i, t in enumerate(sent.tokens)}
    found = []
    for p in places:
        if not (c0 <= p.span.start < c1):
            continue
        i = starts.get(p.span.start)
        if i is None or i == 0:
            continue
        j = i - 1
        while j > 0 and sent.tokens[j].low in ("the", "northern", "southern", "eastern", "western", "central"):
            j -= 1
        if sent.tokens[j].low in lex.place_prepositions:
            found.append((0 if i > m.last else 1, abs(i - m.first), p))
    if not found:
        return None
    p = min(found, key=lambda x: (x[0], x[1]))[2]
    v = p.value
    return {"name": v.get("name") or p.span.text, "country": v.get("country"), "lat": v.get("lat"),
            "lon": v.get("lon"), "precision": v.get("precision")}


def _number(low: str, nums: dict[str, int]) -> int | None:
    if NUMBER.match(low):
        try:
            return int(float(low.replace(",", "")))
        except ValueError:
            return None
    return nums.get(low)


def magnitude(sent: Sentence, m: Match, lex: EventLexicon, targets: bool = False) -> dict[str, int | None]:
    mag = lex.magnitude
    nums = {str(k): int(v) for k, v in (mag.get("numbers") or {}).items()}
    kinds = {w: "killed" for w in mag.get("killed") or ()} | {w: "injured" for w in mag.get("injured") or ()}
    people = frozenset(str(w).lower() for w in mag.get("people") or ())
    quals = tuple(tuple(str(q).split()) for q in mag.get("qualifiers") or ())
    toks = sent.tokens
    out: dict[str, int | None] = {"killed": None, "injured": None, "count": None}
    for i, t in enumerate(toks):
        kind = kinds.get(t.low)
        if kind is None or out[kind] is not None:
            continue
        n = _number_after(toks, i + 1, nums, quals)  # "killing at least 80 people"
        if n is None:
            n = _number_before(toks, i - 1, nums, people)  # "three soldiers were killed", "20 dead"
        if n is not None:
            out[kind] = n
    head = m.first if m.noun else (m.needs_at[0] if m.needs_at else None)  # "launched at least 20 strikes"
    if head is not None:
        j = head - 1
        while j >= 0 and toks[j].low.isalpha() and toks[j].low.islower() and toks[j].low not in nums \
                and head - j <= 3 and toks[j].low not in ("at", "than", "of", "the", "to"):
            j -= 1
        if j >= 0:
            n = _number(toks[j].low, nums)
            if n is not None and n < 100000 and not _year(toks[j].low):
                out["count"] = n
    if targets and out["count"] is None and not m.noun and not m.passive \
            and m.trigger.lemma not in mag.get("casualty_verbs", ()):
        out["count"] = _object_count(toks, m.last + 1, nums, quals, frozenset(mag.get("not_targets") or ()))
    return out


def _year(low: str) -> bool:
    return low.isdigit() and len(low) == 4 and low.startswith(("19", "20"))


def _object_count(toks: list, i: int, nums: dict[str, int], quals: tuple[tuple[str, ...], ...],
                  units: frozenset[str]) -> int | None:
    """The cardinal heading the noun phrase at token i ("at least 12 officials"), if a noun follows it."""
    for q in quals:
        if all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(q)):
            i += len(q)
            break
    if i + 1 >= len(toks):
        return None
    n = _number(toks[i].low, nums)
    nxt = toks[i + 1].low
    if n is None or _year(toks[i].low) or n >= 100000 or nxt in units or not nxt[:1].isalpha():
        return None
    return n


def _number_after(toks: list, i: int, nums: dict[str, int], quals: tuple[tuple[str, ...], ...]) -> int | None:
    for q in quals:
        if all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(q)):
            i += len(q)
            break
    if i < len(toks):
        return _number(toks[i].low, nums)
    return None


def _number_before(toks: list, i: int, nums: dict[str, int], people: frozenset[str]) -> int | None:
    steps = 0
    while i >= 0 and steps < 6:
        low = toks[i].low
        n = _number(low, nums)
        if n is not None:
            return n
        stop = low in (".", ";", ":", "and", "but") or (
            steps == 0 and low not in ("were", "was", "been", "have", "had", "are"))
        if stop and low not in people:
            return None
        i -= 1
        steps += 1
    return None


def reported_by(sent: Sentence, m: Match, actors: list[ActorRef], lex: EventLexicon) -> tuple[str, str] | None:
    """(name, rule) of the source the sentence credits for the event, if it credits one."""
    toks = sent.tokens
    names = {a.actor.name for a in actors}
    acc = find_phrase(toks, 0, len(toks), lex.status["according_to"])
    if acc is not None:
        n = len(next(p for p in lex.status["according_to"] if all(
            acc + k < len(toks) and toks[acc + k].low == w for k, w in enumerate(p))))
        after = [a for a in sent.actors if acc + n <= a.first <= acc + n + 3]
        if after and after[0].actor.name not in names:
            return after[0].actor.name, "reported_by:according-to"
        words: list[str] = []
        for t in toks[acc + n:acc + n + 5]:
            if t.text[:1].isupper() or (words and t.low in ("of", "the")):
                words.append(t.text)
            elif words or t.low not in ("the", "a", "an"):
                break
        if words:
            return " ".join(words).strip(), "reported_by:according-to"
    reporting = lex.words("reporting")
    for a in sent.actors:
        if a.actor.sector != "MED" or a.actor.name in names or (a.mention and a.mention.value.get("form") == "keyword"):
            continue
        near = range(max(0, a.first - 3), min(len(toks), a.last + 4))
        if any(toks[j].low in reporting for j in near):
            return a.actor.name, "reported_by:outlet"
    q = sent.quote
    if q is not None and q.speaker is not None and q.speaker.name not in names \
            and not any(a.rule == "quote-speaker" for a in actors):
        return q.speaker.name, "reported_by:quote-speaker"
    # "..., a senior official said." / "..., Thai police said." at the end of the sentence
    tail = [j for j in range(m.last + 1, len(toks)) if toks[j].low in reporting]
    if tail and toks[tail[-1] - 1].low != "," and tail[-1] >= len(toks) - 4:
        j = tail[-1]
        src = [a for a in sent.actors if a.last < j and j - a.last <= 2 and a.actor.name not in names]
        if src:
            return src[-1].actor.name, "reported_by:attribution"
    return None
