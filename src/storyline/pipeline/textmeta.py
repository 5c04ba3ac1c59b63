"""Metadata of a plain-text page dump: title, publication date, authors, publisher.

Takes the blocks `textclean.split_dump` found and reads:
- a leading header line `date YYYY-MM-DD Title…` (what some scrapers write); when what follows the
  date reads as prose (a paragraph, not a headline) it stays in the article as its first paragraph;
- a date standing on its own line (also below a standfirst in the opening blocks), or after
  "Published"/"Updated"/"Publicado"/"Fecha",
  in the lines just above the article, also as one part of a line split by "|" or "·"
  ("Autor: Redacción | Fecha: 15 de octubre de 2025 a las 10:30"); a time after the
  date ("a las 10:30", "10:30 hrs") is allowed;
- a dateline opening the first paragraph ("CIUDAD DE MÉXICO, 15 de octubre de
  2025.- La presidenta…", "Ciudad de México / 15.10.2025 –"), which must carry a
  full date with its year;
- a byline ("By Jane Doe and John Roe") just above the article;
- the title: the earliest heading-like line in the stretch above the article
  (stopping at the first menu or boilerplate line);
- the publisher: a site name printed twice on the first line (logo text and
  alt text), or the owner in a "© 2025 Name. All rights reserved" footer.

What the page prints (a date line above the article, then a dateline) wins over a
scraper's header line when the two disagree: the header is the crawler's reading,
the printed date the publisher's own. The header is used when the page prints none.
A header may give a month ("date 2025-07 Outlet"), kept at month precision.

A page that states no date gets None — never today's date, and never a date
from a related-article list further down the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates, parse_date_string
from .textclean import Block, Cleaned

HEADER = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}(?:-\d{2})?)(?:[T ][\d:.]+Z?)?(?![\d-])\s*(.*)$", re.IGNORECASE)
DATE_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published|publicado|publicada|actualizado|"
    r"actualizada|fecha(?:\s+de\s+publicaci[oó]n)?)\s*(?:on|el|:)?\s*(?:el\s+)?",
    re.I)
# Spanish prefixes: the page writes its dates day first ("05/10/2025" is 5 October).
DAY_FIRST_PREFIX = re.compile(r"^(?:publicad[oa]|actualizad[oa]|fecha)\b", re.I)
# One part of a byline line holding several fields: "Autor: X | Fecha: 15 de octubre de 2025".
FIELD_SPLIT = re.compile(r"\s+[|·•]\s+")
# A time after the date: "a las 10:30", "10:30 hrs", "17:09:09", "10:30 a.m.", "(10:30 h)".
TIME_TAIL = re.compile(r"[\s,(-]*(?:a\s+las\s+|at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*"
                       r"(?:hrs?\.?|h\b|horas|[ap]\.?\s?m\.?)?\)?(?:\s*\(?[A-Z]{2,4}\)?)?\s*$", re.I)
# A dateline opening the first paragraph: up to six place words (capitalised, or "de"/"del"/"la"),
# commas or a slash, an optional "a", the date with its year (a digit, after at most a weekday or a
# month), then ".-", a dash, a colon or a full stop.
DATELINE = re.compile(
    r"^(?:[A-ZÁÉÍÓÚÑ][\w.’'-]*(?:[\s,]+(?:de|del|la|los|las|[A-ZÁÉÍÓÚÑ][\w.’'-]*)){0,6})\s*[,/]\s*(?:a\s+)?"
    r"(?P<date>(?:[^\W\d_]+\.?,?\s+)?\d[^\n]{0,30}?(?:19|20)\d\d)\s*(?:\.-|\.\s*[–—-]|[–—-]|:|\.(?=\s))")
# "Updated" after a date, with or without a space ("Oct. 19, 2025Updated"), and whatever follows it.
UPDATED_TAIL = re.compile(r"\s*(?:updated|last updated|actualizad[oa])\b.*$", re.I)
BYLINE = re.compile(r"^(?:by|words by|written by|por)\s+(.+)$", re.IGNORECASE)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\by\b)\s*")
AUTHOR_TAIL = re.compile(r"\s*(?:[|•·–—]|\bupdated\b|\bpublished\b|\bon\b\s+\w+\s+\d).*$", re.IGNORECASE)
NAME = re.compile(r"^[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:[A-ZÀ-Ý][\w'’.-]+|de|del|da|van|von|la|bin|al-\w+)){0,4}$")
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+?)[.,]?\s*(?:all rights? reserved\.?)?$",
    re.IGNORECASE,
)
TAG_LIST = re.compile(r"^[^,.!?]{1,30}(?:,\s*[^,.!?]{1,30})+$")
# A date line may carry a time or a zone after the date, but nothing that reads like a sentence.
DATE_LINE_MAX_WORDS = 9
TITLE_MIN_WORDS = 4
SITE_NAME_MAX_WORDS = 6  # a masthead: "The New York Times", "Radio Televisión Española"
SITE_NAME_MAX_CHARS = 60
# After a header date: more words than a headline has, or a sentence this long ending in a full stop.
PROSE_MIN_WORDS = 30
TITLE_MAX_SENTENCE_WORDS = 12
# Where the article's own opening is searched for its date: this many blocks, up to the first paragraph
# of this many words (a dateline opens it; a date further down is a date in the story).
LEAD_BLOCKS = 4
LEAD_PARAGRAPH_WORDS = 25
DATELINE_DATE_SHARE = 0.8


@dataclass
class TextMeta:
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    consumed: set[int] = field(default_factory=set)  # line indexes used as metadata


def parse_date_line(text: str) -> str | None:
    """An ISO day or month from a line that is only a date (optionally after "Published"), else None."""
    text = text.strip()
    day_first = DAY_FIRST_PREFIX.match(text) is not None
    text = TIME_TAIL.sub("", DATE_PREFIX.sub("", text)).strip(" ,")
    if not text or len(text.split()) > DATE_LINE_MAX_WORDS:
        return None
    parsed = parse_date_string(text, day_first=day_first)
    # A bare year on a line of its own is a copyright line or a heading more often than a dateline.
    return parsed[0] if parsed and parsed[1] in ("day", "month") else None


def _only_a_date(text: str) -> bool:
    """Whether a line is a date and nothing else, but for a prefix, a time and an "Updated" after it
    ("Apr. 8, 2024 Updated 6:15 a.m. ET"); a signed post ("— Name (@name) May 2, 2025") is not."""
    text = UPDATED_TAIL.sub("", TIME_TAIL.sub("", DATE_PREFIX.sub("", text.strip()))).strip(" ,")
    dated = find_dates(text, None, None)
    return bool(text) and bool(dated) and len(dated[0].text) >= DATELINE_DATE_SHARE * len(text)


def _date_in_fields(text: str) -> str | None:
    """The date of a line, or of one of its fields when the line is split by "|" or "·"."""
    if iso := parse_date_line(text):
        return iso
    parts = FIELD_SPLIT.split(text)
    if len(parts) > 1:
        for part in parts:
            if iso := parse_date_line(part):
                return iso
    return None


def dateline_date(paragraph: str) -> str | None:
    """The day a dateline opening a paragraph gives ("CIUDAD DE MÉXICO, 15 de octubre de 2025.- …"), else None."""
    m = DATELINE.match(paragraph)
    if not m:
        return None
    words = m.group("date").strip()
    # The date must be most of what stands there: "Sheinbaum, 63, who took office on Oct. 1, 2024 —" is a clause.
    dated = [d for d in find_dates(words, None, None, day_first=True) if d.precision == "day"]
    if not dated or len(dated[0].text) < DATELINE_DATE_SHARE * len(words):
        return None
    return dated[0].value


def _lead_date(cleaned: Cleaned, meta: TextMeta) -> str | None:
    """A date line, a byline field or a dateline in the article's opening blocks, up to its first paragraph.

    A line that is a date and nothing else counts anywhere in those blocks: a standfirst or an
    access notice may stand above the date line ("Apr. 8, 2024 Updated 6:15 a.m. ET").
    """
    in_lead = True
    for block in [b for b in cleaned.kept if b.index not in meta.consumed][:LEAD_BLOCKS]:
        if (iso := parse_date_line(block.text)) and (in_lead or _only_a_date(block.text)):
            meta.consumed.add(block.index)
            return iso
        if in_lead and ((iso := _date_in_fields(block.text)) or (iso := dateline_date(block.text))):
            return iso
        if block.words >= LEAD_PARAGRAPH_WORDS:
            in_lead = False
    return None


def _authors(text: str) -> list[str]:
    text = AUTHOR_TAIL.sub("", text).strip()
    names = [n.strip(" .") for n in AUTHOR_SPLIT.split(text) if n.strip(" .")]
    return [n for n in names if NAME.match(n)]


def _prose(text: str) -> bool:
    """A paragraph rather than a headline: long, or a full sentence of some length."""
    words = len(text.split())
    return words > PROSE_MIN_WORDS or (words >= TITLE_MAX_SENTENCE_WORDS and text.endswith((".", ".”", '."')))


def _heading_like(block: Block) -> bool:
    return (
        block.kind == "short"
        and not block.bullet
        and (block.words >= TITLE_MIN_WORDS or block.text.endswith("?"))
        and not TAG_LIST.match(block.text)
        and parse_date_line(block.text) is None
        and not BYLINE.match(block.text)
    ) or (block.kind == "good" and block.words <= 25 and not block.text.endswith("."))


def _site_name(block: Block) -> str | None:
    """A name printed twice over ("Northern Ledger Northern Ledger"): a short name, not a sentence repeated."""
    words = block.text.split()
    half = len(words) // 2
    if len(words) % 2 or not 0 < half <= SITE_NAME_MAX_WORDS or words[:half] != words[half:]:
        return None
    name = " ".join(words[:half])
    if len(name) > SITE_NAME_MAX_CHARS or name.endswith((".", "!", "?", ".”", '."')):
        return None
    return name


def read_meta(cleaned: Cleaned) -> TextMeta:
    meta = TextMeta()
    blocks = cleaned.blocks
    header_date: str | None = None
    if blocks:
        first = blocks[0]
        m = HEADER.match(first.text)
        if m:
            header_date = m.group(1)
            rest = m.group(2).strip()
            if _prose(rest) and first in cleaned.kept:
                first.text, first.words = rest, len(rest.split())  # the lead paragraph, not a title
            else:
                meta.title = rest or None
                meta.consumed.add(first.index)
        meta.publisher = _site_name(first)
    # Walk up from the article to the first menu or boilerplate line.
    stretch: list[Block] = []
    for block in reversed(cleaned.before):
        if block.kind in ("inline", "barrier") or block.bullet:
            break
        stretch.append(block)
    for block in stretch:  # nearest the article first
        if block.index in meta.consumed:  # the scraper header, read above
            continue
        if meta.published is None and (iso := _date_in_fields(block.text)):
            meta.published = iso
            if parse_date_line(block.text):  # a line that is only a date; a byline with fields stays
                meta.consumed.add(block.index)
        elif not meta.authors and (m := BYLINE.match(block.text)) and (names := _authors(m.group(1))):
            meta.authors = names
            meta.consumed.add(block.index)
    if meta.published is None:
        meta.published = _lead_date(cleaned, meta)
    if meta.published is None:
        meta.published = header_date
    if meta.title is None:
        titles = [b for b in stretch if _heading_like(b) and b.index not in meta.consumed and _site_name(b) is None]
        if titles:
            meta.title = titles[-1].text  # the earliest in the stretch
            meta.consumed.add(titles[-1].index)
    if meta.title is None:
        # No title above the article: the page may open with it (a headline and a standfirst, no full stops).
        lead = []
        for block in cleaned.kept:
            if block.index in meta.consumed:
                continue
            if block.bullet or block.text.endswith((".", ".”", '."')) or block.words > 30:
                break
            lead.append(block)
        if lead and (lead[0].words >= TITLE_MIN_WORDS or lead[0].text.endswith("?")):
            meta.title = lead[0].text
            meta.consumed.add(lead[0].index)
    if meta.publisher is None:
        for block in reversed(blocks):
            m = COPYRIGHT.match(block.text)
            if m and 1 <= len(m.group(1).split()) <= 6:
                meta.publisher = m.group(1).strip(" .,")
                break
    return meta
