"""The clean stage: raw page -> clean article text and metadata.

HTML goes through `htmlclean` (trafilatura); plain text through `textclean`'s
block classifier and `textmeta`. Text that came as the article itself (a JSONL
`text`, a posted text: `hints["article"]`) goes through the classifier too, in
case it is a page dump, but when the classifier keeps too little of it (a
one-sentence brief) the text is kept whole: the length gates are for page dumps.
Whatever the source reader already knew (a JSONL record's title, a feed item's
date) is used where the page itself says nothing. A page without article text raises `ExtractionError`, which becomes
an ingest_error record.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import ExtractionError
from ..model import Document, Precision
from .htmlclean import clean_html
from .textclean import join_blocks, split_dump
from .textmeta import parse_date_line, read_meta

# Fewer words than this is no article in a page dump (a stub, a captcha page, a menu).
MIN_ARTICLE_WORDS = 15
# An HTML page's body as trafilatura finds it is short article enough from this many words (a one-line brief).
MIN_HTML_WORDS = 6
REMOVED_KEPT = 400  # removed blocks stored per document, for the "what was dropped" view
PRECISION_BY_LENGTH: dict[int, Precision] = {10: "day", 7: "month", 4: "year"}  # YYYY-MM-DD, YYYY-MM, YYYY


def warm() -> None:
    """Import trafilatura and htmldate now, not on the first HTML page (called when the pipeline is built), and
    gather the all-language jusText stop list trafilatura's last fallback reads (about a second, once; 14 MB).
    Only the list is gathered: the set jusText makes of it on each call would be thrown away here, and the 19 MB
    it took would stay with the process as freed but unreturned memory."""
    import htmldate  # noqa: F401
    import trafilatura  # noqa: F401
    from trafilatura import external

    if external.JT_STOPLIST is None:
        external.jt_stoplist_init()


def _whole(doc: Document, raw: str) -> None:
    """Keep an article text as it came: its paragraphs, each line trimmed."""
    paragraphs = [" ".join(p.split()) for p in raw.replace("\r\n", "\n").split("\n\n")]
    doc.text = "\n\n".join(p for p in paragraphs if p)
    doc.removed = []


def _clean_text(doc: Document) -> None:
    raw = doc.raw if isinstance(doc.raw, str) else doc.raw.decode("utf-8")
    cleaned = split_dump(raw)
    article = bool(doc.hints.get("article"))
    if cleaned is None:
        if article:
            _whole(doc, raw)
            return
        raise ExtractionError(doc.source, "no article text found: every line reads as menu, boilerplate or a label")
    meta = read_meta(cleaned)
    kept = [b for b in cleaned.kept if b.index not in meta.consumed]
    text = join_blocks(kept)
    if article and len(text.split()) < MIN_ARTICLE_WORDS:  # a brief, not a page: keep it as it came
        _whole(doc, raw)
        return
    removed = [b for b in cleaned.removed if b.index not in meta.consumed]
    doc.text = text
    doc.removed = [b.text for b in removed]
    doc.title = meta.title
    doc.published = meta.published
    doc.authors = meta.authors
    doc.publisher = meta.publisher


def _clean_html(doc: Document) -> None:
    result = clean_html(doc.raw, doc.source, doc.url)
    doc.text = result.text
    doc.removed = result.removed
    doc.title = result.title
    doc.published = result.published
    doc.authors = result.authors
    doc.publisher = result.publisher
    if result.language:
        doc.hints.setdefault("html_lang", result.language)


def clean(doc: Document) -> Document:
    if doc.raw_format == "html":
        _clean_html(doc)
    else:
        _clean_text(doc)
    least = 1 if doc.hints.get("article") else MIN_HTML_WORDS if doc.raw_format == "html" else MIN_ARTICLE_WORDS
    if len(doc.text.split()) < least:
        raise ExtractionError(doc.source, f"no article text found: fewer than {least} words survive cleaning")
    doc.removed_blocks = len(doc.removed)
    doc.removed = doc.removed[:REMOVED_KEPT]
    # What the source said fills what the page does not.
    doc.title = doc.title or doc.hints.get("title")
    if doc.publisher is None and doc.url:
        doc.publisher = urlsplit(doc.url).hostname
    if doc.published is None and doc.hints.get("published"):
        doc.published = parse_date_line(str(doc.hints["published"]))
    doc.published_precision = PRECISION_BY_LENGTH.get(len(doc.published or ""))
    doc.raw = ""  # the raw page is not needed past this stage; don't carry it through the pipeline
    return doc
