"""Who did it and to whom: actor and recipient of a trigger match, from the sentence's shape.

Takes a `Sentence` (eventclause.py) and one `Match`, and gives `Roles`: the actor(s) and
recipient(s) as `ActorRef`s with the rule that found each. The rules, in the words of the
issue:

- active verb: the actor is the nearest actor to the left in the clause (skipping a
  comma-enclosed apposition: "Trump, a proud nationalist, ..."), or the antecedent of "who";
  a fronted participle ("After authorizing strikes ..., he ...") takes the main clause's
  subject; the recipient is the best-placed actor to the right: a direct object or the object
  of one of the trigger's prepositions ("threatened Mexico", "strikes against cartels");
- passive verb ("was attacked by"): the subject is the recipient, the "by" phrase the actor;
- nominal event: a possessive or country word before the noun ("Trump's threat", "U.S.
  strikes"), a "by" phrase after it, or the subject of a light verb governing it ("X had a
  phone call with Y", "X launched strikes on Y"); "between X and Y" gives both as actors;
- shared subjects: "rebels kidnapped ... and exploded bombs", ", killing one and arresting 12",
  ", but was refusing ..." take the first clause's subject; a subject the actor stage did not
  name becomes a noun-phrase actor without a country (eventnp.py);
- demand frames ("X said Y must ..."): X asks Y;
- coordination: "The United States and Jordan agreed" gives two actors; a reciprocal trigger
  with a compound actor and no recipient pairs them (eventroles does not expand; events.py does).
  A joint verb's coordinated subjects are each other's partners even when an actor stands inside
  what they agreed on ("agreed to set up patrols along the border with Mexico"); one attached to
  the verb itself ("agreed with China") stays the recipient;
- never a recipient: the subject of a relative clause describing the object ("strikes on boats
  that Washington said ..."), what a sending verb sends ("agreed to send 10,000 troops"), and,
  for acts that are not force on a place, a place's owner or neighbour ("Guatemala's border
  with Mexico"; but "closed its border with X", where the border is the word the trigger needed).

- a gerund listed after "include(s)" with no actor of its own ("Since January, Trump has used
  executive orders ... They include designating six cartels as terrorist organisations") names
  one of the acts of the sentence before: its actor is that sentence's main subject
  (`main_subject`, handed over by events.py in `Sentence.context_actors`).

It does not resolve "it"/"they" otherwise, and takes no other actor from outside the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .eventclause import (
    CONJ_LINKS,
    DETERMINERS,
    NUMBER,
    PLACE_ACTS,
    PREPOSITIONS,
    QUANTIFIERS,
    ActorRef,
    Match,
    Sentence,
    at_place,
    attached,
    in_relative,
    include_gerund,
    inflection,
    located_head,
    sent_off,
)
from .eventlex import EventLexicon
from .eventnp import AUXILIARIES, np_subject

ARMED = frozenset({"MIL", "REB", "COP", "CRM"})
FRONTED = frozenset({"after", "before", "since", "while", "by", "when", "despite", "in"})
RELATIVE = frozenset({"who", "which", "that"})


@dataclass
class Roles:
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    actor_rule: str | None = None
    recipient_rule: str | None = None
    reciprocal: bool = False
    directive: int | None = None  # the directive verb of "ordered the army to strike" (eventframes.py)


def roles(sent: Sentence, m: Match, lex: EventLexicon) -> Roles:
    if m.statement is not None:
        r = _demand_roles(sent, m, lex)
        drop_self(r, bare_country=False)  # "Rwandan rebels said ... his Rwandan Patriotic Front must"
        return r
    if m.noun:
        r = _nominal(sent, m, lex)
    elif m.passive:
        r = Roles()
        r.recipients = subject(sent, m.first, lex)
        r.recipient_rule = "passive-subject" if r.recipients else None
        agent = _by_agent(sent, m.last)
        if agent:
            r.actors, r.actor_rule = agent, "passive-by"
        elif r.recipients and (m.trigger.type == "MOBILIZE" or (
                m.trigger.type == "RETREAT" and m.trigger.mode in ("disarm", "withdraw")
                and all(a.actor.sector in ARMED for a in r.recipients))):
            # "troops were deployed", "guerrillas have been demobilized": the forces are the actor
            r.actors, r.actor_rule, r.recipients, r.recipient_rule = r.recipients, "passive-subject-forces", [], None
    else:
        r = Roles()
        j = include_gerund(sent, m, lex) if sent.context_actors else None
        if j is not None:
            r.actors = [ActorRef(j, j, a.actor, a.mention, "previous-sentence-subject") for a in sent.context_actors]
            r.actor_rule = "include-gerund"
        else:
            r.actors, r.actor_rule = verb_subject(sent, m.first, m.form.inflection, lex)
        if not r.actors:
            r.actors = _fronted_participle(sent, m, lex)
            r.actor_rule = "fronted-participle-subject" if r.actors else None
    if not r.recipients:
        found = objects(sent, m, r.actors, lex)
        if found:
            r.recipients, r.recipient_rule = found
    drop_self(r)
    if m.trigger.host and r.actors and r.recipients:  # the visitor is the actor, the host the recipient
        r.actors, r.recipients = r.recipients, r.actors
        r.actor_rule, r.recipient_rule = "host-object", "host-subject"
    if (m.trigger.reciprocal or m.trigger.type in JOINT_TYPES) and len({a.actor.name for a in r.actors}) > 1 \
            and r.recipients and not attached(sent, m, r.recipients[0]):
        # "The US and Guatemala agreed to set up patrols along the border with Mexico": the
        # coordinated subjects agree with each other; an actor inside what they agreed on is not a party.
        r.recipients, r.recipient_rule = [], None
    if m.trigger.reciprocal and len(r.actors) > 1 and not r.recipients:
        r.reciprocal = True
    return r


JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def verb_subject(sent: Sentence, i: int, inflection: str, lex: EventLexicon) -> tuple[list[ActorRef], str | None]:
    """The actor(s) of the verb at token i and the rule that found them: a coordinated verb's
    shared subject, the nearest actor to the left, the subject of the clause a participle or a
    conjunct hangs from, or the subject noun phrase the actor stage did not name."""
    if inflection != "ing":
        shared = _shared_subject(sent, i, lex)
        if shared:
            return shared, "coordinated-verb-subject"
    found = subject(sent, i, lex)
    if found:
        return found, "subject"
    found = _inherited_subject(sent, i, lex)
    if found:
        return found, "participle-or-conjunct-subject"
    found = np_subject(sent, i, lex)
    return (found, "np-subject") if found else ([], None)


NOUN_CUES = frozenset({"reminder", "demand", "warning", "message", "insistence"})


def _demand_roles(sent: Sentence, m: Match, lex: EventLexicon) -> Roles:
    """A demand frame: the statement's subject asks the modal's subject ("X said Y must ...")."""
    r = Roles()
    toks = sent.tokens
    k = m.statement if m.statement is not None else m.first
    verb = k
    if toks[k].low in NOUN_CUES:  # "issued a stern reminder to Iraq that it must"
        verb = next((j for j in range(k - 1, max(-1, k - 5), -1) if toks[j].low in lex.light_verbs
                     or toks[j].low.endswith("ed")), k)
    r.actors, rule = verb_subject(sent, verb, inflection(toks[verb].low), lex)
    r.actor_rule = f"statement-{rule}" if r.actors else None
    subj = m.first - 1
    named = [a for a in sent.actors if subj - 3 <= a.last <= subj and a.first > k]
    if named:
        r.recipients = _with_coordinated(sent, named[-1], [a for a in sent.actors if k < a.first and a.last <= subj])
        r.recipient_rule = "recipient:modal-subject"
    else:  # "told Iraq that it must", "a reminder to Iraq that it must"
        told = [a for a in sent.actors if k < a.first < subj and a.actor.sector != "MED"]
        if told:
            r.recipients, r.recipient_rule = [told[0]], "recipient:statement-object"
    return r


def _skip_back(sent: Sentence, j: int, lex: EventLexicon) -> int:
    while j >= 0 and (sent.tokens[j].low in AUXILIARIES or sent.tokens[j].low in lex.adverbs):
        j -= 1
    return j


def _head_actor(sent: Sentence, lo: int, hi: int) -> list[ActorRef]:
    """The actor opening the stretch [lo, hi]: "Egyptian police opened fire ...", "The rebels ..."."""
    toks = sent.tokens
    start = lo + 1 if toks[lo].low in (",", "and", "but") or (lo in sent.edges and lo > 0) else lo
    while start <= hi and (toks[start].low in ("the", "a", "an") or toks[start].low in QUANTIFIERS):
        start += 1
    cands = [a for a in sent.actors if a.first == start and a.last <= hi]
    if not cands:
        return []
    best = max(cands, key=lambda a: a.last)
    group = [a for a in sent.actors if (a.first, a.last) == (best.first, best.last)]
    return _with_following(sent, group[0], hi)[:4] if group else []


def _shared_subject(sent: Sentence, i: int, lex: EventLexicon) -> list[ActorRef]:
    """ "Afghan rebels have kidnapped ... and exploded bombs": a verb after "and" shares the subject."""
    j = _skip_back(sent, i - 1, lex)
    if j < 1 or sent.tokens[j].low not in ("and", "but"):
        return []
    lo, _ = sent.clause_bounds(i)
    if j <= lo:
        return []
    head = _head_actor(sent, lo, j - 1)
    if head and any(a.last + 1 < j for a in head):
        # the head must be followed by a verb before "and", not be one of two coordinated subjects
        between = [t.low for t in sent.tokens[head[-1].last + 1:j]]
        if between and between[0] not in ("and", ",", "or"):
            return head
    return []


def _inherited_subject(sent: Sentence, i: int, lex: EventLexicon) -> list[ActorRef]:
    """ ", killing one person and arresting 12" and ", but was still refusing": the clause has no
    subject of its own and takes the one of the clause before."""
    toks = sent.tokens
    lo, _ = sent.clause_bounds(i)
    if lo == 0:
        return []
    k = lo
    while k < i and toks[k].low in (",", "and", "but"):
        k += 1
    participle = toks[lo].low == "," and toks[k].low.endswith("ing") and k <= i
    conjunct = k > lo and any(toks[x].low in ("and", "but") for x in range(lo, k)) and _skip_back(sent, i - 1, lex) < k
    if not (participle or conjunct):
        return []
    prev = lo - 1
    while prev > 0 and toks[prev].low in (",", "and", "but"):
        prev -= 1
    plo, phi = sent.clause_bounds(prev)
    return _head_actor(sent, plo, phi)


def subject(sent: Sentence, i: int, lex: EventLexicon) -> list[ActorRef]:
    """The actor(s) left of token i in its clause (with coordinated ones), or [] if none."""
    lo, _ = sent.clause_bounds(i)
    edge = sent.tokens[lo].low if lo < len(sent.tokens) else ""
    # "military equipment seized": a keyword used as an adjective is not the subject
    cands = [a for a in sent.actors if a.last < i and a.first >= lo and not (
        a.mention is not None and a.mention.value.get("form") == "keyword" and a.last + 1 < i
        and _modifier(sent.tokens[a.last + 1].low) and sent.tokens[a.last + 1].low not in lex.forms)]
    if lo in sent.edges and edge in RELATIVE and not cands:
        j = lo - 1
        while j >= 0 and sent.tokens[j].low == ",":
            j -= 1
        cands = [a for a in sent.actors if a.last == j]
        return _with_coordinated(sent, cands[-1], cands) if cands else []
    if not cands:
        return _pronoun_subject(sent, lo, i, lex)
    best = cands[-1]
    # "Trump, a proud nationalist himself, has..." / "NBC, quoting officials, reported": skip the aside.
    commas = [j for j in range(best.last + 1, i) if sent.tokens[j].low == ","]
    if commas:
        before = [a for a in cands if a.last < best.first and _aside_between(sent, a.last, best.first)]
        if before:
            best = before[-1]
    located = located_head(sent, best)
    if located is not None:
        return [located]
    return _with_coordinated(sent, best, cands)


PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def _pronoun_subject(sent: Sentence, lo: int, i: int, lex: EventLexicon) -> list[ActorRef]:
    """ "Switzerland said it had expelled ...": a pronoun subject after a statement verb is that verb's subject."""
    pron = next((j for j in range(i - 1, lo - 1, -1) if sent.tokens[j].low in PRONOUNS), None)
    if pron is None:
        return []
    statement = lex.words("statement")
    for k in range(pron - 1, max(-1, pron - 6), -1):
        if sent.tokens[k].low in statement:
            found = subject(sent, k, lex) or np_subject(sent, k, lex)
            return [ActorRef(a.first, a.last, a.actor, a.mention, "pronoun-matrix-subject") for a in found]
    return []


MAIN_FRONTED = FRONTED | frozenset({"on", "at", "during", "following", "as", "with", "under", "last", "earlier",
                                    "later", "amid", "over", "for", "from", "until", "within"})


def main_subject(sent: Sentence) -> list[ActorRef]:
    """The actor heading a sentence's main clause, after a fronted adverbial ("Since retaking office in
    January, Trump has used ..." -> Trump), with actors coordinated with it; [] when the main
    clause does not open with a named actor."""
    toks = sent.tokens
    lo = 0
    if toks and toks[0].low in MAIN_FRONTED:
        comma = next((j for j in range(1, min(len(toks), 25)) if toks[j].low == ","), None)
        if comma is None:
            return []
        lo = comma + 1
    while lo < len(toks) and toks[lo].low in ("the", "a", "an"):
        lo += 1
    head = next((a for a in sent.actors if a.first == lo), None)
    if head is None:
        return []
    group = [head]
    k = head.last + 1
    for a in sent.actors:  # "The United States and Canada have ..."
        if a.first > head.last and all(t.low in CONJ_LINKS for t in toks[k:a.first]) and a.first > k:
            group.append(a)
            k = a.last + 1
    return group


def _aside_between(sent: Sentence, a_last: int, b_first: int) -> bool:
    return any(sent.tokens[j].low == "," for j in range(a_last + 1, b_first)) and b_first - a_last <= 8


def _with_coordinated(sent: Sentence, best: ActorRef, cands: list[ActorRef]) -> list[ActorRef]:
    group = [a for a in cands if (a.first, a.last) == (best.first, best.last)]
    head = best
    while True:
        prev = [a for a in cands if a.last < head.first]
        if not prev:
            break
        p = prev[-1]
        gap = [t.low for t in sent.tokens[p.last + 1:head.first]]
        if not gap or not all(g in CONJ_LINKS for g in gap) or ("and" not in gap and "," not in gap):
            break
        group = [a for a in cands if (a.first, a.last) == (p.first, p.last)] + group
        head = p
    seen, out = set(), []
    for a in group:
        k = (a.actor.name, a.actor.country, a.actor.sector)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out


def _fronted_participle(sent: Sentence, m: Match, lex: EventLexicon) -> list[ActorRef]:
    """ "After authorizing strikes on vessels, he has now ..." -> he."""
    if m.form.inflection != "ing":
        return []
    return _fronted_participle_at(sent, m.first, lex)


def _by_agent(sent: Sentence, last: int) -> list[ActorRef]:
    _, hi = sent.clause_bounds(last)
    for j in range(last + 1, min(hi + 1, last + 4)):
        if sent.tokens[j].low == "by":
            after = [a for a in sent.actors if a.first > j and a.first <= hi and a.first - j <= 4]
            if after:
                return [a for a in after if (a.first, a.last) == (after[0].first, after[0].last)] or after[:1]
            return []
    return []


def objects(sent: Sentence, m: Match, actors: list[ActorRef], lex: EventLexicon | None = None,
            fallback: frozenset[str] = frozenset()) -> tuple[list[ActorRef], str] | None:
    """The best-placed recipient(s) right of the trigger in its clause, with the rule. With
    `fallback` (a second pass when the trigger's own places held no one), those prepositions
    count too ("expelled inspectors of the IAEA", "suspended aid for Bosnia")."""
    t = m.trigger
    _, hi = sent.clause_bounds(m.last)
    allowed = set(t.recipient) | fallback
    best: tuple[tuple[int, int, int], ActorRef, str] | None = None
    own = {a.actor.country for a in actors if a.actor.country}
    for a in sent.actors:
        if a.first <= m.last or a.first > hi or _is_self(a, actors) or a.actor.sector == "MED":
            continue
        if lex is not None and reporting_subject(sent, a, lex):
            continue  # "..., Human Rights Watch said": the source of the report, never its target
        if in_relative(sent, m.last, a.first, lex):
            continue  # "strikes on boats that Washington said ...": the relative clause describes the object
        if lex is not None and sent_off(sent, m.last, a.first, lex):
            continue  # "agreed to send 10,000 troops": what is sent is the actor's own, not its recipient
        if lex is not None and t.type not in PLACE_ACTS and at_place(sent, m, a, lex):
            continue  # "patrols along Guatemala's border with Mexico": a place, not a party
        if fallback and not _near_object(sent, m.last, a.first):
            continue  # a fallback recipient must stand in the trigger's own phrase
        if m.needs_at and a.first <= m.needs_at[1] and m.needs_at[0] <= a.last and not a.actor.country:
            continue  # "providing intelligence to X": the needed word is what is given, not to whom
        if a.mention is not None and a.mention.value.get("form") == "keyword" and a.last + 1 < len(sent.tokens) \
                and _modifier(sent.tokens[a.last + 1].low):
            continue  # "military talks", "police reform": a keyword used as an adjective
        prep, nested = _governing_prep(sent, m.last, a.first, allowed)
        if prep == "between":
            continue  # handled as a reciprocal pair
        if prep == "vp":
            score = 1 if t.governs else 0  # the object of another verb ("to combat the cartels")
        elif prep is None:
            score = 3 if "object" in allowed else (1 if t.governs else 0)
        elif prep in allowed:
            score = 2 if nested else 3
        elif t.governs:
            score = 2
        elif prep in ("in", "inside", "into", "near", "across") and t.type in ("ASSAULT", "MOBILIZE", "COERCE"):
            score = 1
        else:
            score = 0
        if score == 0:
            continue
        foreign = 1 if (a.actor.country and a.actor.country not in own) or not own else 0
        key = (score, foreign, -a.first)
        if best is None or key > best[0]:
            label = "fallback" if fallback and (prep or "object") not in t.recipient else "recipient"
            best = (key, a, f"{label}:{prep or 'object'}" + ("-nested" if nested else ""))
    if best is None:
        return None
    chosen = best[1]
    group = _with_following(sent, chosen, hi)
    return group, best[2]


FALLBACK_REACH = 12  # tokens from the trigger: "suspended part of a military aid program for Bosnia"
NEW_PREDICATE = frozenset({"that", "which", "who", "whom", ","})


def _near_object(sent: Sentence, trig_last: int, cand_first: int) -> bool:
    """The candidate is close to the trigger with no new predicate or clause opening between."""
    if cand_first - trig_last > FALLBACK_REACH:
        return False
    return not any(t.low in NEW_PREDICATE for t in sent.tokens[trig_last + 1:cand_first])


def reporting_subject(sent: Sentence, a: ActorRef, lex: EventLexicon) -> bool:
    """Whether the actor is the one a report is credited to: the subject of a reporting verb
    after a comma (", Human Rights Watch said"), or the object of "according to"."""
    toks = sent.tokens
    j = a.last + 1
    # "the United Nations Observer Mission in Angola (MONUA) said": the rest of the source's name
    while j < len(toks) and j - a.last <= 8 and (toks[j].text[:1].isupper() or toks[j].low in ("in", "of", "(", ")")):
        j += 1
    while j < len(toks) and (toks[j].low in lex.adverbs or toks[j].low in ("has", "have", "had")):
        j += 1
    if j < len(toks) and toks[j].low in lex.words("reporting"):
        k = a.first - 1
        while k >= 0 and (toks[k].low in ("the", "a", "an") or (toks[k].low.isalpha() and toks[k].low.islower()
                                                                 and k > a.first - 4 and toks[k].low not in
                                                                 PREPOSITIONS)):
            k -= 1
        if k < 0 or toks[k].low in (",", "and", "“", '"', "”"):
            return True
    k = a.first - 1
    while k >= 0 and toks[k].low in ("the", "a", "an"):
        k -= 1
    return k >= 1 and toks[k].low == "to" and toks[k - 1].low == "according"


def _modifier(nxt: str) -> bool:
    return nxt.isalpha() and nxt.islower() and nxt not in PREPOSITIONS and nxt not in (
        "and", "or", "were", "was", "is", "are", "have", "has", "had", "who", "which", "that", "said", "say", "says",
        "will", "would", "could", "may", "might", "as")  # "designated the cartels as ...": not a modifier


def _with_following(sent: Sentence, first: ActorRef, hi: int) -> list[ActorRef]:
    """The actor and those coordinated after it: "X and Y", "X, Y and Z" (a comma alone is not enough)."""
    chain = [first]
    links = []
    tail = first
    while True:
        nxt = [a for a in sent.actors if a.first > tail.last and a.first <= hi]
        if not nxt:
            break
        n = nxt[0]
        gap = [t.low for t in sent.tokens[tail.last + 1:n.first]]
        if not gap or not all(g in CONJ_LINKS or g == "the" for g in gap) or ("and" not in gap and "," not in gap):
            break
        chain.append(n)
        links.append("and" in gap or "or" in gap)
        tail = n
    while links and not links[-1]:  # a trailing comma link is an apposition or a new clause
        links.pop()
        chain.pop()
    return [a for c in chain for a in sent.actors if (a.first, a.last) == (c.first, c.last)]


def _governing_prep(sent: Sentence, trig_last: int, cand_first: int, allowed: set[str]) -> tuple[str | None, bool]:
    """The preposition the candidate hangs from ("vp" when another verb governs it), and whether
    it hangs from an allowed preposition further back ("strikes on vessels linked to Venezuela")."""
    toks = sent.tokens
    nearest = None
    for j in range(cand_first - 1, trig_last, -1):
        low = toks[j].low
        if low == ",":
            break
        if j - 1 > trig_last and toks[j - 1].low == "to" and low.isalpha() and low.islower() \
                and low not in DETERMINERS and low not in QUANTIFIERS and nearest is None:
            return "vp", False
        if low == "to" and j - 1 > trig_last and toks[j - 1].low == "up":
            continue  # "kidnapped up to 16 advisers": a quantity, not a preposition
        if low == "at" and j + 1 < len(toks) and toks[j + 1].low in ("least", "most"):
            continue  # "killed at least eight leaders"
        if low in PREPOSITIONS:
            if nearest is None:
                nearest = low
                if low in allowed:
                    return low, False
            elif low in allowed:
                return low, True
    return nearest, False


def _is_self(a: ActorRef, actors: list[ActorRef]) -> bool:
    return any(a.actor.name == b.actor.name or (a.actor.id and a.actor.id == b.actor.id and a.actor.id.startswith(
        ("local:",)) ) or (a.first, a.last) == (b.first, b.last) for b in actors)


def drop_self(r: Roles, bare_country: bool = True) -> None:
    own = {a.actor.country for a in r.actors if a.actor.country} if bare_country else set()
    # "Trump threatened U.S. strikes": a bare country word of the actor's own country is not its target.
    r.recipients = [x for x in r.recipients if not _is_self(x, r.actors)
                    and not (x.actor.sector is None and x.actor.country in own)]
    if not r.recipients:
        r.recipient_rule = None


def _nominal(sent: Sentence, m: Match, lex: EventLexicon) -> Roles:
    r = Roles()
    toks = sent.tokens
    # "between Trump and Sheinbaum": both sides are actors of a reciprocal event.
    if m.last + 1 < len(toks) and toks[m.last + 1].low == "between":
        after = [a for a in sent.actors if a.first > m.last + 1]
        if after and after[0].first - (m.last + 1) <= 3:
            group = _with_following(sent, after[0], sent.clause_bounds(after[0].first)[1])
            if len(group) > 1:
                r.actors, r.actor_rule, r.reciprocal = group, "between", True
                return r
    # "Trump's threat", "U.S. strikes", "Iran's renewed missile attacks"
    j = m.first - 1
    skipped = 0
    while j >= 0 and skipped < 3 and not any(a.last == j for a in sent.actors) \
            and (toks[j].low in QUANTIFIERS or (toks[j].low in DETERMINERS and toks[j].low not in PREPOSITIONS)
                 or toks[j].low in ("‘", "'", "“", "-") or (toks[j].low.isalpha() and toks[j].low.islower()
                                                             and toks[j].low not in PREPOSITIONS
                                                             and toks[j].low not in lex.light_verbs)):
        if toks[j].low in ("the", "a", "an"):
            break
        j -= 1
        skipped += 1
    owner = [a for a in sent.actors if a.last == j and a.actor.sector != "MED"]
    if owner and (toks[j].low.endswith("'s") or toks[j].low in ("'", "’") or (owner[-1].mention is not None
                  and owner[-1].mention.value.get("form") in ("name", "adjective", "group", "org", "metonym",
                                                                 "person", "capital"))):
        r.actors = _with_coordinated(sent, owner[-1], [a for a in sent.actors if a.last <= j])
        r.actor_rule = "nominal-possessive"
        return r
    if m.last + 1 < len(toks) and toks[m.last + 1].low == "by":
        agent = _by_agent(sent, m.last)
        if agent:
            r.actors, r.actor_rule = agent, "nominal-by"
            return r
    lv = light_verb(sent, m, lex)
    if lv is not None:
        r.actors, rule = verb_subject(sent, lv, inflection(sent.tokens[lv].low), lex)
        if not r.actors:
            r.actors = _fronted_participle_at(sent, lv, lex)
        r.actor_rule = ("light-verb-subject" if rule in ("subject", None) else f"light-verb-{rule}") \
            if r.actors else None
    return r


def _fronted_participle_at(sent: Sentence, i: int, lex: EventLexicon) -> list[ActorRef]:
    """The main clause's subject, for an -ing form in a fronted adjunct ("After authorizing ..., he")."""
    if not sent.tokens[i].low.endswith("ing"):
        return []
    lo, _ = sent.clause_bounds(i)
    if sent.tokens[lo].low not in FRONTED and lo != 0:
        return []
    comma = next((j for j in range(i + 1, len(sent.tokens)) if sent.tokens[j].low == ","), None)
    if comma is None:
        return []
    after = [a for a in sent.actors if a.first > comma]
    if after and after[0].first - comma <= 2:
        return _with_coordinated(sent, after[0], after)
    return []


def light_verb(sent: Sentence, m: Match, lex: EventLexicon) -> int | None:
    """Index of a light verb governing the noun ("launched at least 20 strikes"), if any."""
    toks = sent.tokens
    j = m.first - 1
    steps = 0
    while j >= 0 and steps < 5:
        low = toks[j].low
        if low in ("to", "and", "or", ","):
            return None  # "to justify military action": another verb's object
        if low in lex.light_verbs:
            return j
        for p in lex.light_phrases:
            if j - len(p) + 1 >= 0 and all(toks[j - len(p) + 1 + k].low == w for k, w in enumerate(p)):
                return j - len(p) + 1
        if not (low in QUANTIFIERS or NUMBER.match(low) or low in ("‘", "“", "-", ",")
                or (low.replace("-", "").isalpha() and low.islower() and low not in PREPOSITIONS
                    and low not in lex.be_forms)):
            return None
        if any(a.first <= j <= a.last for a in sent.actors) and not toks[j].low.endswith("'s"):
            return None
        j -= 1
        steps += 1
    return None
