"""Alert rules: a YAML file naming what an analyst wants to be told about.

    rules:
      - name: us-threat-or-strike-on-mexico
        description: The United States threatens or strikes Mexico
        when:
          type: [THREATEN, ASSAULT]
          actor: USA
          recipient: MEX

Every condition under `when` must hold for an incident (see `CONDITIONS`); a rule with no condition
matches every incident. A rule fires once per incident (`alerts` keeps which). `load_rules(path)`
reads and checks a file, raising `ConfigError` that names the file, the rule and the fix; the
shipped example is `examples/alert-rules.yaml`. It does not read the store: `Rule.matches` takes
an incident record and the set of actors seen for the first time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import read_yaml

CONDITIONS = {
    "type": "PLOVER event type, or a list of them",
    "actor": "actor country (ISO 3166-1 alpha-3), or a list",
    "recipient": "recipient country (ISO 3166-1 alpha-3), or a list",
    "intensity_at_most": "the incident's intensity is at or below this (−10 … +10; conflict is negative)",
    "corroboration_at_least": "at least this many independent outlets report the incident",
    "conflict": "true: outlets disagree on a figure of the incident",
    "new_actor": "true: the incident's actor had not been seen in the store before",
}


@dataclass(frozen=True)
class Rule:
    name: str
    description: str = ""
    types: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    recipients: frozenset[str] = field(default_factory=frozenset)
    intensity_at_most: float | None = None
    corroboration_at_least: int | None = None
    conflict: bool = False
    new_actor: bool = False

    def matches(self, incident: dict[str, Any], new_actors: frozenset[str] = frozenset()) -> bool:
        actor, recipient = incident.get("actor") or {}, incident.get("recipient") or {}
        if self.types and incident.get("type") not in self.types:
            return False
        if self.actors and actor.get("country") not in self.actors:
            return False
        if self.recipients and recipient.get("country") not in self.recipients:
            return False
        if self.intensity_at_most is not None:
            intensity = incident.get("intensity")
            if intensity is None or intensity > self.intensity_at_most:
                return False
        if self.corroboration_at_least is not None and (incident.get("corroboration") or 0) < \
                self.corroboration_at_least:
            return False
        if self.conflict and not incident.get("conflicts"):
            return False
        return not self.new_actor or actor_key(actor) in new_actors


def actor_key(party: dict[str, Any] | None) -> str | None:
    """How the store keys an actor (`events.actor_id`): its lexicon id, else its name."""
    if not party:
        return None
    return party.get("id") if party.get("id") is not None else party.get("name")


def _codes(where: str, key: str, value: Any, known: Sequence[str] | None, length: int | None) -> frozenset[str]:
    values = value if isinstance(value, list) else [value]
    out = set()
    for v in values:
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"{where}: {key} takes a code or a list of codes, not {v!r}")
        code = v.strip().upper()
        if known is not None and code not in known:
            raise ConfigError(f"{where}: unknown {key} {v!r}; choose from {', '.join(known)}")
        if length and (len(code) != length or not code.isalpha()):
            raise ConfigError(f"{where}: {key} {v!r} is not a three-letter country code (e.g. USA, MEX)")
        out.add(code)
    return frozenset(out)


def _rule(item: Any, where: str, types: Sequence[str]) -> Rule:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise ConfigError(f"{where}: each rule needs a `name` (text) and a `when` of conditions")
    where = f"{where} ({item['name']})"
    unknown = sorted(set(item) - {"name", "description", "when"})
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; a rule has name, description and when")
    when = item.get("when") or {}
    if not isinstance(when, dict):
        raise ConfigError(f"{where}: `when` must be a mapping of conditions: {', '.join(CONDITIONS)}")
    bad = sorted(set(when) - set(CONDITIONS))
    if bad:
        raise ConfigError(f"{where}: unknown condition {bad[0]!r}; known: {', '.join(CONDITIONS)}")
    kwargs: dict[str, Any] = {}
    try:
        if "type" in when:
            kwargs["types"] = _codes(where, "type", when["type"], types, None)
        if "actor" in when:
            kwargs["actors"] = _codes(where, "actor", when["actor"], None, 3)
        if "recipient" in when:
            kwargs["recipients"] = _codes(where, "recipient", when["recipient"], None, 3)
        if "intensity_at_most" in when:
            kwargs["intensity_at_most"] = float(when["intensity_at_most"])
        if "corroboration_at_least" in when:
            kwargs["corroboration_at_least"] = int(when["corroboration_at_least"])
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: a threshold must be a number ({exc})") from exc
    for flag in ("conflict", "new_actor"):
        if flag in when:
            if not isinstance(when[flag], bool):
                raise ConfigError(f"{where}: {flag} takes true or false, not {when[flag]!r}")
            kwargs[flag] = when[flag]
    return Rule(name=item["name"].strip(), description=str(item.get("description") or ""), **kwargs)


def parse_rules(text: str, source: str) -> list[Rule]:
    from ..store.webqueries import event_types

    data = read_yaml(text, f"alert rules {source}")
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"alert rules {source}: expected a top-level `rules:` list (see examples/alert-rules.yaml)")
    rules = [_rule(item, f"alert rules {source}, rule {n}", event_types()) for n, item in enumerate(data["rules"], 1)]
    names = [r.name for r in rules]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ConfigError(f"alert rules {source}: the rule name {twice[0]!r} is used twice; names must be unique")
    return rules


def load_rules(path: str) -> list[Rule]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"alert rules {path}: cannot read the file: {exc.strerror or exc}") from exc
    return parse_rules(text, path)
