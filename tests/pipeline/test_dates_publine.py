"""The publication date of a page dump whose date line stands below a standfirst or an access notice."""

from __future__ import annotations

from storyline.ingest import to_document
from storyline.model import Document, RawInput
from storyline.pipeline import build
from storyline.pipeline.textmeta import _only_a_date

CLEAN = build(["clean"])

NOTICE = ("You are reading a short preview of this story while your subscription is being checked; the whole "
          "story will appear on this page in a moment, so please wait.")
STANDFIRST = ("The prime minister of Belize said a foreign patrol boat had entered the country's waters without "
              "leave. The government said it would send a formal protest to the embassy this week.")
BODY = ("The prime minister of Belize accused the neighbouring government of violating the country's "
        "sovereignty on Thursday, after a patrol boat crossed into Belizean waters near the southern cays and "
        "stayed there for several hours before turning back, officials said.\n"
        "The foreign ministry summoned the ambassador and said the incident would be raised at the next meeting "
        "of regional foreign ministers, according to a statement posted late in the evening.")


def clean_text(text: str) -> Document:
    return CLEAN(to_document(RawInput(source="page.txt", content=text, format="text")))


def test_a_date_line_below_a_standfirst_and_a_notice_is_the_publication_date() -> None:
    doc = clean_text(f"{NOTICE}\n{STANDFIRST}\n\nMarch 12, 2026Updated 7:41 p.m. ET\n{BODY}\n")
    assert (doc.published, doc.published_precision) == ("2026-03-12", "day")


def test_a_signed_post_below_the_lead_is_not_the_publication_date() -> None:
    doc = clean_text(f"{BODY}\nThe talks will go on next week, the ministry said in a post.\n"
                     "— Ministry of Foreign Affairs (@foreignaffairs) March 11, 2026\n")
    assert doc.published is None


def test_only_a_date_allows_a_prefix_a_time_and_an_update_note() -> None:
    assert _only_a_date("Published March 12, 2026 10:05 a.m.")
    assert _only_a_date("12 de marzo de 2026 Actualizado 13 de marzo de 2026")
    assert not _only_a_date("— Jane Roe (@janeroe) March 11, 2026")
