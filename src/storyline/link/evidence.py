"""What two event reports are compared on: the content words of their evidence, and their dates.

`terms(sentence, language, recipient_country)` gives the set of content stems of an evidence
sentence with the words that only name who acted removed (countries, demonyms, capitals, metonyms,
people, offices: everything the actor lexicon recognises except sector keywords such as "cartels",
which say what the event was about). Two reports of one event share the rest: the object, the
place, the figures. A person the sentence names who has held office in the recipient's country is
whom the act was done to, not who acted: kept as "@" and the lexicon id ("captured Maduro" and
"Maduro was captured" share it). Weekday and month names are one language-neutral key each
("@day6" for Saturday and sábado), so reports in two languages share their "on Saturday".
English stems come from a light suffix stripper (plural, -ed, -ing, British -ise spellings),
enough to make "designated"/"designating" and "organisations"/"organizations" meet; it is not a
full stemmer. Spanish words (`language` "es") are reduced to their lemma (simplemma's table, as the
Spanish token layer reads them), without accents and without the verb's infinitive ending or a
final vowel, so "abatieron", "abatido" and "abatir" meet, and "capturado" and "captura"; Spanish
closed-class words (lexicon/es/words.yaml) are stop words there.
`fold` spells a word without case and accents, as names and cognates compare across languages.

It does not read the store and decides nothing about merging (`merge.py` does).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache, wraps
from typing import Any, TypeVar, cast

from ..lexicon_data import load_yaml

POSSESSIVE = re.compile(r"['’]s$")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
NUMBER = re.compile(r"\d[\d,.]*")
# Lexicon hits that name an actor rather than what happened; sector keywords stay in the terms.
NAMING_KINDS = frozenset({"country", "demonym", "people", "capital", "metonym", "person", "org", "role", "block"})
MIN_STEM = 3
BRITISH_IS = re.compile(r"(?<=[a-z]{3})is(ations?|ing|ed|es|e)$")
WordFunction = TypeVar("WordFunction", bound=Callable[..., Any])


def _words_cached(fn: WordFunction) -> WordFunction:
    """`fn` of a word, its results kept for words but not for figures. News repeats its words, so most
    are stemmed once per run; figures ("numbered 48213") mostly come once, and kept they would fill the
    cache with what is never asked again."""
    kept = lru_cache(maxsize=1 << 16)(fn)

    @wraps(fn)
    def call(word: str, *args: Any) -> Any:
        return fn(word, *args) if word[:1].isdigit() else kept(word, *args)

    return cast(WordFunction, call)


@cache
def _stopwords() -> frozenset[str]:
    data = load_yaml("stopwords.yaml") or {}
    return frozenset(w for words in data.values() for w in words)


@cache
def _spanish_function_words() -> frozenset[str]:
    data = load_yaml("es/words.yaml") or {}
    return frozenset(w.lower() for words in (data.get("pos") or {}).values() for w in words)


@cache
def _calendar() -> dict[str, str]:
    """Weekday and month names of every language of the dates lexicon, folded -> "@day1".."@day7",
    "@month1".."@month12" (full names only: "Mar" is also the Spanish for sea)."""
    out: dict[str, str] = {}
    for name in ("dates.yaml", "es/dates.yaml"):
        data = load_yaml(name) or {}
        for days in (data.get("weekdays") or {}).values():
            out.update({fold(d): f"@day{i}" for i, d in enumerate(days, 1)})
        for months in (data.get("months") or {}).values():
            out.update({fold(m): f"@month{i}" for i, m in enumerate(months.get("full") or [], 1)})
    return out


@cache
def _office_countries() -> dict[str, frozenset[str]]:
    """Lexicon person id -> the countries of the offices they have held."""
    from ..lexicon import load_lexicon

    return {pid: frozenset(r.country for r in ent.roles if r.country) for pid, ent in load_lexicon().people.items()}


@cache
def _matcher():  # type: ignore[no-untyped-def]
    from ..pipeline.actormatch import matcher

    return matcher()


@cache
def is_outlet(name: str) -> bool:
    """Whether a credited source ("according to Reuters") names a news outlet: the actor lexicon
    knows it as media (sector MED)."""
    return any(h.entry.sector == "MED" and h.entry.kind in ("org", "keyword") for h in _matcher().hits(name))


@_words_cached
def stem(word: str) -> str:
    """A light English stem: enough to join inflections of one word, never to join two words."""
    w = POSSESSIVE.sub("", word.lower())
    if NUMBER.fullmatch(w):
        return w.replace(",", "")
    w = BRITISH_IS.sub(r"iz\1", w)
    for suffix, repl in (("ations", "ate"), ("ation", "ate"), ("ies", "y"), ("ing", ""), ("ed", ""),
                         ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM and not (suffix == "s" and w.endswith("ss")):
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > MIN_STEM + 1:
        w = w[:-1]
    return w


SPANISH_ENDINGS = ("ar", "er", "ir")


@_words_cached
def stem_es(word: str) -> str:
    """A light Spanish stem: the lemma, accents folded, without an infinitive ending or a final
    vowel ("atacaron" -> "atac", "ataque" -> "atac", "capturado" -> "captur")."""
    from ..pipeline.parse_es import lemma

    w = fold(lemma(word.lower()))
    if NUMBER.fullmatch(w):
        return w.replace(",", "")
    if w.endswith(SPANISH_ENDINGS) and len(w) - 2 > MIN_STEM:
        w = w[:-2]
    elif w.endswith(("a", "e", "o")) and len(w) - 1 > MIN_STEM:
        w = w[:-1]
    if w.endswith("qu"):  # "ataque" and "atacar": one stem
        w = w[:-2] + "c"
    return w


def terms(sentence: str | None, language: str | None = None, recipient_country: str | None = None) -> frozenset[str]:
    """Content stems of an evidence sentence, without stop words and without the words naming actors
    (a person who has held office in `recipient_country` stays, as "@" and their id)."""
    if not sentence:
        return frozenset()
    out = set()
    naming = []
    for h in _matcher().hits(sentence):
        if h.entry.kind in NAMING_KINDS:
            naming.append((h.start, h.end))
            if (h.entry.kind == "person" and recipient_country
                    and recipient_country in _office_countries().get(h.entry.key, ())):
                out.add("@" + h.entry.key)
    spanish = language == "es"
    for m in WORD.finditer(sentence):
        if naming and any(s <= m.start() < e for s, e in naming):
            continue
        content = _content_stem(m.group(), spanish)
        if content is not None:
            out.add(content)
    return frozenset(out)


@_words_cached
def _content_stem(word: str, spanish: bool = False) -> str | None:
    """The stem of one word of an evidence sentence, or None for a stop word or a short word."""
    word = POSSESSIVE.sub("", word.lower())
    if word in _stopwords() or (len(word) < MIN_STEM and not word[0].isdigit()):
        return None
    day = _calendar().get(fold(word))
    if day is not None:
        return day
    if spanish:
        return None if word in _spanish_function_words() else stem_es(word)
    return stem(word)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case, accents removed ("Cárteles" -> "carteles"): how one name or cognate is spelled across languages."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Mean of Jaccard and overlap (containment of the smaller set).

    Jaccard alone punishes a short report against a long one ("designating six cartels" against a
    sentence that adds who signed what and when); containment alone lets a two-word sentence match
    anything containing those words. Their mean is high only when the smaller sentence is mostly
    inside the larger and the two are not wildly different in length. Sets under 3 stems fall back
    to Jaccard.
    """
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if not shared:
        return 0.0
    jaccard = shared / len(a | b)
    small = min(len(a), len(b))
    if small < 3:
        return jaccard
    return (jaccard + shared / small) / 2


