"""Read every YAML file storyline uses, and merge the user lexicon files over the shipped ones.

`read_yaml(text, source)` is the one place YAML is parsed (the shipped lexicon files, the user
lexicon files, the alert rules): one loader, one error form naming the file. `load_yaml(name)`
gives a file shipped under `storyline/lexicon/`, read once per process.

User lexicon files come from `$STORYLINE_LEXICON` (paths separated by `os.pathsep`; the CLI's
`--lexicon FILE` sets it). Besides the actor and place sections, which `storyline.lexicon` reads, a
user file may hold one section per stage lexicon, named after the shipped file it extends
(`STAGE_SECTIONS`): `triggers`, `dates`, `quotes`, `claims`, `citations`, `boilerplate`. A file with
`lang: es` extends the Spanish trigger and quote files (`lexicon/es/triggers.yaml`,
`lexicon/es/quotes.yaml`); the other stage files hold every language already. `stage(name)` is a
shipped stage file with the user sections for it merged over it: a list is extended, a mapping
merged key by key, a single value replaced. A key the shipped file does not have at its top level,
or a value of another shape, is refused with `ConfigError` naming the user file, the section and the
key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import ConfigError

ENV_VAR = "STORYLINE_LEXICON"
# The C build of the safe loader reads these files ten times faster; it accepts and rejects the
# same YAML and builds the same values. Without libyaml, the pure-Python safe loader.
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[misc]
    """The safe loader with YAML 1.2's booleans: only true and false. YAML 1.1 also reads a bare on, off, yes
    and no as booleans, and these files are full of words: the stop word "no", the preposition "on"."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_SAFE_LOADER: type = _Loader

# A user section -> the shipped file it extends, and the stage that reads it.
STAGE_SECTIONS = {
    "triggers": ("triggers.yaml", "the event coder"),
    "dates": ("dates.yaml", "the dates stage"),
    "quotes": ("quotes.yaml", "the quote stage"),
    "claims": ("claims.yaml", "the claims stage"),
    "citations": ("citations.yaml", "the citation checks"),
    "boilerplate": ("boilerplate.yaml", "the text cleaner"),
}
# Sections named after a shipped file a user file cannot extend, and why.
FIXED_SECTIONS = {
    "plover": "the PLOVER types, modes, scores and type facts are the PLOVER manual's; with others the "
              "events would not be PLOVER events any more",
    "segment": "the sentence splitter's abbreviations are part of every stored span; changing them would "
               "move the offsets of documents already stored",
    "stopwords": "the language identifier's word lists decide which coder reads a page; they are not "
                 "per user",
    "datechecks": "the date checks' cues are findings' rules, fixed with the checks themselves",
    "matters": "the matters are part of a story's identity; changing them would split or join stories "
               "already stored",
}
LANGUAGES = ("en", "es")
# The per-language files a `lang:` file's sections extend instead of the shared ones.
LANG_FILES = {"es": {"triggers": "es/triggers.yaml", "quotes": "es/quotes.yaml"}}

F = TypeVar("F", bound=Callable[..., Any])


def read_yaml(text: str, source: str) -> Any:
    """Parse YAML text; `source` names the file in the error."""
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from exc
    except ValueError as exc:  # a value YAML reads as a date but is not one ("2020-13-45")
        raise ConfigError(f"{source}: not a date: {exc}") from exc


@cache
def load_yaml(name: str) -> Any:
    """A file shipped under `storyline/lexicon/` ("triggers.yaml", "es/words.yaml"), read once."""
    try:
        text = resources.files("storyline.lexicon").joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"lexicon file {name}: {exc}. Reinstall storyline.") from exc
    return read_yaml(text, f"lexicon file {name}")


def user_files() -> tuple[str, ...]:
    """The user lexicon files named in $STORYLINE_LEXICON, in order, each once."""
    return _split(os.environ.get(ENV_VAR, ""))


@cache
def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(Path(p)) for p in value.split(os.pathsep) if p.strip()))


def per_user_files(fn: F) -> F:
    """Cache a no-argument lexicon builder once per list of user files (the list is read each call,
    so a file set after the first call is not missed)."""
    built: dict[tuple[str, ...], Any] = {}

    @wraps(fn)
    def wrapper() -> Any:
        files = user_files()
        got = built.get(files)
        if got is None:
            got = built[files] = fn()
        return got

    wrapper.cache_clear = built.clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def user_file(path: str) -> dict[str, Any]:
    """One user lexicon file as a mapping of sections (read again only when the file changes)."""
    try:
        st = Path(path).stat()
    except OSError as exc:
        raise ConfigError(f"lexicon file {path}: cannot read it ({exc.strerror or exc}).") from exc
    return _user_file(path, st.st_mtime_ns, st.st_size)


@cache
def _user_file(path: str, _mtime: int, _size: int) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"lexicon file {path}: cannot read it ({exc.strerror or exc}).") from exc
    data = read_yaml(text, f"lexicon file {path}")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"lexicon file {path}: the top level must be a mapping of sections, "
                          f"got {type(data).__name__}")
    lang = data.get("lang", "en")
    if lang not in LANGUAGES:
        raise ConfigError(f"lexicon file {path}: lang {lang!r} has no lexicon; use one of {', '.join(LANGUAGES)}")
    for section in STAGE_SECTIONS:
        if section in data and not isinstance(data[section], dict):
            raise ConfigError(f"lexicon file {path}: section {section!r} must be a mapping of the keys of "
                              f"lexicon/{_target(section, lang)}, got {type(data[section]).__name__}")
    return data


def _target(section: str, lang: str) -> str:
    return LANG_FILES.get(lang, {}).get(section) or STAGE_SECTIONS[section][0]


def user_sections(name: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """(user file, section) for every user file with a section extending the shipped file `name`."""
    out = []
    for path in user_files():
        data = user_file(path)
        for section in STAGE_SECTIONS:
            if section in data and _target(section, data.get("lang", "en")) == name:
                out.append((path, data[section]))
    return tuple(out)


def stage(name: str, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The shipped stage file `name` with the user sections for it merged over it (keys in `skip` are
    left to the caller, which merges them its own way)."""
    return _stage(name, user_files(), skip)


@cache
def _stage(name: str, files: tuple[str, ...], skip: tuple[str, ...]) -> dict[str, Any]:
    shipped = load_yaml(name)
    if not isinstance(shipped, dict):
        raise ConfigError(f"lexicon file {name}: not a mapping. Reinstall storyline.")
    merged = dict(shipped)
    for path, section in user_sections(name):
        merge_section(merged, section, path, name, skip)
    return merged


def merge_section(into: dict[str, Any], section: dict[str, Any], path: str, name: str,
                  skip: tuple[str, ...] = ()) -> None:
    """Merge one user section over `into` (a shipped stage file's mapping, changed in place; the values
    it holds are copied, not changed)."""
    label = _label(name)
    for key, value in section.items():
        if key not in into:
            raise ConfigError(f"lexicon file {path}: section {label!r} has no key {key!r}; "
                              f"lexicon/{name} has {', '.join(map(str, into))}")
        if key in skip:
            continue
        into[key] = _merged(into[key], value, f"{label}.{key}", path, name)


def _label(name: str) -> str:
    return next((s for s, (f, _) in STAGE_SECTIONS.items() if f == name),
                next((s for files in LANG_FILES.values() for s, f in files.items() if f == name), name))


def _merged(have: Any, value: Any, where: str, path: str, name: str) -> Any:
    def refuse(want: str) -> ConfigError:
        return ConfigError(f"lexicon file {path}: {where} must be {want} (as in lexicon/{name}), "
                           f"got {_shape(value)}")

    if isinstance(have, list):
        if not isinstance(value, list):
            raise refuse("a list")
        return [*have, *value]
    if isinstance(have, dict):
        if not isinstance(value, dict):
            raise refuse("a mapping")
        out = dict(have)
        for k, v in value.items():
            out[k] = _merged(have[k], v, f"{where}.{k}", path, name) if k in have else v
        return out
    if isinstance(have, bool) or isinstance(value, bool):
        if not isinstance(value, bool) and have is not None:
            raise refuse("true or false")
        return value
    if isinstance(have, int | float) and not isinstance(value, int | float):
        raise refuse("a number")
    if isinstance(have, str) and not isinstance(value, str):
        raise refuse("a string")
    return value


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def trigger_entries(name: str, sections: dict[str, str]) -> list[tuple[str, str, dict[str, Any]]]:
    """(file, part of speech, entry) for every trigger entry of the shipped file `name` and its user
    sections, `sections` mapping a list's key to the part of speech its entries name ("verbs": "verb").

    A user entry for a word the shipped file has replaces every shipped reading of that word and part of
    speech; several user entries for one word are its readings, in order; a new word's entries come after
    the shipped ones."""
    shipped = load_yaml(name)
    out: list[tuple[str, str, dict[str, Any]]] = [
        (f"lexicon/{name}", pos, e) for key, pos in sections.items() for e in shipped.get(key) or ()]
    label = _label(name)
    for path, section in user_sections(name):
        mine: list[tuple[str, str, dict[str, Any]]] = []
        for key, pos in sections.items():
            entries = section.get(key)
            if entries is None:
                continue
            if not isinstance(entries, list):
                raise ConfigError(f"lexicon file {path}: {label}.{key} must be a list of entries "
                                  f"({{{pos}: WORD, type: TYPE, ...}}, as in lexicon/{name}), got {_shape(entries)}")
            for i, e in enumerate(entries, 1):
                if not isinstance(e, dict) or not isinstance(e.get(pos), str) or not e[pos].strip():
                    raise ConfigError(f"lexicon file {path}: {label}.{key} entry {i} must be a mapping with "
                                      f"'{pos}: WORD' and 'type: TYPE', got {e!r}")
                mine.append((path, pos, e))
        replaced = {(pos, e[pos].strip().lower()) for _, pos, e in mine}
        out = [x for x in out if (x[1], str(x[2][x[1]]).strip().lower()) not in replaced] + mine
    return out
