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

ENGLISH = """U.S. forces strike drug boat off Oaxaca, killing four

MEXICO CITY, Nov. 5, 2025 - U.S. forces struck a suspected drug boat in the eastern Pacific on Tuesday, killing four people aboard, the Pentagon said, the 21st such strike since September.

Defense Secretary Pete Hegseth said the boat belonged to the Sinaloa Cartel and was carrying about 1,200 kilograms of cocaine when it was hit some 400 miles south of Salina Cruz, Oaxaca.

Mexican President Claudia Sheinbaum said on Wednesday that her government had not been informed in advance and that the Navy had sent two ships to search for survivors, one of whom was later rescued and taken to Acapulco.

"We do not agree with these attacks," Sheinbaum told reporters at the National Palace, adding that Foreign Minister Juan Ramón de la Fuente would ask Washington for an explanation.

The strikes have killed at least 83 people since Sept. 2, according to a tally by the Associated Press."""

SPANISH = """Fuerzas de EE. UU. atacan lancha frente a Oaxaca; mueren cuatro

CIUDAD DE MÉXICO, 5 de noviembre de 2025.- Fuerzas de Estados Unidos atacaron el martes una lancha con un presunto cargamento de droga en el Pacífico oriental y mataron a cuatro personas a bordo, informó el Pentágono, en el ataque número 21 de ese tipo desde septiembre.

El secretario de Defensa, Pete Hegseth, afirmó que la lancha pertenecía al Cártel de Sinaloa y transportaba alrededor de 1,200 kilogramos de cocaína cuando fue alcanzada a unas 400 millas al sur de Salina Cruz, Oaxaca.

La presidenta Claudia Sheinbaum dijo el miércoles que su gobierno no fue informado con anticipación y que la Marina envió dos buques para buscar sobrevivientes, uno de los cuales fue rescatado más tarde y trasladado a Acapulco.

“No estamos de acuerdo con estos ataques”, dijo Sheinbaum a periodistas en Palacio Nacional, y añadió que el canciller Juan Ramón de la Fuente pedirá una explicación a Washington.

Los ataques han dejado al menos 83 muertos desde el 2 de septiembre, según un recuento de la agencia Associated Press."""

# A different article on the same news, written separately in Spanish: the same people, other numbers, another order.
SEPARATE = """Sheinbaum pide explicaciones a Washington por ataque en el Pacífico

CIUDAD DE MÉXICO, 6 de noviembre de 2025.- La presidenta Claudia Sheinbaum pidió este jueves a Washington explicar el ataque contra una lancha en el Pacífico, y el canciller Juan Ramón de la Fuente se reunió con el embajador Ronald Johnson en la Secretaría de Relaciones Exteriores.

En Acapulco, la Secretaría de Marina informó que el sobreviviente rescatado recibe atención médica en un hospital naval y que será entrevistado por la Fiscalía General de la República.

Legisladores de Morena y del PAN exigieron en el Senado que el Pentágono y el secretario Pete Hegseth informen sobre los 15 ataques realizados cerca de aguas mexicanas, mientras la oposición acusó al gobierno de tibieza.

Especialistas de la UNAM advirtieron que los ataques podrían afectar la cooperación en seguridad prevista en el acuerdo firmado en 2024."""


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
        {"url": "https://www.harborwire.example/world/strike", "text": ENGLISH, "published": "2025-11-05"},
        {"url": "https://www.diariodelgolfo.example/mundo/ataque", "text": SPANISH, "published": "2025-11-05"},
        {"url": "https://www.noticiasdelsur.example/nacional/ataque", "text": SEPARATE, "published": "2025-11-06"},
    ])
    by_lang = {(d["language"], d["published"]): d for d in docs}
    en, es, other = by_lang["en", "2025-11-05"], by_lang["es", "2025-11-05"], by_lang["es", "2025-11-06"]
    assert en["duplicate_of"] is None and en["translation_of"] is None
    assert es["duplicate_of"] == en["id"] and es["translation_of"] == en["id"]
    assert other["duplicate_of"] is None and other["translation_of"] is None


def test_translations_published_weeks_apart_are_not_linked(tmp_path: Path) -> None:
    docs = _ingest(tmp_path, [
        {"url": "https://www.harborwire.example/world/strike", "text": ENGLISH, "published": "2025-11-05"},
        {"url": "https://www.diariodelgolfo.example/mundo/ataque",
         "text": SPANISH.replace("5 de noviembre", "1 de diciembre"), "published": "2025-12-01"},
    ])
    assert all(d["duplicate_of"] is None and d["translation_of"] is None for d in docs)


# One rejection, told by the English article and by its translation (or by a separate Spanish report).
REJECT_EN = '"We do not agree with these attacks," Sheinbaum told reporters at the National Palace'
REJECT_ES = "“No estamos de acuerdo con estos ataques”, dijo Sheinbaum a periodistas en Palacio Nacional"
REJECT_OTHER = "La presidenta Claudia Sheinbaum pidió este jueves a Washington explicar el ataque contra una lancha"


def _doc(source: str, url: str, text: str, language: str, evidence: str) -> Document:
    doc = Document(source=source, text=text, url=url, published="2025-11-05", published_precision="day",
                   language=language)
    start = text.index(evidence)
    doc.events.append(Event(
        type="REJECT", mode=None, actor=Actor(name="Claudia Sheinbaum", country="MEX", sector="GOV"),
        recipient=Actor(name="United States", country="USA", sector="GOV"), status="asserted",
        evidence=Span(start, start + len(evidence), evidence), trigger=Span(start, start + 4, evidence[:4]),
        rule="test", date="2025-11-05", date_precision="day"))
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
    incident = _rejection(store, SEPARATE.replace("pidió este jueves", "pidió este miércoles"),
                          REJECT_OTHER.replace("jueves", "miércoles"))
    assert incident["corroboration"] == 2
