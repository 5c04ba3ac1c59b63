"""An event's circumstances: its own date, its place, its magnitude, who the article credits, and
whether it is background.

Takes a `tree.Sentence`, the trigger `Hit` and the document's date and place mentions, and gives:

- `event_date`: the temporal expression inside the trigger's own clause (its subtree), else the
  nearest in its sentence; for a sentence inside a direct quotation, the date of the sentence
  that attributes it. Never the publication date: no expression, no date (the events stage then
  dates what is left from the text around it, `dates.narrative_dates`).
- `event_place`: a place mention in the trigger's subtree after a place preposition ("in
  Mexico", "off the coast of Venezuela"), else one in its sentence's main clause.
- `magnitude`: killed / injured from casualty words in the trigger's reach ("killing at least
  14 people", "three soldiers were killed", "leaving 34 dead"), and the count of a nominal
  trigger ("three strikes") or of the targets of a verb that acts on them ("designated five
  cartels").
- `reported_by`: "according to X", the speaker of the speech verb whose clause holds the event,
  an outlet with a reporting verb, or the speaker of the quotation the sentence is in.
- `background`: the event's date, or a year on a past episode ("the 1914 occupation", "the war
  of 1898"), lies far before the article (`background` in triggers.yaml).
- `commonest_party`: the actor or recipient the document's other events most often have, for the roles
  a sentence leaves open (both coders' document rules).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Actor, Event, Mention, Quote
from .eventlex import EventLexicon
from .eventmatch import Hit
from .tree import Sentence

NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?$")
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(?:[-–]\d{2,4})?$")


@dataclass
class DateRef:
    value: str
    precision: str | None
    text: str
    rule: str


# Words before a date that make it the end of a span the act lasts to ("banned the party until 2047"), not the
# time the act was done.
SPAN_ENDS = frozenset({"until", "till"})


def _span_end(sent: Sentence, d: Mention) -> bool:
    k = next((k for k in sent if sent.tok(k).start >= d.span.start), None)
    return k is not None and k > sent.first and sent.low(k - 1) in SPAN_ENDS


def event_date(sent: Sentence, reach: set[int], anchor: int, dates: list[Mention],
               attribution: list[Mention]) -> DateRef | None:
    own = [d for d in dates if sent.span.start <= d.span.start < sent.span.end and d.value.get("value")
           and not _span_end(sent, d)]
    if own:
        inside = [d for d in own if any(sent.tok(k).start >= d.span.start and sent.tok(k).end <= d.span.end
                                        for k in reach)]
        pos = sent.tok(anchor).start
        if not inside:  # a date in a relative clause of another verb is that clause's ("X, which struck in 2019,")
            own = [d for d in own if not _in_other_relative(sent, d, anchor)]
            if not own:
                return _attributed(attribution)
        pool, rule = (inside, "date:clause") if inside else (own, "date:sentence")
        d = min(pool, key=lambda d: abs(d.span.start - pos))
        return DateRef(d.value["value"], d.value.get("precision"), d.span.text, rule)
    return _attributed(attribution)


def _attributed(attribution: list[Mention]) -> DateRef | None:
    usable = [d for d in attribution if d.value.get("value")]
    if usable:
        d = usable[0]
        return DateRef(d.value["value"], d.value.get("precision"), d.span.text, "date:quote-attribution")
    return None


def _in_other_relative(sent: Sentence, d: Mention, anchor: int) -> bool:
    """The trigger heads the main clause, and the date's words hang under a relative clause that does not
    hold it ("The bloc, which met in May, imposed sanctions"). A trigger in a subordinate clause may be
    one the parser hung apart from the relative clause it belongs with, so it keeps the sentence's date."""
    k = next((k for k in sent if sent.tok(k).start >= d.span.start), None)
    verb = next((j for j in (anchor, *sent.ancestors(anchor)) if sent.tok(j).pos in ("VERB", "AUX")), anchor)
    if k is None or any(sent.tok(j).dep not in ("ROOT", "conj") for j in (verb, *sent.ancestors(verb))):
        return False
    for j in (k, *sent.ancestors(k)):
        if sent.tok(j).dep == "relcl":
            return anchor not in set(sent.subtree(j))
    return False


def event_place(sent: Sentence, reach: set[int], places: list[Mention], lex: EventLexicon) -> dict[str, Any] | None:
    found = []
    for p in places:
        if not (sent.span.start <= p.span.start < sent.span.end):
            continue
        k = next((k for k in sent if sent.tok(k).start <= p.span.start < sent.tok(k).end), None)
        if k is None:
            continue
        # climb from the place's words to the preposition it hangs from, and past an "of" that makes it
        # part of a larger place ("in a residential district of eastern Beirut", "on the outskirts of Kabul")
        j = k
        prep = None
        for _ in range(8):
            h = sent.head(j)
            if h is None:
                break
            if sent.tok(h).dep == "prep" or sent.tok(h).pos == "ADP":
                prep = h
                if sent.low(h) != "of" or sent.tok(sent.head(h) or h).pos not in ("NOUN", "PROPN"):
                    break
            j = h
        if prep is None or sent.low(prep) not in lex.place_prepositions:
            continue
        found.append((0 if prep in reach else 1, abs(k - min(reach)), p))
    if not found:
        return None
    p = min(found, key=lambda x: (x[0], x[1]))[2]
    v = p.value
    return {"name": v.get("name") or p.span.text, "country": v.get("country"), "lat": v.get("lat"),
            "lon": v.get("lon"), "precision": v.get("precision")}


def number(sent: Sentence, k: int, nums: dict[str, int]) -> int | None:
    low = sent.low(k)
    if NUMBER.match(low):
        if YEAR.match(low):
            return None
        try:
            return int(float(low.replace(",", "")))
        except ValueError:
            return None
    return nums.get(low)


def _count_of(sent: Sentence, noun: int, nums: dict[str, int]) -> int | None:
    for k in sent.children(noun, "nummod"):
        n = number(sent, k, nums)
        if n is not None:
            return n
    if sent.tok(noun).pos == "NUM":
        return number(sent, noun, nums)
    return None


def magnitude(sent: Sentence, hit: Hit, reach: set[int], lex: EventLexicon, targets: bool) -> dict[str, int | None]:
    mag = lex.magnitude
    nums = {str(k): int(v) for k, v in (mag.get("numbers") or {}).items()}
    killed = {str(w) for w in mag.get("killed") or ()}
    injured = {str(w) for w in mag.get("injured") or ()}
    out: dict[str, int | None] = {"killed": None, "injured": None, "count": None}
    for k in sorted(reach):
        t = sent.tok(k)
        kind = "killed" if (t.lemma in killed or sent.low(k) in killed) else \
            "injured" if (t.lemma in injured or sent.low(k) in injured) else None
        if kind is None or out[kind] is not None:
            continue
        n = None
        if t.pos == "VERB":
            for a in sent.children(k, "dobj", "nsubjpass", "obj"):
                n = _count_of(sent, a, nums)
                if n is not None:
                    break
            if n is None and t.lemma == "die":
                for a in sent.children(k, "nsubj"):
                    n = _count_of(sent, a, nums)
        elif t.pos in ("NOUN", "ADJ"):
            n = _count_of(sent, k, nums)
            h = sent.head(k)
            if n is None and h is not None and t.dep in ("amod", "oprd", "acomp", "ccomp", "xcomp"):
                for a in [*sent.children(h, "dobj", "nsubj"), h]:
                    n = _count_of(sent, a, nums)
                    if n is not None:
                        break
            if n is None:  # "resulting in 83 deaths", "a death toll of 67"
                for p in sent.children(k, "prep"):
                    pobj = sent.child(p, "pobj")
                    if pobj is not None:
                        n = _count_of(sent, pobj, nums)
        if n is not None:
            out[kind] = n
    if hit.noun:
        out["count"] = _count_of(sent, hit.head, nums)
    elif targets and hit.trigger.lemma not in set(mag.get("casualty_verbs") or ()):
        units = {str(w) for w in mag.get("not_targets") or ()}
        for a in sent.children(hit.head, "dobj", "obj"):
            if sent.tok(a).lemma in units or sent.low(a) in units:
                continue
            out["count"] = _count_of(sent, a, nums)
    return out


def reported_by(sent: Sentence, reach: set[int], speech: int | None, actor_names: set[str], quote: Quote | None,
                lex: EventLexicon) -> tuple[str, str] | None:
    """(name, rule) of the source the sentence credits for the event, if it credits one."""
    for k in sent:
        if sent.low(k) == "according" and k + 1 < sent.end and sent.low(k + 1) == "to":
            pobj = next((j for j in sent.children(k + 1, "pobj")), None)
            if pobj is None:
                pobj = next((j for j in sent.subtree(k) if sent.tok(j).dep == "pobj"), None)
            if pobj is not None:
                m = sent.mention(pobj)
                name: str | None = str(m.value.get("ref") or m.value.get("name")) if m else \
                    sent.text_of(sent.subtree(pobj, skip=("relcl", "acl", "punct", "appos", "prep")))
                if name and name not in actor_names:
                    return name, "reported_by:according-to"
    if speech is not None:
        for s in sent.children(speech, "nsubj"):
            m = sent.mention(s)
            name = str(m.value.get("ref") or m.value.get("name")) if m else None
            if name is None and sent.tok(s).pos == "PROPN":
                name = sent.text_of(sent.subtree(s, skip=("relcl", "acl", "punct", "appos")))
            if name and name not in actor_names:
                return name, "reported_by:speaker"
    if quote is not None and quote.speaker is not None and quote.speaker.name not in actor_names:
        return quote.speaker.name, "reported_by:quote-speaker"
    return None


def background(sent: Sentence, hit: Hit, date: DateRef | None, reference: dt.date | None,
               lex: EventLexicon) -> tuple[bool, DateRef | None]:
    """Whether the event recaps an earlier one, and the date the text gives it (a year on an episode)."""
    rules = lex.tree_rules.get("background") or {}
    min_days = int(rules.get("min_days", 540))
    episodes = set(rules.get("episodes") or ())
    if reference is None:
        return False, None
    if date is not None:
        try:
            d = dt.date.fromisoformat((date.value + "-01-01")[:10] if len(date.value) == 4 else
                                      (date.value + "-01")[:10] if len(date.value) == 7 else date.value[:10])
        except ValueError:
            d = None
        if d is not None and (reference - d).days >= min_days:
            return True, None
    near = [hit.head, *sent.children(hit.head)]
    for k in near:
        for j in [k, *sent.children(k)]:
            m = YEAR.match(sent.low(j))
            if not m or sent.tok(j).pos not in ("NUM", "PROPN", "NOUN"):
                continue
            year = int(m.group(1))
            if reference.year - year >= 2 and (sent.tok(hit.head).lemma in episodes or hit.noun):
                return True, DateRef(str(year), "year", sent.tok(j).text, "date:episode-year")
    return False, None


def commonest_party(counted: Iterable[Event], role: str, key: Callable[[Actor], Hashable],
                    among: Sequence[Event]) -> Actor | None:
    """The `role` ("actor" or "recipient") the `counted` events most often have, told apart by `key`, as the
    first of `among` (in document order) with it gives it; None when no counted event has one. Ties go to the
    party counted first."""
    seen = Counter(key(party) for x in counted if (party := getattr(x, role)) is not None)
    if not seen:
        return None
    best, _ = seen.most_common(1)[0]
    return next(party for x in among if (party := getattr(x, role)) is not None and key(party) == best)
