"""The Spanish event coder: `code(doc)` appends PLOVER events of a Spanish document's parsed sentences.

Takes the token layer of `parse_es` (lemmas and parts of speech by rule, no tree), the actor
mentions and the dates, and the triggers of `lexicon/es/triggers.yaml`. The rules read word order:
  - actor: the agent after "por"/"por parte de" of a participle after ser ("fue abatido por la
    Marina") or of a nominal trigger; a demonym or "de X" right after a nominal trigger ("el ataque
    estadounidense"); else the nearest actor before the trigger in the clause (the subject of an
    SVO clause, or of the light verb before a noun); else the previous sentence's first actor; a
    meeting or call in a phrase that opens the clause ("en una llamada, el presidente ...") is its
    subject's; a capture or strike in the passive with no agent, in the "que" clause of a verb of
    announcing, is the announcer's ("El Pentágono confirmó que una narcolancha fue atacada"); the one named before
    an object relative ("los países a los que ... impuso") is the target, not the subject; a
    passive with no one named on either side is not coded; a capture or a strike in the passive with
    no agent inside an operation ("la operación de la Policía en la que murió abatido X", "fue detenido
    durante un operativo del Ejército") is the
    operation's side, and with the operation's side named nowhere near, that of the state forces the
    document names when they are all of one country; a nominal capture or strike told as happening
    ("la detención ocurrió el martes durante una operación naval peruana", "se produjo",
    "tuvo lugar") is coded, by the operation's side, and done to the state whose country or capital it
    happened in when no target is named; a verb that opens a relative clause on a
    noun takes no subject from the sentence before; a participle the lemma table reads as an
    adjective ("fue detenido", "han herido") is the verb's after ser or haber;
  - a verb after "y"/"e" or a gerund ("y mataron al piloto", ", hiriendo a varios") shares the subject
    of the verb before it, and its target when it names none; a gerund that opens the sentence has
    the main clause's subject, named after its comma, and its target in its own clause;
  - recipient: the first actor after the trigger that is not the actor's own side (objects, with
    or without the personal "a", and "contra", "con", "a"), but not a place ("en México", "frente
    a las costas de X"; a group is never a place) nor the words of a claim the trigger takes ("negó
    que en su país manden las mafias"); in a passive, the subject before it; a boat struck in
    a report that describes boats as carrying drugs is a criminal target; a passive takes
    no target after it but its own subject ("fue abatido X, líder de ...");
  - status: a negation just before the verb (clitics and auxiliaries may stand between) gives
    `negated` ("no descarta" turns into the reading's `negated_as`, asserted); "si ..." before the
    trigger, a conditional verb or a modal over an infinitive gives `hypothetical`; a future verb
    `planned`;
  - a trigger that governs its complement (amenazar, exigir, advertir) keeps the triggers after it
    as its content, not as events of their own.
Last, a nominal strike or arrest with no side named is by the side the document's other acts of
the type are by (dropped when there are none; "el bombardeo que X amenazó con lanzar" is only threatened), and
a strike, arrest, threat or sanction with no target named takes the target the same side's
other acts of that type have in the document (marked "recipient=document-same-type"), and a
rejection, accusation, demand or threat by a state with no one named is addressed to the other
state the document names most ("recipient=document-counterpart"). A cooperation, aid or sanction
with no recipient is no event (the manual's "requires recipient").
Each event's rule starts with the lexicon file name ("es/triggers.yaml:verb:atacar").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import per_user_files, stage, trigger_entries
from ..model import Actor, Document, Event, Mention, Span, Token
from ..plover import COUNTERPART as PLOVER_COUNTERPART
from ..plover import NEEDS_RECIPIENT, SAME_TYPE_RECIPIENT
from .eventattrs import commonest_party
from .eventlex import lexicon as english_lexicon

SOURCE = "es/triggers.yaml"
# Types whose recipient, when none follows the trigger, is the other side named earlier in the clause
# ("ante la captura por fuerzas estadounidenses, X condenó ..."): the coders' class (lexicon/plover.yaml),
# and a concession too ("X cedió ante ...").
COUNTERPART = PLOVER_COUNTERPART | {"CONCEDE"}
# How many words after a noun its relative "que" may stand, and after "que" its verb.
RELATIVE_REACH = 10


@dataclass(frozen=True)
class EsTrigger:
    lemma: str
    pos: str  # verb | noun
    type: str
    mode: str | None
    governs: bool
    reciprocal: bool
    needs: tuple[str, ...]
    within: int
    negated_as: str | None
    only_negated: bool
    n: int  # reading number for this lemma
    source: str = f"lexicon/{SOURCE}"  # the lexicon file the reading came from

    @property
    def rule(self) -> str:
        name = SOURCE if self.source == f"lexicon/{SOURCE}" else self.source.rsplit("/", 1)[-1]
        return f"{name}:{self.pos}:{self.lemma}" + (f"#{self.n}" if self.n else "")


@dataclass(frozen=True)
class EsLexicon:
    triggers: dict[str, list[EsTrigger]]
    negations: frozenset[str]
    between_negation: frozenset[str]
    conditions: tuple[tuple[str, ...], ...]
    modal_verbs: frozenset[str]
    passive_aux: frozenset[str]
    clause_breaks: frozenset[str]
    light_verbs: frozenset[str]
    place_preps: frozenset[str]
    place_nouns: frozenset[str]
    announcers: frozenset[str]
    transparent: frozenset[str]
    first_person_aux: frozenset[str]
    object_marks: frozenset[str]
    vessels: frozenset[str]
    vessel_cues: tuple[str, ...]
    operation_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    occurrence_verbs: tuple[tuple[str, ...], ...] = ()


@per_user_files
def lexicon() -> EsLexicon:
    """lexicon/es/triggers.yaml and the `triggers:` sections of the user files marked `lang: es`."""
    data: dict[str, Any] = stage(SOURCE, skip=("verbs", "nouns"))
    types = english_lexicon().types
    table: dict[str, list[EsTrigger]] = {}
    for source, pos, e in trigger_entries(SOURCE, {"verbs": "verb", "nouns": "noun"}):
        lemma = str(e[pos]).lower()
        if e.get("type") not in types:
            raise ConfigError(f"{source}: trigger {lemma!r} has type {e.get('type')!r}, which is not a PLOVER "
                              f"type ({', '.join(types)}). Fix the entry.")
        readings = table.setdefault(f"{pos}:{lemma}", [])
        readings.append(EsTrigger(
            lemma=lemma, pos=pos, type=str(e["type"]), mode=e.get("mode"), governs=bool(e.get("governs")),
            reciprocal=bool(e.get("reciprocal")), needs=tuple(str(w).lower() for w in e.get("needs") or ()),
            within=int(e.get("within", 10)), negated_as=e.get("negated_as"),
            only_negated=bool(e.get("only_negated")), n=len(readings),
            source="lexicon/es/triggers.yaml" if source == f"lexicon/{SOURCE}" else source))
    return EsLexicon(
        triggers=table, negations=frozenset(data["negations"]), between_negation=frozenset(data["between_negation"]),
        conditions=tuple(tuple(c.split()) for c in data["conditions"]),
        modal_verbs=frozenset(data["modal_verbs"]), passive_aux=frozenset(data["passive_aux"]),
        clause_breaks=frozenset(data["clause_breaks"]), light_verbs=frozenset(data["light_verbs"]),
        place_preps=frozenset(data["place_preps"]), place_nouns=frozenset(data["place_nouns"]),
        announcers=frozenset(data["announcers"]),
        transparent=frozenset(data["transparent"]),
        first_person_aux=frozenset(data["first_person_aux"]), object_marks=frozenset(data["object_marks"]),
        vessels=frozenset(data["criminal_targets"]["vessels"]), vessel_cues=tuple(data["criminal_targets"]["cues"]),
        operation_nouns=frozenset(data.get("operation_nouns") or ()),
        document_nouns=frozenset(data.get("document_nouns") or ()),
        occurrence_verbs=tuple(tuple(str(v).split()) for v in data.get("occurrence_verbs") or ()))


def warm() -> None:
    lexicon()


def _matches(word: str, lemma: str, want: str) -> bool:
    if want.endswith("*"):
        return word.startswith(want[:-1]) or lemma.startswith(want[:-1])
    return want in (word, lemma)


def _infinitive(t: Token, lex: EsLexicon) -> bool:
    """The word is a trigger verb's infinitive ("pausar", "atacar"): the tagger reads it as a noun, since
    the lemma table maps it to itself."""
    low = t.text.lower()
    return low == t.lemma and low.endswith(("ar", "er", "ir")) and f"verb:{low}" in lex.triggers


PERFECT_AUX = frozenset({"ha", "han", "he", "has", "hemos", "había", "habían", "habría", "habrían", "habrá", "habrán",
                         "haber", "habiendo"})


def _relative_subject(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    """The verb opens a relative clause on a noun ("los legisladores, que han prometido ..."): its subject
    is that noun, not someone of the sentence before."""
    j = _relative_pronoun(toks, i, lex)
    return j is not None and toks[j - 1].pos in ("NOUN", "PUNCT")


def _relative_pronoun(toks: list[Token], i: int, lex: EsLexicon) -> int | None:
    """The position of the "que"/"quien"/"quienes" right before the verb at i (its clitics and auxiliaries
    between), when a word stands before it; None otherwise."""
    j = i - 1
    while j >= 0 and toks[j].text.lower() in lex.between_negation | PERFECT_AUX:
        j -= 1
    return j if j > 0 and toks[j].text.lower() in ("que", "quien", "quienes") else None


def _relative_antecedent(toks: list[Token], i: int, lex: EsLexicon) -> Token | None:
    """The noun (or its adjective) a relative clause opened by the verb at i hangs on: "grupos armados que
    atacaron" (armados); None when the verb opens no relative clause."""
    j = _relative_pronoun(toks, i, lex)
    if j is None:
        return None
    k = j - 1
    if toks[k].text == "," and k > 0:
        k -= 1
    word = toks[k].text.lower()
    noun_like = toks[k].pos in ("NOUN", "PROPN", "ADJ") or word.endswith(PARTICIPLE)  # "armados": a participle
    return toks[k] if noun_like else None


def _participle_lemmas(toks: list[Token], i: int, lex: EsLexicon) -> tuple[str, ...]:
    """A participle after ser or haber that the lemma table reads as an adjective ("fue detenido", "han
    herido a tres"): the verbs it can come from, by its ending."""
    t = toks[i]
    low = t.text.lower()
    if i == 0 or t.pos != "NOUN" or not low.endswith(PARTICIPLE):
        return ()
    if toks[i - 1].text.lower() not in lex.passive_aux | PERFECT_AUX:
        return ()
    stem = low[:low.rfind("ad")] if "ad" in low[-4:] else low[:low.rfind("id")]
    return (stem + "ar",) if "ad" in low[-4:] else (stem + "er", stem + "ir")


def _reading(toks: list[Token], i: int, lex: EsLexicon, negated: bool) -> EsTrigger | None:
    t = toks[i]
    lemmas: tuple[str, ...] = (t.lemma,)
    pos = "verb" if t.pos in ("VERB", "AUX") or _infinitive(t, lex) else "noun" if t.pos == "NOUN" else None
    if pos == "noun" and _participle_lemmas(toks, i, lex):
        pos, lemmas = "verb", _participle_lemmas(toks, i, lex)
    if pos is None:
        return None
    for r in (r for lem in lemmas for r in lex.triggers.get(f"{pos}:{lem}", ())):
        if r.only_negated and not negated:
            continue
        if r.needs:
            window = toks[i + 1:i + 1 + r.within]
            if not any(_matches(w.text.lower(), w.lemma, n) for w in window for n in r.needs):
                continue
        return r
    return None


def _negated(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    j = i - 1
    while j >= 0 and toks[j].text.lower() in lex.between_negation:
        j -= 1
    return j >= 0 and toks[j].text.lower() in lex.negations


# Adjectives that make a nominal act one only weighed ("una posible invasión", "un eventual ataque") and nouns
# of fearing it ("el temor a un ataque").
POSSIBLE = frozenset({"posible", "posibles", "eventual", "eventuales", "potencial", "potenciales", "hipotético",
                      "hipotética", "hipotéticos", "hipotéticas", "futuro", "futura", "futuros", "futuras"})
FEARS = frozenset({"miedo", "temor", "riesgo", "amenaza", "posibilidad"})


def _feared(toks: list[Token], i: int) -> bool:
    """The noun at i follows a noun of fearing and its preposition, maybe with an article between."""
    j = i - 1
    if j >= 0 and toks[j].text.lower() in ARTICLES:
        j -= 1
    return j >= 1 and toks[j].text.lower() in ("de", "a", "del", "al") and toks[j - 1].lemma in FEARS


def _status(toks: list[Token], i: int, lex: EsLexicon, negated: bool) -> str:
    if negated:
        return "negated"
    words = [t.text.lower() for t in toks[:i]]
    for cond in lex.conditions:
        n = len(cond)
        if any(tuple(words[k:k + n]) == cond for k in range(len(words) - n + 1)):
            return "hypothetical"
    t = toks[i]
    if "Mood=Cnd" in t.morph:
        return "hypothetical"
    if _infinitive(t, lex):
        # "lo convenció de pausar": asserted after a verb that makes its complement happen; else
        # ("para detectar", "intentaban capturar") only aimed at.
        near = [b.lemma for b in toks[max(0, i - 3):i]]
        return "asserted" if any(b in lex.transparent for b in near) else "hypothetical"
    before = toks[max(0, i - 2):i]
    if t.pos == "NOUN" and (any(b.text.lower() in POSSIBLE for b in before)
                            or (i + 1 < len(toks) and toks[i + 1].text.lower() in POSSIBLE)):
        return "hypothetical"  # "una posible invasión", "un eventual ataque": an act only weighed or feared
    if t.pos == "NOUN" and _feared(toks, i):
        return "hypothetical"  # "el temor a un ataque", "miedo de una invasión"
    if any(b.lemma in lex.modal_verbs for b in before) and t.text.lower().endswith(("ar", "er", "ir")):
        return "hypothetical"
    if any("Mood=Cnd" in b.morph for b in before):
        return "hypothetical"
    if "Tense=Fut" in t.morph:
        return "planned"
    return "asserted"


@dataclass
class _Ref:
    actor: Actor
    start: int
    end: int
    form: str = ""


def _actor_of(m: Mention) -> Actor | None:
    v = m.value
    if not (v.get("country") or v.get("sector")):
        return None
    return Actor(name=str(v.get("ref") or v.get("name") or m.span.text), country=v.get("country"),
                 sector=v.get("sector"), id=v.get("id"))


def _actors(mentions: list[Mention], text: str = "") -> list[tuple[Mention, Actor]]:
    """Actor mentions with a side: a title or office with no country ("la mandataria", "el canciller")
    stands for the latest person named before it with that sector; with none, it is left out. After a
    possessive ("su gobierno") it is that person's, before any body named earlier with that word."""
    out: list[tuple[Mention, Actor]] = []
    people: list[tuple[Mention, Actor]] = []
    for m in sorted((m for m in mentions if m.kind == "actor"), key=lambda m: m.span.start):
        a = _actor_of(m)
        if a is None:
            continue
        if a.country is None and a.sector not in ("CRM", "IGO"):
            # "la embajada" after "la Embajada de EU": the body named before with that head word.
            head = m.span.text.split()[0].lower()
            body = [b for b in out if b[1].country and len(b[0].span.text.split()) > 1
                    and b[0].span.text.split()[0].lower() == head and b[0].value.get("form") != "person"]
            same = [p for p in people if p[1].sector == a.sector]
            if same and text[max(0, m.span.start - 4):m.span.start].lower().endswith(("su ", "sus ")):
                a = same[-1][1]
            elif body:
                a = body[-1][1]
            elif not same:
                continue
            else:
                a = same[-1][1]
        elif m.value.get("form") == "person":
            people.append((m, a))
        out.append((m, a))
    return out


def _side(a: Actor | None) -> str | None:
    """Which side an actor is on: its country, but a cartel is not its country's state."""
    if a is None:
        return None
    if a.sector == "CRM":
        return "CRM"
    return a.country or a.sector


def code(doc: Document) -> Document:
    """Append the PLOVER events of every parsed Spanish sentence to `doc.events`."""
    if not doc.text or not doc.tokens:
        return doc
    lex = lexicon()
    intensity = english_lexicon().intensity
    actors = _actors(doc.mentions, doc.text)
    dates = [m for m in doc.mentions if m.kind == "date" and m.value.get("value")]
    by_sent: dict[int, list[Token]] = {}
    for t in doc.tokens:
        by_sent.setdefault(t.sent, []).append(t)
    quoted = [(q.span.start, q.span.end) for q in doc.quotes]
    boats = _drug_boats(doc.tokens, lex)
    first_new = len(doc.events)
    reciprocal: set[int] = set()  # events of a reciprocal reading (`_document_counterparts`)
    announcers: dict[int, Actor] = {}  # who tells of an act yet to come (`_announced_threats`)
    previous: _Ref | None = None
    for k in sorted(by_sent):
        if doc.sentence_language.get(k, "es") != "es":  # an English paragraph: the English coder reads it
            continue
        span = doc.sentences[k]
        toks = by_sent[k]
        refs = [_Ref(a, m.span.start, m.span.end, str(m.value.get("form") or "")) for m, a in actors
                if span.start <= m.span.start < span.end]
        governed_until = -1
        first_ref = refs[0] if refs else None
        prior: tuple[Actor | None, Actor | None, str] | None = None  # the last active verb's roles and type
        for i, t in enumerate(toks):
            if i <= governed_until:
                continue
            negated = _negated(toks, i, lex)
            r = _reading(toks, i, lex, negated)
            if r is None:
                continue
            if any(ref.start <= t.start < ref.end for ref in refs):  # a word of a name ("Acuerdo de ...")
                continue
            if _first_person(toks, i, lex) and any(a <= t.start < b for a, b in quoted):
                continue  # "“Atacamos un submarino”": who "we" are is the quotation's speaker, not read here
            if _adjectival(toks, i, r, lex):
                continue  # "un discurso ofrecido en ...": a description, not an event
            inside = next(((a, b) for a, b in quoted if a <= t.start < b), None)
            if inside is not None:
                # Inside a quotation the roles are the quotation's own words; no one outside it is read in.
                own = [x for x in refs if inside[0] <= x.start and x.end <= inside[1]]
                actor, recipient, rule_roles = _roles(toks, i, r, own, None, lex, boats)
            else:
                actor, recipient, rule_roles = _roles(toks, i, r, refs, previous, lex, boats)
            if r.pos == "noun" and actor is None and r.type not in ("ASSAULT", "COERCE"):
                continue  # a strike or an arrest may take its side from the document's others, below
            if actor is None and recipient is None and t.text.lower().endswith(PARTICIPLE):
                continue  # a passive with no one named on either side ("fue abatido" alone): nothing to code
            if r.pos == "verb" and prior is not None and prior[0] is not None and _continues(toks, i, lex):
                # "derribaron la avioneta y mataron al piloto", "bombardearon el barco, hiriendo
                # a varios": the verb shares the subject before it, and the target when it names none of its own.
                actor = prior[0]
                if recipient is not None and _side(recipient) == _side(actor):
                    recipient = None
                if recipient is None and prior[2] == r.type:
                    recipient = prior[1]
                rule_roles = f"actor=shared recipient={'shared' if recipient is prior[1] else rule_roles.split()[-1]}"
            if r.pos == "verb" and rule_roles.split()[0] in ("actor=before", "actor=previous-sentence", "actor=shared"):
                prior = (actor, recipient, r.type)
            status = _status(toks, i, lex, negated)
            announced = None
            if r.pos == "noun" and r.type in ANNOUNCEABLE and status == "asserted" and _future_predicate(toks, i, lex):
                status = "planned"  # "la ofensiva llegará hasta la costa": an act yet to come, told as such
                announced = _announcer_before(toks, i, refs)
            if r.pos == "noun" and _warned_of(toks, i, lex):
                status = "hypothetical"  # "el ataque que Estados Unidos advirtió": only threatened
            type_ = r.type
            if negated and r.negated_as:
                type_, status = r.negated_as, "asserted"
            if r.governs:
                governed_until = _clause_end(toks, i, lex)
            date = _date(dates, span, t)
            doc.events.append(Event(
                type=type_, mode=r.mode, actor=actor, recipient=recipient, status=status, evidence=span,
                trigger=Span(t.start, t.end, t.text), rule=f"{r.rule} {rule_roles} status={status}",
                date=date.value.get("value") if date else None,
                date_precision=date.value.get("precision") if date else None,
                date_text=date.span.text if date else None,
                intensity=intensity(type_, r.mode), confidence=0.4 if actor and recipient else 0.3))
            partner = _coordinated_actor(doc.text, refs, actor) if rule_roles.startswith("actor=before") else None
            if partner is not None:  # "Brasil y México pidieron ...": each of the two coordinated subjects acts
                first_event = doc.events[-1]
                if first_event.recipient is not None and _side(first_event.recipient) == _side(partner):
                    first_event.recipient = None
                mutual = r.reciprocal and first_event.recipient is None  # "Colombia y Venezuela rompieron relaciones"
                if mutual:
                    first_event.recipient = partner
                doc.events.append(replace(first_event, actor=partner,
                                          recipient=actor if mutual else first_event.recipient,
                                          rule=first_event.rule.replace("actor=before", "actor=before-coordinated")))
            if r.reciprocal:
                reciprocal.add(id(doc.events[-1]))
            if announced is not None:
                announcers[id(doc.events[-1])] = announced
        if first_ref is not None:
            previous = first_ref
    _operation_forces(doc.events[first_new:], actors)
    _same_type_actors(doc.events, first_new)
    _same_type_recipients(doc.events[first_new:])
    _announced_threats(doc.events[first_new:], announcers)
    _document_counterparts(doc.events[first_new:], doc.mentions, reciprocal)
    # The manual's "requires recipient" types are no events without one.
    doc.events[first_new:] = [e for e in doc.events[first_new:]
                              if not (e.type in NEEDS_RECIPIENT and e.recipient is None)]
    return doc


# A country's own mentions that tell of it as a state: by name or demonym alone, or its government, forces,
# legislature, police, courts or services ("el gobierno colombiano", "la Policía colombiana").
STATE_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "COP", "JUD", "SPY"})


def _document_counterparts(events: list[Event], mentions: list[Mention], reciprocal: set[int] | None = None) -> None:
    """A rejection, accusation, demand or threat by a state with no one named is addressed to the
    state the document is mostly about besides the actor's: the other country its states, governments
    and forces are most named for, at least twice and with no tie. So is a reciprocal act (`reciprocal`,
    the ids of such events: "con funcionarios canadienses aportando información") with no partner named."""
    for e in events:
        if e.recipient is not None or e.actor is None or not e.actor.country \
                or (e.type not in PLOVER_COUNTERPART and id(e) not in (reciprocal or ())):
            continue
        counts = Counter(str(m.value["country"]) for m in mentions if m.kind == "actor"
                         and m.value.get("country") and m.value.get("country") != e.actor.country
                         and m.value.get("sector") in STATE_SECTORS and m.value.get("form") != "keyword")
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            continue
        best = ranked[0][0]
        e.recipient = Actor(name=best, country=best, sector=None, id=best)
        e.rule = e.rule.replace("recipient=none", "recipient=document-counterpart")
        e.confidence = round(max(0.05, e.confidence - 0.15), 2)


def _warned_of(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    """A nominal act that a relative clause says was threatened: "el bombardeo que X amenazó con lanzar"."""
    for j in range(i + 1, min(len(toks), i + 4)):
        if toks[j].text.lower() != "que":
            continue
        for t in toks[j + 1:j + 6]:
            if t.text in (",", ".") or t.text in lex.clause_breaks:
                return False
            readings = lex.triggers.get(f"verb:{t.lemma}", ())
            if t.pos == "VERB" and any(r.governs and r.type == "THREATEN" for r in readings):
                return True
        return False
    return False


def _same_type_actors(events: list[Event], first: int) -> None:
    """A nominal strike or arrest with no side named ("los bombardeos dejaron diez muertos") is by the side
    the document's other acts of the type are by; with none, it is dropped."""
    mine = events[first:]
    for e in mine:
        if e.actor is not None or e.type not in ("ASSAULT", "COERCE") or ":noun:" not in e.rule:
            continue
        same = [x for x in mine if x.type == e.type]
        side = commonest_party([x for x in same if "document-" not in x.rule], "actor", _side, same)
        if side is not None:
            e.actor = side
            e.rule = e.rule.replace("actor=none", "actor=document-same-type")
            e.confidence = round(max(0.05, e.confidence - 0.15), 2)
            if e.recipient is not None and _side(e.recipient) == _side(e.actor):
                e.recipient = None  # the first actor after it was read with no side to set it against
                e.rule = e.rule.replace("recipient=after", "recipient=none")
    events[first:] = [e for e in mine if not (e.actor is None and ":noun:" in e.rule)]


ANNOUNCEABLE = frozenset({"ASSAULT"})  # a nominal act of force that can be told as yet to come


def _future_predicate(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    """The noun is the subject of a verb in the future just after it ("la ofensiva llegará hasta la costa")."""
    for t in toks[i + 1:i + 4]:
        if t.text in (",", ".") or t.text in lex.clause_breaks:
            return False
        if t.pos in ("VERB", "AUX"):
            return "Tense=Fut" in t.morph
    return False


def _announcer_before(toks: list[Token], i: int, refs: list[_Ref]) -> Actor | None:
    """Who tells of it: the last party named before the "que" that opens the noun's clause ("el ministro ha
    afirmado que la ofensiva llegará hasta la costa")."""
    que = [t for t in toks[:i] if t.text.lower() == "que"]
    if not que:
        return None
    before = [x for x in refs if x.end <= que[-1].start]
    return before[-1].actor if before else None


def _announced_threats(events: list[Event], announcers: dict[int, Actor]) -> None:
    """An act of force yet to come, told by its own side ("el ministro ha afirmado que la ofensiva
    llegará hasta la costa"), is the manual's THREATEN by that side, against whom the act would fall."""
    for e in events:
        who = announcers.get(id(e))
        if who is None or e.actor is None or e.status != "planned" or _side(who) != _side(e.actor):
            continue
        e.type, e.status, e.mode = "THREATEN", "asserted", "violence"  # plover.yaml threat_mode of ASSAULT
        e.intensity = english_lexicon().intensity(e.type, e.mode)
        e.rule = e.rule.replace("status=planned", "status=planned future-as=ASSAULT->THREATEN(self)")


def _same_type_recipients(events: list[Event]) -> None:
    """A strike, an arrest, a threat or a sanction with no target named ("un nuevo bombardeo
    francés") takes the target the same side's other acts of the type have in the document."""
    for e in events:
        if e.recipient is not None or e.actor is None or e.type not in SAME_TYPE_RECIPIENT:
            continue
        same = [x for x in events if x.type == e.type and "document-" not in x.rule]
        target = commonest_party([x for x in same if x.actor is not None and _side(x.actor) == _side(e.actor)],
                                 "recipient", _side, same)
        if target is not None:
            e.recipient = target
            e.rule = e.rule.replace("recipient=none", "recipient=document-same-type")
            e.confidence = round(max(0.05, e.confidence - 0.1), 2)


PARTICIPLE = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")


def _adjectival(toks: list[Token], i: int, r: EsTrigger, lex: EsLexicon) -> bool:
    """A participle right after a noun with no auxiliary and no agent ("la conferencia ofrecida en"):
    it describes the noun. With an agent ("la embarcación atacada por su país") it reports an event."""
    t = toks[i]
    if r.pos != "verb" or i == 0 or not t.text.lower().endswith(PARTICIPLE):
        return False
    if toks[i - 1].pos != "NOUN" or toks[i - 1].text.lower() in lex.passive_aux:
        return False
    return not any(x.text.lower() == "por" for x in toks[i + 1:i + 3])


def _opening_gerund(toks: list[Token], i: int, refs: list[_Ref]) -> tuple[int, _Ref] | None:
    """A gerund that opens the sentence, and the subject named right after the comma that ends its clause."""
    if not toks[i].text.lower().endswith(("ando", "iendo", "yendo")) or any(t.pos != "PUNCT" for t in toks[:i]):
        return None
    comma = next((t for t in toks[i + 1:] if t.text == ","), None)
    if comma is None:
        return None
    subject = next((x for x in refs if x.start > comma.start), None)
    if subject is None or subject.start - comma.end > 25:
        return None
    return comma.start, subject


def _continues(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    """A verb that goes on from the one before it with no subject of its own: after "y"/"e" (clitics may
    stand between: "y lo mató"), or a gerund ("matando", "hiriendo"). Not a participle."""
    low = toks[i].text.lower()
    if low.endswith(PARTICIPLE):
        return False
    if low.endswith(("ando", "iendo", "yendo")):
        return True
    j = i - 1
    while j >= 0 and toks[j].text.lower() in lex.between_negation:
        j -= 1
    return j >= 0 and toks[j].text.lower() in ("y", "e")


def _first_person(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    """A verb in the first person: "atacamos", "elogiamos", "hemos acordado", "vamos a atacar"."""
    low = toks[i].text.lower()
    if low.endswith("mos") and toks[i].pos in ("VERB", "AUX"):
        return True
    return any(b.text.lower() in lex.first_person_aux for b in toks[max(0, i - 3):i])


def _clause_end(toks: list[Token], i: int, lex: EsLexicon) -> int:
    for j in range(i + 1, len(toks)):
        if toks[j].text in lex.clause_breaks or toks[j].text == ".":
            return j
    return len(toks)


def _roles(toks: list[Token], i: int, r: EsTrigger, refs: list[_Ref], previous: _Ref | None,
           lex: EsLexicon, boats: bool = False) -> tuple[Actor | None, Actor | None, str]:
    t = toks[i]
    start_clause = 0
    for j in range(i - 1, -1, -1):
        if toks[j].text in lex.clause_breaks:
            start_clause = j + 1
            break
    clause_start = toks[start_clause].start
    # "intentaban capturar al narcotraficante, ... abatieron": an object after "a"/"al" is no subject.
    # "... en México": a place, not a subject either.
    before = [x for x in refs if clause_start <= x.start and x.end <= t.start
              and _word_before(toks, x.start) not in lex.object_marks and not _place(toks, x, lex)
              and not _absolute_patient(toks, x)]
    # "Chile es el país al que X impuso cuotas": the one before "a los que" is the
    # verb's object, not its subject.
    objects = [x for x in before if _object_relative(toks, x.end, t.start)]
    before = [x for x in before if x not in objects]
    antecedent = _relative_antecedent(toks, i, lex)
    if antecedent is not None and r.pos == "verb":
        # "apoyar a grupos armados que atacaron un puesto": the relative's subject is its noun, a party only
        # when that noun is one ("los militares venezolanos, que atacaron ..."), never a party named earlier
        before = [x for x in before if x.start <= antecedent.start < x.end or x.end == antecedent.end]
    after = [x for x in refs if x.start >= t.end]
    opening = _opening_gerund(toks, i, refs)
    if opening is not None:
        # "Denunciando una violación ..., la mandataria solicitó": the gerund's subject is the main
        # clause's, after the comma; its target is in its own clause.
        comma, subject = opening
        after = [x for x in after if x.start < comma]
        before = [subject]
    # "fue abatido", and a participle after its noun with an agent: "la lancha atacada por fuerzas de X".
    participle = r.pos == "verb" and i > 0 and t.text.lower().endswith(PARTICIPLE)
    passive = participle and (toks[i - 1].text.lower() in lex.passive_aux or (
        toks[i - 1].pos == "NOUN" and any(x.text.lower() == "por" for x in toks[i + 1:i + 3])))
    agent = _agent_after(toks, i, after)
    actor: _Ref | None = None
    recipient: _Ref | None = None
    how = "actor=none"
    if passive or r.pos == "noun":
        if agent is not None:
            actor, how = agent, "actor=agent-por"
        elif r.pos == "noun" and after and after[0].start - t.end <= 4 and after[0].form == "adjective":
            actor, how = after[0], "actor=demonym-after-noun"
        elif r.pos == "noun" and after and _word_before(toks, after[0].start) in ("de", "del") \
                and after[0].start - t.end <= 8:
            actor, how = after[0], "actor=de-after-noun"
        elif r.pos == "noun" and before and _light_verb_before(toks, i, lex):
            actor, how = before[-1], "actor=light-verb-subject"
        elif r.pos == "noun" and r.reciprocal and after and _opens_clause(toks, i, after[0], lex):
            actor, how = after[0], "actor=subject-after-phrase"
        elif r.pos == "noun" and (rel := _relative_light_subject(toks, i, after, lex)) is not None:
            actor, how = rel, "actor=relative-light-verb"
    occurs = r.pos == "noun" and r.type in ("ASSAULT", "COERCE") and _occurs(toks, i, lex) is not None
    if actor is None and r.type in ("ASSAULT", "COERCE") and (occurs or passive):
        # "la detención ocurrió ... durante una operación naval peruana", "la operación de
        # la Policía en la que murió abatido X": the operation's side; named nowhere near, the document's forces.
        op = _operation(toks, i, lex, after_trigger=occurs)
        if op is None and passive:  # "fue detenido durante un operativo de la Marina"
            op = _operation(toks, i, lex, after_trigger=True, within=6)
        if op is not None:
            actor = _operation_side(toks, op, refs, lex)
            how = "actor=operation" if actor else "actor=operation-unnamed" if passive else how
    if passive and before and not _relative_between(toks, before[-1].end, t.start):
        recipient = before[-1]
    elif passive and after and after[0] is not actor and after[0].start - t.end <= 120 \
            and not any(t.end <= x.start < after[0].start and (x.pos in ("VERB", "AUX", "CCONJ", "SCONJ")
                                                              or x.text == "por") for x in toks):
        recipient = after[0]  # "la redada en la cual fue detenido X, jefe de la banda": the subject follows
    if actor is None and not passive and r.pos == "verb":
        if before:
            actor, how = before[-1], "actor=before"
        elif previous is not None and r.pos == "verb" and not _relative_subject(toks, i, lex) \
                and not (_plural_verb(t) and not _plural_ref(previous)):
            actor, how = previous, "actor=previous-sentence"  # "Detienen a 27 ...": no one's "they"
    if recipient is None and not passive and objects \
            and (actor is None or _side(objects[-1].actor) != _side(actor.actor)):
        recipient = objects[-1]
    if recipient is None and not passive:
        side = _side(actor.actor) if actor else None
        for x in after:
            if x is actor or (_place(toks, x, lex) and x.actor.sector != "CRM"):
                continue  # "en México" is a place; "sobre las pandillas" is not: a group is no place
            if _document_name(toks, x, lex):
                continue  # "una infracción a la Convención de la ONU": a text named, not a party
            if r.governs and _beneficiary(toks, i, x):
                continue  # "pidió que X tenga un juicio justo": X is who it is for, not who is asked
            if not r.governs and _in_content_clause(toks, i, x.start, lex):
                continue  # "negó que en su país manden las mafias": the claim's words, not its target
            if _side(x.actor) != side:
                recipient = x
                break
        if recipient is None and (r.reciprocal or r.type in COUNTERPART or how == "actor=relative-light-verb") \
                and actor is not None:
            # "ante la captura de X por fuerzas estadounidenses, Y condenó": the agent of what is answered,
            # else the other side named nearest before ("convenció a X de pausar los aranceles, que Y anunció").
            others = [x for x in refs if x.end <= t.start and x is not actor and _side(x.actor) != side]
            agents = [x for x in others if _word_before(toks, x.start) == "por"]
            if agents or others:
                recipient = (agents or others)[-1]
    rhow = "recipient=" + ("passive-subject" if passive and recipient else "after" if recipient else "none")
    if occurs and recipient is None and actor is not None:
        # "la detención ocurrió el martes en Quito": an act of one state told as happening in another's
        # country or capital is done to that state.
        recipient = next((x for x in after if _place(toks, x, lex) and x.form in ("name", "capital")
                          and x.actor.country and x.actor.sector != "CRM" and _side(x.actor) != _side(actor.actor)
                          and not any(b.text in lex.clause_breaks for b in toks if t.end <= b.start < x.start)),
                         None)
        rhow = "recipient=place-of-act" if recipient else rhow
    target = recipient.actor if recipient else None
    if target is None and r.type in ("ASSAULT", "COERCE"):
        target = _criminal_vessel(toks, i, passive, lex, boats)
        rhow = "recipient=criminal-vessel" if target else rhow
    if passive and actor is None and target is not None and r.type in ("ASSAULT", "COERCE"):
        # "El ministro de X informó que Y fue detenido": who announces a capture or a strike with no
        # agent named is the side that carried it out.
        actor = _announcer(toks, i, refs, lex, _side(target))
        how = "actor=announcer" if actor else how
    return (actor.actor if actor else None, target, f"{how} {rhow}")


def _coordinated_actor(text: str, refs: list[_Ref], actor: Actor | None) -> Actor | None:
    """The party coordinated before the actor ("Brasil y México pidieron"): the ref that ends right before
    "y"/"e" and the actor's own name; None otherwise."""
    if actor is None:
        return None
    at = next((x for x in refs if x.actor is actor), None)
    if at is None:
        return None
    for x in refs:
        if x.end <= at.start and text[x.end:at.start].strip() in ("y", "e") and _side(x.actor) != _side(actor):
            return x.actor
    return None


def _plural_verb(t: Token) -> bool:
    """A finite verb of the third person plural ("detienen", "atacaron", "detendrán"), whose dropped subject
    is no single party named before."""
    low = t.text.lower()
    return t.pos in ("VERB", "AUX") and low.endswith("n") and not low.endswith(("ndo", "ón"))


ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})


def _plural_ref(x: _Ref) -> bool:
    """Whether a party is named in the plural ("las autoridades", "militares mexicanos"), by the first word
    of its name that is no article; a name ("Estados Unidos", "México") is one party."""
    words = [w for w in (x.actor.name or "").split() if w.lower() not in ARTICLES]
    return bool(words) and words[0][:1].islower() and words[0].lower().endswith("s")


def _occurs(toks: list[Token], i: int, lex: EsLexicon) -> int | None:
    """The verb of occurring whose subject the nominal trigger is, a few words after it with no other
    verb between ("la captura ocurrió", "el ataque contra la base se produjo", "la redada tuvo lugar"):
    the index of its last word, or None."""
    for j in range(i + 1, min(len(toks), i + 8)):
        if toks[j].text in lex.clause_breaks or toks[j].text in (",", ".", ":"):
            return None
        for phrase in lex.occurrence_verbs:
            words = toks[j:j + len(phrase)]
            if len(words) == len(phrase) and any(w.pos in ("VERB", "AUX") for w in words) \
                    and all(w.text.lower() == p or w.lemma == p for w, p in zip(words, phrase, strict=True)):
                return j + len(phrase) - 1
        if toks[j].pos in ("VERB", "AUX"):
            return None
    return None


def _operation(toks: list[Token], i: int, lex: EsLexicon, after_trigger: bool, within: int = 0) -> int | None:
    """The operation noun a capture or a strike is told inside: after it in its sentence ("ocurrió en el
    curso de una operación naval"), or, for a passive, the noun whose relative clause holds it ("la
    redada en la que fue detenido"). Its index, or None."""
    if after_trigger:
        for j in range(i + 1, min(len(toks), i + 1 + within) if within else len(toks)):
            if toks[j].text in lex.clause_breaks or (within and toks[j].pos in ("VERB", "AUX")):
                return None
            if toks[j].text.lower() in lex.operation_nouns or toks[j].lemma in lex.operation_nouns:
                return j
        return None
    for j in range(i - 1, max(-1, i - 12), -1):
        if toks[j].text in lex.clause_breaks or toks[j].text in (",", "."):
            return None
        if toks[j].text.lower() in lex.operation_nouns or toks[j].lemma in lex.operation_nouns:
            return j if any(b.text.lower() in ("que", "cual", "donde") for b in toks[j + 1:i]) else None
    return None


def _operation_side(toks: list[Token], op: int, refs: list[_Ref], lex: EsLexicon) -> _Ref | None:
    """The side an operation noun names: a demonym right after it, maybe past "militar" ("operación
    militar estadounidense"), or "de X" ("operativo de la Marina"). Not a place ("operación en Caracas")."""
    end = toks[op].end
    for x in refs:
        if x.start < end or x.start - end > 14 or _place(toks, x, lex):
            continue
        between = [b for b in toks if end <= b.start < x.start]
        if len(between) > 3 or any(b.pos in ("VERB", "AUX") or b.text in (",", ".") for b in between):
            continue
        if x.form == "adjective" or _word_before(toks, x.start) in ("de", "del"):
            return x
    return None


def _operation_forces(events: list[Event], actors: list[tuple[Mention, Actor]]) -> None:
    """A capture or a strike in an operation whose side is named nowhere near ("la redada en la que
    fue abatido X") is by the state forces the document names (armed forces, police, defence
    ministry), when they are all of one country that is not the target's side."""
    for e in events:
        if e.actor is not None or "actor=operation-unnamed" not in e.rule:
            continue
        forces = [a for _, a in actors if a.sector in ("MIL", "COP") and a.country and _side(a) != _side(e.recipient)]
        if len({a.country for a in forces}) != 1:
            continue
        best = Counter(a.id or a.name for a in forces).most_common(1)[0][0]
        e.actor = next(a for a in forces if (a.id or a.name) == best)
        e.rule = e.rule.replace("actor=operation-unnamed", "actor=document-forces")
        e.confidence = round(max(0.05, e.confidence - 0.15), 2)


def _announcer(toks: list[Token], i: int, refs: list[_Ref], lex: EsLexicon, target: str | None) -> _Ref | None:
    """The subject of a verb of announcing ("informó", "confirmó") whose "que" clause holds the trigger,
    on another side than the target."""
    t = toks[i]
    for x in reversed([x for x in refs if x.end <= t.start]):
        if _word_before(toks, x.start) in lex.object_marks or _side(x.actor) == target:
            continue
        between = [b for b in toks if x.end <= b.start < t.start]
        k = next((n for n, b in enumerate(between) if b.lemma in lex.announcers and b.pos == "VERB"), None)
        if k is not None and any(b.text.lower() == "que" for b in between[k + 1:]) \
                and not any(b.text in lex.clause_breaks for b in between):
            return x
        return None
    return None


def _criminal_vessel(toks: list[Token], i: int, passive: bool, lex: EsLexicon, boats: bool = False) -> Actor | None:
    """A boat described as carrying drugs ("una presunta narcolancha", "una embarcación cargada de drogas")
    as the target: criminal, though no group is named. After the trigger, or before a passive participle.
    In a report that has described its boats so (`boats`), a boat struck is one of them ("atacaron la
    lancha"), unless it is where the blow came from or what gave it ("desde un buque", "con un barco")."""
    span = range(i + 1, min(len(toks), i + 9)) if not passive else range(max(0, i - 3), i)
    for j in span:
        if toks[j].text in lex.clause_breaks:
            break
        w = toks[j].text.lower()
        if not (w in lex.vessels or toks[j].lemma in lex.vessels):
            continue
        if _carries_drugs(toks, j, lex) or (boats and _word_before(toks, toks[j].start) not in _PLATFORM):
            return Actor(name=toks[j].text, country=None, sector="CRM", id="CRM")
    return None


_PLATFORM = frozenset({"desde", "con", "por", "en", "a bordo"})


def _carries_drugs(toks: list[Token], j: int, lex: EsLexicon) -> bool:
    w = toks[j].text.lower()
    near = toks[max(0, j - 4):j + 7]
    return w.startswith("narco") or any(_matches(x.text.lower(), x.lemma, c) for x in near for c in lex.vessel_cues)


def _drug_boats(tokens: list[Token], lex: EsLexicon) -> bool:
    """The document describes a boat as carrying drugs somewhere."""
    by_sent: dict[int, list[Token]] = {}
    for t in tokens:
        by_sent.setdefault(t.sent, []).append(t)
    return any((t.text.lower() in lex.vessels or t.lemma in lex.vessels) and _carries_drugs(toks, j, lex)
               for toks in by_sent.values() for j, t in enumerate(toks))


def _in_content_clause(toks: list[Token], i: int, start: int, lex: EsLexicon) -> bool:
    """The position follows the finite verb of the "que" clause the trigger takes, in the same stretch
    between commas: "negó que en su país manden las mafias", where the mafias are the clause's
    own subject. A ref before that verb ("rechazó que Estados Unidos intervenga") is not inside."""
    que = inside = False
    for n, t in enumerate(toks[i + 1:]):
        if t.start >= start:
            break
        low = t.text.lower()
        if low in (",", ".") or t.text in lex.clause_breaks:
            que = inside = False
        elif low == "que" and n < 5 and toks[i + n].pos != "ADP":
            que = True  # its complement ("rechazó que", "calificó de falso que"); not "desde que", nor a relative later
        elif que and t.pos == "VERB" and not _infinitive(t, lex):
            inside = True
    return inside


def _object_relative(toks: list[Token], start: int, end: int) -> bool:
    """An object relative between two positions: "a los que", "al que", "a quienes", with no comma after it."""
    words = [t.text.lower() for t in toks if start <= t.start < end]
    for n, w in enumerate(words):
        if w not in ("a", "al"):
            continue
        k = n + 1 + (n + 1 < len(words) and words[n + 1] in ("el", "la", "los", "las"))
        if k < len(words) and words[k] in ("que", "quien", "quienes", "cual", "cuales") \
                and not any(x in (",", ";") for x in words[k + 1:]):
            return True
    return False


def _opens_clause(toks: list[Token], i: int, x: _Ref, lex: EsLexicon) -> bool:
    """A meeting or a call in a phrase that opens the clause, its subject right after it: "en una llamada
    telefónica, el presidente de X dijo ...": the subject is one of its parties."""
    j = i - 1
    while j >= 0 and toks[j].pos in ("DET", "NOUN") and toks[j].text[:1].islower():
        j -= 1
    if j < 0 or toks[j].pos != "ADP" or toks[j].text.lower() in ("de", "del", "a", "al", "con", "entre"):
        return False
    if j > 0 and toks[j - 1].text not in (",", *lex.clause_breaks) and toks[j - 1].pos != "PUNCT" \
            and toks[j - 1].pos != "SCONJ":
        return False
    gap = [t for t in toks[i + 1:] if t.start < x.start]
    return len(gap) <= 4 and all(t.pos in ("DET", "NOUN", "PUNCT") for t in gap)


def _relative_between(toks: list[Token], start: int, end: int) -> bool:
    """A relative pronoun between two positions: "la redada en la cual fue detenido"."""
    return any(start <= t.start < end and t.text.lower() in ("que", "cual", "cuales", "quien", "quienes")
               for t in toks)


def _place(toks: list[Token], x: _Ref, lex: EsLexicon) -> bool:
    """The actor is named as a place: after "en", "desde", ..., or after a place noun and "de" ("frente a
    las costas de Colombia", "en aguas de México")."""
    if _word_before(toks, x.start) in lex.place_preps:
        return True
    noun = _noun_before_de(toks, x)
    return noun is not None and noun.text.lower() in lex.place_nouns


RECEIVING = frozenset({"tener", "recibir", "obtener", "gozar", "contar"})


def _beneficiary(toks: list[Token], i: int, x: _Ref) -> bool:
    """The subject of a demand's "que" clause whose verb is one of receiving ("solicitó que X tenga un juicio
    justo", "pidió que reciban atención"): the one the demand is for, not the one it is made to."""
    if not any(t.text.lower() == "que" for t in toks[i + 1:] if t.end <= x.start):
        return False
    verb = next((t for t in toks if t.start >= x.end and t.pos in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma in RECEIVING


def _document_name(toks: list[Token], x: _Ref, lex: EsLexicon) -> bool:
    """The actor is named as the author of a text after a document noun and "de" ("la Convención de la
    ONU", "el Tratado de la OTAN"): the text is meant, not the party."""
    noun = _noun_before_de(toks, x)
    return noun is not None and noun.lemma.lower() in lex.document_nouns


def _before(toks: list[Token], start: int) -> list[Token]:
    """The tokens that end by `start`, determiners left out: the words a party is named after."""
    return [t for t in toks if t.end <= start and t.pos != "DET"]


def _word_before(toks: list[Token], start: int) -> str:
    prev = _before(toks, start)
    return prev[-1].text.lower() if prev else ""


def _noun_before_de(toks: list[Token], x: _Ref) -> Token | None:
    """The word before the "de" the actor is named after ("aguas" in "en aguas de México", "Convención" in
    "la Convención de la ONU"), or None when no "de" comes right before it."""
    prev = _before(toks, x.start)
    return prev[-2] if len(prev) > 1 and prev[-1].text.lower() in ("de", "del") else None


ABSOLUTE_OPENERS = frozenset({"ya", "vez", ",", ";"})


def _absolute_patient(toks: list[Token], x: _Ref) -> bool:
    """The one named right after a participle opening its clause ("Ya arrestado el gobernador, lo que uno
    exige es ..."): the participle's patient, no subject of the verb after it."""
    prev = _before(toks, x.start)
    for _ in range(2):  # "detenido el presidente Maduro": past a title before the name
        if prev and prev[-1].pos == "NOUN" and prev[-1].text[:1].islower() \
                and not prev[-1].text.lower().endswith(PARTICIPLE):
            prev.pop()
    if len(prev) < 2 or prev[-1].pos not in ("VERB", "NOUN") or not prev[-1].text.lower().endswith(PARTICIPLE):
        return False  # the token layer may read the participle as a noun ("un detenido"): its place decides
    opener = prev[-2].text.lower().strip("“\"«")
    return opener in ABSOLUTE_OPENERS or not opener


def _relative_light_subject(toks: list[Token], i: int, after: list[_Ref], lex: EsLexicon) -> _Ref | None:
    """The subject of a light verb in a relative clause on the noun ("los aranceles del 15 por ciento, que
    la presidenta mexicana impuso por decreto"): who announced or imposed them is their actor.
    A relative whose "que" is its own subject ("los aranceles que afectan a ...") names none."""
    q = next((j for j in range(i + 1, min(len(toks), i + RELATIVE_REACH)) if toks[j].text.lower() == "que"), None)
    if q is None or any(toks[j].pos in ("VERB", "AUX") or toks[j].text in lex.clause_breaks or toks[j].text == "."
                        for j in range(i + 1, q)):
        return None
    for v in range(q + 1, min(len(toks), q + RELATIVE_REACH)):
        if toks[v].text in lex.clause_breaks or toks[v].text == ".":
            return None
        if toks[v].pos in ("VERB", "AUX"):
            if toks[v].lemma not in lex.light_verbs:
                return None
            subject = [x for x in after if toks[q].end <= x.start and x.end <= toks[v].start]
            return subject[-1] if subject else None
    return None


def _light_verb_before(toks: list[Token], i: int, lex: EsLexicon) -> bool:
    for j in range(i - 1, max(-1, i - 6), -1):
        if toks[j].lemma in lex.light_verbs:
            return True
        if toks[j].pos == "VERB":
            return False
    return False


def _agent_after(toks: list[Token], i: int, after: list[_Ref]) -> _Ref | None:
    for j in range(i + 1, min(len(toks), i + 6)):
        if toks[j].text.lower() == "por":
            pos = toks[j].end
            for x in after:
                if 0 <= x.start - pos <= 14:
                    return x
            return None
    return None


def _date(dates: list[Mention], span: Span, t: Token) -> Mention | None:
    own = [d for d in dates if span.start <= d.span.start < span.end]
    if not own:
        return None
    return min(own, key=lambda d: abs(d.span.start - t.start))



