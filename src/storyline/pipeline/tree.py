"""A parsed sentence as the coder reads it: the dependency tree over `Document.tokens`.

Takes the token layer the parse stage filled and one sentence's token range, and gives the
questions every later rule asks of the tree: a word's children by label, its subtree, its
subject (through control, coordination and relative clauses), whether it is passive, negated
or under a modal, and which actor mention covers a word. Positions are those of
`Document.tokens`. It knows no lexicon: what words mean is asked by the callers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Mention, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj", "iobj", "dative", "attr", "oprd")
CLAUSAL = ("ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


@dataclass
class Sentence:
    """One parsed sentence: its span, its tokens (positions first..end of `tokens`), and the actor
    mentions inside it, each found by its head word."""

    index: int  # position in Document.sentences
    span: Span
    tokens: list[Token]  # the whole document's token list
    first: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    _children: dict[int, list[int]] = field(default_factory=dict)
    _mention_at: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        tokens, first, end, children = self.tokens, self.first, self.end, self._children
        for i in range(first, end):
            h = tokens[i].head
            if h != i:
                children.setdefault(h, []).append(i)
        if not self.mentions:
            return
        # A sentence's words come in text order, so those a mention covers are one run: from the first word
        # starting inside it, up to the first word starting past its end.
        starts = [tokens[i].start for i in range(first, end)]
        for m in sorted(self.mentions, key=lambda m: m.span.end - m.span.start):  # the longest mention wins
            for i in range(first + bisect_left(starts, m.span.start), end):
                t = tokens[i]
                if t.start > m.span.end:
                    break
                if t.end <= m.span.end:
                    self._mention_at[i] = m

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.first, self.end))

    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def low(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def children(self, i: int, *deps: str) -> list[int]:
        kids = self._children.get(i, [])
        return [k for k in kids if self.tokens[k].dep in deps] if deps else list(kids)

    def child(self, i: int, *deps: str) -> int | None:
        kids = self.children(i, *deps)
        return kids[0] if kids else None

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return None if h == i else h

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        h = self.head(i)
        while h is not None and h not in seen:
            seen.add(h)
            yield h
            h = self.head(h)

    def subtree(self, i: int, skip: Iterable[str] = ()) -> list[int]:
        """i and every word below it, in order; branches whose label is in `skip` are left out."""
        skip = tuple(skip)
        out, todo = [], [i]
        children, tokens = self._children, self.tokens
        while todo:
            j = todo.pop()
            out.append(j)
            kids = children.get(j)
            if kids:
                todo.extend([k for k in kids if tokens[k].dep not in skip] if skip else kids)
        out.sort()
        return out

    def dominates(self, top: int, i: int) -> bool:
        return i == top or top in self.ancestors(i)

    def mention(self, i: int) -> Mention | None:
        """The actor mention covering word i, if any."""
        return self._mention_at.get(i)

    def conjuncts(self, i: int) -> list[int]:
        """i and the words coordinated with it ("Mexico and Canada")."""
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.children(j, "conj"))
        return sorted(out)

    def is_passive(self, i: int) -> bool:
        return bool(self.children(i, "nsubjpass", "auxpass", "csubjpass", "agent"))

    def char_span(self, i: int, j: int | None = None) -> Span:
        j = i if j is None else j
        start, end = self.tokens[i].start, self.tokens[j].end
        off = start - self.span.start
        return Span(start, end, self.span.text[off:off + end - start])

    def text_of(self, ids: list[int]) -> str:
        if not ids:
            return ""
        return self.char_span(min(ids), max(ids)).text

    def root(self) -> int:
        for i in self:
            if self.tokens[i].head == i:
                return i
        return self.first


def sentences(tokens: list[Token], spans: list[Span], mentions: list[Mention]) -> list[Sentence]:
    """The parsed sentences of a document, in order, each with the actor mentions inside it."""
    out: list[Sentence] = []
    i, n = 0, len(tokens)
    actors = sorted((m for m in mentions if m.kind == "actor"), key=lambda m: m.span.start)
    a = 0
    while i < n:
        k = tokens[i].sent
        j = i
        while j < n and tokens[j].sent == k:
            j += 1
        span = spans[k]
        while a < len(actors) and actors[a].span.start < span.start:
            a += 1
        inside = []
        b = a
        while b < len(actors) and actors[b].span.start < span.end:
            inside.append(actors[b])
            b += 1
        out.append(Sentence(k, span, tokens, i, j, inside))
        i = j
    return out
