"""Actor recognition: who is named in the text, with country (ISO3) and sector, at the article's date.

Takes a `Document` (its `text` and `published`) and appends `Mention(kind="actor")` records whose
value is `{name, country, sector, id, title?, form, generic?}` and whose span covers the words
they came from (`generic`: a lexicon organisation whose country is only a default, "National
Guard" with no country word). What it recognises, in one pass of the compiled lexicon matcher (`actormatch.py`):

- countries by name, demonym, people ("Americans"), capital and metonym ("the White House");
- phrases composed from a country and a sector keyword ("Mexican President", "US officials",
  "Mexico's increasingly powerful drug cartels", "U.S. and Mexican officials" -> two actors);
- named organisations ("DEA", "Tren de Aragua") and people with dated roles: a person's country
  and sector are those of their role on `doc.published` (None: their latest role);
- unknown people introduced by a title or role, before the name ("DEA head Anne Milgram") or in
  apposition after it ("Jane Roe, a spokeswoman for the State Department"); they get a
  document-local id `local:<slug>`;
- later mentions of a person by surname (rule `coref:surname`) or by he/she outside quotations
  (rule `coref:pronoun`), with `value["ref"]` the full name.

`form` says what kind of mention it is: person, unknown_person, org, metonym, capital, group,
keyword, name (a country by name), adjective (a demonym alone), people.

The lexicon and its matcher are loaded when the pipeline is built (`warm`); per document the
work is one regex pass plus a little per hit (coreference looks back with bisection, not by
rescanning every earlier mention).

It does not decide who did what to whom (events.py) nor where (places.py), and it does not use
the dates inside the text: roles follow the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, TypeVar

from ..lexicon import Lexicon, fold, load_lexicon
from ..lexicon_data import load_yaml, per_user_files, stage
from ..model import Document, Mention, Span
from .actormatch import Hit, matcher

_MOD = frozenset({"country", "demonym"})
_HEAD = frozenset({"org", "metonym", "capital", "person"})
_WORD = frozenset({"keyword", "role"})
_SPACE = re.compile(r"[ \t\u00a0]{1,3}")
_POSSESSIVE = re.compile(r"['’]s?[ \t\u00a0]+")
_AND = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+")
_WORDS_GAP = re.compile(r"(?:['’]s)?(?:[ \t\u00a0]+[a-z][a-z\-]*){1,3}[ \t\u00a0]+")
_IN_COUNTRY = re.compile(r"[ \t\u00a0]+(?:in|of|from)[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
# Spanish "el gobierno de Estados Unidos", "la Embajada de EE.UU.": one actor of that country.
_DE_COUNTRY = re.compile(r"[ \t\u00a0]+(?:de|del)[ \t\u00a0]+")
_PAREN = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,20})\)")
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]|['’](?![sS]\b))*\.?")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "der", "den", "bin", "ibn", "al", "el",
                        "da", "dos", "das", "di", "du", "le", "y", "e"})
# A family name with a lower-case article glued on by a hyphen: "al-Burhan", "el-Sisi", "ash-Shaibani".
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu)[-‐][A-Z]")
_APPOSITIVE = re.compile(r",[ \t\u00a0]+(?:an?|the|who is|now|then|formerly|former)[ \t\u00a0]+")
_CLAUSE_END = re.compile(r"[.;:!?\n“”\"()]|,[ \t\u00a0]+(?:said|says|told|who|which|and)\b")
# He, he, She, she as words. A literal first lets the regex engine jump from one "he" to the
# next; whether a word starts there is checked after.
_HE = re.compile(r"he(?!\w)")
_CAPITAL_HE = re.compile(r"He(?!\w)")
_WORD_CHAR = re.compile(r"\w")
_QUOTED = re.compile(r"“[^“”]{0,3000}”|\"[^\"\n]{0,3000}\"")
_NAME_GAP = re.compile(r"[ \t\u00a0]")  # between the words of a name
_TITLE_GAP = re.compile(r",?[ \t\u00a0]+")  # between a title and the name after it
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\-]*)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w\-]*)")
_NOT_WORD = re.compile(r"[^\w]+")
_PRONOUN_REACH = 1500  # characters back to look for the person a he/she refers to
T = TypeVar("T")


@dataclass
class _Phrase:
    hits: list[Hit]
    start: int
    end: int
    mods: list[Hit] = field(default_factory=list)
    conjoined: bool = False  # "U.S. and Mexican officials": every modifier gets the head
    head: Hit | None = None
    words: list[Hit] = field(default_factory=list)
    person: Hit | None = None
    name: tuple[int, int] | None = None  # an unknown person's name after a title
    spanish: bool = False  # "de" joins a keyword to its country

    def slot(self) -> int:
        if self.person or self.name:
            return 3
        if self.words:
            return 2
        return 1 if self.head else 0


def warm() -> None:
    """Load the lexicon and compile its matcher now, not on the first document (called when
    the pipeline is built)."""
    matcher(load_lexicon())


def recognize(doc: Document) -> Document:
    """Append actor mentions (lexicon, composed, unknown people, coreference) to `doc.mentions`."""
    text = doc.text
    if not text:
        return doc
    lex = load_lexicon()
    hits = [h for h in matcher(lex).hits(text) if not _glued_to_name(text, h, lex) and not _stance(text, h)
            and not _someone_elses_surname(text, h, lex)]
    own = _own_names(doc.language or "", lex)
    if own:
        hits = [Hit(h.start, h.end, h.text, own[h.text]) if h.text in own else h for h in hits]
    hit_starts = {h.start for h in hits}
    found: list[Mention] = []
    for phrase in _phrases(text, hits, hit_starts, lex, doc.language == "es"):
        found.extend(_resolve(phrase, text, lex, doc.published))
    found.extend(_appositive_people(text, hits, hit_starts, found, lex))
    found = _drop_other_readings(found, lex)
    found.sort(key=lambda m: m.span.start)
    found.extend(_party_tags(text, found, hit_starts, lex))
    found.sort(key=lambda m: m.span.start)
    found.extend(_coreference(text, found, lex))
    found.sort(key=lambda m: m.span.start)
    doc.mentions.extend(found)
    return doc


@cache
def _own_names(language: str, lex: Lexicon) -> dict[str, Any]:
    """In a document of this language, a country name of `lexicon/<language>/actors.yaml` names that
    country even where another language's lexicon reads it otherwise ("EU" is Estados Unidos in Spanish,
    the European Union in English)."""
    if language in ("", "en"):
        return {}
    from importlib import resources

    if not resources.files("storyline.lexicon").joinpath(f"{language}/actors.yaml").is_file():
        return {}
    data = load_yaml(f"{language}/actors.yaml")
    table = matcher(lex).table
    out: dict[str, Any] = {}
    for iso, entry in (data.get("countries") or {}).items():
        names = [str(n) for n in (entry or {}).get("names") or []]
        own = next((table[n] for n in names if n in table and table[n].key == iso), None)
        if own is None:
            continue
        for n in names:
            if n in table and table[n].key != iso:
                out[n] = own
    return out


def country_shares(mentions: Iterable[Mention], skip: frozenset[str] = frozenset()) -> dict[str, float]:
    """Each country's share of the document's actor mentions (the dominant countries), skipping
    mentions whose words are in `skip` (the ambiguous names being decided)."""
    counts = Counter(m.value["country"] for m in mentions
                     if m.kind == "actor" and m.value.get("country") and m.span.text not in skip
                     and not m.rule.startswith("coref:"))
    total = sum(counts.values())
    return {c: n / total for c, n in counts.items()} if total else {}


# Base plausibility of a reading before the document's dominant countries are counted: a
# country name is most often the country, a first-level division next; a city scores by
# log10 of its population (a city of 10^6 equals a division). Dominance adds up to 3 points.
PRECISION_BASE = {"country": 8.0, "sea": 7.5, "region": 7.5, "admin": 6.5}
DOMINANCE_WEIGHT = 3.0


def reading_score(precision: str, country: str | None, shares: dict[str, float], population: int = 0) -> float:
    import math

    base = PRECISION_BASE.get(precision) or math.log10(max(population, 10))
    return base + DOMINANCE_WEIGHT * shares.get(country or "", 0.0)


# ---------------------------------------------------------------------------------------------
# Phrases


def _phrases(text: str, hits: list[Hit], hit_starts: set[int], lex: Lexicon,
             spanish: bool = False) -> list[_Phrase]:
    out: list[_Phrase] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        i += 1
        if h.entry.kind == "block":
            continue
        ph = _Phrase([h], h.start, h.end, spanish=spanish)
        _place(ph, h)
        _absorb_acronym(ph, text, lex)
        while i < len(hits):
            nxt = hits[i]
            if nxt.start < ph.end:  # inside a parenthetical already absorbed
                i += 1
                continue
            if not _joins(ph, nxt, text[ph.end:nxt.start], lex):
                break
            ph.hits.append(nxt)
            ph.end = nxt.end
            _place(ph, nxt)
            _absorb_acronym(ph, text, lex)
            i += 1
        if ph.words and not ph.person and ph.words[-1].entry.is_title:
            ph.name = _name_after(text, ph.end, hit_starts, lex)
            if ph.name:
                ph.end = ph.name[1]
        out.append(ph)
    return out


def _absorb_acronym(ph: _Phrase, text: str, lex: Lexicon) -> None:
    """ "Drug Enforcement Administration (DEA) head": the bracketed short form is part of the name."""
    if ph.head and ph.head.entry.kind == "org" and not ph.words and ph.end == ph.head.end:
        paren = _PAREN.match(text, ph.end)
        if paren and paren.group(1).strip() in _entity_forms(ph.head.entry.key, lex):
            ph.end = paren.end()


def _place(ph: _Phrase, h: Hit) -> None:
    kind = h.entry.kind
    if kind in _MOD or kind == "people":
        ph.mods.append(h)
    elif kind == "person" and (ph.words or ph.head):
        ph.person = h
    elif kind in _HEAD:
        ph.head = h
    else:
        ph.words.append(h)


def _joins(ph: _Phrase, nxt: Hit, gap: str, lex: Lexicon) -> bool:
    kind, slot = nxt.entry.kind, ph.slot()
    if kind == "block" or "\n" in gap or slot == 3 or any(h.entry.kind == "people" for h in ph.mods):
        return False
    last = ph.hits[-1].entry.kind
    if last == "person" and kind in _WORD and (nxt.entry.is_title or nxt.entry.sector not in ("GOV", "PTY")):
        return False  # "the Trump administration", but not "Trump's cartel strike threats"
    if kind == "country" and slot == 2 and not ph.mods and last in _WORD and (
            _IN_COUNTRY.fullmatch(gap) or (ph.spanish and _DE_COUNTRY.fullmatch(gap))):
        return True  # "Security forces in Guinea", "the government of Sudan": one actor of that country
    if ph.spanish and nxt.entry.kind == "demonym" and last in _WORD and not ph.mods and not ph.head \
            and _SPACE.fullmatch(gap):
        return True  # "las tropas rusas", "el gobierno peruano": Spanish puts the demonym after its keyword
    if kind in _MOD:
        # Only "X and Y <keyword>" chains two modifiers; the head must follow, checked in _resolve.
        return slot == 0 and bool(_AND.fullmatch(gap)) and last in _MOD and nxt.entry.kind in _MOD
    if kind == "people":
        return False
    if _SPACE.fullmatch(gap) or gap == "":
        if kind == "person":
            return True
        if kind in _HEAD:
            return slot == 0
        return True
    if _POSSESSIVE.fullmatch(gap):
        return last in _MOD or last in _HEAD
    if kind in _WORD and (last in _MOD or last in _HEAD):
        if ph.spanish:  # Spanish puts a country after its keyword: "que en Colombia operen las bandas" is two
            return False
        m = _WORDS_GAP.fullmatch(gap)
        words = gap.replace("’s", " ").replace("'s", " ").split()
        return bool(m) and not any(w.lower() in lex.function_words for w in words) and not _clause_between(words)
    # "Mexico's newly elected president, Claudia Sheinbaum"
    return kind == "person" and gap.strip() == "," and last in _WORD and ph.words[-1].entry.is_title


def _clause_between(words: list[str]) -> bool:
    """Words between a country and a keyword that are a verb and its object, not adjectives: "India deployed
    troops", "the State Department designated six drug cartels". A past form joins only after an adverb
    ("newly elected president"); a number always starts a new noun phrase."""
    for n, word in enumerate(words):
        if word.isdigit() or word.lower() in _number_words():
            return True
        if word.endswith("ed") and not (n and words[n - 1].endswith("ly")):
            return True
        if word.lower() in _irregular_pasts():  # "Russia held joint military exercises", "Iran sent troops"
            return True
    return False


# Irregular past forms that also stand before a noun as an adjective or a noun ("ground forces").
_PAST_HOMOGRAPHS = frozenset({"ground", "left", "lay", "found", "wound", "bound", "felt", "rose", "saw", "fell",
                              "born", "sworn", "worn", "spent", "lit", "split", "cast", "set", "put",
                              "cut", "hit", "let", "shut", "spread", "bid", "quit", "hurt", "cost", "read"})


@cache
def _irregular_pasts() -> frozenset[str]:
    """The English pipeline's irregular past forms of verbs ("held", "sent", "took", "struck"), less those
    that are as often adjectives or nouns."""
    from .parse import verb_exceptions

    return frozenset(form for form, lemmas in verb_exceptions().items()
                     if form not in lemmas and not form.endswith(("ing", "s")) and form not in _PAST_HOMOGRAPHS)


@per_user_files
def _number_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in stage("claims.yaml")["number_words"])


def _entity_forms(entity_id: str, lex: Lexicon) -> set[str]:
    ent = lex.entity(entity_id)
    return set(ent.surfaces) if ent else set()


def _name_after(text: str, pos: int, hit_starts: set[int], lex: Lexicon) -> tuple[int, int] | None:
    """An unknown person's name right after a title: two or more capitalised words."""
    m = _TITLE_GAP.match(text, pos)
    if not m:
        return None
    return _scan_name(text, m.end(), hit_starts, lex, single=m.group() == " ")


def _scan_name(text: str, pos: int, hit_starts: set[int], lex: Lexicon,
               single: bool = False) -> tuple[int, int] | None:
    """Two to five capitalised words from `pos`: a name. With `single`, one capitalised word of three letters
    or more also is, right after a title ("President Mugabe", "Foreign Minister Lavrov")."""
    tokens: list[tuple[int, int, str]] = []
    while True:
        m = _NAME_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group()
        bare = word.rstrip(".")
        is_particle = word in _PARTICLES and bool(tokens)
        prefixed = bool(tokens) and _PREFIXED_NAME.match(word) is not None  # "Abdel Fattah al-Burhan"
        if not is_particle and not prefixed:
            if not word[0].isupper() or bare in lex.not_names or bare.lower() in lex.function_words:
                break
            if m.start() in hit_starts:
                break
        tokens.append((m.start(), m.end(), word))
        gap = _NAME_GAP.match(text, m.end())
        if not gap or len(tokens) >= 5:
            break
        pos = gap.end()
    while tokens and tokens[-1][2] in _PARTICLES:
        tokens.pop()
    capitalised = [t for t in tokens if t[2][0].isupper() or _PREFIXED_NAME.match(t[2])]
    if single and len(tokens) == 1 and len(tokens[0][2]) >= 3 and tokens[0][2].isalpha() \
            and not tokens[0][2].isupper() and tokens[0][2] not in _last_names(lex):
        return tokens[0][0], tokens[0][1]  # a known person's surname the lexicon leaves ambiguous stays so
    if len(capitalised) < 2 or all(len(t[2].rstrip(".")) == 1 for t in capitalised[-1:]):
        return None
    end = tokens[-1][1]
    if text[end - 1] == "." and len(tokens[-1][2]) > 2:  # a sentence's full stop, not an initial
        end -= 1
    return tokens[0][0], end


# ---------------------------------------------------------------------------------------------
# From phrase to mentions


@cache
def _last_names(lex: Lexicon) -> frozenset[str]:
    """The last word of every name of every person in the lexicon."""
    return frozenset(s.split()[-1] for ent in lex.people.values() for s in ent.surfaces if s.split())


def _code(country: str | None, sector: str | None) -> str | None:
    return (country or "") + (sector or "") or None


def _mention(text: str, start: int, end: int, value: dict, rule: str) -> Mention:
    return Mention(kind="actor", span=Span(start, end, text[start:end]), value=value, rule=rule)


def _resolve(ph: _Phrase, text: str, lex: Lexicon, date: str | None) -> list[Mention]:
    mod_countries = [h.entry.country for h in ph.mods if h.entry.kind in _MOD]
    word_sector = next((h.entry.sector for h in reversed(ph.words) if h.entry.sector), None)
    title = " ".join(h.text for h in ph.words) or None
    if ph.person or (ph.head and ph.head.entry.kind == "person"):
        hit = ph.person or ph.head
        assert hit is not None
        ent = lex.people[hit.entry.key]
        role = ent.role_on(date)
        country, sector = (role.country, role.sector) if role else (None, None)
        value: dict[str, Any] = {"name": ent.name, "country": country, "sector": sector, "id": ent.id,
                                 "title": role.title if role else title, "form": "person"}
        if ph.head and ph.head.entry.kind == "person" and not ph.person and ph.words:
            # "the Trump administration": the person's country, the institution's sector
            value.update(name=text[ph.start:ph.end], sector=word_sector or sector, title=title, form="group")
        return [_mention(text, ph.start, ph.end, value, f"lexicon:{ent.id}")]
    head_country, head_sector = None, None
    if ph.head:
        e = ph.head.entry
        head_sector = e.sector
        if e.kind == "org":
            ent = lex.organisations[e.key]
            role = ent.role_on(date)
            head_country, head_sector = (role.country, role.sector) if role else (e.country, e.sector)
            if mod_countries and (ent.generic or head_country is None):
                head_country = mod_countries[0]
        else:
            head_country = e.country
    if ph.name:
        s, e_ = ph.name
        name = text[s:e_]
        country = head_country or (mod_countries[0] if mod_countries else None)
        sector = head_sector or word_sector
        value = {"name": name, "country": country, "sector": sector, "id": "local:" + _slug(name),
                 "title": title, "form": "unknown_person"}
        rule = "title:" + "+".join(h.entry.key for h in ph.words)
        return [_mention(text, ph.start, ph.end, value, rule)]
    if ph.head:
        e = ph.head.entry
        if e.kind == "org":
            ent = lex.organisations[e.key]
            value = {"name": ent.name, "country": head_country, "sector": head_sector, "id": ent.id, "form": "org"}
            if ent.generic and not mod_countries:
                value["generic"] = True  # "National Guard": the country is a default, the event coder may know better
            if ph.words:
                value["title"] = title
            return [_mention(text, ph.start, ph.end, value, f"lexicon:{ent.id}")]
        sector = head_sector
        value = {"name": ph.head.text, "country": head_country, "sector": sector, "id": _code(head_country, sector),
                 "form": e.kind}
        if ph.words:
            value.update(name=text[ph.start:ph.end], title=title)
        return [_mention(text, ph.start, ph.end, value, f"lexicon:{e.kind}:{head_country}:{ph.head.text}")]
    if ph.words:
        if not word_sector and not mod_countries:
            return []  # a bare role ("head", "spokesman") names no one
        name = text[ph.start:ph.end]
        countries = mod_countries if ph.mods and len(ph.mods) > 1 else mod_countries[:1]
        out = []
        for country in countries or [None]:
            value = {"name": name, "country": country, "sector": word_sector, "id": _code(country, word_sector),
                     "form": "group" if country else "keyword"}
            if any(h.entry.is_title for h in ph.words):
                value["title"] = title
            rule = "compose:" + "+".join([*(c or "" for c in countries), *(h.entry.key for h in ph.words)])
            rule = rule if country else f"keyword:{ph.words[-1].entry.key}"
            out.append(_mention(text, ph.start, ph.end, value, rule))
        return out
    out = []
    for h in ph.mods:  # modifiers with nothing to modify stand for their country
        form = {"country": "name", "demonym": "adjective", "people": "people"}[h.entry.kind]
        value = {"name": h.text, "country": h.entry.country, "sector": None, "id": h.entry.country, "form": form}
        out.append(_mention(text, h.start, h.end, value, f"lexicon:{h.entry.kind}:{h.entry.country}"))
    return out


def _slug(name: str) -> str:
    return _NOT_WORD.sub("-", name.lower()).strip("-")


_STANCE = re.compile(r"(?<![\w-])(?:anti|pro|post)[-\u2010\u2011]$", re.IGNORECASE)


def _stance(text: str, h: Hit) -> bool:
    """ "an anti-Syria journalist", "pro-Russian separatists", "post-Soviet states": a country word after
    anti-, pro- or post- tells a stance towards the country or a time after it, not who one is."""
    return h.entry.kind in ("country", "demonym", "people") and bool(_STANCE.search(text[max(0, h.start - 6):h.start]))


def stance_country(word: str) -> str | None:
    """The country a word after anti- or pro- names ("American" in "an anti-American protest"), or None."""
    hits = [h for h in matcher(load_lexicon()).hits(word) if h.start == 0 and h.end == len(word)]
    return next((h.entry.country for h in hits if h.entry.kind in ("country", "demonym", "people") and h.entry.country),
                None)


def _glued_to_name(text: str, h: Hit, lex: Lexicon) -> bool:
    """A one-word country or capital right after or before another capitalised word is part of a
    name ("Jim Jordan", "Chad Wolf"), unless that word is a function word or sentence-initial."""
    if h.entry.kind not in ("country", "capital") or " " in h.text or not h.text[:1].isupper():
        return False
    before = _WORD_BEFORE.search(text[max(0, h.start - 40):h.start])
    if before and before.group(1) in _COMPASS:
        return False  # "South Lebanon", "Western Cambodia": a part of the country, not a person's name
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in lex.function_words:
        ahead = text[max(0, h.start - 40):h.start][:before.start()].rstrip()
        # After a sentence end, the word before is an ordinary sentence-initial capital
        # (but "Rep. Jim Jordan": a full stop after a short title is no sentence end).
        sentence_start = not ahead or (ahead[-1] in ".!?:;“\"'‘(\n" and not _ABBREVIATION.search(ahead))
        if not sentence_start and before.group(1) not in lex.not_names:
            return not _is_lexicon_word(before.group(1), lex)
    after = _WORD_AFTER.match(text[h.end:h.end + 40])
    if after and after.group(1)[0].isupper() and after.group(1) not in lex.not_names \
            and after.group(1).lower() not in lex.function_words:
        # "Georgetown University", "Chad Wolf"; but "Mexico City" is a form of its own.
        personal = h.text in _PERSONAL_COUNTRY_NAMES and not _is_lexicon_word(after.group(1), lex)
        return h.entry.kind == "capital" or personal
    return False


def _someone_elses_surname(text: str, h: Hit, lex: Lexicon) -> bool:
    """A known person's surname after a given name that is not theirs names someone else: "Nadia Cruz" is not
    Ted Cruz, "Alicia Machado" not María Corina Machado (a title or a role before the surname leaves it theirs)."""
    if h.entry.kind != "person" or " " in h.text:
        return False
    before = _WORD_BEFORE.search(text[max(0, h.start - 40):h.start])
    if before is None:
        return False
    word = before.group(1)
    male, female = given_names()
    if word not in male and word not in female:
        return False
    folded = fold(word.lower())  # "Nicolás" and "Nicolas" are one given name
    return not any(folded in fold(form.lower()).split() for form in _entity_forms(h.entry.key, lex))


# Compass words before a country name make a region of it (a country named so, "South Korea", is a
# lexicon form of its own and matched first, being longer).
_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                      "Northeastern", "Northwestern", "Southeastern", "Southwestern"})
_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z][a-z]{0,3}\.$")
# Country names that are also first names: a capitalised word right after them makes a person.
_PERSONAL_COUNTRY_NAMES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "Kenya", "India", "Trinidad", "Niger"})


def _is_lexicon_word(word: str, lex: Lexicon) -> bool:
    return word in matcher(lex).table


def _drop_other_readings(found: list[Mention], lex: Lexicon) -> list[Mention]:
    """A country name with another reading (Georgia the US state) keeps the country reading only
    when the document's dominant countries do not favour the other one."""
    ambiguous: dict[str, list[dict]] = lex.places.get("ambiguous", {})
    if not ambiguous:
        return found
    shares = country_shares(found, frozenset(ambiguous))
    keep = []
    for m in found:
        readings = ambiguous.get(m.span.text) if m.value.get("form") == "name" else None
        if readings:
            best = max(readings, key=lambda r: reading_score(r.get("precision", "country"), r.get("country"), shares))
            if best.get("country") != m.value["country"] or best.get("precision", "country") != "country":
                continue
        keep.append(m)
    return keep


# ---------------------------------------------------------------------------------------------
# Unknown people in apposition, and coreference


def _appositive_people(text: str, hits: list[Hit], hit_starts: set[int], found: list[Mention],
                       lex: Lexicon) -> list[Mention]:
    """ "Jane Roe, a spokeswoman for the State Department, said" -> Jane Roe, GOV, USA."""
    taken = [(m.span.start, m.span.end) for m in found]
    starts = [h.start for h in hits]  # hits do not overlap: both lists rise
    ends = [h.end for h in hits]
    out = []
    for comma in _APPOSITIVE.finditer(text):
        span = _name_before(text, comma.start(), hit_starts, lex)
        if not span or any(s < span[1] and span[0] < e for s, e in taken):
            continue
        stop = _CLAUSE_END.search(text, comma.end())
        window_end = min(stop.start() if stop else len(text), comma.end() + 160)
        inside = hits[bisect_left(starts, comma.end()):bisect_right(ends, window_end)]
        first_word = next((h for h in inside if h.entry.kind in _WORD), None)
        # The role must come early in the apposition, not somewhere in a long clause.
        if first_word is None or len(text[comma.end():first_word.start].split()) > 3:
            continue
        org = next((h for h in inside if h.entry.kind in ("org", "metonym", "capital")), None)
        mod = next((h for h in inside if h.entry.kind in _MOD), None)
        role_sector = next((h.entry.sector for h in inside if h.entry.kind == "keyword" and h.entry.sector), None)
        sector = role_sector if first_word.entry.kind == "keyword" and role_sector else None
        country = None
        if org is not None:
            country = org.entry.country
            sector = sector or org.entry.sector
        if country is None and mod is not None:
            country = mod.entry.country
        name = text[span[0]:span[1]]
        value = {"name": name, "country": country, "sector": sector or role_sector, "id": "local:" + _slug(name),
                 "title": first_word.text, "form": "unknown_person"}
        out.append(_mention(text, span[0], span[1], value, f"appositive:{first_word.entry.key}"))
        taken.append(span)
        found[:] = [m for m in found if not (m.value.get("form") == "keyword" and m.span.start == first_word.start)]
    return out


def _name_before(text: str, pos: int, hit_starts: set[int], lex: Lexicon) -> tuple[int, int] | None:
    """The capitalised name ending at `pos` (two to five words), if there is one."""
    start = pos
    words = 0
    chunk = text[max(0, pos - 80):pos]
    base = pos - len(chunk)
    tokens = list(_NAME_TOKEN.finditer(chunk))
    if not tokens or tokens[-1].end() != len(chunk):
        return None
    for m in reversed(tokens):
        gap = chunk[m.end():start - base]
        if start != pos and not _NAME_GAP.fullmatch(gap):
            break
        word = m.group().rstrip(".")
        if word in _PARTICLES and words:
            start = base + m.start()
            continue
        if not word[:1].isupper() or word in lex.not_names or word.lower() in lex.function_words:
            break
        if base + m.start() in hit_starts:
            break
        start = base + m.start()
        words += 1
        if words == 5:
            break
    while text[start:pos].split()[:1] and text[start:pos].split()[0] in _PARTICLES:
        start += len(text[start:pos].split()[0]) + 1
    if words < 2:
        return None
    return start, pos


# The US press's party and state after a member of Congress: "(D-Wash.)", "(R-Texas)", "(R-S.C.)",
# "(I-Vt.)", "(D-CA)", ", R-Fla.,". A state is an abbreviation, a postal code or one or two capitalised words.
_PARTY_TAG = re.compile(r"[ \t\u00a0]*[(,][ \t\u00a0]*[DRI][-\u2013][ \t\u00a0]?"
                        r"(?:[A-Z]\.[A-Z]\.|W\.[ \t\u00a0]?Va\.|[A-Z][A-Za-z]{1,11}\.?(?:[ \t\u00a0][A-Z][a-z]+\.?)?)"
                        r"[ \t\u00a0]*[),]")


def _party_tags(text: str, found: list[Mention], hit_starts: set[int], lex: Lexicon) -> list[Mention]:
    """A person with no country whose name is followed by a party-and-state tag is a member of the US
    Congress: country USA and, with no sector yet, LEG. A capitalised name of two words or more that no
    mention holds yet becomes an unknown person so ("Jane Roe (D-Ore.) said"). Later mentions of the
    surname copy it. Returns the new mentions."""
    ends = {m.span.end: m for m in found}
    out: list[Mention] = []
    for tag in _PARTY_TAG.finditer(text):
        tagged = ends.get(tag.start())
        if tagged is not None:
            if tagged.value.get("form") not in ("person", "unknown_person") or tagged.value.get("country"):
                continue
            tagged.value["country"] = "USA"
            tagged.value["sector"] = tagged.value.get("sector") or "LEG"
            tagged.rule += "+party-tag"
            continue
        span = _name_before(text, tag.start(), hit_starts, lex)
        if span is None or any(x.span.start < span[1] and span[0] < x.span.end for x in found):
            continue
        name = text[span[0]:span[1]]
        value = {"name": name, "country": "USA", "sector": "LEG", "id": "local:" + _slug(name),
                 "form": "unknown_person"}
        out.append(_mention(text, span[0], span[1], value, "party-tag"))
    return out


def _coreference(text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    persons = [m for m in found if m.value.get("form") in ("person", "unknown_person")]
    if not persons:
        return []
    table = matcher(lex).table
    first: dict[str, Mention] = {}
    for m in persons:
        first.setdefault(m.value["name"], m)
    by_surname: dict[str, list[Mention]] = {}
    for name, m in first.items():
        surname = name.split()[-1]
        if surname in table or surname.lower() in lex.function_words or len(surname) < 3:
            continue
        by_surname.setdefault(surname, []).append(m)
    out: list[Mention] = []
    surnames = {s: ms[0] for s, ms in by_surname.items() if len({x.value["name"] for x in ms}) == 1}
    if surnames:
        taken_starts = [m.span.start for m in found]  # `found` is in text order
        taken_reach = list(accumulate((m.span.end for m in found), max))  # the furthest end so far
        for hit in _surname_pattern(tuple(sorted(surnames, key=len, reverse=True))).finditer(text):
            ante = surnames[hit.group()]
            before = bisect_left(taken_starts, hit.end())  # the mentions starting before this one ends
            if hit.start() < ante.span.end or (before and taken_reach[before - 1] > hit.start()):
                continue
            said = _honorific_gender(text, hit.start())
            known = lexicon_gender(ante, lex) or _given_name_gender(ante) or _honorific_gender(text, ante.span.start)
            if said and known and said != known:
                continue  # "Mrs. Lowe" after "Senator Tom Lowe": another person of the same name
            value = {**ante.value, "ref": ante.value["name"]}
            out.append(_mention(text, hit.start(), hit.end(), value, "coref:surname"))
    out.extend(_pronouns(text, sorted([*persons, *out], key=lambda m: m.span.start), lex))
    return out


_HONORIFIC = re.compile(r"(?<!\w)(Mr|Mrs|Ms|Miss)\.?\s+$")


def _honorific_gender(text: str, pos: int) -> str | None:
    """"male" after "Mr.", "female" after "Mrs.", "Ms." or "Miss" just before `pos`; else None."""
    m = _HONORIFIC.search(text, max(0, pos - 6), pos)
    if m is None:
        return None
    return "male" if m.group(1) == "Mr" else "female"


@cache
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """The male and the female given names the quotes lexicon lists."""
    data = stage("quotes.yaml")
    return frozenset(data.get("male_first_names") or ()), frozenset(data.get("female_first_names") or ())


def _given_name_gender(m: Mention) -> str | None:
    """"male" or "female" by the listed given name a person's full name opens with; else None."""
    words = str(m.value.get("name") or "").split()
    if len(words) < 2:
        return None
    male, female = given_names()
    return "female" if words[0] in female else "male" if words[0] in male else None


@lru_cache(maxsize=1024)  # the same people recur across the articles of one story
def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the surnames as a word, the longest first."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, surnames)) + r")(?!\w)")


def _pronouns(text: str, people: list[Mention], lex: Lexicon) -> list[Mention]:
    """He or she outside quotations -> the nearest person before it (within `_PRONOUN_REACH`,
    itself outside quotations) whose gender fits; `people` in text order."""
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    quote_starts = [s for s, _ in quoted]

    def in_quote(pos: int) -> bool:
        at = bisect_right(quote_starts, pos) - 1
        return at >= 0 and pos < quoted[at][1]

    usable = [(m, not in_quote(m.span.start), lexicon_gender(m, lex)) for m in people]
    starts = [m.span.start for m in people]
    longest = max((m.span.end - m.span.start for m in people), default=0)
    out = []
    ended = 0  # people[:ended] all end before the pronoun in hand: pronouns come in text order
    for pos, end in _pronoun_spans(text):
        while ended < len(people) and people[ended].span.end <= pos:
            ended += 1
        if in_quote(pos):
            continue
        wanted = "female" if end - pos == 3 else "male"
        near = usable[bisect_left(starts, pos - _PRONOUN_REACH - longest) : ended]  # the rest end too far back
        found = latest_antecedent(near, pos, _PRONOUN_REACH, wanted, lambda u: u[0].span.end, lambda u: u[2],
                                  lambda u: u[1])
        if found is not None:
            value = {k: v for k, v in found[0].value.items() if k != "ref"}
            out.append(_mention(text, pos, end, {**value, "ref": value["name"]}, "coref:pronoun"))
    return out


def latest_antecedent(candidates: Sequence[T], pos: int, reach: int, wanted: str, end: Callable[[T], int],
                      gender: Callable[[T], str | None], usable: Callable[[T], object]) -> T | None:
    """The last of `candidates` (in text order) that ends at most `reach` characters before `pos`, whose
    gender is unknown or `wanted` (the pronoun's) and that is `usable`: the rule by which this stage and
    the quote speakers read "he"/"she" back to a person, and the event coder an object "him"/"her"
    within its sentence (`eventroles.pronoun_person`).

    The two resolvers share this rule and nothing more, as they answer different questions. This
    stage resolves every he/she outside quotations, among its own person mentions (gender from the
    lexicon), within one reach, so that event roles can name the person. The quote speakers resolve only
    the pronoun subject of a speech cue; they prefer the sentence before and the speakers of earlier
    cues to any name, widen their window in two steps, take any capitalised name that something vouches
    for (gender from titles and given names too), and read "it"/"they" as an organisation. Either one
    run in the other's place would change who is named."""
    for c in reversed(candidates):
        at = end(c)
        if at <= pos and pos - at <= reach and gender(c) in (None, wanted) and usable(c):
            return c
    return None


def lexicon_gender(m: Mention, lex: Lexicon) -> str | None:
    """"male" or "female", as the lexicon records the person a mention resolved to; None for anyone else."""
    ent = lex.people.get(str(m.value.get("id") or ""))
    return ent.gender if ent else None


def _pronoun_spans(text: str) -> list[tuple[int, int]]:
    """Where he, He, she and She stand as words, in text order."""
    found = []
    for m in _HE.finditer(text):
        pos = m.start()
        if pos and text[pos - 1] in "sS":
            if pos == 1 or not _WORD_CHAR.match(text, pos - 2):
                found.append((pos - 1, m.end()))
        elif not pos or not _WORD_CHAR.match(text, pos - 1):
            found.append((pos, m.end()))
    for m in _CAPITAL_HE.finditer(text):
        if not m.start() or not _WORD_CHAR.match(text, m.start() - 1):
            found.append(m.span())
    found.sort()
    return found
