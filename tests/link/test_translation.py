"""Translations: one article in English and in Spanish is linked as a copy and corroborates once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from storyline.cli import app
from storyline.link import link_new
from storyline.link.translation import anchors, is_translation
from storyline.model import Actor, Document, Event, Span
from storyline.store.db import Store
from storyline.store.incidents import incident_records

ENGLISH = """U.S. forces strike fishing vessel off Tumaco, killing three

BOGOTA, Mar. 10, 2026 - U.S. forces struck a suspected smuggling vessel in the Pacific off Colombia on Monday, leaving three people aboard dead, the Pentagon said, the ninth such operation this year.

Admiral Alvin Holsey said the vessel belonged to the Clan del Golfo and held about 900 kilograms of cocaine when it was hit some 120 miles west of Tumaco, Nariño.

Colombian President Gustavo Petro said on Tuesday that Bogota had not been warned beforehand and that the Navy had sent a frigate to look for survivors, one of whom was later found alive and flown to Buenaventura.

"We cannot accept these attacks on our waters," Petro told journalists at the Casa de Nariño, adding that Foreign Minister Laura Sarabia would summon the American charge d'affaires.

Such operations have left 41 people dead since January, by a count kept by the newspaper El Tiempo."""

SPANISH = """Fuerzas de EE. UU. atacan barco pesquero frente a Tumaco; mueren tres

BOGOTÁ, 10 de marzo de 2026.- Fuerzas de Estados Unidos atacaron el lunes una embarcación sospechosa de contrabando en el Pacífico frente a Colombia y dejaron tres personas muertas a bordo, informó el Pentágono, en la novena operación de ese tipo este año.

El almirante Alvin Holsey afirmó que la embarcación pertenecía al Clan del Golfo y llevaba unos 900 kilogramos de cocaína cuando fue alcanzada a unas 120 millas al oeste de Tumaco, Nariño.

El presidente Gustavo Petro dijo el martes que Bogotá no fue advertida de antemano y que la Armada envió una fragata a buscar sobrevivientes, uno de los cuales fue hallado con vida y trasladado en avión a Buenaventura.

“No podemos aceptar estos ataques en nuestras aguas”, dijo Petro a periodistas en la Casa de Nariño, y añadió que la canciller Laura Sarabia convocará al encargado de negocios estadounidense.

Esas operaciones han dejado 41 muertos desde enero, según un conteo del diario El Tiempo."""

# A different article on the same news, written separately in Spanish: the same people, other numbers, another order.
SEPARATE = """Petro exige explicaciones a Washington por ataque en el Pacífico

BOGOTÁ, 11 de marzo de 2026.- El presidente Gustavo Petro exigió este miércoles a Washington explicar el ataque contra una embarcación en el Pacífico, y la canciller Laura Sarabia recibió al encargado de negocios John McNamara en el Palacio de San Carlos.

En Buenaventura, la Armada informó que el sobreviviente hallado recibe atención en un hospital militar y que declarará ante la Fiscalía General de la Nación.

Senadores del Pacto Histórico y del Partido Liberal pidieron en el Congreso que el Comando Sur y el almirante Alvin Holsey rindan cuentas sobre las 12 operaciones hechas cerca de aguas colombianas, mientras la oposición acusó al gobierno de improvisación.

Académicos de la Universidad Nacional alertaron que los ataques podrían frenar la cooperación antidrogas pactada en 2023."""


def _words(text: str) -> int:
    return len(text.split())


def test_anchors_are_numbers_and_names_in_order() -> None:
    assert anchors("La presidenta Claudia Sheinbaum dijo que 2 mil 500 soldados llegaron a Culiacán.") == \
        ["claud", "shein", "#2500", "culia"]
    assert anchors("President Claudia Sheinbaum said 2,500 soldiers arrived in Culiacan.") == \
        ["claud", "shein", "#2500", "culia"]


def test_a_translation_is_told_from_a_separate_article_on_the_same_news() -> None:
    en, es, other = anchors(ENGLISH), anchors(SPANISH), anchors(SEPARATE)
    assert is_translation(en, es, _words(ENGLISH), _words(SPANISH))
    assert not is_translation(en, other, _words(ENGLISH), _words(SEPARATE))
    assert not is_translation(es, other, _words(SPANISH), _words(SEPARATE))


def _ingest(tmp_path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pages = tmp_path / "pages.jsonl"
    pages.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(pages), "--db", db])
    assert result.exit_code == 0, result.output
    out = runner.invoke(app, ["export", "--db", db, "-k", "document"]).stdout.splitlines()
    return [json.loads(line) for line in out]


def test_ingest_links_the_translation_to_its_original_and_not_the_separate_article(tmp_path: Path) -> None:
    docs = _ingest(tmp_path, [
        {"url": "https://www.harborwire.example/world/strike", "text": ENGLISH, "published": "2026-03-10"},
        {"url": "https://www.diariodelgolfo.example/mundo/ataque", "text": SPANISH, "published": "2026-03-10"},
        {"url": "https://www.noticiasdelsur.example/nacional/ataque", "text": SEPARATE, "published": "2026-03-11"},
    ])
    by_lang = {(d["language"], d["published"]): d for d in docs}
    en, es, other = by_lang["en", "2026-03-10"], by_lang["es", "2026-03-10"], by_lang["es", "2026-03-11"]
    assert en["duplicate_of"] is None and en["translation_of"] is None
    assert es["duplicate_of"] == en["id"] and es["translation_of"] == en["id"]
    assert other["duplicate_of"] is None and other["translation_of"] is None


def test_translations_published_weeks_apart_are_not_linked(tmp_path: Path) -> None:
    docs = _ingest(tmp_path, [
        {"url": "https://www.harborwire.example/world/strike", "text": ENGLISH, "published": "2026-03-10"},
        {"url": "https://www.diariodelgolfo.example/mundo/ataque",
         "text": SPANISH.replace("10 de marzo", "14 de abril"), "published": "2026-04-14"},
    ])
    assert all(d["duplicate_of"] is None and d["translation_of"] is None for d in docs)


# One rejection, told by the English article and by its translation (or by a separate Spanish report).
REJECT_EN = '"We cannot accept these attacks on our waters," Petro told journalists at the Casa de Nariño'
REJECT_ES = "“No podemos aceptar estos ataques en nuestras aguas”, dijo Petro a periodistas en la Casa de Nariño"
REJECT_OTHER = "El presidente Gustavo Petro exigió este miércoles a Washington explicar el ataque contra una embarcación"


def _doc(source: str, url: str, text: str, language: str, evidence: str) -> Document:
    doc = Document(source=source, text=text, url=url, published="2026-03-10", published_precision="day",
                   language=language)
    start = text.index(evidence)
    doc.events.append(Event(
        type="REJECT", mode=None, actor=Actor(name="Gustavo Petro", country="COL", sector="GOV"),
        recipient=Actor(name="United States", country="USA", sector="GOV"), status="asserted",
        evidence=Span(start, start + len(evidence), evidence), trigger=Span(start, start + 4, evidence[:4]),
        rule="test", date="2026-03-10", date_precision="day"))
    return doc


def _rejection(store: Store, spanish_text: str, spanish_evidence: str) -> dict[str, Any]:
    store.add_document(_doc("en.html", "https://www.harborwire.example/a", ENGLISH, "en", REJECT_EN))
    store.add_document(_doc("es.html", "https://www.diariodelgolfo.example/b", spanish_text, "es", spanish_evidence))
    link_new(store)
    (incident,) = incident_records(store)
    assert len(incident["document_ids"]) == 2  # the English and the Spanish report are one incident
    return incident


def test_a_translation_does_not_corroborate_its_original(store: Store) -> None:
    incident = _rejection(store, SPANISH, REJECT_ES)
    assert incident["outlets"] == ["diariodelgolfo.example", "harborwire.example"]
    assert incident["corroboration"] == 1


def test_a_separate_spanish_report_does_corroborate(store: Store) -> None:
    incident = _rejection(store, SEPARATE.replace("exigió este miércoles", "exigió este martes"),
                          REJECT_OTHER.replace("miércoles", "martes"))
    assert incident["corroboration"] == 2
