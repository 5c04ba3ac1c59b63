"""What storyline knows of the PLOVER event types, from `lexicon/plover.yaml`, read once per process.

`TYPES` in the manual's order, `QUAD` each type's quad category, and the classes of types the event
coders and the story linker share (`classes:` in the file, where each is explained): `RECIPROCAL`,
`NEEDS_RECIPIENT`, `PLACE_TARGET` (the manual's), and the coder's `REFUSABLE`, `PROMISED_FORCE`,
`COUNTED_TARGETS`, `CLAUSE_RECIPIENT`, `SAME_TYPE_RECIPIENT`, `COUNTERPART`, `FUTURE_COOPERATION`.
Each is defined there once; the modules that need one import it from here.
"""

from __future__ import annotations

from typing import Any

from .errors import ConfigError
from .lexicon_data import load_yaml

_DATA: dict[str, Any] = load_yaml("plover.yaml")
TYPES: tuple[str, ...] = tuple(_DATA["types"])
QUAD: dict[str, str] = {t: str(spec["quad"]) for t, spec in _DATA["types"].items()}


def _class(name: str) -> frozenset[str]:
    members = (_DATA.get("classes") or {}).get(name)
    if not isinstance(members, list):
        raise ConfigError(f"lexicon file plover.yaml: classes.{name} is missing. Reinstall storyline.")
    unknown = [t for t in members if t not in QUAD]
    if unknown:
        raise ConfigError(f"lexicon file plover.yaml: classes.{name} names {unknown[0]!r}, not a PLOVER type")
    return frozenset(members)


RECIPROCAL = _class("reciprocal")
NEEDS_RECIPIENT = _class("needs_recipient")
PLACE_TARGET = _class("place_target")
REFUSABLE = _class("refusable")
PROMISED_FORCE = _class("promised_force")
COUNTED_TARGETS = _class("counted_targets")
CLAUSE_RECIPIENT = _class("clause_recipient")
SAME_TYPE_RECIPIENT = _class("same_type_recipient")
COUNTERPART = _class("counterpart")
FUTURE_COOPERATION = _class("future_cooperation")
