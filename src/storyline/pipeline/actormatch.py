"""The actor matcher: every surface form of the lexicon in one compiled regular expression.

Takes a `Lexicon` and gives a `Matcher`: a table from surface form to what it names (`Entry`),
and one regex built as a character trie of all the forms, so the regex engine walks shared
prefixes once instead of trying thousands of alternatives at each position. At a given start
the trie prefers the longest form ("Washington Post" over "Washington", "Costa Rican" over
"Costa"). Matching is case-sensitive: proper names as written (plus unaccented and
straight/curly apostrophe spellings); keywords written in lower case in the lexicon also match
capitalised and title case ("President", "Secretary of State").

It does not decide what the hits mean together; `actors.py` does that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ..lexicon import Lexicon, fold, load_lexicon

# Which reading of a form wins when two entries share it.
_PRIORITY = {"block": 9, "person": 8, "org": 7, "metonym": 6, "capital": 5, "country": 4, "demonym": 3,
             "people": 3, "keyword": 2, "role": 1}
_SMALL = frozenset({"of", "the", "for", "and", "on", "in", "to", "a", "de", "del", "la"})


@dataclass(frozen=True)
class Entry:
    """What a surface form names."""

    kind: str  # block country demonym people capital metonym person org keyword role
    key: str  # ISO3, entity id, or the keyword as written in the lexicon
    country: str | None = None
    sector: str | None = None
    is_title: bool = False  # a keyword naming one person's office (not a collective noun)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str]
    table: dict[str, Entry]

    def hits(self, text: str) -> Iterator[Hit]:
        for m in self.pattern.finditer(text):
            entry = self.table.get(m.group())
            if entry is not None and not _caps_context(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), m.group(), entry)


@cache
def _matcher_for(lex: Lexicon) -> Matcher:
    table = build_table(lex)
    return Matcher(re.compile(r"(?<!\w)(?:" + trie_regex(table) + r")(?!\w)"), table)


def matcher(lex: Lexicon | None = None) -> Matcher:
    """The compiled matcher for a lexicon (the default one unless given), built once."""
    return _matcher_for(lex or load_lexicon())


def build_table(lex: Lexicon) -> dict[str, Entry]:
    table: dict[str, Entry] = {}

    def add(surface: str, entry: Entry, proper: bool = True) -> None:
        forms = _proper_variants(surface) if proper else _keyword_variants(surface)
        for form in forms:
            old = table.get(form)
            if old is None or _PRIORITY[entry.kind] > _PRIORITY[old.kind]:
                table[form] = entry

    for iso3, c in lex.countries.items():
        for s in c.names:
            add(s, Entry("country", iso3, iso3))
        for s in c.demonyms:
            add(s, Entry("demonym", iso3, iso3))
        for s in c.people:
            add(s, Entry("people", iso3, iso3))
        for s in c.capitals:
            add(s, Entry("capital", iso3, iso3, "GOV"))
        for s, sector in c.metonyms:
            add(s, Entry("metonym", iso3, iso3, sector))
    for word, (sector, kind) in lex.keywords.items():
        add(word, Entry("keyword", word, None, sector, kind == "title"), proper=not word.islower())
    for word in lex.roles:
        add(word, Entry("role", word, None, None, True), proper=False)
    for ent in lex.organisations.values():
        for s in ent.surfaces:
            add(s, Entry("org", ent.id, ent.country, ent.sector))
    for ent in lex.people.values():
        for s in ent.surfaces:
            add(s, Entry("person", ent.id))
    for s in lex.blocks:
        add(s, Entry("block", s))
    # A surname alone only when no one else in the lexicon has it and it means nothing else.
    owners: dict[str, set[str]] = {}
    for ent in lex.people.values():
        if ent.surname:
            owners.setdefault(ent.surname, set()).add(ent.id)
        for s in ent.surfaces:
            owners.setdefault(s.split()[-1], set()).add(ent.id)
    for ent in lex.people.values():
        if ent.surname and len(owners[ent.surname]) == 1 and ent.surname not in table:
            add(ent.surname, Entry("person", ent.id))
    return table


def _proper_variants(surface: str) -> set[str]:
    forms = {surface, fold(surface)}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


def _keyword_variants(surface: str) -> set[str]:
    words = surface.split(" ")
    title = " ".join(w if w in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return {surface, surface[:1].upper() + surface[1:], title}


def trie_regex(forms: Iterable[str]) -> str:
    """One regex alternation for many literal strings, factored as a character trie."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root)


def _render(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a form ends here; greedy "?" tries the longer forms first
        return ("(?:" + body + ")?") if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


_CAPS_WORD = re.compile(r"[A-Z]{2,}")


def _caps_context(text: str, start: int, end: int) -> bool:
    """A short all-capitals hit ("US", "WHO") inside a shouted headline is a word, not a name."""
    word = text[start:end]
    if len(word) > 4 or not word.isupper():
        return False
    before = text[max(0, start - 20):start].split()
    after = text[end:end + 20].split()
    near = [w.strip(".,:;!?\"'“”") for w in (before[-1:] + after[:1])]
    return any(_CAPS_WORD.fullmatch(w) for w in near)
