"""A light clause analysis of one sentence, for the event coder: tokens, clause edges, actors, triggers.

Takes a sentence (a `Span` of the document) and the document's actor mentions, and gives a
`Sentence`: word tokens with offsets, which tokens start a new clause (";", "although", "which",
", killing" ...), the actor mentions it holds mapped onto token positions (with first-person
"I"/"we" inside a direct quotation resolved to the quotation's speaker), and the trigger
matches (`Match`) with their part of speech and voice.

It also answers three questions about a candidate recipient's place in the clause, for
eventroles.py: whether it is the subject of a relative clause describing the object
(`in_relative`: "boats that Washington said were ..."), what a sending verb sends (`sent_off`),
a place's owner or neighbour (`at_place`: "along Guatemala's border with Mexico"), whether
it hangs from the trigger itself rather than from a verb of its content (`attached`); and, for
a subject, the group standing before a place ("lawmakers in Washington": `located_head`).

It is not a parser: a clause is the stretch between two edge words, a subject is found by
looking left, an object by looking right (eventroles.py). What it does not do: attach
prepositional phrases, resolve "it"/"they", or see through long parentheticals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..model import Actor, Mention, Quote, Span
from .eventlex import EventLexicon, Form, Trigger

TOKEN = re.compile(r"\w+(?=n['’]t\b)|n['’]t\b|\d[\d,.]*\d|[^\W_]+(?:[\-'’.][^\W_]+)*|\S")
DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "such", "any",
    "no", "some", "several", "more", "further", "new", "recent", "possible", "potential", "of", "on", "for",
    "against", "with", "about", "by", "from", "in", "after", "before", "over", "first", "second", "last", "latest",
    "renewed", "fresh", "military", "joint", "deadly", "many", "two", "three", "that", "what", "whose",
    "unprecedented", "unilateral", "direct", "similar", "other", "additional", "repeated", "planned", "alleged",
    "ground", "land", "naval", "bilateral", "diplomatic", "economic", "large", "massive"})
SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "it", "who"})
FIRST_PERSON = frozenset({"i", "we"})
PREPOSITIONS = frozenset({
    "against", "on", "at", "with", "to", "toward", "towards", "into", "in", "inside", "from", "of", "for", "by",
    "between", "near", "over", "upon", "about", "across", "along", "outside", "off", "onto", "under", "within",
    "through", "after", "before", "during", "amid", "like", "including", "via", "than", "around", "behind",
    "that"})
CONJ_LINKS = frozenset({"and", ",", "&", "or", "as", "well"})
INCLUDE = frozenset({"include", "includes", "included"})
NUMBER = re.compile(r"\d[\d,.]*$")
QUANTIFIERS = frozenset({"at", "least", "more", "than", "up", "to", "about", "some", "nearly", "almost", "over",
                         "his", "her", "its", "their", "a", "an", "the", "first", "new", "fresh", "further", "series",
                         "of", "round", "wave", "several", "many", "dozens", "hundreds", "two", "three", "four",
                         "five", "six", "ten", "renewed", "deadly", "unprecedented", "military", "direct", "joint",
                         "formal", "official", "lethal", "targeted", "brief", "lengthy", "long", "latest", "this",
                         "that", "these", "those", "such", "multiple", "repeated", "recent", "major", "large-scale"})


@dataclass
class Token:
    start: int
    end: int
    text: str
    low: str


@dataclass
class ActorRef:
    """An actor mention placed on the sentence's tokens (first and last token, inclusive)."""

    first: int
    last: int
    actor: Actor
    mention: Mention | None
    rule: str  # how the mention was resolved: lexicon rule, coref, quote speaker


@dataclass
class Match:
    first: int
    last: int
    form: Form
    noun: bool
    passive: bool = False
    needs_at: tuple[int, int] | None = None  # the tokens of the word the trigger needed ("launched ... strikes")
    statement: int | None = None  # a demand frame's statement verb ("said" in "said Sudan must return")

    @property
    def trigger(self) -> Trigger:
        return self.form.trigger


@dataclass
class Sentence:
    span: Span
    tokens: list[Token]
    edges: frozenset[int]  # tokens that begin a new clause
    actors: list[ActorRef]
    quote: Quote | None = None  # the direct quotation the sentence sits in, if any
    question: bool = False
    matches: list[Match] = field(default_factory=list)
    # For an "include + gerund" sentence only ("They include designating ..."): the subject and the
    # date mentions of the sentence before, whose act the gerund names one part of.
    context_actors: list[ActorRef] = field(default_factory=list)
    context_dates: list[Mention] = field(default_factory=list)

    def clause_bounds(self, i: int, soft: bool = True) -> tuple[int, int]:
        """The first and last token index of the clause holding token i."""
        lo = i
        while lo > 0 and lo not in self.edges:
            lo -= 1
        hi = i + 1
        while hi < len(self.tokens) and hi not in self.edges:
            hi += 1
        return lo, hi - 1

    def char_span(self, first: int, last: int) -> Span:
        s, e = self.tokens[first].start, self.tokens[last].end
        return Span(s, e, self.span.text[s - self.span.start:e - self.span.start])


def inflection(low: str) -> str:
    """The inflection a verb form shows: ing, ed, s or base (what subject and status rules look at)."""
    if low.endswith("ing"):
        return "ing"
    if low.endswith("ed"):
        return "ed"
    return "s" if low.endswith("s") else "base"


def tokenize(text: str, offset: int) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        w = m.group()
        out.append(Token(offset + m.start(), offset + m.end(), w, w.lower().replace("’", "'")))
    return out


def _phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens):
        return False
    return all(_word_match(tokens[i + k].low, w) for k, w in enumerate(phrase))


def _word_match(low: str, w: str) -> bool:
    return low.startswith(w[:-1]) if w.endswith("*") else low == w


def find_phrase(tokens: list[Token], lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The first token index in [lo, hi) where one of the phrases starts."""
    for i in range(max(lo, 0), min(hi, len(tokens))):
        for p in phrases:
            if _phrase_at(tokens, i, p):
                return i
    return None


def analyse(span: Span, tokens: list[Token], mentions: list[Mention], quotes: list[Quote],
            lex: EventLexicon) -> Sentence:
    """Tokens, clause edges, actors and trigger matches of one sentence."""
    edges = _edges(tokens, lex)
    quote = next((q for q in quotes if (q.direct and q.span.start <= span.start < q.span.end)
                  or (q.direct and span.start <= q.span.start < span.end)), None)
    sent = Sentence(span, tokens, edges, _actors(tokens, mentions, quote, span),
                    quote=quote, question=span.text.rstrip(" ”\"’'").endswith("?"))
    sent.matches = sorted(_matches(sent, lex) + _demand_frames(sent, lex), key=lambda m: m.first)
    for m in sent.matches:  # "India deployed troops" read as one actor: the trigger ends the actor
        for a in sent.actors:
            if a.first < m.first <= a.last:
                a.last = m.first - 1
    return sent


def _edges(tokens: list[Token], lex: EventLexicon) -> frozenset[int]:
    edges = {0}
    firsts = _break_firsts(lex.clause_breaks)
    for i, t in enumerate(tokens):
        if len(t.text) > 1 and t.text.isupper() and t.text.isalpha():
            continue  # "the World Health Organization (WHO)": an acronym, not the relative "who"
        for p in firsts.get(t.low, ()):
            if _phrase_at(tokens, i, p):
                edges.add(i)
                break
        if t.low == "," and i + 1 < len(tokens):
            nxt = tokens[i + 1].low
            # ", killing 80 people" and ", and the army..." start a clause of their own.
            if (nxt.endswith("ing") and len(nxt) > 5) or nxt in ("and", "but", "or", "yet", "saying", "adding"):
                edges.add(i)
        if t.low in ("“", "”", '"') and 0 < i < len(tokens) - 1:
            edges.add(i)
    for i, t in enumerate(tokens):  # designated cartels as “terrorist organisations”: a scare quote inside a phrase
        if t.low in ("“", '"') and i > 0 and (tokens[i - 1].low in ("as", "a", "an", "the", "of", "called", "dubbed")
                                             or tokens[i - 1].low in PREPOSITIONS):
            close = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].low in ("”", '"')), None)
            if close is not None:
                edges.discard(i)
                edges.discard(close)
    for i, t in enumerate(tokens):  # "The Asia-Pacific Economic Cooperation (APEC) forum": a short aside, not a clause
        if t.low == "(":
            close = next((j for j in range(i + 1, min(len(tokens), i + 5)) if tokens[j].low == ")"), None)
            if close is not None:
                edges.discard(i)
                edges.discard(close)
    return frozenset(edges)


@functools.cache
def _break_firsts(breaks: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in breaks:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _actors(tokens: list[Token], mentions: list[Mention], quote: Quote | None, span: Span) -> list[ActorRef]:
    starts = {t.start: i for i, t in enumerate(tokens)}
    out: list[ActorRef] = []
    for m in mentions:
        first = _token_at(tokens, m.span.start, starts)
        if first is None:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < m.span.end:
            last += 1
        v = m.value
        actor = Actor(name=v.get("name") or m.span.text, country=v.get("country"), sector=v.get("sector"),
                      id=v.get("id"))
        out.append(ActorRef(first, last, actor, m, m.rule))
    if quote is not None and quote.speaker is not None:
        covered = {i for a in out for i in range(a.first, a.last + 1)}
        for i, t in enumerate(tokens):
            if t.low in FIRST_PERSON and i not in covered and quote.span.start <= t.start < quote.span.end:
                out.append(ActorRef(i, i, quote.speaker, None, "quote-speaker"))
    out.sort(key=lambda a: (a.first, a.last))
    return out


def _token_at(tokens: list[Token], pos: int, starts: dict[int, int]) -> int | None:
    if pos in starts:
        return starts[pos]
    for i, t in enumerate(tokens):
        if t.start <= pos < t.end:
            return i
    return None


def _matches(sent: Sentence, lex: EventLexicon) -> list[Match]:
    tokens = sent.tokens
    out: list[Match] = []
    i = 0
    while i < len(tokens):
        found = None
        for form in lex.forms.get(tokens[i].low, ()):
            n = len(form.words)
            if not _phrase_at(tokens, i, form.words):
                continue
            m = _accept(sent, i, i + n - 1, form, lex)
            if m is not None:
                found = m
                break
        if found is not None:
            out.append(found)
            i = found.last + 1
        else:
            i += 1
    return out


def _accept(sent: Sentence, first: int, last: int, form: Form, lex: EventLexicon) -> Match | None:
    tokens = sent.tokens
    t = form.trigger
    prev = tokens[first - 1].low if first > 0 else ""
    nxt = tokens[last + 1].low if last + 1 < len(tokens) else ""
    if t.pos == "noun":
        if not _looks_nominal(sent, first, last, prev, nxt, form):
            return None
    elif t.pos == "adjective":
        j = first - 1
        while j >= 0 and tokens[j].low in lex.adverbs:
            j -= 1
        if j < 0 or not (tokens[j].low in lex.be_forms or tokens[j].low in PREDICATIVE):
            return None
    else:
        if not _looks_verbal(sent, first, prev, nxt, form):
            return None
        if form.inflection == "s" and _noun_reading(tokens, first, nxt, form, lex) \
                and not any(a.first == last + 1 for a in sent.actors):
            return None  # "military strikes would be ...": a noun; "Israel strikes Gaza": a verb
    if t.after and prev not in t.after:
        return None
    _, hi = sent.clause_bounds(last)
    window = range(last + 1, min(hi + 1, last + 1 + t.within))
    needs_at = None
    if t.needs:
        exact, prefixes = t.need_heads
        hit = next(((j, j + len(p) - 1) for j in window
                    if tokens[j].low in exact or (prefixes and tokens[j].low.startswith(prefixes))
                    for p in t.need_phrases if _phrase_at(tokens, j, p)), None)
        if hit is None:
            hit = _needed_antecedent(tokens, first, t.needs)
        if hit is None:
            return None
        needs_at = hit
    # an exception reaches past clause edges: "killing “hundreds” of Americans with drugs"
    if t.unless and any(_phrase_at(tokens, j, tuple(n.split())) for j in range(last + 1, min(len(tokens), last + 1
                                                                                             + t.within))
                        for n in t.unless):
        return None
    passive = False
    if t.pos == "verb" and form.inflection in ("ed", "en"):
        j = first - 1
        while j >= 0 and tokens[j].low in lex.adverbs:
            j -= 1
        aux = tokens[j].low if j >= 0 else ""
        after_by = tokens[last + 2].low if last + 2 < len(tokens) else ""
        by_agent = nxt == "by" and aux not in ("has", "have", "had") and not NUMBER.match(after_by) \
            and after_by not in lex.magnitude.get("numbers", {}) and after_by not in BY_MEASURE
        passive = aux in lex.be_forms or aux in ("get", "got", "gets") or by_agent
    return Match(first, last, form, noun=t.pos == "noun", passive=passive, needs_at=needs_at)


BY_MEASURE = frozenset({"far", "about", "some", "around", "nearly", "almost", "more", "less", "half", "a", "an", "up",
                        "as", "over", "roughly"})
OBJECT_START = frozenset({"the", "a", "an", "his", "her", "its", "their", "them", "him", "us", "back", "at", "on",
                          "against", "out", "up", "down", "off"})


PREDICATIVE = frozenset({"remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared",
                         "declared", "declares", "said", "says", "stood", "stands", "stand"})
FRAME_PRONOUNS = frozenset({"it", "they", "he", "she"})


def _demand_frames(sent: Sentence, lex: EventLexicon) -> list[Match]:
    """ "Russia said on Tuesday that Sudan must return ...": a modal of obligation whose subject
    follows a statement verb is a demand by the statement's subject."""
    tokens = sent.tokens
    if not lex.demand_modals:
        return []
    heads = {p[0] for p in lex.demand_modals}
    if not any(t.low in heads for t in tokens):
        return []
    statement = lex.words("statement") | lex.words("reporting")
    out = []
    for i in range(2, len(tokens)):
        if tokens[i].low not in heads:
            continue
        phrase = next((p for p in lex.demand_modals if _phrase_at(tokens, i, p)), None)
        if phrase is None:
            continue
        subj = i - 1
        named = any(a.last == subj or (a.last >= subj - 3 and all(tokens[x].text[:1].isupper() for x in range(
            a.last + 1, i))) for a in sent.actors)
        if tokens[subj].low not in FRAME_PRONOUNS and not named:
            continue
        k = next((j for j in range(subj - 1, max(-1, subj - 16), -1) if tokens[j].low in statement
                  or tokens[j].low in ("reminder", "demand", "warning", "message", "insistence")), None)
        if k is None or any(tokens[j].low in (";", ".", "?", "if", "unless", "whether") for j in range(k, i)):
            continue
        last = i + len(phrase) - 1
        t = Trigger(key=f"frame:{' '.join(phrase)}", lemma=" ".join(phrase), pos="frame", type="REQUEST", governs=True)
        out.append(Match(i, last, Form(phrase, t, "frame"), noun=False, statement=k))
    return out


def include_gerund(sent: Sentence, m: Match, lex: EventLexicon) -> int | None:
    """The "include" token of "They include designating ...": a gerund that lists one of the acts the
    sentence before told of, with no actor of its own before it in the clause; else None."""
    if m.noun or m.form.inflection != "ing":
        return None
    j = m.first - 1
    while j >= 0 and sent.tokens[j].low in lex.adverbs:
        j -= 1
    if j < 0 or sent.tokens[j].low not in INCLUDE:
        return None
    lo, _ = sent.clause_bounds(j)
    if any(lo <= a.first < j for a in sent.actors):
        return None  # "Trump's steps include designating ...": the actor is in the sentence
    return j


def _noun_reading(tokens: list[Token], first: int, nxt: str, form: Form, lex: EventLexicon) -> bool:
    """The -s form also reads as a plural noun trigger and nothing after it looks like an object."""
    has_noun = any(f.trigger.pos == "noun" and f.words == form.words for f in lex.forms.get(form.words[0], ()))
    return has_noun and nxt not in OBJECT_START and not NUMBER.match(nxt)


def _needed_antecedent(tokens: list[Token], first: int, needs: tuple[str, ...]) -> tuple[int, int] | None:
    """ "the tariffs that Trump decided to pause": the needed word heads the relative clause."""
    for j in range(first - 1, max(-1, first - 7), -1):
        if tokens[j].low in ("that", "which") and j > 0:
            if any(_word_match(tokens[j - 1].low, n) for n in needs if " " not in n):
                return j - 1, j - 1
            return None
    return None


def _looks_nominal(sent: Sentence, first: int, last: int, prev: str, nxt: str, form: Form) -> bool:
    """A noun trigger, not the same word used as a verb ("strikes on boats" vs "Israel strikes Gaza")."""
    if prev in ("to", "will", "would", "could", "may", "might", "must", "should", "can", "did", "does", "do") \
            and form.inflection == "sg" and form.words[-1] != "talks":
        return False
    if any(a.first <= first <= a.last and (a.first < first or a.last > last) and a.mention is not None
           for a in sent.actors):
        return False  # "opposition coalition", "Peace Council": part of an actor's name
    if prev in DETERMINERS or prev.endswith(("'s", "’s")) or NUMBER.match(prev) or prev in ("'", "’"):
        return True
    # After a subject ("Israel strikes Gaza") a bare -s form followed by an actor is a verb.
    ahead_actor = any(a.first == last + 1 for a in sent.actors)
    return not (ahead_actor and not nxt.startswith(("on", "in", "against")))


BASE_BEFORE = frozenset({"to", "will", "would", "could", "may", "might", "must", "should", "can", "shall", "did", "do",
                         "does", "not", "n't", "and", "or", "'ll", "'d", "let", "help", "helped", "make", "made",
                         "i", "we", "they", "you", "who", "that", "which", "cannot"})
S_BEFORE = frozenset({"he", "she", "it", "who", "that", "which", "and", "also", "now", "again", "still", "reportedly",
                      "then"})


def _subject_or_aux_before(sent: Sentence, first: int, prev: str, inflection: str) -> bool:
    """A base or -s form is a verb only after a subject, an auxiliary or "to"."""
    if first == 0:
        return inflection == "base"  # an imperative or headline verb
    allowed = BASE_BEFORE if inflection == "base" else S_BEFORE
    if prev in allowed or prev in ADVERB_LIKE:
        return True
    if prev.endswith(("'s", "’s")):
        return False  # "after Poland's request": a possessive owns a noun
    return any(a.last == first - 1 for a in sent.actors)


ADVERB_LIKE = frozenset({"also", "again", "now", "still", "then", "reportedly", "allegedly", "repeatedly", "jointly",
                         "formally", "publicly", "officially", "swiftly", "quickly", "immediately", "further",
                         "never", "often", "later", "once", "first", "previously", "recently", "explicitly",
                         "finally", "openly", "strongly", "sharply", "firmly", "categorically"})


def _looks_verbal(sent: Sentence, first: int, prev: str, nxt: str, form: Form) -> bool:
    if form.inflection in ("ed", "en") and prev in ("the", "a", "an", "its", "their", "his", "her", "our", "this"):
        return False  # "the planned strikes", "an alleged attack": an adjective
    if form.inflection in ("base", "s") and not _subject_or_aux_before(sent, first, prev, form.inflection):
        return False  # "the attack", "executive orders", "a strong push": a noun
    if form.inflection == "ing" and prev in ("the", "a", "an", "his", "her", "its", "their"):
        return False
    return not (form.inflection == "s" and nxt in ("on", "against", "in", "at") and form.words[-1] in (
        "strikes", "attacks", "raids", "talks", "calls", "visits", "protests", "threats"))


RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
NOT_ANTECEDENTS = frozenset({"so", "such", "now", "given", "except", "than", "provided", "assuming"})
PLACE_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})  # an act on a place is an act on its owner


def in_relative(sent: Sentence, trig_last: int, cand_first: int, lex: EventLexicon | None) -> bool:
    """The candidate is the subject of a relative clause qualifying the trigger's object ("boats that
    Washington said were ...", "camps which Iran runs"): it describes the object, it is not the target."""
    toks = sent.tokens
    for j in range(trig_last + 2, cand_first):
        if toks[j].low not in RELATIVE_WORDS:
            continue
        prev = toks[j - 1]
        if prev.low == ",":
            return toks[j].low != "that"  # ", which Hezbollah controls"
        if not (prev.low.isalpha() and prev.text.islower()) or prev.low in NOT_ANTECEDENTS:
            continue
        if lex is not None and (prev.low in lex.adverbs or prev.low in lex.words("statement")
                                or prev.low in lex.words("reporting")):
            continue  # "said that", "warned that": a complement clause, whose subject may be the target
        if prev.low.endswith("ed") or any(f.trigger.pos == "verb" and f.inflection != "s"
                                          for f in (lex.forms.get(prev.low, ()) if lex else ())):
            continue
        k = j + 1
        while k < cand_first and toks[k].low in ("the", "a", "an"):
            k += 1
        return k == cand_first  # the relative clause's own subject: who describes the object, not its target
    return False


def sent_off(sent: Sentence, trig_last: int, cand_first: int, lex: EventLexicon) -> bool:
    """The candidate is the object of a sending verb after (or at) the trigger."""
    toks = sent.tokens
    j = cand_first - 1
    while j > trig_last and j >= cand_first - 5 and (toks[j].low in QUANTIFIERS or NUMBER.match(toks[j].low)
                                                    or toks[j].low in ("its", "their", "his", "her", "another")):
        j -= 1
    return j >= trig_last and toks[j].low in lex.sending_verbs


def at_place(sent: Sentence, m: Match, a: ActorRef, lex: EventLexicon) -> bool:
    """The candidate names a place's owner or neighbour ("Guatemala's border", "the border with
    Mexico"), and that place is not the word the trigger needed ("closed its border with X")."""
    toks = sent.tokens

    def needed(j: int) -> bool:
        return m.needs_at is not None and m.needs_at[0] <= j <= m.needs_at[1]

    nxt = a.last + 1
    if toks[a.last].low.endswith(("'s", "’s")) and nxt < len(toks) and toks[nxt].low in lex.place_nouns \
            and not needed(nxt):
        return True
    j = a.first - 1
    while j > m.last and toks[j].low in ("the", "a", "an"):
        j -= 1
    return j - 1 > m.last and toks[j].low in ("with", "of") and toks[j - 1].low in lex.place_nouns \
        and not needed(j - 1)


def attached(sent: Sentence, m: Match, a: ActorRef) -> bool:
    """The recipient hangs from the trigger itself, not from a verb of its content ("agreed with
    Mexico" vs "agreed to set up patrols ... with Mexico")."""
    toks = sent.tokens
    for j in range(m.last + 1, a.first - 1):
        if toks[j].low == "to" and toks[j + 1].low.isalpha() and toks[j + 1].text.islower() \
                and toks[j + 1].low not in DETERMINERS and toks[j + 1].low not in QUANTIFIERS:
            return False
    return not in_relative(sent, m.last, a.first, None)


LOCATIVE = frozenset({"in", "from", "at", "inside", "across", "near", "outside"})
PLACED = frozenset({"based", "operating", "living", "stationed", "deployed", "active", "fighting", "serving"})
PLACE_FORMS = frozenset({"name", "capital", "metonym"})


def located_head(sent: Sentence, place: ActorRef) -> ActorRef | None:
    """ "lawmakers in Washington have called", "guerrillas operating in Macedonia have been": the
    subject is the group before the place, with the place's country when it names none."""
    toks = sent.tokens
    if place.mention is None or place.mention.value.get("form") not in PLACE_FORMS or not place.actor.country:
        return None
    j = place.first - 1
    while j >= 0 and toks[j].low in ("the", "a", "an"):
        j -= 1
    if j < 1 or toks[j].low not in LOCATIVE:
        return None
    j -= 1
    if toks[j].low in PLACED:
        j -= 1
    # (from all actors: "militants operating in" is no adjective use of the keyword)
    head = next((a for a in reversed(sent.actors) if a.last == j and a.actor.sector is not None
                 and a.first >= sent.clause_bounds(place.first)[0]), None)
    if head is None:
        return None
    if head.actor.country:
        return head
    actor = Actor(name=head.actor.name, country=place.actor.country, sector=head.actor.sector,
                  id=place.actor.country + (head.actor.sector or ""))
    return ActorRef(head.first, head.last, actor, head.mention, f"{head.rule}+located:{place.actor.country}")
