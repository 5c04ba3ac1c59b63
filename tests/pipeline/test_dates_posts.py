"""A page that states no publication date but embeds dated posts: relative days count from the newest post."""

from __future__ import annotations

from storyline.model import Document
from storyline.pipeline.dates import newest_post_day, resolve

TEXT = ("Guatemala and Belize on Thursday signed a border patrol agreement after two days of talks.\n"
        "We signed today a historic agreement with our neighbours. pic.twitter.com/xxxxxxxx\n"
        "• Ministry of Foreign Affairs (@minex_example) April 9, 2026\n"
        "Talks began on Tuesday in the capital, officials said, and yesterday's session ran late.\n"
        "– Jane Roe (@janeroe_news) April 8, 2026\n")


def dates(doc: Document) -> dict[str, tuple[str | None, str]]:
    return {m.span.text: (m.value["value"], m.rule) for m in doc.mentions if m.kind == "date"}


def test_the_newest_post_signature_gives_the_day() -> None:
    assert newest_post_day(TEXT) == "2026-04-09"
    assert newest_post_day("No posts here, only a date: April 9, 2026.") is None
    assert newest_post_day("— Jane Roe (@janeroe) in April") is None  # no day: no anchor


def test_relative_days_count_from_the_newest_post_when_the_page_states_no_date() -> None:
    found = dates(resolve(Document(source="t", text=TEXT, language="en")))
    assert found["Thursday"] == ("2026-04-09", "weekday_relative/post-day")  # 2026-04-09 is a Thursday
    assert found["Tuesday"] == ("2026-04-07", "weekday_relative/post-day")
    assert found["April 8, 2026"] == ("2026-04-08", "month_day_year")  # an absolute date needs no anchor


def test_a_stated_publication_date_wins_over_the_posts() -> None:
    doc = Document(source="t", text=TEXT, language="en", published="2026-04-14", published_precision="day")
    found = dates(resolve(doc))
    assert found["Thursday"] == ("2026-04-09", "weekday_relative")
    assert found["Tuesday"] == ("2026-04-14", "weekday_relative")
    assert doc.published == "2026-04-14"


def test_the_publication_date_stays_unknown() -> None:
    doc = resolve(Document(source="t", text=TEXT, language="en"))
    assert doc.published is None


def test_an_undated_page_with_posts_has_a_news_day_for_its_undated_events() -> None:
    from storyline.pipeline import build
    text = ("Guatemala and Belize on Thursday signed a border patrol agreement after two days of talks.\n"
            "During the visit of the Belizean foreign minister, Guatemala's president rejected the proposal of "
            "Honduras.\n"
            "• Ministry of Foreign Affairs (@minex_example) April 9, 2026\n")
    pipeline = build(["segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"],
                     given=["text", "language"])
    doc = pipeline(Document(source="t", text=text, language="en"))
    rejected = [e for e in doc.events if e.trigger.text == "rejected"]
    assert rejected and (rejected[0].date, rejected[0].date_text) == ("2026-04-09", "Thursday")
