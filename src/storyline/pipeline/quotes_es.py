"""Spanish quotation speakers: `spanish_speakers(doc, first)` re-reads the quotes from `first` on.

The shared reading (quotes.py, quotetree.py) knows English word order. Spanish puts the cue after the
quotation with the subject after the verb or dropped ("«…», dijo el canciller", "—No lo vamos a
permitir —dijo la presidenta", "”, añadió."), and names a speaker by a title or a description
("la mandataria mexicana", "la sede diplomática"). By rule, over the clean text and the actor mentions:

  - a cue verb (lemma in `speech_lemmas` of lexicon/es/quotes.yaml) right after the closing mark,
    with its subject after it ("puntualizó la Embajada") or dropped: `+es:tail`;
  - a cue verb before the quotation in its sentence, whose subject is the noun phrase before the verb
    ("el Ministerio de Defensa de Chile informó en un comunicado que “…”"): `+es:head`;
  - a dropped subject, or a quotation opening a paragraph with no cue, takes the subject of the
    sentence just before (outside quotations), else the previous quotation's speaker when nothing
    stands between them: `+es:previous-subject`, `+es:previous-speaker`;
  - a title resolves to the person the document names with that office ("la presidenta" →
    Claudia Sheinbaum) and a bare body to the document's full name for it ("la Embajada" → "Embajada
    de EE.UU."): `+es:title-person`, `+es:full-name`;
  - a paragraph opening with a dialogue dash ("—No lo vamos a permitir —dijo la presidenta—. Y no lo
    haremos.") holds direct quotations, cut at the narrator's aside (`dash_quotes`, rule `quote:direct:dash`);
  - a capitalised quotation right after a noun ("la cumbre “Puentes del Sur”") is the
    thing's name, never a quotation of anyone: `+es:name`.
A speaker the shared reading took from a named person next to a cue is kept. Names inside quotations
are never speakers, nor is the byline (it is not in the clean text).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon_data import per_user_files, stage
from ..model import Actor, Document, Mention, Quote, Span
from .eventroles import Context, mention_actor
from .parse_es import lemma

NOT_ATTRIBUTED = (":reference", ":heading", ":term")
WORD = re.compile(r"\w+(?:[.]\w+)*\.?|[^\w\s]")
SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”»’]|$)|\n")
NP_MAX_WORDS = 10
DIALOGUE = re.compile(r"^[^\S\n]*[—–](?=[¿¡\"«“]?[^\W\d_])", re.MULTILINE)
# The narrator's aside inside a dialogue paragraph: " —dijo la presidenta—." (a dash, then a small letter).
ASIDE = re.compile(r"[^\S\n]*[—–](?=[a-záéíóúñü])")
ASIDE_END = re.compile(r"[—–][.,;:]?[^\S\n]*")
MIN_RESUMED_WORDS = 3
ALIAS = frozenset({"alias", "apodado", "apodada", "apodo", "como", "llamado", "llamada", "denominado", "denominada"})
VENUE = frozenset({"en", "durante", "desde", "ante", "mediante", "tras", "vía"})


RELATIVES = frozenset({"que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas"})


@dataclass(frozen=True)
class EsQuoteLexicon:
    speech: frozenset[str]
    determiners: frozenset[str]
    titles: dict[str, str]
    descriptions: dict[str, str]
    heads: frozenset[str]
    not_subject: frozenset[str]


@per_user_files
def lexicon() -> EsQuoteLexicon:
    """lexicon/es/quotes.yaml and the `quotes:` sections of the user files marked `lang: es`."""
    data: dict[str, Any] = stage("es/quotes.yaml")
    return EsQuoteLexicon(
        speech=frozenset(str(w) for w in data["speech_lemmas"]),
        determiners=frozenset(str(w) for w in data["speaker_determiners"]),
        titles={str(k).lower(): str(v) for k, v in data["title_heads"].items()},
        descriptions={str(k).lower(): str(v).lower() for k, v in data["descriptions"].items()},
        heads=frozenset(str(w).lower() for w in data["source_nouns"]),
        not_subject=frozenset(str(w).lower() for w in data["not_subject"]),
    )


@dataclass
class _Np:
    """A speaker noun phrase: its words (determiner dropped) and where they are."""

    text: str
    start: int
    end: int


class _Reader:
    def __init__(self, doc: Document, first: int) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.spans = sorted((q.span.start, q.span.end) for q in doc.quotes)
        self.ctx = Context(doc.mentions, [])
        self.mentions = [m for m in self.ctx.actors if not self.quoted(m.span.start)]
        self.starts = [m.span.start for m in self.mentions]

    def quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self.spans, (pos, len(self.text) + 1)) - 1
        return any(a <= pos < b for a, b in self.spans[max(0, k - 3):k + 1])

    # -- sentences ---------------------------------------------------------------------------------

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence holding pos: after the last full stop or line break outside quotations."""
        best = self.text.rfind("\n", 0, pos) + 1
        for m in SENTENCE_END.finditer(self.text, best, pos):
            if m.group() != "\n" and not self.quoted(m.start()):
                best = m.end()
        return best

    def words(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text, lo, hi)
                if not self.quoted(m.start())]

    def speech_verb(self, w: str) -> bool:
        low = w.lower()
        return w.isalpha() and (low in self.lex.speech or lemma(low) in self.lex.speech)

    def verb(self, w: str) -> bool:
        from .parse_es import tag

        low = w.lower()
        return w.isalpha() and w[:1].islower() and tag(w, lemma(low), False)[0] in ("VERB", "AUX")

    # -- noun phrases ------------------------------------------------------------------------------

    def np_before(self, lo: int, v: int) -> _Np | None:
        """The subject before the verb at v in [lo, v): the last comma-free stretch that names someone."""
        seg = self.text[lo:v]
        parts: list[tuple[int, int]] = []
        at = lo
        for piece in re.split(r"([,;:—–]|\bque\b)", seg):
            if piece and not re.fullmatch(r"[,;:—–]|que", piece):
                parts.append((at, at + len(piece)))
            at += len(piece)
        for a, b in reversed(parts):
            np = self._np(a, b)
            if np is not None:
                return np
            if self.text[a:b].strip():
                words = self.text[a:b].split()
                if any(self.verb(w) for w in words) or len(words) > 3:
                    return None  # a clause of its own stands between: no subject here
        return None

    def dropped_before(self, lo: int, v: int) -> bool:
        """Nothing before the verb at v reads as its subject: only adverbs and the like since the clause
        began ("Además, informó que ..."), so the subject is dropped, not merely unread."""
        seg = re.split(r"[,;:—–]|\bque\b", self.text[lo:v])[-1]
        return all(w.lower() in self.lex.not_subject for w in re.findall(r"\w+", seg))

    def unnamed_after(self, v: int, hi: int) -> _Np | None:
        """'dijo un testigo', 'añadió el vocero': a noun phrase with a determiner after the verb, kept as
        the words that describe the speaker."""
        m = re.match(r"[^\S\n]*([^,.;:!?()\n“”«»\"—–]*)", self.text[v:hi])
        words = m.group(1).split() if m else []
        # "afirmó un funcionario que pidió el anonimato": the description ends where its relative clause begins
        words = words[:next((n for n, w in enumerate(words) if n and w.lower() in RELATIVES), len(words))]
        if len(words) < 2 or len(words) > 5 or words[0].lower() not in self.lex.determiners:
            return None
        if any(self.verb(w) for w in words[1:]) or words[1].lower() in self.lex.not_subject:
            return None
        a = v + m.start(1) if m else v
        cut = next((n for n, w in enumerate(words[1:], 1) if w.lower() in VENUE), len(words))
        phrase = " ".join(words[1:cut])
        start = a + len(words[0]) + 1
        return _Np(phrase, start, start + len(phrase)) if phrase else None

    def np_after(self, v: int, hi: int) -> _Np | None:
        """An inverted subject right after the verb ending at v: up to the next punctuation."""
        m = re.match(r"[^\S\n]*([^,.;:!?()\n“”«»\"—–]*)", self.text[v:hi])
        if not m:
            return None
        a = v + m.start(1)
        b = a + len(m.group(1).rstrip())
        words = self.text[a:b].split()
        if not words or len(words) > 8:
            return None
        # "añadió en un comunicado": a venue, not a subject.
        if words[0].lower() in ("en", "a", "ante", "durante", "tras", "desde", "con", "por", "sobre", "al"):
            return None
        return self._np(a, b)

    def _np(self, a: int, b: int) -> _Np | None:
        while a < b and self.text[a].isspace():
            a += 1
        while b > a and self.text[b - 1].isspace():
            b -= 1
        words = self.text[a:b].split()
        if not words or len(words) > NP_MAX_WORDS:
            return None
        while words and words[0].lower() in self.lex.determiners:
            a += len(words[0])
            while a < b and self.text[a].isspace():
                a += 1
            words = words[1:]
        if not words or words[0].lower() in self.lex.not_subject:
            return None
        # "la embajada en México", "el estadunidense en Truth Social": a place or venue ends the phrase.
        for n, w in enumerate(words[1:], 1):
            if w.lower() in VENUE:
                words = words[:n]
                while len(words) > 1 and words[-1].lower() in ("de", "del"):
                    words = words[:-1]
                b = a + len(" ".join(words)) if self.text[a:b].startswith(" ".join(words)) else b
                break
        # "el canciller venezolano rechazó las acusaciones y calificó ...": the subject ends at its first verb
        # (a verb-like word inside a name the lexicon knows stays: the phrase is the name)
        at = a
        for n, w in enumerate(words):
            start = self.text.find(w, at)
            at = start + len(w)
            if n and self.verb(w) and not self._mentions(start, at):
                words = words[:n]
                b = start
                while b > a and self.text[b - 1].isspace():
                    b -= 1
                break
        if any(self.verb(w) for w in words[1:]) and not self._mentions(a, b):
            return None
        named = bool(self._mentions(a, b)) or words[0][:1].isupper() or words[0].lower() in self.lex.heads \
            or " ".join(words[:2]).lower() in self.lex.descriptions
        return _Np(self.text[a:b], a, b) if named else None

    def _mentions(self, a: int, b: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, a)
        return [m for m in self.mentions[lo:] if m.span.start < b and m.span.end <= b + 1]

    # -- who a noun phrase is ----------------------------------------------------------------------

    def actor(self, np: _Np, pos: int) -> tuple[Actor | None, str]:
        inside = self._mentions(np.start, np.end)
        people = [m for m in inside if m.value.get("form") == "person"]
        if people:
            return mention_actor(people[-1].value, people[-1].span.text), ""
        head = np.text.split()[0].lower()
        if head in self.lex.titles and not any(w[:1].isupper() for w in np.text.split()[1:3]
                                               if w.lower() not in ("de", "del")):
            country = next((m.value.get("country") for m in inside if m.value.get("country")), None)
            lo = self.sentence_start(pos)
            person = self.ctx.title_person(self.lex.titles[head], pos, lo, lo, country)
            if person is not None:
                return person, "+es:title-person"
        if len(inside) == 1 and inside[0].value.get("form") == "adjective" and len(np.text.split()) == 1:
            # "publicó el estadunidense": the person of that country named last before.
            country = inside[0].value.get("country")
            k = bisect.bisect_left(self.starts, np.start)
            for m in reversed(self.mentions[:k]):
                if m.value.get("form") == "person" and m.value.get("country") == country:
                    return mention_actor(m.value, m.span.text), "+es:demonym-person"
        key = self.lex.descriptions.get(" ".join(np.text.lower().split()[:2]), self.lex.descriptions.get(head, head))
        bare = len(np.text.split()) <= 2 and not any(m.value.get("country") for m in inside)
        if bare:
            full = self._full_name(key, np.start)
            if full is not None:
                return full, "+es:full-name"
        withcountry = [m for m in inside if m.value.get("country")]
        best = next((m for m in withcountry if m.value.get("sector")), withcountry[0] if withcountry else None)
        if best is None:
            best = inside[0] if inside else None
        if best is None:
            return Actor(np.text), ""
        v = best.value
        return Actor(np.text, v.get("country"), v.get("sector"), v.get("id")), ""

    def _full_name(self, head: str, pos: int) -> Actor | None:
        """The latest body named before pos whose name starts with this head word and says its country."""
        k = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:k]):
            words = m.span.text.split()
            if words and words[0].lower() == head and m.value.get("country") and len(words) > 1:
                v = m.value
                return Actor(m.span.text, v.get("country"), v.get("sector"), v.get("id"))
        return None

    def subject(self, lo: int, hi: int) -> _Np | None:
        """The subject of the first verb in [lo, hi) that has one before it."""
        for a, _b, w in self.words(lo, hi):
            if self.verb(w):
                np = self.np_before(lo, a)
                if np is not None:
                    return np
                return None
        return None


def dash_quotes(doc: Document, first: int) -> None:
    """Append the quotations of dialogue paragraphs ("—…"), then keep `doc.quotes[first:]` in text order."""
    text = doc.text
    if not text or ("—" not in text and "–" not in text):
        return
    taken = [(q.span.start, q.span.end) for q in doc.quotes[first:]]
    new: list[Quote] = []
    for m in DIALOGUE.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if any(a < line_end and m.start() < b for a, b in taken):
            continue
        pieces: list[tuple[int, int]] = []
        start = m.end() - 1  # the dash itself opens the quotation
        while start < line_end:
            aside = ASIDE.search(text, start + 1, line_end)
            end = aside.start() if aside else line_end
            pieces.append((start, end))
            if aside is None:
                break
            close = ASIDE_END.search(text, aside.end(), line_end)
            if close is None:
                break
            start = close.end()
            if len(text[start:line_end].split()) < MIN_RESUMED_WORDS:
                break
        for n, (a, b) in enumerate(pieces):
            inner_start = a + 1 if n == 0 else a
            while b > inner_start and text[b - 1] in " \t":
                b -= 1
            inner = text[inner_start:b]
            if not inner.strip():
                continue
            new.append(Quote(Span(a, b, text[a:b]), inner, None, None, True, None, "quote:direct:dash"))
    if new:
        rest = sorted([*doc.quotes[first:], *new], key=lambda q: q.span.start)
        doc.quotes[first:] = rest


def _strong(q: Quote) -> bool:
    """A speaker the shared reading read off a named person next to a cue."""
    sp = q.speaker
    if sp is None or "+es:" in q.rule:
        return False
    by_cue = any(k in q.rule for k in ("+after", "+before", "+colon", "+signature", "+tree-speaker"))
    return by_cue and sp.id is not None and not sp.id.isupper() and sp.name[:1].isupper()


def spanish_speakers(doc: Document, first: int) -> None:
    if not doc.text or first >= len(doc.quotes):
        return
    r = _Reader(doc, first)
    previous: Quote | None = None
    for q in doc.quotes[first:]:
        if any(k in q.rule for k in NOT_ATTRIBUTED):
            continue
        if not q.direct and _name_of(r, q):
            q.speaker, q.rule = None, q.rule + "+es:name"
            continue
        found = _read(r, q, previous)
        if found is not None and not _strong(q):
            q.speaker, q.rule = found[0], q.rule + found[1]
        if q.speaker is not None:
            previous = q


def _read(r: _Reader, q: Quote, previous: Quote | None) -> tuple[Actor, str] | None:
    text = r.text
    end = q.span.end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # A tail cue: '”, añadió.' / '», dijo el canciller' / ' —dijo la presidenta'.
    m = re.match(r"[^\S\n]*[,.]?[^\S\n]*[—–-]?[^\S\n]*(\w+)", text[end:line_end])
    if m and r.speech_verb(m.group(1)) and m.group(1)[:1].islower():
        v = end + m.end(1)
        if (named := _speaker(r, r.np_after(v, line_end), q, "+es:tail")) is not None:
            return named
        unnamed = r.unnamed_after(v, line_end)
        if unnamed is not None:
            return Actor(unnamed.text), "+es:tail+es:unnamed"
        return _dropped(r, q, previous, "+es:tail")
    # A head cue in the quotation's own sentence: 'X informó en X que “…”'.
    lo = r.sentence_start(q.span.start)
    for a, _b, w in reversed(r.words(lo, q.span.start)):
        if r.speech_verb(w) and w[:1].islower():
            if (named := _speaker(r, r.np_before(lo, a), q, "+es:head")) is not None:
                return named
            if not r.dropped_before(lo, a):
                return None  # a subject stands there that is not read as anyone: say nothing
            return _dropped(r, q, previous, "+es:head")
    if q.speaker is None and q.direct and text[text.rfind("\n", 0, q.span.start) + 1:q.span.start].strip() == "":
        return _dropped(r, q, previous, "")
    if ":dash" in q.rule and previous is not None and previous.speaker is not None \
            and "\n" not in text[previous.span.end:q.span.start]:
        return previous.speaker, "+es:after-aside"  # "—… —dijo la presidenta—. …": she goes on
    return None


def _speaker(r: _Reader, np: _Np | None, q: Quote, how: str) -> tuple[Actor, str] | None:
    """The quotation's speaker as the noun phrase names it, with `how` and how the phrase was read
    appended to the rule; None when there is no phrase or it names no one."""
    if np is None:
        return None
    actor, read = r.actor(np, q.span.start)
    return (actor, how + read) if actor is not None else None


def _dropped(r: _Reader, q: Quote, previous: Quote | None, how: str) -> tuple[Actor, str] | None:
    """A dropped subject: the subject of the sentence just before, else the previous quotation's speaker."""
    text = r.text
    lo = r.sentence_start(q.span.start)
    own = r.subject(lo, q.span.start) if lo < q.span.start else None
    if (named := _speaker(r, own, q, how + "+es:subject")) is not None:
        return named
    prev_end = lo
    while prev_end > 0 and (text[prev_end - 1].isspace() or r.quoted(prev_end - 1)):
        prev_end -= 1
    between_quote = previous is not None and previous.span.end >= prev_end - 1
    if not between_quote and prev_end > 0:
        subject = r.subject(r.sentence_start(prev_end - 1), prev_end)
        if (named := _speaker(r, subject, q, how + "+es:previous-subject")) is not None:
            return named
    if previous is not None and previous.speaker is not None and q.span.start - previous.span.end < 1200:
        return previous.speaker, how + "+es:previous-speaker"
    return None


def _name_of(r: _Reader, q: Quote) -> bool:
    """A name in marks, not a quotation: 'la cumbre “Puentes del Sur”' (a capitalised
    quotation right after determiner + noun), 'alias ‘El Mencho’', a short run of capitalised words."""
    inner = q.text.strip()
    if not inner[:1].isupper():
        return False
    before = r.text[max(0, q.span.start - 40):q.span.start].split()
    words = inner.strip(" ,.;").split()
    if before and before[-1].lower() in ALIAS:
        return True  # "alias ‘El Mencho’", "conocido como “El Chapo”"
    if 0 < len(words) <= 4 and all(w[:1].isupper() for w in words):
        return True  # a name in marks ("Los Cuinis"), not words anyone said
    if len(before) < 2:
        return False
    noun, det = before[-1].lower(), before[-2].lower()
    return det in r.lex.determiners and noun.isalpha() and not r.speech_verb(noun) and not noun[:1].isupper() \
        and noun not in r.lex.not_subject
