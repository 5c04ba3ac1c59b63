"""Names in the clean text, for the quotes stage: who a run of capitalised words is.

Takes the clean text of a `Document`, the character spans of the quotations found
(names inside them are never antecedents) and any actor mentions an earlier stage
left. Gives a `NameIndex`: the text's tokens, which of them lie inside quotations,
and for any capitalised run what it names —

- a person, with titles and roles stripped ("Mexican President Claudia Sheinbaum",
  "Sen. Dana Whitfield (R-Ore.)" → the name) and a gender when a title or a
  common given name tells it;
- a bare surname expanded to the full name used in the document ("Trump" →
  "Donald Trump");
- an organisation or place, kept whole ("White House", "University of Melbourne").

It also turns a speaker into an `Actor`, filling country, sector and id from an
actor mention when one matches by span or surname. Word lists come from
`lexicon/quotes.yaml`. It does not tag or parse.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..lexicon import load_lexicon
from ..lexicon_data import per_user_files, stage
from ..model import Actor, Mention
from .actors import lexicon_gender

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[’'\-]\w+)*|[^\w\s]")
POSSESSIVE = re.compile(r"[’']s$")
LINE_BREAK = re.compile(r"\n")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
SPEAKER_SLOT = frozenset({",", "”", "’", '"', "'"})  # tokens a speaker's name follows ('“...,” Will Darrow said')

@dataclass(frozen=True)
class Lexicon:
    cue_verbs: frozenset[str]
    participles: frozenset[str]
    role_adjectives: frozenset[str]
    cue_phrases: tuple[tuple[str, ...], ...]
    invertible: frozenset[str]
    takes_recipient: frozenset[str]
    recipient_nouns: frozenset[str]
    between_words: frozenset[str]
    object_prepositions: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    other_pronouns: frozenset[str]
    source_nouns: frozenset[str]
    document_nouns: frozenset[str]
    np_modifiers: frozenset[str]
    titles: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    org_words: frozenset[str]
    non_name_words: frozenset[str]
    term_markers: tuple[tuple[str, ...], ...]
    venue_prepositions: frozenset[str]
    venue_nouns: frozenset[str]
    time_words: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    particles: frozenset[str]
    abbreviations: frozenset[str]
    cue_first_words: frozenset[str] = frozenset()  # every word a cue can start with, to skip the rest fast
    male_role_nouns: frozenset[str] = frozenset()  # "spokesman", "father": a person's gender from a role
    female_role_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()  # "workers", "family": people who may speak as "they"


@per_user_files
def lexicon() -> Lexicon:
    """lexicon/quotes.yaml and the user files' `quotes:` sections, with the Spanish cue words
    (lexicon/es/quotes.yaml) added to their lists."""
    data: dict[str, Any] = dict(stage("quotes.yaml"))
    for key, value in stage("es/quotes.yaml").items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = [*data[key], *value]

    def low(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    def exact(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data[key])

    return Lexicon(
        cue_verbs=low("cue_verbs"),
        participles=low("participles"),
        role_adjectives=exact("role_adjectives"),
        cue_phrases=tuple(tuple(p.lower().split()) for p in data["cue_phrases"]),
        invertible=low("invertible"),
        takes_recipient=low("takes_recipient"),
        recipient_nouns=low("recipient_nouns"),
        between_words=low("between_words"),
        object_prepositions=low("object_prepositions"),
        male=frozenset(data["pronouns"]["male"]),
        female=frozenset(data["pronouns"]["female"]),
        other_pronouns=frozenset(data["pronouns"]["other"]),
        source_nouns=low("source_nouns"),
        document_nouns=low("document_nouns"),
        np_modifiers=low("np_modifiers"),
        titles=exact("titles"),
        male_titles=exact("male_titles"),
        female_titles=exact("female_titles"),
        org_words=exact("org_words"),
        non_name_words=exact("non_name_words"),
        term_markers=tuple(tuple(p.lower().split()) for p in data["term_markers"]),
        venue_prepositions=low("venue_prepositions"),
        venue_nouns=low("venue_nouns"),
        time_words=low("time_words"),
        male_names=exact("male_first_names"),
        female_names=exact("female_first_names"),
        particles=low("name_particles"),
        abbreviations=exact("abbreviations"),
        cue_first_words=low("cue_verbs") | low("invertible") | low("participles")
        | frozenset(p.lower().split()[0] for p in data["cue_phrases"]),
        male_role_nouns=low("male_role_nouns"),
        female_role_nouns=low("female_role_nouns"),
        group_nouns=frozenset(str(w).lower() for w in data.get("group_nouns") or ()),
    )




class Token(NamedTuple):
    # A named tuple, not a dataclass: a page has thousands of tokens and this is several times faster to build.
    start: int
    end: int
    text: str


_new_token = functools.partial(tuple.__new__, Token)


@dataclass
class Named:
    """A speaker as the text names it, and what it resolves to."""

    name: str  # the resolved name ("Donald Trump"), or the surface words if unresolved
    kind: str  # person | org | other | nominal | document | pronoun
    start: int  # the surface words in the text
    end: int
    gender: str | None = None  # "m" | "f" | None
    resolved_from: str | None = None  # "pronoun" | "surname" when the name came from elsewhere
    antecedent: tuple[int, int] | None = None



def tokenize(text: str) -> list[Token]:
    """The text's tokens with their offsets; built with C-level splitting, as a page has thousands."""
    parts = TOKEN_SPLIT.split(text)  # [gap, token, gap, token, ..., gap]
    ends = list(itertools.accumulate(map(len, parts)))
    words = parts[1::2]
    return list(map(_new_token, zip(ends[0::2], ends[1::2], words, strict=False)))


@dataclass
class NameIndex:
    text: str
    quoted: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lex = lexicon()
        self.tokens = tokenize(self.text)
        self.starts = [t.start for t in self.tokens]
        self.inq: list[bool] = [False] * len(self.tokens)
        for a, b in self.quoted:
            lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
            self.inq[lo:hi] = [True] * (hi - lo)
        self.actors = [m for m in self.mentions if m.kind == "actor"]
        self._lexicon_people = self._people_from_actors()
        self._actor_names = self._names_from_actors()
        self._place_spans = sorted((m.span.start, m.span.end) for m in self.actors
                                   if m.value.get("form") == "name" and m.value.get("country"))
        # Names are classified on demand, line by line (a capitalised run never crosses a line break), as
        # only the few lines near quotations and cues are ever asked about; every answer is memoised.
        self._line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        self._line_runs: dict[int, list[tuple[int, int]]] = {}
        self._line_persons: dict[int, list[Named]] = {}
        self._lowered: str | None = None
        self._full_names: dict[str, list[Named]] = {}
        self._classified: dict[tuple[int, int, bool], Named] = {}
        self._plain = False  # classify without surname expansion (how full names themselves are found)

    def _people_from_actors(self) -> list[tuple[int, int, str | None]]:
        """Spans the actor stage resolved to a person, with the gender its lexicon records (or None)."""
        lex = load_lexicon()
        out = []
        for m in self.actors:
            if m.value.get("form") not in ("person", "unknown_person") or m.rule == "coref:pronoun":
                continue
            out.append((m.span.start, m.span.end, {"male": "m", "female": "f"}.get(lexicon_gender(m, lex) or "")))
        out.sort()
        return out

    def actor_person(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether the actor stage found a person over [start, end), and the gender its lexicon gives."""
        k = bisect.bisect_left(self._lexicon_people, (start, -1, None)) - 1
        for a, b, g in self._lexicon_people[max(k, 0) : k + 4]:
            if a < end and start < b:
                return True, g
        return False, None

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def _joined(self, i: int, j: int) -> bool:
        """Tokens i and j (i < j, adjacent) are in one line of text."""
        return "\n" not in self.text[self.tokens[i].end : self.tokens[j].start]

    def _is_name_token(self, i: int) -> bool:
        t = self.tokens[i].text
        if self.inq[i] or not t[0].isupper():
            return False
        stem = POSSESSIVE.sub("", t)
        return stem not in self.lex.non_name_words or stem in self.lex.titles or self._given_in_slot(i, stem)

    def _given_in_slot(self, i: int, stem: str) -> bool:
        """A given name that is also a common word ("Will") starts a name where a speaker is written:
        right after a closing quote mark or a comma, with a capitalised name word after it on its line."""
        if not (stem in self.lex.male_names or stem in self.lex.female_names) or i == 0 or i + 1 >= len(self.tokens):
            return False
        if self.tokens[i - 1].text not in SPEAKER_SLOT or not self._joined(i - 1, i) or not self._joined(i, i + 1):
            return False
        nxt = self.tokens[i + 1].text
        return (nxt[0].isupper() and not self.inq[i + 1] and nxt[0].isalpha()
                and POSSESSIVE.sub("", nxt) not in self.lex.non_name_words)

    def _is_abbrev_dot(self, i: int) -> bool:
        """A "." glued to an initial or a title ("W.", "Gen.") that belongs to the name."""
        if self.tokens[i].text != "." or i == 0 or self.tokens[i - 1].end != self.tokens[i].start:
            return False
        prev = self.tokens[i - 1].text
        return (len(prev) == 1 and prev.isupper()) or prev in self.lex.abbreviations

    def _is_initial(self, i: int) -> bool:
        """A middle initial ("Julie A. Diaz"): one capital glued to a full stop, inside a name."""
        t = self.tokens[i].text
        return (len(t) == 1 and t.isupper() and not self.inq[i] and i + 1 < len(self.tokens)
                and self.tokens[i + 1].text == "." and self.tokens[i + 1].start == self.tokens[i].end)

    def _stop(self, j: int) -> bool:
        """Token j ends a sentence or clause (a "." glued to an abbreviation like "R-Ky." does not)."""
        t = self.tokens[j].text
        if t in ";:!?":
            return True
        if t != ".":
            return False
        nxt = self.tokens[j + 1].text if j + 1 < len(self.tokens) else ""
        return not (nxt == "," or self._is_abbrev_dot(j))

    def _skip_bracket(self, j: int) -> int:
        """Token before a short bracket ending at j ("Sen. Dana Whitfield (R-Ore.)"), else j."""
        if j < 0 or self.tokens[j].text != ")" or self.inq[j]:
            return j
        m = j - 1
        while m >= 0 and j - m < 8 and self.tokens[m].text != "(" and not self.inq[m]:
            m -= 1
        return m - 1 if m >= 0 and self.tokens[m].text == "(" else j

    def run_left(self, j: int, lo: int = 0) -> int | None:
        """First token of the capitalised name ending at token j, or None if j ends none."""
        if j < lo or not self._is_name_token(j) or POSSESSIVE.search(self.tokens[j].text):
            return None
        i = j
        while i - 1 >= lo and self._joined(i - 1, i):
            k = i - 1
            t = self.tokens[k].text
            name = (self._is_name_token(k) and not POSSESSIVE.search(t)) or self._is_initial(k)
            particle = t.islower() and t in self.lex.particles and k - 1 >= lo and self._is_name_token(k - 1)
            if not (name or particle or self._is_abbrev_dot(k)):
                break
            i = k
        while i < j and (self.tokens[i].text.lower() in self.lex.particles or self.tokens[i].text == "."):
            i += 1
        return i

    def run_right(self, i: int, hi: int) -> int | None:
        """Last token of the capitalised name starting at token i, or None."""
        if i >= hi or not self._is_name_token(i):
            return None
        j = i
        while j + 1 < hi and self._joined(j, j + 1):
            k = j + 1
            t = self.tokens[k].text
            if self._is_name_token(k) or self._is_abbrev_dot(k) or self._is_initial(k):
                j = k
                if POSSESSIVE.search(t):
                    break
            elif t.lower() in self.lex.particles and t.islower() and k + 1 < hi and self._is_name_token(k + 1):
                j = k
            else:
                break
        while j > i and (self.tokens[j].text.lower() in self.lex.particles):
            j -= 1
        return j

    def classify(self, i: int, j: int) -> Named:
        """What the capitalised run of tokens i..j names (memoised)."""
        key = (i, j, self._plain)
        got = self._classified.get(key)
        if got is None:
            got = self._classified[key] = self._classify(i, j)
        return got

    def _classify(self, i: int, j: int) -> Named:
        # "Representative Laura P. Hendricks of Ohio": the person is before "of".
        for k in range(i + 1, j):
            if self.tokens[k].text == "of":
                head = self._person(i, k - 1)
                if head is not None:
                    return head
                if self.tokens[k - 1].text in self.lex.titles:
                    # "Secretary of Energy Ruth Kemp": the office's department, then the person, who starts
                    # at the first given name after it
                    for p in range(k + 2, j):
                        if self._given(self.tokens[p].text):
                            tail = self._person(p, j)
                            if tail is not None:
                                return tail
                            break
                break
        return self._person(i, j) or self._thing(i, j)

    def _words(self, i: int, j: int) -> list[str]:
        return [POSSESSIVE.sub("", t.text) for t in self.tokens[i : j + 1]]

    def _person(self, i: int, j: int) -> Named | None:
        toks = self.tokens[i : j + 1]
        words = self._words(i, j)
        cut, has_title, gender = -1, False, None
        for n, w in enumerate(words):
            full = w + "." if n + 1 < len(words) and words[n + 1] == "." else w
            if w in self.lex.role_adjectives:
                cut = n
            elif w in self.lex.titles or full in self.lex.titles:
                cut, has_title = n, True
                if w in self.lex.male_titles or full in self.lex.male_titles:
                    gender = "m"
                elif w in self.lex.female_titles or full in self.lex.female_titles:
                    gender = "f"
            elif n == cut + 1 and n + 1 < len(words) and (w in self.lex.male_names or w in self.lex.female_names):
                continue  # "Bill Clinton": a given name that is also an org word ("Bill") starts a person
            elif w == "." and n > cut + 1 and len(words[n - 1]) == 1 and words[n - 1].isupper():
                continue  # the full stop of a middle initial ("Laurence H. Tribe") is inside the name
            elif w[0].isupper() and w.lower() in self.lex.particles and n + 1 < len(words) and any(
                    self._given(x) for x in words[cut + 1 : n]):
                continue  # a capitalised particle after a given name is inside it ("Peter Van Der Molen")
            elif w in self.lex.org_words or w.lower() in self.lex.particles or w == ".":
                cut = n
        rest = [n for n in range(cut + 1, len(words)) if words[n] != "."]
        rest = rest[self._glued_prefix(i, [words[n] for n in rest], [toks[n] for n in rest]) :]
        if not rest:
            return None
        first = words[rest[0]]
        known = first in self.lex.male_names or first in self.lex.female_names
        if not (has_title or len(rest) >= 2 or known):
            return None
        if gender is None:
            gender = "m" if first in self.lex.male_names else "f" if first in self.lex.female_names else None
        start, end = toks[rest[0]].start, toks[rest[-1]].end
        if gender is None:
            gender = self.actor_person(start, end)[1]
        # " ".join: a nickname between the names is read as blank ('Nina "Nin" Pell', see quotes.py)
        named = Named(POSSESSIVE.sub("", " ".join(self.text[start:end].split())), "person", start, end, gender)
        return self._expand(named) if len(rest) == 1 else named

    def _given(self, word: str) -> bool:
        """A known given name, or a hyphenated one whose first part is ("Anna-Lena")."""
        return (word in self.lex.male_names or word in self.lex.female_names
                or ("-" in word and word.split("-")[0] in self.lex.male_names | self.lex.female_names))

    def _glued_prefix(self, i: int, words: list[str], toks: list[Token]) -> int:
        """How many leading words of a would-be person belong to the office or team written before the
        name, not to the name: a country or place the actor stage read ("envoy to Portugal Harold
        Brennick"), or, before a known given name, a short code in capitals ("Falcons QB Derek Malloy") or a
        role word with a lower-case tail ("Drummer-vocalists Tom Ashgrove"). Two words always stay, and a
        known given name is never cut."""
        out = 0
        for n in range(len(words) - 2):
            w = words[n]
            if self._given(w):
                break
            code = len(w) >= 2 and w.isupper() and w.isalpha()
            role = "-" in w and all(part.islower() and len(part) >= 3 for part in w.split("-")[1:])
            place = self._place_at(toks[n].start, toks[n].end)
            if place or ((code or role) and self._given(words[n + 1])):
                out = n + 1
        return out

    def _place_at(self, start: int, end: int) -> bool:
        """The actor stage read the words [start, end) as a country or place name."""
        k = bisect.bisect_left(self._place_spans, (start, -1))
        return k < len(self._place_spans) and self._place_spans[k] == (start, end)

    def _thing(self, i: int, j: int) -> Named:
        start, end = self.tokens[i].start, self.tokens[j].end
        name = POSSESSIVE.sub("", self.text[start:end])
        if any(w in self.lex.org_words for w in self._words(i, j)):
            return Named(name, "org", start, end)
        return self._expand(Named(name, "other", start, end))

    def _expand(self, named: Named) -> Named:
        """A single surname becomes the full name used nearest before it (or anywhere in the text)."""
        if " " in named.name or self._plain:
            return named
        cands = self.full_names(named.name.lower())
        if not cands:
            return named
        before = [c for c in cands if c.start < named.start]
        best = before[-1] if before else cands[0]
        # Two people of one surname ("Dana Whitfield" and, later, her brother "Colin Whitfield"): once the
        # surname alone has stood for the one introduced first, it stays with her; the writer names the
        # other in full. (Used alone only after the second is named, it is the second's.)
        first = next((c for c in before if self._plain_name(c.name)), best)
        given = first.name.split()[0]
        if self._plain_name(best.name) and best.name.split()[0] != given and self._alone_between(
                named.name, first.end, best.start, cands):
            best = [c for c in before if c.name.split()[0] == given][-1]
        return Named(best.name, "person", named.start, named.end, best.gender, "surname", (best.start, best.end))

    def _alone_between(self, surname: str, lo: int, hi: int, full: list[Named]) -> bool:
        """The surname stands alone (outside every full name in `full`) somewhere in text[lo:hi]."""
        for m in re.finditer(rf"\b{re.escape(surname)}\b", self.text[lo:hi]):
            at = lo + m.start()
            if not any(c.start <= at < c.end for c in full):
                return True
        return False

    def _plain_name(self, name: str) -> bool:
        """A given name, any initials or further given names, and a surname ("Dana J. Whitfield"), not a
        capitalised run that holds more ("Dana Whitfield Wins Seat")."""
        words = name.split()
        first = words[0] if words else ""
        return len(words) >= 2 and first.isalpha() and first[0].isupper() and first not in self.lex.org_words \
            and first not in self.lex.non_name_words and all(
            self._given(w) or (len(w.rstrip(".")) == 1 and w[0].isupper()) for w in words[1:-1])

    def _names_from_actors(self) -> list[Named]:
        out = []
        for m in self.actors:
            name = str(m.value.get("name") or "")
            if len(name.split()) >= 2 and name[0].isupper():
                first = name.split()[0]
                g = "m" if first in self.lex.male_names else "f" if first in self.lex.female_names else None
                out.append(Named(name, "person", m.span.start, m.span.end, g))
        return out

    def full_names(self, surname: str) -> list[Named]:
        """Full names (two words or more) of people in the text whose last word is `surname` (lower case),
        from the capitalised runs and the actor mentions, in text order."""
        got = self._full_names.get(surname)
        if got is not None:
            return got
        named = []
        lines = self._lines_with(surname)
        for line in range(len(self._line_starts)) if lines is None else lines:
            named += [self._plain_classify(i, j) for i, j in self._runs(line)
                      if lines is None or surname in self.text[self.tokens[i].start : self.tokens[j].end].lower()]
        named += self._actor_names
        got = self._full_names[surname] = [
            p for p in sorted(named, key=lambda x: x.start)
            if p.kind == "person" and " " in p.name and p.resolved_from is None
            and p.name.split()[-1].lower() == surname
        ]
        return got

    def _lines_with(self, surname: str) -> list[int] | None:
        """The lines holding the word in any case, in order; None (look at every line) when lower-casing
        does not map each character of the text to one, free of context, so offsets would not carry over."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) and "Σ" not in self.text else ""
        if not self._lowered:
            return None
        lines: list[int] = []
        pos = self._lowered.find(surname)
        while pos >= 0:
            line = bisect.bisect_right(self._line_starts, pos) - 1
            if not lines or lines[-1] != line:
                lines.append(line)
            pos = self._lowered.find(surname, pos + 1)
        return lines

    def _plain_classify(self, i: int, j: int) -> Named:
        self._plain = True
        try:
            return self.classify(i, j)
        finally:
            self._plain = False

    def _runs(self, line: int) -> list[tuple[int, int]]:
        """The capitalised runs (first and last token) of one line of text, found left to right."""
        got = self._line_runs.get(line)
        if got is not None:
            return got
        lo = self.tok_at(self._line_starts[line])
        hi = self.tok_at(self._line_starts[line + 1]) if line + 1 < len(self._line_starts) else len(self.tokens)
        got = self._line_runs[line] = []
        i = lo
        for k in range(lo, hi):
            if k < i or not self.tokens[k].text[0].isupper():
                continue
            j = self.run_right(k, len(self.tokens)) if self._is_name_token(k) else None
            if j is not None:
                got.append((k, j))
                i = j + 1
        return got

    def persons_in(self, lo: int, hi: int) -> list[Named]:
        """The people the capitalised runs name, on the lines that meet the characters [lo, hi], in text
        order; a surname the run classifies as a thing is expanded to its full name when the text has one."""
        first = max(bisect.bisect_right(self._line_starts, lo) - 1, 0)
        last = bisect.bisect_right(self._line_starts, hi)
        out: list[Named] = []
        for line in range(first, last):
            got = self._line_persons.get(line)
            if got is None:
                got = []
                for i, j in self._runs(line):
                    p = self._plain_classify(i, j)
                    q = self._expand(p) if p.kind == "other" else p
                    if q.kind == "person":
                        got.append(q)
                self._line_persons[line] = got
            out += got
        return out

    def person_at(self, start: int, end: int) -> Named | None:
        """The person named by the capitalised run holding the characters [start, end), if it names one."""
        return self.named_at(start, end, ("person",))

    def named_at(self, start: int, end: int, kinds: tuple[str, ...]) -> Named | None:
        """What the capitalised run holding the characters [start, end) names, if of one of `kinds`."""
        k = self.tok_at(start)
        if k >= len(self.tokens) or self.tokens[k].start != start or not self._is_name_token(k):
            return None
        i, j = self.run_left(k), self.run_right(k, len(self.tokens))
        if i is None or j is None:
            return None
        named = self.classify(i, j)
        return named if named.kind in kinds else None

    def named_span(self, start: int, end: int, kinds: tuple[str, ...]) -> Named | None:
        """What the tokens covering the characters [start, end) name, if of one of `kinds`."""
        i, j = self.tok_at(start), self.tok_at(end) - 1
        if i >= len(self.tokens) or i > j or self.tokens[i].start != start:
            return None
        named = self.classify(i, j)
        return named if named.kind in kinds else None

    def name_at(self, pos: int) -> Named | None:
        """The name that starts at character pos and ends its line (a signature: '― Pamela Padilla')."""
        i = self.tok_at(pos)
        n = len(self.tokens)
        j = self.run_right(i, n) if i < n and self.tokens[i].start == pos else None
        if j is None:
            return None
        rest = self.text[self.tokens[j].end : self.text.find("\n", self.tokens[j].end) % (len(self.text) + 1)]
        if rest.strip().strip(".,;").strip():
            return None
        return self.classify(i, j)

    def actor(self, named: Named) -> Actor:
        """The speaker as an `Actor`, with country/sector/id from an actor mention when one matches."""
        last = named.name.split()[-1].lower() if named.name else ""
        spans = [(named.start, named.end)] + ([named.antecedent] if named.antecedent else [])
        best: Mention | None = None
        for a, b in spans:
            for m in self.actors:
                if m.span.start < b and a < m.span.end:
                    mname = str(m.value.get("name") or "")
                    # An unnamed speaker takes the mention that covers its head noun ("the Mexican president").
                    head = (named.kind in ("nominal", "org") and m.span.end >= b) or named.kind == "document"
                    if head or (last in mname.lower().split() and _same_person(named, mname)):
                        best = m
                        break
            if best:
                break
        if best is None and named.kind in ("person", "other"):
            for m in self.actors:
                words = str(m.value.get("name") or "").lower().split()
                if words and words[-1] == last and _same_person(named, str(m.value.get("name"))):
                    best = m
                    break
        if best is None:
            return Actor(named.name)
        value = self._deref(best.value)
        name = str(value.get("name") or named.name)
        if named.kind == "person" and len(named.name.split()) > len(name.split()):
            name = named.name
        unnamed = named.kind == "nominal" and value.get("form") not in ("person", "unknown_person")
        if named.kind == "document" or unnamed:
            name = named.name  # "two US officials" stays that, with the mention's country and sector
        return Actor(name, value.get("country"), value.get("sector"), value.get("id"))

    def _deref(self, value: dict[str, Any]) -> dict[str, Any]:
        ref = value.get("ref")
        if ref and not value.get("name"):
            for m in self.actors:
                if m.value.get("id") == ref and m.value.get("name"):
                    return m.value
        return value


def _same_person(named: Named, other: str) -> bool:
    """Two full names with different given names are two people ("Bill Clinton", "Hillary Clinton")."""
    a, b = named.name.split(), other.split()
    if named.kind != "person" or len(a) < 2 or len(b) < 2:
        return True
    x, y = a[0].rstrip(".").lower(), b[0].rstrip(".").lower()
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
