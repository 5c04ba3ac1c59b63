"""The English pipeline's attribute rules, applied by lookup.

`en_core_web_sm` maps each fine tag to its part of speech and features, and fixes a few lemmas and
labels ("gonna", "ain't"), with about 180 one- or two-word rules run by spaCy's `AttributeRuler`. That
component tries every rule at every word through the general `Matcher`, which costs as much as the
neural parser itself on news text. `AttributeRules` reads the same rules from the loaded component and
tries at each word only those that can match there (found once per tag, form, label and space flag), then
sets the same attributes in the same order (a later rule overrides an earlier one), through spaCy's own
setter. The result is the component's, token for token; `tests/pipeline/test_parse.py` checks it.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler itself calls (spaCy 3.8)

# The token attributes the English rules test, and the column each has in `Doc.to_array`.
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
OTHER_FORM = -1  # in a signature, a lower-case form no rule names (string hashes are never negative)
Predicate = tuple[int, str, Any]  # column, operator ("==", "IN", "NOT_IN", "REGEX"), operand
# Word signatures and lemma look-ups kept for reuse. Every new figure or name is a new word, so a
# table that only grew would grow with the corpus: full, it starts again (its entries are only a
# cache, the results are the same).
SIGNATURES_KEPT = 50_000
LEMMAS_KEPT = 50_000


class AttributeRules:
    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        # rule: (order, predicates per word, index of the word that takes the attributes, normalised attributes)
        self.rules: list[tuple[int, list[list[Predicate]], int, dict[Any, Any]]] = []
        for order in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(order))[1]:
                words = [[self._predicate(key, value) for key, value in word.items()] for word in pattern]
                self.rules.append((order, words, ruler.indices[order], ruler.attrs[order]))
        # A word's tag, form, label and space flag (its signature) decide which one-word rules hold for it, and
        # so the attributes they give, merged once per signature (in rule order, so a later rule overrides),
        # and which longer rules can start at it; only those are tried against the words that follow.
        self.signatures: dict[tuple[int, ...], tuple[list[tuple[int, int]], dict[Any, Any], tuple[int, ...]]] = {}
        self.longer = [n for n, (_, words, _, _) in enumerate(self.rules) if len(words) > 1]
        # The lower-case forms a first word's rule names (==, IN, NOT_IN) or matches (REGEX). Any other form
        # fails or passes every such test alike, so all of them share one signature: a word's signature
        # takes its form only when a rule names or matches it (`forms` remembers which do).
        self.named_forms = {v for _, words, _, _ in self.rules for col, op, operand in words[0]
                            if col == COLUMNS["LOWER"] and op != "REGEX"
                            for v in (operand if isinstance(operand, frozenset) else (operand,))}
        self.form_patterns = [operand for _, words, _, _ in self.rules for col, op, operand in words[0]
                              if col == COLUMNS["LOWER"] and op == "REGEX"]
        self.forms: dict[int, int] = {}
        # One-word rules by what their word needs: a fine tag, a lower-case form, or neither.
        self.single_by_tag: dict[int, list[int]] = {}
        self.single_by_lower: dict[int, list[int]] = {}
        self.single_anywhere: list[int] = []
        for n, (_, words, _, _) in enumerate(self.rules):
            if len(words) > 1:
                continue
            keyed = next(((col, op, val) for col, op, val in words[0] if col in (0, 1) and op in ("==", "IN")), None)
            if keyed is None:
                self.single_anywhere.append(n)
                continue
            col, op, val = keyed
            table = self.single_by_tag if col == 0 else self.single_by_lower
            for v in (val if op == "IN" else (val,)):
                table.setdefault(v, []).append(n)

    def _predicate(self, key: str, value: Any) -> Predicate:
        if key not in COLUMNS:
            raise ValueError(f"attribute rule on {key!r}, which storyline's rule reader does not know")
        col = COLUMNS[key]
        if key == "IS_SPACE":
            return col, "==", int(bool(value))
        if isinstance(value, str):
            return col, "==", self.strings.add(value)
        (op, operand), = value.items()
        if op == "REGEX":
            return col, op, re.compile(operand)
        if op in ("IN", "NOT_IN"):
            return col, op, frozenset(self.strings.add(v) for v in operand)
        raise ValueError(f"attribute rule operator {op!r}, which storyline's rule reader does not know")

    def _holds(self, row: list[int], predicates: list[Predicate]) -> bool:
        for col, op, operand in predicates:
            value = row[col]
            if op == "==":
                if value != operand:
                    return False
            elif op == "IN":
                if value not in operand:
                    return False
            elif op == "NOT_IN":
                if value in operand:
                    return False
            elif operand.search(self.strings[value]) is None:
                return False
        return True

    def _signature(self, row: list[int]) -> tuple[list[tuple[int, int]], dict[Any, Any], tuple[int, ...]]:
        """For a word of this signature (its row, with the form only if a rule names it): (order, rule) of the
        one-word rules that hold, their attributes merged (a later rule's value wins, as when they are set one
        after the other), and the longer rules whose first word it can be."""
        form = self.forms.get(row[1])
        if form is None:
            if len(self.forms) >= SIGNATURES_KEPT:  # one entry per new word seen: a cache, emptied when full
                self.forms.clear()
            text = self.strings[row[1]]
            named = row[1] in self.named_forms or any(p.search(text) for p in self.form_patterns)
            form = self.forms[row[1]] = row[1] if named else OTHER_FORM
        key = (row[0], form, row[2], row[3])
        found = self.signatures.get(key)
        if found is None:
            if len(self.signatures) >= SIGNATURES_KEPT:
                self.signatures.clear()
            candidates = sorted({*self.single_by_tag.get(row[0], ()), *self.single_by_lower.get(row[1], ()),
                                 *self.single_anywhere})
            rules = [(self.rules[n][0], n) for n in candidates if self._holds(row, self.rules[n][1][0])]
            attrs: dict[Any, Any] = {}
            for _, n in rules:
                attrs.update(self.rules[n][3])
            starts = tuple(n for n in self.longer if self._holds(row, self.rules[n][1][0]))
            found = self.signatures[key] = (rules, attrs, starts)
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows: list[list[int]] = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        n = len(doc)
        found = list(map(self._signature, rows))
        longer: dict[int, list[tuple[int, int]]] = {}  # word -> (order, rule) of the longer rules setting it
        for start, (_, _, starts) in enumerate(found):
            for r in starts:
                order, words, index, _ = self.rules[r]
                end = start + len(words)
                if end <= n and all(self._holds(rows[start + k], words[k]) for k in range(1, len(words))):
                    longer.setdefault(start + index if index >= 0 else end + index, []).append((order, r))
        for i, (rules, attrs, _) in enumerate(found):
            if i in longer:
                for _, r in sorted(rules + longer[i]):
                    set_token_attrs(doc[i], self.rules[r][3])
            elif attrs:
                set_token_attrs(doc[i], attrs)
        return doc


class Lemmas:
    """The pipeline's rule lemmatizer with one table for the whole process.

    A lemma from spaCy's English rules depends only on the word's form, part of speech and features (its
    own cache is keyed on those three), so each such triple is looked up once and every later word gets the
    stored lemma through one array write. As in the component, a lemma already set (by an attribute rule)
    is kept. The table keeps the lemma's text, not its id in the string store: a word's strings are
    dropped from the store after its sentence is read (`Language.memory_zone`), and added again when
    the lemma is given once more."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        # The rules test each candidate lemma for membership in a list of every known lemma of that part of
        # speech (57,000 nouns): as sets, a new word costs a few lookups instead of scanning the lists.
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in list(index.keys()):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])
        self.table: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = self.table.get(key)
            if value is None:
                if len(self.table) >= LEMMAS_KEPT:
                    self.table.clear()
                    self.lemmatizer.cache.clear()  # spaCy's own table, keyed the same way
                value = self.table[key] = self.lemmatizer.lemmatize(doc[i])[0]
            rows[i, 3] = strings.add(value)
        doc.from_array([LEMMA], rows[:, 3:])  # type: ignore[arg-type]  # a uint64 column, as to_array gave it
        return doc
