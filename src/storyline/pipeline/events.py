"""The PLOVER event coder: `code(doc)` appends `Event` records to `doc.events`.

Takes a `Document` after the parse stage (its token layer: lemmas, parts of speech, dependency
tree) and the dates, actors, places and quotes stages. For each parsed sentence:

1. triggers (eventmatch.py): words whose lemma and tree fit a reading of `lexicon/triggers.yaml`;
2. scope: a trigger that carries content (a threat, demand, promise, accusation, refusal:
   `governs`) takes the triggers in its complement as its content, which only give it a mode:
   "threatened to launch strikes" is one THREATEN (mode violence), not also an ASSAULT; a noun
   compounded on another ("strike threats") is part of it; a casualty verb under an attack
   ("..., killing 14 people") is its magnitude; a directive to one's own forces ("ordered the
   navy to strike") is the act directed, by the one who directed it;
3. roles (eventroles.py): actor and recipient from the tree and the document context, one event
   per actor-recipient pair; a reciprocal reading with a compound actor gives one event per pair of
   parties for a type with no direction (a meeting, an agreement), both directions for another (fighting);
4. status (eventstatus.py); a planned or conditional act announced by its own actor becomes the
   manual's single category (plover.yaml `future_as`: an announced strike is a THREATEN); a
   negated cooperative act announced by its actor is a REJECT; a deliberation reported by
   someone else ("was considering strikes, a network reported") stays hypothetical;
5. circumstances (eventattrs.py): own date, place, magnitude, the source credited, intensity,
   and whether the event is background (a recap of an earlier one).

Every event keeps the sentence as evidence, the trigger's offsets and a `rule` naming the
lexicon entry and each decision ("triggers.yaml:verb:threaten; actor=subject; recipient=object;
status=planned(will); future-as=ASSAULT->THREATEN(self)") that `storyline.explain` renders.

Precision before recall: no event without an actor, except an agentless passive act of force,
coercion, sanction or charge with a named victim ("was sentenced", "was charged with treason",
"was put under investigation", "went on trial"), a release or rescue of people whose side is said
("two Kenyan journalists were freed"), an act of force named by a noun and told by its toll or its
victims ("the bombing of the embassy killed twelve", "five soldiers were killed in an ambush", "died
under torture"), a bomb that exploded, and an attempt on a life ("an attempt to assassinate the
governor was foiled"). An official act by no one named is the state's where it is done; attackers
no one names are coded to the country of a place in the act's own clause when the document has no
other strike to go by. A subject no lexicon knows (a bare surname, "both sides", a pronoun with no
one named before it outside a quotation) is an actor of unknown country (the act is told, only who
did it is not known); a nominal trigger needs an actor attached to it in the tree (a possessor, a
country word, "by X", "between A and B", the subject of a light verb or of a verb of its own type);
a participle describing a noun is no trigger. On a page that is not about public life (it names fewer
than three actors of a public sector, and seldom: a film review, a product page, a match report, a
firm's news), an act of a named party that is no public one, done to no public party, is dropped: the
quarrels, deals and promises of singers, coaches and firms are not political events (a capital named
there is a city or a club, not its government). It does not merge
an event told twice (the link stage does).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from ..model import Actor, Document, Event, Mention, Quote, Span
from ..plover import (
    CLAUSE_RECIPIENT,
    COUNTED_TARGETS,
    COUNTERPART,
    FUTURE_COOPERATION,
    NEEDS_RECIPIENT,
    PLACE_TARGET,
    PROMISED_FORCE,
    RECIPROCAL,
    REFUSABLE,
    SAME_TYPE_RECIPIENT,
)
from . import eventmatch
from .actors import stance_country
from .eventattrs import DateRef, background, commonest_party, event_date, event_place, magnitude, reported_by
from .eventlex import EventLexicon, lexicon
from .eventmatch import Hit, is_word
from .eventroles import (
    COUNTERPART_SECTORS,
    FIRST_PERSON,
    PERSON_PRONOUNS,
    Context,
    Ref,
    Roles,
    actor_nouns,
    claim_subject,
    coordinated_acts,
    envoy,
    envoy_mention,
    ethnic,
    fallback_recipient,
    first_conjunct_recipients,
    frame_compound,
    free_relative,
    governing_light_verb,
    host_argument,
    mention_actor,
    mutual_noun,
    named_person,
    nominal_actor,
    objects,
    people_recipients,
    pronoun_person,
    real_passive,
    recipients,
    refs_at,
    shared_objects,
    subject_of,
    unknown_recipients,
)
from .eventstatus import UNCOMMITTED, Status, operation_purpose, status
from .tree import CLAUSAL, OBJECTS, Sentence, sentences

REFERENCE_LINE = re.compile(r"\s*\[\d{1,3}\]")
CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure"})
# Dying of an act of force a noun names: "died under torture", "died in the attack", "died of the beating".
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
DYING_LEMMAS = frozenset({"die", "perish"})
DYING_PREPOSITIONS = frozenset({"in", "under", "of", "from", "during", "after"})
# Acts told in the passive with no agent that are still events: force, coercion, and the authorities'
# sanctions and charges ("was sentenced", "was charged with treason"); not a criticism by no one named.
AGENTLESS = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE"})
# Nouns of acts done by the one an "of" phrase names: "the visit of the president", "the resignation of the
# minister" (unlike "the release of the hostages", done to them).
AGENT_OF_MODES = frozenset({"visit", "resign"})
# Nouns of a message whose participle tells a verbal act by its author: "a statement condemning the raid".
MESSAGE_NOUNS = frozenset({"statement", "message", "letter", "communique", "communiqué", "note", "report",
                           "declaration", "resolution", "memo", "memorandum", "editorial", "speech", "address"})
# Verbs that set up or send a body whose purpose clause is then under way: "sent experts to investigate".
SETTING_UP = frozenset({"send", "dispatch", "set", "appoint", "establish", "form", "create", "name", "convene",
                        "commission", "task", "deploy"})
# Acts that, aimed at no party named, fall on the people of the country where they are done.
DOMESTIC_TARGET = frozenset({"CONCEDE", "COERCE", "PROTEST", "ASSAULT"})
HOME_ACTS = frozenset({"CONCEDE", "COERCE", "PROTEST"})  # with no one named, done to the actor's own country
# Generic victims of an act of force or coercion in a town, who are taken to be its people or its forces.
PLACE_PEOPLE = frozenset({"CVL", "MIL", "COP", "MED", "OPP", "REL", "EDU", "BUS"})
# Official acts whose actor, when no one is named, is the state of the country where they are done.
AUTHORITIES_ACTS = frozenset({"ACCUSE", "COERCE", "SANCTION"})
# Of the accusations, those only a state's authorities make: "was charged in Spain" is the Spanish
# authorities' act, "was accused of fraud in Spain" or "was criticised in Madrid" may be anyone's.
OFFICIAL_ACCUSATIONS = frozenset({"charge", "indict", "indictment", "prosecute", "prosecution", "arraign", "trial",
                                  "try", "convict", "investigate", "investigation", "probe", "interrogate", "summon"})
# Acts told in the passive by no one named whose recipient is the subject: "the hostages were released",
# "the dissident was granted asylum", "the crew was rescued".
AGENTLESS_RECEIVED = frozenset({("RETREAT", "release"), ("AID", None)})
# Acts of cooperation told in the passive with no giver, who is the document's main counterpart of the receiver.
PASSIVE_COUNTERPART = frozenset({"COOPERATE"})
NOT_PROSE = (":reference", ":heading", ":term")  # quotation kinds (quotes.py rules) that report nothing
CONTENT_DEPS = ("xcomp", "ccomp", "dobj", "obj", "prep", "attr", "oprd", "acomp", "dative", "pcomp")
NOUN_CONTENT_DEPS = ("prep", "acl", "ccomp", "relcl")
MEETING_NOUNS = frozenset({"conference", "summit", "meeting", "talk", "talks", "negotiation", "negotiations", "session",
                           "consultation", "consultations", "dialogue", "round"})
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Verbs of taking a person by force: the armed forces of one state taking another state's leader or
# official is an abduction (ASSAULT), not an arrest.
SEIZING = frozenset({"capture", "seize", "snatch", "grab"})
# A proposal of one's own act of help is an offer (AGREE): "offered in a proposal to fly in medics".
PROPOSING = frozenset({"propose"})
OFFERABLE = frozenset({"MOBILIZE", "AID", "COOPERATE"})
VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"})
TIME_PREPOSITIONS = frozenset({"during", "after", "before", "following", "since", "amid", "despite"})
# Types of a verb that undoes or defies a measure it names ("lifted the curfew", "violated the ban").
UNDOING = frozenset({"CONCEDE", "RETREAT", "REJECT"})
LOCAL_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD"})
# Sectors of public life: a page naming actors of these is news of public life; one that names fewer than
# PUBLIC_NAMES of them, and no more than PUBLIC_MENTIONS times, is about something else (a film, a
# product, a match, a firm). The signal needs a page of MIN_PAGE_SENTENCES sentences or more.
PUBLIC_SECTORS = frozenset({"GOV", "IGO", "MIL", "REB", "SPY", "COP", "LEG", "PTY", "OPP", "NGO", "JUD", "CRM",
                            "INS"})
PUBLIC_NAMES = 3
PUBLIC_MENTIONS = 5
MIN_PAGE_SENTENCES = 3
# Sectors of a generic actor with no country known that belong where they act: civilians, students,
# the opposition, clergy, business, the police.
PEOPLE_SECTORS = frozenset({"CVL", "EDU", "OPP", "REL", "BUS", "COP"})
NO_MAGNITUDE: dict[str, int | None] = {"killed": None, "injured": None, "count": None}


def warm() -> None:
    lexicon()
    actor_nouns()


def code(doc: Document) -> Document:
    """Append the PLOVER events of every parsed sentence to `doc.events`."""
    if not doc.text or not doc.tokens:
        return doc
    lex = lexicon()
    quotes = list(doc.quotes)
    ctx = Context(doc.mentions, [q for q in quotes if not any(k in q.rule for k in NOT_PROSE)], doc.text)
    dates = sorted((m for m in doc.mentions if m.kind == "date"), key=lambda m: m.span.start)
    date_starts = [m.span.start for m in dates]
    places = sorted((m for m in doc.mentions if m.kind == "place"), key=lambda m: m.span.start)
    place_starts = [m.span.start for m in places]
    not_prose = [q.span for q in quotes if any(k in q.rule for k in NOT_PROSE)]
    reference = _reference_date(doc, dates)
    for sent in sentences(doc.tokens, doc.sentences, doc.mentions):
        if REFERENCE_LINE.match(sent.span.text) or any(q.start <= sent.span.start < q.end for q in not_prose):
            continue
        if doc.sentence_language.get(sent.index, doc.language) not in (None, "en"):
            continue
        hits = eventmatch.find(sent, lex)
        previous, ctx.previous = ctx.previous, _main_subject(sent, ctx, lex)
        # the dates inside the sentence, all an event of it is dated from (a long document stays linear)
        own_dates = dates[bisect.bisect_left(date_starts, sent.span.start):
                          bisect.bisect_left(date_starts, sent.span.end)]
        previous_dates, ctx.previous_dates = ctx.previous_dates, own_dates
        if not hits and not _modal_frame_candidate(sent, lex) and not _failed_measure_candidate(sent, lex) \
                and not _blame_candidate(sent, lex):
            continue
        ctx.previous, current = previous, ctx.previous
        ctx.previous_dates, current_dates = previous_dates, ctx.previous_dates
        quote = ctx.quote_at(sent.tok(sent.first).start) or ctx.quote_at(sent.tok(sent.end - 1).start)
        attribution = _attribution_dates(doc, quote, dates) if quote else []
        # and the places inside it: every use is a token of the sentence
        here = places[bisect.bisect_left(place_starts, sent.span.start):
                      bisect.bisect_left(place_starts, sent.span.end)]
        doc.events.extend(code_sentence(sent, hits, ctx, own_dates, attribution, here, quote, reference, lex))
        ctx.previous, ctx.previous_dates = current, current_dates
    _document_roles(doc.events, ctx)
    _proposals_to_the_measures_owner(doc.events, doc.text)
    if not _about_public_life(doc):
        cities = {m.value.get("name") for m in doc.mentions if m.kind == "actor" and m.value.get("form") == "capital"}
        doc.events = [e for e in doc.events if not _private_act(e, cities)]
    return doc


def _about_public_life(doc: Document) -> bool:
    """Whether the page is about public life at all: it names at least PUBLIC_NAMES distinct actors of a
    public sector (a government, a ministry, forces, a court, the police, a party, an armed group, an
    international body, a public organisation), or names fewer but often. A film review, a product page,
    a match report or a firm's news names none or one or two in passing. A text too short to tell (a
    single sentence, a headline) counts as about public life."""
    if len(doc.sentences) < MIN_PAGE_SENTENCES:
        return True
    public = [m for m in doc.mentions if m.kind == "actor" and m.value.get("sector") in PUBLIC_SECTORS
              and m.value.get("form") != "capital"]
    names = {m.value.get("ref") or m.value.get("name") or m.span.text for m in public}
    return len(names) >= PUBLIC_NAMES or len(public) > PUBLIC_MENTIONS


def _public_party(a: Actor | None, cities: set[str | None] | None = None) -> bool:
    return a is not None and (a.sector in PUBLIC_SECTORS or _state_itself(a)) and a.name not in (cities or ())


def _private_act(e: Event, cities: set[str | None]) -> bool:
    """On a page not about public life: an act whose named doer is no public party (a person, a firm, a
    studio, a team), done to no public party ("the singer accused her label", "the coach agreed a deal",
    "the retailer's deals went live") is not a political event. An act with no doer named, and one done by
    or to a state, its bodies or an armed group, stays ("officers shot a man", "fans boycotted Ruritania").
    There a capital city is the place, or a club, not its government ("phoning in from Paris", "the
    London side"): the `cities` named as capitals on the page count as no public party, nor toward the
    page's public actors."""
    return e.actor is not None and not _public_party(e.actor, cities) and not _public_party(e.recipient, cities)


def _own_forces(side: Actor, target: Actor | None) -> bool:
    """The target is the state's own government or forces (or its people of no sector named): no side a
    state's strikes in the document are by is the one that struck them."""
    return target is not None and side.country is not None and target.country == side.country \
        and side.sector in ("GOV", "MIL") and target.sector in (None, "GOV", "MIL")


HOSTILE = frozenset({"CRM", "REB", "INS"})  # whom a state's forces strike when its communiqué names no country


def _same_party(a: Actor, b: Actor | None) -> bool:
    """The same party named twice ("protesters" and "Protesters", a country with and without its code)."""
    return b is not None and ((a.id is not None and a.id == b.id)
                              or (bool(a.name) and (a.name or "").casefold() == (b.name or "").casefold()))


# Nouns of fighting between sides: a toll told of them is no single side's strike.
FIGHTING_BETWEEN = frozenset({"fighting", "clash", "clashes", "hostilities", "war", "battle", "battles", "combat",
                              "crossfire", "skirmish", "skirmishes"})


def _document_roles(events: list[Event], ctx: Context) -> None:
    """Roles the sentence leaves open, from the rest of the document: "the strikes" with no target
    named takes the target of the document's other strikes by the same side; a rejection or a demand
    by one state with no one named is addressed to the document's main counterpart; an agentless
    strike takes the side the document's other strikes are by. Each is marked in the rule."""
    for e in events:
        if e.actor is None and e.type == "ASSAULT" and e.trigger.text.lower() in FIGHTING_BETWEEN:
            continue  # "2,500 civilians have been killed in the fighting": a toll of a war of several sides, no one's
        if e.actor is None and e.type in ("ASSAULT", "COERCE"):  # first, so the victims' rule below sees the side
            side = commonest_party([x for x in events if x.type == e.type], "actor", _key, events)
            if side is not None and (_own_forces(side, e.recipient) or _same_party(side, e.recipient)):
                side = None  # "a US helicopter shot down": a state does not strike its own forces, nor
                # "40 protesters have been killed" the protesters who attacked police stations before
            if side is not None:
                e.actor = side
                e.rule = re.sub(r"actor=[\w-]+", "actor=document-same-type", e.rule, count=1)
                e.confidence = round(max(0.05, e.confidence - 0.15), 2)
            if e.actor is None and e.type == "ASSAULT" and e.location and e.location.get("country") \
                    and e.location.get("precision") in ("city", "admin", "country") and "place-in-clause" in e.rule:
                # "an attempt on the governor's life was foiled in Tyumen": attackers no one names, with
                # no other strike in the document to go by, are coded to the country where they struck
                e.actor = Actor(name="unidentified attackers", country=str(e.location["country"]))
                e.rule = re.sub(r"actor=[\w-]+", "actor=place-of-attack", e.rule, count=1)
                e.confidence = round(max(0.05, e.confidence - 0.15), 2)
            if e.recipient is None:
                target = commonest_party([x for x in events if x.type == e.type], "recipient", _key, events)
                if target is not None:
                    e.recipient = target
                    e.rule = e.rule.replace("recipient=none", "recipient=document-same-type")
    for e in events:
        if e.type == "ASSAULT" and e.recipient is not None and e.recipient.sector == "CVL" and e.recipient.id is None \
                and e.actor is not None:
            # "the operations have killed 57 people": the victims of a side's campaign are whom its other
            # strikes in the document are said to hit, when those are named: a party, not a person no
            # lexicon knows ("an officer shot Mayor Holt"), and only for a side whose country is known
            named = commonest_party([x for x in events if x.type == "ASSAULT" and x.recipient is not None
                                     and x.recipient.sector not in (None, "CVL")
                                     and not (x.recipient.id or "").startswith("local:")
                                     and x.actor is not None and e.actor.country
                                     and x.actor.country == e.actor.country], "recipient", _key, events)
            if named is not None:
                e.recipient = named
                e.rule += "; victims=document-same-side"
        if e.recipient is None and e.actor is not None and e.type in SAME_TYPE_RECIPIENT:
            target = commonest_party([x for x in events if x.type == e.type and x.actor is not None
                                      and x.actor.country == e.actor.country and "document-" not in x.rule],
                                     "recipient", _key, events)
            if target is not None:
                _recipient_from_document(e, target, "document-same-type", 0.1)
                continue
        if e.recipient is None and e.actor is not None and e.type == "THREATEN" and e.mode == "violence":
            # "we will keep bombing these targets, the minister vowed": a threat of force by the side whose
            # strikes the document tells is against whom they hit
            strikes = [x for x in events if x.type == "ASSAULT"]
            struck = commonest_party([x for x in strikes if x.recipient is not None and x.actor is not None
                                      and x.actor.country == e.actor.country
                                      and x.recipient.sector not in (None, "CVL") and "document-" not in x.rule],
                                     "recipient", _key, strikes)
            if struck is not None:
                _recipient_from_document(e, struck, "document-struck", 0.1)
                continue
        if e.recipient is None and e.actor is not None and "; also" in e.rule:
            same = [x.recipient for x in events if x.type == e.type and x.recipient is not None and x.actor is not None
                    and x.evidence.start < e.evidence.start and x.actor.country != e.actor.country
                    and x.recipient.country != e.actor.country]
            if same:
                _recipient_from_document(e, dataclasses.replace(same[-1]), "document-also", 0.1)
                continue
        if e.recipient is None and e.actor is not None and "condemned-act=" in e.rule:
            # "the United States condemned the attack": the side the page's latest act of force or coercion
            # before it is by, when that is another side than the one condemning
            done = [x.actor for x in events if x.type in ("ASSAULT", "COERCE") and x.actor is not None
                    and x.actor.country and x.actor.country != e.actor.country and not x.background
                    and x.evidence.start < e.evidence.start]
            if done:
                _recipient_from_document(e, dataclasses.replace(done[-1]), "document-act-party", 0.1)
                continue
        if e.recipient is None and e.actor is not None and e.actor.country and e.type in COUNTERPART \
                and "recipient=none" in e.rule and e.actor.sector in COUNTERPART_SECTORS:
            other = ctx.counterpart(e.actor.country)
            if other is not None:
                _recipient_from_document(e, other, "document-counterpart", 0.15)
    _visit_orientation(events)
    # The manual's "requires recipient" types are no events without one.
    events[:] = [e for e in events if not (e.type in NEEDS_RECIPIENT and e.recipient is None)]


def _proposals_to_the_measures_owner(events: list[Event], text: str) -> None:
    """Proposing to suspend or lift a measure that another state has imposed on one's own country ("he
    proposed lifting the duties", where the document tells the other president imposed them) asks that
    state to do it: the manual's REQUEST to it, not an offer of one's own. The measure is the trigger word of
    the document's sanction, named after the proposed verb in the sentence."""
    for e in events:
        if e.type != "AGREE" or not any(f"future-as=CONCEDE->AGREE(self,{cue})" in e.rule for cue in PROPOSING) \
                or e.actor is None or not e.actor.country:
            continue
        after = text[e.trigger.end:e.evidence.end].lower()
        own = e.actor.country
        owners = {s.actor.country for s in events if s.type == "SANCTION" and s.actor is not None
                  and s.actor.country and s.actor.country != own
                  and (s.recipient is None or s.recipient.country in (None, own))
                  and re.search(rf"\b{re.escape(s.trigger.text.lower())}\b", after)}
        if len(owners) == 1:
            owner = next(s.actor for s in events if s.type == "SANCTION" and s.actor is not None
                         and s.actor.country in owners)
            e.type, e.mode, e.recipient = "REQUEST", None, owner
            e.rule = e.rule.replace("recipient=none", "recipient=measure-owner") + "; proposal-to-measure-owner"


def _recipient_from_document(e: Event, party: Actor, how: str, cost: float) -> None:
    """Give an event the recipient the rest of the document gives it: marked `recipient=<how>` in its rule,
    its confidence lowered by `cost`."""
    e.recipient = party
    e.rule = e.rule.replace("recipient=none", f"recipient={how}")
    e.confidence = round(max(0.05, e.confidence - cost), 2)


def _visit_orientation(events: list[Event]) -> None:
    """A visit has a direction, from the visitor to the host. A meeting of the same two countries told
    with none of its own, in the visit's sentence or after it ("held talks with him during his visit";
    "during the meeting, the president said"), is oriented as the visit: from the visitor's side."""
    visits = [v for v in events if v.type == "CONSULT" and v.mode == "visit" and v.actor is not None
              and v.recipient is not None and v.actor.country and v.recipient.country
              and v.actor.country != v.recipient.country]
    for e in events:
        if e.type != "CONSULT" or e.mode == "visit" or e.actor is None or e.recipient is None \
                or "recipient=reciprocal" in e.rule or "actor=between" in e.rule:
            continue
        for v in visits:
            assert v.actor is not None and v.recipient is not None
            if (e.actor.country, e.recipient.country) == (v.recipient.country, v.actor.country) \
                    and v.evidence.start <= e.evidence.start:
                e.actor, e.recipient = e.recipient, e.actor
                e.rule += "; oriented=visit"
                break


def _main_subject(sent: Sentence, ctx: Context, lex: EventLexicon) -> list[Ref]:
    refs, _ = subject_of(sent, sent.root(), ctx, lex)
    return refs


def _reference_date(doc: Document, dates: list[Mention]) -> dt.date | None:
    """The article's date, else the newest date it names: what 'long ago' is measured from."""
    values = [doc.published] if doc.published else [str(d.value["value"]) for d in dates if d.value.get("value")]
    best = None
    for v in values:
        try:
            d = dt.date.fromisoformat(v[:10] if len(v) >= 10 else (v + "-01")[:10] if len(v) == 7 else v + "-01-01")
        except (ValueError, TypeError):
            continue
        best = d if best is None or d > best else best
    return best


def code_sentence(sent: Sentence, hits: list[Hit], ctx: Context, dates: list[Mention], attribution: list[Mention],
                  places: list[Mention], quote: Quote | None, reference: dt.date | None,
                  lex: EventLexicon) -> list[Event]:
    if _sport(sent, lex):
        return []
    hits = [h for h in hits if not _stative_support(sent, h, lex) and not _shown(sent, h)
            and not _self_harm(sent, h) and not _forecast(sent, h, lex) and not _other_sense(sent, h, ctx, lex)]
    kept, content, directed = _scope(sent, hits, ctx, lex)
    needed = {k for h in kept if not h.noun and h.trigger.needs for k in sent.children(h.head, "dobj", "obj")
              if any(eventmatch.is_word(sent, k, w) for w in h.trigger.needs if " " not in w)}
    kept = [h for h in kept if not (h.noun and h.head in needed)]  # "signed an agreement": the signing tells it
    marching = {h.head for h in kept if h.trigger.type == "PROTEST"} | {
        v for h in kept if h.trigger.type == "PROTEST" and h.noun
        for v in [governing_light_verb(sent, h.head, lex)] if v is not None}
    kept = [h for h in kept if not _protest_topic(sent, h, marching)]
    out: list[Event] = []
    seen: set[tuple] = set()
    frames, taken = _demand_frames(sent, kept, ctx, lex)
    kept = [h for h in kept if id(h) not in taken]
    out.extend(frames)
    out.extend(_failed_measures(sent, ctx, dates, attribution, lex))
    out.extend(_blame_frames(sent, kept, ctx, lex))
    approvals, taken = _approval_frames(sent, kept, ctx, dates, attribution, lex)
    kept = [h for h in kept if id(h) not in taken]
    out.extend(approvals)
    main: list[Event] = []
    aside: list[Event] = []
    for h in kept:
        ev = _code_hit(sent, h, content.get(id(h), []), directed.get(id(h)), ctx, dates, attribution, places,
                       quote, reference, lex)
        for e in ev:
            key = (e.type, _key(e.actor), _key(e.recipient), e.status, e.trigger.start)
            if _game_won(sent, e) or _offer_for_sale(sent, h, e) or _private_quarrel(sent, h, e, lex) \
                    or _commercial_deal(sent, h, e):
                continue
            if key not in seen:
                seen.add(key)
                out.append(e)
                (aside if _subordinate(sent, h.head) else main).append(e)
    out = [e for e in out if not _business_only(e)]
    main = [e for e in main if not _business_only(e)]
    told = [e.confidence for e in main if e.status == "asserted"]
    for e in aside:  # the sentence's own act ranks above what a relative or adverbial clause adds to it
        if told and e.confidence >= max(told):
            e.confidence = round(max(0.05, max(told) - 0.05), 2)
    return out


SCORE = re.compile(r"(?<![\w-])\d{1,2}-\d{1,2}(?![\w-])")
# a result line: "Hornets 3, Rangers 1", each side's name and goals
SCORE_LINE = re.compile(r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)* \d{1,2}, [A-Z][\w.]*(?: [A-Z][\w.]*)* \d{1,2}\b")
NOT_A_PARTY = ("BUS", "CVL", "EDU", "MED")


def _sport(sent: Sentence, lex: EventLexicon) -> bool:
    """A sentence about a game or a match: two sport words ("scored", "saves"), or one and a score."""
    cues = set(lex.tree_rules.get("sport_cues") or ())
    found = {w for i in sent for w in (sent.tok(i).lemma.lower(), sent.low(i)) if w in cues}
    text = sent.span.text.lower()
    found |= {c for c in cues if " " in c and c in text}
    return len(found) >= 2 or (len(found) == 1 and SCORE.search(sent.span.text) is not None)


def _stative_support(sent: Sentence, h: Hit, lex: EventLexicon) -> bool:
    """ "has 5 percent support from voters", "a poll shows majority support": how many back someone,
    not an act of support."""
    if not (h.noun and h.trigger.type == "SUPPORT"):
        return False
    words = set(lex.tree_rules.get("stative_support") or ())
    near = sent.subtree(h.head, skip=("relcl", "acl"))
    if any(sent.low(k) in words or sent.tok(k).lemma in words for k in near):
        return True
    if any(sent.low(k) == "from" for k in sent.children(h.head, "prep")):
        return True
    v = governing_light_verb(sent, h.head, lex)
    if v is None:
        return False
    if sent.tok(v).lemma == "have":
        return True
    return any(sent.tok(k).lemma in words for s in sent.children(v, "nsubj") for k in sent.subtree(s))


def _shown(sent: Sentence, h: Hit) -> bool:
    """ "demonstrated that the drug works", "demonstrated its resolve": a finding or a quality shown,
    not a street protest (which takes no object)."""
    return (not h.noun and h.trigger.type == "PROTEST" and sent.tok(h.head).lemma == "demonstrate"
            and bool(sent.children(h.head, "dobj", "obj", "ccomp")))


# Verbs whose political sense is done to people ("executed the prisoners", "rounded up dozens of
# protesters"): with an object that is a thing ("executed the plan", "rounded up the votes") the verb
# is in its other sense.
DONE_TO_PEOPLE = frozenset({"execute", "round up", "round"})
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "everything", "something", "nothing"})
THINGS = frozenset({"campaign", "sample", "sampling", "list", "roundup", "vote", "ballot", "signature", "money",
                    "fund", "donation", "data", "figure", "number", "way", "idea", "order", "task", "play", "turn",
                    "script", "routine", "maneuver", "manoeuvre", "trade", "transaction", "contract", "will",
                    "warrant", "design", "project", "operation", "game", "drill", "exercise", "pass", "shot", "kick",
                    "cattle", "sheep", "horse", "stray", "dog", "cat", "animal", "herd", "flock", "item", "thing"})
# What one looks into with the eyes ("looked into the camera"), not a matter one investigates.
SEEN_THINGS = frozenset({"camera", "lens", "eye", "mirror", "sky", "distance", "window", "face", "sun", "crowd",
                         "audience", "microphone", "screen"})
# Idioms of English: "ask for the moon", "promise the earth" (to ask or promise too much), "make a big
# deal of it" (to fuss), "ask not to be named" (a source's anonymity).
IDIOM_OBJECTS = frozenset({"moon", "earth", "stars"})
BIG = frozenset({"big", "great", "huge", "much", "no"})
NAMING = frozenset({"identify", "name", "quote", "disclose", "reveal"})
# Clauses that tell a fact, not a demand: "insisted the plan will work", "insisted that it was safe".
# A demand's clause is a bare verb ("insisted that the army withdraw") or takes "should" or "must".
TELLING_AUX = frozenset({"will", "would", "'ll", "wo", "can", "could", "may", "might", "is", "was", "are", "were",
                         "has", "have", "had", "'s", "'re", "does", "did"})


def _thing_like(sent: Sentence, k: int, depth: int = 0) -> bool:
    """Whether the noun phrase at word k names a thing, not people: "it", a plan, a policy, a campaign, a
    sample, votes; or a quantity of such things ("a handful of votes", "a sample of the replies"). A noun
    of neither kind is taken for people ("the captives", "the defectors")."""
    t = sent.tok(k)
    if sent.mention(k) is not None or t.pos == "PROPN":
        return False
    if sent.low(k) in THING_PRONOUNS or t.lemma in THINGS or t.lemma in STANDS or t.lemma in VIEWS:
        return True
    return depth < 2 and any(_thing_like(sent, o, depth + 1) for p in sent.children(k, "prep")
                             if sent.low(p) == "of" for o in sent.children(p, "pobj"))


def _other_sense(sent: Sentence, h: Hit, ctx: Context, lex: EventLexicon) -> bool:
    """The trigger word in a sense the manual does not code, told by its arguments or a fixed phrase of
    English: "executed the plan", "rounded up the votes" (a thing, not people, undergoes it), "seized on
    his remarks" (to exploit), "looked into the camera", "insisted the plan will work" (a claim, not a
    demand), "asked not to be named", "asking for the moon", "made a big deal of it", and a particle
    verb whose particle heads a phrase of its own after the verb's object ("called the envoy on
    Monday" is no "call on", "giving a speech in the capital" no "give in")."""
    t = sent.tok(h.head)
    lemma = h.trigger.lemma
    if not h.noun and len(h.words) > 1:
        k = h.words[1]  # the particle, heading no word of the phrase itself ("put its troops on alert" stays)
        pobj = sent.children(k, "pobj")
        if sent.tok(k).dep == "prep" and pobj and not set(pobj) & set(h.words) and any(
                h.head < o < k and o not in h.words for o in sent.children(h.head, "dobj", "obj")):
            return True
    if not h.noun and lemma in DONE_TO_PEOPLE and h.trigger.type in ("ASSAULT", "COERCE"):
        objs = sent.children(h.head, "dobj", "obj") or sent.children(h.head, "nsubjpass")
        if objs and all(_thing_like(sent, o) for o in objs):
            return True
    if not h.noun and t.lemma == "seize" and h.trigger.type == "COERCE" and not sent.children(h.head, "dobj", "obj") \
            and any(sent.low(p) in ("on", "upon") and not any(ctx.place_or_date_at(sent.tok(o).start)
                                                              for o in sent.children(p, "pobj"))
                    for p in sent.children(h.head, "prep")):
        return True
    if not h.noun and lemma == "look into":
        objs = [o for p in h.words[1:] for o in sent.children(p, "pobj")]
        if objs and all(sent.tok(o).lemma in SEEN_THINGS for o in objs):
            return True
    if not h.noun and lemma == "insist" and h.trigger.type == "REQUEST":
        for c in sent.children(h.head, "ccomp"):
            aux = {sent.low(a) for a in sent.children(c, "aux", "auxpass")}
            if aux & TELLING_AUX or (not aux and sent.tok(c).tag in ("VBD", "VBZ")):
                return True
    if not h.noun and h.trigger.type == "REQUEST" and t.lemma == "ask":
        for x in sent.children(h.head, "xcomp"):
            if sent.tok(x).lemma in NAMING and sent.children(x, "neg") and sent.children(x, "auxpass"):
                return True
    if h.trigger.type in ("REQUEST", "AGREE") and t.lemma in ("ask", "promise", "offer", "demand"):
        below = [o for o in sent.children(h.head, "dobj", "obj")] + [
            o for p in sent.children(h.head, "prep") if sent.low(p) == "for" for o in sent.children(p, "pobj")]
        if any(sent.tok(o).lemma in IDIOM_OBJECTS and any(sent.low(d) == "the" for d in sent.children(o, "det"))
               for o in below):
            return True
    if h.noun and t.lemma == "deal" and any(sent.low(a) in BIG for a in sent.children(h.head, "amod", "det")):
        return True
    if h.noun and h.trigger.type == "PROTEST" and t.lemma == "rally" and _rally_held(sent, h, lex):
        return True
    if not h.noun and h.trigger.type == "PROTEST" and t.lemma == "rally" and any(
            sent.tok(x).lemma in GAME_VERBS for x in sent.children(h.head, "xcomp", "advcl")):
        return True  # "rallied to beat the champion", "rallied to win": a comeback in a game
    if not h.noun and h.trigger.type == "PROTEST" and lemma == "take to the streets" and any(
            groups_sector(sent, j) == "MIL" for j in sent.children(h.head, "nsubj")):
        return True  # "troops took to the streets": soldiers sent out, not a protest
    if not h.noun and h.trigger.type == "REJECT" and t.lemma in ("decline", "refuse") and _no_comment(sent, h.head):
        return True
    if not h.noun and h.trigger.type == "ASSAULT" and sent.low(h.head) == "wound" and any(
            sent.low(k) in ("up", "down") for k in sent.children(h.head, "prt", "advmod")):
        return True  # "we wound up with a draw": the past of "wind up"
    if not h.noun and h.trigger.mode == "visit" and t.lemma == "tour" and _tour_of_no_place(sent, h.head, ctx):
        return True
    if not h.noun and _heading_noun(sent, h.head):
        return True
    if not h.noun and t.lemma == "strike" and any(sent.low(k) == "it" for k in sent.children(h.head, "nsubj")) \
            and (any(sent.children(c, "mark") for c in sent.children(h.head, "ccomp")) or _striking_that(sent, h.head)):
        return True  # "it's striking that the talks stalled": striking as remarkable
    if not h.noun and h.trigger.type == "THREATEN" and t.lemma == "threaten" and _abstract_subject(sent, h.head, lex):
        return True  # "tensions are threatening to slow growth", "the storm threatens the coast": a risk, no threat
    if h.noun and h.trigger.type == "THREATEN" and t.dep == "attr" and (hd := sent.head(h.head)) is not None \
            and sent.tok(hd).lemma == "be":
        return True  # "the street battles are an existential threat to the regime": a description, not an act
    if not h.noun and t.lemma == "ask" and t.tag == "VBN" and t.dep == "advcl" \
            and not sent.children(h.head, "nsubj", "nsubjpass", "aux", "auxpass"):
        return True  # "Asked later for an example, he brought up ...": he was asked, he asked no one
    if h.noun and h.trigger.type == "CONSULT":
        v = governing_light_verb(sent, h.head, lex)
        if v is not None and sent.tok(v).lemma in ("win", "lose") and sent.tok(h.head).dep in ("dobj", "obj"):
            return True  # "had won all previous meetings with the visitors": games played, not talks
    if not h.noun and t.lemma == "invite" \
            and any(sent.tok(x).lemma in BIDDING for x in sent.children(h.head, "xcomp")) \
            and not any(sent.mention(o) is not None for o in sent.children(h.head, "dobj", "obj")):
        return True  # "the city will invite firms to bid for the contract": a call for bids, not an invitation
    if h.noun and h.trigger.type == "ASSAULT":
        v = governing_light_verb(sent, h.head, lex)
        if v is not None and sent.tok(v).lemma == "have" and sent.tok(h.head).dep in ("dobj", "obj"):
            return True  # "the creatures have fast attacks", "had a heart attack": a thing had, not an attack made
    if not h.noun and h.trigger.type == "CONCEDE" and t.lemma in ("allow", "permit") and t.tag == "VBG" \
            and t.dep == "advcl" and not sent.children(h.head, "nsubj", "mark"):
        return True  # "lifted the curfew, allowing residents to leave": what the act allowed, no concession of its own
    if not h.noun and h.trigger.type == "ASSAULT" and t.lemma in CASUALTY_LEMMAS and _accident(sent, h.head, lex):
        return True
    if not h.noun and t.lemma == "beat" and h.trigger.mode == "beat":
        return _team_beaten(sent, h, ctx, lex)
    if not h.noun and t.lemma == "agree" and h.trigger.type == "AGREE":
        return _agreed_with_someone(sent, h.head, lex)
    return False


HOLDING = frozenset({"hold", "attend", "headline", "address", "host"})
BIDDING = frozenset({"submit", "apply", "bid", "tender", "compete", "register", "audition", "enter"})
GAME_VERBS = frozenset({"beat", "win", "defeat", "tie", "draw", "level", "force", "clinch", "edge", "overcome",
                        "finish", "claim", "take", "advance", "reach", "secure", "salvage", "earn"})
# Declining to comment is a statement (not a refusal of anything asked of a party): "declined to say",
# "refused to comment", "declined to elaborate". Refusing to disclose records or to answer a panel stays.
NO_COMMENT = frozenset({"comment", "say", "state", "elaborate", "speculate", "discuss", "specify", "confirm",
                        "explain", "detail"})
TOURING_PREPOSITIONS = frozenset({"to", "through", "across", "around", "of", "in", "at"})


def groups_sector(sent: Sentence, j: int) -> str | None:
    """The sector of the party the word at j names: its mention's, else its group word's."""
    m = sent.mention(j)
    if m is not None:
        return m.value.get("sector")
    return actor_nouns().get(sent.tok(j).lemma)


def _heading_noun(sent: Sentence, v: int) -> bool:
    """ "Valdora protests: students under siege": a heading's noun phrase (a name and a plural noun before a
    colon), which the parser reads as a verb with a subject; a verb in a sentence takes more than its
    subject before a colon."""
    t = sent.tok(v)
    if t.tag != "VBZ" or not sent.low(v).endswith("s") or v + 1 >= sent.end or sent.low(v + 1) not in (":", "|"):
        return False
    subjects = sent.children(v, "nsubj")
    if len(subjects) != 1 or sent.tok(subjects[0]).pos != "PROPN" or max(sent.subtree(subjects[0])) != v - 1:
        return False
    return all(sent.tok(k).dep in ("nsubj", "punct", "appos", "dep") or (k < v and sent.tok(k).dep == "ccomp")
               for k in sent.children(v))  # "SEE MORE: ..." before the heading


def _no_comment(sent: Sentence, v: int) -> bool:
    for x in sent.children(v, "xcomp"):
        if sent.tok(x).lemma not in NO_COMMENT:
            continue
        objs = sent.children(x, "dobj", "obj")
        return all(sent.low(o) in THING_PRONOUNS or sent.low(o) in ("anything", "more", "details") for o in objs)
    return False


def _tour_of_no_place(sent: Sentence, v: int, ctx: Context) -> bool:
    """ "the band will tour together next year": a tour that goes to no place named is a performer's, not a
    visit ("toured the flooded region", "toured through Valdora" stay)."""
    if sent.children(v, "dobj", "obj"):
        return False
    places = [m.span for m in ctx.places]
    for p in sent.children(v, "prep"):
        if sent.low(p) in TOURING_PREPOSITIONS and any(
                any(x.start <= sent.tok(o).start < x.end for x in places) for o in sent.children(p, "pobj")):
            return False
    return True


def _rally_held(sent: Sentence, h: Hit, lex: EventLexicon) -> bool:
    """ "Senator Lambert has held rallies in three cities": a rally a named person holds or attends, with
    nothing it is against, is a campaign event, not a protest ("thousands held a rally against the law",
    "the opposition held rallies" stay)."""
    if any(sent.low(p) in ("against", "outside") for p in sent.children(h.head, "prep")):
        return False
    v = governing_light_verb(sent, h.head, lex)
    if v is None or sent.tok(v).lemma not in HOLDING:
        return False
    over: int | None = v  # "worked for her, attending rallies": the subject of the verb the clause hangs on
    while over is not None and not sent.children(over, "nsubj") and sent.tok(over).dep in ("advcl", "xcomp", "conj"):
        over = sent.head(over)
    subjects = [j for s in sent.children(over, "nsubj") for j in sent.conjuncts(s)] if over is not None else []
    if not subjects:
        return False
    for j in subjects:
        m = sent.mention(j)
        if m is not None:
            if m.value.get("form") not in ("person", "unknown_person") or m.value.get("sector") == "OPP":
                return False
        elif sent.tok(j).pos != "PROPN" and sent.low(j) not in ("he", "she"):
            return False
    return True


def _team_beaten(sent: Sentence, h: Hit, ctx: Context, lex: EventLexicon) -> bool:
    """ "Minnesota beat Buffalo", "the Hornets beat the Rangers": a city, or a plural name no lexicon
    knows, beaten by a subject that is no armed or state party is a game won; beatings are of people
    ("guards beat the prisoners", "police beat the Lemurians")."""
    objs = sent.children(h.head, "dobj", "obj")
    if not objs or any(sent.mention(o) is not None for o in objs):
        return False
    if not all(ctx.place_or_date_at(sent.tok(o).start) or sent.tok(o).tag == "NNPS" for o in objs):
        return False
    groups = actor_nouns()
    for s in sent.children(h.head, "nsubj"):
        m = sent.mention(s)
        if (m is not None and m.value.get("sector")) or groups.get(sent.tok(s).lemma):
            return False
    return True


def _striking_that(sent: Sentence, v: int) -> bool:
    """ "It's striking that ...", parsed with "that" as the object of "striking" after a form of "be"."""
    return sent.low(v) == "striking" \
        and any(sent.tok(a).lemma == "be" or sent.low(a) in ("'s", "\u2019s") for a in sent.children(v, "aux")) \
        and all(sent.low(o) in ("that", "how", "what") for o in sent.children(v, "dobj", "obj"))


def _abstract_subject(sent: Sentence, v: int, lex: EventLexicon) -> bool:
    """The verb's subject is a common noun that names no party: no actor mention, no group or office word, no
    person ("tensions", "the storm", "inflation", "the crisis")."""
    subjects = sent.children(v, "nsubj")
    if not subjects:
        return False
    groups = actor_nouns()
    party_nouns = set(lex.tree_rules.get("party_nouns") or ())
    for k in subjects:
        t = sent.tok(k)
        if sent.mention(k) is not None or t.pos != "NOUN" or t.lemma.lower() in groups \
                or sent.low(k) in groups or t.lemma.lower() in party_nouns:
            return False
        if any(sent.mention(c) is not None for c in sent.children(k, "compound", "amod", "poss")):
            return False  # "Iranian officials", "the Kremlin's envoy": a party's people
    return True


def _accident(sent: Sentence, v: int, lex: EventLexicon) -> bool:
    """ "were killed in a helicopter crash", "injured by the earthquake": deaths or injuries an accident or a
    disaster caused, when no act of force is told in the sentence besides ("shot down", "attack")."""
    accidents = set(lex.tree_rules.get("accidents") or ())
    causes = set(lex.tree_rules.get("causes") or ())
    if not any(sent.tok(o).lemma.lower() in accidents for p in sent.children(v, "prep", "agent")
               if sent.low(p) in ("in", "by", "during", "after", "from", "when") for o in sent.children(p, "pobj")):
        return False
    # "a crash after the helicopter was shot down", "killed in an attack and a crash": force told besides
    return not any(sent.tok(k).lemma.lower() in causes or sent.low(k) in causes for k in sent
                   if k != v and sent.tok(k).pos in ("NOUN", "VERB") and sent.tok(k).lemma not in CASUALTY_LEMMAS) \
        and not _shot_down(sent)


def _shot_down(sent: Sentence) -> bool:
    """ "after the helicopter was shot down": an aircraft brought down by force."""
    return any(sent.tok(k).lemma == "shoot" and sent.tok(k).pos == "VERB"
               and any(sent.low(c) == "down" for c in sent.children(k, "prt", "advmod")) for k in sent)


def _agreed_with_someone(sent: Sentence, v: int, lex: EventLexicon) -> bool:
    """ "largely agreed with Dorsey": sharing someone's view, not an agreement to act, when nothing agreed
    on, to or upon is named ("agreed with Ruritania on a truce", "agreed with the rebels to withdraw").
    Agreeing with a decision or a plan is backing it, which the SUPPORT reading codes."""
    withs = [p for p in sent.children(v, "prep") if sent.low(p) == "with"]
    if not withs or sent.children(v, "xcomp", "ccomp", "dobj", "obj"):
        return False
    if any(sent.low(p) in ("on", "to", "upon", "over", "about") for p in sent.children(v, "prep")):
        return False
    objs = [o for p in withs for o in sent.children(p, "pobj")]
    nouns = set(lex.tree_rules.get("party_nouns") or ()) | set(actor_nouns())

    def person(o: int) -> bool:  # a state or a body agreed with is a party to an agreement
        m = sent.mention(o)
        if m is not None:
            return m.value.get("form") in ("person", "unknown_person")
        return sent.tok(o).pos == "PROPN" or sent.low(o) in PERSON_OBJECTS or sent.tok(o).lemma in nouns

    return bool(objs) and all(not sent.children(o, "prep") and person(o) for o in objs)


REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "oneself"})
FORECAST_MODALS = frozenset({"would", "will", "could"})


def _self_harm(sent: Sentence, h: Hit) -> bool:
    """ "shot himself", "hanged herself": harm done to oneself alone is no assault (a bomber who
    "blew himself up" still attacks)."""
    if h.noun or h.trigger.type != "ASSAULT" or sent.tok(h.head).lemma in ("blow", "detonate"):
        return False
    objs = sent.children(h.head, "dobj", "obj")
    return bool(objs) and all(sent.low(o) in REFLEXIVE and not sent.children(o, "conj") for o in objs)


def _forecast(sent: Sentence, h: Hit, lex: EventLexicon) -> bool:
    """ "warned voters that a victory would bring the scandal back", "warning that the exit will sap the
    defences": a forecast of what a thing will do, not a threat of the speaker's own act. Read only where
    the modal is the warning's one cue: a named act (retaliation, sanctions, force) keeps the threat."""
    if h.noun or h.trigger.type != "THREATEN" or sent.tok(h.head).lemma != "warn":
        return False
    acts = {p for t in lex.heads.get("warn", ()) if t.type == "THREATEN" for p in t.needs} - FORECAST_MODALS
    if eventmatch.names_any(sent, h, sorted(acts), within=sent.end):
        return False
    parties = set(lex.tree_rules.get("party_nouns") or ()) | set(actor_nouns())
    return any(sent.tok(s).pos == "NOUN" and sent.mention(s) is None and sent.tok(s).lemma not in parties
               and sent.low(s) not in parties
               for c in sent.children(h.head, "ccomp") for s in sent.children(c, "nsubj"))


PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})
SAID_OR_MET = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "CONSULT", "PROTEST"})


def _venue(sent: Sentence, k: int, type_: str, top: int) -> bool:
    """Whether the place or country at word k is where words were said or people met ("criticized the law
    during a stop in Toledo", "said at a college in Hanoi", "protested at a Queens
    school"): for what is said or met, a place reached through "in" or "at" on the saying itself is the
    venue, not a party. A place inside what is said or threatened ("will extend the curfew in the city")
    stays the act's place."""
    if type_ not in SAID_OR_MET:
        return False
    path = [k, *sent.ancestors(k)]
    for n, a in enumerate(path):
        if sent.tok(a).dep == "prep" and sent.low(a) in ("in", "at"):
            for b in path[n + 1:]:
                if b == top or sent.dominates(b, top):
                    return True
                if sent.tok(b).dep in CLAUSAL:
                    return False
            return True
    return False


def _capital_venue(sent: Sentence, k: int, top: int) -> bool:
    """The word names a capital city ("Paris"), which stands for its government only as a party ("Paris
    said"): named as where the act itself was done ("the deal reached in Paris", "agreed in Geneva"), it is
    a place (an embassy opened in a capital still points to that state)."""
    m = sent.mention(k)
    p = sent.head(k)
    return m is not None and m.value.get("form") == "capital" and sent.tok(k).dep == "pobj" and p is not None \
        and sent.low(p) in ("in", "at") and sent.head(p) == top


VENUE_NOUNS = frozenset({"meeting", "summit", "interview", "ceremony", "conference", "speech", "session", "forum",
                         "briefing", "event", "gathering", "dinner", "reception"})


def _gathering_venue(sent: Sentence, h: Hit, k: int, type_: str, top: int) -> bool:
    """Whether the party at word k is only named in where words were said or people met: inside a
    gathering or a speech the act is told in ("over dinner at Ruritania's palace", "in an interview with
    Ruritania's network", "at a ceremony in Ruritania"), or the place a summit is held in."""
    if type_ not in SAID_OR_MET:
        return False
    for a in sent.ancestors(k):
        if a == top or a == h.head:
            break
        if sent.tok(a).lemma in VENUE_NOUNS and sent.tok(a).pos == "NOUN":
            return True
    if type_ == "CONSULT" and h.noun and sent.tok(k).dep == "pobj":
        p = sent.head(k)
        return p is not None and sent.low(p) in ("in", "at") and sent.head(p) in (h.head, top)
    return False


POLITICAL_OFFERS = frozenset({"ceasefire", "truce", "talk", "talks", "aid", "help", "support", "concession", "deal",
                              "resignation", "amnesty", "negotiation", "dialogue", "mediation", "assistance", "troop",
                              "protection", "asylum", "cooperation", "compromise", "peace", "apology", "condolence",
                              "guarantee", "pardon", "exchange", "swap", "release", "surrender", "plan", "proposal"})


def _state_itself(a: Actor | None) -> bool:
    return a is not None and a.sector is None and a.country is not None and a.id == a.country


def _game_won(sent: Sentence, e: Event) -> bool:
    """ "Norway beat Portugal on Saturday", "Chile beat Peru 3-1": one country beating another, or a beating with a
    score in the sentence, is a game won, not an assault (beatings are of people)."""
    if e.type != "ASSAULT" or e.mode != "beat":
        return False
    return (_state_itself(e.actor) and _state_itself(e.recipient)) or SCORE.search(sent.span.text) is not None \
        or SCORE_LINE.search(sent.span.text) is not None


def _offer_for_sale(sent: Sentence, h: Hit, e: Event) -> bool:
    """ "Zentrix offers free repairs", "the app offers a cheaper plan", "the maker promises more room": a
    thing offered or promised by a party of no
    known country or sector, to no public party and not an offer to act, is trade, not an offer in the
    manual's sense."""
    if e.type != "AGREE" or h.noun or sent.tok(h.head).lemma not in ("offer", "promise") or e.actor is None:
        return False
    if sent.tok(h.head).lemma == "promise" and (sent.children(h.head, "ccomp")
                                                or not sent.children(h.head, "dobj", "obj")):
        return False  # "promised that it would withdraw", "promised to": a pledge to act
    if e.actor.country or e.actor.sector or sent.children(h.head, "xcomp") \
            or any(sent.tok(o).lemma in POLITICAL_OFFERS for o in objects(sent, h.head)):
        return False
    r = e.recipient
    return r is None or (r.country is None and r.sector in (None, *NOT_A_PARTY))


COMMERCE = frozenset({"AGREE", "AID", "COOPERATE"})


# People of private life ("his wife", "a customer", "the actor"): a quarrel, a fight or an apology between
# them and a private person is no political event.
PRIVATE_PEOPLE = frozenset({"man", "woman", "boy", "girl", "mother", "father", "wife", "husband", "son", "daughter",
                            "child", "kid", "parent", "brother", "sister", "neighbor", "neighbour", "friend",
                            "boyfriend", "girlfriend", "customer", "stranger", "classmate", "roommate", "partner",
                            "actor", "actress", "singer", "fan", "coworker", "colleague", "boss", "teacher", "me", "us",
                            "mom", "dad", "grandmother", "grandfather", "uncle", "aunt", "cousin", "fiance", "fiancee"})
PRIVATE_ACTS = frozenset({"ASSAULT", "THREATEN", "CONCEDE", "REJECT"})
BRAWLING = frozenset({"fight", "punch", "slap", "kick", "scuffle", "brawl", "wrestle", "tussle", "grapple"})
# Kinds of deal one firm or artist makes with another: "a record deal", "a book deal".
COMMERCIAL_DEALS = frozenset({"record", "book", "publishing", "licensing", "sponsorship", "endorsement", "streaming",
                              "distribution", "merger", "acquisition", "shoe", "film", "movie", "television", "tv",
                              "advertising", "recording", "marketing", "franchise", "sneaker", "modeling", "modelling"})


def _private_party(a: Actor | None) -> bool:
    return a is None or (a.country is None and a.sector is None)


def _private_quarrel(sent: Sentence, h: Hit, e: Event, lex: EventLexicon) -> bool:
    """ "fought with a neighbour", "threatened to hurt his cousin", "apologized to a colleague",
    "she would not let me out": an act of a person no lexicon places, done to a private person, is a
    private matter, not a political event ("soldiers fought the rebels", "threatened to kill the
    governor" stay)."""
    if e.type not in PRIVATE_ACTS or not _private_party(e.actor) or h.noun:
        return False
    if e.type == "ASSAULT" and sent.tok(h.head).lemma not in BRAWLING:
        return False  # a shooting or a killing by an unnamed party may be an attack told without its side
    targets = list(sent.children(h.head, "dobj", "obj"))
    targets += [o for p in sent.children(h.head, "prep", "prt") if sent.low(p) in ("with", "against", "to", "off")
                for o in sent.children(p, "pobj")]
    if e.type == "THREATEN":
        targets += [o for x in sent.children(h.head, "xcomp") for o in sent.children(x, "dobj", "obj")]
    if not targets or any(sent.mention(k) is not None for k in targets):
        return False
    return any(sent.tok(k).lemma in PRIVATE_PEOPLE or sent.low(k) in PRIVATE_PEOPLE for k in targets)


def _commercial_deal(sent: Sentence, h: Hit, e: Event) -> bool:
    """ "got a book deal from a publisher": a deal of a trade's kind made by a party of no known country
    or sector is business ("an arms deal", "a gas deal" between states stay)."""
    if e.type != "AGREE" or not h.noun or sent.tok(h.head).lemma != "deal" or not _private_party(e.actor):
        return False
    return any(sent.low(k) in COMMERCIAL_DEALS for k in sent.children(h.head, "compound", "amod"))


def _business_only(e: Event) -> bool:
    """A firm's act with no public party as its counterpart ("the company offered a discount",
    "the chief executive stepped down"): business, not a political event. So is a deal with, or the
    rescue of, a firm by a party of no known country or sector ("Kestrel Holdings made deals with
    three mining companies"): commerce between private parties."""
    if e.actor is not None and e.actor.sector is None and e.actor.country is None and e.type in COMMERCE \
            and e.recipient is not None and e.recipient.sector == "BUS":
        return True
    if e.actor is None or e.actor.sector != "BUS":
        return False
    r = e.recipient
    return r is None or r.sector in NOT_A_PARTY or (r.sector is None and r.country is None)


def _protest_topic(sent: Sentence, h: Hit, marching: set[int]) -> bool:
    """The manual (PROTEST): the topic of a protest, typically a demand, is not coded as an event of its own:
    "thousands marched in the capital demanding his resignation", "staged a rally calling for independence"."""
    if h.trigger.type not in ("REQUEST", "ACCUSE", "REJECT") or h.noun:
        return False
    parent = sent.head(h.head)
    return sent.tok(h.head).dep in ("advcl", "xcomp", "acl", "conj") and parent in marching


SUBORDINATE = ("relcl", "advcl", "acl")


def _subordinate(sent: Sentence, k: int) -> bool:
    """A trigger inside a relative or adverbial clause, or a clause describing a noun: "the rebels, who
    killed twenty soldiers, agreed to a truce" and "thousands marched after police shot a student" tell
    the truce and the march; the killing and the shooting are told about them."""
    return any(sent.tok(x).dep in SUBORDINATE for x in (k, *sent.ancestors(k)))


def _code_hit(sent: Sentence, h: Hit, inner: list[Hit], director: tuple[list[Ref], str] | None, ctx: Context,
              dates: list[Mention], attribution: list[Mention], places: list[Mention], quote: Quote | None,
              reference: dt.date | None, lex: EventLexicon) -> list[Event]:
    notes: list[str] = []
    r = Roles()
    undergoers: list[Ref] = []
    if _comparison(sent, h):
        return []  # "just as the rebels burned our villages, ...": a likeness drawn, not an event told
    if not h.noun and h.trigger.type == "AGREE" and sent.tok(h.head).lemma == "agree" and _agreed_opinion(sent, h.head):
        return []  # "agreed that the talks had gone well": a shared view, no agreement to act
    if h.noun:
        v = _verb_over(sent, h.head)
        r.actors, r.actor_rule = nominal_actor(sent, h.head, ctx, lex, h.trigger.type)
        same = _same_type_verb(sent, h, lex)
        if not r.actors and same is not None:  # "slapped sanctions on two firms": the verb that takes the noun
            r.actors, _ = subject_of(sent, same, ctx, lex)
            r.actor_rule = "same-type-verb-subject" if r.actors else r.actor_rule
        if h.trigger.needs_light and governing_light_verb(sent, h.head, lex) is None and same is None \
                and r.actor_rule not in ("nominal-possessive", "nominal-modifier", "nominal-forces", "nominal-by") \
                and not (h.trigger.adjunct and not r.actors and _adjunct_actor(sent, h.head, ctx, lex)[0]) \
                and not (h.trigger.type != "CONSULT" and _between(sent, h.head, ctx, lex)):
            # "the opposition said it will boycott": a noun needing a light verb, with none; "the call between
            # the two leaders was amicable": a call talked about, not told (a truce between two sides is one)
            return []
        if not r.actors and h.trigger.mode in AGENT_OF_MODES:  # "the visit of the Chilean president to Lima"
            r.actors = [x for p in sent.children(h.head, "prep") if sent.low(p) == "of"
                        for o in sent.children(p, "pobj") for x in refs_at(sent, o, ctx, lex)]
            r.actor_rule = "nominal-of" if r.actors else r.actor_rule
        if not r.actors and h.trigger.type == "CONSULT":
            r.actors, r.actor_rule = _adjunct_actor(sent, h.head, ctx, lex)  # "during the call, she proposed"
        if not r.actors and h.trigger.type == "CONSULT":
            r.actors, r.actor_rule = _relative_actor(sent, h.head, ctx, lex)  # "a talk in which the envoy urged him"
        passive = False
        anchor = h.head
        under = _passive_light(sent, h.head, lex) if not r.actors and h.trigger.type in AGENTLESS else None
        if under is not None:  # "a Canadian was put under investigation": the one it is done to, by no one named
            undergoers = [x for k in sent.children(under, "nsubjpass") for x in _party_of(sent, k, ctx, lex)]
            passive = bool(undergoers)
        hd = sent.head(h.head)
        if hd is not None and frame_compound(sent, h.head):
            anchor = hd  # "a mediation mission between A and B": the phrase hangs on the head noun
    else:
        v = h.head
        r.actors, r.actor_rule = subject_of(sent, v, ctx, lex, unknown=True)
        if not r.actors and h.trigger.type in VERBAL_TYPES:
            r.actors, r.actor_rule = _speaker_of_coordinated(sent, v, ctx, lex, r.actors, r.actor_rule)
        if not r.actors and h.trigger.type in VERBAL_TYPES:
            r.actors, r.actor_rule = _message_author(sent, v, ctx, lex)  # "issued a statement condemning"
            r.actor_rule = r.actor_rule or None
        passive = real_passive(sent, v)
        anchor = v
        if h.trigger.undergoer and r.actors:  # "the former minister went on trial": the one tried, by no one named
            undergoers, r.actors, r.actor_rule, passive = r.actors, [], None, True
            # "Kenyan troops came under fire from militants": the side the fire came from
            r.actors = [x for p in sent.children(v, "prep") if sent.low(p) == "from" for o in sent.children(p, "pobj")
                        for x in refs_at(sent, o, ctx, lex, typed=True)
                        if x.actor.name not in {u.actor.name for u in undergoers}]
            r.actor_rule = "source-of-fire" if r.actors else None
        elif r.actor_rule == "misparsed-subject" and _headline_participle(sent, v, h):
            # "Two officers charged with fraud", "Three soldiers arrested over theft": a bare participle on
            # the noun that opens the sentence is a passive; the noun is the one it is done to
            undergoers, r.actors, r.actor_rule, passive = r.actors, [], None, True
        elif (pair := _bare_participles(sent, v, h)) is not None:
            # "two helicopters shot down and destroyed", "300 protesters shot and killed by soldiers": verbs
            # that need an object, coordinated with no object and no auxiliary, are passives; their subject is
            # the one the act fell on, and a "by" phrase on either names who did it
            first, _second = pair
            done_to = r.actors if v == first else subject_of(sent, first, ctx, lex, unknown=True)[0]
            if done_to:
                agents = [sent.child(p, "pobj") for k in pair for p in sent.children(k, "agent")]
                by = [x for a in agents if a is not None for x in refs_at(sent, a, ctx, lex)]
                undergoers, passive = done_to, True
                r.actors, r.actor_rule = (by, "passive-by") if by else ([], None)
        elif (noun := _reduced_relative(sent, v, h)) is not None:
            # "miners shot and killed by soldiers", "one of the students detained by police": a participle
            # after its noun with no object is done to that noun, by whoever a "by" phrase on it names
            done_to = refs_at(sent, noun, ctx, lex) or [
                x for p in sent.children(noun, "prep") if sent.low(p) == "of"
                for o in sent.children(p, "pobj") for x in refs_at(sent, o, ctx, lex)]
            if done_to:
                undergoers, passive = done_to, True
                if not r.actors or r.actor_rule != "passive-by":
                    group = [v, *sent.children(v, "conj"), *([sent.head(v)] if sent.tok(v).dep == "conj" else [])]
                    agents = [sent.child(p, "pobj") for k in group if k is not None for p in sent.children(k, "agent")]
                    by = [x for a in agents if a is not None for x in refs_at(sent, a, ctx, lex)]
                    r.actors, r.actor_rule = (by, "passive-by") if by else ([], None)
    if quote is not None and any(a.rule == "unresolved-pronoun" for a in r.actors):
        return []  # "They are killing thousands.": who "they" are, the quotation does not say
    if director is not None:
        r.actors, r.actor_rule = director[0], director[1]
    between = _between(sent, anchor, ctx, lex)
    if between and not r.actors:
        r.actors, r.actor_rule, r.reciprocal = between, "between", True
    r.recipients, r.recipient_rule, r.territory = recipients(sent, h, anchor, ctx, lex, r.actors, passive)
    if not r.recipients and not h.noun and v is not None and "object" in h.trigger.recipient and not objects(sent, v):
        for nxt in sent.children(v, "conj"):  # "soldiers beat and arrested dozens of students": a shared object
            if sent.tok(nxt).pos == "VERB" and nxt > v and objects(sent, nxt):
                shared, rule, _ = recipients(sent, h, nxt, ctx, lex, r.actors, False)
                if shared and rule == "recipient:object":
                    r.recipients, r.recipient_rule = shared, "recipient:shared-object"
                    break
    if director is not None and not r.recipients and h.trigger.type == "COERCE" and v is not None \
            and sent.tok(v).dep == "xcomp" and sent.head(v) is not None:
        # "ordered the weekly to suspend publication": the outlet made to act against itself is the one coerced
        r.recipients = [f for o in sent.children(sent.head(v), *OBJECTS)  # type: ignore[arg-type]
                        for f in refs_at(sent, o, ctx, lex) if f.actor.sector not in LOCAL_SECTORS]
        r.recipient_rule = "recipient:directed-party" if r.recipients else None
        home = {a.actor.country for a in r.actors if a.actor.country}
        for party in r.recipients:  # a party of no country named in a directive is the director's own (`_directive`)
            if not party.actor.country and len(home) == 1:
                party.actor.country, party.rule = next(iter(home)), party.rule + "+director-country"
    if undergoers:
        r.recipients, r.recipient_rule = undergoers, "recipient:undergoer-subject"
    if not r.recipients and r.actor_rule == "nominal-of":
        for at in {x.at for x in r.actors}:  # "the visit of the president to Lima": the parser hangs it on him
            for prep in sent.children(at, "prep"):
                if sent.low(prep) in h.trigger.recipient and not r.recipients:
                    r.recipients = [x for o in sent.children(prep, "pobj") for x in refs_at(sent, o, ctx, lex)]
                    r.recipient_rule = f"recipient:{sent.low(prep)}" if r.recipients else None
        if not r.recipients and h.trigger.mode == "visit":  # "during the visit of the envoy, the president said"
            visitors = {x.actor.country for x in r.actors}
            hosts = [x for x in _adjunct_actor(sent, h.head, ctx, lex)[0] if x.actor.country not in visitors]
            r.recipients, r.recipient_rule = hosts, ("recipient:host-subject" if hosts else None)
    if h.noun and h.trigger.type in ("PROTEST", "ACCUSE"):
        # "an anti-French march outside the consulate": the country it is against, before the place it is at
        against = _stance_target(sent, h.head)
        if against and not any(x.actor.country == against[0].actor.country for x in r.recipients):
            r.recipients, r.recipient_rule = against, "recipient:anti-modifier"
    if h.noun and h.trigger.mode == "visit" and r.actor_rule == "adjunct-subject":
        _visit_roles(sent, h.head, r, places, ctx, lex)
    if h.trigger.type == "CONSULT" and r.recipients and all(
            x.generic and x.actor.sector == "MED" for x in r.recipients):
        return []  # "spoke to reporters after the meeting": the press is an audience, not a party consulted
    if not r.recipients and not h.noun:
        for k in h.words[1:]:  # "hold talks with the rebels": the parser hangs the phrase on its noun
            if sent.tok(k).pos in ("NOUN", "PROPN"):
                found, rule, _ = recipients(sent, h, k, ctx, lex, r.actors, False)
                if found and rule:
                    r.recipients, r.recipient_rule = found, rule
                    break
    if not r.recipients and not h.noun and h.trigger.needs and v is not None and h.trigger.type != "ASSAULT":
        for k in sent.children(v, "dobj", "obj"):  # "suspended talks with the rebels": the word the reading
            if any(is_word(sent, k, w) for w in h.trigger.needs if " " not in w) \
                    and any(sent.low(p) in h.trigger.recipient for p in sent.children(k, "prep")):
                found, rule, _ = recipients(sent, h, k, ctx, lex, r.actors, False)  # needs holds the phrase
                if found and rule:
                    r.recipients, r.recipient_rule = found, rule
                    break
    if not r.recipients and h.trigger.type == "ASSAULT":
        for x in inner:  # "French air strikes have killed five commanders": whom the casualty verb names
            if x.trigger.lemma in CASUALTY_LEMMAS:
                objs = [o for o in sent.children(x.head, *OBJECTS)]
                for o in objs:
                    found = [f for f in refs_at(sent, o, ctx, lex, typed=True)
                             if not (f.generic and f.actor.sector == "CVL") or not r.actors]
                    if found:  # people at large are whom an act by no one named hit ("a bomb exploded, killing three")
                        r.recipients, r.recipient_rule = found, "recipient:casualty-object"
                        break
                if not r.recipients and not r.actors and h.noun and sent.dominates(x.head, h.head) \
                        and real_passive(sent, x.head) and not _told_before(sent, h.head):
                    for s in sent.children(x.head, "nsubjpass"):  # "five soldiers were killed in an ambush"
                        found = refs_at(sent, s, ctx, lex, typed=True)
                        if found:
                            r.recipients, r.recipient_rule = found, "recipient:casualty-subject"
                            break
    if not r.recipients and h.trigger.governs and not h.noun and h.trigger.type in CLAUSE_RECIPIENT:
        for k in sent.children(anchor, "ccomp", "xcomp"):  # "China demanded that the United States cancel"
            if free_relative(sent, k):
                continue  # "denounced what the premier called Ruritania's acts": no demand of the premier
            for subj in sent.children(k, "nsubj", "nsubjpass"):
                own_side = {a.actor.country for a in r.actors if a.actor.country}
                names = {a.actor.name for a in r.actors}
                found = [f for f in refs_at(sent, subj, ctx, lex)  # a person of one's own side may be asked
                         if f.actor.name not in names and (f.actor.country not in own_side or named_person(sent, f)
                                                           or _other_branch(f, r.actors))]
                if found:
                    r.recipients, r.recipient_rule = found, "recipient:clause-subject"
                    break
    if not r.recipients and not h.noun and not r.reciprocal and h.trigger.type in SAID_OR_MET | {"THREATEN"}:
        r.recipients = first_conjunct_recipients(sent, anchor, ctx, lex, r.actors)
        r.recipient_rule = "recipient:first-conjunct-object" if r.recipients else r.recipient_rule
    said_of = any(refs_at(sent, subj, ctx, lex) for k in sent.children(anchor, "ccomp")
                  for subj in sent.children(k, "nsubj", "nsubjpass"))  # "warned the army was ready for ..."
    if h.trigger.needs_recipient and not (r.recipient_rule or "").startswith("recipient:") and not said_of:
        r.recipients = unknown_recipients(sent, h, anchor, ctx, lex, r.actors)  # "warned Karvelis"
        if not r.recipients:
            return []  # "business groups warned that uncertainty was hurting": a warning to no one named
        r.recipient_rule = "recipient:unknown-party"
    if h.noun and r.actor_rule == "nominal-modifier" and not (r.recipient_rule or "").startswith("recipient:") \
            and not (h.trigger.type == "MOBILIZE" and r.territory) \
            and not (h.trigger.type == "ASSAULT" and (_toll_of(sent, h.head) or any(
                x.trigger.lemma in CASUALTY_LEMMAS for x in inner))) \
            and not (h.trigger.type in ("ASSAULT", "COERCE") and _place_object(sent, h.head, places)):
        return []  # "U.S. military action is a non-starter": a country word on a noun needs a target named
    joint = h.noun and h.trigger.type in ("MOBILIZE", "ASSAULT") and any(
        sent.tok(k).lemma == "joint" for k in sent.children(h.head, "amod", "compound"))
    if joint and h.trigger.type == "ASSAULT" and len({a.actor.name for a in r.actors}) > 1:
        # the manual: joint military operations are COOPERATE between the partners ("the United States and
        # Colombia launched a joint operation against traffickers"); whom they act against is not the partner
        r.recipients, r.recipient_rule = [], None
    elif joint and h.trigger.type == "ASSAULT":
        joint = False  # one side's part in a joint operation stays its act of force
    if (h.trigger.reciprocal or joint or mutual_noun(h, r.actor_rule)) and len(r.actors) > 1 and not r.recipients:
        r.reciprocal = True
    if passive and r.actor_rule in ("stative-subject", "undergoer-subject"):
        passive = False
    if not r.actors and passive and v is not None:
        r.actors, r.actor_rule = _deep_agent(sent, v, ctx, lex)
        if not r.actors and h.trigger.mode in ("expel", "deport"):
            r.actors, r.actor_rule = _expelled_from(sent, v, ctx, lex)
    if not r.actors and passive and h.trigger.type == "MOBILIZE" and v is not None:
        for k in sent.children(v, "nsubjpass"):  # "the army was put on alert": the forces moved are the side's
            moved = refs_at(sent, k, ctx, lex)
            if moved:
                r.actors, r.actor_rule = moved, "mobilized-subject"
                r.recipients = [x for x in r.recipients if x.at != k]
                r.recipient_rule = r.recipient_rule if r.recipients else None
                break
    if not r.actors and passive and not h.noun and h.trigger.type in PASSIVE_COUNTERPART:
        # "the intelligence is shared with the Mexican government": cooperation given with no giver named is
        # the document's main counterpart's to that party (marked in the rule; nothing when there is none)
        giver = next((c for x in r.recipients if x.actor.country
                      for c in [ctx.counterpart(x.actor.country)] if c is not None), None)
        if giver is not None:
            r.actors, r.actor_rule = [Ref(giver, h.head, "mention")], "document-counterpart"
    if not r.actors:
        if h.noun:  # "the bombing of the embassy killed twelve": an act of force told by its toll, by no one named
            caused = h.trigger.type == "ASSAULT" and any(x.trigger.lemma in CASUALTY_LEMMAS for x in inner)
            if h.trigger.type == "ASSAULT" and not r.recipients:
                died = _died_of(sent, h.head, ctx, lex)  # "a prisoner died under torture", "two died in the attack"
                if died:
                    caused, r.recipients, r.recipient_rule = True, died, "recipient:died-subject"
        else:
            caused = _caused(sent, v, lex) if v is not None else False
            if not caused and v is not None and h.trigger.type == "ASSAULT" and _attempted(sent, v):
                caused = True  # "an attempt to assassinate the governor was foiled": the act tried, by no one named
                notes.append("attempt")
        w = sent.head(v) if v is not None and sent.tok(v).dep == "conj" and not sent.children(v, "nsubj") else None
        if caused and not r.recipients and h.trigger.type == "ASSAULT" and w is not None:
            for o in sent.children(w, *OBJECTS):  # "the raids hit the depots and killed ten": what they hit
                r.recipients = refs_at(sent, o, ctx, lex, typed=True)
                r.recipient_rule = "recipient:coordinated-object" if r.recipients else None
        if caused and not r.recipients and h.trigger.type == "ASSAULT" and v is not None:
            for o in sent.children(v, *OBJECTS):  # "the shelling took the lives of nine villagers": whose lives
                for p in sent.children(o, "prep"):
                    pobj = sent.child(p, "pobj")
                    if sent.low(p) == "of" and pobj is not None and not r.recipients:
                        r.recipients = refs_at(sent, pobj, ctx, lex, typed=True)
                        r.recipient_rule = "recipient:of-object" if r.recipients else None
        received = (h.trigger.type, h.trigger.mode) in AGENTLESS_RECEIVED
        if passive and received and not r.recipients and v is not None:
            for k in sent.children(v, "nsubjpass"):  # "two Kenyan journalists were freed": the ones freed, when
                r.recipients = [x for x in refs_at(sent, k, ctx, lex, typed=True)  # it is said whose they are
                                if x.actor.country or not x.generic]
                r.recipient_rule = "recipient:passive-subject" if r.recipients else None
        if not ((passive or caused) and r.recipients and h.trigger.type in AGENTLESS
                and not (h.trigger.type == "ACCUSE" and h.trigger.mode == "disapprove")) \
                and not (passive and received and any(x.actor.country or not x.generic for x in r.recipients)):
            return []
        agent = _operation_agent(sent, v, ctx, lex)  # "were killed during a Peruvian army operation"
        if agent:
            r.actors, r.actor_rule = agent, "operation-agent"
        elif h.trigger.type == "ASSAULT":
            held = _custodian(sent, v if v is not None else _dying_verb(sent, h.head), ctx, lex)
            if held:
                r.actors, r.actor_rule = held, "custodian"
    if not r.recipients and not r.reciprocal:
        found, rule = fallback_recipient(sent, anchor, ctx, lex, r.actors)
        if h.noun and h.trigger.type == "MOBILIZE" and rule == "fallback:of":
            found = []  # "a deployment of the army's own units": the forces moved, not whom they are moved against
        if found:
            r.recipients, r.recipient_rule = found, rule
    if not r.recipients and not r.reciprocal and h.trigger.type == "CONSULT" and len(r.actors) == 1 \
            and (not h.noun or h.trigger.mode in ("visit", "phone") or r.actor_rule == "adjunct-subject"):
        found = _predicate_party(sent, h, v, places, r.actors, ctx, lex)  # "would meet U.N. envoy Smith"
        found = [f for f in found if f.rule == "predicate-party"]
        rule = "predicate-party"
        if not found and h.noun and (r.actor_rule == "adjunct-subject" or h.trigger.mode == "phone"):
            found, rule = _call_partner(sent, h, places, r.actors, ctx, lex, r.actor_rule == "adjunct-subject")
        if not found and not _meeting_object(sent, h):
            found, rule = unknown_recipients(sent, h, anchor, ctx, lex, r.actors), "recipient:unknown-party"
            if not found:
                return []  # "the cabinet met Sunday": no one consulted
        r.recipients, r.recipient_rule = found, rule
    st = status(sent, v if v is not None else h.head, lex, noun=h.head if h.noun else None)
    if st.value == "hypothetical" and (st.cue or "").startswith("to") and h.trigger.mode == "investigate" \
            and v is not None and not h.noun and _set_up_to(sent, v):
        notes.append("inquiry-set-up")  # "sent a team to investigate": the inquiry is under way (the manual's ACCUSE)
        st = Status("asserted", st.cue, st.speech, st.condition)
        if not r.reciprocal and not any(x.actor.country for x in r.recipients):
            where = _sent_to(sent, v, ctx, lex)  # "sent experts to Bosnia to investigate": where it is done
            if where:
                r.recipients, r.recipient_rule = where, "recipient:sent-to"
    if "attempt" in notes and st.value == "hypothetical" and (st.cue or "").startswith("to"):
        st = Status("asserted", st.cue, st.speech, st.condition)  # the attempt was made, whatever came of it
    type_, mode = h.trigger.type, h.trigger.mode
    if h.trigger.only_negated and st.value != "negated":
        return []  # "Mexico accepted the offer" is no rejection; "will not accept" is
    if st.value == "negated" and (h.trigger.only_negated or h.trigger.negated_as):
        new = h.trigger.negated_as or type_
        notes.append(f"negated-as={new}({st.cue})")
        if new == "THREATEN" and inner:
            mode = _threat_mode(inner[0].trigger.type, inner[0].trigger.mode, lex)
        type_, st = new, Status("asserted", st.cue, st.speech, st.condition)
        inner = [] if new != type_ else inner
    type_, mode = _content_type(sent, h, inner, type_, mode, notes, lex)
    if COUNTERED in notes:
        return []
    first_status = f"status={st.value}" + (f"({st.cue})" if st.cue else "")
    speaker = _speaker(sent, st, quote, ctx, lex)
    if not r.actors and passive and not h.noun and type_ in ANNOUNCED_ACTS and st.speech is not None and speaker:
        # "the command confirmed that 21 boats have been targeted": an act of force no one is named for,
        # announced by a state's forces or government, is theirs when it is done to another side
        side = [x for x in speaker if x.actor.country and x.actor.sector in STATE_SIDES]
        if side and all(x.actor.country != side[0].actor.country if x.actor.country else x.actor.sector in HOSTILE
                        for x in r.recipients):
            # the other side is a state, or smugglers, rebels or insurgents; "three civilians were killed,
            # the governor said" and "two soldiers were killed, the army said" tell no one's act
            r.actors, r.actor_rule = side[:1], "announcer"
    own = _self_stated(speaker, r.actors)
    # the subordinators of the clauses on the verb ("will withdraw unless ...", "would strike if ...")
    marks = {sent.low(m) for k in sent.children(v, "advcl") for m in sent.children(k, "mark")} if v is not None \
        else set()
    unless = not h.noun and "unless" in marks
    conditioned = not h.noun and not marks.isdisjoint(("if", "unless"))
    # The manual: cooperative acts (CONSULT, SUPPORT, COOPERATE, AID) reported in the future tense are AGREE,
    # whoever reports them ("the president will visit Chile, diplomats said")
    if st.value in ("planned", "hypothetical") and st.cue not in UNCOMMITTED and (own or (st.value == "planned" and (
            speaker is None or type_ in FUTURE_COOPERATION))):
        new_type = lex.future_as.get(f"{type_}:{mode}") or lex.future_as.get(type_)
        if unless and lex.unless_as:  # "will withdraw its contingent unless the clans disarm": a threat
            new_type = lex.unless_as
        if new_type:
            if new_type != type_:
                new_mode = _threat_mode(type_, mode, lex) if new_type == "THREATEN" else None
                notes.append(f"future-as={type_}->{new_type}({'self' if own else 'future'},{st.cue})")
                type_, mode = new_type, new_mode
            st = Status("asserted", st.cue, st.speech, st.condition)
        elif own and st.value == "hypothetical" and st.cue == "would" and st.speech is not None and not st.condition \
                and v is not None and marks.isdisjoint(("if", "unless")):
            # "Jordan said it would dispatch troops to the frontier": the future of a statement in the past, the
            # manual's `future` mode of the act itself (MOBILIZE has no other category to become)
            notes.append("would-as=planned(reported-future)")
            st = Status("planned", st.cue, st.speech, st.condition)
    if st.value == "hypothetical" and st.cue in PROPOSING and r.actor_rule == "controller" \
            and type_ in OFFERABLE:  # "proposed flying in medics to assist": the manual's AGREE, an offer to act
        notes.append(f"proposal-as={type_}->AGREE({st.cue})")
        type_, mode, st = "AGREE", None, Status("asserted", st.cue, st.speech, st.condition)
    if st.value in ("planned", "hypothetical") and conditioned and speaker \
            and (own or any(s.actor.country for s in speaker)) and type_ in ("SANCTION", "ASSAULT", "COERCE"):
        # "the EU may halt its mediation if the parties fail to cooperate, the minister said": a conditional
        # punitive act is a threat by its actor when a party of some state reports it; what unnamed
        # analysts think a state could do if talks fail is their speculation, no threat
        notes.append(f"conditional-as={type_}->THREATEN({st.cue})")
        type_, mode = "THREATEN", _threat_mode(type_, mode, lex)
        st = Status("asserted", st.cue, st.speech, st.condition)
    if st.value == "negated" and type_ in REFUSABLE and (own or speaker is None) and _refusal(sent, v):
        notes.append(f"refusal-of={type_}({st.cue})")
        type_, mode, st = "REJECT", _request_mode(type_), Status("asserted", st.cue)
    closing = not h.noun and h.head >= sent.end - 5 and any(
        sent.low(k) == "," for k in range(max(sent.first, h.head - 6), h.head))
    if type_ == "PROTEST" and not h.noun and (sent.children(h.head, "ccomp") or closing):
        notes.append("protest-of-a-claim")  # "..., a rights group protested": a verbal protest, not a march
        type_, mode = "ACCUSE", "disapprove"
    if type_ == "ACCUSE" and closing and not r.recipients and not r.reciprocal:
        r.recipients = claim_subject(sent, h.head, ctx, lex, r.actors)
        r.recipient_rule = "recipient:claim-subject" if r.recipients else r.recipient_rule
    if type_ == "COERCE" and h.trigger.lemma in SEIZING and _foreign_leader_taken(r):
        notes.append("foreign-forces-capture")  # "Ruritanian commandos seized the rival state's premier": an abduction
        type_, mode = "ASSAULT", "abduct"
    if joint and type_ in ("MOBILIZE", "ASSAULT"):  # the manual: joint exercises and operations are COOPERATE
        notes.append("joint")
        type_, mode = "COOPERATE", None
    by_actor = _reading_by_actor(h, r, type_, lex)
    if by_actor:
        notes.append(f"actor-reading={type_}->{by_actor[0]}")
        type_, mode = by_actor
    by_argument = _reading_by_argument(sent, h, v, r, type_, mode)
    if by_argument:
        notes.append(f"argument-reading={type_}->{by_argument[0]}")
        if by_argument[0] == "AID" and type_ == "MOBILIZE" and not r.recipients and v is not None:
            r.recipients = [f for x in sent.children(v, "advcl", "xcomp") if sent.tok(x).lemma in RELIEF
                            for o in objects(sent, x) for f in refs_at(sent, o, ctx, lex, typed=True)]
            r.recipient_rule = "recipient:helped" if r.recipients else r.recipient_rule  # "to help flood victims"
        type_, mode = by_argument
    reach = set(sent.subtree(anchor, skip=("relcl",)))
    if h.noun and v is not None:
        reach |= {v}
    if mode is None:
        mode = _mode_cue(sent, reach, type_, lex)
        if mode:
            notes.append(f"mode-cue={mode}")
    # "threatened U.S. strikes", "a visit to Cairo" by Egypt's minister: one's own country is no recipient
    own_countries = {a.actor.country for a in r.actors if a.actor.country}
    r.recipients = [x for x in r.recipients if not (x.actor.country in own_countries and (
        x.actor.sector is None or x.actor.id in (x.actor.country, f"{x.actor.country}GOV")))]
    if not r.recipients and not r.reciprocal and r.territory:
        r.recipients, r.recipient_rule = r.territory[:1], "territory"
    if not r.recipients and not r.reciprocal and (type_ in PLACE_TARGET or type_ in NEEDS_RECIPIENT):
        target = _place_target(sent, anchor, places, r.actors)
        if target:
            r.recipients, r.recipient_rule = target, "place-country"
    top = v if v is not None else h.head
    if not r.recipients and not r.reciprocal and st.value == "asserted":
        other = [x for x in _only_other_country(sent, h, r.actors) if not _venue(sent, x.at, type_, top)]
        if other and other[0].at not in reach:
            # "Russian forces shelled the city of Kharkiv, Ukrainian officials said": of that country, the
            # place inside the act's own clause, not the party that tells of it
            inside = [pl for pl in places if pl.value.get("country") == other[0].actor.country
                      and any(pl.span.start <= sent.tok(k).start < pl.span.end for k in reach)]
            if inside:
                c = str(inside[0].value["country"])
                at = next(k for k in sorted(reach) if inside[0].span.start <= sent.tok(k).start)
                other = [Ref(Actor(name=inside[0].value.get("name") or inside[0].span.text, country=c, sector=None,
                                   id=c), at, "place-in-clause")]
        if other:
            r.recipients, r.recipient_rule = other, "sentence-only-other-country"
    if not r.recipients and not r.reciprocal and r.actors:
        # a party named in the saying's venue ("in an interview with Ruritania's network", "at a summit in
        # Ruritania") is no counterpart; one inside what is said or done of is ("denounced Ruritania's move")
        found = [x for x in _predicate_party(sent, h, v, places, r.actors, ctx, lex)
                 if (x.rule == "predicate-party" and not _gathering_venue(sent, h, x.at, type_, top)
                     and not _capital_venue(sent, x.at, top))
                 or not _venue(sent, x.at, type_, top)]
        if found:
            r.recipients, r.recipient_rule = found, found[0].rule
    if not r.recipients and not r.reciprocal and type_ in NEEDS_RECIPIENT:
        r.recipients = unknown_recipients(sent, h, anchor, ctx, lex, r.actors)  # "sent aid to the ZNLF"
        r.recipient_rule = "recipient:unknown-party" if r.recipients else r.recipient_rule
    if not r.recipients and not r.reciprocal and type_ == "ASSAULT" and not _names_target(sent, h.head):
        for x in inner:  # "a Ruritanian drone strike killed five people": those killed, when no one else is named
            if x.trigger.lemma in CASUALTY_LEMMAS and not r.recipients:
                r.recipients = [f for o in sent.children(x.head, *OBJECTS)
                                for f in refs_at(sent, o, ctx, lex, typed=True)]
                r.recipient_rule = "recipient:casualties" if r.recipients else None
    if type_ == "COERCE" and not h.noun and h.trigger.lemma in SEIZING and _by_operation(sent, h.head) \
            and _foreign_leader_taken(r, by_state=True):
        notes.append("operation-capture")  # "ordered an operation to seize the rival state's premier": an abduction
        type_, mode = "ASSAULT", "abduct"
    if h.noun and not r.reciprocal:
        _received(sent, h, r, ctx, lex, notes)
    _sentence_nationality(sent, r, type_, ctx)
    date = event_date(sent, reach, anchor, dates, attribution)
    if date is None and r.actor_rule == "previous-sentence-subject":
        before = [d for d in ctx.previous_dates if d.value.get("value")]  # "They include ...": its time frame
        if before:
            d = before[0]
            date = DateRef(str(d.value["value"]), d.value.get("precision"), d.span.text, "date:previous-sentence")
    past, episode = background(sent, h, date, reference, lex)
    if episode is not None and date is None:
        date = episode
    place = event_place(sent, reach, places, lex)
    if place is None and r.territory:
        t = r.territory[0].actor
        place = {"name": t.name, "country": t.country, "lat": None, "lon": None, "precision": "country"}
    if not r.actors and place is not None and place.get("country") and type_ in AUTHORITIES_ACTS \
            and (type_ != "ACCUSE" or not OFFICIAL_ACCUSATIONS.isdisjoint(h.trigger.lemma.split())) \
            and r.recipients and not r.reciprocal:
        # "a banker was put under investigation in Spain", "went on trial in Cairo": a charge, an arrest or
        # a sentence by no one named is the act of the authorities of the country where it is done
        r.actors, r.actor_rule = [_authorities(str(place["country"]), anchor)], "place-authorities"
    if r.actor_rule == "between" and place is not None and place.get("country"):
        for a in [*r.actors, *r.recipients]:  # "clashes between police and gangs in Nairobi": the local police
            if a.generic and a.actor.sector in LOCAL_SECTORS and "context:" in a.rule:
                a.actor.country = str(place["country"])
                a.rule = a.rule.split("+context:")[0] + "+place-of-event"
                notes.append("between-local-forces")
    if r.actors and type_ not in ("CONSULT", "AID", "COOPERATE") and all(
            not a.actor.country and a.actor.sector not in ("IGO", "NGO") and not named_person(sent, a)
            for a in r.actors):
        # "clerics went on a hunger strike to seek the removal of the Tunisian premier", "tribal
        # elders say they will pardon the Ghanaian president": a group of no country named, acting toward the
        # government of the one country the sentence names, is of that country
        ruled = {x.actor.country for x in r.recipients if x.actor.country and x.actor.sector == "GOV"}
        named = {str(m.value["country"]) for m in sent.mentions if m.value.get("country")}
        abroad = any(envoy(x.actor.name, x.actor.sector) or _form_at(sent, x.at) == "capital" for x in r.recipients) \
            or any(a.actor.sector == "GOV" for a in r.actors)  # "attend talks in Oslo": a venue abroad
        if len(ruled) == 1 and named <= ruled and not abroad:  # not "the regime summoned the British envoy"
            for a in r.actors:
                a.actor.country, a.rule = next(iter(ruled)), a.rule + "+own-government"
    if place is not None and place.get("country"):
        for a in r.actors:  # "thousands of people marched in Nairobi": the people of the place they act in
            if a.generic and not a.actor.country and a.actor.sector in PEOPLE_SECTORS:
                a.actor.country = str(place["country"])
                a.rule += "+place-of-event"
        if type_ in ("ASSAULT", "COERCE") and place.get("precision") in ("city", "admin"):
            for b in r.recipients:  # "killed 23 people in Tel Aviv": the people of the town struck;
                # "killed five soldiers near Gao": its forces; "an attempt to kill a deputy governor was
                # thwarted in Tyumen": its local officials (not a diplomat, who is most often foreign)
                if b.generic and not b.actor.country and (b.actor.sector in PLACE_PEOPLE or _local_office(b.actor)):
                    b.actor.country = str(place["country"])
                    b.rule += "+place-of-event"
    place_here = place is not None and bool(place.get("country")) and any(  # named in the act's own clause,
        m.value.get("country") == place["country"]  # not in "..., sources in Pakistan said"
        and any(m.span.start <= sent.tok(k).start < m.span.end for k in reach) for m in places)
    if not r.actors and type_ == "ASSAULT" and place_here:
        notes.append("place-in-clause")  # the document stage may code unnamed attackers to it
    if not r.recipients and not r.reciprocal and type_ in DOMESTIC_TARGET and place is not None and place_here \
            and place.get("precision") in ("city", "admin", "country"):
        # "lifted the state of emergency in Darfur", "a general strike shut down Kathmandu": an act aimed at no
        # party named falls on the people of the country where it is done
        c = str(place["country"])
        r.recipients, r.recipient_rule = [Ref(Actor(name=str(place.get("name") or c), country=c), anchor,
                                              "place-of-event")], "place-of-event"
    home = {a.actor.country for a in r.actors if a.actor.country}
    if not r.recipients and not r.reciprocal and type_ in HOME_ACTS and len(home) == 1 and st.value == "asserted" \
            and not (type_ == "COERCE" and any(a.actor.sector == "MIL" for a in r.actors)):  # forces may act abroad
        # "the government lifted the state of emergency", "opposition parties organized a general strike": a
        # concession, a repression or a protest aimed at no one named is aimed at the actor's own country
        c = next(iter(home))
        r.recipients, r.recipient_rule = [Ref(Actor(name=c, country=c), anchor, "actor-country")], "actor-country"
    if not r.recipients and not r.reciprocal and v is not None and any(
            sent.low(o) in PERSON_OBJECTS for o in objects(sent, v)):
        person = next((x for o in objects(sent, v) for x in [pronoun_person(sent, o, r.actors)] if x), None)
        if person is not None:  # "the ad against Senator Ames, accusing her of ...": the person named before
            r.recipients, r.recipient_rule = [person], "recipient:object"
        else:
            r.recipient_rule = "unresolved-person-object"  # "accuses him of ...": a person, not the other state
    if not r.recipients and not r.reciprocal and v is not None and type_ in SAID_OR_MET | {"COERCE"}:
        # "stood by Senator Ames while auditors examined her accounts": whose accounts
        person = next((x for o in objects(sent, v) for k in sent.children(o, "poss")
                       for x in [pronoun_person(sent, k, r.actors)] if x), None)
        if person is not None:
            r.recipients, r.recipient_rule = [person], "recipient:object-owner"
    if not r.recipients and not r.reciprocal and type_ not in NEEDS_RECIPIENT:  # "apprehended a suspect"
        struck = place.get("country") if place is not None and type_ in ("ASSAULT", "COERCE") \
            and place.get("precision") in ("city", "admin") else None  # the people of the town struck
        r.recipients = people_recipients(sent, h, anchor, ctx, lex, r.actors, passive, type_, struck)
        r.recipient_rule = "recipient:people" if r.recipients else r.recipient_rule
    if not r.recipients and not r.reciprocal and type_ == "ACCUSE" and v is not None:
        act = _act_condemned(sent, v, lex)  # "the United States condemned the attack": whose attack, from the page
        if act:
            notes.append(f"condemned-act={act}")
    if not r.recipients and not r.reciprocal and v is not None and not h.noun \
            and any(sent.low(k) in ALSO for k in sent.children(v, "advmod")):
        notes.append("also")  # "Japan and Australia also expressed concern": as the one before did, to the same side

    mag = magnitude(sent, h, reach | {k for x in inner for k in sent.subtree(x.head)}, lex,
                    targets=type_ in COUNTED_TARGETS) \
        if type_ in ("ASSAULT", "COERCE") or h.noun or type_ in COUNTED_TARGETS else NO_MAGNITUDE.copy()
    names = {a.actor.name for a in r.actors} | {a.actor.name for a in r.recipients}
    credited = reported_by(sent, reach, st.speech, names, quote, lex)
    trigger = sent.char_span(h.first, h.last)
    rule = "; ".join(x for x in (
        h.trigger.rule, f"parse={sent.tok(h.head).tag}/{sent.tok(h.head).dep}" + ("/passive" if passive else ""),
        f"actor={r.actor_rule}" + "".join(sorted({f"+{a.rule}" for a in r.actors if a.rule != "mention"}))
        if r.actor_rule else "actor=none",
        (f"recipient={'reciprocal' if r.reciprocal else r.recipient_rule}"
         + "".join(sorted({f"+{a.rule}" for a in r.recipients if a.rule != "mention"})))
        if (r.recipient_rule or r.reciprocal) else "recipient=none",
        first_status, *notes,
        f"date={date.rule}" if date else "date=none",
        "background" if past else None,
        f"reported_by={credited[1]}" if credited else None) if x)
    conf = _confidence(h, r, st)
    out = []
    if r.reciprocal and type_ in RECIPROCAL and speaker and len(r.actors) > 1:
        # "X said the two countries would keep working together": told from the side of the party telling it
        said = {x.actor.country for x in speaker if x.actor.country}
        r.actors = sorted(r.actors, key=lambda a: a.actor.country not in said)
    for actor, recipient in _pairs(r, type_):
        out.append(Event(
            type=type_, mode=mode, actor=actor, recipient=recipient, status=st.value, evidence=sent.span,
            trigger=trigger, rule=rule, date=date.value if date else None,
            date_precision=date.precision if date else None,  # type: ignore[arg-type]
            date_text=date.text if date else None, location=place, magnitude=mag,
            intensity=lex.intensity(type_, mode), reported_by=credited[0] if credited else None,
            confidence=conf, background=past))
    return out


def _demand_frames(sent: Sentence, hits: list[Hit], ctx: Context, lex: EventLexicon) -> tuple[list[Event], set[int]]:
    """ "Germany said Iran must release the journalists": a statement that another party must act is a
    REQUEST of it, by the speaker; the act required gives the mode and is no event of its own."""
    modals = {p[0] for p in lex.demand_modals}
    speech = set(lex.tree_rules.get("speech_verbs") or ())
    out: list[Event] = []
    taken: set[int] = set()
    for v in sent:
        if sent.tok(v).pos not in ("VERB", "AUX") or not any(sent.low(k) in modals for k in sent.children(v, "aux")):
            continue  # "said Greece must be ready to resume talks": a copula too
        s = sent.head(v)
        if sent.tok(v).dep != "ccomp" and not (  # "sent a reminder to Chad that it must comply"
                sent.tok(v).dep == "acl" and s is not None and sent.tok(s).pos == "NOUN"
                and any(sent.low(k) == "that" for k in sent.children(v, "mark"))):
            continue
        if s is None or (sent.tok(s).lemma not in speech and sent.tok(s).pos != "NOUN"):
            continue
        speakers, rule = subject_of(sent, s, ctx, lex) if sent.tok(s).pos != "NOUN" \
            else nominal_actor(sent, s, ctx, lex)
        targets: list[Ref] = []
        for subj in sent.children(v, "nsubj"):
            targets = refs_at(sent, subj, ctx, lex)
        passive = bool(sent.children(v, "nsubjpass"))
        if passive:  # "said the journalists must be released": a demand on whoever holds them, named by "by"
            targets = [x for ag in sent.children(v, "agent") for o in sent.children(ag, "pobj")
                       for x in refs_at(sent, o, ctx, lex)]
        if not speakers or not (targets or passive):
            continue
        if any(a.actor.name == b.actor.name or (a.actor.country == b.actor.country and a.actor.sector == b.actor.sector)
               for a in speakers for b in targets):
            continue  # "the government said it must act": a resolve of one's own side, not a demand
        inner = [h for h in hits if sent.dominates(v, h.head)]
        taken.update(id(h) for h in inner)
        mode = _request_mode(inner[0].trigger.type) if inner else None
        modal = next(sent.low(k) for k in sent.children(v, "aux") if sent.low(k) in modals)
        why = "recipient:passive-agent" if passive and targets else "none" if passive else "recipient:clause-subject"
        recipients: list[Ref | None] = [*targets] or [None]
        for a in speakers:
            for b in recipients:
                out.append(Event(
                    type="REQUEST", mode=mode, actor=a.actor, recipient=b.actor if b else None, status="asserted",
                    evidence=sent.span, trigger=sent.char_span(v), confidence=0.6,
                    rule=f"triggers.yaml:frame:{modal}; actor={rule}; recipient={why}; "
                         f"status=asserted; " + (f"content={inner[0].trigger.type}" if inner else "content=none"),
                    intensity=lex.intensity("REQUEST", mode)))
    return out, taken


def _blame_frames(sent: Sentence, hits: list[Hit], ctx: Context, lex: EventLexicon) -> list[Event]:
    """ "The minister said the strikes were illegal", "X said the raid violated international law": a statement
    that another party's act is unlawful or wrong is an ACCUSE (disapprove) by the speaker, of the party the
    clause's subject names (a party, or the party of an act: "the US strikes"). The clause is a copula with a
    blame word in its complement (the words "call" predicates: `blame_predicates`), or a verb of breach
    (`breach_verbs`) of a norm (`broken_norms`), or a failure (`failure_verbs`) in a duty (`failed_duties`:
    "said Greece had failed to stop the smugglers"). Nothing when the speaker denies it, the clause is negated or
    hypothetical, or a trigger already codes the speech verb or an accusation inside the clause."""
    rules = lex.tree_rules
    blame = [tuple(str(p).split()) for p in rules.get("blame_predicates") or ()]
    breach = {str(w) for w in rules.get("breach_verbs") or ()}
    norms = {str(w).split()[-1] for w in rules.get("broken_norms") or ()}
    failing = {str(w) for w in rules.get("failure_verbs") or ()}
    duties = {str(w) for w in rules.get("failed_duties") or ()}
    speech = set(rules.get("speech_verbs") or ()) - {"deny", "threaten", "warn", "predict", "suggest", "think",
                                                       "believe", "vow", "pledge", "promise", "hint", "signal"}
    if not blame and not breach:
        return []
    out: list[Event] = []
    for v in sent:
        s = sent.head(v)
        if sent.tok(v).dep != "ccomp" or s is None or sent.tok(s).lemma not in speech or sent.tok(s).pos != "VERB":
            continue
        if sent.children(s, "neg") or sent.children(v, "neg") or any(
                sent.low(k) in ("if", "whether", "unless") for k in sent.children(v, "mark")):
            continue
        if any(sent.tok(k).lemma in ("would", "could", "might", "may") for k in sent.children(v, "aux")):
            continue
        if any(h.head == s or (h.trigger.type == "ACCUSE" and (sent.dominates(v, h.head) or h.head == sent.head(s)))
               for h in hits):
            continue  # "criticized Mexico, saying it had failed to ...": the criticism says it
        t = sent.tok(v)
        if t.lemma == "be":
            preds = sent.children(v, "acomp", "attr")
            if not preds:
                continue
            pred = preds[0]
            # the complement's own words: its head and what stands before it ("a flagrant violation", "a war
            # crime"), and an "of" right after it ("an act of war"), not a clause further on
            said = [k for k in sent.subtree(pred) if k <= pred]
            if pred + 2 < sent.end and sent.low(pred + 1) == "of" and sent.head(pred + 1) == pred:
                said += [pred + 1, pred + 2]
            if not any(eventmatch.phrase_at(sent, said, p) for p in blame):
                continue
        elif t.lemma in breach and t.pos == "VERB":
            objs = [o for o in sent.children(v, "dobj", "obj") if sent.tok(o).lemma in norms]
            if not objs:
                continue
            pred = v
        elif t.lemma in failing and t.pos == "VERB":
            if not any(sent.tok(x).lemma in duties for x in sent.children(v, "xcomp")):
                continue
            pred = v
        else:
            continue
        subjects = sent.children(v, "nsubj")
        if not subjects:
            continue
        speakers, rule = subject_of(sent, s, ctx, lex)
        if not speakers:
            continue
        targets = refs_at(sent, subjects[0], ctx, lex)
        why = "recipient:clause-subject"
        if not targets and sent.tok(subjects[0]).pos == "NOUN":
            found, how = nominal_actor(sent, subjects[0], ctx, lex)
            targets = [r for r in found if r.actor.country] if how in ("nominal-possessive", "nominal-modifier",
                                                                       "nominal-by") else []
            if not targets:  # "said the American report was baseless": whose the thing judged is
                targets = [Ref(mention_actor(m.value, m.span.text), k, "owner")
                           for k in sent.children(subjects[0], "amod", "compound", "poss")
                           if (m := sent.mention(k)) is not None and m.value.get("country")
                           and not ethnic(sent, k)][:1]
            why = "recipient:clause-act-party"
        if not targets and (t.lemma in failing or not any(h.head == subjects[0] for h in hits)):
            continue  # "said the talks had failed to produce a deal", "said the weather was dangerous": no party
            # blamed, nor an act of one ("said the strikes were illegal")
        if any(a.actor.name == b.actor.name or (a.actor.country and a.actor.country == b.actor.country
                                                and a.actor.sector == b.actor.sector)
               for a in speakers for b in targets):
            continue  # "the minister said his own decision was a mistake": no accusation of another
        if any(a.generic and a.actor.country and a.actor.country == b.actor.country for a in speakers for b in targets):
            continue  # "the minister said Greece had failed": whose minister the sentence does not tell
        recipients: list[Actor | None] = [b.actor for b in targets] or [None]
        for a in speakers:
            for recipient in recipients:
                out.append(Event(
                    type="ACCUSE", mode="disapprove", actor=a.actor, recipient=recipient,
                    status="asserted", evidence=sent.span, trigger=sent.char_span(pred), confidence=0.55,
                    rule=f"triggers.yaml:frame:blame; actor={rule}; recipient={why if targets else 'none'}; "
                         f"status=asserted", intensity=lex.intensity("ACCUSE", "disapprove")))
    return out


# Predicate adjectives of consent: "strikes would be fine with me".
APPROVING = frozenset({"ok", "okay", "fine", "acceptable", "alright"})


def _approval_frames(sent: Sentence, hits: list[Hit], ctx: Context, dates: list[Mention], attribution: list[Mention],
                     lex: EventLexicon) -> tuple[list[Event], set[int]]:
    """ "The president said strikes on the camps would be fine with him": a leader approving an act of force
    of his own side that has not happened threatens it (THREATEN), toward the act's target. The act is the
    subject of a copula whose adjective of consent takes "with" and the one who consents (a pronoun for the
    one who says it, or a party named); the speaker is the subject of the verb the clause hangs on or the
    possessor of the remark it qualifies. The act approved is no event of its own."""
    out: list[Event] = []
    taken: set[int] = set()
    for a in sent:
        t = sent.tok(a)
        cop = sent.head(a)
        if t.dep != "acomp" or sent.low(a) not in APPROVING or cop is None or sent.tok(cop).lemma != "be" \
                or sent.children(cop, "neg"):
            continue
        by = [o for w in sent.children(a, "prep") if sent.low(w) == "with" for o in sent.children(w, "pobj")]
        if not by:
            continue
        subjects = sent.children(cop, "nsubj")
        if not subjects and cop > sent.first and sent.tok(cop - 1).pos == "NOUN":
            subjects = [cop - 1]  # "suggesting strikes are fine with him", the parser taking the act as an object
        acts = [h for h in hits if h.noun and h.head in subjects and h.trigger.type in PROMISED_FORCE]
        if not acts:
            continue
        actors: list[Ref] = []
        rule = ""
        if sent.low(by[0]) not in PERSON_PRONOUNS | FIRST_PERSON:
            actors, rule = refs_at(sent, by[0], ctx, lex), "approval-by"
        if not actors:
            actors, rule = _approver(sent, cop, subjects[0], ctx, lex)
        if not actors:
            continue
        h = acts[0]
        taken.update(id(x) for x in acts)
        targets = [f for w in sent.children(h.head, "prep") if sent.low(w) in ("on", "against")
                   for o in sent.children(w, "pobj") for f in refs_at(sent, o, ctx, lex)]
        targets = [f for f in targets if f.actor.country not in {x.actor.country for x in actors}] \
            or _only_other_country(sent, h, actors)
        mode = _threat_mode(h.trigger.type, h.trigger.mode, lex)
        date = event_date(sent, set(sent.subtree(cop)), cop, dates, attribution)
        aimed: list[Actor | None] = [f.actor for f in targets] or [None]
        for x in actors:
            for y in aimed:
                out.append(Event(
                    type="THREATEN", mode=mode, actor=x.actor, recipient=y, status="asserted",
                    evidence=sent.span, trigger=sent.char_span(a), confidence=0.55,
                    rule=f"triggers.yaml:frame:approval; actor={rule}; recipient="
                         + ("recipient:approved-act" if targets else "none")
                         + f"; status=asserted; threat-of={h.trigger.type}; "
                         + (f"date={date.rule}" if date else "date=none"),
                    date=date.value if date else None,
                    date_precision=date.precision if date else None,  # type: ignore[arg-type]
                    date_text=date.text if date else None, intensity=lex.intensity("THREATEN", mode)))
    return out, taken


def _approver(sent: Sentence, cop: int, act: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """Who says an act would be fine with him: the subject of the verb the clause hangs on ("said strikes are
    fine"), or the possessor of a remark the clause qualifies ("his remarks suggesting strikes are fine")."""
    v = sent.head(cop) if act in sent.children(cop, "nsubj") else sent.head(act)
    if v is None or v == cop:
        return [], ""
    n = sent.head(v) if sent.tok(v).dep == "acl" else None
    if n is None and sent.tok(v).tag == "VBG" and sent.tok(v).dep == "advcl":
        k = v - 1  # "Smith's remarks – suggesting strikes are fine": the participle set off after its noun
        while k > sent.first and sent.tok(k).pos == "PUNCT":
            k -= 1
        n = k if k < v - 1 and sent.tok(k).pos == "NOUN" else None
    if n is not None:
        for k in sent.children(n, "poss"):
            refs = refs_at(sent, k, ctx, lex)
            if refs:
                return refs, "approval-remark-possessor"
    refs, rule = subject_of(sent, v, ctx, lex)
    return refs, f"approval-{rule}" if refs else ""


ALSO = frozenset({"also", "too", "likewise", "similarly"})


def _act_condemned(sent: Sentence, v: int, lex: EventLexicon) -> str | None:
    """The act of force or coercion an accusation names with no party in it: "condemned the attack",
    "expressed concern over the incident" (the lemma), for the page to say whose it was."""
    force = lex.force_nouns
    args = [*sent.children(v, "dobj", "obj"),
            *(o for p in sent.children(v, "prep") if sent.low(p) in ("over", "about", "at", "after")
              for o in sent.children(p, "pobj")),
            *(o for d in sent.children(v, "dobj") for p in sent.children(d, "prep")
              if sent.low(p) in ("over", "about", "at") for o in sent.children(p, "pobj"))]
    for a in args:
        if sent.tok(a).lemma in force and not any(sent.mention(k) is not None for k in sent.subtree(a)):
            return sent.tok(a).lemma
    return None


def _blame_candidate(sent: Sentence, lex: EventLexicon) -> bool:
    """Whether a sentence with no trigger may still hold a statement of blame (see `_blame_frames`): a speech
    verb and a word of blame, breach or failure."""
    speech, blame, prefixes = lex.blame_cues
    lemmas = {sent.tok(k).lemma for k in sent}
    return not lemmas.isdisjoint(speech) and (not lemmas.isdisjoint(blame)
                                              or any(sent.low(k).startswith(prefixes) for k in sent))


def _failed_measure_candidate(sent: Sentence, lex: EventLexicon) -> bool:
    verbs = set((lex.tree_rules.get("failed_measures") or {}).get("verbs") or ())
    return any(sent.tok(k).lemma in verbs for k in sent)


def _failed_measures(sent: Sentence, ctx: Context, dates: list[Mention], attribution: list[Mention],
                     lex: EventLexicon) -> list[Event]:
    """ "The bill failed by two votes in parliament": the chamber rejected the measure.
    The chamber is a legislature named in the sentence, else the nearest one the document named before."""
    rules = lex.tree_rules.get("failed_measures") or {}
    verbs, nouns = set(rules.get("verbs") or ()), set(rules.get("nouns") or ())
    out: list[Event] = []
    for v in sent:
        if sent.tok(v).pos != "VERB" or sent.tok(v).lemma not in verbs or sent.children(v, "neg") \
                or not any(sent.tok(k).lemma in nouns for k in sent.children(v, "nsubj")):
            continue
        named = [m for m in (sent.mention(k) for k in sent) if m is not None]
        chamber = next((m for m in named if m.value.get("sector") == "LEG" and m.value.get("country")), None)
        rule = "sentence-legislature"
        if chamber is None:
            chamber = next((m for m in reversed(ctx.before(sent.span.start))
                            if m.value.get("sector") == "LEG" and m.value.get("country")), None)
            rule = "document-legislature"
        if chamber is None:
            continue
        date = event_date(sent, set(sent.subtree(v)), v, dates, attribution)
        out.append(Event(
            type="REJECT", mode=None, actor=mention_actor(chamber.value, chamber.span.text), recipient=None,
            status="asserted", evidence=sent.span, trigger=sent.char_span(v), confidence=0.55,
            rule=f"triggers.yaml:frame:failed-measure; actor={rule}; recipient=none; status=asserted; "
                 + (f"date={date.rule}" if date else "date=none"),
            date=date.value if date else None, date_precision=date.precision if date else None,  # type: ignore[arg-type]
            date_text=date.text if date else None, intensity=lex.intensity("REJECT", None)))
    return out


def _comparison(sent: Sentence, h: Hit) -> bool:
    """A trigger inside a "just as ..." / "much as ..." clause: the speaker's comparison. So is an act told
    by a toll compared with another's ("have killed more people than the famine"): a tally, no event."""
    cur: int | None = h.head
    for _ in range(3):
        if cur is None:
            return False
        t = sent.tok(cur)
        if t.pos in ("VERB", "AUX") and t.dep == "advcl" and _just_as(sent, cur):
            return True
        if t.pos in ("VERB", "AUX") and any(
                sent.low(m) in COMPARATIVES and any(sent.low(p) == "than" for p in sent.children(o, "prep"))
                for o in sent.children(cur, "dobj", "obj") for m in sent.children(o, "amod")):
            return True
        cur = sent.head(cur) if t.dep in ("dobj", "obj", "pobj", "prep") else None
    return False


COMPARATIVES = frozenset({"more", "fewer", "less"})


def _just_as(sent: Sentence, verb: int) -> bool:
    """Whether this clause opens with "just as" or "much as"."""
    marks = [k for k in sent.children(verb, "mark", "advmod") if sent.low(k) == "as"]
    return any(sent.low(k) in ("just", "much") for m in marks for k in sent.children(m, "advmod")) or \
        any(sent.low(k) in ("just", "much") and k + 1 in marks for k in range(sent.first, verb))


# Offices held in and for a place, whose holder with no country named is of the place they are in.
LOCAL_OFFICES = frozenset({"governor", "mayor", "councillor", "councilor", "councilman", "councilwoman", "judge",
                           "prosecutor", "magistrate", "lawmaker", "legislator", "mp", "deputy", "official"})


def _local_office(a: Actor) -> bool:
    """Whether a generic government, legislature or court actor is named by a local office ("a deputy
    governor", "two judges", "a city councillor")."""
    head = a.name.lower().split()[-1] if a.name.strip() else ""
    return a.sector in ("GOV", "LEG", "JUD") and (head in LOCAL_OFFICES or head.rstrip("s") in LOCAL_OFFICES)


def _form_at(sent: Sentence, k: int) -> str | None:
    m = sent.mention(k)
    return None if m is None else m.value.get("form")


def _sentence_nationality(sent: Sentence, r: Roles, type_: str, ctx: Context) -> None:
    """A group named with no country ("rebels", "demonstrators", "fundamentalists") in a sentence that names
    one country only: a party of that country ("the Sudanese government accused rebels of ...", "police
    dispersed demonstrators in Cairo"). Not the victims of an attack (whose side the sentence may not name),
    and not for a recipient of another country than the actor's (an act across a border)."""
    country = ctx.sentence_country(sent.span.start, sent.span.end)
    if country is None:
        return
    def other_side(b: Ref) -> bool:  # a state (not its people: "freed three Colombians"), its capital or envoys
        form = _form_at(sent, b.at)
        return envoy(b.actor.name, b.actor.sector) or form == "capital" or (_state_itself(b.actor) and form != "people")

    if any(not b.generic and b.actor.country == country and other_side(b) for b in r.recipients):
        return  # "the government expelled the French ambassador", "the president praised Kenya", "the minister
        # flew to Moscow": the one country named is the other side's
    # "soldiers expelled thousands of ethnic Albanians": an ethnic group is no state its party belongs to, nor
    # is a foreign mission ("set fire to the door of the French embassy") the state of the crowd at its door
    named = [k for k in sent if (m := sent.mention(k)) is not None and m.value.get("country") == country]
    for a in r.actors:
        if a.generic and not a.actor.country and a.actor.sector not in ("CRM", "IGO", "NGO", "MED") \
                and not (named and all(ethnic(sent, k) or envoy_mention(sent.mention(k)) for k in named)):
            a.actor.country, a.rule = country, f"{a.rule}+sentence-country"
    own = {a.actor.country for a in r.actors}
    if type_ in ("ASSAULT", "MOBILIZE") or not own <= {country, None}:
        return
    for b in r.recipients:
        if b.generic and not b.actor.country and b.actor.sector not in ("CRM", "IGO", "NGO", "MED"):
            b.actor.country, b.rule = country, f"{b.rule}+sentence-country"


def _stance_target(sent: Sentence, n: int) -> list[Ref]:
    """The country an "anti-" modifier of a noun names ("an anti-American protest", "anti-Israel rallies")."""
    before = [k for k in sent.subtree(n) if k < n]
    for k in before:
        low = sent.low(k)
        if low == "anti" and k + 2 < n and sent.tok(k + 1).text in ("-", "\u2010", "\u2011"):
            word, at = sent.tok(k + 2).text, k + 2
        elif low.startswith(("anti-", "anti\u2010", "anti\u2011")) and len(low) > 5:
            word, at = sent.tok(k).text[5:], k
        else:
            continue
        c = stance_country(word)
        if c:
            return [Ref(Actor(name=word, country=c, sector=None, id=c), at, "anti-modifier")]
    return []


def _modal_frame_candidate(sent: Sentence, lex: EventLexicon) -> bool:
    """A sentence with no trigger that may still hold a demand frame ("declared that China must drop")."""
    modals = {p[0] for p in lex.demand_modals}
    return any(sent.low(k) in modals and sent.tok(k).dep == "aux" for k in sent)


def _died_of(sent: Sentence, n: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """Who died of an act of force a noun names: the subject of "die" when the noun is the object of
    its cause or circumstance ("died under torture", "were among those who died in the shelling")."""
    v = _dying_verb(sent, n)
    if v is None:
        return []
    for s in sent.children(v, "nsubj"):
        found = _party_of(sent, s, ctx, lex)
        if found:
            return found
    return []


def _party_of(sent: Sentence, s: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """The party a noun names, or failing that the one its country word gives ("a Ruritanian prisoner",
    "a US national")."""
    for k in (s, *sent.children(s, "amod", "compound")):
        found = refs_at(sent, k, ctx, lex, typed=True)
        if found:
            return found
    return []


def _set_up_to(sent: Sentence, v: int) -> bool:
    """A purpose clause of a verb that sets up or sends those who will do it: "sent experts to investigate",
    "set up a commission to look into"."""
    h = sent.head(v)
    return sent.tok(v).dep in ("advcl", "xcomp", "acl", "relcl") and h is not None \
        and sent.tok(h).lemma in SETTING_UP and (sent.tok(h).lemma != "set" or any(
            sent.low(k) == "up" for k in sent.children(h, "prt")))


def _sent_to(sent: Sentence, v: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """The country a body is sent to or set up in, for the act of its purpose clause at v."""
    h = sent.head(v)
    if h is None:
        return []
    for k in sent.subtree(h, skip=("advcl", "xcomp", "relcl", "ccomp", "nsubj")):
        if sent.tok(k).dep == "pobj" and sent.low(sent.head(k) or k) in ("to", "in"):
            found = [x for x in refs_at(sent, k, ctx, lex, typed=True) if x.actor.country]
            if found:
                return found
    return []


def _authorities(country: str, at: int) -> Ref:
    """The state of a country as the actor of an official act no one is named for."""
    from ..lexicon import load_lexicon

    known = load_lexicon().countries.get(country)
    name = known.names[0] if known is not None and known.names else country
    return Ref(Actor(name=name, country=country, sector="GOV", id=f"{country}GOV"), at, "state-of-place")


def _message_author(sent: Sentence, v: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """A verbal act told by a participle on a noun of a message ("issued a statement condemning the raid",
    "Iran's letter urging calm"): the message's author, its possessor or the subject of the verb issuing it."""
    n = sent.head(v)
    if sent.tok(v).dep != "acl" or sent.tok(v).tag != "VBG" or n is None or sent.tok(n).lemma not in MESSAGE_NOUNS:
        return [], ""
    for k in sent.children(n, "poss"):
        refs = refs_at(sent, k, ctx, lex)
        if refs:
            return refs, "message-possessor"
    w = sent.head(n)
    if w is not None and sent.tok(n).dep in ("dobj", "obj") and sent.tok(w).pos == "VERB":
        refs, _ = subject_of(sent, w, ctx, lex)
        if refs:
            return refs, "message-author"
    return [], ""


# acts that fall on their object: a verb of these types with no object is a passive
ACTS_ON_OBJECT = frozenset({"ASSAULT", "COERCE"})


def _done_to_object(sent: Sentence, v: int, h: Hit) -> bool:
    """The trigger at v is an act done to its object: an attack or a coercion, or a charge with the
    phrase a passive of it takes ("charged with", "accused of"); not a protest or a complaint, which
    needs none."""
    if "object" not in h.trigger.recipient:
        return False
    if h.trigger.type in ACTS_ON_OBJECT:
        return True
    return h.trigger.type == "ACCUSE" and any(sent.low(p) in ("with", "of") for p in sent.children(v, "prep"))


def _headline_participle(sent: Sentence, v: int, h: Hit) -> bool:
    """A participle the parser hung on the noun that heads the sentence, with no object of its own or shared with a verb
    coordinated after it, no "by" agent, and a trigger whose target is its object: a passive of the kind
    headlines use ("Two officers charged with fraud"), not a finite verb whose object is named."""
    t = sent.tok(v)
    head = sent.head(v)
    if t.tag != "VBN" or t.dep != "acl" or head is None or head > v or sent.tok(head).head != head \
            or not _done_to_object(sent, v, h):
        return False
    if sent.children(v, "agent", "auxpass", "aux") or any(sent.low(k) == "by" for k in sent.children(v, "prep")):
        return False
    return not objects(sent, v) and not shared_objects(sent, v)


def _bare_participles(sent: Sentence, v: int, h: Hit) -> tuple[int, int] | None:
    """A verb with a subject but no auxiliary and no object, coordinated with a participle that has no
    subject, auxiliary or object of its own ("helicopters shot down and destroyed"), when the trigger at v
    (the first verb or the participle) is an act whose target is its object: the two verbs as a pair, first
    the one the subject hangs on."""
    if not _done_to_object(sent, v, h) or sent.tok(v).tag not in ("VBD", "VBN"):
        return None
    first = v
    head = sent.head(v)
    if sent.tok(v).dep == "conj" and head is not None and head < v:
        first = head
    seconds = [k for k in sent.children(first, "conj") if k > first and sent.tok(k).tag == "VBN"
               and all(sent.tok(j).pos in ("CCONJ", "ADV", "PUNCT") or (sent.tok(j).dep == "prt" and
                                                                         sent.tok(j).head == first)
                       for j in range(first + 1, k))]
    if sent.tok(first).tag not in ("VBD", "VBN") or not sent.children(first, "nsubj") or not seconds:
        return None
    if v != first and v not in seconds:
        return None
    second = seconds[0]
    for k in (first, second):
        if sent.children(k, "aux", "auxpass", *OBJECTS) or objects(sent, k):
            return None
    if sent.children(second, "nsubj", "nsubjpass") or sent.tok(sent.child(first, "nsubj") or first).pos == "PRON":
        return None
    return first, second


def _reduced_relative(sent: Sentence, v: int, h: Hit) -> int | None:
    """The noun a participle at v modifies as a reduced relative ("miners shot by soldiers"), directly or
    as the second of two coordinated participles, when the trigger is an act done to its object and
    neither participle has an object, an auxiliary or a subject."""
    if not _done_to_object(sent, v, h) or sent.tok(v).tag != "VBN":
        return None
    first = v
    if sent.tok(v).dep == "conj":
        up = sent.head(v)
        if up is None or up > v or sent.tok(up).tag != "VBN":
            return None
        first = up
    noun = sent.head(first)
    if sent.tok(first).dep != "acl" or noun is None or noun > first \
            or sent.tok(noun).pos not in ("NOUN", "PROPN", "NUM"):
        return None
    for k in {first, v}:
        if sent.children(k, "aux", "auxpass", "nsubj", "nsubjpass", *OBJECTS) or objects(sent, k):
            return None
    return None if shared_objects(sent, first) else noun


def _passive_light(sent: Sentence, n: int, lex: EventLexicon) -> int | None:
    """The passive light verb whose phrase a nominal act is: "was put under investigation", "were taken
    into custody"."""
    p = sent.head(n)
    if sent.tok(n).dep != "pobj" or p is None or sent.low(p) not in ("under", "into", "on"):
        return None
    v = sent.head(p)
    return v if v is not None and v == governing_light_verb(sent, n, lex) and real_passive(sent, v) else None


def _same_type_verb(sent: Sentence, h: Hit, lex: EventLexicon) -> int | None:
    """The verb a nominal trigger is the object of when the verb reads as an act of the same type ("slapped
    sanctions on", "staged an assault on"): it serves the noun as a light verb."""
    v = sent.head(h.head)
    if v is None or sent.tok(h.head).dep not in ("dobj", "obj") or sent.tok(v).pos != "VERB":
        return None
    readings = lex.heads.get(sent.tok(v).lemma, ())
    return v if any(x.pos == "verb" and x.type == h.trigger.type and " " not in x.lemma and not x.undergoer
                    for x in readings) else None


def _place_object(sent: Sentence, n: int, places: list[Mention]) -> bool:
    """A nominal act of force whose object is a place: "the Ruritanian bombardment of the capital"."""
    for p in sent.children(n, "prep"):
        if sent.low(p) in ("of", "on"):
            for o in sent.children(p, "pobj"):
                at = sent.tok(o).start
                if any(m.span.start <= at < m.span.end for m in places):
                    return True
    return False


def _told_before(sent: Sentence, n: int) -> bool:
    """A noun pointed back at with a demonstrative ("in this strike", "those raids"): an act told before."""
    return any(sent.low(k) in ("this", "that", "these", "those") for k in sent.children(n, "det"))


def _attempted(sent: Sentence, v: int) -> bool:
    """A verb of force as what a noun of trying names ("an attempt to kill the president", "a bid to
    assassinate the king"), with no subject of its own: the manual codes attempted acts of force."""
    t = sent.tok(v)
    h = sent.head(v)
    return t.dep == "acl" and h is not None and sent.tok(h).lemma in ATTEMPT_NOUNS \
        and not sent.children(v, "nsubj", "nsubjpass") and any(sent.low(a) == "to" for a in sent.children(v, "aux"))


def _dying_verb(sent: Sentence, n: int) -> int | None:
    """The verb of dying whose cause a noun is: "died in the attack", "died as a result of the torture"."""
    p = sent.head(n)
    if sent.tok(n).dep != "pobj" or p is None:
        return None
    if sent.low(p) == "of":  # "as a result of", "as a consequence of"
        above = sent.head(p)
        if above is not None and sent.tok(above).lemma in ("result", "consequence") and sent.tok(above).dep == "pobj":
            p = sent.head(above)
            if p is None or sent.low(p) != "as":
                return None
    elif sent.low(p) not in DYING_PREPOSITIONS:
        return None
    v = sent.head(p)
    return v if v is not None and sent.tok(v).lemma in DYING_LEMMAS else None


def _custodian(sent: Sentence, v: int | None, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """Who held the victim of an act of force told with no agent: "died under torture in police custody"
    (the police), "while in Ruritanian army custody"."""
    if v is None:
        return []
    for p in sent.children(v, "prep"):
        pobj = sent.child(p, "pobj")
        if sent.low(p) in ("in", "under") and pobj is not None and sent.tok(pobj).lemma == "custody":
            for k in sent.children(pobj, "poss", "compound", "amod"):
                found = refs_at(sent, k, ctx, lex)
                if found:
                    return found
    return []


def _caused(sent: Sentence, v: int, lex: EventLexicon) -> bool:
    """ "A minefield explosion killed two youths": an act of force whose subject is the weapon or the
    blast, not a party; kept like an agentless passive."""
    causes = set(lex.tree_rules.get("causes") or ())
    subjects = sent.children(v, "nsubj")
    h = sent.head(v)
    if not subjects and sent.tok(v).dep == "conj" and h is not None:
        subjects = sent.children(h, "nsubj")  # "the raids hit the camps and have killed ten": the shared subject
    return any(sent.tok(s).lemma in causes for s in subjects)


def _refusal(sent: Sentence, v: int | None) -> bool:
    """A negated act stated as a refusal: with a future or modal ("will not meet", "would never allow",
    "cannot accept"), not a plain fact ("provided no evidence")."""
    if v is None:
        return False
    words = {sent.low(k) for k in sent.children(v, "aux", "neg")} | {sent.tok(k).lemma for k in sent.children(v, "aux")}
    return bool(words & {"will", "would", "wo", "can", "ca", "could", "shall", "never", "refuse"})


def _adjunct_actor(sent: Sentence, n: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """ "During the call, she proposed ...", "thanked Trump for the call": a meeting named in an adjunct
    of a verb is its subject's."""
    h = sent.head(n)
    if h is None or sent.tok(n).dep != "pobj" or sent.low(h) not in ("during", "in", "after", "for", "on", "at"):
        return [], ""
    v = sent.head(h)
    if v is None or sent.tok(v).pos != "VERB":
        return [], ""
    refs, _ = subject_of(sent, v, ctx, lex)
    return (refs, "adjunct-subject") if refs else ([], "")


def _call_partner(sent: Sentence, h: Hit, places: list[Mention], actors: list[Ref], ctx: Context,
                  lex: EventLexicon, adjunct: bool) -> tuple[list[Ref], str]:
    """Whom a meeting named in an adjunct, or a call, was with: a party in the predicate of the verb it
    hangs on ("thanked the Canadian premier for the call"), else the document's counterpart of the
    subject's country ("after the call, the minister announced ...", "we had a useful call": a call is with someone)."""
    k = _relative_clause(sent, h.head)  # "a talk in which the envoy urged him": the one urged
    if k is not None:
        for o in sent.children(k, *OBJECTS):
            names = {a.actor.name for a in actors}
            found = [f for f in refs_at(sent, o, ctx, lex) if f.actor.name not in names]
            if found:
                return found, "relative-object"
    prep = sent.head(h.head) if adjunct else None
    if prep is not None:
        v = sent.head(prep)
        found = [] if v is None else [f for f in _predicate_party(sent, h, v, places, actors, ctx, lex)
                                      if f.rule == "predicate-party"]
        if found:
            return found, "predicate-party"
    if (h.trigger.mode == "phone" or (prep is not None and sent.low(prep) in ("during", "after"))) \
            and actors[0].actor.country:
        other = ctx.counterpart(actors[0].actor.country)
        if other is not None:
            return [Ref(other, h.head, "document-counterpart")], "document-counterpart"
    return [], ""


TOLL_NOUNS = frozenset({"toll", "death", "casualty", "fatality", "victim"})


def _agreed_opinion(sent: Sentence, v: int) -> bool:
    """ "agreed that the harvest had been poor": what is agreed is a fact told in the past or
    present, not an act to come ("agreed that the talks will resume", "agreed that the army withdraw")."""
    for k in sent.children(v, "ccomp"):
        if not any(sent.low(m) == "that" for m in sent.children(k, "mark")):
            continue
        aux = {sent.low(a) for a in sent.children(k, "aux", "auxpass")}
        if aux & {"will", "would", "shall", "should", "must", "'ll", "can", "could", "may", "might", "to"}:
            return False
        t = sent.tok(k)  # a plural present may be a subjunctive ("that the troops withdraw"), unless a copula
        return t.tag in ("VBD", "VBZ") or (t.tag == "VBN" and bool(aux)) \
            or (t.tag == "VBP" and t.lemma in ("be", "have"))
    return False


def _toll_of(sent: Sentence, n: int) -> bool:
    """ "the number killed in the Ruritanian shelling stands at 12": strikes told by the lives they took happened."""
    p = sent.head(n)
    if p is None or sent.tok(n).dep != "pobj" or sent.low(p) not in ("from", "of", "in"):
        return False
    above = sent.head(p)
    return above is not None and (sent.tok(above).lemma in TOLL_NOUNS or (  # "were killed in a Ruritanian strike"
        sent.tok(above).pos == "VERB" and sent.tok(above).lemma in CASUALTY_LEMMAS | DYING_LEMMAS))


def _speaker_of_coordinated(sent: Sentence, v: int, ctx: Context, lex: EventLexicon, actors: list[Ref],
                            rule: str) -> tuple[list[Ref], str]:
    """ "X conceded that the patrols had begun but condemned their scale": a verbal act
    the parser coordinated inside the clause a speech verb reports, whose subject there is no party, is the
    speaker's second predicate."""
    h = sent.head(v)
    if sent.tok(v).dep != "conj" or h is None or sent.tok(h).dep != "ccomp":
        return actors, rule
    speech = sent.head(h)
    if speech is None or sent.tok(speech).lemma not in set(lex.tree_rules.get("speech_verbs") or ()):
        return actors, rule
    refs, _ = subject_of(sent, speech, ctx, lex)
    return (refs, "speaker-coordinated") if refs else (actors, rule)


def _visit_roles(sent: Sentence, n: int, r: Roles, places: list[Mention], ctx: Context, lex: EventLexicon) -> None:
    """A visit named in an adjunct ("during the visit of X, Y said", "met X during his visit to Y's capital")
    is the visitor's, to the clause's subject: the one it is "of", else, when the visit is to the subject's
    own country, the other party of the clause."""
    hosts = r.actors
    own = {a.actor.country for a in hosts if a.actor.country}
    visitors: list[Ref] = []
    for p in sent.children(n, "prep"):
        pobj = sent.child(p, "pobj")
        if pobj is None:
            continue
        if sent.low(p) == "of":
            visitors = [x for x in refs_at(sent, pobj, ctx, lex) if x.actor.country and x.actor.country not in own]
            rule = "visit-of"
        elif sent.low(p) == "to" and own and any(pl.span.start <= sent.tok(pobj).start < pl.span.end
                                                 and pl.value.get("country") in own for pl in places):
            v = sent.head(sent.head(n) or n)
            found = [] if v is None else [x for k in sent.subtree(v, skip=("nsubj", "nsubjpass", "advcl", "ccomp"))
                                          if k not in sent.subtree(n) and sent.mention(k) is not None
                                          for x in refs_at(sent, k, ctx, lex)]
            visitors = [x for x in found if x.actor.country and x.actor.country not in own][:1]
            rule = "visit-to-host"
        if visitors:
            r.actors, r.actor_rule, r.recipients, r.recipient_rule = visitors, rule, hosts, "recipient:host"
            return


def _relative_clause(sent: Sentence, n: int) -> int | None:
    """The verb of an "in which" clause told of the noun at n ("a long talk last week in which the envoy
    urged him"), however the parser hung it."""
    for k in sent:
        if sent.tok(k).pos != "VERB":
            continue
        for p in sent.children(k, "prep"):
            if sent.low(p) in ("in", "during") and any(sent.low(w) == "which" for w in sent.children(p, "pobj")) \
                    and n < p <= n + 4 and all(sent.tok(j).pos in ("ADJ", "NOUN", "PROPN", "DET", "NUM")
                                               for j in range(n + 1, p)):  # "a talk last week in which"
                return k
    return None


def _relative_actor(sent: Sentence, n: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """ "a long talk in which the envoy urged him": a meeting told by what one did in it is that one's."""
    k = _relative_clause(sent, n)
    if k is not None:
        refs, _ = subject_of(sent, k, ctx, lex)
        if refs:
            return refs, "relative-subject"
    return [], ""


def _deep_agent(sent: Sentence, v: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """ "has been charged with corruption by the Kenyan authorities": a passive's "by" phrase the parser hung
    on a word below the verb, not on the verb."""
    for k in sent.subtree(v, skip=("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis")):
        if k != v and sent.tok(k).dep == "prep" and sent.low(k) == "by" and sent.head(k) != v:
            pobj = sent.child(k, "pobj")
            refs = refs_at(sent, pobj, ctx, lex) if pobj is not None else []
            if refs:
                return refs, "passive-by-deep"
    return [], ""


def _expelled_from(sent: Sentence, v: int, ctx: Context, lex: EventLexicon) -> tuple[list[Ref], str]:
    """ "three diplomats were expelled from Britain": who one is expelled from expelled them."""
    for p in sent.children(v, "prep"):
        if sent.low(p) == "from":
            pobj = sent.child(p, "pobj")
            refs = refs_at(sent, pobj, ctx, lex) if pobj is not None else []
            if refs:
                return refs, "expelled-from"
    return [], ""


def _meeting_object(sent: Sentence, h: Hit) -> bool:
    """ "will host an international conference", "held talks": a meeting named is a consultation though no one
    it is held with is named."""
    heads = [k for k in h.words[1:] if sent.tok(k).pos == "NOUN"] or sent.children(h.head, *OBJECTS, "nsubjpass")
    return any(sent.tok(k).lemma in MEETING_NOUNS for k in heads)


def _verb_over(sent: Sentence, n: int) -> int | None:
    """The verb a nominal trigger hangs on ("launched strikes", "was considering strikes on")."""
    cur = n
    for _ in range(3):
        t = sent.tok(cur)
        h = sent.head(cur)
        if h is None:
            return None
        if sent.tok(h).pos in ("VERB", "AUX") and t.dep in ("dobj", "obj", "nsubjpass", "nsubj", "attr", "pobj",
                                                            "conj"):
            return h
        if t.dep in ("pobj", "conj", "compound") or sent.tok(h).pos == "ADP":
            cur = h
            continue
        return None
    return None


def _scope(sent: Sentence, hits: list[Hit], ctx: Context, lex: EventLexicon) -> tuple[
        list[Hit], dict[int, list[Hit]], dict[int, tuple[list[Ref], str]]]:
    """The hits that are events of their own, what each governing one took as content, and the
    director of each act ordered by its actor's own side."""
    content: dict[int, list[Hit]] = {}
    swallowed: set[int] = set()
    directed: dict[int, tuple[list[Ref], str]] = {}
    at = {h.head: h for h in hits}
    for h in hits:  # "strike threats": a noun compounded on a trigger noun is part of it
        hd = sent.head(h.head)
        if h.noun and sent.tok(h.head).dep == "compound" and hd in at and at[hd].noun:
            swallowed.add(id(h))
            content.setdefault(id(at[hd]), []).append(h)
    for g in hits:
        if id(g) in swallowed:
            continue
        if g.trigger.lemma.split()[0] in lex.directive_verbs or sent.tok(g.head).text.lower() in lex.directive_verbs:
            done = _directive(sent, g, hits, ctx, lex)
            if done is not None:
                inner, director = done
                swallowed.add(id(g))
                for x in inner:
                    directed[id(x)] = director
                continue
        if g.trigger.type == "CONSULT":
            topic: set[int] = set()  # "negotiations on an Israeli troop pullback": the topic of talks, no act
            hv = sent.head(g.head)
            over = [hv] if g.noun and hv is not None and sent.tok(g.head).dep in ("dobj", "obj") else []
            preps = [*sent.children(g.head, "prep"), *(p for v in over for p in sent.children(v, "prep") if p > g.head)]
            for p in preps:
                if sent.low(p) in TOPIC_PREPOSITIONS:
                    topic.update(sent.subtree(p))
            for x in hits:
                if x is not g and x.noun and x.head in topic and id(x) not in swallowed:
                    swallowed.add(id(x))
        if not g.trigger.governs:
            continue
        deps = NOUN_CONTENT_DEPS if g.noun else CONTENT_DEPS
        region: set[int] = set()
        for k in sent.children(g.head, *deps):
            if sent.tok(k).dep == "prep" and sent.low(k) in TIME_PREPOSITIONS:
                continue  # "after the call, the minister proposed talks": when it was said, not what
            region.update(sent.subtree(k, skip=("advcl", "relcl", "parataxis")))
        hv = sent.head(g.head)
        if g.noun and hv is not None and sent.tok(g.head).dep in ("dobj", "obj") and sent.tok(hv).pos == "VERB":
            for k in sent.children(hv, "ccomp"):  # "reiterated its demand that Israel ease ...": the parser
                if k > g.head and any(sent.low(m) == "that" for m in sent.children(k, "mark")):  # hangs it on the verb
                    region.update(sent.subtree(k, skip=("advcl", "relcl", "parataxis")))
        for x in hits:
            if x is not g and x.head in region and id(x) not in swallowed:
                swallowed.add(id(x))
                content.setdefault(id(g), []).append(x)
    for h in hits:
        if h.noun and id(h) not in swallowed:
            hd = sent.head(h.head)
            # a verb and the noun it takes of the same type: "launched strikes on boats", "imposed tariffs
            # on Mexico" is one event, read off the noun (its targets hang from it)
            if hd in at and not at[hd].noun and at[hd].trigger.type == h.trigger.type and id(at[hd]) not in swallowed \
                    and sent.tok(h.head).dep in ("dobj", "obj"):
                swallowed.add(id(at[hd]))
                continue
            # "lifted the curfew", "eased the sanctions", "violated the curfew": a verb that undoes or defies
            # the measure its reading is keyed on; the measure is its object, no event of its own
            if hd in at and not at[hd].noun and id(at[hd]) not in swallowed and at[hd].trigger.type in UNDOING \
                    and sent.tok(h.head).dep in ("dobj", "obj") and any(
                        len(p) == 1 and eventmatch.is_word(sent, h.head, p[0]) for p in at[hd].trigger.need_phrases):
                swallowed.add(id(h))
                content.setdefault(id(at[hd]), []).append(h)
                continue
            # "an executive order that designated five cartels": the act in the relative clause is the event
            for k in sent.children(h.head, "relcl", "acl"):
                if any(x is not h and not x.noun and x.head in sent.subtree(k) and x.trigger.type == h.trigger.type
                       for x in hits):
                    swallowed.add(id(h))
    causes = set(lex.tree_rules.get("causes") or ())
    attacks = [h for h in hits if h.trigger.type == "ASSAULT" and h.trigger.lemma not in CASUALTY_LEMMAS
               and id(h) not in swallowed]
    for c in hits:
        if c.trigger.lemma not in CASUALTY_LEMMAS or id(c) in swallowed:
            continue
        for a in attacks:
            top = (_verb_over(sent, a.head) or a.head) if a.noun else a.head  # "launched 20 strikes, killing 80"
            if sent.dominates(c.head, a.head) and not sent.dominates(top, c.head) and any(
                    sent.tok(k).lemma not in causes and sent.tok(k).pos in ("NOUN", "PROPN")
                    for k in sent.children(c.head, "nsubj")):
                continue  # "two gunmen killed 11 people when they blew up a bus": the killing is the act
            if sent.dominates(c.head, a.head) and not sent.dominates(top, c.head) and any(
                    sent.tok(sent.child(g, "pobj") or g).lemma not in causes for g in sent.children(c.head, "agent")):
                continue  # "five soldiers were killed by rebels in an ambush": the killing, by its agent
            if sent.dominates(top, c.head) or sent.dominates(c.head, a.head):
                swallowed.add(id(c))  # "..., killing at least 14 people": the strike's magnitude
                content.setdefault(id(a), []).append(c)
                break
    return [h for h in hits if id(h) not in swallowed], content, directed


def _other_branch(f: Ref, actors: list[Ref]) -> bool:
    """A body of one's own state that is not one's own branch: "the lawyers demanded that the police reopen
    the case", "senators demanded that the ministry publish the files" ask another part of the state, not
    themselves. A government or a state named by its name directs its own bodies instead."""
    sectors = {a.actor.sector for a in actors}
    return f.actor.sector in STATE_SIDES and None not in sectors and "GOV" not in sectors \
        and f.actor.sector not in sectors


def _directive(sent: Sentence, g: Hit, hits: list[Hit], ctx: Context,
               lex: EventLexicon) -> tuple[list[Hit], tuple[list[Ref], str]] | None:
    """ "ordered the navy to strike", "authorized strikes": when the one directed is the director's own
    (same country, or no other country), the act directed is the director's."""
    director, rule = subject_of(sent, g.head, ctx, lex)
    if not director:
        return None
    countries = {a.actor.country for a in director}
    for obj in sent.children(g.head, *OBJECTS):
        refs = refs_at(sent, obj, ctx, lex)
        if refs and any(a.actor.country and a.actor.country not in countries for a in refs):
            return None  # "ordered Iran to halt": a demand of a foreign party
    inner: list[Hit] = []
    for k in sent.children(g.head, "xcomp", "dobj", "ccomp"):
        region = set(sent.subtree(k))
        inner.extend(x for x in hits if x is not g and x.head in region)
    if not inner:
        return None
    return inner, (director, f"directive-{rule}")


def _between(sent: Sentence, anchor: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    for p in sent.children(anchor, "prep"):
        if sent.low(p) == "between":
            pobj = sent.child(p, "pobj")
            if pobj is not None:
                refs = refs_at(sent, pobj, ctx, lex)
                if len(refs) > 1:
                    return refs
    return []


def _operation_agent(sent: Sentence, v: int | None, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """ "were killed during a Peruvian army operation": the country of the operation named around the act."""
    if v is None:
        return []
    for p in sent.children(v, "prep"):
        if sent.low(p) in ("during", "in", "by"):
            pobj = sent.child(p, "pobj")
            if pobj is not None and sent.tok(pobj).lemma in ("operation", "raid", "strike", "attack", "offensive",
                                                            "assault", "bombardment", "bombing"):
                for k in sent.subtree(pobj):
                    m = sent.mention(k)
                    if m is not None and m.value.get("country"):
                        return refs_at(sent, k, ctx, lex)
    return []


def _content_type(sent: Sentence, h: Hit, inner: list[Hit], type_: str, mode: str | None, notes: list[str],
                  lex: EventLexicon) -> tuple[str, str | None]:
    t = h.trigger
    conflict = [x for x in inner if x.trigger.type in PROMISED_FORCE and not _circumstance(sent, h, x)
                and not _topic_of_act(sent, h, x, inner, lex)  # "offered talks on the war": what the talks are about
                and not sent.children(x.head, "neg")  # "promised not to attack civilians": no threat
                and not _addressee_phrase(sent, h, x)  # "offered help to the victims of the massacre"
                and not _countered(sent, h, x, lex)]
    if t.promise or (t.type == "THREATEN" and t.governs):
        refused = [x for x in inner if sent.children(x.head, "neg") and (
            x.trigger.type in REFUSABLE or x.trigger.only_negated or x.trigger.negated_as == "REJECT")]
        if refused:  # "vowed never to allow foreign troops", "warned it would never tolerate": a refusal
            notes.append(f"promised-refusal-of={refused[0].trigger.type}")
            return "REJECT", _request_mode(refused[0].trigger.type)
    if type_ == "AGREE" and t.governs and not h.noun and any(
            x.trigger.type == "CONCEDE" and not x.noun and sent.head(x.head) == h.head
            and sent.tok(x.head).dep == "xcomp" and not sent.children(x.head, "neg") for x in inner):
        notes.append(f"content={AGREED_CONCESSION}")  # "agreed to pause the tariffs": the linker threads it so
    if t.promise:
        if conflict:
            notes.append(f"promise-of={conflict[0].trigger.type}")
            return "THREATEN", _threat_mode(conflict[0].trigger.type, conflict[0].trigger.mode, lex)
        if any(x.trigger.type in PROMISED_FORCE and _countered(sent, h, x, lex) for x in inner):
            notes.append(COUNTERED)  # "are prepared to counter the threats": a stance, neither threat nor offer
        return type_, mode
    if type_ == "THREATEN" and mode is None and inner:
        mode = _threat_mode(inner[0].trigger.type, inner[0].trigger.mode, lex)
        if mode:
            notes.append(f"threat-of={inner[0].trigger.type}")
    if type_ in ("REQUEST", "REJECT") and mode is None and inner:
        mode = _request_mode(inner[0].trigger.type)
        if mode:
            notes.append(f"content={inner[0].trigger.type}")
    return type_, mode


def _addressee_phrase(sent: Sentence, h: Hit, x: Hit) -> bool:
    """A trigger inside the phrase naming whom a promise is made to ("offered an apology to the victims of the
    massacre"): it describes the addressee, it is not what is promised."""
    return any(sent.low(p) in ("to", "for") and sent.dominates(p, x.head) for p in sent.children(h.head, "prep"))


COUNTERED = "promise-against-force"
ANNOUNCED_ACTS = frozenset({"ASSAULT", "COERCE"})  # an agentless one announced by a state is its own
STATE_SIDES = frozenset({"GOV", "MIL", "COP", "SPY"})
AGREED_CONCESSION = "CONCEDE"  # the content an agreement to make a concession is marked with ("content=CONCEDE")


def _countered(sent: Sentence, h: Hit, x: Hit, lex: EventLexicon) -> bool:
    """A nominal act of force or threat in a promise's complement that is the object of a verb other than
    its light verb ("are prepared to counter the threats", "vowed to confront the attacks"): what the promise
    is against, not what it promises."""
    if not x.noun or sent.tok(x.head).dep not in ("dobj", "obj"):
        return False
    v = sent.head(x.head)
    return v is not None and v != h.head and sent.tok(v).pos == "VERB" \
        and governing_light_verb(sent, x.head, lex) is None


TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning", "into"})


def _topic_of_act(sent: Sentence, h: Hit, x: Hit, inner: list[Hit], lex: EventLexicon) -> bool:
    """A trigger of force in the topic phrase of another act the promise is of ("offered to hold talks with
    the rival state on the war", "pledged an inquiry into the killings"): what that act is about, not what
    is promised. The phrase hangs on that act's word or on its light verb."""
    for y in inner:
        if y is x or y.trigger.type in PROMISED_FORCE:
            continue
        holders = {y.head}
        light = governing_light_verb(sent, y.head, lex) if y.noun else None
        if light is not None and light != h.head:
            holders.add(light)
        for p in (p for k in holders for p in sent.children(k, "prep")):
            if sent.low(p) in TOPIC_PREPOSITIONS and sent.dominates(p, x.head):
                return True
    return False


CIRCUMSTANCE_PREPOSITIONS = frozenset({"following", "after", "before", "since", "amid", "despite", "during", "over",
                                       "because", "in the wake of"})


def _circumstance(sent: Sentence, h: Hit, x: Hit) -> bool:
    """A trigger in a phrase of time or cause inside a promise's complement ("offered to negotiate following
    the invasion"): the background of what is promised, not what is promised."""
    cur = sent.head(x.head)
    while cur is not None and cur != h.head:
        if sent.tok(cur).dep == "prep" and sent.low(cur) in CIRCUMSTANCE_PREPOSITIONS:
            return True
        nxt = sent.head(cur)
        cur = None if nxt == cur else nxt
    return False


def _threat_mode(type_: str, mode: str | None, lex: EventLexicon) -> str | None:
    return lex.threat_mode.get(f"{type_}:{mode}") or lex.threat_mode.get(type_)


def _request_mode(content_type: str) -> str | None:
    # The shared REQUEST/REJECT modes (manual: assist, change, yield, meet).
    return {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield",
            "CONCEDE": "yield"}.get(content_type)


def _speaker(sent: Sentence, st: Status, quote: Quote | None, ctx: Context, lex: EventLexicon) -> list[Ref] | None:
    """Who states the event: the subject of the speech verb over it, else the quotation's speaker."""
    if st.speech is not None:
        refs, _ = subject_of(sent, st.speech, ctx, lex)
        if refs:
            return refs
        return []
    if quote is not None and quote.speaker is not None:
        return [Ref(quote.speaker, sent.first, "quote-speaker")]
    return None


def _self_stated(speaker: list[Ref] | None, actors: list[Ref]) -> bool:
    if not speaker or not actors:
        return False
    if any(s.actor.sector == "MED" for s in speaker):
        return False
    names = {a.actor.name for a in actors}
    countries = {a.actor.country for a in actors if a.actor.country}
    return any(s.actor.name in names or (s.actor.country and s.actor.country in countries) for s in speaker)


def _names_target(sent: Sentence, head: int) -> bool:
    """Whether an act names what it was aimed at, even one no lexicon knows: an object ("struck a
    boat") or an on/against/at phrase ("strikes on boats"). Those it killed are then not its target."""
    if any(True for _ in sent.children(head, "dobj", "obj")):
        return True
    return any(sent.low(p) in ("on", "against", "at") and any(True for _ in sent.children(p, "pobj"))
               for p in sent.children(head, "prep"))


def _by_operation(sent: Sentence, v: int) -> bool:
    """The act is the purpose of an armed operation ("ordered a raid to seize and hold")."""
    h = sent.head(v)
    while sent.tok(v).dep == "conj" and h is not None:
        v, h = h, sent.head(h)
    return operation_purpose(sent, v) is not None


def _foreign_leader_taken(r: Roles, by_state: bool = False) -> bool:
    """Forces (or, by_state, a state whose operation does it) of one country taking another state's leaders."""
    forces = {a.actor.country for a in r.actors if (by_state or a.actor.sector == "MIL") and a.actor.country}
    if not r.recipients or not forces or len(forces) != len({a.actor.country for a in r.actors}):
        return False
    return all(b.actor.sector == "GOV" and b.actor.country and b.actor.country not in forces for b in r.recipients)


def _reading_by_actor(h: Hit, r: Roles, type_: str, lex: EventLexicon) -> tuple[str, str | None] | None:
    """The reading the actor calls for: a state that "protests" disapproves (ACCUSE), workers who
    "strike" stop work (PROTEST). From `actor_readings` in triggers.yaml; None keeps the trigger's."""
    for reading in lex.actor_readings:
        if reading["lemma"] != h.trigger.lemma.split()[-1] or reading["type"] != type_:
            continue
        sectors = set(reading.get("sectors") or ())
        words = {str(w).lower() for w in reading.get("names") or ()}
        for ref in r.actors:
            name = ref.actor.name.lower().split()
            state = reading.get("states") and ref.actor.country and ref.actor.sector is None
            if state or ref.actor.sector in sectors or (name and name[-1] in words):
                return str(reading["as"]), reading.get("mode")
    return None


# What is withdrawn or expelled decides between the manual's readings: one's troops pulled back are a
# RETREAT, and individuals expelled a COERCE; observers, diplomats, peacekeepers, aid staff or a whole
# mission withdrawn, and an international body or its staff expelled, reduce relations (SANCTION
# withdraw/expel; CAMEO 166, 1661-1663).
NON_MILITARY = frozenset({"peacekeeper", "observer", "monitor", "inspector", "diplomat", "ambassador", "envoy",
                          "staff", "mission", "embassy", "consulate", "agency", "organization", "organisation",
                          "volunteer", "delegation", "representative", "aid", "personnel", "worker"})
# Who may be expelled as a body or a state's envoy (SANCTION); other people expelled are deported (COERCE).
EXPELLED_BODIES = frozenset({"peacekeeper", "observer", "monitor", "inspector", "diplomat", "ambassador", "envoy",
                             "mission", "embassy", "consulate", "agency", "organization", "organisation",
                             "delegation"})
PEOPLE = frozenset({"worker", "member", "employee", "official", "journalist", "reporter", "correspondent", "national",
                    "citizen", "activist", "volunteer", "staff", "personnel", "missionary", "priest", "nun"})
BODIES = frozenset({"IGO", "NGO"})
# Who is welcomed decides between hosting a visit (CONSULT) and approving a move (SUPPORT).
VISITORS = frozenset({"leader", "president", "premier", "minister", "chancellor", "king", "queen", "prince",
                      "emir", "sultan", "pope", "envoy", "delegation", "counterpart", "visitor", "guest", "head",
                      "ambassador", "monarch", "dignitary", "secretary", "emissary", "foreign minister"})
LEAVING = frozenset({"leave", "quit", "depart", "exit"})
# Verbs of force whose object is a policy, a stand or a measure: an attack in words (ACCUSE), a measure
# killed or shot down (REJECT).
WORDY_ATTACKS = frozenset({"attack", "assail", "blast", "hit", "hit out at", "strike", "target"})
KILLING_OFF = frozenset({"kill", "shoot down", "torpedo", "sink", "bury"})
MEASURES = frozenset({"bill", "measure", "proposal", "plan", "deal", "idea", "resolution", "amendment", "motion",
                      "legislation", "initiative", "agreement", "treaty", "reform", "law", "budget", "nomination",
                      "package", "offer", "talk", "negotiation", "bid"})
STANDS = MEASURES | frozenset({"policy", "decision", "remark", "statement", "comment", "speech", "stance", "record",
                               "handling", "support", "approach", "strategy", "program", "programme", "move",
                               "announcement", "claim", "criticism", "report", "ruling", "verdict", "election",
                               "vote", "choice", "ideology", "rhetoric", "agenda", "loophole", "rule", "regulation",
                               "tax", "tariff", "mandate", "platform"})
VIEWS = frozenset({"assessment", "view", "opinion", "analysis", "position", "conclusion", "finding", "judgment",
                   "judgement", "characterization", "description"})
# Forces moved to help, rescue or rebuild are aid (the manual's MOBILIZE: disaster relief is AID).
RELIEF = frozenset({"help", "assist", "aid", "rescue", "evacuate", "rebuild", "distribute", "relief",
                    "reconstruction", "evacuation"})
# Support that is said to be only words is the manual's SUPPORT, support given in goods its AID.
BACKING = frozenset({"support", "backing", "help", "assistance"})
NON_MATERIAL = frozenset({"diplomatic", "political", "moral", "verbal", "vocal", "public", "rhetorical"})
MATERIAL = frozenset({"weapon", "arms", "money", "fund", "funding", "aid", "troop", "equipment", "ammunition",
                      "supply", "food", "loan", "cash", "munition", "training", "advisor", "adviser"})


def _reading_by_argument(sent: Sentence, h: Hit, v: int | None, r: Roles, type_: str,
                         mode: str | None) -> tuple[str, str | None] | None:
    """The reading the argument's kind decides, where one verb has several senses in the manual:
    "withdrew its observers" is a SANCTION (withdraw), "withdrew its troops" a RETREAT; "expelled the
    aid agency" a SANCTION (expel), "expelled two smugglers" a COERCE; "ordered the relief agency to
    leave the country" an expulsion, not a request; "welcomed the visiting premier" hosts a visit
    (CONSULT), "welcomed the decision" approves it (SUPPORT)."""
    if h.noun or v is None:
        if type_ == "SUPPORT" and h.trigger.lemma == "welcome" and _visitor(sent, r):
            return "CONSULT", "visit"  # "gave a warm welcome to the visiting premier"
        return None
    kinds = {sent.tok(k).lemma for o in objects(sent, v) for k in (o, *sent.conjuncts(o))}
    kinds |= {f"{sent.tok(c).lemma} {sent.tok(k).lemma}" for o in objects(sent, v)
              for k in (o, *sent.conjuncts(o)) for c in sent.children(k, "compound")}
    if type_ == "RETREAT" and mode == "withdraw" and kinds & NON_MILITARY:
        return "SANCTION", "withdraw"
    bodies = bool(kinds & EXPELLED_BODIES) or (bool(r.recipients) and not kinds & PEOPLE
                                               and all(x.actor.sector in BODIES for x in r.recipients))
    ordered_out = type_ == "REQUEST" and h.trigger.lemma in ("order", "tell") and any(
        sent.tok(x).lemma in LEAVING for x in sent.children(v, "xcomp", "ccomp"))
    if ordered_out or (type_ == "COERCE" and mode == "deport"):  # "ordered the foreign reporters to leave"
        return ("SANCTION", "expel") if bodies else ("COERCE", "deport") if ordered_out else None
    welcomed = {c for o in sent.children(v, "dobj", "obj", "nsubjpass") for c in sent.conjuncts(o)} \
        if v is not None else set()
    if type_ == "SUPPORT" and h.trigger.lemma == "welcome" and _visitor(sent, r) \
            and all(x.at in welcomed for x in r.recipients):  # not "welcomed the election of the president"
        return "CONSULT", "visit"
    if type_ == "MOBILIZE" and (any(sent.tok(x).lemma in RELIEF for x in sent.children(v, "advcl", "xcomp"))
                                or any(sent.tok(k).lemma in RELIEF for p in sent.children(v, "prep")
                                       if sent.low(p) == "for" for o in sent.children(p, "pobj")
                                       for k in (o, *sent.children(o, "compound")))):
        return "AID", None  # the manual: forces sent for disaster relief are aid ("sent troops to help flood victims")
    heads = {sent.tok(k).lemma for o in objects(sent, v) for k in (o, *sent.conjuncts(o))}
    if type_ == "ASSAULT" and h.trigger.lemma in WORDY_ATTACKS and heads and heads <= STANDS:
        return "ACCUSE", "disapprove"  # "attacked the government's budget plan": words against a policy
    if type_ == "ASSAULT" and h.trigger.lemma == "attack" and _politician_attacking_in_words(sent, r):
        return "ACCUSE", "disapprove"  # "the candidate started attacking Latinos", "the senator attacked Ortega"
    if type_ == "AGREE" and h.trigger.lemma == "agree" and any(
            sent.tok(o).lemma in STANDS | VIEWS for p in sent.children(v, "prep") if sent.low(p) == "with"
            for o in sent.children(p, "pobj")):
        return "SUPPORT", None  # "agreed with the court's decision": approval of an act (the manual's SUPPORT)
    if type_ == "ASSAULT" and h.trigger.lemma in WORDY_ATTACKS and any(
            (sent.low(p) == "for" and sent.children(p, "pcomp")) or (sent.low(p) == "as" and sent.children(p, "pobj"))
            for p in sent.children(v, "prep")):
        return "ACCUSE", "disapprove"  # "attacked his rivals for taking donations", "attacked her as a liar": words
    if type_ == "CONCEDE" and h.trigger.lemma == "regret" and heads and heads <= STANDS and not any(
            sent.tok(k).pos == "PRON" for o in objects(sent, v) for k in sent.children(o, "poss")):
        return "ACCUSE", "disapprove"  # "regrets the decision to expand the zone": disapproval, not an apology
    if type_ == "ASSAULT" and h.trigger.lemma in KILLING_OFF and heads and heads <= MEASURES:
        return "REJECT", None  # "the Senate killed the bill", "shot down the proposal"
    if type_ == "AID" and any(sent.tok(o).lemma in BACKING and any(sent.tok(a).lemma in NON_MATERIAL
                                                                    for a in sent.children(o, "amod"))
                              for o in objects(sent, v)):
        return "SUPPORT", None  # "provided diplomatic support to the council": the manual's non-material support
    if type_ == "SUPPORT" and h.trigger.lemma in ("support", "back") and any(
            sent.tok(o).lemma in MATERIAL for p in sent.children(v, "prep") if sent.low(p) == "with"
            for k in sent.children(p, "pobj") for o in (k, *sent.conjuncts(k))):
        return "AID", None  # "supported the rebels with weapons and money": material aid
    return None


POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD"})
ARMED_SECTORS = frozenset({"MIL", "REB", "CRM", "INS", "COP", "SPY"})
FORCE_WORDS = frozenset({"troop", "force", "army", "military", "soldier", "weapon", "gun", "knife", "missile", "drone",
                         "bomb", "rocket", "militant", "fighter", "jet", "artillery", "shell", "airstrike", "navy",
                         "police", "officer", "gunman", "assailant", "stab", "shoot", "punch", "kick", "injure",
                         "wound", "kill", "hospital"})


def _politician_attacking_in_words(sent: Sentence, r: Roles) -> bool:
    """A named politician (a head of government, a lawmaker, a party's candidate, a judge) who "attacks" a person,
    a people or a body with no force told anywhere in the sentence attacks in words: the manual's criticism. A
    state, a place or an armed party attacked, or a weapon, troops or wounds named, keep the act of force."""
    if not r.actors or not all(named_person(sent, a) and a.actor.sector in POLITICAL_SECTORS for a in r.actors):
        return False
    if any(x.actor.sector in ARMED_SECTORS or _state_itself(x.actor) or
           ((m := sent.mention(x.at)) is not None and m.value.get("form") in ("name", "capital"))
           for x in r.recipients):
        return False
    return not any(sent.tok(k).lemma.lower() in FORCE_WORDS for k in sent)


RECEIVING = frozenset({"receive", "win", "get", "obtain", "secure", "gain"})


def _received(sent: Sentence, h: Hit, r: Roles, ctx: Context, lex: EventLexicon, notes: list[str]) -> None:
    """ "Pakistan received aid from the United States", "won recognition from the Community", "got a call from
    the premier": an act the subject receives is by the one it comes from, and the subject is its recipient."""
    lv = governing_light_verb(sent, h.head, lex)
    if lv is None or sent.tok(lv).lemma not in RECEIVING:
        return
    givers = [x for at in (h.head, lv) for p in sent.children(at, "prep") if sent.low(p) == "from"
              for o in sent.children(p, "pobj") for x in refs_at(sent, o, ctx, lex)]
    if not givers:
        return
    takers = [x for x in r.actors if x.actor.name not in {g.actor.name for g in givers}]
    r.actors, r.recipients = givers, takers
    r.actor_rule, r.recipient_rule = "received-from", ("recipient:receiver" if takers else None)
    notes.append("received-from")


def _visitor(sent: Sentence, r: Roles) -> bool:
    """The one welcomed is a person or a delegation (a visitor), not a decision or a move."""
    return bool(r.recipients) and all(
        named_person(sent, x) or sent.tok(x.at).lemma in VISITORS
        or any(sent.tok(c).lemma in VISITORS for c in sent.children(x.at, "compound")) for x in r.recipients)


def _mode_cue(sent: Sentence, reach: set[int], type_: str, lex: EventLexicon) -> str | None:
    cues = lex.mode_cues.get(type_)
    if not cues:
        return None
    words = sorted(reach)
    lows = [sent.low(k) for k in words]
    for mode, phrases in cues.items():
        for p in phrases:
            n = len(p)
            if any(tuple(lows[j:j + n]) == p for j in range(len(lows) - n + 1)):
                return mode
    return None


def _place_target(sent: Sentence, anchor: int, places: list[Mention], actors: list[Ref]) -> list[Ref]:
    """ "strikes in Venezuela": a country entered or hit stands for its recipient when no actor is named."""
    own = {a.actor.country for a in actors}
    for p in sent.children(anchor, "prep"):
        if sent.low(p) not in ("in", "inside", "into", "on", "against"):
            continue
        pobj = sent.child(p, "pobj")
        if pobj is None:
            continue
        for pl in places:
            if pl.span.start <= sent.tok(pobj).start < pl.span.end:
                c = pl.value.get("country")
                if c and c not in own:
                    return [Ref(Actor(name=pl.value.get("name") or pl.span.text, country=c, sector=None, id=c),
                                pobj, "place")]
    return []


def _only_other_country(sent: Sentence, h: Hit, actors: list[Ref]) -> list[Ref]:
    """The one foreign country the sentence names, when the actor's is known and there is just one; for an
    international body, which has none, the one country named ("the UN sent peacekeepers to protect
    civilians in Haiti")."""
    own = {a.actor.country for a in actors}
    if not own or (None in own and not all(a.actor.sector == "IGO" for a in actors)):
        return []
    own.discard(None)
    others = []
    taken = [sent.mention(a.at) for a in actors]  # "ethnic Russians in Ukraine": the actor's own word
    phrase: set[int] = set()  # "Bosnian Serb gunners": a second country word in the actor's own phrase
    for a in actors:
        head = sent.head(a.at) if sent.tok(a.at).dep in ("amod", "compound") else a.at
        phrase.update(sent.subtree(head if head is not None else a.at, skip=("prep", "relcl", "acl", "appos")))
    # "..., a spokeswoman for the U.S. embassy said": a foreign mission telling of an act in its host country
    # is no party to it (where "Ukrainian officials said" of shelled villages tells whose they are)
    speech = set(lexicon().tree_rules.get("speech_verbs") or ())
    for v in sent.ancestors(h.head):
        if sent.tok(v).lemma in speech:
            for subj in sent.children(v, "nsubj"):
                told = sent.subtree(subj)
                if not sent.dominates(subj, h.head) and any(  # not a misparse hanging the act under the teller
                        (m := sent.mention(k)) is not None and envoy(m.value.get("name"), m.value.get("sector"))
                        for k in told):
                    phrase.update(told)
    for k in sent:
        m = sent.mention(k)
        if m is None or k in phrase or any(m is t for t in taken) or ethnic(sent, k) \
                or (sent.tok(k).dep == "compound" and sent.mention(sent.head(k) or k) is m):
            continue  # an ethnic group's name is no state it belongs to
        c = m.value.get("country")
        if host_argument(sent, h.head, k, actors):
            continue
        inside_relative = any(sent.tok(a).dep in ("relcl", "acl") and not sent.dominates(a, h.head)
                              for a in sent.ancestors(k))
        if c and c not in own and m.value.get("sector") != "MED" and not m.value.get("generic") \
                and not inside_relative and not _destination_of_next_act(sent, h.head, k):
            # "strikes on camps that Iran says are used by its allies"
            others.append((k, m))
    if len({m.value.get("country") for _, m in others}) != 1:
        return []
    k, m = others[0]
    return [Ref(mention_actor(m.value, m.span.text), k, "only-other-country")]


def _destination_of_next_act(sent: Sentence, v: int, k: int) -> bool:
    """Whether word k is where a second act coordinated with v goes ("freed three prisoners and flew them
    to Oman"): the destination of that act, not a party to v."""
    for c in sent.children(v, "conj"):
        if c > v and sent.tok(c).pos == "VERB" and sent.dominates(c, k):
            return any(sent.tok(a).dep in ("prep", "dative") and sent.low(a) in ("to", "into", "toward", "towards")
                       and sent.dominates(c, a) for a in sent.ancestors(k))
    return False


PREDICATE_SKIP = ("nsubj", "nsubjpass", "csubj", "advcl", "relcl", "parataxis", "punct", "appos", "npadvmod")


def _quotation_before(sent: Sentence, h: Hit, top: int, ctx: Context) -> Span | None:
    """The quotation a cue follows ("“… the referendum in Britain,” Merkel told reporters after the
    meeting"), when the trigger stands after it, outside it: what was said is no party to the act the
    cue's sentence tells of (a partial quotation inside the predicate, after the verb, still is)."""
    first = ctx.quote_at(sent.tok(sent.first).start)
    if first is None or first.span.end > sent.tok(top).start or first.span.end > sent.tok(h.head).start:
        return None
    return first.span


def _predicate_party(sent: Sentence, h: Hit, v: int | None, places: list[Mention], actors: list[Ref],
                     ctx: Context, lex: EventLexicon) -> list[Ref]:
    """The party named inside the trigger's own predicate when no argument place held one: "denounced
    Serbia's suppression of the unrest" (Serbia), "refused to commit to the US-led war" (the US),
    "lifted the curfew in Arequipa" (the region, for an act within one's own country).
    A foreign party first; a place of the actor's own country only when the document names no other
    state the actor deals with (the document's counterpart is left to the document's roles)."""
    top = v if v is not None else h.head
    if h.noun and v is None:
        top = h.head
    own_names = {a.actor.name for a in actors}
    own = {a.actor.country for a in actors if a.actor.country}
    inside_actor = {k for a in actors for k in sent.subtree(a.at)}
    sent_off = {k for u in sent.subtree(top, skip=PREDICATE_SKIP) if sent.tok(u).text.lower() in lex.sending_verbs
                or sent.tok(u).lemma in lex.sending_verbs for o in sent.children(u, *OBJECTS) for k in sent.subtree(o)}
    said_before = _quotation_before(sent, h, top, ctx)
    words = [k for k in _breadth_first(sent, top, PREDICATE_SKIP)
             if k not in h.words and k not in inside_actor and k not in sent_off
             and not _destination_of_next_act(sent, h.head, k)
             and not (said_before is not None and said_before.start <= sent.tok(k).start < said_before.end)]
    later = coordinated_acts(sent, top)  # "ending the reset, pulling out of the pact with X, arming Y": X first
    words = [*(k for k in words if k not in later), *(k for k in words if k in later)]
    place_of: dict[int, Mention] = {}
    for place in places:
        for k in words:
            if place.span.start <= sent.tok(k).start < place.span.end and place.value.get("country"):
                place_of.setdefault(k, place)
    foreign: list[Ref] = []
    domestic: list[Ref] = []
    for k in words:
        m = sent.mention(k)
        if m is not None and m.value.get("country") and m.value.get("sector") != "MED" and not ethnic(sent, k) \
                and mention_actor(m.value, m.span.text).name not in own_names:
            c = m.value.get("country")
            if c not in own:
                foreign.append(Ref(mention_actor(m.value, m.span.text), k, "predicate-party"))
                break
        pl = place_of.get(k)
        if pl is not None and (m is None or m.value.get("form") == "capital"):
            c = str(pl.value.get("country"))
            actor = Actor(name=str(pl.value.get("name") or pl.span.text), country=c, sector=None, id=c)
            if c not in own:
                foreign.append(Ref(actor, k, "predicate-place"))
                break
            if str(pl.value.get("name") or pl.span.text) != c and not domestic:
                domestic.append(Ref(actor, k, "predicate-own-place"))
    if foreign:
        return foreign[:1]
    if domestic and not any(ctx.counterpart(c) for c in own):
        return domestic
    return []


def _breadth_first(sent: Sentence, top: int, skip: tuple[str, ...]) -> list[int]:
    """The words below `top`, nearest to it in the tree first (a possessor of the object before a word
    in a phrase hanging from it), in text order within one depth."""
    out, level = [], [top]
    while level:
        out.extend(sorted(level))
        level = [k for j in level for k in sent.children(j) if sent.tok(k).dep not in skip or _led_by(sent, k)]
    return out


LED = frozenset({"lead", "back", "sponsor", "broker", "arm", "fund"})


def _led_by(sent: Sentence, k: int) -> bool:
    """ "the US-led war", "Iranian-backed militias": the party a hyphened participle names is in the phrase,
    though the parser hangs it as a measure of the participle."""
    h = sent.head(k)
    return sent.tok(k).dep == "npadvmod" and h is not None and h == k + 2 and sent.tok(k + 1).text == "-" \
        and sent.tok(h).lemma in LED


def _pairs(r: Roles, type_: str) -> list[tuple[Actor | None, Actor | None]]:
    """The (actor, recipient) pairs an event is told for. A reciprocal reading of a type with no direction
    (`RECIPROCAL`: "Chile and Peru held talks") is one event per pair of parties, named in their order (a
    dyad filter and the linker read such a type either way round); one of a directed type ("fighting
    between A and B") is one event each way."""
    actors: list[Actor | None] = [a.actor for a in r.actors] or [None]
    if r.reciprocal and type_ in RECIPROCAL:
        return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:] if a is not None and b is not None
                and a.name != b.name]
    if r.reciprocal:
        return [(a, b) for a in actors for b in actors if a is not b and a is not None and b is not None
                and a.name != b.name]
    recipients: list[Actor | None] = [a.actor for a in r.recipients] or [None]
    return [(a, b) for a in actors for b in recipients
            if not (a is not None and b is not None and a.name == b.name)]


def _key(a: Actor | None) -> tuple | None:
    return (a.name, a.country, a.sector) if a else None


MAIN_ACTOR_RULES = frozenset({"subject", "passive-by", "nominal-possessive", "between", "controller",
                              "coordinated-subject", "light-verb-subject", "nominal-modifier"})


def _confidence(h: Hit, r: Roles, st: Status) -> float:
    c = 0.55
    c += 0.15 if r.actor_rule in MAIN_ACTOR_RULES else 0.05
    if r.recipient_rule and r.recipient_rule.startswith("recipient:"):
        c += 0.15
    elif r.recipient_rule:
        c += 0.05
    elif h.trigger.type in NEEDS_RECIPIENT:
        c -= 0.1
    if h.noun:
        c -= 0.1
    if not r.actors:
        c -= 0.1
    if any(a.generic for a in r.actors):
        c -= 0.05
    if st.value != "asserted":
        c -= 0.1
    return round(max(0.05, min(0.95, c)), 2)


def _attribution_dates(doc: Document, quote: Quote, dates: list[Mention]) -> list[Mention]:
    """Dates of the sentence that attributes a quotation, outside the quotation marks."""
    end = quote.span.end
    for s in doc.sentences:
        if s.start <= end <= s.end:
            return [d for d in dates if s.start <= d.span.start < s.end and not
                    (quote.span.start <= d.span.start < quote.span.end)]
    return []


__all__ = ["DateRef", "code", "code_sentence"]
