"""The PLOVER event coder: `code(doc)` appends `Event` records to `doc.events`.

Takes a `Document` after segmentation and the dates, actors and places stages (and the quotes
stage when it ran: a first-person "I"/"we" in a direct quotation is its speaker). For each
sentence it matches the trigger verbs and nouns of `lexicon/triggers.yaml`, then:

1. scope: a trigger that carries content (a threat, a demand, a promise, an accusation, a
   refusal) swallows the triggers inside its clause, which only give it a mode: "threatened to
   launch strikes" is one THREATEN (mode violence), not also an ASSAULT; a noun modifying
   another ("cartel strike threats") is part of it; "killing 80 people" after an attack is its
   magnitude, not a second event;
2. roles (eventroles.py): actor and recipient from the sentence's shape, one event per
   actor-recipient pair; a reciprocal trigger with a compound actor gives both directions;
3. status (eventstatus.py): asserted, planned, hypothetical or negated; an action floated or
   announced by its own actor becomes the manual's single category (a conditional strike by
   the speaker is a THREATEN);
4. circumstances (eventattrs.py): the event's own date (never the publication date), place,
   magnitude, the source the article credits, and the manual's intensity for type and mode.

Every event keeps the sentence as evidence, the trigger's offsets and a `rule` naming the
lexicon entry and each decision ("triggers.yaml:verb:threaten; actor=subject; ...") that
`storyline.explain` renders.

Precision before recall: no event without an actor, except a passive act of force with a
named victim ("three soldiers were killed"); nominal triggers need an actor attached to them.
It does not merge an event told twice in one document (the link stage does that).
"""

from __future__ import annotations

import re

from ..model import Actor, Document, Event, Mention, Quote, Span
from .eventattrs import event_date, event_place, magnitude, reported_by
from .eventclause import PREPOSITIONS, ActorRef, Match, Sentence, analyse, find_phrase, include_gerund, tokenize
from .eventlex import EventLexicon, lexicon
from .eventnp import actor_nouns, function_words
from .eventroles import Roles, main_subject, roles
from .eventstatus import Status, apply_future, refusal, self_stated, status, threat_mode

REFERENCE_LINE = re.compile(r"\s*\[\d{1,3}\]")
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"})
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})  # the manual: "Requires recipient: Yes"
PLACE_TARGET = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure"})
COUNTED_TARGETS = frozenset({"SANCTION", "COERCE", "ASSAULT"})  # "sanctioned 12 officials": count = 12
NOT_PROSE = (":reference", ":heading", ":term")  # quotation kinds (quotes.py rules) that report nothing
MAX_SENTENCE = 1200  # characters; longer "sentences" are lists or tables, not prose
NOUN_SCOPE = 6  # tokens: "Trump's threat of land strikes against cartels"


def warm() -> None:
    lexicon()
    actor_nouns()
    function_words()


def code(doc: Document) -> Document:
    """Append the PLOVER events of every sentence to `doc.events`."""
    if not doc.text or not doc.sentences:
        return doc
    lex = lexicon()
    actors = [m for m in doc.mentions if m.kind == "actor"]
    dates = [m for m in doc.mentions if m.kind == "date"]
    places = [m for m in doc.mentions if m.kind == "place"]
    quotes = doc.quotes or _quotes_of(doc)
    modal_heads = {p[0] for p in lex.demand_modals}
    not_prose = [q.span for q in quotes if any(k in q.rule for k in NOT_PROSE)]
    for k, span in enumerate(doc.sentences):
        if len(span.text) > MAX_SENTENCE or REFERENCE_LINE.match(span.text) \
                or any(q.start <= span.start < q.end for q in not_prose):
            continue
        tokens = tokenize(span.text, span.start)
        if not tokens or not any(t.low in lex.forms or t.low in modal_heads for t in tokens):
            continue
        inside = [m for m in actors if span.start <= m.span.start < span.end]
        sent = analyse(span, tokens, inside, quotes, lex)
        if not sent.matches:
            continue
        if k > 0 and any(include_gerund(sent, m, lex) is not None for m in sent.matches):
            _previous_context(sent, doc.sentences[k - 1], actors, quotes, dates, lex)
        quote_dates = _attribution_dates(doc, sent.quote, dates) if sent.quote else []
        sent.matches = [m for m in sent.matches
                        if not any(q.start <= sent.tokens[m.first].start < q.end for q in not_prose)]
        doc.events.extend(code_sentence(sent, dates, quote_dates, places, lex))
    return doc


def code_sentence(sent: Sentence, dates: list[Mention], quote_dates: list[Mention], places: list[Mention],
                  lex: EventLexicon) -> list[Event]:
    kept, content = _scope(sent, lex)
    out: list[Event] = []
    owners: list[Match] = []
    seen: set[tuple] = set()
    for m in kept:
        r = roles(sent, m, lex)
        if m.trigger.type in RECIPROCAL_TYPES and len(r.actors) > 1 and not r.recipients:
            r.reciprocal = True
        if not r.actors and not (m.passive and r.recipients and m.trigger.type in ("ASSAULT", "COERCE")):
            continue
        if m.noun and not r.actors:
            continue
        if r.actor_rule == "nominal-possessive" and not (r.recipient_rule or "").startswith("recipient:") \
                and not sent.tokens[max(0, m.first - 1)].low.endswith("'s") and not r.reciprocal:
            continue  # "U.S. military action is a non-starter": a country word alone needs a target named
        if not r.recipients and (m.trigger.type in NEEDS_RECIPIENT or m.statement is not None):
            continue
        st = status(sent, m, r, lex)
        type_, mode, notes = _type_and_mode(sent, m, content.get(id(m), []), lex)
        first_status = f"status={st.value}" + (f"({st.cue})" if st.cue else "")
        said = self_stated(sent, m, r, lex) if st.value in ("planned", "hypothetical") else None
        if said is None and st.value == "planned":
            said = "future"  # the manual codes a planned action as its future category, whoever reports it
        if said:
            new_type, new_mode, changed = apply_future(type_, mode, st, lex)
            if changed:
                notes.append(f"future-as={type_}->{new_type}({said},{st.cue})")
                type_, mode, st = new_type, new_mode, Status("asserted", st.cue)
        if st.value == "negated" and type_ in COOPERATIVE:
            refused = refusal(sent, m, lex)
            if refused:  # "said it would not meet the demands" is a REJECT of them
                notes.append(f"refusal-of={type_}({refused})")
                type_, mode, st = "REJECT", _request_mode(type_), Status("asserted", refused)
        if mode is None:
            mode = _mode_cue(sent, m, type_, lex)
            if mode:
                notes.append(f"mode-cue={mode}")
        recipient_rule = r.recipient_rule
        if not r.recipients and type_ in PLACE_TARGET:
            target = _place_target(sent, m, places, r.actors)
            if target:
                r.recipients, recipient_rule = target, "place-country"
        if not r.recipients and st.value == "asserted":
            fallback = _only_other_country(sent, r.actors)
            if fallback:
                r.recipients, recipient_rule = fallback, "sentence-only-other-country"
        date = event_date(sent, m, dates, sent.context_dates, "date:previous-sentence") \
            if r.actor_rule == "include-gerund" else event_date(sent, m, dates, quote_dates)
        place = event_place(sent, m, places, lex)
        mag = magnitude(sent, m, lex, targets=type_ in COUNTED_TARGETS) \
            if type_ in ("ASSAULT", "COERCE") or m.noun or type_ in COUNTED_TARGETS \
            else {"killed": None, "injured": None, "count": None}
        credited = reported_by(sent, m, r.actors, lex)
        trigger = sent.char_span(m.first, m.last)
        rule = "; ".join(x for x in (
            m.trigger.rule, f"form={m.form.inflection}{'/passive' if m.passive else ''}",
            f"actor={r.actor_rule}" + "".join(sorted({f"+{a.rule}" for a in r.actors if a.rule.startswith(
                ("quote-speaker", "coref:", "pronoun"))})) if r.actor_rule else "actor=none",
            f"recipient={recipient_rule}" if recipient_rule else "recipient=none",
            first_status, *notes,
            f"date={date.rule}" if date else "date=none",
            f"reported_by={credited[1]}" if credited else None) if x)
        conf = _confidence(sent, m, r, recipient_rule, st, lex)
        for actor, recipient in _pairs(r):
            key = (type_, _key(actor), _key(recipient))
            if key in seen:
                continue
            seen.add(key)
            out.append(Event(
                type=type_, mode=mode, actor=actor, recipient=recipient, status=st.value, evidence=sent.span,
                trigger=trigger, rule=rule, date=date.value if date else None,
                date_precision=date.precision if date else None,  # type: ignore[arg-type]
                date_text=date.text if date else None, location=place, magnitude=mag,
                intensity=lex.intensity(type_, mode), reported_by=credited[0] if credited else None,
                confidence=conf))
            owners.append(m)
    verbal = {(e.type, _key(e.actor)) for e, m in zip(out, owners, strict=True) if not m.noun}
    return [e for e, m in zip(out, owners, strict=True) if not (m.noun and (e.type, _key(e.actor)) in verbal)]


def _scope(sent: Sentence, lex: EventLexicon) -> tuple[list[Match], dict[int, list[Match]]]:
    """The matches that are events of their own, and what each content-bearing one swallowed."""
    matches = sent.matches
    content: dict[int, list[Match]] = {}
    swallowed: set[int] = set()
    for k, m in enumerate(matches):
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        if m.noun and nxt is not None and nxt.noun and nxt.first == m.last + 1:
            swallowed.add(id(m))  # "strike threats": the first noun modifies the second
            content.setdefault(id(nxt), []).append(m)
    for g in matches:
        if g.needs_at is not None:  # "launched ... strikes": the needed noun is the verb's object
            for m in matches:
                if m is not g and m.noun and m.first <= g.needs_at[1] and g.needs_at[0] <= m.last:
                    swallowed.add(id(m))
                    content.setdefault(id(g), []).append(m)
    for g in matches:
        if not g.trigger.governs or id(g) in swallowed:
            continue
        _, hi = sent.clause_bounds(g.last)
        # "willing to take unilateral, and potentially illegal, military action": an aside does not end it
        while not g.noun and hi + 2 < len(sent.tokens) and hi - g.last < 16 and sent.tokens[hi + 1].low == "," \
                and sent.tokens[hi + 2].low in ("and", "or"):
            lo2, hi2 = sent.clause_bounds(hi + 2)
            if hi2 - lo2 > 5 or any(lo2 <= a.first <= hi2 for a in sent.actors) \
                    or any(lo2 <= x.first <= hi2 for x in matches):
                break  # a new clause with its own subject or event, not an aside
            hi = hi2
        if g.noun:  # a noun's content is its complement ("threat of strikes"), up to the next comma
            comma = next((j for j in range(g.last + 1, hi + 1) if sent.tokens[j].low == ","), hi + 1)
            hi = min(hi, comma - 1, g.last + NOUN_SCOPE)
        for m in matches:
            if m is not g and g.last < m.first <= hi and id(m) not in swallowed:
                swallowed.add(id(m))
                content.setdefault(id(g), []).append(m)
    for g in matches:  # "blocked roads demanding ...", "marched to demand ...": the protest's topic, not an event
        if g.trigger.type == "PROTEST" and id(g) not in swallowed:
            for m in matches:
                if m.trigger.type == "REQUEST" and g.last < m.first <= g.last + 15 and id(m) not in swallowed \
                        and (m.form.inflection == "ing" or sent.tokens[m.first - 1].low == "to"):
                    swallowed.add(id(m))
    first_assault = next((m for m in matches if m.trigger.type == "ASSAULT" and id(m) not in swallowed
                          and m.trigger.lemma not in CASUALTY_LEMMAS), None)
    for m in matches:
        if m.trigger.lemma in CASUALTY_LEMMAS and first_assault is not None and id(m) not in swallowed \
                and first_assault.last < m.first:
            swallowed.add(id(m))  # "..., killing at least 80 people": the magnitude of the strike
    return [m for m in matches if id(m) not in swallowed], content


def _type_and_mode(sent: Sentence, m: Match, inner: list[Match], lex: EventLexicon) -> tuple[str, str | None,
                                                                                             list[str]]:
    t = m.trigger
    type_, mode, notes = t.type, t.mode, []
    conflict = [x for x in inner if x.trigger.type in CONFLICT]
    if t.promise:
        if conflict:
            type_, mode = "THREATEN", threat_mode(conflict[0].trigger.type, conflict[0].trigger.mode, lex)
            notes.append(f"promise-of={conflict[0].trigger.type}")
        return type_, mode, notes
    if type_ == "THREATEN" and mode is None and inner:
        mode = threat_mode(inner[0].trigger.type, inner[0].trigger.mode, lex)
        if mode:
            notes.append(f"threat-of={inner[0].trigger.type}")
    if type_ in ("REQUEST", "REJECT") and mode is None and inner:
        mode = _request_mode(inner[0].trigger.type)
        if mode:
            notes.append(f"content={inner[0].trigger.type}")
    return type_, mode, notes


def _request_mode(content_type: str) -> str | None:
    # The shared REQUEST/REJECT modes (manual: assist, change, yield, meet).
    return {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield",
            "CONCEDE": "yield"}.get(content_type)


def _mode_cue(sent: Sentence, m: Match, type_: str, lex: EventLexicon) -> str | None:
    cues = lex.mode_cues.get(type_)
    if not cues:
        return None
    lo, hi = sent.clause_bounds(m.first)
    for mode, phrases in cues.items():
        if find_phrase(sent.tokens, lo, hi + 1, phrases) is not None:
            return mode
    return None


def _place_target(sent: Sentence, m: Match, places: list[Mention], actors: list[ActorRef]) -> list[ActorRef] | None:
    """ "strikes on Gaza": a place hit or entered stands for its country when no actor is named there."""
    own = {a.actor.country for a in actors}
    _, hi = sent.clause_bounds(m.last)
    end = sent.tokens[hi].end
    allowed = set(m.trigger.recipient) | {"in", "inside", "into"}
    for j in range(m.last + 1, hi + 1):
        if sent.tokens[j].low not in allowed:
            continue
        for p in places:
            k = j + 1
            while k <= hi and sent.tokens[k].low in ("the", "a"):
                k += 1
            if k <= hi and p.span.start == sent.tokens[k].start and p.span.end <= end:
                c = p.value.get("country")
                if c and c not in own:
                    actor = Actor(name=p.value.get("name") or p.span.text, country=c, sector=None, id=c)
                    return [ActorRef(k, k, actor, p, "place")]
    return None


def _only_other_country(sent: Sentence, actors: list[ActorRef]) -> list[ActorRef] | None:
    """The one foreign country the sentence names, when the actor's is known and there is just one."""
    own = {a.actor.country for a in actors}
    if not own or None in own:
        return None
    others = [a for a in sent.actors if a.actor.country and a.actor.country not in own and a.actor.sector != "MED"]
    if len({a.actor.country for a in others}) != 1:
        return None
    return [others[0]]


def _pairs(r: Roles) -> list[tuple[Actor | None, Actor | None]]:
    actors: list[Actor | None] = [a.actor for a in r.actors] or [None]
    if r.reciprocal:
        return [(a, b) for a in actors for b in actors if a is not b and a is not None and b is not None
                and a.name != b.name]
    recipients: list[Actor | None] = [a.actor for a in r.recipients] or [None]
    return [(a, b) for a in actors for b in recipients
            if not (a is not None and b is not None and a.name == b.name)]


def _key(a: Actor | None) -> tuple | None:
    return (a.name, a.country, a.sector) if a else None


MAIN_ACTOR_RULES = frozenset({"subject", "passive-by", "nominal-possessive", "between", "coordinated-verb-subject",
                              "participle-or-conjunct-subject", "statement-subject"})


def _confidence(sent: Sentence, m: Match, r: Roles, recipient_rule: str | None, st: Status,
                lex: EventLexicon) -> float:
    c = 0.55
    c += 0.15 if r.actor_rule in MAIN_ACTOR_RULES else 0.05
    if r.actor_rule == "light-verb-subject":
        c += 0.05  # "X held talks with Y": as sure as a verb's subject, less than a possessive
    if r.actor_rule == "nominal-possessive" and _backgrounded(sent, r):
        c -= 0.1  # "in protest of the government's refusal": a nominal event inside a prepositional phrase
    if r.actor_rule and "np-subject" in r.actor_rule:
        c -= 0.05  # a noun phrase the actor stage did not know
    if not m.noun and m.form.inflection == "ing" and m.first > 0 \
            and sent.tokens[m.first - 1].low not in lex.be_forms:
        c -= 0.1  # "blocked roads demanding ...": a participle adjunct is less the news than the main verb
    if recipient_rule and recipient_rule.startswith("recipient:"):
        c += 0.15
    elif recipient_rule:
        c += 0.05
    if m.noun:
        c -= 0.1
    if any(a.rule.startswith("coref:") for a in r.actors):
        c -= 0.05
    if st.value != "asserted":
        c -= 0.1
    return round(max(0.05, min(0.95, c)), 2)


def _backgrounded(sent: Sentence, r: Roles) -> bool:
    first = min(a.first for a in r.actors)
    j = first - 1
    while j >= 0 and sent.tokens[j].low in ("the", "a", "an"):
        j -= 1
    return j >= 0 and sent.tokens[j].low in PREPOSITIONS


def _previous_context(sent: Sentence, prev: Span, actors: list[Mention], quotes: list[Quote],
                      dates: list[Mention], lex: EventLexicon) -> None:
    """Hand an "include + gerund" sentence the main subject and the dates of the sentence before."""
    inside = [m for m in actors if prev.start <= m.span.start < prev.end]
    before = analyse(prev, tokenize(prev.text, prev.start), inside, quotes, lex)
    sent.context_actors = main_subject(before)
    sent.context_dates = [d for d in dates if prev.start <= d.span.start < prev.end]


def _attribution_dates(doc: Document, quote: Quote, dates: list[Mention]) -> list[Mention]:
    """Dates of the sentence that attributes a quotation, outside the quotation marks."""
    end = quote.span.end
    for s in doc.sentences:
        if s.start <= end <= s.end:
            return [d for d in dates if s.start <= d.span.start < s.end and not
                    (quote.span.start <= d.span.start < quote.span.end)]
    return []


def _quotes_of(doc: Document) -> list[Quote]:
    """Quotations when the quotes stage did not run: found on a copy, never stored by this stage."""
    if not any(c in doc.text for c in "“\"«„"):
        return []
    try:
        from .quotes import extract
    except ImportError:  # the quotes stage is optional for the coder
        return []
    copy = Document(source=doc.source, text=doc.text, published=doc.published, sentences=doc.sentences,
                    mentions=doc.mentions)
    return extract(copy).quotes
