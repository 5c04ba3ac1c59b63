"""Numeric claims: `extract(doc)` appends to `doc.claims`.

Takes a `Document` with `sentences` (from `segment`; computed on the fly when
empty) and gives one `Claim` per sentence that states at least one quantity:
the sentence span and text, every quantity in it (`quantities.find_quantities`),
who it is attributed to, and the inline citation markers it carries as ints.

A sentence is skipped when it lies in the page's reference list (numbers in
"[12] Council on Foreign Relations …" are not claims) or is a question.

Attribution, from the sentence itself, tried in this order (the `rule` says
which one fired):

- `according-to`: "according to X", "data from X" (prefixes in the lexicon);
- `source-verb`: "X said", "X told reporters", "U.S. officials estimated";
- `verb-source`: "…, said X";
- `quote-speaker`: the speaker of a quote (from an earlier `quotes` stage, if
  it ran) whose span overlaps the sentence.

X is a run of capitalised words ("Anne Milgram", "the Drug Enforcement
Administration") or a generic source noun with its modifiers ("Mexican
officials"); pronouns and sentence openers are never names.

It does not judge whether a claim is true, resolve pronouns, or compare
figures across documents (that is `link/`).
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon_data import per_user_files
from ..model import Claim, Document, Span
from .citations import cited_numbers, reference_entries
from .quantities import claims_data, find_quantities

CAP = r"[A-Z][\w’'.&\-]*"
NAME = rf"{CAP}(?:\s+(?:(?:of|for|de|del|la|on|and)\s+(?:the\s+)?)?{CAP}){{0,6}}"
QUESTION_END = re.compile(r"\?[”’\"')\]]*$")
POSSESSIVE = re.compile(r"['’]s?$")


@per_user_files
def _patterns() -> dict[str, Any]:
    data = claims_data()
    verbs = "|".join(sorted(map(re.escape, data["attribution_verbs"]), key=len, reverse=True))
    prefixes = "|".join(sorted(map(re.escape, data["attribution_prefixes"]), key=len, reverse=True))
    generic = "|".join(sorted(map(re.escape, data["generic_sources"]), key=len, reverse=True))
    # A generic source keeps up to three words before it: "Japan's defense ministry", "U.S. officials".
    source = rf"(?:(?:[\w.’'\-]+\s+){{0,3}}(?:{generic})\b|{NAME})"
    return {
        "according-to": re.compile(rf"(?i:\b(?:{prefixes}))\s+(?P<who>(?:(?i:the|a|an)\s+)?{source})"),
        "source-verb": re.compile(
            rf"(?P<who>(?:(?i:the)\s+)?{source})(?:\s*,[^,]{{1,90}},)?\s+(?:{verbs})\b"
        ),
        "verb-source": re.compile(rf"[,”\"]\s*(?:{verbs})\s+(?P<who>{NAME})"),
        # What "source-verb" needs somewhere (a space, then a verb): most sentences lack it, and the cheap
        # test spares them the search for a source at every word.
        "verb-after-space": re.compile(rf"\s(?:{verbs})\b"),
        "not_names": frozenset(w.lower() for w in data["not_names"]),
        "needs_owner": frozenset(w.lower() for w in data["needs_owner"]),
    }


def extract(doc: Document) -> Document:
    """Append one `Claim` per sentence of `doc` that states a quantity."""
    text = doc.text
    listed = [(e.span.start, e.span.end) for e in reference_entries(text)]
    english = doc.language in (None, "en", "es")  # languages whose unit nouns the lexicon lists
    for sentence in doc.sentences:
        if any(start <= sentence.start < end for start, end in listed):
            continue
        if QUESTION_END.search(sentence.text):
            continue
        quantities = find_quantities(text, sentence.start, sentence.end, guess_units=english)
        if not quantities:
            continue
        who, how = attribution(sentence.text)
        if who is None:
            who, how = _quote_speaker(doc, sentence)
        doc.claims.append(
            Claim(
                span=Span(sentence.start, sentence.end, sentence.text),
                text=sentence.text,
                quantities=quantities,
                attributed_to=who,
                citations=cited_numbers(text, sentence.start, sentence.end),
                rule="claims:quantity" + (f"+{how}" if how else ""),
            )
        )
    return doc


def attribution(sentence: str) -> tuple[str | None, str | None]:
    """(who the sentence credits, the rule that found it), or (None, None)."""
    patterns = _patterns()
    for rule in ("according-to", "source-verb", "verb-source"):
        if rule == "source-verb" and not patterns["verb-after-space"].search(sentence):
            continue
        for m in patterns[rule].finditer(sentence):
            who = _clean_name(m.group("who"))
            if who:
                return who, rule
    return None, None


def _clean_name(raw: str) -> str | None:
    patterns = _patterns()
    words = raw.split()
    while words and words[0].lower().strip("’'") in patterns["not_names"]:
        words.pop(0)
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in patterns["needs_owner"]:
        return None
    name = " ".join(words).rstrip(",.")
    return POSSESSIVE.sub("", name) if name.endswith(("’s", "'s")) else name


def _quote_speaker(doc: Document, sentence: Span) -> tuple[str | None, str | None]:
    for quote in doc.quotes:
        if quote.speaker and quote.span.start < sentence.end and sentence.start < quote.span.end:
            return quote.speaker.name, "quote-speaker"
    return None, None
