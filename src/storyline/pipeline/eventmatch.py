"""Trigger matching on the tree: which words of a parsed sentence are PLOVER triggers.

Takes a `tree.Sentence` and the event lexicon, and gives one `Hit` per trigger word: the word,
the other words of its phrase ("hold talks", "drone strike", "call for"), and the first reading
of `lexicon/triggers.yaml` whose conditions hold. A verb reading matches a word the parser tags
as a verb with that lemma; a noun reading a noun with that lemma (its earlier words as the
words right before it); an adjective reading a predicate adjective ("is willing to").
Conditions (`needs`, `unless`, `after`, `within`) are read over the words after the trigger
inside its own subtree, by lemma or by the written word ("demand*" by prefix).

A participle describing a noun ("sanctioned tankers", "the man killed in the attack") and a
verb used as an adjective are never triggers. It does not decide roles or status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .eventlex import EventLexicon, Trigger
from .tree import Sentence

VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")
# Words that put a capitalised "March" in time: "in March", "since March", "by early March"
MONTH_CUES = frozenset({"in", "since", "until", "till", "by", "from", "through", "to", "early", "late", "mid",
                        "last", "next", "this", "of", "before", "after", "during", "between", "and", "or", "each",
                        "every", "on"})
DESCRIBING = ("amod", "compound")


@dataclass
class Hit:
    head: int  # the word the reading is keyed on (a verb's first word, a noun's last)
    words: list[int]  # every word of the trigger phrase, in order
    trigger: Trigger

    @property
    def noun(self) -> bool:
        return self.trigger.pos == "noun"

    @property
    def first(self) -> int:
        return self.words[0]

    @property
    def last(self) -> int:
        return self.words[-1]


def find(sent: Sentence, lex: EventLexicon) -> list[Hit]:
    hits: list[Hit] = []
    taken: set[int] = set()
    for i in sent:
        if i in taken:
            continue
        t = sent.tok(i)
        readings: tuple[Trigger, ...] = lex.heads.get(t.lemma, ())
        if t.text.lower() != t.lemma:  # "talks", "raids", "sanctions": a noun listed as written, its lemma a verb's
            readings = (*readings, *lex.heads.get(t.text.lower(), ()))
        if not readings and t.pos == "VERB":  # a form the parser's lemmatizer does not know ("retook")
            from .parse import possible_lemmas

            readings = next((lex.heads[w] for w in sorted(possible_lemmas(t.text.lower())) if w in lex.heads), ())
        if not readings:
            continue
        for reading in readings:
            words = _words(sent, i, reading)
            if words is None or not _conditions(sent, i, words, reading):
                continue
            hits.append(Hit(i, words, reading))
            taken.update(words)
            break
    return hits


def _words(sent: Sentence, i: int, r: Trigger) -> list[int] | None:
    """The trigger phrase's words if the word at i can be this reading's head, else None."""
    t = sent.tok(i)
    parts = r.lemma.split()
    if r.pos == "verb":
        if t.pos not in VERB_TAGS or _describes(sent, i):
            return None
        if parts[0] != t.lemma and parts[0] != t.text.lower():
            from .parse import possible_lemmas

            if parts[0] not in possible_lemmas(t.text.lower()):
                return None
        words = [i]
        j = i
        below = set(sent.subtree(i))
        for w in parts[1:]:  # "call for", "hold talks", "pay tribute to": later words nearby, below the verb
            k = next((k for k in range(j + 1, min(j + 5, sent.end)) if k in below and is_word(sent, k, w)), None)
            if k is None and j == i:  # "forced the relief agency, Caritas, out": the verb's own particle
                k = next((k for k in sent.children(i, "prt", "prep", "advmod") if k > i and is_word(sent, k, w)), None)
            if k is None:
                return None
            words.append(k)
            j = k
        return words
    if r.pos == "noun":
        if t.pos not in NOUN_TAGS:
            return None
        if not (is_word(sent, i, parts[-1]) or t.text.lower() == parts[-1]):
            return None
        if _month(sent, i):
            return None
        words = [i]
        for n, w in enumerate(reversed(parts[:-1]), 1):  # "drone strike": the words right before it
            k = i - n
            if k < sent.first or sent.low(k) != w:
                return None
            words.insert(0, k)
        return words
    if r.pos == "adjective":
        if t.pos != "ADJ" or t.dep not in ("acomp", "ROOT", "xcomp", "ccomp", "conj"):
            return None
        return [i]
    return None


def _month(sent: Sentence, i: int) -> bool:
    """The month "March" ("in March", "March 3", "early March 2024"), not a march: capitalised, after a
    word of time or before a number."""
    if sent.tok(i).text != "March":
        return False
    before = sent.low(i - 1) if i > sent.first else ""
    after = sent.tok(i + 1).text if i + 1 < sent.end else ""
    return before in MONTH_CUES or after[:1].isdigit()


def _describes(sent: Sentence, i: int) -> bool:
    """A participle or verb standing as a modifier of a noun: "sanctioned tankers", "weapons seized
    last year", "the man killed in the attack" (but "boats carrying drugs" is no trigger either)."""
    t = sent.tok(i)
    if t.dep in DESCRIBING:
        return True
    if t.dep == "acl" and t.tag in ("VBN", "VBD") and _closing_clause(sent, i):
        return False  # "..., a farmers' union protested here Friday.": the closing clause's own verb
    if t.dep == "acl" and t.tag == "VBN":
        h = sent.head(i)
        if h is not None and sent.tok(h).dep in ("ROOT", "appos") and sent.tok(h).pos in ("NOUN", "PROPN") \
                and not any(sent.tok(k).pos == "VERB" and sent.tok(k).dep == "ROOT" for k in sent.ancestors(i)):
            return False  # "Hundreds of students protested ...": the parser hung the main verb on its subject
        return not sent.children(i, "auxpass", "aux")
    return False


def _closing_clause(sent: Sentence, i: int) -> bool:
    """A verb the parser hung on a noun after a comma at the end of the sentence ("..., a rights group
    protested on Monday."): the noun phrase opens after the comma, and the verb takes no object."""
    h = sent.head(i)
    if h is None or h >= i:
        return False
    start = min(sent.subtree(h))
    if start <= sent.first or sent.low(start - 1) != ",":
        return False
    last = max(k for k in range(sent.first, sent.end) if sent.tok(k).pos != "PUNCT")
    if max(sent.subtree(i)) < last:
        return False
    return not sent.children(i, "dobj", "obj", "ccomp", "xcomp")


def is_word(sent: Sentence, k: int, word: str) -> bool:
    t = sent.tok(k)
    low = t.text.lower()
    if word.endswith("*"):
        stem = word[:-1]
        return low.startswith(stem) or t.lemma.startswith(stem)
    return low == word or t.lemma == word


def _window(sent: Sentence, i: int, words: list[int], within: int) -> list[int]:
    """The words a reading's conditions are read over: after the trigger, below it; for a verb in a
    relative clause or a passive, also the noun it acts on ("the tariffs that Trump decided to pause",
    "tariffs were paused")."""
    below = set(sent.subtree(i))
    last = words[-1]
    out = [k for k in range(last + 1, min(last + 1 + within, sent.end)) if k in below]
    cur = i
    for _ in range(3):
        t = sent.tok(cur)
        h = sent.head(cur)
        if h is None or t.dep not in ("relcl", "xcomp", "acl"):
            break
        if t.dep in ("relcl", "acl"):
            out = sorted({*out, *range(max(sent.first, h - 2), h + 1)})
            break
        cur = h
    subjects = list(sent.children(i, "nsubjpass"))
    coordinated = sent.head(i)
    if not subjects and not sent.children(i, "nsubj") and sent.tok(i).dep == "conj" and coordinated is not None:
        subjects = list(sent.children(coordinated, "nsubjpass"))  # "was drafted and signed by": the shared subject
    for k in subjects:
        out = sorted({*out, *sent.subtree(k, skip=("relcl", "acl", "prep"))})
    t = sent.tok(i)
    h = sent.head(i)
    if t.pos in ("NOUN", "PROPN") and h is not None and t.dep in ("dobj", "obj") and sent.tok(h).pos == "VERB":
        # "opened a hearing into ...": the parser hangs the noun's phrase on its verb
        verb_side = set(sent.subtree(h, skip=("nsubj", "nsubjpass", "advcl", "ccomp")))
        out = sorted({*out, *(k for k in range(last + 1, min(last + 1 + within, sent.end)) if k in verb_side)})
    return out


def _own_preposition(sent: Sentence, i: int, words: list[int], r: Trigger) -> bool:
    """A verb's needed preposition standing past the window as the verb's own phrase: "charged the
    former army chief of staff of the republic with treason"."""
    if r.pos != "verb":
        return False
    own = [k for k in sent.children(i, "prep", "agent", "dative") if k > words[-1]]
    return any(is_word(sent, k, p) for k in own for p in r.needs if " " not in p and not p.endswith("*"))


def _subject_is(sent: Sentence, i: int, words: tuple[str, ...]) -> bool:
    """The verb's subject is headed by one of these words ("a car bomb exploded", "a mine went off")."""
    return any(is_word(sent, s, w) for s in sent.children(i, "nsubj") for w in words)


def names_any(sent: Sentence, h: Hit, phrases: Iterable[str], within: int | None = None) -> bool:
    """Whether one of `phrases` stands in the words the hit's conditions are read over (within
    `within` words of the trigger, by default the reading's own reach)."""
    window = _window(sent, h.head, h.words, h.trigger.within if within is None else within)
    return any(phrase_at(sent, window, tuple(p.split())) for p in phrases)


def phrase_at(sent: Sentence, window: list[int], phrase: tuple[str, ...]) -> bool:
    ws = window
    for n, k in enumerate(ws):
        if all(n + m < len(ws) and ws[n + m] == k + m and is_word(sent, k + m, w) for m, w in enumerate(phrase)):
            return True
    return False


def _predicated(sent: Sentence, i: int) -> list[int]:
    """What a verb says its object is: "called the raid [illegal]", "described the vote [as a fraud]"; nothing
    when its object is a relative word ("what the ministry describes as a threat": a label quoted, no blame)."""
    if not any(sent.tok(o).tag not in ("WP", "WDT") for o in sent.children(i, "dobj", "obj")):
        return []
    out = [k for c in sent.children(i, "oprd") for k in sent.subtree(c)]
    out += [k for p in sent.children(i, "prep") if sent.low(p) == "as" for k in sent.subtree(p)]
    return sorted(out)


def _conditions(sent: Sentence, i: int, words: list[int], r: Trigger) -> bool:
    if r.after:
        before = words[0] - 1
        if before < sent.first or sent.low(before) not in r.after:
            return False
    if r.subject and not r.needs and not _subject_is(sent, i, r.subject):
        return False
    if r.people_object and not any(
            (m := sent.mention(o)) is not None and m.value.get("form") in ("people", "person", "unknown_person")
            for o in sent.children(i, "dobj", "obj")):
        return False
    if r.predicate:
        said = _predicated(sent, i)
        return bool(said) and any(phrase_at(sent, said, tuple(p.split())) for p in r.needs)
    if r.needs or r.unless:
        window = _window(sent, i, words, r.within)
        if r.needs and not any(phrase_at(sent, window, tuple(p.split())) for p in r.needs) \
                and not _own_preposition(sent, i, words, r) and not _subject_is(sent, i, r.subject):
            return False
        if r.unless and any(phrase_at(sent, window, tuple(p.split())) for p in r.unless):
            return False
    return True
