"""Quantities in a stretch of text: `find_quantities(text, start, end)`.

Takes text and offsets (a sentence of `Document.text`) and gives one `Quantity`
per count or amount stated in it: value, qualifier, unit, the verbatim phrase,
and the top of a range. Knowledge (number words, qualifiers, unit nouns, time
units, label words) comes from `lexicon/claims.yaml`.

Conventions:

- Digits and words: "10,000", "1.5", "six", "twenty-five", "two hundred",
  "a dozen" (12), "half a million", "3 million", "1.5bn".
- Money: "$1.5 billion" is 1500000000 with unit "USD" (codes from the lexicon);
  percentages ("80%", "80 per cent") have unit "%".
- Vague plurals ("dozens of", "thousands of", "hundreds of thousands of") give
  the base magnitude they name (12, 1000, 100000) with qualifier "more than":
  the phrase asserts more than that and nothing exact.
- The qualifier is the words before the number as written, lower-cased ("at
  least", "over", "nearly"); `qualifier_senses` in the lexicon groups them.
- The unit is the noun the number counts, found within a few words after it
  and skipping modifiers ("six drug cartels" -> "cartels", "10,000 Mexican
  troops" -> "troops"); the phrase keeps the modifiers. A casualty verb before
  the number or a participle after the noun is added ("killing at least 80
  people" -> "people killed").
- Ranges: "between 80 and 83", "80-83", "80 to 83" set `upper`.

Not quantities, and skipped: years and dates ("in 2023", "Nov. 27"), times,
durations and ages ("20 years ago", "a 45-year-old"), ordinals ("20th",
"second term"), labels ("Table 1", "No. 2", "F-35", "COVID-19"), list markers at
the start of a line, citation markers, numbers inside URLs, and "one" unless a
counted noun follows it directly. It does not decide whether a sentence is a
claim; `claims.py` does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon_data import per_user_files, stage
from ..model import Quantity
from .citations import MARKER, URL

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’.\-][^\W\d_]+)*|\S")
# Dates and clock times written with digits only; masked before tokenising.
NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
PLAIN = re.compile(r"\d+(?:\.\d+)?")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
OPENING_QUOTES = frozenset("“‘\"'«")
SENTENCE_OPENERS = frozenset("“‘\"'(([—–-:;")
CLOSING_QUOTES = frozenset("”’\"'»")
PLURAL = re.compile(r"^[^\W\d_]{2,}s$(?<!ss)(?<!us)(?<!is)")
DASHES = frozenset("-–—")
OBJECT_STARTS = frozenset({"at", "more", "over", "nearly", "about", "some", "a", "an", "the", "their", "his", "her",
                           "its", "up", "as", "almost", "around", "roughly"})
AUXILIARIES = frozenset({"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "reportedly"})


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "sym"
    low: str


@per_user_files
def claims_data() -> dict[str, Any]:
    """`lexicon/claims.yaml` with the Spanish words of `lexicon/es/claims.yaml` merged in: lists extend
    lists, mappings extend mappings (qualifier_senses by sense). The claims stage reads it too."""
    data: dict[str, Any] = dict(stage("claims.yaml"))
    for key, value in stage("es/claims.yaml").items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = [*data[key], *value]
        elif isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = dict(data[key])
            for k, v in value.items():
                have = data[key].get(k)
                data[key][k] = [*have, *v] if isinstance(have, list) and isinstance(v, list) else v
    return data


@per_user_files
def _lexicon() -> dict[str, Any]:
    data = claims_data()
    forms = {q for senses in data["qualifier_senses"].values() for q in senses}
    qualifiers = sorted(forms, key=lambda q: -len(q.split()))  # longest first: "just over" before "over"
    units = {u.lower() for u in data["unit_nouns"]}
    number_starts = {*data["number_words"], *data["vague_plurals"], "a", "an", "half"}
    trigger_words = (number_starts - {"a", "an", "half"}) | set(data["multipliers"])
    # The words are tried only where a word starts with a letter one of them starts with: the same matches,
    # at a third of the cost (the alternatives are not tried one by one at every word boundary).
    firsts = {w[:1] for w in trigger_words}
    guard = "(?=[" + "".join(sorted(firsts)) + "])" if firsts and all(f.isalpha() for f in firsts) else ""
    return {
        "starts": frozenset(number_starts),
        # A sentence with no digit and no number word has no quantity; most sentences stop here.
        "trigger": re.compile(r"\d|\b" + guard + "(?:" + "|".join(sorted(trigger_words)) + r")\b", re.IGNORECASE),
        "number_words": {k: float(v) for k, v in data["number_words"].items()},
        "multipliers": {k: float(v) for k, v in data["multipliers"].items()},
        "glued": {k: float(v) for k, v in data["glued_multipliers"].items()},
        "vague": {k: float(v) for k, v in data["vague_plurals"].items()},
        "vague_qualifier": data["vague_qualifier"],
        "qualifiers": frozenset(tuple(q.split()) for q in qualifiers),
        "qualifier_lengths": sorted({len(q.split()) for q in qualifiers}, reverse=True),
        "currency_symbols": data["currency_symbols"],
        "currency_words": data["currency_words"],
        "percent": sorted((tuple(p.split()) for p in data["percent_words"]), key=lambda p: -len(p)),
        "units": frozenset(units),
        "multiword_units": {tuple(u.split()) for u in units if " " in u},
        "time_units": frozenset(data["time_units"]),
        "labels": frozenset(data["label_words"]),
        "date_words": frozenset(data["date_words"]),
        "months": frozenset(data["month_words"]),
        "stop": frozenset(data["unit_stop_words"]),
        "casualty_before": data["casualty_before"],
        "casualty_after": frozenset(data["casualty_after"]),
    }


def find_quantities(text: str, start: int = 0, end: int | None = None, guess_units: bool = True) -> list[Quantity]:
    """Every claim quantity in `text[start:end]`, in order.

    With `guess_units` (English text) a plural-looking word after the number is taken as its
    unit when no lexicon noun is found; without it only lexicon nouns, "%" and currencies count.
    """
    end = len(text) if end is None else end
    lex = _lexicon()
    if not lex["trigger"].search(text, start, end):
        return []
    toks = _tokens(text, start, end)
    starts = lex["starts"]
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        if toks[i].kind != "num" and toks[i].low not in starts:
            i += 1
            continue
        result = _quantity_at(text, toks, i, guess_units)
        if result is None:
            i += 1
            continue
        quantity, next_i = result
        if quantity is not None:
            found.append(quantity)
        i = max(next_i, i + 1)
    return found


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    chunk = text[start:end]
    spans = [m.span() for pattern in (URL, MARKER, NUMERIC_DATE) for m in pattern.finditer(text, start, end)]
    if spans:
        parts: list[str] = []
        cursor = start
        for s, e in sorted(spans):
            if s >= cursor:
                parts.extend((text[cursor:s], " " * (e - s)))
                cursor = e
        parts.append(text[cursor:end])
        chunk = "".join(parts)
    toks: list[Tok] = []
    for m in TOKEN.finditer(chunk):
        t = m.group()
        kind = "num" if t[0].isdigit() else "word" if t[0].isalpha() else "sym"
        toks.append(Tok(t, start + m.start(), start + m.end(), kind, t.lower()))
    return toks


def _quantity_at(text: str, toks: list[Tok], i: int, guess: bool) -> tuple[Quantity | None, int] | None:
    """The quantity whose number starts at token i, or None when none starts there.

    Returns (None, j) when a number starts there but is not a claim quantity
    (a year, a duration), so its words are not read again as a second number.
    """
    lex = _lexicon()
    parsed = _number(text, toks, i)
    if parsed is None:
        return None
    value, j, vague, from_word = parsed
    if _not_a_count(text, toks, i, j, value, from_word):
        return None, j
    first = i
    unit: str | None = None
    upper: float | None = None
    currency = _currency_before(text, toks, i)
    if currency:
        unit, first = currency

    # A range: "80-83", "80 to 83", "between 80 and 83".
    joiner = toks[j].low if j < len(toks) else ""
    between = _word_before(toks, first) == "between"
    if (joiner in DASHES and toks[j].start == toks[j - 1].end) or joiner == "to" or (joiner == "and" and between):
        second = _number(text, toks, j + 1)
        if second is not None and second[0] > value and not (joiner == "to" and _word_before(toks, first) == "from"):
            upper, j = second[0], second[1]

    if upper is not None and between:
        first -= 1
    qualifier, first = _qualifier(toks, first)
    if vague and qualifier is None:
        qualifier = lex["vague_qualifier"]
    last = j - 1
    if unit is None:
        unit, last, j = _unit_after(toks, j, last, guess)
        if unit == "":  # a time unit: a duration or an age, not a count
            return None, j
        if from_word and value == 1 and (unit is None or _of_between(toks, i, last)):
            return None, j  # "one of them", "one of the cartels"
    casualty = _casualty(text, toks, first, last)
    if casualty:
        word, last = casualty
        unit = f"{unit} {word}" if unit else word
    if unit is None:
        # Precision first: a bare number ("iPhone 8", a score, a table cell) is not a claim quantity.
        return None, j
    phrase = text[toks[first].start : toks[last].end]
    return Quantity(value=value, qualifier=qualifier, unit=unit, phrase=phrase, upper=upper), j


def _number(text: str, toks: list[Tok], i: int) -> tuple[float, int, bool, bool] | None:
    """(value, index after the number, vague?, written in words?) for a number starting at token i."""
    lex = _lexicon()
    tok = toks[i]
    if tok.kind == "num":
        value = _digits(tok.text)
        if value is None:
            return None
        j = i + 1
        if j < len(toks) and toks[j].kind == "word" and toks[j].start == tok.end:
            glued = toks[j].low
            if glued in lex["glued"]:
                return value * lex["glued"][glued], j + 1, False, False
            if glued in lex["units"] or glued in lex["time_units"]:
                return value, j, False, False  # "50km", "10kg": the unit is read next
            return None  # "20th", "1990s", "3D"
        while j < len(toks) and toks[j].low in lex["multipliers"]:
            value *= lex["multipliers"][toks[j].low]
            j += 1
        return value, j, False, False
    if tok.kind != "word":
        return None
    low = tok.low
    if low in lex["vague"]:
        return _vague(toks, i)
    return _number_words(toks, i)


def _digits(raw: str) -> float | None:
    if THOUSANDS.fullmatch(raw):
        return float(raw.replace(",", ""))
    if PLAIN.fullmatch(raw):
        return float(raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", raw):  # 1.000.000
        return float(raw.replace(".", ""))
    return None


def _vague(toks: list[Tok], i: int) -> tuple[float, int, bool, bool] | None:
    lex = _lexicon()
    value = lex["vague"][toks[i].low]
    j = i + 1
    # "hundreds of thousands", "tens of millions": the second plural scales the first.
    if j + 1 < len(toks) and toks[j].low == "of" and toks[j + 1].low in lex["vague"]:
        value *= lex["vague"][toks[j + 1].low]
        j += 2
    return value, j, True, True


def _number_words(toks: list[Tok], i: int) -> tuple[float, int, bool, bool] | None:
    lex = _lexicon()
    words, mults = lex["number_words"], lex["multipliers"]
    total = current = 0.0
    seen = False
    j = i
    if toks[i].low == "half" and i + 2 < len(toks) and toks[i + 1].low in ("a", "an") and toks[i + 2].low in mults:
        return 0.5 * mults[toks[i + 2].low], i + 3, False, True
    if toks[i].low in ("a", "an"):
        if i + 1 < len(toks) and (toks[i + 1].low in mults or toks[i + 1].low == "dozen"):
            current, seen, j = 1.0, True, i + 1
        else:
            return None
    while j < len(toks) and toks[j].kind == "word":
        low = toks[j].low
        parts = low.split("-")
        if all(p in words and p != "dozen" for p in parts) and len(parts) <= 2:
            if seen and current % 100 and current % 10 == 0 and len(parts) == 1 and words[parts[0]] < 10:
                current += words[parts[0]]  # "twenty five"
            elif seen and current and current % 100:
                break  # "two three" is two numbers, not one
            else:
                current += sum(words[p] for p in parts)
        elif low == "dozen" and (seen or j == i):
            current = (current or 1.0) * 12
        elif low in mults and seen:
            if low == "hundred":
                current *= 100
            else:
                total += current * mults[low]
                current = 0.0
        elif low == "and" and seen and j + 1 < len(toks) and toks[j + 1].low.split("-")[0] in words:
            pass
        else:
            break
        seen = True
        j += 1
    if not seen or j == i:
        return None
    return total + current, j, False, True


def _not_a_count(text: str, toks: list[Tok], i: int, j: int, value: float, from_word: bool) -> bool:
    """True when the number at toks[i:j] is a year, a date, a label, a list marker or glued to letters."""
    lex = _lexicon()
    tok = toks[i]
    prev = _word_before(toks, i, skip_dots=True)
    prev2 = " ".join(t.low for t in toks[max(0, i - 2) : i] if t.kind == "word")
    if prev in lex["labels"] or prev2 in lex["labels"]:
        return True
    if from_word:
        # "Five Eyes", "Group of Seven": a capitalised number word inside a sentence is a name.
        return tok.text[0].isupper() and i > 0 and toks[i - 1].text not in SENTENCE_OPENERS
    before = text[tok.start - 1] if tok.start > 0 else ""
    before2 = text[tok.start - 2] if tok.start > 1 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    after2 = text[tok.end + 1] if tok.end + 1 < len(text) else ""
    if before.isalpha() or before in "#№/:" or (before in DASHES and before2.isalpha()):
        return True  # "G7", "F-35", "COVID-19", "#3"
    if after in "/:" and after2.isdigit():
        return True  # "9/11", "24/7"
    if ORDINAL_SUFFIX.match(text, tok.end):
        return True
    line_start = text.rfind("\n", 0, tok.start) + 1
    if not text[line_start : tok.start].strip(" \t•*-–(") and after in ".)" and (after2.isspace() or not after2):
        return True  # a list marker: "1. ", "2) "
    nxt = toks[j].low if j < len(toks) else ""
    is_int = value == int(value) and "." not in tok.text and "," not in tok.text
    if is_int and j == i + 1:
        if 1 <= value <= 31 and (prev in lex["months"] or nxt in lex["months"]):
            return True  # "Nov. 27", "27 November"
        if 1000 <= value <= 2099:
            if prev in lex["date_words"] or nxt in lex["months"] or nxt in lex["date_words"]:
                return True
            return not _unit_follows(toks, j)
    return False


def _unit_follows(toks: list[Tok], j: int) -> bool:
    lex = _lexicon()
    for tok in toks[j : j + 3]:
        if tok.kind != "word":
            return tok.text == "%"
        if _unit_word(tok.low, lex["units"]) or tok.low in lex["currency_words"]:
            return True
        if tok.low in lex["stop"]:
            return False
    return False


def _of_between(toks: list[Tok], i: int, last: int) -> bool:
    return any(t.low == "of" for t in toks[i + 1 : last + 1])


def _word_before(toks: list[Tok], i: int, skip_dots: bool = False) -> str:
    k = i - 1
    while k >= 0 and (toks[k].text in OPENING_QUOTES or (skip_dots and toks[k].text == ".")):
        k -= 1
    return toks[k].low.rstrip(".") if k >= 0 and toks[k].kind == "word" else ""


def _currency_before(text: str, toks: list[Tok], i: int) -> tuple[str, int] | None:
    symbols = _lexicon()["currency_symbols"]
    k = i - 1
    if k < 0 or toks[k].kind != "sym":
        return None
    symbol = toks[k].text
    if k >= 1 and toks[k - 1].end == toks[k].start and f"{toks[k - 1].text}{symbol}" in symbols:
        return symbols[f"{toks[k - 1].text}{symbol}"], k - 1
    if symbol in symbols:
        return symbols[symbol], k
    return None


def _qualifier(toks: list[Tok], first: int) -> tuple[str | None, int]:
    lex = _lexicon()
    for n in lex["qualifier_lengths"]:  # the longest first: "just over" before "over"
        if first - n >= 0 and (form := tuple(t.low for t in toks[first - n : first])) in lex["qualifiers"]:
            return " ".join(form), first - n
    return None, first


def _unit_after(toks: list[Tok], j: int, last: int, guess: bool) -> tuple[str | None, int, int]:
    """(unit, index of the phrase's last token, index after the quantity); unit "" means a time unit."""
    lex = _lexicon()
    k = j
    while k < len(toks) and toks[k].text in CLOSING_QUOTES:
        k += 1
    for words in lex["percent"]:
        if tuple(t.low for t in toks[k : k + len(words)]) == words:
            return "%", k + len(words) - 1, k + len(words)
    if k < len(toks) and toks[k].low in lex["currency_words"]:
        return lex["currency_words"][toks[k].low], k, k + 1
    if k + 1 < len(toks) and f"{toks[k].low} {toks[k + 1].low}" in lex["currency_words"]:
        return lex["currency_words"][f"{toks[k].low} {toks[k + 1].low}"], k + 1, k + 2
    if k < len(toks) and toks[k].low == "of":
        k += 1
        if k < len(toks) and toks[k].low in ("the", "their", "its", "them", "those", "these"):
            k += 1
        if k < len(toks) and toks[k].low in lex["currency_words"]:
            return lex["currency_words"][toks[k].low], k, k + 1  # "billions of dollars"
    if k < len(toks) and toks[k].text in DASHES and toks[k].start == toks[k - 1].end:
        k += 1  # "10-year", "5-mile"
    candidate: int | None = None  # the first plural-looking word of the run: the head noun of "clandestine airstrips"
    for m in range(k, min(k + 4, len(toks))):
        tok = toks[m]
        if tok.kind != "word":
            break
        low = tok.low.rstrip(".")
        if low in lex["time_units"] or low.split("-")[0] in lex["time_units"]:
            return "", last, m + 1
        pair = (low, toks[m + 1].low) if m + 1 < len(toks) else None
        if pair in lex["multiword_units"]:
            return f"{tok.text} {toks[m + 1].text}", m + 1, m + 2
        # A capitalised word is a unit only as written ("Marines"), so "National Guard" is not "nationals".
        if (low in lex["units"] and PLURAL.search(low)) if tok.text[0].isupper() else _unit_word(low, lex["units"]):
            # Compound nouns end in their head: "overdose deaths", "police officers".
            while m + 1 < len(toks) and toks[m + 1].kind == "word" and toks[m + 1].low not in lex["stop"] and (
                _unit_word(toks[m + 1].low, lex["units"]) or PLURAL.search(toks[m + 1].low)
            ) and toks[m + 1].low not in lex["casualty_after"]:
                m += 1
            return toks[m].text, m, m + 1
        if low in lex["stop"] and not tok.text.isupper():  # "US troops" is not "us"
            break
        if candidate is None and guess and PLURAL.search(low):
            candidate = m
    if candidate is not None:
        return toks[candidate].text, candidate, candidate + 1
    return None, last, j


@functools.lru_cache(maxsize=4096)
def _unit_word(low: str, units: frozenset[str]) -> bool:
    if low in units:
        return True
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and low[: -len(suffix)] + replacement in units:
            return True
    return low + "s" in units or (low.endswith("y") and low[:-1] + "ies" in units) or low == "person"


def _casualty(text: str, toks: list[Tok], first: int, last: int) -> tuple[str, int] | None:
    """What happened to the counted people: a verb before the number or a participle after the noun."""
    lex = _lexicon()
    k = last + 1
    while k < len(toks) and toks[k].low in AUXILIARIES:
        k += 1
    if k < len(toks) and toks[k].low in lex["casualty_after"] and k - last <= 3:
        # "strikes killed 80 people": a participle followed by its object is an active verb.
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or not (nxt.kind == "num" or _number(text, toks, k + 1) or nxt.low in OBJECT_STARTS):
            return toks[k].low, k
    before = _word_before(toks, first)
    participle = lex["casualty_before"].get(before)
    if participle:
        return participle, last
    return None
