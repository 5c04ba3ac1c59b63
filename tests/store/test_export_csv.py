"""CSV export as a spreadsheet user reads it: flat columns for the contract's objects, and -o that means what it says."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "storyline" / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("csv") / "s.db")
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


def _jsonl(db: str, kind: str) -> list[dict]:
    out = runner.invoke(app, ["export", "--db", db, "--kind", kind]).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_events_in_csv_have_a_column_per_member(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", db, "--kind", "event", "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    records = _jsonl(db, "event")
    assert len(rows) == len(records) > 10
    for column in ("actor_name", "actor_country", "actor_sector", "recipient_country", "location_name",
                   "location_lat", "location_lon", "magnitude_killed", "trigger_text"):
        assert column in rows[0], column
    assert "actor" not in rows[0] and "location" not in rows[0]
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"]
        assert row["actor_country"] == ((record["actor"] or {}).get("country") or "")
        assert row["recipient_name"] == ((record["recipient"] or {}).get("name") or "")
        location = record["location"] or {}
        assert row["location_lat"] == ("" if location.get("lat") is None else str(location["lat"]))
        assert row["magnitude_count"] == ("" if record["magnitude"]["count"] is None
                                          else str(record["magnitude"]["count"]))
        assert not any(v.startswith("{") for v in row.values()), row
    assert any(r["location_lat"] for r in rows) and any(not r["location_lat"] for r in rows)


def test_quotes_and_stories_flatten_speakers_and_parties(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", db, "--kind", "quote", "--kind", "story", "-f", "csv",
                                 "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "out" / "quote.csv").open(encoding="utf-8", newline="") as f:
        quotes = list(csv.DictReader(f))
    assert any(q["speaker_name"] for q in quotes) and "speaker" not in quotes[0]
    with (tmp_path / "out" / "story.csv").open(encoding="utf-8", newline="") as f:
        stories = list(csv.DictReader(f))
    records = {s["id"]: s for s in _jsonl(db, "story")}
    for s in stories:
        assert s["event_ids"].split("; ") == records[s["id"]]["event_ids"]
        assert s["actor_country"] == ((records[s["id"]]["actor"] or {}).get("country") or "")


@pytest.mark.parametrize("name", ["one.csv", "one.parquet"])
def test_a_file_name_for_several_kinds_is_a_usage_error(db: str, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    fmt = name.rsplit(".", 1)[1]
    result = runner.invoke(app, ["export", "--db", db, "-f", fmt, "-o", str(out)])
    assert result.exit_code == 2
    assert "must name a folder" in result.output and "--kind" in result.output
    assert not out.exists()
    folder = tmp_path / "folder"
    assert runner.invoke(app, ["export", "--db", db, "-f", fmt, "-o", str(folder)]).exit_code == 0
    assert (folder / f"event.{fmt}").is_file()
