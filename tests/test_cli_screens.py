"""What the command line shows a reader: the summary table at real terminal widths and in a pipe, and help text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
runner = CliRunner()
LONG_TITLE = ("Mexico and the United States agree to a joint review of border security, cartel financing, "
              "arms trafficking and migration after weeks of talks in Mexico City and Washington")


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled examples, plus a brief with a title far wider than any terminal and no date."""
    folder = tmp_path_factory.mktemp("summary")
    brief = folder / "long-title.jsonl"
    brief.write_text('{"title": "' + LONG_TITLE + '", "text": "Mexico and the United States agreed on Tuesday to '
                     'review border security together, officials in both capitals said."}\n', encoding="utf-8")
    db = str(folder / "s.db")
    result = runner.invoke(app, ["ingest", str(EXAMPLES), str(brief), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    yield db


def _data(db: str) -> dict:
    from storyline.store.db import Store
    from storyline.summary import summary_data

    with Store.open(db) as store:
        return summary_data(store)


@pytest.mark.parametrize("width", [80, 88, 100, 120, 160])
def test_summary_fits_the_terminal_and_keeps_every_number(examples_db: str, width: int) -> None:
    from storyline.summary import render_terminal

    data = _data(examples_db)
    lines = ANSI.sub("", render_terminal(data, examples_db, width)).splitlines()
    assert max(len(line) for line in lines) <= width
    header = next(line for line in lines if line.startswith("published"))
    for name in ("events", "quotes", "claims", "issues"):
        assert re.search(rf"\b{name}\b", header), (name, header)
    rows = [line for line in lines if re.match(r"^(\d{4}(-\d\d){0,2}|—) ", line)]
    assert len(rows) == len(data["documents"])
    for row, doc in zip(rows, data["documents"], strict=True):
        numbers = [int(n) for n in re.findall(r"\s(\d+)(?=\s|$)", row)]
        # the row ends with events, quotes, claims, issues (then the copy id when there is room)
        assert numbers[-4:] == [doc["event"], doc["quote"], doc["claim"], doc["citation_issue"]] or \
            numbers[-5:-1] == [doc["event"], doc["quote"], doc["claim"], doc["citation_issue"]], row


def test_summary_lists_documents_latest_published_first(examples_db: str) -> None:
    docs = _data(examples_db)["documents"]
    dated = [d["published"] for d in docs if d["published"]]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 4
    assert docs[-1]["published"] is None  # the undated brief comes last, though it was ingested last


def test_summary_in_a_pipe_is_plain_rows_cut_nowhere(examples_db: str) -> None:
    result = runner.invoke(app, ["summary", "--db", examples_db])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout and "┃" not in result.stdout
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("published\t"))
    rows = [line.split("\t") for line in lines[header + 1:] if "\t" in line]
    names = lines[header].split("\t")
    assert len(rows) == len(_data(examples_db)["documents"]) and all(len(r) == len(names) for r in rows)
    assert any(r[names.index("title")] == LONG_TITLE for r in rows)  # 180 characters, whole
    assert {r[names.index("source")] for r in rows} >= {str(EXAMPLES / "invented-wire-story.html")}


def _commands() -> list[list[str]]:
    out = [[]]
    for command in app.registered_commands:
        out.append([command.name or command.callback.__name__.replace("_", "-")])  # type: ignore[union-attr]
    for group in app.registered_groups:
        out.append([group.name])
        out += [[group.name, c.name or c.callback.__name__] for c in group.typer_instance.registered_commands]
    return out


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "storyline")
def test_help_shows_plain_names_and_bracketed_text(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Usage: storyline" in text
    placeholders = re.findall(r"<[a-z][^>]*>|\{\w+\}", text)
    assert placeholders == [], placeholders
    if command == ["spark"]:
        assert "storyline[spark]" in text
    if command in (["ingest"], ["spark", "run"]):
        assert "--max-bytes BYTES" in text and "[default: 20000000]" in text


def _left_out(text: str) -> int:
    found = re.search(r"\((\d+) events undated", text)
    return int(found.group(1)) if found else 0


def test_escalation_counts_undated_events_at_their_article_date_when_asked(examples_db: str) -> None:
    plain = runner.invoke(app, ["escalation", "--db", examples_db, "--dyad", "MEX-USA"])
    assert plain.exit_code == 0 and "--include-undated counts them" in plain.stdout
    assert "summed PLOVER intensity" in plain.stdout and "each real-world event once" in plain.stdout
    wider = runner.invoke(app, ["escalation", "--db", examples_db, "--dyad", "MEX-USA", "--include-undated"])
    assert wider.exit_code == 0
    marked = re.findall(r"^(\d{4}-W\d\d) .*\((\d+) undated, at their article's date\)$", wider.stdout, re.M)
    assert marked and sum(int(n) for _, n in marked) == _left_out(plain.stdout) - _left_out(wider.stdout) > 0
    # the analysis page's undated events sit in the week it was published (2025-03-04)
    assert "2025-W10" in {week for week, _ in marked}
