"""The records storyline works with, as plain dataclasses.

A `RawInput` is what a source reader yields: bytes or text plus whatever the
source itself knew (URL, title, date). The pipeline turns it into a `Document`
and fills the document's derived records stage by stage. Every derived record
keeps its evidence: character offsets into `Document.text` and the rule that
produced it.

Nothing here does I/O; `store/` persists these and `export` renders them in the
shape of the export contract.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
RawFormat = Literal["html", "text"]


@dataclass
class RawInput:
    """One article as a source reader found it, before any cleaning."""

    source: str  # the path or URL as the user gave it (plus a locator for records inside a container)
    content: bytes | str
    format: RawFormat
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the source stated it; parsed by the clean stage
    # True when `content` is already the article's text (a JSONL `text`, a posted text), not a page dump:
    # the clean stage then keeps it whole instead of classifying its lines as a web page's blocks.
    article: bool = False
    # What makes two spellings of one input the same input (a file's resolved path, plus the locator);
    # `source` stays as the user gave it, for display. Empty: the source itself.
    key: str = ""
    # A stable hash of the raw bytes, used to skip inputs already ingested.
    raw_hash: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.source
        if not self.raw_hash:
            data = self.content.encode("utf-8", "surrogatepass") if isinstance(self.content, str) else self.content
            self.raw_hash = hashlib.sha256(data).hexdigest()[:32]


@dataclass
class IngestError:
    """An input that could not be used, with the stage that refused it."""

    source: str
    stage: str
    error: str

    @property
    def id(self) -> str:
        return stable_id("ingest_error", self.source, self.stage, self.error)


@dataclass
class Span:
    """A stretch of `Document.text`, by character offsets, with the words it covers."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Token:
    """One word of a parsed sentence: where it is, its lemma, part of speech and dependency arc.

    `head` and every index are positions in `Document.tokens`; the root of a sentence is its own
    head. `sent` is the position of its sentence in `Document.sentences`. A language parsed by
    rules only (no statistical parser) leaves `dep` empty and every word its own head."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str  # Universal POS: VERB, NOUN, PROPN, AUX, ADP, ...
    tag: str  # the fine tag (Penn Treebank for English): VBD, VBN, NNS, ...
    dep: str  # nsubj, dobj, prep, pobj, ccomp, xcomp, advcl, conj, neg, aux, agent, ...
    head: int
    sent: int
    morph: str = ""  # "Mood=Cnd|Tense=Fut|..." where the parser gives it


@dataclass
class Actor:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None
    id: str | None = None  # lexicon id, or a document-local id for unknown people

    def as_record(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "sector": self.sector, "id": self.id}


@dataclass
class Mention:
    """An actor, place or date found in the text, resolved to a canonical form."""

    kind: Literal["actor", "place", "date"]
    span: Span
    value: dict[str, Any]
    rule: str


@dataclass
class Quote:
    span: Span
    text: str
    speaker: Actor | None
    cue: str | None
    direct: bool
    venue: str | None = None
    rule: str = ""


@dataclass
class Quantity:
    value: float
    qualifier: str | None
    unit: str | None
    phrase: str
    upper: float | None = None  # the top of a range ("between 80 and 83")


@dataclass
class Claim:
    span: Span
    text: str
    quantities: list[Quantity]
    attributed_to: str | None
    citations: list[int]
    rule: str = ""


@dataclass
class CitationIssue:
    issue: str
    marker: int | None
    detail: str
    span: Span | None = None


@dataclass
class DateIssue:
    """A date that cannot be right (the datechecks stage): the words it came from and the record it is on."""

    issue: str  # event_after_publication | stale_newcomer
    detail: str
    span: Span | None
    record: tuple[str, int] | None = None  # ("event" | "mention", index into Document.events / .mentions)


@dataclass
class Event:
    type: str
    mode: str | None
    actor: Actor | None
    recipient: Actor | None
    status: str
    evidence: Span  # the sentence
    trigger: Span
    rule: str
    date: str | None = None
    date_precision: Precision | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    magnitude: dict[str, int | None] = field(default_factory=lambda: {"killed": None, "injured": None, "count": None})
    intensity: float | None = None
    reported_by: str | None = None
    confidence: float = 0.5
    background: bool = False  # the sentence recaps an earlier event rather than reporting news


@dataclass
class Document:
    """One article: its clean text, metadata, and everything the pipeline derived from it."""

    source: str
    raw: bytes | str = ""
    raw_format: RawFormat = "text"
    raw_hash: str = ""
    source_key: str = ""  # RawInput.key: what identifies the input however its path was spelled
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    published_at: str | None = None  # the page's own publication timestamp (UTC, minutes), when it gives one
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    text: str = ""
    removed: list[str] = field(default_factory=list)  # the boilerplate blocks taken out, in order
    removed_blocks: int = 0
    duplicate_of: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)  # what the source reader knew (title, date)
    # Filled by later stages.
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # the parse stage's token layer, sentence by sentence
    parsed: list[int] = field(default_factory=list)  # positions in `sentences` that were parsed
    # Sentences written in another language than `language` (position -> ISO 639-1): an English paragraph
    # or quoted statement on a Spanish page, parsed and coded in its own language.
    sentence_language: dict[int, str] = field(default_factory=dict)
    coded: bool = True  # False when no coder reads the document's language (`coded_reason` says why)
    coded_reason: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    citation_issues: list[CitationIssue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    date_issues: list[DateIssue] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """The hash of the normalised text (`content_hash`), worked out once per text: the store asks for it
        when it queues the document and again for every document of the batch it writes."""
        kept = self.__dict__.get("_content_hash")  # (text, hash); not a field, so never stored or compared
        if kept is None or kept[0] is not self.text:
            kept = self.__dict__["_content_hash"] = (self.text, content_hash(self.text))
        return str(kept[1])

    @property
    def input_id(self) -> str:
        """The id of the input this document came from: its key (else its source) and its raw bytes."""
        return stable_id(self.source_key or self.source, self.raw_hash)


def normalise_text(text: str) -> str:
    """The form two copies of one article share: NFKC, plain quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    for curly, plain in _PLAIN_QUOTES:  # a C scan each: several times faster than str.translate on a long text
        text = text.replace(curly, plain)
    return " ".join(text.split()).lower()  # runs of space as one, none at the ends


_PLAIN_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "))


@lru_cache(maxsize=64)  # the store asks for a document's hash several times while it writes it
def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: object) -> str:
    """A short id that is the same every time for the same parts (what makes re-runs idempotent)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]
