"""Spanish pages through the whole pipeline: lemmas, triggers, roles, status, quotes, and the coded flag."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Document
from storyline.pipeline import build
from storyline.pipeline.parse_es import lemma

AFTER_CLEAN = ["language", "segment", "parse", "dates", "actors", "places", "quotes", "claims", "citations", "events"]


def run(text: str, published: str = "2026-01-06") -> Document:
    return build(AFTER_CLEAN, given=["text"])(Document(source="t", text=text, published=published))


def test_lemmas_come_from_the_table() -> None:
    assert [lemma(w) for w in ("advirtió", "detuvieron", "impuso", "abatieron")] == \
        ["advertir", "detener", "imponer", "abatir"]


def test_svo_actor_and_recipient_of_a_condemnation() -> None:
    d = run("La presidenta Claudia Sheinbaum condenó este jueves el bombardeo de Estados Unidos contra una "
            "aldea de Honduras y pidió respetar la soberanía de los países centroamericanos.")
    got = {(e.type, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in d.events}
    assert ("ACCUSE", "MEX", "USA") in got
    assert all(e.rule.startswith("es/triggers.yaml:") for e in d.events)


def test_passive_with_por_agent() -> None:
    d = run("Cuatro presuntos integrantes del cártel fueron abatidos por la Marina de México durante un "
            "enfrentamiento en Michoacán, informaron autoridades federales.")
    e = [e for e in d.events if e.type == "ASSAULT"]
    assert e and e[0].actor is not None and e[0].actor.country == "MEX"


def test_negation_and_condition_set_the_status() -> None:
    d = run("El gobierno de México no rechazó la propuesta de Estados Unidos. "
            "Si los cárteles siguen operando, Estados Unidos atacaría objetivos en territorio mexicano.")
    status = {e.type: e.status for e in d.events}
    assert status.get("REJECT") == "negated"
    assert status.get("ASSAULT") == "hypothetical"


def test_dropped_subject_quote_takes_the_person_named_before() -> None:
    d = run("Donald Trump habló con periodistas en la Casa Blanca este martes.\n\n"
            "“Vamos a terminar con los cárteles muy pronto”, añadió.")
    assert d.quotes and d.quotes[-1].speaker is not None and d.quotes[-1].speaker.name == "Donald Trump"


def test_an_uncoded_language_is_flagged_in_the_export_and_summary(tmp_path) -> None:
    page = tmp_path / "de.txt"
    page.write_text("Die Regierung in Berlin hat am Montag neue Maßnahmen gegen den Drogenhandel angekündigt. "
                    "Der Minister sagte, man werde mit den Nachbarländern eng zusammenarbeiten und die Grenzen "
                    "stärker kontrollieren, um den Schmuggel von Waffen und Drogen zu stoppen.\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(page), "--db", db]).exit_code == 0
    out = runner.invoke(app, ["export", "--db", db])
    docs = [r for r in map(json.loads, out.stdout.splitlines()) if r["kind"] == "document"]
    assert docs[0]["coded"] is False and "de" in docs[0]["coded_reason"]
    summary = runner.invoke(app, ["summary", "--db", db])
    assert "1 uncoded documents" in summary.stdout
