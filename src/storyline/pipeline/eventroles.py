"""Who did it and to whom, read off the dependency tree.

Takes a `tree.Sentence`, a trigger `Hit` and the document's `Context`, and gives `Roles`:

- **actor**: the trigger verb's subject (`nsubj`), the agent of a passive ("by X"), else the
  subject of the verb it hangs on: the controller of "threatened to strike", the first conjunct
  of "condemned A and urged B", the head of a participle adjunct ("..., killing 14"), the noun a
  relative clause describes ("Maduro, who has pledged"); for a nominal trigger, its possessor
  ("Trump's threat"), its country word ("U.S. strikes"), "by X", or the subject of the verb it is
  the object of ("X launched strikes", "X held talks").
- **recipient**: the object or the argument the lexicon names for the reading (`recipient:`
  object, on, against, to, with, ...), typed: a vessel "suspected of smuggling drugs" and
  "alleged smugglers" are CRM; an actor in a territory phrase ("on Honduran soil") is the place,
  and the recipient only when nothing else is targeted.
- a word an actor mention covers is that actor; a pronoun is the person the actor stage
  resolved, or for "it"/"they" the last group or country named before it; "we"/"I" inside a
  quotation is its speaker. A generic actor ("the military", "officials", "the administration")
  takes its country from the document (`Context.country_for`).

Every decision is a rule name kept on the event ("actor=subject", "recipient=on+crm-vessel",
"country=context:nearest"). It does not decide status, dates or places.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..lexicon_data import load_yaml, per_user_files, stage
from ..model import Actor, Mention, Quote
from ..plover import RECIPROCAL
from .actors import given_names, latest_antecedent, stance_country
from .eventlex import EventLexicon
from .eventmatch import Hit
from .eventstatus import DECISION_NOUNS
from .tree import OBJECTS, PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, Sentence

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
ACTIVE_SUBJECTS = ("nsubj", "csubj", "expl")
ARTICLES = frozenset({"the", "a", "an"})
STATIVE = frozenset({"oppose", "commit", "determine", "prepare", "resolve", "dedicate", "opposed", "committed",
                     "determined", "prepared"})
UNDERGOER_ACTS = frozenset({"demobilize", "demobilise", "withdraw", "disarm", "disband", "evacuate", "pull"})
INSTRUMENTS = frozenset({"order", "decree", "directive", "memorandum", "proclamation", "law", "bill", "resolution",
                         "measure", "executive"})
INCLUDING = frozenset({"include", "involve", "comprise"})
# Titles of office whose holder, named with no country the lexicon knows, belongs to the one country
# the sentence names ("President X on Thursday lifted the curfew in Sudan").
OFFICE_TITLES = frozenset({"president", "minister", "premier", "chancellor", "king", "emir", "sultan", "governor",
                           "mayor", "secretary", "ambassador", "general", "commander", "chief", "spokesman",
                           "spokeswoman", "leader", "prime", "vice-president", "vice"})
# Head words of the names of bodies: an unknown proper name ending in one is an organisation.
BODY_WORDS = frozenset({"office", "organization", "organisation", "council", "agency", "committee", "front",
                        "movement", "party", "union", "league", "association", "commission", "court", "ministry",
                        "federation", "alliance", "army", "coalition", "congress", "assembly", "authority",
                        "bureau", "institute", "foundation", "fund", "bank", "group", "forum", "tribunal", "board"})
# Prepositions that name the target of an act a trigger governs ("vowed to retaliate against X").
GOVERNED_PLACES = frozenset({"against", "on", "at", "with", "to", "into", "toward", "towards", "from"})
# Verbs of a protest's purpose clause whose object names the party the protest is aimed at.
DEMANDING = frozenset({"demand", "call", "urge", "press", "seek", "oppose", "denounce", "condemn", "decry",
                       "protest", "reject", "insist"})
# A state's own institutions: a generic one of these ("the army") can be whom a protest's demand is made of.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Actors whose act with no one named is addressed to the state the document mostly deals with (the
# document's counterpart): a state itself and the bodies that speak and act for it abroad. Its police, its
# people, parties, press and firms act at home or for themselves ("officers threatened to use force",
# "residents refused to leave"): whom they act toward is no foreign state the page happens to be about.
COUNTERPART_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "JUD"})
NEAR = 300  # characters: how far back a generic actor looks for one of its sector before taking the dominant
# Pronouns of a party that, with no one named before them, still say an act had an actor.
PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})
# Heads a group word can stand before as a compound ("cartel leaders"): the group is the actor.
GROUP_HEADS = frozenset({"figure", "leader", "member", "boss", "operative", "chief", "commander", "kingpin",
                         "lieutenant", "gunman", "fighter", "official", "officer", "soldier", "agent", "cell",
                         "faction", "unit", "force", "ship", "vessel", "boat"})


@dataclass
class Ref:
    """An actor found at a word, and how."""

    actor: Actor
    at: int
    rule: str
    generic: bool = False
    territory: bool = False


@dataclass
class Roles:
    actors: list[Ref] = field(default_factory=list)
    recipients: list[Ref] = field(default_factory=list)
    actor_rule: str | None = None
    recipient_rule: str | None = None
    reciprocal: bool = False
    territory: list[Ref] = field(default_factory=list)  # actors of a territory phrase: places, unless nothing else


@per_user_files
def actor_nouns() -> dict[str, str | None]:
    """Lower-case group and office words and their sector (institutions.yaml keywords and roles,
    triggers.yaml `actor_nouns`), for a subject the actor stage did not name."""
    out: dict[str, str | None] = {}
    inst = load_yaml("institutions.yaml")
    for sector, kinds in (inst.get("keywords") or {}).items():
        for words in (kinds or {}).values():
            for w in words or ():
                out[str(w).lower()] = str(sector)
    for sector, words in (stage("triggers.yaml").get("actor_nouns") or {}).items():
        for w in words or ():
            out[str(w).lower()] = None if sector == "none" else str(sector)
    return out


ENVOYS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "embassy", "embassies",
                    "consul", "consulate", "chargé", "attaché"})


def envoy(name: str | None, sector: str | None) -> bool:
    """Whether an actor, by its name and sector, is a state's envoy or mission abroad ("the French ambassador",
    "US diplomats")."""
    return sector == "GOV" and any(w in ENVOYS for w in (name or "").lower().split())


def envoy_mention(m: Mention | None) -> bool:
    """Whether an actor mention names a state's envoy or mission abroad (see `envoy`)."""
    return m is not None and envoy(m.value.get("name") or m.span.text, m.value.get("sector"))


class Context:
    """What the document says about who is who: its actor mentions in order, for pronouns and
    for the country of a generic actor."""

    def __init__(self, mentions: list[Mention], quotes: list[Quote], text: str = ""):
        self.text = text  # the document's text, for a name given in full before a sentence
        self.actors = sorted((m for m in mentions if m.kind == "actor"), key=lambda m: m.span.start)
        self.places = sorted((m for m in mentions if m.kind == "place"), key=lambda m: m.span.start)
        self.when_where = [m.span for m in mentions if m.kind in ("place", "date")]
        self.starts = [m.span.start for m in self.actors]
        self.place_starts = [m.span.start for m in self.places]
        self._counterparts: dict[str, Actor | None] = {}
        self.persons = [m for m in self.actors if m.value.get("form") == "person"]  # persons, for title_person
        self.person_starts = [m.span.start for m in self.persons]
        self.quotes = quotes
        by_sector: dict[str, Counter[str]] = {}
        overall: Counter[str] = Counter()
        for m in self.actors:
            c, s = m.value.get("country"), m.value.get("sector")
            if c and s:
                by_sector.setdefault(s, Counter())[c] += 1
            if c and s in (None, "GOV", "MIL"):
                overall[c] += 1
        self.by_sector, self.overall_counts = by_sector, overall
        self.dominant = {s: cnt.most_common(1)[0][0] for s, cnt in by_sector.items()}
        self.previous: list[Ref] = []  # the main subject of the sentence before the one being coded
        self.previous_dates: list[Mention] = []  # and its dates
        self.overall = overall.most_common(1)[0][0] if overall else None

    def two_sides(self, pos: int) -> list[Actor]:
        """The two states the document is about before `pos`, for "both sides", "the two countries": the two
        most named countries (states and their governments and forces), each named at least twice and
        clearly more than any third; else none."""
        counts: Counter[str] = Counter()
        names: dict[str, Counter[str]] = {}
        for m in self.actors[:bisect.bisect_left(self.starts, pos)]:
            c = m.value.get("country")
            if c and m.value.get("sector") in (None, "GOV", "MIL") and m.value.get("form") in STATE_FORMS:
                counts[str(c)] += 1
                if m.value.get("form") == "name" and not m.value.get("sector"):
                    names.setdefault(str(c), Counter())[str(m.value.get("name") or m.span.text)] += 1
        top = counts.most_common(3)
        if len(top) < 2 or top[1][1] < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
            return []
        return [Actor(name=names[c].most_common(1)[0][0] if c in names else c, country=c, sector=None, id=c)
                for c, _ in top[:2]]

    def counterpart(self, country: str) -> Actor | None:
        """The state the document is mostly about besides `country`: the most named other country
        (states and their governments and forces), named at least twice."""
        if country not in self._counterparts:
            self._counterparts[country] = self._counterpart(country)
        found = self._counterparts[country]
        return None if found is None else dataclasses.replace(found)  # a fresh record: callers may amend it

    def _counterpart(self, country: str) -> Actor | None:
        counts: Counter[str] = Counter(
            str(m.value["country"]) for m in self.actors
            if m.value.get("country") and m.value.get("country") != country
            and m.value.get("sector") in (None, "GOV", "MIL", "LEG") and m.value.get("form") != "keyword")
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        if n < 2 or (len(counts) > 1 and counts.most_common(2)[1][1] == n):
            return None
        return Actor(name=best, country=best, sector=None, id=best)

    def title_person(self, title: str, pos: int, lo: int, hi: int, country: str | None = None) -> Actor | None:
        """The person the document names most often before `pos` with this title (and `country`, when
        given); one named in the same sentence (lo..hi) is someone else ("the minister said no to the envoy")."""
        words = title.lower().replace(".", "").split()
        head = words[-1] if words else ""
        here = {m.value.get("id") for m in self.actors_in(lo, hi) if m.value.get("form") == "person"}
        counts: Counter[str] = Counter()
        last: dict[str, Mention] = {}
        for m in self.persons[:bisect.bisect_left(self.person_starts, pos)]:
            v = m.value
            if v.get("id") in here or head not in str(v.get("title") or "").lower():
                continue
            if country and v.get("country") and v.get("country") != country:
                continue
            key = str(v.get("id") or v.get("name"))
            counts[key] += 1
            last[key] = m
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k].span.start))
        return mention_actor(last[best].value, last[best].span.text)

    def sentence_country(self, lo: int, hi: int) -> str | None:
        """The one country a sentence names (states, their bodies, its places), if it names just one."""
        found = {str(m.value["country"]) for m in (*self.actors_in(lo, hi), *self.places_in(lo, hi))
                 if m.value.get("country") and m.value.get("sector") != "MED"
                 and m.value.get("form") not in ("person", "unknown_person")}
        return found.pop() if len(found) == 1 else None

    def actors_in(self, lo: int, hi: int) -> list[Mention]:
        """Actor mentions starting in lo..hi (found by bisection: a long document stays linear)."""
        return self.actors[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def places_in(self, lo: int, hi: int) -> list[Mention]:
        return self.places[bisect.bisect_left(self.place_starts, lo):bisect.bisect_left(self.place_starts, hi)]

    def before(self, pos: int) -> list[Mention]:
        """Actor mentions starting before character `pos`, nearest last."""
        return self.actors[:bisect.bisect_left(self.starts, pos)]

    def country_for(self, sector: str | None, pos: int, until: int | None = None,
                    acted_on: frozenset[int] = frozenset()) -> tuple[str | None, str]:
        """The country of a generic actor of this sector at `pos`: the nearest earlier actor of the sector
        with a country, else the document's dominant country for the sector. The parties named after it
        up to `until` (the rest of its sentence) who are the other side of its act or its destination (a
        state's envoys, a counterpart, a capital: "the government expelled the French ambassador", "the
        president met his French counterpart", "the foreign minister flew to Moscow") do not count toward
        the dominant country, nor do those that say whose the thing its act is done to is (`acted_on`: the
        character starts of the words of its verb's object's possessor and modifiers, "the government
        rejected the American proposal")."""
        if sector is None:
            return None, ""
        for m in reversed(self.before(pos)):
            if pos - m.span.end > NEAR:
                break
            if m.value.get("sector") == sector and m.value.get("country") \
                    and not envoy_mention(m):
                # a state's envoy is abroad: "the Swiss ambassador ... The authorities have arrested"
                return str(m.value["country"]), "context:nearest"
        dominant, overall = self.dominant.get(sector), self.overall
        later = [m for m in self.actors_in(pos + 1, until) if m.value.get("country")
                 and (self._other_side(m) or m.span.start in acted_on)] if until else []
        if later:
            own = Counter(str(m.value["country"]) for m in later if m.value.get("sector") == sector)
            rest = self.by_sector.get(sector, Counter()) - own
            dominant = rest.most_common(1)[0][0] if rest else None
            top = self.overall_counts - Counter(str(m.value["country"]) for m in later
                                                if m.value.get("sector") in (None, "GOV", "MIL"))
            overall = top.most_common(1)[0][0] if top else None
        if dominant:
            return dominant, "context:dominant"
        if sector in ("GOV", "MIL", "COP", "SPY", "LEG") and overall:
            return overall, "context:document"
        return None, ""

    def _other_side(self, m: Mention) -> bool:
        """Whether an actor mention after a generic actor in its sentence names the other side or the
        destination of its act rather than its own country (see `country_for`)."""
        after = self.text[m.span.end:m.span.end + 16].lstrip().lower()
        return envoy(m.value.get("name"), m.value.get("sector")) or m.value.get("form") == "capital" \
            or after.startswith("counterpart")

    def place_country(self, pos: int) -> str | None:
        """The country of the place mention covering character `pos`, if any."""
        for m in self.places:
            if m.span.start <= pos < m.span.end and m.value.get("country"):
                return str(m.value["country"])
        return None

    def place_or_date_at(self, pos: int) -> bool:
        """Whether a place or a date mention covers character `pos`."""
        return any(x.start <= pos < x.end for x in self.when_where)

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.span.start <= pos < q.span.end:
                return q
        return None

    def last_group(self, pos: int, skip: frozenset[str] = frozenset(), singular: bool = False) -> Mention | None:
        """The last group, state or organisation named in the 400 characters before `pos`; with `singular`
        (for "it"), not one named in the plural ("six Iranian officials it accused": not the officials)."""
        for m in reversed(self.before(pos)):
            if pos - m.span.end > 400:
                return None
            if m.value.get("form") != "person" and not m.rule.startswith("coref:") and \
                    (m.value.get("country") or m.value.get("sector") == "CRM") and m.value.get("country") not in skip \
                    and not (singular and _plural_name(m.span.text)):
                return m
        return None


def _plural_name(text: str) -> bool:
    """A group named in the plural by a common noun: "Iranian officials", "the rebels" (not "the Philippines")."""
    last = text.split()[-1] if text.split() else ""
    return last[:1].islower() and last.endswith("s") and not last.endswith("ss")


def mention_actor(value: dict[str, Any], text: str) -> Actor:
    """The actor a mention's resolved value names (a coreferent's `ref` first)."""
    return Actor(name=str(value.get("ref") or value.get("name") or text), country=value.get("country"),
                 sector=value.get("sector"), id=value.get("id"))


# Prepositions that set a party beside the subject for comparison, not in it.
LIKENESS = frozenset({"like", "unlike", "besides", "except"})
# Nouns for a person's kin and household: "Ann Lowe's mother" is someone else than Ann Lowe.
RELATIVES = frozenset({"mother", "father", "parent", "son", "daughter", "child", "wife", "husband", "brother",
                       "sister", "family", "widow", "widower", "grandmother", "grandfather", "grandson",
                       "granddaughter", "uncle", "aunt", "cousin", "nephew", "niece", "spouse", "partner",
                       "fiancé", "fiancee", "girlfriend", "boyfriend", "relative", "sibling", "stepfather",
                       "stepmother", "friend", "neighbor", "neighbour"})


# Words that make a party's members lawmakers: "Senate Republicans", "House Democrats", "parliamentary Labour".
LEGISLATURE_WORDS = frozenset({"senate", "house", "congressional", "parliamentary", "congress", "parliament"})


def refs_at(sent: Sentence, i: int, ctx: Context, lex: EventLexicon, *, pronouns: bool = True,
            typed: bool = False, skip_countries: frozenset[str] = frozenset()) -> list[Ref]:
    """The actors a noun phrase headed at word i names, one per conjunct."""
    out: list[Ref] = []
    for j in sent.conjuncts(i):
        pair = pair_refs(sent, j, ctx)
        if pair:
            out.extend(pair)
            continue
        ref = _ref(sent, j, ctx, lex, pronouns=pronouns, typed=typed, skip_countries=skip_countries)
        if ref is not None:
            out.extend(_one_per_country(sent, j, ref))
    return out


STATE_FORMS = frozenset({"name", "adjective", "capital"})  # mentions that name a state (not a person, a people)
PAIR_HEADS = frozenset({"side", "country", "government", "neighbour", "neighbor", "nation", "state", "rival",
                        "capital", "army", "party"})


def pair_refs(sent: Sentence, j: int, ctx: Context) -> list[Ref]:
    """ "both sides", "the two countries", "the two governments", "both neighbours": a pair no word names,
    the two states the document is about so far (`Context.two_sides`); none when it is not clear."""
    t = sent.tok(j)
    if t.pos != "NOUN" or t.lemma not in PAIR_HEADS or t.tag not in ("NNS", "NNPS"):
        return []
    kids = sent.children(j, "det", "nummod", "predet", "amod", "compound", "poss")
    if not any(sent.low(k) in ("both", "two") for k in kids) or any(sent.mention(k) is not None for k in kids):
        return []
    return [Ref(a, j, "document-two-sides") for a in ctx.two_sides(t.start)]


def _one_per_country(sent: Sentence, j: int, ref: Ref) -> list[Ref]:
    """A group word whose countries are coordinated names one party per country: "Armenian and Azerbaijani
    officials", "officials from Armenia and Azerbaijan", "U.S. and Russian negotiators" are two sides
    (who met each other), not one side of the last country named."""
    if ref.actor.sector is None or sent.tok(j).pos != "NOUN":
        return [ref]
    first = list(sent.children(j, "amod", "compound", "nmod"))
    first += [o for p in sent.children(j, "prep") if sent.low(p) == "from" for o in sent.children(p, "pobj")]
    for k in first:
        sides = [sent.text_of(sent.subtree(c, skip=("conj", "cc", "punct", "prep", "det"))) for c in sent.conjuncts(k)]
        countries = [stance_country(word) for word in sides]
        if len(sides) < 2 or None in countries or len(set(countries)) < 2:
            continue
        head = sent.tok(j).text
        pobj = sent.tok(k).dep == "pobj"
        return [Ref(Actor(name=f"{head} from {word}" if pobj else f"{word} {head}", country=c, sector=ref.actor.sector,
                          id=f"{c}{ref.actor.sector}"), j, f"{ref.rule}+one-per-country", generic=ref.generic)
                for word, c in zip(sides, countries, strict=True)]
    return [ref]


def acted_on(sent: Sentence, j: int) -> frozenset[int]:
    """For a subject, the character starts of the words that say whose its verb's direct object is (its
    possessor and modifiers: "rejected the American proposal", "welcomed Iran's offer", "the proposal of
    the American side"; a state named as the object, "criticized Mexico"), the other side, whose country is
    not the subject's by default; not a place in the object ("a state of siege in Haiti")."""
    v = sent.head(j)
    if v is None or sent.tok(j).dep not in ("nsubj",) or sent.tok(v).pos != "VERB":
        return frozenset()
    objects = sent.children(v, "dobj", "obj")
    said = [c for o in objects for c in sent.children(o, "amod", "compound", "poss", "nmod")]
    said += [c for o in objects for p in sent.children(o, "prep") if sent.low(p) == "of"
             for c in sent.children(p, "pobj")]
    starts = {sent.tok(k).start for c in said for k in sent.subtree(c)}
    # the state itself acted on ("the president criticized Mexico"), not its people ("freed three Colombians")
    starts |= {m.span.start for o in objects for c in sent.conjuncts(o)
               if (m := sent.mention(c)) is not None and m.value.get("form") == "name" and not m.value.get("sector")}
    return frozenset(starts)


def _ref(sent: Sentence, j: int, ctx: Context, lex: EventLexicon, *, pronouns: bool, typed: bool,
         skip_countries: frozenset[str] = frozenset()) -> Ref | None:
    t = sent.tok(j)
    low = t.text.lower()
    m = sent.mention(j)
    if m is None and t.pos in ("NOUN", "PROPN"):
        # "the country's navy", "Mexican officials": a country word modifying an unnamed head
        for k in sent.children(j, "compound", "amod", "poss", "nmod"):
            mk = sent.mention(k)
            if mk is not None and mk.value.get("country") and sent.mention(j) is None:
                sector = actor_nouns().get(t.lemma) or actor_nouns().get(low)
                if low in actor_nouns() or t.lemma in actor_nouns():
                    v = dict(mk.value)
                    v["name"] = sent.text_of(sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos")))
                    v["sector"] = sector
                    if sector:  # "the American public": the country's people, not the state the word names
                        v["id"] = f"{v['country']}{sector}"
                    rule = "modifier-country"
                    home = _ethnic_home(sent, j, k, ctx, str(v["country"]))
                    if home:
                        v["country"], rule = home, "modifier-country+ethnic-home"
                    return Ref(mention_actor(v, t.text), j, rule)
            if mk is not None and sent.tok(k).dep == "compound" and mk.value.get("sector") \
                    and t.lemma in GROUP_HEADS:  # "cartel figures", "cartel leaders": the compound names the group
                return Ref(mention_actor(mk.value, mk.span.text), j, "compound-group")
        if t.pos == "PROPN" and t.text[:1].isupper():  # "U.N. mediator Diego Cordovez": a person named with a body
            for k in sent.children(j, "compound"):
                mk = sent.mention(k)
                titled = sent.tok(k).pos == "NOUN"  # a title word: "Chilean leader Rosa Etxeberria"
                if titled and mk is None:
                    mk = next((sent.mention(c) for c in sent.children(k, "compound", "amod")
                               if sent.mention(c) is not None), None)
                if titled and mk is not None and not (mk.value.get("country")
                                                      or mk.value.get("sector") in ("IGO", "GOV")):
                    mk = None
                if mk is not None and mk.value.get("form") != "person" and mk.value.get("sector") != "MED" \
                        and (mk.value.get("country") or mk.value.get("sector")) \
                        and (sent.tok(k).pos == "PROPN" or titled) \
                        and any(sent.tok(c).pos == "PROPN" and sent.mention(c) is None
                                for c in sent.children(j, "compound")):
                    name = sent.text_of([c for c in sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos",
                                                                          "det")) if sent.mention(c) is None])
                    body = mk.value.get("sector")
                    return Ref(Actor(name=name or t.text, country=mk.value.get("country"),
                                     sector=body if body in ("IGO", "GOV") else None, id=None), j, "name-with-body")
    if m is not None:
        v = m.value
        if v.get("sector") == "MED" and v.get("form") != "person":
            pass  # an outlet is a source, still a party if it is the subject
        actor = mention_actor(v, m.span.text)
        rule = "mention"
        generic = not actor.country and actor.sector is not None and v.get("form") == "keyword"
        if generic and v.get("title"):  # "the president warned": the document's president, by name
            person = ctx.title_person(str(v["title"]), m.span.start, sent.span.start, sent.span.end)
            if person is not None:
                return Ref(person, j, "title-person")
        owner = next((k for k in sent.children(j, "poss") if sent.mention(k) is not None), None)
        if generic and owner is not None and sent.mention(owner).value.get("country"):  # type: ignore[union-attr]
            actor.country = sent.mention(owner).value.get("country")  # type: ignore[union-attr]
            rule = "mention+possessor"
        elif generic and _own_country(sent, j)[0]:  # "militants operating in Mali"
            actor.country, how = _own_country(sent, j)
            rule = f"mention+{how}"
        elif generic and _place_modifier(sent, j, ctx):  # "Darfur rebels", "Gaza residents"
            actor.country = _place_modifier(sent, j, ctx)
            rule = "mention+place-modifier"
        elif generic:
            country, how = ctx.country_for(actor.sector, m.span.start, sent.span.end, acted_on(sent, j))
            if country:
                actor.country = country
                rule = f"mention+{how}"
        if not actor.country and v.get("form") == "unknown_person" and v.get("title") \
                and str(v.get("title")).lower().split()[-1] in OFFICE_TITLES \
                and not any(sent.mention(k) is not None and sent.mention(k) is not m  # "Arab League Secretary X"
                            and not (sent.mention(k).value.get("country")) for k in sent.subtree(j)):  # type: ignore[union-attr]
            c = ctx.sentence_country(sent.span.start, sent.span.end)  # "President X extended the curfew in Abidjan"
            if c and any(x is not m and x.value.get("title") and x.value.get("country") == c for x in sent.mentions):
                c = None  # "President X welcomed the South African leader": the country is the other office holder's
            if c:
                actor.country = c
                rule = "mention+office-sentence-country"
            elif " " not in actor.name:  # "President Mubarak": as little known as "the president" alone
                c, how = ctx.country_for(actor.sector, m.span.start)
                if c:
                    actor.country = c
                    rule = f"mention+office-{how}"
        group = next((k for k in (j, *sent.children(j, "amod", "compound"))
                      if (sent.mention(k) or m).value.get("country") == actor.country), j)
        home = _ethnic_home(sent, j, group, ctx, actor.country) if actor.country else None
        if home:
            actor.country, rule = home, f"{rule}+ethnic-home"
        if m.rule.startswith("coref:"):
            rule = m.rule
        if actor.sector == "PTY" and any(
                sent.low(k) in LEGISLATURE_WORDS or (sent.mention(k) is not None and sent.mention(k) is not m
                                                     and sent.mention(k).value.get("sector") == "LEG")  # type: ignore[union-attr]
                for k in sent.children(j, "compound", "amod")):
            actor.sector, rule = "LEG", f"{rule}+legislature-members"  # "Senate Republicans": lawmakers
        return Ref(actor, j, rule, generic=generic)
    if pronouns and t.pos == "PRON":
        q = ctx.quote_at(t.start)
        if low in FIRST_PERSON and q is not None and q.speaker is not None:
            speaker = q.speaker
            if not speaker.country and speaker.sector:  # "the admiral ... said, “... we will respond”"
                country, _ = ctx.country_for(speaker.sector, q.span.start)
                speaker = Actor(name=speaker.name, country=country, sector=speaker.sector, id=speaker.id)
            return Ref(speaker, j, "pronoun:quote-speaker")
        if low in GROUP_PRONOUNS and (low == "it" or typed):
            g = ctx.last_group(t.start, skip=skip_countries, singular=low == "it")
            if g is not None:
                return Ref(mention_actor(g.value, g.span.text), j, "pronoun:last-group")
        return None
    if low in RELATIVE_PRONOUNS:
        return None
    if typed:
        crm = criminal(sent, j, lex)
        if crm is not None:
            return crm
    nouns = actor_nouns()
    word = t.lemma if t.lemma in nouns else low if low in nouns else None
    if t.pos in ("NOUN", "PROPN") and word is not None:
        sector = nouns[word]
        country, how = _own_country(sent, j)  # "students throughout Indonesia", "Iraqi Kurds"
        if country is None:
            country, how = _place_modifier(sent, j, ctx), "place-modifier"
            how = how if country else ""
        if country is None and sector is not None:
            country, how = ctx.country_for(sector, t.start, sent.span.end, acted_on(sent, j))
        named = t.pos == "PROPN" or any(sent.tok(k).pos == "PROPN"
                                         for k in sent.children(j, "compound", "amod", "nmod", "poss"))
        if sector is None and country is None and not named:
            return None  # "the group", "leaders": no one in particular
        name = sent.text_of(sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos", "det", "advcl")))
        return Ref(Actor(name=name or t.text, country=country, sector=sector, id=None), j,
                   "actor-noun" + (f"+{how}" if how else ""), generic=True)
    return None


def named_person(sent: Sentence, ref: Ref) -> bool:
    """A party that is a person named in the sentence (not a state, body or group)."""
    m = sent.mention(ref.at)
    return m is not None and m.value.get("form") in ("person", "unknown_person")


def ethnic(sent: Sentence, j: int) -> bool:
    """Whether the word at j names a people as an ethnic group ("ethnic Kurds", "ethnic Uzbek militias")."""
    words = {j, *sent.children(j, "amod", "compound")}
    h = sent.head(j)
    if h is not None and sent.tok(j).dep in ("amod", "compound"):
        words.add(h)
    return any(sent.low(k) == "ethnic" for x in words for k in sent.children(x, "amod"))


def _ethnic_home(sent: Sentence, j: int, group: int, ctx: Context, country: str | None) -> str | None:
    """ "ethnic Kurds in northern Syria", "ethnic Uzbek militias based in Kyrgyzstan": a people named as an
    ethnic group belongs to the country it lives in, named in its phrase or, failing that, the one other
    country the sentence names; not to the state its name comes from."""
    if not country or not (ethnic(sent, j) or ethnic(sent, group)):
        return None
    for k in [*sent.subtree(j, skip=("relcl", "appos", "advcl")), *(
            sent.child(p, "pobj") for a in sent.children(j, "acl") for p in sent.children(a, "prep"))]:
        if k is None or k == group:
            continue
        h = sent.head(k)
        m = sent.mention(k)
        if m is not None and m.value.get("country") not in (None, country) and m.value.get("form") != "person" \
                and sent.tok(k).dep == "pobj" and h is not None and sent.low(h) in ("in", "inside", "from", "of"):
            return str(m.value["country"])
    others = {str(m.value["country"]) for m in (*ctx.actors, *ctx.places)
              if sent.span.start <= m.span.start < sent.span.end and m.value.get("country") not in (None, country)
              and m.value.get("form") not in ("person", "unknown_person") and m.value.get("sector") != "MED"}
    return others.pop() if len(others) == 1 else None


def _own_country(sent: Sentence, j: int) -> tuple[str | None, str]:
    """A country named inside a noun phrase headed at j: its modifier or an in/from/of phrase."""
    for k in sent.subtree(j, skip=("relcl", "acl", "appos", "advcl")):
        if k == j:
            continue
        m = sent.mention(k)
        if m is None or not m.value.get("country") or m.value.get("form") == "person":
            continue
        dep = sent.tok(k).dep
        h = sent.head(k)
        if dep in ("amod", "compound", "nmod", "poss") or (dep == "pobj" and h is not None and sent.low(h) in (
                "in", "from", "of", "throughout", "across", "inside")):
            return str(m.value["country"]), "phrase-country"
    for a in sent.children(j, "acl"):  # "militants operating in Mali"
        for p in sent.children(a, "prep"):
            pobj = sent.child(p, "pobj")
            m = sent.mention(pobj) if pobj is not None and sent.low(p) in ("in", "inside", "from") else None
            if m is not None and m.value.get("country") and m.value.get("form") != "person":
                return str(m.value["country"]), "phrase-country"
    return None, ""


def _place_modifier(sent: Sentence, j: int, ctx: Context) -> str | None:
    """The country of a place named as a modifier of the noun at j ("Darfur rebels", "Kabul residents"):
    a group named by where it is from belongs to that place's country."""
    for k in sent.children(j, "compound", "nmod", "amod"):
        c = ctx.place_country(sent.tok(k).start)
        if c:
            return c
    return None


def criminal(sent: Sentence, j: int, lex: EventLexicon) -> Ref | None:
    """A vessel described as smuggling or carrying drugs, or people named by what they traffic: CRM."""
    rules = lex.tree_rules.get("criminal_targets") or {}
    t = sent.tok(j)
    cues = set(rules.get("cues") or ())
    if t.lemma in set(rules.get("people") or ()) or any(t.lemma.endswith(p) for p in ("smuggler", "trafficker")):
        name = sent.text_of(sent.subtree(j, skip=("relcl", "punct", "det")))
        return Ref(Actor(name=name, country=None, sector="CRM", id="CRM"), j, "crm-people")
    if t.lemma in set(rules.get("aboard") or ()):  # "people aboard vessels ferrying drugs"
        for p in sent.children(j, "prep"):
            pobj = sent.child(p, "pobj")
            if sent.low(p) in ("aboard", "on", "onboard", "in") and pobj is not None:
                inner = criminal(sent, pobj, lex)
                if inner is not None:
                    return Ref(inner.actor, j, "crm-aboard")
    if t.lemma in set(rules.get("vessels") or ()):
        below = sent.subtree(j)
        words = {sent.tok(k).lemma for k in below} | {sent.low(k) for k in below}
        parts = {p for k in below for p in sent.low(k).split("-")}
        if words & cues or parts & cues:
            name = sent.text_of(sent.subtree(j, skip=("punct", "det", "relcl", "acl")))
            return Ref(Actor(name=name, country=None, sector="CRM", id="CRM"), j, "crm-vessel")
    return None


# ---------------------------------------------------------------------------------------- actor


def subject_of(sent: Sentence, v: int, ctx: Context, lex: EventLexicon, depth: int = 0, *,
               unknown: bool = False) -> tuple[list[Ref], str]:
    """The actor of verb v, and the rule that found it. With `unknown`, a subject that names a party
    the lexicons do not know (`unknown_parties`) is an actor of unknown country, not no actor."""
    if depth > 4:
        return [], ""
    passive = real_passive(sent, v)
    if passive:
        agent = sent.child(v, "agent")
        if agent is not None:
            pobj = sent.child(agent, "pobj")
            if pobj is not None:
                refs = refs_at(sent, pobj, ctx, lex) or (unknown_parties(sent, pobj, ctx, lex) if unknown else [])
                if refs:
                    return refs, "passive-by"
        elif stative_passive(sent, v) or sent.tok(v).lemma in UNDERGOER_ACTS:
            # "Greece is opposed to Turkish membership": a stance, not a passive; "2,000 rebels have been
            # demobilized", "troops were withdrawn": the forces are the ones who stand down
            for s in sent.children(v, *PASSIVE_SUBJECTS):
                refs = refs_at(sent, s, ctx, lex) or _loose(sent, s, ctx, lex)
                for k in ([] if refs else _of_chain(sent, s)):  # "one third of the guerrillas were demobilized"
                    refs = refs_at(sent, k, ctx, lex) or _loose(sent, k, ctx, lex)
                    if refs:
                        break
                if refs:
                    return refs, "undergoer-subject" if sent.tok(v).lemma in UNDERGOER_ACTS else "stative-subject"
        return [], ""
    subjects = sent.children(v, *ACTIVE_SUBJECTS)
    for s in subjects:
        if sent.low(s) in RELATIVE_PRONOUNS or sent.tok(s).tag == "WDT":
            break  # "Maduro, who has pledged": the noun the clause describes
        if sent.tok(s).pos == "PRON" and sent.low(s) not in FIRST_PERSON:
            speaker = _speaker_of_clause(sent, v, ctx, lex, depth, unknown)  # "Nigeria said it will withdraw"
            if speaker:
                return speaker, "subject+speaker"
        refs = refs_at(sent, s, ctx, lex)
        if refs:
            return refs, "subject"
        # "Officials in Washington said", "the head of the navy", "tens of thousands of students": a named
        # actor or a group word inside the subject, through quantities and of-phrases
        for k in _of_chain(sent, s):
            refs = refs_at(sent, k, ctx, lex) or _loose(sent, k, ctx, lex)
            if refs:
                where, how = _own_country(sent, s)  # "thousands of farmers throughout Kenya"
                for ref in refs:
                    if where and ref.generic and not ref.actor.country:
                        ref.actor.country, ref.rule = where, f"{ref.rule}+quantity-{how}"
                return refs, "subject-of"
        refs = _loose(sent, s, ctx, lex)
        if refs:
            return refs, "subject-modifier-country"
        for k in sent.subtree(s, skip=("relcl", "acl", "advcl", "appos")):
            if k != s and sent.mention(k) is not None and sent.tok(k).dep in ("pobj", "compound", "poss", "nmod") \
                    and not _under_likeness(sent, k, s):
                refs = refs_at(sent, k, ctx, lex)
                if refs:
                    return refs, "subject-inner"
        for ap in sent.children(s, "appos"):  # "Maria Lindqvist, the European Union aid commissioner, demanded"
            if sent.tok(s).pos != "PROPN":
                continue
            for k in sent.subtree(ap, skip=("relcl", "acl", "advcl")):
                m = sent.mention(k)
                if m is not None and (m.value.get("country") or m.value.get("sector")) \
                        and m.value.get("sector") != "MED":
                    name = sent.text_of(sent.subtree(s, skip=("appos", "relcl", "acl", "punct", "det")))
                    return [Ref(Actor(name=name or sent.tok(s).text, country=m.value.get("country"),
                                      sector=m.value.get("sector"), id=None), s, "appositive-title")], \
                        "subject-appositive"
    if subjects and not (sent.low(subjects[0]) in RELATIVE_PRONOUNS or sent.tok(subjects[0]).tag == "WDT"):
        named = _proper_name(sent, subjects[0])
        if named is not None:  # "The International Labor Office reiterated ...": a name the lexicon lacks
            return [named], "subject-name"
        parties = unknown_parties(sent, subjects[0], ctx, lex) if unknown else []
        if parties:
            return parties, "subject-unknown-party"
        return [], "subject-unknown"
    for k in sent.children(v, "npadvmod"):  # "Turkey massed troops": a subject the parser took for a measure
        if k < v and sent.mention(k) is not None and sent.tok(k).pos == "PROPN":
            refs = refs_at(sent, k, ctx, lex)
            if refs:
                return refs, "subject"
    t = sent.tok(v)
    h = sent.head(v)
    if h is None:
        return [], ""
    if t.dep in ("acomp", "attr") and sent.tok(h).pos in ("AUX", "VERB"):  # "Norway is willing to send"
        refs, _ = subject_of(sent, h, ctx, lex, depth + 1, unknown=unknown)
        return (refs, "copula-subject") if refs else ([], "")
    if t.dep == "relcl":  # "the general, who has vowed to resist": the noun described
        refs = refs_at(sent, h, ctx, lex)
        if refs:
            return refs, "relative-head"
        hh = sent.head(h)  # "signed an executive order that designated": the signer, through the order
        if hh is not None and sent.tok(h).dep in ("dobj", "obj") and sent.tok(hh).pos == "VERB":
            refs, _ = subject_of(sent, hh, ctx, lex, depth + 1, unknown=unknown)
            if refs:
                return refs, "instrument-subject"
        return [], ""
    if t.dep == "pcomp" and sent.tok(h).pos == "ADP":  # "responded by accusing", "after designating"
        above = sent.head(h)
        if above is not None and sent.tok(above).pos in ("VERB", "AUX"):
            refs, _ = subject_of(sent, above, ctx, lex, depth + 1, unknown=unknown)
            return refs, "adjunct-subject" if refs else ""
        return [], ""
    if t.dep in ("xcomp", "conj", "advcl", "pcomp") or (t.dep == "ccomp" and not sent.children(v, *ACTIVE_SUBJECTS)):
        if t.dep == "xcomp" and real_passive(sent, h) and not sent.child(h, "agent"):
            # "the premier is expected to visit", "the rebels were forced to retreat": the passive's subject
            for k in sent.children(h, *PASSIVE_SUBJECTS):
                refs = refs_at(sent, k, ctx, lex) or (unknown_parties(sent, k, ctx, lex) if unknown else [])
                if refs:
                    return refs, "passive-controller"
        if t.dep == "xcomp":
            # "ordered the army to shell": the one ordered (object control), else the controller
            obj = sent.child(h, *OBJECTS)
            if obj is not None and sent.tok(h).lemma not in ("promise", "vow", "pledge", "threaten", "agree"):
                refs = refs_at(sent, obj, ctx, lex)
                if refs:
                    return refs, "object-control"
        purpose = t.tag == "VB" and any(sent.low(k) == "to" for k in sent.children(v, "aux")) \
            and not sent.children(v, "mark")
        if t.dep == "advcl" and t.tag not in ("VBG", "VBN") and not purpose:
            return [], ""  # "sent 21 officers to Bosnia to investigate": a purpose is the main subject's
        if t.dep == "conj" and sent.children(v, "nsubj"):
            return [], ""
        # "They include designating six cartels ...": the steps of the one the sentence before named; not
        # "the operation involved seven explosions, targeting ...", whose subject is named and no party
        if sent.tok(h).lemma in INCLUDING and ctx.previous and sent.tok(h).dep not in ("acl", "relcl") and all(
                sent.tok(k).pos == "PRON" for k in sent.children(h, *ACTIVE_SUBJECTS)):
            return ctx.previous, "previous-sentence-subject"
        if t.dep == "conj" and not real_passive(sent, v) and real_passive(sent, h):
            if t.tag == "VBN" and not sent.children(v, "aux", "auxpass", "nsubj"):
                return [], ""  # "a dozen villagers were shot or injured": the second participle is passive too
            # "the minister was indicted by the court and will resign": the one the first verb's act fell on
            for k in sent.children(h, *PASSIVE_SUBJECTS):
                refs = refs_at(sent, k, ctx, lex) or (unknown_parties(sent, k, ctx, lex) if unknown else [])
                if refs:
                    return refs, "coordinated-undergoer"
            return [], ""
        refs, _rule = subject_of(sent, h, ctx, lex, depth + 1, unknown=unknown)
        if refs:
            return refs, {"xcomp": "controller", "conj": "coordinated-subject", "advcl": "adjunct-subject",
                          "pcomp": "adjunct-subject", "ccomp": "controller"}[t.dep]
    if t.dep == "acl" and sent.tok(h).pos in ("NOUN", "PROPN") and (t.tag == "VB" and any(
            sent.low(k) == "to" for k in sent.children(v, "aux"))) and sent.tok(h).lemma in INSTRUMENTS:
        hh = sent.head(h)  # "signed an order ... to sanction several banks": the signer's act
        if hh is not None and sent.tok(hh).pos == "VERB":
            refs, _ = subject_of(sent, hh, ctx, lex, depth + 1, unknown=unknown)
            if refs:
                return refs, "instrument-subject"
    if t.dep == "acl" and sent.tok(h).pos == "NOUN" and sent.tok(h).lemma in DECISION_NOUNS and t.tag == "VB" \
            and any(sent.low(k) == "to" for k in sent.children(v, "aux")):
        # "China's decision to ban imports", "the move by Russia to expel": the one who decided
        refs, how = nominal_actor(sent, h, ctx, lex)
        if refs and how in ("nominal-possessive", "nominal-by"):
            return refs, "decision-" + how.removeprefix("nominal-")
    if t.dep == "acl" and t.tag in ("VBD", "VBN") and (sent.tok(h).head == h or sent.tok(h).dep in ("appos",)
                                                       or _closing_speech_subject(sent, v, h, lex)):
        # "The kidnappers offered to ...": a finite verb the parser hung on the sentence's first noun
        refs = refs_at(sent, h, ctx, lex)
        if not refs:
            for k in _of_chain(sent, h):
                refs = refs_at(sent, k, ctx, lex) or _loose(sent, k, ctx, lex)
                if refs:
                    break
        return (refs, "misparsed-subject") if refs else ([], "")
    return [], ""


def _under_likeness(sent: Sentence, k: int, top: int) -> bool:
    """Whether word k hangs, below `top`, from a preposition of comparison: "He, like the president, has
    refused" is someone set beside the president, not the president."""
    for a in sent.ancestors(k):
        if a == top:
            return False
        if sent.low(a) in LIKENESS and sent.tok(a).dep == "prep":
            return True
    return False


def _proper_name(sent: Sentence, s: int) -> Ref | None:
    """A subject that is the proper name of a body the actor lexicon does not know ("the International
    Labor Office", "the Popular Liberation Front"): an actor of unknown country and sector. Not a person's
    name: who a person is the actor stage decides."""
    t = sent.tok(s)
    if t.pos != "PROPN" or sent.mention(s) is not None:
        return None
    words = [k for k in sent.subtree(s, skip=("relcl", "acl", "prep", "punct", "appos", "det", "advcl", "case"))
             if sent.tok(k).pos == "PROPN"]
    if len(words) < 2 or any(sent.mention(k) is not None for k in words) or t.lemma.lower() not in BODY_WORDS:
        return None
    return Ref(Actor(name=sent.text_of(words), country=None, sector=None, id=None), s, "proper-name")


DOMESTIC = frozenset({"COP", "JUD"})
# the types whose object may be a person no lexicon knows ("arrested Ann Lowe", "called on Ann Lowe to resign")
PERSON_TARGETS = frozenset({"COERCE", "ASSAULT", "ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})


def _unlisted_person(sent: Sentence, a: int, ctx: Context) -> Ref | None:
    """An object that is a person's full name no lexicon knows ("arrested Ann Lowe, 32"): two or more
    capitalised proper-noun words, none of them a place, a date or an actor mention; or a surname alone
    that the document gave in full before (`_named_in_full_before`). Of unknown country and sector."""
    t = sent.tok(a)
    if sent.mention(a) is None and t.pos == "NOUN" and a > sent.first and t.text[:1].isupper() \
            and not sent.children(a) and not ctx.place_or_date_at(t.start):
        return _named_in_full_before(sent, a, ctx)  # a surname the tagger took for a common noun
    if t.pos != "PROPN" or sent.mention(a) is not None:
        return None
    if any(sent.low(d) == "the" for d in sent.children(a, "det")):
        return None  # "the Clean Water Act", "the USS Harbor": a person's name takes no article
    words = [k for k in sent.subtree(a, skip=("relcl", "acl", "prep", "punct", "appos", "advcl", "conj", "cc",
                                             "amod", "nummod", "det", "poss", "case"))]  # "case": a possessive 's
    if words == [a] and not ctx.place_or_date_at(t.start):
        return _named_in_full_before(sent, a, ctx)
    if len(words) < 2 or any(sent.tok(k).pos != "PROPN" or not sent.tok(k).text[:1].isupper()
                             or sent.mention(k) is not None or ctx.place_or_date_at(sent.tok(k).start)
                             for k in words):
        return None
    return Ref(Actor(name=sent.text_of(words), country=None, sector=None, id=None), a, "unknown-name")


def _named_in_full_before(sent: Sentence, a: int, ctx: Context) -> Ref | None:
    """A surname alone ("arrested Lowe") that the document gave in full before, after a listed given name
    ("the suspect, Ann Lowe,"): that person, when no person the actor stage found bears the surname and
    the document names no one else of that surname so."""
    surname = sent.tok(a).text
    if len(surname) < 3 or not surname[1:].islower():
        return None
    if any(str(m.value.get("name") or "").split()[-1:] == [surname] for m in ctx.actors
           if m.value.get("form") in ("person", "unknown_person")):
        return None  # a surname a person the actor stage knows bears is its to resolve
    male, female = given_names()
    full: set[str] = set()
    for m in re.finditer(r"(?<![\w.])([A-Z][a-z]+) " + re.escape(surname) + r"(?![\w-])", ctx.text[:sent.span.start]):
        if m.group(1) not in male and m.group(1) not in female:
            continue
        if any(x.span.start <= m.start() < x.span.end or x.span.start < m.end() <= x.span.end for x in ctx.actors):
            continue
        full.add(m.group())
    if len(full) != 1:
        return None
    return Ref(Actor(name=full.pop(), country=None, sector=None, id=None), a, "unknown-name-in-full")


def unknown_parties(sent: Sentence, s: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """The parties a subject names that no lexicon knows, one per conjunct: a capitalised proper name
    that is no place ("Karimov", an acronym), or a party noun (triggers.yaml `party_nouns`, or an actor
    noun of no sector: "both sides", "Arab states", "rebel leaders"), or a pronoun of a party with no
    one named before it ("they"). Each is an actor of unknown country and sector: the act is told, only
    its actor is not known."""
    nouns = frozenset(lex.tree_rules.get("party_nouns") or ())
    groups = actor_nouns()
    out: list[Ref] = []
    for j in sent.conjuncts(s):
        t = sent.tok(j)
        if sent.mention(j) is not None or ctx.place_or_date_at(t.start):
            continue
        name = sent.text_of([k for k in sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos", "advcl", "cc",
                                                                "conj", "case"))
                             if sent.tok(k).dep != "det" or sent.low(k) not in ARTICLES])
        # the parser often takes an acronym, or a name it has not seen, for a common noun; after the first
        # word of the sentence a capital still says it is a name
        acronym = len(t.text) > 1 and t.text.isalpha() and t.text.isupper()
        capital = t.text[:1].isupper() and (t.pos == "PROPN" or (t.pos == "NOUN" and j > sent.first))
        if (capital or acronym) \
                and t.text.lower() not in lex.tree_rules.get("causes", ()):
            out.append(Ref(Actor(name=name or t.text, country=None, sector=None, id=None), j, "unknown-name"))
        elif t.pos == "PRON" and sent.low(j) in PERSONAL_PRONOUNS:  # "they attacked a post", no one named before
            out.append(Ref(Actor(name=t.text, country=None, sector=None, id=None), j, "unresolved-pronoun"))
        elif t.pos == "NOUN" and (t.lemma in nouns or (t.lemma in groups and groups[t.lemma] is None)):
            country = _pronoun_owner_country(sent, j, ctx)  # "the president said his country would ..."
            out.append(Ref(Actor(name=name or t.text, country=country, sector=None, id=None), j,
                           "unknown-party+pronoun-owner" if country else "unknown-party"))
    return out


def _pronoun_owner_country(sent: Sentence, j: int, ctx: Context) -> str | None:
    """For a party noun owned by a pronoun ("his country", "their government"), the country of the
    nearest party named before it in the sentence."""
    if not any(sent.tok(k).pos == "PRON" for k in sent.children(j, "poss")):
        return None
    for m in reversed(ctx.before(sent.tok(j).start)):
        if m.span.start < sent.span.start:
            return None
        if m.value.get("country") and m.value.get("sector") != "MED":
            return str(m.value["country"])
    return None


def pronoun_person(sent: Sentence, o: int, actors: list[Ref]) -> Ref | None:
    """The person an object pronoun ("accuses him of ...", "blasted her for ...") stands for: the nearest
    person named before it in the same sentence who is not the actor ("the ad against Senator Ames,
    accusing her of ..."). None when the sentence names no such person before it.
    A possessive pronoun on the object ("audited her accounts") may be the actor's own: it stands for the
    nearest person named before it only when that person is not the actor."""
    possessive = sent.tok(o).dep == "poss"
    if sent.low(o) not in (("his", "her") if possessive else ("him", "her")) \
            or not (possessive or sent.tok(o).dep in ("dobj", "obj", "pobj")):
        return None
    own = {a.actor.name for a in actors} | {a.actor.id for a in actors if a.actor.id}

    def not_own(m: Mention) -> bool:
        actor = mention_actor(m.value, m.span.text)
        return actor.name not in own and not (actor.id and actor.id in own)

    people = sorted((m for m in sent.mentions if m.kind == "actor"
                     and m.value.get("form") in ("person", "unknown_person")), key=lambda m: m.span.start)
    start = sent.tok(o).start
    # read back by the actor stage's rule, within the sentence and with no gender: the nearest person
    # before it (a possessive), or the nearest who is not the actor (an object)
    m = latest_antecedent(people, start, start, "", lambda m: m.span.end, lambda m: None,
                          (lambda m: True) if possessive else not_own)
    if m is None or (possessive and not not_own(m)):
        return None
    return Ref(mention_actor(m.value, m.span.text), o, "pronoun-person")


def real_passive(sent: Sentence, v: int) -> bool:
    """A passive verb; not an active one whose "by" phrase the parser took for an agent ("X on Monday
    shortened by two hours the curfew")."""
    if not sent.is_passive(v):
        return False
    return bool(sent.children(v, "nsubjpass", "auxpass", "csubjpass")) or not sent.children(v, "nsubj")


def _speaker_of_clause(sent: Sentence, v: int, ctx: Context, lex: EventLexicon, depth: int,
                       unknown: bool = False) -> list[Ref]:
    """The subject of the speech verb whose clause holds v ("the rebels said they will release"): what a
    third-person pronoun subject there most often means."""
    speech = set(lex.tree_rules.get("speech_verbs") or ())
    cur = v
    for _ in range(3):
        t = sent.tok(cur)
        h = sent.head(cur)
        if h is None:
            return []
        if t.dep in ("ccomp", "parataxis") and sent.tok(h).lemma in speech:
            refs, _ = subject_of(sent, h, ctx, lex, depth + 1, unknown=unknown)
            return refs
        if t.dep not in ("conj", "xcomp"):
            return []
        cur = h
    return []


def _closing_speech_subject(sent: Sentence, v: int, h: int, lex: EventLexicon) -> bool:
    """ "Kurdish youths resorted to hurling rocks ..., witnesses said": the parser made the first
    noun the subject of the closing speech verb and hung the sentence's own verb on it."""
    if sent.tok(h).dep != "nsubj":
        return False
    s = sent.head(h)
    speech = set(lex.tree_rules.get("speech_verbs") or ())
    if s is None or sent.tok(s).lemma not in speech or s <= v:
        return False
    return any(k != h for k in sent.children(s, "nsubj"))  # the speech verb has a subject of its own


def stative_passive(sent: Sentence, v: int) -> bool:
    """ "is opposed to", "is committed to", "are determined to": a participle of stance with no agent."""
    return sent.tok(v).lemma in STATIVE and not sent.children(v, "agent")


def _loose(sent: Sentence, j: int, ctx: Context, lex: EventLexicon) -> list[Ref]:
    """A subject the lexicon does not name, taken by the country word on it ("Iraqi Kurds", "Israeli
    tanks"): an actor of that country, sector unknown."""
    t = sent.tok(j)
    if t.pos not in ("NOUN", "PROPN") or sent.mention(j) is not None:
        return []
    for k in sent.children(j, "amod", "compound", "nmod"):
        m = sent.mention(k)
        if m is not None and m.value.get("country") and m.value.get("form") != "person":
            name = sent.text_of(sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos", "det")))
            return [Ref(Actor(name=name, country=str(m.value["country"]), sector=None, id=None), j,
                        "modifier-country", generic=True)]
    return []


def _of_chain(sent: Sentence, s: int) -> list[int]:
    """The heads along "tens of thousands of students", "leaders of the coalition": each of-object."""
    out = []
    cur = s
    for _ in range(4):
        nxt = None
        for p in sent.children(cur, "prep"):
            if sent.low(p) == "of":
                nxt = sent.child(p, "pobj")
        for q in sent.children(cur, "quantmod", "nummod"):
            for p in sent.children(q, "prep"):
                if sent.low(p) == "of":
                    nxt = nxt or cur
        if nxt is None:
            break
        out.append(nxt)
        cur = nxt
    return out


def nominal_actor(sent: Sentence, n: int, ctx: Context, lex: EventLexicon,
                  hit_type: str | None = None) -> tuple[list[Ref], str]:
    """The actor of a nominal trigger: possessor, country word, "by X", or the subject of the verb
    whose object it is."""
    for k in sent.children(n, "poss"):
        refs = refs_at(sent, k, ctx, lex) or [  # "Karimov's visit to Kabul": a name no lexicon knows
            r for r in unknown_parties(sent, k, ctx, lex) if r.rule == "unknown-name"]
        if refs:
            return refs, "nominal-possessive"
    generic_modifier: list[Ref] = []
    modifiers = sent.children(n, "compound", "amod", "nmod")
    for k in modifiers:
        m = sent.mention(k)
        if m is None and sent.tok(k).dep == "compound":  # "US Predator attacks": the compound's own country word
            inner = [sent.mention(c) for c in sent.children(k, "compound", "amod")]
            m = next((x for x in inner if x is not None and x.value.get("form") in ("name", "adjective", "capital")),
                     None)
            if m is not None and m.value.get("country"):
                return [Ref(mention_actor(m.value, m.span.text), k, "mention")], "nominal-modifier"
            continue
        if m is not None and m.value.get("country"):
            refs = refs_at(sent, k, ctx, lex)
            if refs:
                return refs, "nominal-modifier"
        elif m is not None and m.value.get("sector") and not generic_modifier:
            generic_modifier = refs_at(sent, k, ctx, lex)  # "military drills": after the light verb's subject
    of_objects = [o for p in sent.children(n, "prep") if sent.low(p) == "of" for o in sent.children(p, "pobj")]
    for p in [*sent.children(n, "prep", "agent"), *(q for o in of_objects for q in sent.children(o, "prep"))]:
        if sent.low(p) == "by":  # "the arrest of the leader by the police": the parser may hang it on the "of" noun
            pobj = sent.child(p, "pobj")
            if pobj is not None:
                refs = refs_at(sent, pobj, ctx, lex)
                if refs:
                    return refs, "nominal-by"
    for a in sent.children(n, "acl"):  # "the sanctions imposed by the UN", "the accord signed by both sides"
        if sent.tok(a).tag == "VBN" and _light(sent, a, lex):
            for g in sent.children(a, "agent"):
                pobj = sent.child(g, "pobj")
                refs = refs_at(sent, pobj, ctx, lex) if pobj is not None else []
                if refs:
                    return refs, "nominal-by"
    n = quoted_name_place(sent, n)  # "hosted a “Harbour Talks” summit"
    t = sent.tok(n)
    h = sent.head(n)
    if h is None:
        return [], ""
    if t.dep == "pobj" and sent.low(h) in ("of", "in"):  # "gave 5 million dollars of aid", "20 million euros in aid"
        above = sent.head(h)
        if above is not None and sent.tok(above).pos in ("NOUN", "NUM") and sent.tok(above).dep in ("dobj", "obj") \
                and (sent.low(h) == "of" or _amount(sent, above)):
            n, t, h = above, sent.tok(above), sent.head(above)
            if h is None:
                return [], ""
    if t.dep in ("dobj", "obj", "nsubjpass", "attr") or (t.dep == "pobj" and sent.low(h) in ("with", "in")):
        v = h if t.dep != "pobj" else sent.head(h)
        if v is not None and sent.tok(v).pos in ("VERB", "AUX") and (_light(sent, v, lex) or t.dep == "attr"):
            refs, _ = subject_of(sent, v, ctx, lex, unknown=True)  # "the two sides reached a truce"
            if refs:
                return refs, "light-verb-subject"
    if hit_type in ("MOBILIZE", "AID"):  # "a buildup of naval forces": the forces moved are the mover's own
        for p in sent.children(n, "prep"):
            if sent.low(p) == "of":
                pobj = sent.child(p, "pobj")
                if pobj is not None:  # "the deployment of NATO troops": an alliance's forces are its own
                    refs = [r for r in refs_at(sent, pobj, ctx, lex, pronouns=False)
                            if (r.actor.sector in ("MIL", "COP") and r.actor.country)
                            or (r.actor.sector == "IGO" and sent.tok(pobj).lemma in FORCES_NOUNS)]
                    if refs:
                        return refs, "nominal-forces"
    if t.dep == "conj" or frame_compound(sent, n):  # "undertook a mediation mission"
        return nominal_actor(sent, h, ctx, lex, hit_type)
    if generic_modifier:
        return generic_modifier, "nominal-modifier"
    return [], ""


def _amount(sent: Sentence, n: int) -> bool:
    """A noun counted as a sum or a quantity ("20 million euros", "$5 million", "three planeloads")."""
    return sent.tok(n).pos == "NUM" or bool(sent.children(n, "nummod")) or sent.low(n) in ("$", "€", "£")


def _light(sent: Sentence, v: int, lex: EventLexicon) -> bool:
    t = sent.tok(v)
    if t.lemma in lex.light_lemmas or any(p[0] == t.lemma for p in lex.light_lemma_phrases):
        return True
    if t.pos != "VERB":
        return False
    from .parse import possible_lemmas  # "staged" lemmatized as "stag"

    forms = possible_lemmas(t.text.lower())
    return bool(forms & lex.light_lemmas) or any(p[0] in forms for p in lex.light_lemma_phrases)


# Head nouns of a phrase naming armed personnel: "NATO troops", "U.N. peacekeeping forces".
FORCES_NOUNS = frozenset({"troop", "troops", "force", "forces", "soldier", "peacekeeper", "unit", "contingent",
                          "battalion"})
# Nouns that frame an act named by a compound before them: "a mediation mission", "rescue efforts".
FRAME_NOUNS = frozenset({"mission", "effort", "bid", "process", "campaign", "initiative", "operation", "trip", "tour",
                         "drive", "attempt", "program", "programme", "package"})


def frame_compound(sent: Sentence, n: int) -> bool:
    """A trigger noun compounded on a noun that only frames it ("a mediation mission"), unlike one that
    describes a thing ("an opposition newspaper")."""
    h = sent.head(n)
    return sent.tok(n).dep == "compound" and h is not None and sent.tok(h).lemma in FRAME_NOUNS


CLOSING_QUOTES = frozenset({"\u201d", '"', "'", "\u2019"})


def quoted_name_place(sent: Sentence, n: int) -> int:
    """The word whose place in the tree a noun after a quoted name holds: in "hosted a “Voice of the Coast”
    summit" the parser makes "Voice" the object and hangs "summit" inside the name; the noun is the object."""
    if n - 1 < sent.first or sent.tok(n - 1).text not in CLOSING_QUOTES or sent.tok(n).dep != "pobj":
        return n
    cur = sent.head(n)
    for _ in range(3):
        if cur is None:
            return n
        if sent.tok(cur).pos == "PROPN" and sent.tok(cur).dep in ("dobj", "obj", "pobj", "nsubj", "nsubjpass") \
                and cur - 1 >= sent.first and sent.tok(cur - 1).text in ("\u201c", '"', "'", "\u2018"):
            return cur
        cur = sent.head(cur)
    return n


def governing_light_verb(sent: Sentence, n: int, lex: EventLexicon) -> int | None:
    """The light verb a nominal trigger is the object of ("launched strikes"), if any."""
    n = quoted_name_place(sent, n)
    t = sent.tok(n)
    h = sent.head(n)
    while h is not None and (t.dep == "conj" or frame_compound(sent, n)):
        n, t, h = h, sent.tok(h), sent.head(h)
    if h is None:
        return None
    if t.dep in ("dobj", "obj", "nsubjpass") and _light(sent, h, lex):
        return h
    if t.dep == "pobj":
        v = sent.head(h)
        if v is not None and _light(sent, v, lex):
            return v
        if v is not None and sent.low(h) in ("in", "of") and sent.tok(v).dep in ("dobj", "obj") \
                and sent.tok(v).pos == "NOUN" and (sent.low(h) == "of" or _amount(sent, v)):
            # "approved 20 million euros in aid", "launched a wave of strikes"
            w = sent.head(v)
            if w is not None and _light(sent, w, lex):
                return w
    return None


# ------------------------------------------------------------------------------------ recipient


def recipients(sent: Sentence, hit: Hit, anchor: int, ctx: Context, lex: EventLexicon, actors: list[Ref],
               passive: bool) -> tuple[list[Ref], str | None, list[Ref]]:
    """The recipient of a trigger (its word at `anchor`), the rule, and territory actors found on the way."""
    r = hit.trigger
    places = r.recipient or (("object",) if not hit.noun else ())
    territory: list[Ref] = []
    own = {a.actor.name for a in actors}
    own_countries = frozenset(a.actor.country for a in actors if a.actor.country)
    for place in places:
        if place == "object":
            args = sent.children(anchor, *PASSIVE_SUBJECTS) if passive else objects(sent, anchor)
            if not args and not passive and not hit.noun:
                args = shared_objects(sent, anchor)  # "shot and killed a man": the object both verbs share
            if not args and len(hit.words) > 1 and sent.tok(hit.words[-1]).dep in ("prep", "prt"):
                # "called on the president to act", "lashed out at": the phrase's own preposition, which the
                # parser may also label a particle and still hang its object on
                args = sent.children(hit.words[-1], "pobj")
            rule = "object"
        else:
            found_args = [_prep_object(sent, p) for p in sent.children(anchor, "prep", "dative")
                          if sent.low(p) == place]
            if len(hit.words) > 1 and sent.tok(hit.words[-1]).dep in ("prep", "prt"):
                # "pulled out of the talks with the rebels": the preposition on the phrase's own object
                found_args += [_prep_object(sent, p) for o in sent.children(hit.words[-1], "pobj")
                               for p in sent.children(o, "prep") if sent.low(p) == place]
            if hit.noun and place != "by":
                # "a visit by the Chinese president to Moscow": the parser hangs the place on the agent
                found_args += [_prep_object(sent, p) for b in sent.children(anchor, "prep", "agent")
                               if sent.low(b) == "by" for o in sent.children(b, "pobj")
                               for p in sent.children(o, "prep") if sent.low(p) == place]
            # "pleaded with the ministry to reopen ...", which the parser may read as a clause "with" opens
            found_args += [k for c in sent.children(anchor, "advcl") if any(sent.low(m) == place for m in
                                                                             sent.children(c, "mark"))
                           for k in sent.children(c, "nsubj")]
            args = [a for a in found_args if a is not None]
            rule = place
        for a in args:
            found, terr = _targets(sent, a, ctx, lex, skip_countries=own_countries)
            territory.extend(terr)
            found = [f for f in found if f.actor.name not in own]
            if found and all(f.generic and f.actor.sector == "CVL" for f in found):
                aboard = _aboard(sent, anchor, lex)  # "killed nine people aboard boats carrying drugs"
                if aboard is not None:
                    return [aboard], f"recipient:{rule}+aboard", territory
            if found:
                return found, f"recipient:{rule}", territory
            if rule == "object" and r.type in PERSON_TARGETS:
                person = _unlisted_person(sent, a, ctx)
                if person is not None:  # "officers arrested Ann Lowe": a person no lexicon knows
                    domestic = [x.actor.country for x in actors if x.actor.country and x.actor.sector in DOMESTIC]
                    if domestic:  # police and courts act on people of their own country, civilians unless told
                        person.actor.country, person.actor.sector = domestic[0], "CVL"
                    return [person], "recipient:object+unknown-name", territory
    if hit.noun:  # "conducted drills near Taiwan": the parser often hangs the noun's phrase on its verb
        v = governing_light_verb(sent, anchor, lex)
        if v is not None:
            for k in sent.children(v, "iobj", "dative"):  # "gave Vietnam aid": the receiver of the act named
                if sent.tok(k).pos == "ADP":
                    continue
                found, terr = _targets(sent, k, ctx, lex, skip_countries=own_countries)
                territory.extend(terr)
                found = [f for f in found if f.actor.name not in own]
                if found:
                    return found, "recipient:receiver", territory
                person = _unlisted_person(sent, k, ctx)  # "gave Ann Lowe its endorsement"
                if person is not None and person.actor.name not in own:
                    return [person], "recipient:receiver+unknown-name", territory
            for p in sent.children(v, "prep", "dative"):
                if sent.low(p) in places and p > anchor:
                    pobj = sent.child(p, "pobj") or _stranded_object(sent, p)
                    if pobj is not None:
                        found, terr = _targets(sent, pobj, ctx, lex, skip_countries=own_countries)
                        territory.extend(terr)
                        found = [f for f in found if f.actor.name not in own]
                        if found:
                            return found, f"recipient:{sent.low(p)}", territory
    if hit.noun and "that" in places:
        # "reiterated its demand that Israel ease restrictions": the subject of the that-clause, which the
        # parser hangs on the noun or on its light verb
        v = governing_light_verb(sent, anchor, lex)
        clauses = [*sent.children(anchor, "acl", "ccomp"),
                   *(k for k in (sent.children(v, "ccomp") if v is not None else ()) if k > anchor)]
        for k in clauses:
            if not any(sent.low(m) == "that" for m in sent.children(k, "mark")):
                continue
            for subj in sent.children(k, "nsubj", "nsubjpass"):
                found = [f for f in refs_at(sent, subj, ctx, lex, typed=True)
                         if f.actor.name not in own and (f.actor.country not in own_countries or named_person(sent, f))]
                if found:
                    return found, "recipient:that-clause", territory
    if hit.trigger.governs and not hit.noun and not passive:
        # "threatened to shell Iraqi towns", "offered to help Haiti": the act it governs names the target
        for k in sent.children(anchor, "xcomp"):
            preps = [o for p in sent.children(k, "prep", "dative") if sent.low(p) in GOVERNED_PLACES
                     for o in sent.children(p, "pobj")]
            # "agreed to send troops to X": where forces are sent is the target, the forces are one's own
            sending = sent.tok(k).lemma in lex.sending_verbs or sent.low(k) in lex.sending_verbs
            args = [*preps, *objects(sent, k)] if sending else [*objects(sent, k), *preps]
            for a in args:
                found, terr = _targets(sent, a, ctx, lex, skip_countries=own_countries)
                territory.extend(terr)
                # "willing to withdraw its troops": one's own forces are what is moved, not the target
                found = [f for f in found if f.actor.name not in own
                         and not (f.generic and f.actor.country in own_countries)
                         and not (sending and f.actor.sector in ("MIL", "COP"))]
                if found:
                    return found, "recipient:governed-act", territory
    if hit.trigger.type == "PROTEST":
        # "held a sit-in to call for the dismissal of Minister X": whom the demand is made of
        light = governing_light_verb(sent, anchor, lex) if hit.noun else None
        for k in _purpose_clauses(sent, [anchor] if light is None else [anchor, light]):
            args = [*objects(sent, k), *(o for p in sent.children(k, "prep")
                                         if sent.low(p) in ("for", "against", "from", "of")
                                         for o in sent.children(p, "pobj"))]
            for a in args:
                found = _party_within(sent, a, ctx, lex, own)
                if found:
                    return found, "recipient:purpose", territory
    # "a deployment in the Caribbean targeting Venezuela": the object of a "targeting" modifier
    for k in sent.children(anchor, "acl", "advcl", "xcomp"):
        if sent.tok(k).lemma in ("target", "aim", "direct"):
            aimed: list[int | None] = [*sent.children(k, *OBJECTS), *(
                sent.child(p, "pobj") for p in sent.children(k, "prep") if sent.low(p) in ("at", "against"))]
            for aim in aimed:
                if aim is None:
                    continue
                a = aim
                found, terr = _targets(sent, a, ctx, lex)
                territory.extend(terr)
                if found:
                    return found, "recipient:targeting", territory
    return [], None, territory


def first_conjunct_recipients(sent: Sentence, anchor: int, ctx: Context, lex: EventLexicon,
                              actors: list[Ref]) -> list[Ref]:
    """Whom a verb coordinated after another addresses when it names no one itself: the party the first
    verb acted on ("accused Ruritania of meddling and warned that it would respond": the warning is to
    Ruritania). Only for a verb of the same subject (none of its own) and with no object of its own."""
    if sent.tok(anchor).dep != "conj" or sent.children(anchor, "nsubj", "nsubjpass") or objects(sent, anchor):
        return []
    first = sent.head(anchor)
    if first is None or sent.tok(first).pos != "VERB" or first > anchor:
        return []
    own = {a.actor.name for a in actors}
    own_countries = frozenset(a.actor.country for a in actors if a.actor.country)
    for o in objects(sent, first):
        found, _ = _targets(sent, o, ctx, lex, skip_countries=own_countries)
        found = [f for f in found if f.actor.name not in own and f.actor.country not in own_countries]
        if found:
            return found
    return []


def coordinated_acts(sent: Sentence, v: int) -> set[int]:
    """The words of the verbs coordinated after v, with their phrases ("ending the reset, pulling out of the
    pact with X, arming Y": what "arming" does is not part of "pulling out")."""
    out: set[int] = set()
    if sent.tok(v).pos not in ("VERB", "AUX"):
        return out
    for k in sent.children(v, "conj"):
        if k > v and sent.tok(k).pos in ("VERB", "AUX"):
            out.update(sent.subtree(k))
    return out


def free_relative(sent: Sentence, k: int) -> bool:
    """Whether the clause at k is a free relative naming a thing ("what the premier called Ruritania's
    acts", "whatever the council decides"): its subject says who named or chose the thing, not whom an
    act is aimed at."""
    return any(sent.low(j) in ("what", "whatever") and sent.tok(j).dep in OBJECTS for j in sent.children(k))


def host_argument(sent: Sentence, trigger: int, k: int, actors: list[Ref]) -> bool:
    """Whether word k is in the subject or object of the verb the trigger's phrase hangs on as an adjunct
    or a prepositional phrase ("Poland harbors no doubt about X's threat", "used the courts against the
    project, pressing for reviews"): who holds the view or what is used, not a party to the trigger's act. Not
    through a complement ("wants Y to provide relief": the one who wants it is a party), and not when that
    argument holds the trigger's own actor ("the ministers of A and B signed a deal during a visit")."""
    j = trigger
    for h in sent.ancestors(trigger):
        dep = sent.tok(j).dep
        if dep in ("xcomp", "ccomp", "csubj", "relcl", "acl", "conj"):
            return False
        if sent.tok(h).pos in ("VERB", "AUX"):
            if dep not in ("advcl", "prep", "pobj", "dobj", "npadvmod"):
                return False
            args = [a for a in sent.children(h, "nsubj", "dobj") if not sent.dominates(a, trigger)
                    and not any(sent.dominates(a, x.at) for x in actors)]
            return any(sent.dominates(a, k) for a in args)
        j = h
    return False


def mutual_noun(hit: Hit, actor_rule: str | None) -> bool:
    """Whether the trigger is the noun of an act both sides do to each other (the manual's reciprocal
    types: talks, an agreement, cooperation) that the parties named as the subject of its verb hold or
    reach together: "Chile and Peru reached an agreement" is Chile with Peru, not two acts with no one; so
    is a verb of the same act over the noun ("Chile and Peru sealed their agreement")."""
    return hit.noun and hit.trigger.type in RECIPROCAL and actor_rule in ("light-verb-subject",
                                                                          "same-type-verb-subject")


def _prep_object(sent: Sentence, p: int) -> int | None:
    """The object of a preposition: its noun; for a clause the parser hangs on it ("pleaded with the
    ministry to reopen the clinic", read as "with [the ministry to reopen ...]"), the clause's subject."""
    pobj = sent.child(p, "pobj")
    if pobj is not None:
        return pobj
    pcomp = sent.child(p, "pcomp")
    if pcomp is not None:
        infinitive = any(sent.low(k) == "to" for k in sent.children(pcomp, "aux"))
        return (sent.child(pcomp, "nsubj") if infinitive else None) or pcomp  # not "speak to what X said"
    return _stranded_object(sent, p)


def _stranded_object(sent: Sentence, p: int) -> int | None:
    """The noun a preposition the parser left with no object stands before: in "granted asylum to five
    officers holed up in ...", the parser may take "officers" for the subject of "holed"."""
    for k in range(p + 1, min(p + 7, sent.end)):
        t = sent.tok(k)
        if t.pos in ("ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return None
        if t.pos in ("NOUN", "PROPN") and t.dep not in ("compound", "amod", "poss", "nmod"):
            return k
    return None


def unknown_recipients(sent: Sentence, hit: Hit, anchor: int, ctx: Context, lex: EventLexicon,
                       actors: list[Ref]) -> list[Ref]:
    """A recipient no lexicon knows, in the trigger's own argument places ("met Honecker", "sent aid to
    the ZNLF"): the last resort of a reading that needs one, an actor of unknown country."""
    own = {a.actor.name for a in actors}
    for a in trigger_arguments(sent, hit, anchor):
        found = [f for f in unknown_parties(sent, a, ctx, lex) if f.actor.name not in own]
        if found:
            return found
    return []


def trigger_arguments(sent: Sentence, hit: Hit, anchor: int, passive: bool = False, phrasal: bool = False) -> list[int]:
    """The words in the trigger's own recipient places, in the order its lexicon entry lists them (the
    object when it lists none and is a verb): the object, or the passive's subject when `passive`; the
    object of a listed preposition. With `phrasal`, also the object of the preposition of a phrasal
    trigger ("lashed out at X") and a listed preposition inside the trigger's words."""
    args: list[int] = []
    for place in hit.trigger.recipient or (("object",) if not hit.noun else ()):
        if place == "object":
            args += sent.children(anchor, *PASSIVE_SUBJECTS) if passive else objects(sent, anchor)
            if phrasal and len(hit.words) > 1 and sent.tok(hit.words[-1]).dep == "prep":
                args += sent.children(hit.words[-1], "pobj")  # "lashed out at"
        else:
            preps = sent.children(anchor, "prep", "dative")
            if phrasal:
                preps = [*preps, *(w for w in hit.words[1:] if sent.tok(w).dep == "prep")]
            args += [k for p in preps if sent.low(p) == place for k in [sent.child(p, "pobj")] if k is not None]
    return args


# Head nouns of people and groups the actor lexicon does not list, with the sector a recipient of that
# name has ("arrested a suspect", "cracked down on hackers", "fired on demonstrators"). General words only.
PEOPLE_NOUNS: dict[str, str | None] = {
    **dict.fromkeys(("suspect", "thug", "hacker", "looter", "rioter", "robber", "poacher", "gangster", "bandit",
                     "pirate", "burglar", "arsonist"), "CRM"),
    **dict.fromkeys(("demonstrator", "man", "person", "passenger", "pedestrian", "bystander", "teenager", "child",
                     "boy", "girl", "driver", "shopper", "worshipper", "tourist", "prisoner", "detainee", "inmate",
                     "hostage", "captive", "neighbor", "neighbour", "fisherman", "household", "individual",
                     "patient", "mourner", "pilgrim", "tribesman", "squatter", "marcher", "picketer", "striker"),
                   "CVL"),
    **dict.fromkeys(("rival", "faction", "opponent", "critic", "supporter", "follower", "loyalist", "member",
                     "group", "clan", "tribe", "side"), None),
}


# Prepositions of the party an act of force is aimed at ("fired into the crowd", "opened fire on villagers").
FORCE_AIMED = frozenset({"into", "at", "on", "upon", "against"})


def people_recipients(sent: Sentence, hit: Hit, anchor: int, ctx: Context, lex: EventLexicon, actors: list[Ref],
                      passive: bool, type_: str, struck: str | None = None) -> list[Ref]:
    """A recipient the actor lexicon does not know, named in the trigger's own argument places by a noun of
    people or a group ("apprehended a suspect", "cracked down on hackers", "attacked a rival faction") or
    by a person's full name: the last resort when no other rule found one. Its country is the phrase's
    ("Ruritanian thugs"), else that of police or courts acting on people at home, else that of the town
    an act of force or coercion struck (`struck`), else for civilians the document's
    (`Context.country_for`). An act of force is also aimed at whom it is fired into or at ("shot into
    crowds"). A thing, a place or an idea stays no one."""
    own = {a.actor.name for a in actors}
    args: list[int] = []
    if type_ == "ASSAULT" and not hit.noun:
        aimed = [k for p in sent.children(anchor, "prep") if sent.low(p) in FORCE_AIMED
                 and sent.low(p) not in hit.trigger.recipient for k in [sent.child(p, "pobj")] if k is not None]
        for a in aimed:
            found = [f for f in refs_at(sent, a, ctx, lex, typed=True) if f.actor.name not in own]
            if found:
                return found
        args += aimed
    args += trigger_arguments(sent, hit, anchor, passive=passive, phrasal=True)
    for a in args:
        out: list[Ref] = []
        for j in sent.conjuncts(a):
            pair = pair_refs(sent, j, ctx)
            if pair:
                out.extend(x for x in pair if x.actor.name not in own)
                continue
            ref = _people(sent, j, ctx, actors, struck)
            if ref is not None and ref.actor.name not in own:
                out.append(ref)
        if out:
            return out
    return []


def _people(sent: Sentence, j: int, ctx: Context, actors: list[Ref], struck: str | None) -> Ref | None:
    t = sent.tok(j)
    if sent.mention(j) is not None or ctx.place_or_date_at(t.start):
        return None
    if t.pos == "PROPN" and t.tag == "NNPS" and t.text[:1].isupper() and not sent.children(j, "det"):
        return Ref(Actor(name=t.text, country=None, sector=None, id=None), j, "people-name")  # "attacked Ruritanians"
    if t.pos == "PROPN":
        return _unlisted_person(sent, j, ctx)
    if t.pos != "NOUN" or (t.lemma not in PEOPLE_NOUNS and sent.low(j) not in PEOPLE_NOUNS):
        return None
    sector = PEOPLE_NOUNS.get(t.lemma, PEOPLE_NOUNS.get(sent.low(j)))
    name = sent.text_of([k for k in sent.subtree(j, skip=("relcl", "acl", "prep", "punct", "appos", "advcl", "cc",
                                                            "conj"))
                         if sent.tok(k).dep != "det" or sent.low(k) not in ARTICLES])
    country, how = _own_country(sent, j)
    if country is None:
        country, how = _place_modifier(sent, j, ctx), "place-modifier"
    if country is None:
        domestic = [x.actor.country for x in actors if x.actor.country and x.actor.sector in DOMESTIC]
        country, how = (domestic[0], "domestic") if domestic else (struck, "place-of-event")
    if country is None and sector == "CVL":
        country, how = ctx.country_for(sector, t.start)
    return Ref(Actor(name=name or t.text, country=country, sector=sector, id=None), j,
               "people-noun" + (f"+{how}" if country else ""), generic=True)


def shared_objects(sent: Sentence, v: int) -> list[int]:
    """The objects of the verb coordinated after v, when v has none and that verb has no subject of its
    own: in "shot and killed a man", "arrested and charged two officials" the object is also v's."""
    for k in sent.children(v, "conj"):
        between = all(sent.tok(j).pos in ("CCONJ", "ADV", "PUNCT") for j in range(v + 1, k))
        if k > v and between and sent.tok(k).pos == "VERB" and not sent.children(k, "nsubj", "nsubjpass") \
                and not sent.is_passive(k):
            return objects(sent, k)
    return []


def objects(sent: Sentence, v: int) -> list[int]:
    """The objects of verb v, the receiver first: "gave Mexico aid", "provided intelligence to Macedonia"
    (a "to" the parser labels dative stands for its object); and an object shifted behind an "as"
    phrase ("denounced as a crime Serbia's suppression of ...", which the parser hangs on the as-object)."""
    receivers: list[int] = []
    for k in sent.children(v, "iobj", "dative"):
        if sent.tok(k).pos == "ADP":
            pobj = sent.child(k, "pobj")
            if pobj is not None:
                receivers.append(pobj)
        else:
            receivers.append(k)
    rest = [k for k in sent.children(v, *OBJECTS) if k not in receivers and sent.tok(k).dep not in ("iobj", "dative")]
    if not rest:
        for p in sent.children(v, "prep"):
            pobj = sent.child(p, "pobj") if sent.low(p) == "as" else None
            if pobj is not None:
                rest.extend(sent.children(pobj, "appos"))
    return [*receivers, *rest]


def _purpose_clauses(sent: Sentence, tops: list[int]) -> list[int]:
    """Clauses under the trigger that say what a protest demands ("to demand ...", "calling for ..."),
    nearest first, at most three steps down."""
    out: list[int] = []
    level = list(tops)
    for _ in range(3):
        level = [k for j in level for k in sent.children(j) if sent.tok(k).dep not in ("nsubj", "nsubjpass", "punct")]
        out.extend(k for k in level if sent.tok(k).lemma in DEMANDING and sent.tok(k).pos == "VERB"
                   and sent.tok(k).dep in ("advcl", "xcomp", "acl", "relcl", "ccomp", "conj"))
    return out


def _party_within(sent: Sentence, a: int, ctx: Context, lex: EventLexicon, own: set[str]) -> list[Ref]:
    """The first party named in the phrase headed at `a`, looking through of/by/from phrases, possessors
    and participles: "the dismissal of Minister X", "the handover of farms taken by the militia",
    "reforms by the government". A generic civilian group is what the demand is for, not whom it is of."""
    level = [a]
    for _ in range(5):
        for j in sorted(level):
            ref = _ref(sent, j, ctx, lex, pronouns=False, typed=True)
            if ref is None or ref.actor.name in own:
                continue
            if ref.generic and ref.actor.sector not in STATE_SECTORS:
                continue
            return [ref]
        level = [*(k for j in level for k in sent.children(j, "poss", "acl", "compound", "appos")),
                 *(o for j in level for p in sent.children(j, "prep", "agent") if sent.low(p) in ("of", "by", "from")
                   for o in sent.children(p, "pobj"))]
        if not level:
            break
    return []


def _aboard(sent: Sentence, anchor: int, lex: EventLexicon) -> Ref | None:
    for p in sent.children(anchor, "prep"):
        pobj = sent.child(p, "pobj")
        if sent.low(p) in ("aboard", "on", "onboard") and pobj is not None:
            found = criminal(sent, pobj, lex)
            if found is not None:
                return found
    return None


def _targets(sent: Sentence, a: int, ctx: Context, lex: EventLexicon,
             skip_countries: frozenset[str] = frozenset()) -> tuple[list[Ref], list[Ref]]:
    """The actors an argument names, and the territory actors it names instead ("on Honduran soil")."""
    terr_words = set(lex.tree_rules.get("territory") or ())
    out: list[Ref] = []
    territory: list[Ref] = []
    for j in sent.conjuncts(a):
        t = sent.tok(j)
        if t.lemma in terr_words and sent.mention(j) is None:
            for k in sent.subtree(j):
                if k != j and sent.mention(k) is not None and sent.mention(k).value.get("country"):  # type: ignore[union-attr]
                    for tref in refs_at(sent, k, ctx, lex, pronouns=False):
                        tref.territory = True
                        territory.append(tref)
                    break
            continue
        pair = pair_refs(sent, j, ctx)
        if pair:
            out.extend(pair)
            continue
        ref: Ref | None = _ref(sent, j, ctx, lex, pronouns=True, typed=True, skip_countries=skip_countries)
        if ref is None and t.pos == "NOUN":  # "tariffs on Chinese steel", "Mexican goods": the country's
            for k in sent.children(j, "amod", "compound"):
                mk = sent.mention(k)
                if mk is not None and mk.value.get("country") and mk.value.get("form") != "person" \
                        and mk.value.get("country") not in skip_countries:
                    ref = Ref(Actor(name=str(mk.value.get("name") or mk.span.text), country=str(mk.value["country"]),
                                    sector=None, id=str(mk.value["country"])), k, "modifier-country-of-thing")
                    break
            for k in sent.children(j, "compound") if ref is None else ():  # "the UN proposal", "NATO airstrikes":
                mk = sent.mention(k)  # the body or group named before the thing, not a generic word
                if mk is not None and mk.value.get("sector") and not mk.value.get("country") \
                        and mk.value.get("form") not in ("person", "unknown_person", "keyword") \
                        and sent.tok(k).pos == "PROPN":
                    ref = Ref(mention_actor(mk.value, mk.span.text), k, "modifier-body-of-thing")
                    break
        if ref is None:  # "Colombia's neighbor, Venezuela"
            for k in sent.children(j, "appos"):
                ref = _ref(sent, k, ctx, lex, pronouns=False, typed=True)
                if ref is not None:
                    break
        if ref is None and t.pos == "NOUN":  # "denounced Serbia's suppression of the unrest": the possessor
            for k in sent.children(j, "poss"):
                ref = _ref(sent, k, ctx, lex, pronouns=False, typed=True, skip_countries=skip_countries)
                if ref is not None:
                    ref.rule = "possessor-of-thing" if ref.rule == "mention" else ref.rule
                    break
                # "praised Ann Lowe's work": a person no lexicon knows; "called Ann Lowe's mother" is a call to
                # the mother, whom the name only identifies; nor is a name owning a body ("Lakeside's board",
                # "Lakeside's police") a person's
                owned_person = t.lemma not in RELATIVES and t.lemma not in BODY_WORDS and t.lemma not in actor_nouns()
                ref = _unlisted_person(sent, k, ctx) if owned_person else None
                if ref is not None:
                    ref.rule = "possessor-of-thing+unknown-name"
                    break
        if ref is None:
            # "strikes on cartels in Mexico", "the government of Mexico": an actor hanging from the head
            for p in sent.children(j, "prep", "agent"):
                # "violated a ban by General X": whose act the object is
                if sent.low(p) in ("of", "from", "aboard", "on", "onboard", "by"):
                    pobj = sent.child(p, "pobj")
                    if pobj is not None:
                        inner = _ref(sent, pobj, ctx, lex, pronouns=False, typed=True)
                        if inner is None and sent.tok(pobj).pos == "NOUN":
                            # "a condemnation of Ruritania's test", "strikes on Ruritania's depots": the owner
                            for k in sent.children(pobj, "poss"):
                                inner = _ref(sent, k, ctx, lex, pronouns=False, typed=True,
                                             skip_countries=skip_countries)
                                if inner is not None:
                                    inner.rule = "possessor-of-thing" if inner.rule == "mention" else inner.rule
                                    break
                        if inner is not None:
                            ref = inner
                            break
        if ref is not None:
            out.append(ref)
    return out, territory


def claim_subject(sent: Sentence, trigger: int, ctx: Context, lex: EventLexicon, actors: list[Ref]) -> list[Ref]:
    """ "Serbian police are ignoring the rights of detained migrants, a rights group protested": a
    verb of protest closing the sentence accuses the subject of the claim before it (the sentence's root
    clause, which the trigger is not the head of)."""
    root = sent.root()
    if root == trigger or sent.tok(root).pos not in ("VERB", "AUX") or root > trigger:
        return []
    own = {a.actor.name for a in actors}
    for s in sent.children(root, "nsubj", "nsubjpass"):
        if sent.dominates(s, trigger):  # the trigger misparsed into the subject: its speaker, not the accused
            continue
        found = [f for f in refs_at(sent, s, ctx, lex, typed=True) if f.actor.name not in own]
        if found:
            return found
    return []


def fallback_recipient(sent: Sentence, anchor: int, ctx: Context, lex: EventLexicon,
                       actors: list[Ref]) -> tuple[list[Ref], str | None]:
    """An actor in an of/for/with/against/from/to phrase of the trigger, when its own places held none."""
    own = {a.actor.name for a in actors}
    own_countries = {a.actor.country for a in actors if a.actor.country}
    for p in sent.children(anchor, "prep"):
        if sent.low(p) not in lex.fallback_prepositions:
            continue
        pobj = sent.child(p, "pobj")
        if pobj is None:
            continue
        found, _ = _targets(sent, pobj, ctx, lex)
        found = [f for f in found if f.actor.name not in own
                 and not (f.actor.country in own_countries and f.actor.sector is None)]
        if found:
            return found, f"fallback:{sent.low(p)}"
    return [], None
