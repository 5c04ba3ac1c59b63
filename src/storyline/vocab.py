"""What a filter may say: a country by ISO 3166-1 alpha-3 code or by name, and a PLOVER event type.

`country_code("United States", "actor")` gives "USA"; `event_type("threaten")` gives "THREATEN".
A value that is neither raises `UsageError` naming the option, what it got and the accepted forms
(with the closest matches), so "no stories match" never stands for a typo. Countries and their
names come from the actor lexicon (pycountry plus `lexicon/countries.yaml`), the event types from
`lexicon/plover.yaml`. The CLI, the API parameters and the dashboard filters share these.
"""

from __future__ import annotations

import difflib
from functools import cache

from .errors import UsageError
from .plover import RECIPROCAL

# PLOVER types with no direction: "A met B" and "B met A" are one event, so a dyad filter matches either
# way round and linking orients them before comparing (`classes.reciprocal` in lexicon/plover.yaml).
SYMMETRIC_TYPES = RECIPROCAL


def _key(text: str) -> str:
    from .lexicon import fold

    return " ".join(fold(text).casefold().replace(".", "").split()).removeprefix("the ")


@cache
def _country_names() -> dict[str, str]:
    """Every accepted spelling, folded -> ISO3: the code itself and each name the lexicon knows."""
    from .lexicon import load_lexicon

    out: dict[str, str] = {}
    for iso3, country in load_lexicon().countries.items():
        out.setdefault(_key(iso3), iso3)
        for name in country.names:
            out.setdefault(_key(name), iso3)
    return out


def country_code(text: str | None, what: str = "country") -> str | None:
    """The ISO3 code of a country given by code ("mex") or name ("Mexico", "the United States")."""
    if text is None or not text.strip():
        return None
    names = _country_names()
    found = names.get(_key(text))
    if found:
        return found
    close = difflib.get_close_matches(_key(text), list(names), n=3, cutoff=0.75)
    hint = f" (did you mean {', '.join(sorted({names[c] for c in close}))}?)" if close else ""
    said = f"{what} {text.strip()!r}".strip()
    raise UsageError(f"{said} is not a country{hint}: write an ISO 3166-1 alpha-3 code such as USA or MEX, "
                     "or a country name such as United States or Mexico")


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the lexicon."""
    from .plover import TYPES

    return TYPES


def event_type(text: str | None, what: str = "event type") -> str | None:
    """A PLOVER event type, whatever its case."""
    if text is None or not text.strip():
        return None
    value = text.strip().upper()
    types = event_types()
    if value in types:
        return value
    close = difflib.get_close_matches(value, types, n=2, cutoff=0.6)
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    said = f"{what} {text.strip()!r}".strip()
    raise UsageError(f"{said} is not a PLOVER event type{hint}; choose one of {', '.join(types)}")
