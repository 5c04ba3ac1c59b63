"""Publication dates of Spanish page dumps: bylines, date lines and datelines, and which one wins."""

from __future__ import annotations

import pytest

from storyline.ingest import to_document
from storyline.model import Document, RawInput
from storyline.pipeline import build
from storyline.pipeline.textmeta import dateline_date, parse_date_line

CLEAN = build(["clean"])

BODY = ("La presidenta Claudia Sheinbaum afirmó este jueves en su conferencia matutina que México no aceptará "
        "ninguna intervención militar extranjera en su territorio y que la cooperación en seguridad con "
        "Estados Unidos seguirá basada en el respeto a la soberanía.\n\n"
        "La cancillería mexicana dijo que mandará una nota diplomática a Washington para pedir "
        "explicaciones sobre las declaraciones del secretario de Guerra, según un comunicado oficial.")


def clean_text(text: str) -> Document:
    return CLEAN(to_document(RawInput(source="pagina.txt", content=text, format="text")))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CIUDAD DE MÉXICO, 15 de octubre de 2025", "2025-10-15"),
        ("Publicado el 15 de octubre de 2025 a las 10:30", "2025-10-15"),
        ("Publicado: 15 de octubre de 2025 10:30 hrs", "2025-10-15"),
        ("15/10/2025 10:30 hrs", "2025-10-15"),
        ("jueves, 16 de octubre de 2025", "2025-10-16"),
        ("Actualizado el 3 de noviembre de 2025, 18:05 h", "2025-11-03"),
        ("Fecha: 05/10/2025", "2025-10-05"),  # a Spanish prefix: day first
        ("Ciudad de México / 15.10.2025", "2025-10-15"),
        ("Lunes 3 de Marzo de 2025", "2025-03-03"),
        ("05/10/2025", None),  # no Spanish word to say it is day first: 5 October or May 10?
        ("La presidenta habló el 15 de octubre de 2025 en Palacio Nacional ante cientos de personas", None),
    ],
)
def test_date_lines(line: str, expected: str | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("CIUDAD DE MÉXICO, 15 de octubre de 2025.- La presidenta afirmó que no habrá intervención.", "2025-10-15"),
        ("Culiacán, Sinaloa, a 3 de marzo de 2025.- Un grupo armado atacó una patrulla.", "2025-03-03"),
        ("Ciudad de México / 15.10.2025 – La cancillería envió una nota diplomática.", "2025-10-15"),
        ("Monterrey, jueves 16 de octubre de 2025. La fiscalía estatal informó de tres detenidos.", "2025-10-16"),
        ("MEXICO CITY, Oct. 15, 2025 — The Mexican president rejected the plan.", "2025-10-15"),
        ("La presidenta dijo el 3 de marzo de 2025 - en Palacio Nacional - que no habrá acuerdo.", None),
        ("Trump, Sheinbaum y el 3 de marzo de 2025 - una fecha que nadie olvida.", None),
        ("CIUDAD DE MÉXICO, octubre de 2025.- La presidenta habló.", None),  # a dateline gives a day
        ("Sheinbaum, 63, who took office on Oct. 1, 2024 — said the talks would go on.", None),
    ],
)
def test_datelines_opening_a_paragraph(paragraph: str, expected: str | None) -> None:
    assert dateline_date(paragraph) == expected


def test_a_dateline_gives_the_publication_date() -> None:
    doc = clean_text("Rechaza Sheinbaum intervención militar de Estados Unidos\n\n"
                     f"CIUDAD DE MÉXICO, 16 de octubre de 2025.- {BODY}\n")
    assert (doc.published, doc.published_precision) == ("2025-10-16", "day")


def test_a_byline_with_fields_gives_the_date_and_wins_over_a_scraper_header() -> None:
    doc = clean_text("date 2019-12-01 Rechaza Sheinbaum intervención militar de Estados Unidos\n\n"
                     "Rechaza Sheinbaum intervención militar de Estados Unidos\n"
                     "Autor: Redacción | Fecha: 16 de octubre de 2025 a las 09:12:40\n\n"
                     f"{BODY}\n")
    assert (doc.published, doc.published_precision) == ("2025-10-16", "day")


def test_the_header_is_used_when_the_page_prints_no_date() -> None:
    doc = clean_text(f"date 2025-10-16 Rechaza Sheinbaum intervención militar\n\n{BODY}\n")
    assert (doc.published, doc.published_precision) == ("2025-10-16", "day")


def test_a_header_of_a_month_is_kept_at_month_precision() -> None:
    doc = clean_text(f"date 2025-07 Diario del Norte\n\n{BODY}\n")
    assert (doc.published, doc.published_precision) == ("2025-07", "month")


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    body = BODY.replace("este jueves", "el 2 de septiembre de 2025")
    doc = clean_text(f"Rechaza Sheinbaum intervención militar de Estados Unidos\n\n{body}\n")
    assert doc.published is None
