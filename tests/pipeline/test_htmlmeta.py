"""HTML metadata: the head's structured data first, trafilatura's byline reading where the head names no author."""

from __future__ import annotations

from storyline.pipeline.htmlclean import clean_html

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
