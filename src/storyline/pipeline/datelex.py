"""The dates stage's lexicon and the one compiled pattern built from it.

Takes `lexicon/dates.yaml` (month and weekday names, number words, relative
phrases, cue words, year nouns), with every `lexicon/<lang>/dates.yaml` merged
into it (Spanish: `lexicon/es/dates.yaml`) and then the user lexicon files' `dates:`
sections, and gives a `DateLexicon`: lookup tables plus
`PATTERN`, a single alternation that finds every candidate temporal expression
in one pass, and small compiled regexes for the context checks made around
each candidate. It does not decide what a candidate means or resolve it; that
is `dates.py`.

Each alternative of `pattern` sits in its own named group (`A_iso`, `A_mdy`, ...)
so `match.lastgroup` names the form that matched.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import ConfigError
from ..lexicon_data import load_yaml, merge_section, per_user_files, user_file, user_files, user_sections

YEAR = r"(?:19|20)\d\d"
# A day number: "3", "03", "3rd", "1º", "1.º", "1o." (Spanish writes the first of the month as an ordinal).
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.?[º°]|o\.?(?!\w))?(?!\d)"
NOT_LETTER_AFTER = r"(?![^\W\d_])"


def _alternation(words: set[str] | list[str] | dict[str, Any]) -> str:
    """Words as one regex, factored into a trie ("Ju(?:ly|ne)").

    Python's engine would try a flat list of words one by one at every position; a
    trie lets it reject on the first character that fits no word. Every optional
    tail is greedy, so the longest word wins ("September" over "Sept") and shorter
    ones are tried on backtracking.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in " ".join(str(word).split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _never_if_empty(words: Any) -> str:
    """The words as an alternation, or a pattern that never matches when there are none."""
    return _alternation(list(words)) if words else "(?!)"


def _starts(*groups: Any, digits: bool = False, fold: bool = False) -> str:
    """A lookahead on the first character any of the word groups can start with.

    Python's regex engine tries every alternative at every word start; this check
    lets an alternative fail on one character instead of walking its word list.
    """
    chars = {w[0] for group in groups for w in group if w}
    if fold:
        chars |= {c.upper() for c in chars} | {c.lower() for c in chars}
    cls = "".join(sorted(re.escape(c) for c in chars)) + (r"\d" if digits else "")
    return f"(?=[{cls}])"


def _cased(word: str, lower_too: bool) -> set[str]:
    forms = {word, word[:1].upper() + word[1:], word.upper()}
    if lower_too:
        forms.add(word.lower())
    return forms


def key(word: str) -> str:
    """How a matched name is looked up: lower case, no final full stop, single spaces."""
    return " ".join(word.rstrip(".").lower().split())


@dataclass(frozen=True)
class DateLexicon:
    month_of: dict[str, int]  # key(name) -> 1..12, full names and abbreviations
    full_months: frozenset[str]  # key(name) of full names (a lone month must be one)
    ambiguous_months: frozenset[str]
    weekday_of: dict[str, int]  # key(name) -> 0 (Monday) .. 6
    weekday_shift: dict[str, int]  # key(modifier) -> -1, 0, +1 (English, Spanish before and after)
    month_shift: dict[str, int]
    number_of: dict[str, int | None]
    unit_of: dict[str, str]
    relative: dict[str, tuple[str, int]]
    year_nouns: frozenset[str]
    count_nouns: frozenset[str]
    relative_not_after: dict[str, re.Pattern[str]]  # key(phrase) -> search in the text before it
    day_shift: dict[str, int]  # key(word) -> -1/+1 for a year-less day ("el pasado 3 de octubre")
    day_modifier_before: re.Pattern[str]  # search in the text before a day; group 1 the word
    day_modifier_after: re.Pattern[str]  # match right after a day
    month_shift_es: dict[str, int]  # key(modifier) -> shift, before "mes de" or after the month
    month_of_year: dict[str, int]  # key(phrase) -> year offset ("del año pasado": -1)
    day_words: dict[str, int]  # key(word) -> day of the month ("primero": 1)
    day_of_relative_month: dict[str, int]  # key(phrase) -> months from publication ("de este mes": 0)
    offset_sign: dict[str, int]  # key(word) -> which way the event told next lies ("after": -1, "later": +1)
    offset_connectors: frozenset[str]  # key(word) of those that take the other event as complement ("after")
    offset_phrases: dict[str, tuple[str, int, str]]  # key(phrase) -> (unit, count, kind)
    anaphoric: frozenset[str]  # determiners of a second mention ("the", "el")
    habit: re.Pattern[str]  # search in an event's sentence: a habit or a stretch, not one occasion
    anterior_before: re.Pattern[str]  # search in the text before a trigger: a pluperfect auxiliary
    pattern: re.Pattern[str]
    cue_before: re.Pattern[str]  # search in the text before a candidate
    opener_before: re.Pattern[str]  # search in the text before a candidate; group names the opener kind
    between_gap: re.Pattern[str]  # fullmatch on the text between two ends of a range
    from_gap: re.Pattern[str]
    list_gap: re.Pattern[str]
    weekday_not_after: re.Pattern[str]
    weekday_not_before: re.Pattern[str]


def _merge(into: dict[str, Any], more: dict[str, Any], path: str) -> None:
    """Merge one language's file into the base: mappings key by key, lists joined."""
    for k, v in more.items():
        have = into.get(k)
        if have is None:
            into[k] = v
        elif isinstance(have, dict) and isinstance(v, dict):
            _merge(have, v, path)
        elif isinstance(have, list) and isinstance(v, list):
            into[k] = have + v
        else:
            raise ConfigError(f"The dates lexicon {path} gives {k!r} a different shape from lexicon/dates.yaml.")


def _load_yaml() -> dict[str, Any]:
    """lexicon/dates.yaml, every lexicon/<lang>/dates.yaml merged into it, then the user files' `dates:`."""
    data: dict[str, Any] = copy.deepcopy(load_yaml("dates.yaml"))  # `_merge` changes it in place
    root = resources.files("storyline").joinpath("lexicon")
    for sub in sorted(root.iterdir(), key=lambda t: t.name):
        if sub.is_dir() and sub.joinpath("dates.yaml").is_file():
            path = f"{sub.name}/dates.yaml"
            _merge(data, copy.deepcopy(load_yaml(path)), f"lexicon/{path}")
    for path, section in user_sections("dates.yaml"):
        merge_section(data, section, path, "dates.yaml")
    return data


def _build_pattern(d: dict[str, Any]) -> re.Pattern[str]:
    abbr_forms: set[str] = set()
    full_forms: set[str] = set()
    for lang, spec in d["months"].items():
        lower_too = lang != "en"
        for name in spec["full"]:
            full_forms |= _cased(name, lower_too)
        for name in spec.get("abbreviations", {}):
            abbr_forms |= _cased(name, lower_too)
    en_weekdays = {f for w in d["weekdays"]["en"] for f in _cased(w, False)}
    es_weekdays = {f for w in d["weekdays"].get("es", []) for f in _cased(w, True)}

    # Only an abbreviation takes the full stop after it: "Nov. 27", but "24 November." ends a sentence.
    month = rf"(?:(?:{_alternation(full_forms)}){NOT_LETTER_AFTER}|(?:{_alternation(abbr_forms)}){NOT_LETTER_AFTER}\.?)"
    month_full = rf"(?:{_alternation(full_forms)}){NOT_LETTER_AFTER}"
    weekday = rf"(?:{_alternation(en_weekdays)}){NOT_LETTER_AFTER}"
    weekday_es = rf"(?:{_alternation(es_weekdays)}){NOT_LETTER_AFTER}"
    numbers_en = _alternation(list(d["number_words"]["en"]))
    numbers_es = _alternation(list(d["number_words"].get("es", {})))
    ahead = _never_if_empty(d["ahead_openers"])
    moes_before = _never_if_empty(d["month_modifiers_before"])
    moes_after = _never_if_empty(d["month_modifiers_after"])
    month_of_year = _never_if_empty(d["month_of_year"])
    units_en = _alternation(list(d["ago_units"]["en"]))
    units_es = _alternation(list(d["ago_units"].get("es", {})))
    relative = _alternation(list(d["relative"]))
    wd_mods = _alternation(list(d["weekday_modifiers"]["en"]))
    es_before = _alternation(list(d["weekday_modifiers"].get("es_before", {})))
    es_after = _alternation(list(d["weekday_modifiers"].get("es_after", {})))
    mo_mods = _alternation(list(d["month_modifiers"]))
    day_words = _never_if_empty(d["day_words"])
    day_nouns = _never_if_empty(d["day_nouns"])
    day_modifiers = _never_if_empty(d["day_modifiers"])
    relative_month = _never_if_empty(d["day_of_relative_month"])
    offset_en = _never_if_empty(d["offset_words"].get("en", {}))
    offset_es = _never_if_empty(d["offset_words"].get("es", {}))

    def lone_day(name: str) -> str:
        """A day number standing without its month: never right before a month, a time or a decimal."""
        return rf"(?P<{name}>{DAY})(?!\s*(?:(?:of|de|del)\s+)?{month})(?![.,:/]?\d)(?![^\W\d_])"

    wd_mod_words = list(d["weekday_modifiers"]["en"])
    mo_mod_words = list(d["month_modifiers"])
    at_month = _starts(full_forms, abbr_forms)
    at_mdy = _starts(en_weekdays, full_forms, abbr_forms)
    at_dmy = _starts(en_weekdays, es_weekdays, list(d["day_words"]), digits=True, fold=True)
    at_ago_es = _starts(list(d["number_words"].get("es", {})), digits=True, fold=True)
    at_offp = _starts(list(d["offset_phrases"]), fold=True)
    at_dia = _starts(list(d["day_nouns"]), list(d["day_modifiers"]), fold=True)
    at_ago = _starts(list(d["number_words"]["en"]), digits=True, fold=True)
    at_rel = _starts(list(d["relative"]), fold=True)
    at_wdes = _starts(list(d["weekday_modifiers"].get("es_before", {})), fold=True)
    at_wd = _starts(en_weekdays, [w.title() for w in wd_mod_words], wd_mod_words)
    at_mo = _starts(full_forms, [w.title() for w in mo_mod_words], mo_mod_words)
    alternatives = [
        # 2025-02-16 (a time may follow)
        rf"(?P<A_iso>(?=\d)(?<![\d/.-])(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-"
        rf"(?P<iso_d>0[1-9]|[12]\d|3[01])(?!\d))",
        # 16/02/2025, 02/16/2025, 16.02.2025
        rf"(?P<A_num>(?=\d)(?<![\d/.])(?P<num_a>\d{{1,2}})(?P<num_sep>[/.])(?P<num_b>\d{{1,2}})(?P=num_sep)"
        rf"(?P<num_y>{YEAR})(?!\d|[/.]\d))",
        # [Monday,] Feb. 16[, 2025]
        rf"(?P<A_mdy>{at_mdy}(?:(?P<mdy_wd>{weekday}),?\s+)?(?P<mdy_m>{month})(?:\s+|(?<=\.))(?P<mdy_d>{DAY})"
        rf"(?:(?:,\s*|\s+)(?P<mdy_y>{YEAR})(?!\d))?)",
        # [Monday,] 16 February [2025], 3rd of March, [jueves] 16 de febrero de 2025
        rf"(?P<A_dmy>{at_dmy}(?:(?P<dmy_wd>{weekday}|{weekday_es}),?\s+(?:the\s+)?)?(?<![\d,.])"
        rf"(?P<dmy_d>{DAY}|(?i:{day_words}){NOT_LETTER_AFTER})\s+"
        rf"(?:of\s+|de\s+)?(?P<dmy_m>{month})(?:(?:,\s*|\s+|\s+del?\s+)(?P<dmy_y>{YEAR})(?!\d))?)",
        # el 14 de este mes, el 3 del mes pasado
        rf"(?P<A_drm>(?=\d)(?<![\d,.])(?P<drm_d>{DAY})\s+(?P<drm_rel>(?i:{relative_month}))(?!\w))",
        # el día 3, el pasado día 3
        rf"(?P<A_dia>{at_dia}(?:(?P<dia_mod>(?i:{day_modifiers}))\s+)?(?i:{day_nouns})\s+{lone_day('dia_d')}(?!\s+del?\s))",
        # January 2026, febrero de 2025
        rf"(?P<A_my>{at_month}(?P<my_m>{month})(?:,?\s+|\s+(?:of|de|del)\s+)(?P<my_y>{YEAR})(?!\d))",
        # two weeks ago
        rf"(?P<A_ago>{at_ago}(?<![\d,.])(?i:(?P<ago_n>{numbers_en}|\d{{1,3}})\s+(?P<ago_u>{units_en})\s+ago)"
        rf"(?!\w))",
        # two weeks after, three days later
        rf"(?P<A_off>{at_ago}(?<![\d,.])(?i:(?P<off_n>{numbers_en}|\d{{1,3}})\s+(?P<off_u>{units_en})\s+"
        rf"(?P<off_w>{offset_en}))(?!\w))",
        # dos semanas después (de), tres días antes (de), una semana más tarde
        rf"(?P<A_offes>{at_ago_es}(?<![\d,.])(?i:(?P<offes_n>{numbers_es}|\d{{1,3}})\s+(?P<offes_u>{units_es})\s+"
        rf"(?P<offes_w>{offset_es}))(?!\w))",
        # the next day, al día siguiente
        rf"(?P<A_offp>{at_offp}(?i:{_never_if_empty(d['offset_phrases'])})(?!\w))",
        # hace dos semanas, dentro de dos semanas
        rf"(?P<A_hace>(?i:(?P<hace_w>hace|{ahead})\s+(?P<hace_n>{numbers_es}|\d{{1,3}})\s+(?P<hace_u>{units_es}))"
        r"(?!\w))",
        # el pasado mes de septiembre; diciembre pasado; octubre del año pasado
        rf"(?P<A_moes>(?:(?P<moes_pre>(?i:{moes_before}))\s+mes\s+de\s+(?P<moes_m1>{month_full})"
        rf"|(?P<moes_m2>{month_full})\s+(?P<moes_post>{moes_after})"
        rf"|(?P<moes_m3>{month_full})\s+del?\s+(?P<moes_year>{month_of_year}))(?!\w))",
        # yesterday, last week, earlier this month
        rf"(?P<A_rel>{at_rel}(?i:{relative})(?!\w))",
        # el lunes, el pasado lunes, el lunes pasado
        rf"(?P<A_wdes>{at_wdes}(?P<wdes_pre>(?i:{es_before}))\s+(?P<wdes>{weekday_es})(?!,?\s+\d+(?![.,:/]\d))"
        rf"(?:\s+(?P<wdes_post>{es_after}))?(?!\w))",
        # el lunes 13, este jueves 9 (a weekday with its day of the month and no month)
        rf"(?P<A_wdd>{at_wdes}(?P<wdd_pre>(?i:{es_before}))\s+(?P<wdd>{weekday_es}),?\s+{lone_day('wdd_d')})",
        # Monday, last Monday
        rf"(?P<A_wd>{at_wd}(?:(?P<wd_mod>(?i:{wd_mods}))\s+)?(?P<wd>{weekday}))",
        # July, last March, May of this year
        rf"(?P<A_mo>{at_mo}(?:(?P<mo_mod>(?i:{mo_mods}))\s+)?(?P<mo>{month_full})"
        rf"(?:\s+of\s+(?P<mo_rel>(?i:{mo_mods}))\s+year(?!\w))?)",
        # the 1990s
        r"(?P<A_dec>(?=\d)(?P<dec>(?:19|20)\d0)['’]?s(?!\w))",
        # 2007 (whether it is a year is decided from its context)
        rf"(?P<A_year>(?=\d)(?<![$£€.,/#])(?P<year>{YEAR})(?![\d%]|[.,]\d|\w))",
    ]
    # Every form starts at a word start with a digit or with one of these phrases (in any case, whole up
    # to a letter): a month, a weekday, a relative phrase, "hace", or a modifier or number word together
    # with the weekday, month or unit that must follow it. Checked first, in one trie, this turns away
    # nearly every word ("the", "a", "this" included) before the forms are tried one by one.
    def words(group: Any) -> list[str]:
        return [" ".join(str(w).split()) for w in group if str(w).split()]

    openers = {
        *words(full_forms), *words(abbr_forms), *words(en_weekdays), *words(es_weekdays), *words(d["relative"]),
        "hace", *words(d["ahead_openers"]), *words(d["offset_phrases"]), *words(d["day_nouns"]), *words(d["day_words"]),
        *(f"{m} {n}" for m in words(d["day_modifiers"]) for n in words(d["day_nouns"])),
        *(f"{m} mes" for m in words(d["month_modifiers_before"])),
        *(f"{n} {u}" for lang in ("en", "es") for n in words(d["number_words"].get(lang, {}))
          for u in words(d["ago_units"].get(lang, {}))),
        *(f"{m} {w}" for m in words(wd_mod_words) for w in words(en_weekdays)),
        *(f"{m} {w}" for m in words(d["weekday_modifiers"].get("es_before", {})) for w in words(es_weekdays)),
        *(f"{m} {f}" for m in words(mo_mod_words) for f in words(full_forms)),
    }
    guard = rf"(?=\d|(?i:{_alternation(openers)}){NOT_LETTER_AFTER})"
    # Every form starts at a word start; saying so first lets most positions fail fast.
    return re.compile(r"(?<!\w)(?=\w)" + guard + "(?:" + "|".join(alternatives) + ")")


@per_user_files
def lexicon() -> DateLexicon:
    """The dates lexicon, loaded and compiled once per process."""
    d = _load_yaml()
    try:
        month_of: dict[str, int] = {}
        full: set[str] = set()
        for spec in d["months"].values():
            for i, name in enumerate(spec["full"], start=1):
                month_of[key(name)] = i
                full.add(key(name))
            for name, num in spec.get("abbreviations", {}).items():
                month_of[key(name)] = int(num)
        weekday_of = {key(w): i for ws in d["weekdays"].values() for i, w in enumerate(ws)}
        wd_mods = d["weekday_modifiers"]
        weekday_shift = {key(k): int(v) for group in wd_mods.values() for k, v in group.items()}
        number_of = {key(k): v for lang in d["number_words"].values() for k, v in lang.items()}
        unit_of = {key(k): v for lang in d["ago_units"].values() for k, v in lang.items()}
        relative = {key(k): (str(v[0]), int(v[1])) for k, v in d["relative"].items()}
        cues = _alternation(d["cues"])
        mods = _alternation(d["cue_modifiers"])
        openers = d["range_openers"]
        opener_groups = "|".join(f"(?P<{kind}>{_alternation(words)})" for kind, words in openers.items())
        connectors = d["range_connectors"]
        lex = DateLexicon(
            month_of=month_of,
            full_months=frozenset(full),
            ambiguous_months=frozenset(key(m) for m in d["ambiguous_months"]),
            weekday_of=weekday_of,
            weekday_shift=weekday_shift,
            month_shift={key(k): int(v) for k, v in d["month_modifiers"].items()},
            number_of=number_of,
            unit_of=unit_of,
            relative=relative,
            year_nouns=frozenset(w.lower() for w in d["year_nouns"]),
            count_nouns=frozenset(w.lower() for w in d["count_nouns"]),
            relative_not_after={
                key(k): re.compile(rf"(?i:(?<!\w)(?:{_alternation(v)})\s+)$")
                for k, v in d["relative_not_after"].items()
            },
            day_shift={key(k): int(v) for k, v in d["day_modifiers"].items()},
            day_modifier_before=re.compile(rf"(?i:(?<!\w)({_never_if_empty(d['day_modifiers'])})\s+)$"),
            day_modifier_after=re.compile(rf"(?i:\s+({_never_if_empty(d['day_modifiers'])}))(?!\w)"),
            month_shift_es={key(k): int(v) for group in ("month_modifiers_before", "month_modifiers_after")
                            for k, v in d[group].items()},
            month_of_year={key(k): int(v) for k, v in d["month_of_year"].items()},
            day_words={key(k): int(v) for k, v in d["day_words"].items()},
            day_of_relative_month={key(k): int(v) for k, v in d["day_of_relative_month"].items()},
            offset_sign={key(k): int(v[0]) for lang in d["offset_words"].values() for k, v in lang.items()},
            offset_phrases={key(k): (str(v[0]), int(v[1]), str(v[2])) for k, v in d["offset_phrases"].items()},
            anaphoric=frozenset(w.lower() for w in d["anaphoric_determiners"]),
            habit=re.compile(rf"(?i:(?<!\w)(?:{_never_if_empty(d['habit_cues'])})(?!\w))"),
            anterior_before=re.compile(
                rf"(?i:(?<!\w)(?:{_never_if_empty(d['anterior_auxiliaries'])})\s+(?:[^\W\d_]+\s+)?)$"),
            offset_connectors=frozenset(key(k) for lang in d["offset_words"].values() for k, v in lang.items()
                                        if v[1] == "connector"),
            pattern=_build_pattern(d),
            cue_before=re.compile(rf"(?i:(?<!\w)(?:{cues})(?:\s+(?:{mods}))?[\s-]*)$"),
            opener_before=re.compile(rf"(?i:(?<!\w)(?:{opener_groups})\s+(?:(?:{mods})[\s-]+)?)$"),
            between_gap=re.compile(rf"\s*(?i:{_alternation(connectors['between'])})\s*"),
            from_gap=re.compile(rf"\s*(?i:{_alternation(connectors['from'])})\s*"),
            list_gap=re.compile(rf"\s*(?i:{_alternation(d['list_connectors'])})\s*"),
            weekday_not_after=re.compile(rf"(?<!\w)(?:{_alternation(d['weekday_not_after'])})\s+$"),
            weekday_not_before=re.compile(rf"\s+(?:{_alternation(d['weekday_not_before'])})(?!\w)"),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        mine = [path for path in user_files() if "dates" in user_file(path)]
        where = f"the dates: section of lexicon file {', '.join(mine)}" if mine else "lexicon/dates.yaml"
        raise ConfigError(
            f"The dates lexicon is malformed in {where} ({exc!r}); compare it with lexicon/dates.yaml."
        ) from exc
    return lex
