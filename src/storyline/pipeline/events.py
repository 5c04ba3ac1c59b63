"""The PLOVER event coder: `code(doc)` appends `Event` records to `doc.events`.

Takes a `Document` after segmentation and the dates, actors and places stages (and the quotes
stage when it ran: a first-person "I"/"we" in a direct quotation is its speaker). For each
sentence it matches the trigger verbs and nouns of `lexicon/triggers.yaml`, then:

1. scope: a trigger that carries content (a threat, a demand, a promise, an accusation, a
   refusal) swallows the triggers inside its clause, which only give it a mode: "threatened to
   launch strikes" is one THREATEN (mode violence), not also an ASSAULT; a noun modifying
   another ("cartel strike threats") is part of it; "killing 80 people" after an attack is its
   magnitude, not a second event; a second predicate of the same subject ("has been indicted
   ... and will resign") ends that clause; in "ordered its army to shell X" (eventframes.py) the
   directive and the order it hangs on give way to the act directed;
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

Recipients: the trigger's own places first ("threatened Mexico", "strikes on boats"); when they
hold no one, the best left at lower rank (an of/for/with/from phrase close after the trigger,
`fallback_recipient_prepositions`; for the manual's "requires recipient" types the country of
the place it happened in); an event whose type requires a recipient and has none is kept at
lower confidence. The source a report is credited to (", HRW said") is never a recipient.

Precision before recall: no event without an actor, except a passive act of force with a
named victim ("three soldiers were killed"); nominal triggers need an actor attached to them; a
participle describing a noun ("weapons seized last year") and a body meeting by itself ("the
cabinet met") are no events.
It does not merge an event told twice in one document (the link stage does that).
"""

from __future__ import annotations

import re

from ..model import Actor, Document, Event, Mention, Quote, Span
from .eventattrs import event_date, event_place, magnitude, reported_by
from .eventclause import PREPOSITIONS, ActorRef, Match, Sentence, analyse, find_phrase, include_gerund, tokenize
from .eventframes import directive, own_forces
from .eventlex import EventLexicon, lexicon
from .eventnp import actor_nouns, function_words
from .eventroles import Roles, drop_self, in_relative, light_verb, main_subject, objects, roles
from .eventstatus import Status, apply_future, condition_after, refusal, self_stated, status, threat_mode

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
        own_forces(sent, lex)
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
        directed = directive(sent, m, lex)
        if directed is not None:  # "ordered the army to shell the town": the director's act
            k, agency, director = directed
            r.actors, r.actor_rule = (director, "directive-subject") if director else ([agency], "directive-object")
            r.directive = k
            drop_self(r)
        if not r.recipients and m.trigger.type == "ASSAULT":
            _victims(sent, m, r, content.get(id(m), []), lex)
        if m.trigger.type in RECIPROCAL_TYPES and len(r.actors) > 1 and not r.recipients:
            r.reciprocal = True
        if not r.actors and not (m.passive and r.recipients and m.trigger.type in ("ASSAULT", "COERCE")):
            continue
        if m.noun and not r.actors:
            continue
        if r.actor_rule == "nominal-possessive" and not (r.recipient_rule or "").startswith("recipient:") \
                and not sent.tokens[max(0, m.first - 1)].low.endswith("'s") and not r.reciprocal:
            continue  # "U.S. military action is a non-starter": a country word alone needs a target named
        if not r.recipients:
            _fallback_recipient(sent, m, r, places, lex)
        if not r.recipients and m.statement is not None:
            continue  # "X said ... must": a demand frame is a demand of someone named
        if not r.recipients and m.trigger.type == "CONSULT" and (not m.noun or m.trigger.mode == "visit") \
                and len(r.actors) == 1 and not r.reciprocal:
            continue  # "Israel's Cabinet met Sunday", "Trump's visit to a hospital": no one consulted
        st = status(sent, m, r, lex)
        type_, mode, notes = _type_and_mode(sent, m, content.get(id(m), []), lex)
        first_status = f"status={st.value}" + (f"({st.cue})" if st.cue else "")
        said = self_stated(sent, m, r, lex) if st.value in ("planned", "hypothetical") else None
        if said is None and st.value == "planned":
            said = "future"  # the manual codes a planned action as its future category, whoever reports it
        if said:
            cond = condition_after(sent, m)
            new_type, new_mode, changed = apply_future(type_, mode, st, lex, cond)
            if changed:
                notes.append(f"future-as={type_}->{new_type}({said},{st.cue}{',' + cond if cond else ''})")
                type_, mode, st = new_type, new_mode, Status("asserted", st.cue)
        if st.value == "negated" and type_ in COOPERATIVE:
            refused = refusal(sent, m, lex)
            if refused:  # "said it would not meet the demands" is a REJECT of them
                notes.append(f"refusal-of={type_}({refused})")
                type_, mode, st = "REJECT", _request_mode(type_), Status("asserted", refused)
        if type_ == "PROTEST" and _attributing(sent, m, r):
            notes.append("protest-as-attribution")  # "..., a human rights group protested": a verbal protest
            type_, mode = "ACCUSE", "disapprove"
        by_actor = _reading_by_actor(m, r, type_, lex)
        if by_actor:
            notes.append(f"actor-reading={type_}->{by_actor[0]}")
            type_, mode = by_actor
        if mode is None:
            mode = _mode_cue(sent, m, type_, lex)
            if mode:
                notes.append(f"mode-cue={mode}")
        recipient_rule = "reciprocal" if r.reciprocal else r.recipient_rule
        if not r.recipients and not r.reciprocal and type_ in PLACE_TARGET:
            target = _place_target(sent, m, places, r.actors)
            if target:
                r.recipients, recipient_rule = target, "place-country"
        if not r.recipients and not r.reciprocal and st.value == "asserted":
            fallback = _only_other_country(sent, m, r.actors, lex)
            if fallback:
                r.recipients, recipient_rule = fallback, "sentence-only-other-country"
        date = event_date(sent, m, dates, sent.context_dates, "date:previous-sentence") \
            if r.actor_rule == "include-gerund" else event_date(sent, m, dates, quote_dates)
        place = event_place(sent, m, places, lex)
        mag = magnitude(sent, m, lex, targets=type_ in COUNTED_TARGETS) \
            if type_ in ("ASSAULT", "COERCE") or m.noun or type_ in COUNTED_TARGETS \
            else NO_MAGNITUDE.copy()
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
            # "to disperse demonstrators, ... arresting 12": an unrealised act does not hide a real one
            key = (type_, _key(actor), _key(recipient), st.value)
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
    for m in matches:
        directed = directive(sent, m, lex)
        if directed is not None:  # the directive verb and the order it hangs on are the directed act itself
            k = directed[0]
            for g in matches:
                if g is not m and (g.first <= k <= g.last or (g.noun and k - 3 <= g.last < k)):
                    swallowed.add(id(g))
    for g in matches:
        if not g.trigger.governs or id(g) in swallowed or _bare_subject_noun(sent, g, lex):
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
        hi = min(hi, _new_predicate(sent, g.last, hi, lex) - 1)
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
    for k, m in enumerate(matches):
        if id(m) not in swallowed and _reduced_relative(sent, m, [x for x in matches[:k] if not x.noun], lex):
            swallowed.add(id(m))  # "return weapons seized last year from peacekeepers": a description
    first_assault = next((m for m in matches if m.trigger.type == "ASSAULT" and id(m) not in swallowed
                          and m.trigger.lemma not in CASUALTY_LEMMAS), None)
    for m in matches:
        if m.trigger.lemma in CASUALTY_LEMMAS and first_assault is not None and id(m) not in swallowed \
                and first_assault.last < m.first:
            swallowed.add(id(m))  # "..., killing at least 80 people": the magnitude of the strike
            content.setdefault(id(first_assault), []).append(m)
    return [m for m in matches if id(m) not in swallowed], content


FINITE_AUX = frozenset({"will", "would", "has", "have", "had", "is", "was", "are", "were", "did", "can", "could",
                        "may", "might", "must", "should", "'ll"})


def _new_predicate(sent: Sentence, last: int, hi: int, lex: EventLexicon) -> int:
    """Where a second predicate of the same subject begins ("has been indicted ... and will resign"):
    "and"/"but" followed by an auxiliary, which a governed content ("to strike and invade") never has."""
    toks = sent.tokens
    for j in range(last + 1, hi):
        if toks[j].low in ("and", "but"):
            k = j + 1
            while k <= hi and toks[k].low in lex.adverbs:
                k += 1
            if k <= hi and toks[k].low in FINITE_AUX:
                return j
    return hi + 1


NOT_NOUNS = frozenset({"and", "or", "but", "to", "that", "which", "who", "it", "they", "he", "she", "we", "not",
                       "also", "then", "have", "has", "had"})


def _bare_subject_noun(sent: Sentence, g: Match, lex: EventLexicon) -> bool:
    """ "The opposition said it will boycott ...": a noun that needs a light verb and has neither one
    nor an owner is no event, so its clause is not its content."""
    if not (g.noun and g.trigger.needs_light) or light_verb(sent, g, lex) is not None:
        return False
    j = g.first - 1
    while j >= 0 and sent.tokens[j].low in ("the", "a", "an"):
        j -= 1
    return j < 0 or not (sent.tokens[j].low.endswith("'s") or any(a.last == j for a in sent.actors))


def _reduced_relative(sent: Sentence, m: Match, earlier: list[Match], lex: EventLexicon) -> bool:
    """A past participle right after a common noun, in a clause whose verb came before: the
    noun's description ("weapons seized last year"), not an event of the sentence."""
    if m.noun or m.form.inflection not in ("ed", "en") or m.first == 0 or m.passive:
        return False
    prev = sent.tokens[m.first - 1]
    if not (prev.low.isalpha() and prev.text.islower()) or prev.low in NOT_NOUNS or prev.low in lex.adverbs \
            or prev.low in lex.be_forms or any(a.first <= m.first - 1 <= a.last for a in sent.actors):
        return False
    lo, _ = sent.clause_bounds(m.first)
    return any(lo <= x.last < m.first - 1 for x in earlier)


def _attributing(sent: Sentence, m: Match, r: Roles) -> bool:
    """The verb closes the sentence as its attribution (", a rights group protested on Wednesday.")."""
    if m.noun or not r.actors:
        return False
    first = min(a.first for a in r.actors)
    j = first - 1
    while j >= 0 and sent.tokens[j].low in ("the", "a", "an"):
        j -= 1
    tail = [t for t in sent.tokens[m.last + 1:] if t.low not in (".", "”", '"')]
    return j >= 6 and sent.tokens[j].low == "," and len(tail) <= 4 and not any(t.low == "," for t in tail)


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


NO_MAGNITUDE: dict[str, int | None] = {"killed": None, "injured": None, "count": None}


def _reading_by_actor(m: Match, r: Roles, type_: str, lex: EventLexicon) -> tuple[str, str | None] | None:
    """The reading the actor calls for: a state that "protests" disapproves (ACCUSE), workers who
    "strike" stop work (PROTEST). From `actor_readings` in triggers.yaml; None keeps the trigger's."""
    for reading in lex.actor_readings:
        if reading["lemma"] != m.trigger.lemma or reading["type"] != type_:
            continue
        sectors = set(reading.get("sectors") or ())
        words = {str(w).lower() for w in reading.get("names") or ()}
        for ref in r.actors:
            name = ref.actor.name.lower().split()
            state = reading.get("states") and ref.actor.country and ref.actor.sector is None  # "Japan protested"
            if state or ref.actor.sector in sectors or (name and name[-1] in words):
                return str(reading["as"]), reading.get("mode")
    return None


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


def _victims(sent: Sentence, m: Match, r: Roles, inner: list[Match], lex: EventLexicon) -> None:
    """ "US drone attacks have killed eight al-Qaeda leaders": the attack's recipient is whom the
    casualty verb it swallowed names."""
    for x in inner:
        if x.trigger.lemma in CASUALTY_LEMMAS and not x.passive:
            found = objects(sent, x, r.actors, lex)
            if found:
                r.recipients, r.recipient_rule = found[0], "recipient:casualty-object"
                return


def _fallback_recipient(sent: Sentence, m: Match, r: Roles, places: list[Mention], lex: EventLexicon) -> None:
    """The best recipient left when the trigger's own places named none (the manual's "requires
    recipient" types must have one to be coded): an actor in an of/for/with/against/from phrase
    after the trigger ("expelled inspectors of the IAEA", "suspended aid for Bosnia"), else the
    country of a place the act happened in ("suspended aid deliveries in Baghdad")."""
    found = objects(sent, m, r.actors, lex, fallback=lex.fallback_prepositions)
    if found:
        own = {a.actor.country for a in r.actors if a.actor.country}
        toks = sent.tokens
        # "threatened U.S. strikes": the actor's own country word modifying a noun is not its target
        kept = [x for x in found[0] if not (x.actor.country in own and x.actor.sector is None
                                             and x.last + 1 < len(toks) and toks[x.last + 1].low.isalpha()
                                             and toks[x.last + 1].low.islower()
                                             and toks[x.last + 1].low not in PREPOSITIONS)]
        if kept:
            r.recipients, r.recipient_rule = kept, found[1]
            return
    if m.trigger.type in NEEDS_RECIPIENT:
        target = _place_target(sent, m, places, r.actors)
        if target:
            r.recipients, r.recipient_rule = target, "fallback:place-country"


def _only_other_country(sent: Sentence, m: Match, actors: list[ActorRef], lex: EventLexicon) -> list[ActorRef] | None:
    """The one foreign country the sentence names, when the actor's is known and there is just one
    (not counting one inside a relative clause describing the trigger's object)."""
    own = {a.actor.country for a in actors}
    if not own or None in own:
        return None
    others = [a for a in sent.actors if a.actor.country and a.actor.country not in own and a.actor.sector != "MED"
              and not (a.mention is not None and a.mention.value.get("generic"))  # "National Guard": a default
              and not (a.first > m.last and in_relative(sent, m.last, a.first, lex))]
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
    elif not recipient_rule and m.trigger.type in NEEDS_RECIPIENT:
        c -= 0.1  # the manual requires a recipient for this type and none was found
    if m.noun:
        c -= 0.1
    if not r.actors:
        c -= 0.1  # "observers who were taken hostage": no one named as doing it
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
