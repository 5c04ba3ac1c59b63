"""Whether an event happened: asserted, planned, hypothetical or negated, and the manual's future rules.

Takes a `Sentence`, a `Match` and the roles found for it, and gives the status with the words
that decided it (`Status.cue`). Read from the stretch between the clause's subject and the
trigger (auxiliaries, modals, negation), the clause's opening word ("if", "unless",
"whether"), a question mark, and for a nominal event the words just before it ("possible
strikes", "the prospect of") and a modal right after it ("strikes could amount to little").

`self_stated` says whether the event's actor is the one stating it: the speaker of the direct
quotation it sits in ("Would I launch strikes in Mexico?"), or the subject of a statement verb
before it ("Trump says he may expand strikes"). PLOVER codes an action its own actor announces
or floats as the single category the manual names (`future_as` in plover.yaml: an announced
cooperative act is an AGREE, an announced act of force, coercion or sanction a THREATEN, an act
announced "unless ..." a THREATEN whatever its type); `apply_future` does that. Speculation by a
third party ("analysts said Israel could strike") stays hypothetical.

A directed act ("signed an order directing the State Department to designate ...") is as real as
its directive verb: the window is read up to that verb, not up to the "to" of the act.

It does not read tense beyond the auxiliaries, nor scope negation over coordinated verbs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .eventclause import ActorRef, Match, Sentence, find_phrase, inflection
from .eventlex import EventLexicon
from .eventroles import Roles, light_verb, subject

IF_WORDS = frozenset({"if", "unless", "whether"})
GERUND_PREPS = frozenset({"on", "about", "of", "for", "in", "at", "from", "without", "against", "toward", "towards",
                          "into", "to", "like", "than", "over", "considering", "weighing", "avoid", "avoided",
                          "stop", "stopped", "risk", "risks", "consider", "considered"})


@dataclass
class Status:
    value: str  # asserted | planned | hypothetical | negated
    cue: str | None = None


def status(sent: Sentence, m: Match, r: Roles, lex: EventLexicon) -> Status:
    """The event's status and the words that decided it."""
    toks = sent.tokens
    lv = light_verb(sent, m, lex) if m.noun else None
    pivot = lv if lv is not None else m.first  # a nominal event is as real as the verb that carries it
    if r.directive is not None:
        pivot = r.directive  # "signed an order directing X to designate ...": as real as the directive
    lo, hi = sent.clause_bounds(m.first)
    subj_end = max((a.last for a in r.actors if lo <= a.last < pivot), default=lo - 1)
    start = max(lo, subj_end + 1)
    if m.noun and lv is None:
        start = max(lo, m.first - 4)
    window = (start, pivot)
    st = lex.status
    neg = find_phrase(toks, *window, st["negation"])
    if neg is not None and not (toks[neg].low == "not" and neg + 1 < len(toks) and toks[neg + 1].low == "only"):
        return Status("negated", toks[neg].text)
    den = find_phrase(toks, lo, m.first, st["denial"])
    if den is not None:
        return Status("negated", toks[den].text)
    if lo in sent.edges and toks[lo].low in IF_WORDS:
        return Status("hypothetical", toks[lo].text)
    hyp = find_phrase(toks, *window, st["hypothetical_modals"])
    if hyp is not None:
        return Status("hypothetical", toks[hyp].text)
    if m.noun:
        before = find_phrase(toks, max(lo, m.first - 4), m.first, st["hypothetical_before"])
        if before is not None:
            return Status("hypothetical", toks[before].text)
        after = find_phrase(toks, m.last + 1, min(hi + 1, m.last + 7), st["hypothetical_modals"])
        if after is not None:
            return Status("hypothetical", toks[after].text)
        after = find_phrase(toks, m.last + 1, min(hi + 1, m.last + 7), st["planned_modals"])
        if after is not None:
            return Status("planned", toks[after].text)
    if sent.question:
        return Status("hypothetical", "?")
    plan = find_phrase(toks, *window, st["planned_modals"])
    if plan is None:
        plan = find_phrase(toks, *window, st["planned_verbs"])
    if plan is not None:
        return Status("planned", toks[plan].text)
    if not m.noun or lv is not None:
        irrealis = _irrealis(sent, pivot, inflection(toks[pivot].low) if pivot != m.first else m.form.inflection,
                             lex)
        if irrealis:
            return Status("hypothetical", irrealis)
    elif _after_infinitive(sent, m):
        return Status("hypothetical", "to + infinitive")
    elif m.noun:
        cop = _predicated(sent, m, hi, lex)
        if cop:
            return Status("hypothetical", cop)
    return Status("asserted")


PREDICATE_STARTS = frozenset({"a", "an", "becoming", "seen", "considered", "viewed", "not", "unlikely", "likely",
                              "possible", "now", "still", "being", "no"})


def _predicated(sent: Sentence, m: Match, hi: int, lex: EventLexicon) -> str | None:
    """ "U.S. military action ... is now becoming a policy option": a noun discussed, not an event."""
    toks = sent.tokens
    for j in range(m.last + 1, min(hi, m.last + 16) + 1):
        if toks[j].low in lex.be_forms and j + 1 <= hi and toks[j + 1].low in PREDICATE_STARTS:
            return f"{toks[j].text} {toks[j + 1].text}"
    return None


def _after_infinitive(sent: Sentence, m: Match) -> bool:
    """ "to justify military action": the noun is the object of a bare infinitive."""
    toks = sent.tokens
    for j in range(m.first - 1, max(0, m.first - 4), -1):
        if toks[j - 1].low == "to" and toks[j].low.isalpha() and toks[j].low.islower():
            return True
    return False


def _irrealis(sent: Sentence, i: int, inflection: str, lex: EventLexicon) -> str | None:
    """A gerund after a preposition ("focused on destroying") or a bare infinitive ("a move to strike")
    names an action, not one that happened; "decided to pause" (transparent) did happen."""
    toks = sent.tokens
    prev = toks[i - 1].low if i > 0 else ""
    if inflection == "ing" and prev in GERUND_PREPS:
        before = toks[i - 2].low if i > 1 else ""
        if prev == "to" and (before, "to") in lex.status.get("transparent", ()):
            return None  # "resorted to throwing stones" happened
        return f"{prev} + -ing"
    if inflection != "base":
        return None
    lo, _ = sent.clause_bounds(i)
    j = i - 1
    while j > lo and toks[j].low in lex.adverbs:
        j -= 1
    to = j if j >= lo and toks[j].low == "to" else None
    if to is None and j >= lo and toks[j].low in ("and", "or"):  # "to bypass the rules and conduct strikes"
        to = next((k for k in range(j - 1, max(lo, j - 8) - 1, -1) if toks[k].low == "to"
                   and k + 1 < j and toks[k + 1].low.isalpha() and toks[k + 1].low.islower()), None)
    if to is None:
        return None
    for p in lex.status["transparent"]:
        k = to - len(p) + 1
        if p[-1] == "to" and k >= 0 and all(toks[k + i].low == w for i, w in enumerate(p)):
            return None
    return "to + infinitive"


def refusal(sent: Sentence, m: Match, lex: EventLexicon) -> str | None:
    """The words of a negated future ("would not", "won't") before the trigger, or None: an actor
    saying it will not do a cooperative act refuses it."""
    phrases = lex.status.get("refusal")
    if not phrases:
        return None
    lo, _ = sent.clause_bounds(m.first)
    if sent.tokens[lo].low in IF_WORDS or sent.question:
        return None
    at = find_phrase(sent.tokens, lo, m.first, phrases)
    return None if at is None else " ".join(t.text for t in sent.tokens[at:at + 2])


def self_stated(sent: Sentence, m: Match, r: Roles, lex: EventLexicon) -> str | None:
    """The rule by which the event's own actor states it, or None: the speaker of the quotation,
    the subject of a statement verb before it ("Iraq said it would allow ..."), or an official of
    the actor's own country credited at the end ("Egypt would host the talks, its foreign
    minister said")."""
    if any(a.rule == "quote-speaker" for a in r.actors):
        return "quote-speaker"
    if sent.quote is not None and sent.quote.speaker is not None and r.actors \
            and _same(r.actors, [sent.quote.speaker.name]):
        return "quote-speaker"
    statement = lex.words("statement")
    for k in range(m.first - 1, -1, -1):
        if sent.tokens[k].low in statement:
            speakers = subject(sent, k, lex)
            if speakers and r.actors and _same(r.actors, [s.actor.name for s in speakers]):
                return f"statement:{sent.tokens[k].low}"
            return None
    return _trailing_own_source(sent, m, r, lex)


def _trailing_own_source(sent: Sentence, m: Match, r: Roles, lex: EventLexicon) -> str | None:
    """ ", Portuguese President Mario Soares said": the sentence's closing attribution names the
    actor itself or one of its own country's officials."""
    toks = sent.tokens
    own = {a.actor.country for a in r.actors} - {None}
    names = {a.actor.name for a in r.actors}
    n = len(toks)
    while n > 0 and toks[n - 1].low in (".", "”", '"', "'", "''"):
        n -= 1
    reporting = lex.words("reporting")
    verb = next((j for j in range(n - 1, max(m.last, n - 4), -1) if toks[j].low in reporting), None)
    if verb is None:
        return None
    src = [a for a in sent.actors if m.last < a.last < verb and verb - a.last <= 3]
    if not src:
        return None
    comma = any(toks[j].low == "," for j in range(m.last + 1, src[-1].first))
    a = src[-1].actor
    if not comma:
        return None
    if a.name in names or (a.country in own and a.sector in ("GOV", "MIL", "PTY", "REB", None)):
        return f"statement:trailing-{toks[verb].low}"
    if a.country is None and src[-1].first > 0 and toks[src[-1].first - 1].low in ("its", "their", "his", "her"):
        return f"statement:trailing-{toks[verb].low}"  # "..., its foreign minister said": the actor's own official
    return None


def condition_after(sent: Sentence, m: Match) -> str | None:
    """ "will withdraw its force unless ...": the word opening a condition on the event, after it."""
    _, hi = sent.clause_bounds(m.last)
    j = hi + 1
    if j < len(sent.tokens) and j in sent.edges and sent.tokens[j].low == "unless":
        return "unless"
    if j + 1 < len(sent.tokens) and sent.tokens[j].low == "," and sent.tokens[j + 1].low == "unless":
        return "unless"
    return None


def _same(actors: list[ActorRef], names: list[str | None]) -> bool:
    return any(a.actor.name in names for a in actors)


def apply_future(type_: str, mode: str | None, st: Status, lex: EventLexicon,
                 condition: str | None = None) -> tuple[str, str | None, bool]:
    """The manual's single category for a planned or conditional action stated by its actor
    (`condition`: "unless" when the actor attaches a demand to it, which makes it a threat)."""
    new = lex.future_as.get(f"{type_}:{mode}") or lex.future_as.get(type_)
    if condition == "unless" and lex.unless_as and type_ != "REJECT":
        new = lex.unless_as
    if new is None or st.value not in ("planned", "hypothetical"):
        return type_, mode, False
    if new == type_:
        return type_, mode, True
    if new == "THREATEN":
        return new, threat_mode(type_, mode, lex), True
    return new, None, True


def threat_mode(type_: str, mode: str | None, lex: EventLexicon) -> str | None:
    return lex.threat_mode.get(f"{type_}:{mode}") or lex.threat_mode.get(type_)
