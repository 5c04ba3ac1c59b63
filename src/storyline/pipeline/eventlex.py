"""The event coder's knowledge: PLOVER types and scores, triggers, status and clause cues.

Takes `lexicon/plover.yaml` and `lexicon/triggers.yaml` with the `triggers:` sections of the user
lexicon files merged over it (read once per process per list of user files) and gives one
`EventLexicon`: every `Trigger` reading in file order and a table from the lemma of its head word
(a verb's first word, a noun's last) to its readings, and the word lists the tree coder uses.
Triggers are matched by the parser's lemmas, so no inflected forms are listed or generated.
`intensity(type, mode)` reads the manual's score table.

It does not look at text; `eventmatch.py` matches triggers in parsed sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import load_yaml, per_user_files, stage, trigger_entries

TRIGGER_LISTS = {"adjectives": "adjective", "verbs": "verb", "nouns": "noun"}


@dataclass(frozen=True)
class Trigger:
    """One reading of a trigger word: what it codes and how its roles and scope are found."""

    key: str  # "verb:threaten" or "noun:strike", plus "#n" for the n-th reading of that lemma
    lemma: str
    pos: str  # "verb" | "noun" | "adjective" (after "be": "is willing to") | "frame" (built in code)
    type: str
    mode: str | None = None
    governs: bool = False
    reciprocal: bool = False
    promise: bool = False
    host: bool = False
    needs_light: bool = False
    adjunct: bool = False  # with needs_light, also an event as a verb's adjunct ("after the call, the minister ...")
    needs: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()  # a subject headed by one of these stands for `needs` ("a car bomb exploded")
    unless: tuple[str, ...] = ()
    within: int = 8
    after: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    negated_as: str | None = None  # said with a negation, the reading is this type, asserted ("not rule out")
    only_negated: bool = False  # the reading is an event only when negated ("will not accept")
    needs_recipient: bool = False  # the reading is an event only with a recipient in its own places
    people_object: bool = False  # the reading holds only when its object names people ("released six Americans")
    undergoer: bool = False  # the verb's subject undergoes the act, by no one named ("went on trial")
    predicate: bool = False  # `needs` is read in what the verb predicates of its object ("called the raid illegal")
    source: str = "triggers.yaml"  # the lexicon file the reading came from

    @cached_property
    def need_phrases(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(n.split()) for n in self.needs)

    @property
    def rule(self) -> str:
        return f"{self.source}:{self.pos}:{self.lemma}" + (f"#{self.key.rsplit('#', 1)[1]}" if "#" in self.key else "")


# General words for an act, beside the trigger nouns of force: "condemned the incident", "concern over the escalation".
ACT_WORDS = frozenset({"incident", "violence", "aggression", "action", "actions", "provocation", "escalation"})


@dataclass
class EventLexicon:
    types: dict[str, dict[str, Any]]
    old_names: dict[str, str | None]
    future_as: dict[str, str]
    threat_mode: dict[str, str]
    status: dict[str, tuple[tuple[str, ...], ...]]
    mode_cues: dict[str, dict[str, tuple[tuple[str, ...], ...]]]
    magnitude: dict[str, Any]
    place_prepositions: frozenset[str]
    demand_modals: tuple[tuple[str, ...], ...] = ()
    fallback_prepositions: frozenset[str] = frozenset()
    unless_as: str | None = None
    directive_verbs: frozenset[str] = frozenset()
    sending_verbs: frozenset[str] = frozenset()
    actor_readings: tuple[dict[str, Any], ...] = ()  # who acts decides between two readings of one word
    # Every reading in file order, and by the lemma the parser gives its head word (a verb's first
    # word, a noun's last): what the tree coder matches.
    triggers: tuple[Trigger, ...] = ()
    heads: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)
    light_lemmas: frozenset[str] = frozenset()  # light verbs, single words, by lemma
    light_lemma_phrases: tuple[tuple[str, ...], ...] = ()  # "carry out", "step up", by lemma of the first
    tree_rules: dict[str, Any] = field(default_factory=dict)  # the sections only the tree coder reads
    _words: dict[str, frozenset[str]] = field(default_factory=dict)

    def intensity(self, type_: str, mode: str | None) -> float | None:
        t = self.types.get(type_)
        if t is None:
            return None
        score = (t.get("modes") or {}).get(mode) if mode else None
        return float(score if score is not None else t["intensity"])

    @cached_property
    def force_nouns(self) -> frozenset[str]:
        """Head lemmas of the noun readings of force and coercion ("attack", "raid", "crackdown"), and the
        general words for an act (`ACT_WORDS`): what a condemnation may name without naming its party."""
        return frozenset(lemma for lemma, readings in self.heads.items()
                         if any(t.pos == "noun" and t.type in ("ASSAULT", "COERCE") for t in readings)) | ACT_WORDS

    @cached_property
    def blame_cues(self) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
        """What a statement of blame needs in its sentence: the speech verbs, the words of blame, breach and
        failure, and the prefixes of the starred blame words ("provocat*")."""
        rules = self.tree_rules
        last = [str(p).split()[-1] for p in rules.get("blame_predicates") or ()]
        words = {w for w in last if not w.endswith("*")}
        words |= {str(w) for key in ("breach_verbs", "failure_verbs") for w in rules.get(key) or ()}
        prefixes = tuple(w.rstrip("*") for w in last if w.endswith("*"))
        return frozenset(rules.get("speech_verbs") or ()), frozenset(words), prefixes

    def words(self, name: str) -> frozenset[str]:
        """A status list's one-word entries, as a set."""
        got = self._words.get(name)
        if got is None:
            got = self._words[name] = frozenset(p[0] for p in self.status.get(name, ()) if len(p) == 1)
        return got


def _w(x: Any) -> str:
    """A YAML word as text (the lexicon loader keeps a bare on/off a word, see `lexicon_data`)."""
    return str(x).lower()


def _phrases(items: list[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_w(x).split()) for x in items)


def _trigger(entry: dict[str, Any], pos: str, n: int, types: dict[str, Any], source: str) -> Trigger:
    name = source.rsplit("/", 1)[-1]
    lemma = str(entry[pos]).lower()
    t = entry.get("type")
    if t not in types:
        raise ConfigError(f"{source}: trigger {lemma!r} has type {t!r}, which is not a PLOVER type "
                          f"({', '.join(types)}). Fix the entry.")
    mode = entry.get("mode")
    if mode is not None and mode not in (types[t].get("modes") or {}):
        raise ConfigError(f"{source}: trigger {lemma!r} has mode {mode!r}, not a mode of {t}. Fix the entry.")
    return Trigger(
        key=f"{pos}:{lemma}" + (f"#{n}" if n else ""), lemma=lemma, pos=pos, type=t, mode=mode,
        governs=bool(entry.get("governs")), reciprocal=bool(entry.get("reciprocal")),
        promise=bool(entry.get("promise")), host=bool(entry.get("host")), needs_light=bool(entry.get("needs_light")),
        adjunct=bool(entry.get("adjunct")), needs=tuple(_w(w) for w in entry.get("needs") or ()),
        subject=tuple(_w(w) for w in entry.get("subject") or ()),
        unless=tuple(_w(w) for w in entry.get("unless") or ()),
        within=int(entry.get("within", 8)), after=tuple(_w(w) for w in entry.get("after") or ()),
        recipient=tuple(_w(w) for w in entry.get("recipient") or ()),
        negated_as=entry.get("negated_as"), only_negated=bool(entry.get("only_negated")),
        needs_recipient=bool(entry.get("needs_recipient")), undergoer=bool(entry.get("undergoer")),
        people_object=bool(entry.get("people_object")),
        predicate=bool(entry.get("predicate")),
        source=name,
    )


@per_user_files
def lexicon() -> EventLexicon:
    """The event lexicon, read and compiled once per process (per list of user lexicon files)."""
    plover, trig = load_yaml("plover.yaml"), stage("triggers.yaml", skip=tuple(TRIGGER_LISTS))
    types: dict[str, dict[str, Any]] = plover["types"]
    ordered: list[Trigger] = []
    seen: dict[str, int] = {}
    for source, pos, entry in trigger_entries("triggers.yaml", TRIGGER_LISTS):
        lemma = str(entry[pos]).lower()
        n = seen.get(f"{pos}:{lemma}", 0)
        seen[f"{pos}:{lemma}"] = n + 1
        ordered.append(_trigger(entry, pos, n, types, source))
    heads: dict[str, list[Trigger]] = {}
    for t in ordered:
        words = t.lemma.split()
        heads.setdefault(words[-1] if t.pos == "noun" else words[0], []).append(t)
    for readings in heads.values():  # the longest phrase first ("drone strike" before "strike"); file order kept
        readings.sort(key=lambda t: -len(t.lemma.split()))
    status = {k: _phrases(v) for k, v in (trig.get("status") or {}).items()}
    cues = {t: {m: _phrases(ws) for m, ws in modes.items()} for t, modes in (trig.get("mode_cues") or {}).items()}
    light = [str(lv).lower() for lv in trig.get("light_verbs") or ()]
    return EventLexicon(
        types=types, old_names=dict(plover.get("old_names") or {}), future_as=dict(plover.get("future_as") or {}),
        threat_mode=dict(plover.get("threat_mode") or {}),
        status=status, mode_cues=cues,
        magnitude=dict(trig.get("magnitude") or {}),
        place_prepositions=frozenset(_w(w) for w in trig.get("place_prepositions") or ()),
        demand_modals=_phrases(trig.get("demand_modals") or []),
        unless_as=plover.get("unless_as"),
        fallback_prepositions=frozenset(_w(w) for w in trig.get("fallback_recipient_prepositions") or ()),
        directive_verbs=frozenset(_w(w) for w in trig.get("directive_verbs") or ()),
        sending_verbs=frozenset(_w(w) for w in trig.get("sending_verbs") or ()),
        actor_readings=tuple(trig.get("actor_readings") or ()),
        triggers=tuple(ordered), heads={k: tuple(v) for k, v in heads.items()},
        light_lemmas=frozenset(lv for lv in light if " " not in lv),
        light_lemma_phrases=tuple(tuple(lv.split()) for lv in light if " " in lv),
        tree_rules={k: v for k, v in trig.items() if k in ("criminal_targets", "tree_status", "background",
                                                           "speech_verbs", "territory", "causes",
                                                           "party_nouns", "failed_measures", "sport_cues",
                                                           "stative_support", "blame_predicates", "breach_verbs",
                                                           "broken_norms", "failure_verbs", "failed_duties",
                                                           "accidents")},
    )
