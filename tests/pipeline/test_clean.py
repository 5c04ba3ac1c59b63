"""The clean stage on page dumps and HTML: what is kept, what is removed, and the metadata read."""

from __future__ import annotations

import pytest

from storyline.errors import ExtractionError
from storyline.model import Document, RawInput
from storyline.pipeline import build
from storyline.pipeline.run import to_document

CLEAN = build(["clean"])

# A dump in the shape a scraper gives of a news site: menu, breadcrumbs, ad slot, share bar, related list, footer.
NEWS_DUMP = """\
Skip to content
Northern Ledger
  • World
  • Politics
  • Business
  • Opinion
Subscribe
World / Americas / Border talks
Published: 12 March 2025

Colombia and Venezuela reopen border crossing after talks

By Ana Beltrán

BOGOTÁ — Colombia and Venezuela agreed on Tuesday to reopen the main border crossing between Cúcuta and San Antonio del Táchira, ending a closure that had lasted nearly three weeks.

The agreement followed two days of talks between the countries' foreign ministers in Bogotá, officials said.

Advertisement

"This crossing is the lifeline of thousands of families on both sides," Colombia's foreign minister told reporters after the meeting.

What was agreed
  • Cargo traffic resumes on Thursday.
  • Pedestrians may cross from 6 a.m. to 8 p.m.

Venezuela's government said in a statement that joint patrols would begin next month.

Share this article
Facebook
Twitter
Email

Related stories

Venezuela expels Colombian diplomats

Colombia's president calls for calm at the border

Leave a Reply

Your email address will not be published. Required fields are marked *

© 2025 Northern Ledger. All rights reserved.
  • Privacy Policy
  • Terms of Use
"""


def clean_text(text: str) -> Document:
    return CLEAN(to_document(RawInput(source="dump.txt", content=text, format="text")))


def test_dump_keeps_every_article_line_and_drops_the_page_around_it() -> None:
    doc = clean_text(NEWS_DUMP)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("BOGOTÁ — Colombia and Venezuela agreed")
    assert "What was agreed" in paragraphs  # a heading inside the article
    assert "• Cargo traffic resumes on Thursday.\n• Pedestrians may cross from 6 a.m. to 8 p.m." in paragraphs
    assert paragraphs[-1].startswith("Venezuela's government said")
    for furniture in ("Advertisement", "Subscribe", "Share this article", "Facebook", "Related stories",
                      "Venezuela expels Colombian diplomats", "Leave a Reply", "Privacy Policy", "Skip to content",
                      "World / Americas"):
        assert furniture not in doc.text
    assert doc.removed_blocks >= 20
    assert "Advertisement" in doc.removed


LEAD_DUMP = """\
Philippines summons Chinese envoy after water cannon clash near shoal

MANILA, June 18 (Wire) - The Philippines summoned China's ambassador on Monday after Chinese Coast Guard vessels \
fired water cannon at a Philippine supply boat near the Second Thomas Shoal, injuring three crew members.

The Philippine foreign ministry said the dangerous and aggressive actions violated international law and demanded \
that Beijing stop harassing its vessels.

China's foreign ministry said the Philippine boat had intruded into Chinese waters and that the coast guard had \
taken the necessary measures in accordance with the law.
"""


def test_a_lead_paragraph_dense_with_names_stays_in_the_article() -> None:
    # a news lead has few function words (names, titles, a dateline): a long line that ends as a sentence
    # is still prose
    doc = clean_text(LEAD_DUMP)
    assert doc.text.startswith("MANILA, June 18 (Wire) - The Philippines summoned China's ambassador")
    assert doc.title == "Philippines summons Chinese envoy after water cannon clash near shoal"


def test_dump_metadata_title_date_byline_publisher() -> None:
    doc = clean_text(NEWS_DUMP)
    assert doc.title == "Colombia and Venezuela reopen border crossing after talks"
    assert (doc.published, doc.published_precision) == ("2025-03-12", "day")
    assert doc.authors == ["Ana Beltrán"]
    assert doc.publisher == "Northern Ledger"


@pytest.mark.parametrize("copies", [2, 40])
def test_a_sentence_repeated_on_the_first_line_is_no_publisher(copies: int) -> None:
    # a stuck feed prints one sentence over and over: its halves are equal, but it is no masthead
    line = "The navy of Peru seized two boats off the coast on Monday, officials said. " * copies
    doc = clean_text(line.strip() + "\n\nThe boats were towed to Callao, the navy said in a statement on Tuesday.")
    assert doc.publisher is None


@pytest.mark.parametrize(
    ("header", "published", "title"),
    [
        ("date 2025-11-18 Mexico weighs response to strike threat", "2025-11-18", "Mexico weighs response to strike threat"),
        ("date: 2024-06-03", "2024-06-03", None),
    ],
)
def test_a_leading_date_header_gives_date_and_title(header: str, published: str, title: str | None) -> None:
    body = ("Officials in Mexico City said on Monday that the government was studying its options after the "
            "remarks, which drew criticism from lawmakers of every party in Congress.")
    doc = clean_text(f"{header}\n\n{body}\n")
    assert doc.published == published
    assert doc.title == title
    assert doc.text == body


def test_a_paragraph_after_a_header_date_stays_in_the_article() -> None:
    lead = ("La presidenta de México, Claudia Sheinbaum, rechazó este lunes cualquier intervención militar "
            "extranjera en territorio nacional y pidió a Washington respetar la soberanía del país.")
    body = ("Durante su conferencia matutina, la mandataria dijo que la cooperación en seguridad seguirá "
            "adelante con coordinación y sin subordinación, como se acordó con el gobierno estadounidense.")
    doc = clean_text(f" date 2025-10-27 {lead}\n\n{body}\n")
    assert doc.published == "2025-10-27"
    assert doc.title is None
    assert doc.text == f"{lead}\n\n{body}"


def test_a_page_that_states_no_date_gets_none_not_today() -> None:
    dump = NEWS_DUMP.replace("Published: 12 March 2025\n", "")
    doc = clean_text(dump)
    assert doc.published is None and doc.published_precision is None


def test_dates_in_related_lists_below_the_article_are_not_the_publication_date() -> None:
    dump = NEWS_DUMP.replace("Published: 12 March 2025\n", "").replace(
        "Venezuela expels Colombian diplomats\n", "Venezuela expels Colombian diplomats\n\nFebruary 2, 2025\n")
    assert clean_text(dump).published is None


def test_a_reference_list_after_the_article_is_kept() -> None:
    dump = NEWS_DUMP.replace("Share this article\n", "Sources\n\n[1] Reuters. “Border reopens.”\n\n"
                             "[2] Ministry of Foreign Affairs, statement of 11 March.\n\nShare this article\n")
    text = clean_text(dump).text
    assert "Sources\n\n[1] Reuters. “Border reopens.”\n\n[2] Ministry of Foreign Affairs" in text


def test_menu_only_page_is_refused_at_the_clean_stage() -> None:
    with pytest.raises(ExtractionError) as info:
        clean_text("Home\nWorld\nPolitics\nBusiness\nSubscribe\n© 2025 Northern Ledger\n")
    assert info.value.stage == "clean" and "no article text" in info.value.message


ARTICLE_HTML = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Sheinbaum rechaza intervención | Diario del Golfo</title>
<meta property="og:site_name" content="Diario del Golfo">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Sheinbaum rechaza intervención","datePublished":"2025-11-18T09:00:00-06:00",
"author":[{"@type":"Person","name":"Marta Ríos"},{"@type":"Person","name":"Luis Peña"}]}</script></head>
<body><nav><a href="/">Inicio</a><a href="/mundo">Mundo</a><a href="/deportes">Deportes</a></nav>
<article><h1>Sheinbaum rechaza intervención</h1>
<p>La presidenta Claudia Sheinbaum rechazó este martes cualquier acción armada de Estados Unidos en
suelo mexicano, un día después de las declaraciones del presidente Donald Trump.</p>
<p>"Nuestro país no recibe órdenes de ningún gobierno extranjero", dijo la mandataria en su rueda de prensa
diaria, donde insistió en que la cooperación en seguridad tiene límites claros.</p>
<p>La cancillería enviará una nota diplomática a Washington, según informó la dependencia en un comunicado.</p>
</article><footer>© 2025 Diario del Golfo. Todos los derechos reservados.</footer></body></html>"""


def test_html_article_body_and_metadata() -> None:
    doc = CLEAN(to_document(RawInput(source="golfo.html", content=ARTICLE_HTML.encode(), format="html",
                                     url="https://diariodelgolfo.example/mx/123")))
    assert doc.title == "Sheinbaum rechaza intervención"
    assert (doc.published, doc.authors, doc.publisher) == ("2025-11-18", ["Marta Ríos", "Luis Peña"], "Diario del Golfo")
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("La presidenta Claudia Sheinbaum rechazó")
    assert "Deportes" not in doc.text and "derechos reservados" not in doc.text
    assert "Deportes" in " ".join(doc.removed)


def test_html_without_any_date_gets_none() -> None:
    page = ARTICLE_HTML.replace('"datePublished":"2025-11-18T09:00:00-06:00",', "")
    doc = CLEAN(to_document(RawInput(source="x.html", content=page, format="html")))
    assert doc.published is None


def test_language_is_identified_on_the_clean_text() -> None:
    pipeline = build(["clean", "language"])
    spanish = pipeline(to_document(RawInput(source="golfo.html", content=ARTICLE_HTML, format="html")))
    english = pipeline(to_document(RawInput(source="dump.txt", content=NEWS_DUMP, format="text")))
    assert (spanish.language, english.language) == ("es", "en")


def test_building_the_clean_stage_prepares_trafilaturas_fallback_stop_list_before_any_page() -> None:
    import subprocess
    import sys

    probe = ("from storyline.pipeline import build; build(['clean']); "
             "from trafilatura import external; print(external.JT_STOPLIST is not None)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_a_one_paragraph_brief_dense_in_on_and_no_is_prose() -> None:
    # "on" and "no" are function words like any other: a one-sentence brief under a dateline is an article,
    # not a page of labels.
    doc = clean_text("Sanctions widened\n\nBRUSSELS, August 1, 2025 — The European Union imposed new sanctions on "
                     "Russian banks on Friday, officials said.\n")
    assert "imposed new sanctions on Russian banks" in doc.text
