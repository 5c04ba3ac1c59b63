"""Actors the actor stage did not name: the noun phrase that is a clause's subject.

Takes a `Sentence` (eventclause.py) and the index of a verb (a trigger, or the light verb of a
nominal trigger) that found no actor mention to its left, and gives one `ActorRef` for the
noun phrase just before the verb, skipping auxiliaries, adverbs and a day ("Ibo elders have
on Monday rejected", "The European Community may halt", "Hundreds of thousands of people
blocked"). The phrase is accepted when its head is a known group or office word
(`lexicon/institutions.yaml` keywords and roles, `actor_nouns` in `lexicon/triggers.yaml`,
which also gives the sector) or when it holds a capitalised word that is not merely the first
word of the sentence. The actor has the phrase as name, that sector, and no country.

It does not guess a country, look past a comma, or take a pronoun, a number or a date.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..errors import ConfigError
from ..model import Actor
from .eventclause import NUMBER, ActorRef, Sentence, Token
from .eventlex import EventLexicon

AUXILIARIES = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can", "may",
    "might", "must", "should", "shall", "do", "does", "did", "not", "n't", "'s", "’s", "'ve", "'ll", "'d"})
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
    "on", "late", "early", "last", "this", "week", "month", "year", "night", "morning", "evening", "afternoon"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "some", "many", "several", "most"})
PARTITIVE = frozenset({"group", "groups", "members", "leaders", "supporters", "hundreds", "thousands", "dozens",
                       "scores", "tens", "millions", "band", "bands", "delegation", "team", "wing", "faction",
                       "units", "unit", "contingent", "crowd", "crowds"})
NOT_HEADS = frozenset({
    "it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "which", "who", "there", "what",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "mr", "mrs", "ms"})
TRAILING_PREPS = frozenset({"in", "from", "at", "across", "near", "inside"})
MAX_WORDS = 7


@cache
def actor_nouns() -> dict[str, str | None]:
    """Lower-case group and office words (single words and phrases) and their sector."""
    out: dict[str, str | None] = {}
    inst = _read("institutions.yaml")
    for sector, kinds in (inst.get("keywords") or {}).items():
        for words in (kinds or {}).values():
            for w in words or ():
                out[str(w).lower()] = str(sector)
    for w in inst.get("roles") or ():
        out.setdefault(str(w).lower(), None)
    for sector, words in (_read("triggers.yaml").get("actor_nouns") or {}).items():
        for w in words or ():
            out[str(w).lower()] = None if sector == "none" else str(sector)
    return out


@cache
def function_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _read("stopwords.yaml").get("en") or ()) | AUXILIARIES


def _read(name: str) -> dict:
    try:
        data = yaml.safe_load(resources.files("storyline").joinpath(f"lexicon/{name}").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read lexicon/{name}: {exc}. Reinstall storyline.") from exc
    return data if isinstance(data, dict) else {}


def np_subject(sent: Sentence, i: int, lex: EventLexicon) -> list[ActorRef]:
    """The subject noun phrase left of token i, as an actor without a country, or []."""
    toks = sent.tokens
    lo, _ = sent.clause_bounds(i)
    j = i - 1
    while j >= lo and (toks[j].low in AUXILIARIES or toks[j].low in lex.adverbs or toks[j].low in TIME_WORDS):
        j -= 1
    if j - 2 >= lo and toks[j].low == ")" and toks[j - 2].low == "(" and toks[j - 1].text.isupper():
        j -= 3  # "The International Labor Office (ILO) reiterated": the name before its short form
    if j < lo or j < 0:
        return []
    nouns = actor_nouns()
    pp = next((k for k in range(j - 1, max(lo - 1, j - 4), -1) if toks[k].low in TRAILING_PREPS), None)
    if pp is not None and pp - 1 >= lo and (toks[pp - 1].low in nouns or _capital(toks[pp - 1])) \
            and not (toks[j].low in nouns or _capital(toks[j])):
        j = pp - 1  # "Tribal elders in the north rejected": the head is before the place phrase
    head = toks[j]
    if not _wordlike(head) or head.low in NOT_HEADS or head.low in function_words():
        return []
    first = j
    k = j - 1
    while k >= lo and j - k < MAX_WORDS:
        t = toks[k]
        if t.low == "of" and k - 1 >= lo and (toks[k - 1].low in PARTITIVE or _capital(toks[k - 1])):
            k -= 1
            continue
        if t.low in DETERMINERS or not _wordlike(t) or t.low in function_words() or t.low in NOT_HEADS \
                or (not _capital(t) and t.low in lex.forms) or any(a.first <= k <= a.last for a in sent.actors):
            break
        if not (_capital(t) or t.low in nouns or t.low in PARTITIVE or "-" in t.low or t.low.isalpha()):
            break
        first = k
        k -= 1
    while first < j and toks[first].low == "of":
        first += 1
    words = toks[first:j + 1]
    sector = _sector(words, nouns)
    capitals = [t for n, t in enumerate(words) if _capital(t) and not (first + n == 0 and t.low in lex.adverbs)]
    if first == 0 and capitals and capitals[0] is words[0] and len(capitals) == 1 and sector is None \
            and head.low not in nouns:
        return []  # "Negotiations resumed": capitalised only because it opens the sentence
    if head.low not in nouns and not capitals and not _head_phrase_known(words, nouns):
        return []  # "military equipment seized": a group word modifying a thing is not an actor
    if not head.low.isalpha() and not _capital(head) and "-" not in head.low:
        return []
    span = sent.char_span(first, j)
    actor = Actor(name=span.text, country=None, sector=sector, id=None)
    return [ActorRef(first, j, actor, None, "np-subject")]


def _head_phrase_known(words: list[Token], nouns: dict[str, str | None]) -> bool:
    return any(" ".join(t.low for t in words[-n:]) in nouns for n in (2, 3) if len(words) >= n)


def _sector(words: list[Token], nouns: dict[str, str | None]) -> str | None:
    for n in (3, 2, 1):
        if len(words) >= n:
            key = " ".join(t.low for t in words[-n:])
            if nouns.get(key):
                return nouns[key]
    return next((nouns[t.low] for t in reversed(words) if nouns.get(t.low)), None)


def _capital(t: Token) -> bool:
    return t.text[:1].isupper() and t.text[:1].isalpha()


def _wordlike(t: Token) -> bool:
    return bool(t.text[:1].isalpha()) and not NUMBER.match(t.low)
