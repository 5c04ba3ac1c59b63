"""The command line: help without heavy imports, exit codes, and docs that match the settings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyline import settings
from storyline.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
HEAVY = ("spacy", "sqlalchemy", "trafilatura", "pyarrow", "lxml", "httpx", "htmldate", "warcio", "feedparser", "py3langid")

STORY = ("Colombia and Venezuela agreed on Tuesday to reopen the main border crossing between Cúcuta and San "
         "Antonio del Táchira, ending a closure that had lasted nearly three weeks, officials said.\n")


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys\nfrom storyline.cli import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_ingest_then_export(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 new, 0 duplicate, 0 unchanged, 0 failed" in result.output
    result = runner.invoke(app, ["export", "--db", db, "--kind", "document"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kind"] for r in records] == ["document"] and records[0]["text"] == STORY.strip()


def test_strict_turns_any_failed_input_into_exit_1(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    args = ["ingest", str(tmp_path), "--db", db]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, [*args, "--strict"])
    assert result.exit_code == 1 and "could not be used (--strict)" in result.output


def test_usage_errors_exit_2_and_name_the_choices(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "s.db"), "--kind", "evnt"])
    assert result.exit_code == 2 and "unknown record kind 'evnt'" in result.output and "event" in result.output
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "s.db"), "--format", "csv"])
    assert result.exit_code == 2 and "needs -o" in result.output


def test_db_from_the_environment(tmp_path: Path, monkeypatch: object) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "story.txt")], env={"STORYLINE_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", readme, flags=re.MULTILINE))
    assert documented == {s.name for s in settings.SETTINGS}


def test_every_command_in_the_help_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        if name != "version":
            assert f"storyline {name}" in readme, name


def test_sources_report_as_json(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("date 2025-03-04 Border reopens\n\n" + STORY, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["sources", "--db", db, "--json", "--by", "document"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert "document" in json.dumps(rows) and "Border reopens" in result.stdout
    bad = runner.invoke(app, ["sources", "--db", db, "--sort", "nonsense"])
    assert bad.exit_code == 2 and "nonsense" in bad.output


def test_explain_an_event(tmp_path: Path) -> None:
    text = ("date 2025-11-19 Mexico summons envoy\n\nMexico's foreign ministry summoned the US ambassador on "
            "Wednesday to protest remarks by President Donald Trump, the ministry said in a statement.\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", db]).exit_code == 0
    events = [json.loads(line) for line in runner.invoke(app, ["export", "--db", db, "-k", "event"]).stdout.splitlines()]
    assert events, "the coder found no event in a plain summons sentence"
    result = runner.invoke(app, ["explain", events[0]["id"], "--db", db])
    assert result.exit_code == 0 and events[0]["type"] in result.output and "trigger" in result.output
    missing = runner.invoke(app, ["explain", "0000", "--db", db])
    assert missing.exit_code == 2 and "no event with id '0000'" in missing.output


def test_link_timeline_and_escalation(tmp_path: Path) -> None:
    pages = {
        "a.txt": "date 2025-11-19 Mexico summons envoy\n\nMexico's foreign ministry summoned the US ambassador on "
                 "Wednesday to protest remarks by President Donald Trump, the ministry said in a statement.\n",
        "b.txt": "date 2025-11-20 Envoy summoned\n\nOn Wednesday, Mexico summoned the US ambassador to protest Donald "
                 "Trump's remarks about strikes on cartels, the foreign ministry said.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", db]).exit_code == 0
    stories = [json.loads(line) for line in runner.invoke(app, ["export", "--db", db, "-k", "story"]).stdout.splitlines()]
    assert stories and all(s["kind"] == "story" for s in stories)
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "MEX"])
    assert result.exit_code == 0 and "2025-11-19" in result.output
    result = runner.invoke(app, ["escalation", "--db", db, "--dyad", "MEX-USA", "--by", "week"])
    assert result.exit_code == 0
    assert runner.invoke(app, ["escalation", "--db", db, "--dyad", "MEXUSA"]).exit_code == 2
    before = runner.invoke(app, ["export", "--db", db, "-k", "story"]).stdout
    assert runner.invoke(app, ["link", "--db", db, "--rebuild"]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", db, "-k", "story"]).stdout == before


def test_a_user_lexicon_adds_a_person_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(
        "people:\n  - id: ana-quiroga\n    name: Ana Quiroga\n    roles:\n"
        "      - {title: governor, country: MEX, sector: GOV, start: 2024-01-01}\n", encoding="utf-8")
    text = ("date 2025-03-01 Governor speaks\n\nAna Quiroga told reporters in Monterrey on Friday that the state would "
            "ask the federal government for more troops to protect the highway to the border.\n")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    clean_env = {"STORYLINE_LEXICON": ""}  # the runner restores it afterwards, so no other test sees these files
    result = runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", db,
                                 "--lexicon", str(tmp_path / "people.yaml")], env=clean_env)
    assert result.exit_code == 0, result.output
    mentions = [json.loads(line) for line in runner.invoke(app, ["export", "--db", db, "-k", "mention"]).stdout.splitlines()]
    person = [m for m in mentions if m["type"] == "actor" and m["value"].get("id") == "ana-quiroga"]
    assert person and person[0]["value"]["country"] == "MEX" and person[0]["value"]["sector"] == "GOV"
    (tmp_path / "bad.yaml").write_text("people:\n  - id: x\n    name: X Y\n    roles: [{country: MEXICO}]\n",
                                       encoding="utf-8")
    bad = runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", db, "--lexicon", str(tmp_path / "bad.yaml")],
                        env=clean_env)
    import os

    assert not os.environ.get("STORYLINE_LEXICON")
    assert bad.exit_code == 1 and "bad.yaml" in bad.output


def test_a_user_lexicon_with_a_section_no_stage_reads_stops_before_any_input(tmp_path: Path) -> None:
    (tmp_path / "dates-wrong.yaml").write_text("dates:\n  months: [Brumaire]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Mexico closed the border crossing at Nogales on Friday, officials said.\n",
                                        encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "story.txt"), "--db", str(db),
                                 "--lexicon", str(tmp_path / "dates-wrong.yaml")], env={"STORYLINE_LEXICON": ""})
    assert result.exit_code == 1
    assert "dates-wrong.yaml" in result.output and "dates.months must be a mapping" in result.output
    assert not db.exists()
