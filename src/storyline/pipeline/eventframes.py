"""Two verb frames that change who the parties of an event are: directives and sending.

Takes a `Sentence` (eventclause.py) and gives:

- `directive(sent, m, lex)`: for a trigger verb in "ordered / directed / instructed X to V Y",
  where X is the director's own agency (same country or none: "signed an order directing the
  State Department to designate cartels"), the directive verb's index, the agency X and the
  director. The event is then V, by the director (else by X), against V's object; the directive
  verb and a noun it hangs on ("an executive order directing") are no events of their own
  (events.py drops them). A foreign X ("ordered Iran to halt") is a demand, not a directive:
  None.
- `own_forces(sent, lex)`: rewrites, on the sentence's actor list, the country of a force that
  the clause's subject sends ("Mexico agreed to send 10,000 National Guard troops"): a group
  word without a country, or a generic lexicon entry whose country is only a default (`generic`
  in the mention's value), takes the sender's country.

It does not look beyond the sentence, nor follow a chain of directives ("ordered X to instruct Y
to ...": only the last link is read).
"""

from __future__ import annotations

from ..model import Actor
from .eventclause import NUMBER, QUANTIFIERS, ActorRef, Match, Sentence, inflection
from .eventlex import EventLexicon
from .eventroles import verb_subject

AGENCY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
OWNERS = frozenset({"the", "its", "his", "her", "their", "our", "all", "a", "an"})


def directive(sent: Sentence, m: Match, lex: EventLexicon) -> tuple[int, ActorRef, list[ActorRef]] | None:
    """(directive verb index, the agency directed, the director) for "X ordered its Y to V", or None."""
    toks = sent.tokens
    if m.noun or m.passive or m.statement is not None or m.form.inflection != "base" or m.first < 3 \
            or toks[m.first - 1].low != "to" or not lex.directive_verbs:
        return None
    directed = [a for a in sent.actors if a.last == m.first - 2]
    if not directed:
        return None
    x = directed[-1]
    k = x.first - 1
    while k >= 0 and toks[k].low in OWNERS:
        k -= 1
    if k < 0 or toks[k].low not in lex.directive_verbs or x.actor.sector not in AGENCY_SECTORS:
        return None
    director, _ = verb_subject(sent, k, inflection(toks[k].low), lex)
    director = [a for a in director if a.last < k]
    own = {a.actor.country for a in director if a.actor.country}
    if x.actor.country and own and x.actor.country not in own:
        return None  # "Washington ordered Caracas's envoys to leave": a demand of another state
    return k, x, director


def own_forces(sent: Sentence, lex: EventLexicon) -> None:
    """Give a force sent by the clause's subject that subject's country (in place, on `sent.actors`)."""
    toks = sent.tokens
    if not lex.sending_verbs or not any(t.low in lex.sending_verbs for t in toks):
        return
    for i, t in enumerate(toks):
        if t.low not in lex.sending_verbs:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 4 and (toks[j].low in OWNERS or toks[j].low in QUANTIFIERS
                                                 or NUMBER.match(toks[j].low) or toks[j].low in ("another", "more")):
            j += 1
        sent_ = [n for n, a in enumerate(sent.actors) if a.first == j and a.actor.sector in FORCE_SECTORS
                 and (a.actor.country is None or (a.mention is not None and a.mention.value.get("generic")))]
        if not sent_:
            continue
        sender, _ = verb_subject(sent, i, inflection(t.low), lex)
        countries = {a.actor.country for a in sender if a.actor.country and a.last < i}
        if len(countries) != 1:
            continue
        country = countries.pop()
        for n in sent_:
            a = sent.actors[n]
            if a.actor.country == country:
                continue
            actor = Actor(name=a.actor.name, country=country, sector=a.actor.sector,
                          id=country + (a.actor.sector or ""))
            sent.actors[n] = ActorRef(a.first, a.last, actor, a.mention, f"{a.rule}+own-forces:{country}")
