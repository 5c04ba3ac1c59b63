"""HTML metadata: the head's structured data first, trafilatura's byline reading where the head names no author."""

from __future__ import annotations

import pytest

from storyline.pipeline.htmlclean import _trafilatura_meta, clean_html

BODY = ("<p>Colombia and Venezuela agreed on Tuesday to reopen the main border crossing between Cúcuta and San "
        "Antonio del Táchira, ending a closure that had lasted nearly three weeks, officials said.</p>"
        "<p>Trucks carrying food and medicine were the first to cross on Wednesday morning, customs officers "
        "said, and pedestrian traffic is expected to resume by the end of the week.</p>")


def page(head: str, byline: str) -> str:
    return (f"<html lang='en'><head><title>Border crossing reopens</title>{head}</head><body><article>"
            f"<h1>Border crossing reopens</h1>{byline}{BODY}</article></body></html>")


def test_a_byline_in_the_body_names_the_author_when_the_head_does_not() -> None:
    html = page("", '<p class="byline">By <a rel="author" href="/staff/ana-torres">Ana Torres</a></p>')
    assert clean_html(html, "t.html").authors == ["Ana Torres"]
    assert clean_html(html, "t.html", fill_metadata=False).authors == []


def test_the_head_author_wins_over_the_byline() -> None:
    html = page('<meta name="author" content="Luis Mendez">',
                '<p class="byline">By <a rel="author" href="/staff/ana-torres">Ana Torres</a></p>')
    assert clean_html(html, "t.html").authors == ["Luis Mendez"]


TRAFILATURA_CASES = [
    ("", '<p class="byline">By <a rel="author" href="/staff/ana-torres">Ana Torres</a></p>'),
    ('<meta name="author" content="Torres">', '<p class="byline">By <a rel="author" href="/a">Ana Torres</a></p>'),
    ('<meta property="og:title" content="Talks resume &amp; ports reopen">', ""),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ports reopen",'
     ' "author": {"@type": "Person", "name": "Luis Mendez"}}</script>', ""),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>', '<span class="author">'
     'Ana Torres and Luis Mendez</span>'),
]


@pytest.mark.parametrize(("head", "byline"), TRAFILATURA_CASES)
def test_the_author_and_title_steps_give_what_trafilatura_metadata_gives(head: str, byline: str) -> None:
    from trafilatura import extract_metadata

    html = page(head, byline).replace("<h1>Border crossing reopens</h1>", "")
    found = extract_metadata(html, extensive=False)
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    assert _trafilatura_meta(html) == (authors, found.title)


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1899-12-31"])
def test_a_placeholder_publication_day_in_the_head_is_no_date(placeholder: str) -> None:
    html = page(f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{placeholder}"}}'
                '</script><meta property="article:published_time" content="2025-08-01T09:30:00Z">', "")
    assert clean_html(html, "t.html").published == "2025-08-01"  # the next field that gives a real day
    html = page(f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{placeholder}"}}'
                '</script>', "")
    assert clean_html(html, "t.html").published != placeholder[:10]


def test_a_real_publication_day_in_the_head_is_kept() -> None:
    html = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-08-03T07:00:00Z"}'
                '</script>', "")
    assert clean_html(html, "t.html").published == "2025-08-03"
