"""Quotations and their speakers: `extract(doc)` appends `Quote` records to `doc.quotes`.

Takes a `Document` whose `text` is the clean body (paragraphs separated by blank
lines). Uses `doc.mentions` (actor mentions) when an earlier stage left them, to
fill a speaker's country, sector and id; works without them.

Finds quotations in double marks, curly (“ ”), straight (") or low/angle („ «»),
including the news convention where a quotation runs over several paragraphs
that each open with a mark and only the last closes; and in single marks (‘ ’)
when they open and close like quotation marks (an apostrophe in "It’s" or
"Trump’s" never does). Quotations nested in another are part of it.

Each quotation is classified:

- direct (`direct=True`): it stands where a sentence or clause starts (start of
  a paragraph, after ". ", ":", ","), or runs over paragraphs; attributed by a
  speech cue after it ('"...," he told reporters'), before it ('Trump told
  reporters: "..."'), at the end of the previous paragraph ('Smith continued:'),
  by a passive's agent ('"..." was written by Smith'),
  or, with no cue, by continuation from the attributed quotation just before it
  in the paragraph or the paragraph before, or from the speaker of a report that
  ends the sentence or the paragraph before ('..., Smith says. Still, "..."');
- partial or scare quote (`direct=False`): words in marks inside running text;
  attributed only when its own sentence has a speech cue with a speaker near it,
  or a passive's agent right after it;
- never attributed: quotations in headings (a short line of its own), in
  reference-list entries ("[12] Council on Foreign Relations. "...""), terms
  in mention ('the term "land strikes"', 'so-called "war"') and nicknames inside
  a name ('Robert C. "Bobby" Lark', kept as a term; the name runs across it).

Each `Quote` keeps its span (marks included), the text inside the marks, the cue
words and a venue phrase, and a `rule` saying how it was found and attributed.

It resolves "they"/"it" only to an organisation named just before, or "it" to a
document that spoke just before (see `quotespeaker`); it does not attribute paraphrase (indirect speech), or use
`doc.sentences` (it finds the few sentence edges it needs itself).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Document, Quote, Span
from .quotenames import Named, lexicon
from .quotespeaker import Cue, SpeakerIndex
from .quotetree import refine

OPENERS = {"“": "curly", "„": "curly", "«": "angle"}
CLOSERS = {"”": "curly", "»": "angle"}
PARAGRAPH = re.compile(r"[^\n]+")
DOUBLE_MARK = re.compile("[\"“”„«»]|’’|''")  # two single closers (’’ or '') can close a double quotation
SINGLE_MARK = re.compile("[‘’']")
BULLET = re.compile(r"[\s•·*\-–]*")
REFERENCE = re.compile(r"\s*(?:\[\d{1,3}\]|\^|↑|\d{1,3}[.)]\s+[A-Z][^.]{0,80}\.\s+[“\"])")
SENTENCE_BREAK = re.compile(r"([.!?…])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
# '"..." ― Pamela Padilla': a name after a dash ends the quotation's line.
DASH_SIGNATURE = re.compile(r"[^\S\n]*[―—–-]+[^\S\n]*(?=[A-Z])")
# The same signature after the last closing mark of a paragraph that quotes marks inside its quotation.
LINE_SIGNATURE = re.compile(r"[”\"’'][.,]?[^\S\n]*[―—–]+[^\S\n]*(?=[A-Z][^”\"“]*$)")
# A passive whose agent is the speaker or writer: '“...” was written by ...', '“...,” were the words spoken by ...'.
PASSIVE_BY = re.compile(r"[,.]?\s+(?:was|were|is|are|had been|has been)\s+(?:\w+ly\s+)?(?:first\s+)?"
                        r"(?:written|said|sung|spoken|uttered|tweeted|posted|coined|penned|delivered|shouted|chanted)"
                        r"\s+by\s+(?=[A-Z])")
# A cue that goes on to report words indirectly ("added that", "said on Monday that").
REPORTS_THAT = re.compile(r"(?:\s+\w+){0,3}?\s+that\b"
                          r"(?!\s+(?:day|night|morning|afternoon|evening|week|month|year|time)\b)")
WORD_BEFORE = re.compile(r"(\w+)\.?$")
NESTED_QUOTE = re.compile(r"[“‘][^”’]*[”’]")
FIRST_SECOND_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
# Forty words: several sentences of reporting, longer than nearly any quoted remark without an I or a we.
EXCERPT_WORDS = 40
CLAUSE_START = ".!?:;,—–-(…[“\"‘"
SENTENCE_PUNCT = ".!?,;:…—–-"
# A heading is a short line of its own; twenty words is longer than nearly any headline.
HEADING_MAX_WORDS = 20
# How far (in tokens) a cue may sit from the quotation it attributes.
TAIL_TOKENS = 12
HEAD_GAP_TOKENS = 8
APPOSITION_TOKENS = 40
PARTIAL_GAP_TOKENS = 15
# A name in marks ("‘Blue Lantern’", "“Road to Nowhere”") runs to a few words, small linking words lowercase.
NAME_MAX_WORDS = 6
NAME_LINKS = frozenset({"of", "the", "and", "to", "a", "an", "in", "on", "for", "de", "la", "at", "with"})


@dataclass
class Piece:
    """One paragraph's part of a quotation: the opening mark, the words, the end of the closing mark."""

    open: int
    start: int
    end: int
    close: int


@dataclass
class Found:
    pieces: list[Piece]
    family: str  # curly | straight | angle | single
    para: int  # index of the paragraph of the first piece
    closed: bool = False
    last_para: int = 0
    nickname: bool = False  # 'Robert C. "Bobby" Lark': a name's own part, never a quotation

    @property
    def start(self) -> int:
        return self.pieces[0].open

    @property
    def end(self) -> int:
        return self.pieces[-1].close


@dataclass
class Attribution:
    speaker: Named | None = None
    cue: Cue | None = None
    how: str = ""
    direct: bool = False


def extract(doc: Document) -> Document:
    """Append the document's quotations, with speakers where the text gives them, to `doc.quotes`."""
    first = len(doc.quotes)
    _extract_marks(doc)
    if doc.language == "es":
        from .quotes_es import dash_quotes, spanish_speakers

        dash_quotes(doc, first)
        spanish_speakers(doc, first)
    return doc


def _extract_marks(doc: Document) -> None:
    """The quotations in marks, attributed by the word-order reading, then refined from the tree."""
    text = doc.text
    if not text or not any(c in text for c in "“\"„«‘'"):
        return
    paras = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]
    found = _scan_double(text, paras)
    found += _scan_single(text, paras, found)
    found.sort(key=lambda f: f.start)
    if not found:
        return
    # A nickname in marks inside a name ('Del. Nina "Nin" Pell') is read as blank, so the name runs across it.
    masked = text
    for f in found:
        f.nickname = _nickname(text, f)
        if f.nickname:
            masked = masked[: f.start] + " " * (f.end - f.start) + masked[f.end :]
    # An excerpt's names and cues are the text's own (see `_excerpt`); every other quotation's are not.
    quoted = [(f.start, f.end) for f in found if not f.nickname and not _excerpt(text, paras, f)]
    index = SpeakerIndex(masked, quoted, list(doc.mentions))
    attributed: dict[int, Attribution] = {}
    cover = Cover(found)
    first = len(doc.quotes)
    for n in range(len(found)):
        quote, attr = _quote(text, paras, found, n, index, attributed, cover)
        attributed[n] = attr
        doc.quotes.append(quote)
    refine(doc, first, index)


# -- finding quotations ------------------------------------------------------------------------------


def _around(text: str, pos: int, ps: int, pe: int) -> tuple[str, str]:
    """The characters either side of a quote mark at pos, a space beyond the ends of its paragraph [ps, pe)."""
    return (text[pos - 1] if pos > ps else " "), (text[pos + 1] if pos + 1 < pe else " ")


def _straight(prev: str, nxt: str, open_now: bool) -> str:
    """Whether a straight double quote opens or closes, from the characters either side of it."""
    open_like = (prev.isspace() or prev in "([{—–-/") and not nxt.isspace()
    close_like = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-…")
    if open_like and not close_like:
        return "open"
    if close_like and not open_like:
        return "close"
    return "close" if open_now else "open"


def _scan_double(text: str, paras: list[tuple[int, int]]) -> list[Found]:
    found: list[Found] = []
    carry: Found | None = None
    for pi, (ps, pe) in enumerate(paras):
        stack: list[str] = []
        cur: Found | None = None
        i = ps
        if carry is not None:
            m = _skip_bullets(text, ps)
            fam = OPENERS.get(text[m]) if m < pe else None
            if m < pe and (fam == carry.family or (text[m] == '"' and carry.family == "straight")):
                cur, carry = carry, None
                cur.pieces.append(Piece(m, m + 1, m + 1, m + 1))
                cur.last_para = pi
                stack, i = [cur.family], m + 1
            else:
                found.append(carry)
                carry = None
        for mark in DOUBLE_MARK.finditer(text, i, pe):
            pos = mark.start()
            c = text[pos]
            prev, after = _around(text, pos, ps, pe)
            width = mark.end() - pos
            if width == 2:
                # '“...,’’ she said': two single closers end the open double quotation, if one is open
                after = text[pos + 2] if pos + 2 < pe else " "
                if not stack or prev.isspace() or not (after.isspace() or after in ".,;:!?"):
                    continue
                kind, fam = "close", stack[-1]
            elif c == '"':
                kind, fam = _straight(prev, after, "straight" in stack), "straight"
            elif c in OPENERS:
                kind, fam = "open", OPENERS[c]
                # A “ written where ” belongs ("...end.“ he said") closes the open quotation.
                if stack and stack[-1] == fam and not prev.isspace() and (after.isspace() or after in ",.;:"):
                    kind = "close"
            elif c in CLOSERS:
                kind, fam = "close", CLOSERS[c]
                if fam not in stack and prev.isspace() and after.isalnum():
                    kind = "open"
            else:
                continue
            if kind == "open":
                if not stack:
                    cur = Found([Piece(pos, pos + 1, pos + 1, pos + 1)], fam, pi, last_para=pi)
                stack.append(fam)
            elif stack:
                # A closer of another family ("“...," with a straight close) ends the innermost quotation.
                if fam in stack:
                    while stack and stack.pop() != fam:
                        pass
                else:
                    stack.pop()
                if not stack and cur is not None:
                    cur.pieces[-1].end, cur.pieces[-1].close, cur.closed = pos, pos + width, True
                    found.append(cur)
                    cur = None
        if cur is not None:
            end = pe
            while end > cur.pieces[-1].start and text[end - 1].isspace():
                end -= 1
            cur.pieces[-1].end = cur.pieces[-1].close = end
            carry = cur
    if carry is not None:
        found.append(carry)
    # An unclosed quotation that no paragraph continues is kept only when it reads like one.
    return [f for f in found if f.closed or len(f.pieces) > 1 or len(_inner(text, f).split()) >= 4]


def _scan_single(text: str, paras: list[tuple[int, int]], doubles: list[Found]) -> list[Found]:
    """Quotations in single marks: an opener at a word start, a closer at a word end, one paragraph."""
    taken = sorted((f.start, f.end) for f in doubles)
    starts = [a for a, _ in taken]
    out: list[Found] = []
    for pi, (ps, pe) in enumerate(paras):
        opened: int | None = None
        for mark in SINGLE_MARK.finditer(text, ps, pe):
            pos = mark.start()
            c = text[pos]
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < taken[k][1]:
                continue
            prev, nxt = _around(text, pos, ps, pe)
            if c in "‘'" and (prev.isspace() or prev in "([—–-/") and nxt.isalnum():
                opened = pos
            elif c in "’'" and opened is not None and (prev.isalnum() or prev in ".,!?") and (
                nxt.isspace() or nxt in ".,;:!?)—–…"
            ):
                out.append(Found([Piece(opened, opened + 1, pos, pos + 1)], "single", pi, True, pi))
                opened = None
    return out


def _excerpt(text: str, paras: list[tuple[int, int]], f: Found) -> bool:
    """A passage of reporting quoted from another article: long, in the third person (no I, we or you
    outside the quotations it quotes), filling its paragraphs. The people it names and the cues in it
    ("Melanie thought ...") are antecedents and cues like the article's own."""
    if text[paras[f.para][0] : f.start].strip() or text[f.end : paras[f.last_para][1]].strip():
        return False
    inner = NESTED_QUOTE.sub(" ", _inner(text, f))
    return len(inner.split()) >= EXCERPT_WORDS and FIRST_SECOND_PERSON.search(inner) is None


NICKNAME = re.compile(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?")
NAME_BEFORE = re.compile(r"([A-Z][\w’'-]*\.?)[^\S\n]$")
NAME_AFTER = re.compile(r"[^\S\n]([A-Z][\w’'-]+)")


def _nickname(text: str, f: Found) -> bool:
    """A nickname in marks inside a person's name: one or two capitalised words right after a given name
    or an initial and right before a capitalised surname, on one line ('Robert C. "Bobby" Lark',
    'Nina “Nin” Pell')."""
    if len(f.pieces) != 1 or not f.closed or not NICKNAME.fullmatch(text[f.pieces[0].start : f.pieces[0].end]):
        return False
    before = NAME_BEFORE.search(text, max(0, f.start - 30), f.start)
    after = NAME_AFTER.match(text, f.end)
    if before is None or after is None:
        return False
    lex = lexicon()
    word = before.group(1)
    given = word in lex.male_names or word in lex.female_names or (len(word) == 2 and word.endswith("."))
    return given and after.group(1) not in lex.non_name_words


def _skip_bullets(text: str, pos: int) -> int:
    m = BULLET.match(text, pos)
    return m.end() if m else pos


def _inner(text: str, f: Found) -> str:
    """The words inside the marks; a continued quotation keeps its paragraph breaks, not its re-opening marks."""
    parts = [text[f.pieces[0].start : f.pieces[0].end]]
    for prev, p in itertools.pairwise(f.pieces):
        parts.append(re.sub(r"\S", "", text[prev.end : p.open]) + text[p.start : p.end])
    return "".join(parts)


# -- classifying and attributing ----------------------------------------------------------------------


def _is_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s.split()) > HEADING_MAX_WORDS:
        return False
    last = s[-1]
    return not (last in ".,;:" or (last in "”\"’'" and len(s) > 1 and s[-2] in ".!?,"))


def _sentence_start(text: str, lo: int, pos: int, cover: Cover) -> int:
    """Start of the sentence holding pos, looking no further back than lo."""
    best = lo
    for m in SENTENCE_BREAK.finditer(text, lo, pos):
        if cover.covers(m.start()) or _abbreviation(text, m.start()):
            continue
        best = m.end()
    return best


def _sentence_end(text: str, pos: int, hi: int, cover: Cover) -> int:
    for m in SENTENCE_BREAK.finditer(text, pos, hi):
        if not cover.covers(m.start()) and not _abbreviation(text, m.start()):
            return m.start() + 1
    return hi


def _abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    w = m.group(1)
    return w in lexicon().abbreviations or (len(w) == 1 and w.isupper())


class Cover:
    """Whether a position lies inside some quotation (they may nest or overlap), by bisection."""

    def __init__(self, found: list[Found]) -> None:
        # found is sorted by start; reach[k] is the furthest end among the first k+1 quotations.
        self.starts = [f.start for f in found]
        self.reach = list(itertools.accumulate((f.end for f in found), max))

    def covers(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


def _term_before(before: str) -> bool:
    words = re.findall(r"[\w\-]+", before[-80:].lower())[-4:]
    for marker in lexicon().term_markers:
        if tuple(words[-len(marker) :]) == marker or (len(marker) == 1 and words[-2:-1] == list(marker)):
            return True
    return False


def _a_name(inner: str, family: str) -> bool:
    """Words in marks that read as a name (a title, a product, a slogan): a few words, each capitalised,
    with no sentence punctuation (a comma may close them), in single marks or of two words or more."""
    inner = inner.rstrip(",")  # a title in a list: '“Black Water,” “China Grove”'
    words = inner.split()
    if not words or len(words) > NAME_MAX_WORDS or (len(words) == 1 and family != "single"):
        return False
    if any(c in inner for c in SENTENCE_PUNCT + "?\""):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_LINKS for w in words) and words[0][:1].isupper()


def _short_sentence_after_speech(text: str, f: Found, inner: str, found: list[Found], n: int,
                                 done: dict[int, Attribution]) -> bool:
    """A short quoted sentence (capitalised, ending in . ! or ?) that follows, in its paragraph, a direct
    quotation with a speaker, with one sentence at most between them: the speaker's next words."""
    body = inner.strip()
    if not body[:1].isupper() or body[-1:] not in ".!?" or f.family == "single":
        return False
    for m in range(n - 1, -1, -1):
        g = found[m]
        if g.last_para != f.para:
            return False
        attr = done.get(m)
        if attr is None or not attr.direct:
            continue
        between = text[g.end : f.start]
        return attr.speaker is not None and len(SENTENCE_BREAK.findall(between)) <= 1 and not (
            DOUBLE_MARK.search(between))
    return False


def _tokens_between(index: SpeakerIndex, a: int, b: int) -> int:
    return index.tok_at(b) - index.tok_at(a)


def _tail_cue(text: str, index: SpeakerIndex, f: Found, hi: int, strict: bool) -> Cue | None:
    """A cue that opens the rest of the sentence after the quotation: '"...," he told reporters.'"""
    close = f.end
    k = bisect.bisect_left(index.cue_starts, close)
    limit = TAIL_TOKENS if not strict else HEAD_GAP_TOKENS
    for cue in index.cues[k:]:
        first = index.tokens[cue.first].start if cue.first < len(index.tokens) else cue.start
        # The speaker must come soon after the quotation; an apposition may then delay the verb.
        if cue.start >= hi or _tokens_between(index, close, min(first, cue.start)) > limit:
            return None
        if _tokens_between(index, close, cue.start) > APPOSITION_TOKENS:
            return None
        gap = text[close:first]
        if first < close or ("," in gap.strip(" ,—–-") and not cue.inverted):
            return None
        if strict and gap.strip() and not gap.strip(" ,")[:1].isupper() and cue.speaker is None:
            return None
        # '“...ended.” Lind added that the family ...': a new sentence reports other words, indirectly.
        if strict and not cue.inverted and REPORTS_THAT.match(text, cue.end):
            return None
        return cue
    return None


def _cues_back(index: SpeakerIndex, lo: int, hi: int) -> Iterator[Cue]:
    """The cues that start in [lo, hi), the last first."""
    k = bisect.bisect_left(index.cue_starts, hi) - 1
    while k >= 0 and index.cues[k].start >= lo:
        yield index.cues[k]
        k -= 1


def _according_to(index: SpeakerIndex, lo: int, pos: int) -> Cue | None:
    """An "according to" earlier in the sentence, however far: it sources the whole sentence
    ('The governor, according to her office, made ... for a “routine check”')."""
    return next((cue for cue in _cues_back(index, lo, pos) if cue.verb == "according to" and cue.end <= pos), None)


def _cue_between(index: SpeakerIndex, lo: int, hi: int, own: Cue | None, cover: Cover) -> Cue | None:
    """The last cue in [lo, hi) with a named person speaking, other than `own` (the cue of the quotation
    before) and outside quotations."""
    for cue in _cues_back(index, lo, hi):
        if cue is not own and cue.end <= hi and not cover.covers(cue.start) and cue.speaker is not None \
                and cue.speaker.kind == "person":
            return cue
    return None


HELD = re.compile(r"[’']s\b")


def _subject_just_before(text: str, index: SpeakerIndex, lo: int, pos: int, cover: Cover) -> Named | None:
    """The named person who opens the whole sentence ending right before the quotation at pos, when that
    sentence starts after lo (the quotation before) and is no quotation's: the one the text turned to."""
    head = text[lo:pos].rstrip()
    if not head.endswith((".", "!", "?")):
        return None
    starts = index._sentence_starts_cached()
    k = bisect.bisect_right(starts, index.tok_at(pos) - 1) - 1
    if k < 0:
        return None
    first = starts[k]
    if index.tokens[first].start < lo or cover.covers(index.tokens[first].start) or index.tokens[first].start >= pos:
        return None
    named = index._opening_name(first)
    if named is None or named.kind != "person":
        return None
    # "Smith's aide said ...": the possessor is no subject
    return None if HELD.search(text, named.start, named.end + 2) else named


def _head_cue(text: str, index: SpeakerIndex, lo: int, pos: int, gap: int) -> Cue | None:
    """The last cue before pos in [lo, pos) with at most `gap` tokens between it and pos."""
    return next((cue for cue in _cues_back(index, lo, pos)
                 if cue.end <= pos and _tokens_between(index, cue.end, pos) <= gap), None)


def _quote(
    text: str,
    paras: list[tuple[int, int]],
    found: list[Found],
    n: int,
    index: SpeakerIndex,
    done: dict[int, Attribution],
    cover: Cover,
) -> tuple[Quote, Attribution]:
    f = found[n]
    ps, pe = paras[f.para]
    line = text[ps:pe]
    inner = _inner(text, f)
    words = len(inner.split())
    before = text[_skip_bullets(text, ps) : f.start].rstrip()
    prev_char = before[-1:] if before else ""
    open_position = not before or prev_char in CLAUSE_START
    prev_word = re.findall(r"\w+", before)[-1:] if before else []
    after_cue = bool(prev_word) and prev_word[0].lower() in lexicon().cue_verbs and inner[:1].isupper()
    kind = f.family
    span = Span(f.start, f.end, text[f.start : f.end])

    def record(direct: bool, attr: Attribution, rule: str) -> tuple[Quote, Attribution]:
        speaker = index.actor(attr.speaker) if attr.speaker is not None else None
        cue = attr.cue
        cue_text = text[cue.start : cue.end] if cue is not None else None
        venue = cue.venue if cue is not None else None
        if cue is not None and venue is None and attr.how == "before":
            venue = index.venue_before(index.tok_at(_sentence_start(text, ps, cue.start, cover)), cue.first)
        attr.direct = direct
        how = f"+{attr.how}" if attr.how else ""
        if attr.speaker is not None and attr.speaker.resolved_from:
            how += f"+{attr.speaker.resolved_from}"
        if attr.speaker is not None and attr.speaker.kind == "document":
            how += "+document"
        return Quote(span, inner, speaker, cue_text, direct, venue, f"quote:{rule}:{kind}{how}"), attr

    if f.nickname:
        return record(False, Attribution(), "term")
    if REFERENCE.match(line):
        return record(False, Attribution(), "reference")
    dash = DASH_SIGNATURE.match(text, f.end, paras[f.last_para][1]) if not before else None
    if dash is None and not before:
        last_ps, last_pe = paras[f.last_para]
        dash = LINE_SIGNATURE.search(text, max(f.end - 1, last_ps), last_pe)
    signed = index.name_at(dash.end()) if dash is not None else None
    if signed is not None:
        return record(True, Attribution(signed, None, "signature"), "direct")
    if _is_heading(line) and len(f.pieces) == 1:
        return record(False, Attribution(), "heading")
    if _term_before(before):
        return record(False, Attribution(), "term")
    if before and _a_name(inner, f.family):
        return record(False, Attribution(), "term")  # 'the lounge is ‘Blue Lantern’': a name, not a remark

    last_pe = paras[f.last_para][1]
    nxt = [g.start for g in found[n + 1 :] if g.start < last_pe and not g.nickname]
    hi = min([last_pe, *nxt])
    tail_hi = _sentence_end(text, f.end, hi, cover)
    ends_sentence = inner.rstrip()[-1:] in ".!?"
    tail = _tail_cue(text, index, f, tail_hi, strict=ends_sentence)
    prev_end = max([g.end for g in found[:n] if g.end > ps and g.end <= f.start and not g.nickname], default=ps)
    head_lo = max(_sentence_start(text, ps, f.start, cover), prev_end)
    # A sentence a colon introduces ('a new campaign message: "It's about me."') is quoted whole, however short.
    introduced = before.endswith(":") and inner[:1].isupper() and inner.rstrip()[-1:] in ".!?" and f.family != "single"
    direct = len(f.pieces) > 1 or ((open_position or after_cue) and words >= 4) or introduced
    if not direct and open_position and before and _short_sentence_after_speech(text, f, inner, found, n, done):
        direct = True  # '"...," said Kowalski, a retired nurse. "Nobody else does."': she goes on speaking
    if not direct and open_position and inner.rstrip()[-1:] in SENTENCE_PUNCT and tail is not None:
        direct = f.family != "single"
    if f.family == "single" and direct and tail is None:
        direct = False

    agent = PASSIVE_BY.match(text, f.end, tail_hi) if tail is None else None
    by = index.np_right(index.tok_at(agent.end())) if agent else None
    if by is not None and by.kind not in ("person", "other", "org"):
        by = None
    if not direct:
        lo = _sentence_start(text, ps, f.start, cover)
        cue = tail or _head_cue(text, index, lo, f.start, PARTIAL_GAP_TOKENS) or _according_to(index, lo, f.start)
        if cue is not None and cue.speaker is not None:
            return record(False, Attribution(cue.speaker, cue, "after" if cue is tail else "before"), "partial")
        if by is not None:
            return record(False, Attribution(by, None, "by"), "partial")
        return record(False, Attribution(), "partial")

    if tail is not None:
        return record(True, Attribution(tail.speaker, tail, "after"), "direct")
    if by is not None:
        return record(True, Attribution(by, None, "by"), "direct")  # '“...” was written by Springsteen'
    head = _head_cue(text, index, head_lo, f.start, HEAD_GAP_TOKENS)
    if head is not None and head.verb == "according to":
        # 'Kasich said, according to CNN, “...”': the source of the report sits between the cue and its words.
        k = bisect.bisect_left(index.cue_starts, head.start) - 1
        said = index.cues[k] if k >= 0 else None
        if said is not None and said.speaker is not None and said.end >= head_lo \
                and text[said.end : head.start].strip() == ",":
            head = said
    if head is not None and not re.search(r"[.!?;]\s*$", text[head.end : f.start]):
        return record(True, Attribution(head.speaker, head, "before"), "direct")
    at_para_start = not before
    # A colon introduces the quotation, at the end of this sentence or of the paragraph before.
    colon_at = None
    if before.endswith(":"):
        colon_at = (head_lo, ps + len(text[ps : f.start].rstrip()) - 1)
    elif at_para_start and f.para > 0:
        pps, ppe = paras[f.para - 1]
        if text[pps:ppe].rstrip().endswith(":"):
            colon = text.rindex(":", pps, ppe)
            colon_at = (_sentence_start(text, pps, colon, cover), colon)
    if colon_at is not None:
        lo, colon = colon_at
        cue = _head_cue(text, index, lo, colon, PARTIAL_GAP_TOKENS)
        if cue is not None:
            return record(True, Attribution(cue.speaker, cue, "colon"), "direct")
        named = index.name_before(colon) or index.subject_of(lo, colon)
        if named is not None:
            return record(True, Attribution(named, None, "colon"), "direct")
    # No cue: the quotation continues the attributed one just before it.
    for m in range(n - 1, -1, -1):
        g, attr = found[m], done.get(m)
        same_para = g.last_para == f.para
        prev_para = at_para_start and g.last_para == f.para - 1
        if not (same_para or prev_para):
            break
        # A partial quotation with its own cue after it ('because "...," she said.') counts as attributed.
        if attr is None or not (attr.direct or attr.how == "after"):
            continue
        if attr.speaker is not None:
            # '"...," A said. On present funding, B said, ... "..."': B, reported between, speaks on.
            other = _cue_between(index, g.end, f.start, attr.cue, cover)
            if other is not None and other.speaker is not None and other.speaker.name != attr.speaker.name:
                return record(True, Attribution(other.speaker, None, "paraphrase-before"), "direct")
            # '"...," A said. B took up the point again. "...?"': the sentence just before, about B, hands over.
            subject = _subject_just_before(text, index, max(g.end, attr.cue.end if attr.cue else 0), f.start, cover)
            if subject is not None and subject.name != attr.speaker.name \
                    and subject.name.split()[-1] != attr.speaker.name.split()[-1]:
                return record(True, Attribution(subject, None, "previous-subject"), "direct")
            return record(True, Attribution(attr.speaker, None, "continued"), "direct")
        break
    # 'Smith also noted that ...' then a paragraph that is all quotation: Smith goes on speaking; so too
    # in the sentence after '..., Smith says.' within one paragraph.
    if at_para_start and f.para > 0 and not any(g.last_para == f.para - 1 for g in found[:n]):
        pps, ppe = paras[f.para - 1]
        lo = _sentence_start(text, pps, ppe, cover)
        cue = _head_cue(text, index, lo, ppe, APPOSITION_TOKENS)
        if cue is not None and cue.speaker is not None and cue.speaker.kind == "person":
            return record(True, Attribution(cue.speaker, None, "paraphrase-before"), "direct")
    own = _sentence_start(text, ps, f.start, cover)
    prev_end = len(text[:own].rstrip())
    if not at_para_start and own > ps and text[prev_end - 1 : prev_end] == "." and not any(
            ps <= g.end <= own for g in found[:n]):
        lo = _sentence_start(text, ps, prev_end - 1, cover)
        cue = next(_cues_back(index, lo, prev_end), None)
        if cue is not None and cue.speaker is not None and cue.speaker.kind == "person" \
                and _tokens_between(index, cue.end, prev_end) <= 1:
            return record(True, Attribution(cue.speaker, None, "paraphrase-before"), "direct")
    return record(True, Attribution(), "direct")
