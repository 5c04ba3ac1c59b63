"""Feedback during an ingest: a live bar on a terminal, one summary line otherwise."""

from __future__ import annotations

import sys
from typing import Any

from .ingest import IngestSummary


class IngestProgress:
    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.live = not quiet and sys.stderr.isatty()
        self.counts = {"new": 0, "duplicate": 0, "unchanged": 0, "failed": 0, "skipped": 0}
        self._progress: Any = None

    def __enter__(self) -> IngestProgress:
        if self.live:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]ingest[/] {task.completed} inputs"),
                TextColumn("new {task.fields[new]} · duplicate {task.fields[duplicate]} · "
                           "unchanged {task.fields[unchanged]} · failed {task.fields[failed]}"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("[dim]{task.fields[source]}"),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=None, rate="", source="", **self.counts)
        return self

    def update(self, status: str, source: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        if self._progress is not None:
            task = self._progress.tasks[0]
            elapsed = task.elapsed or 0.0
            done = sum(self.counts.values())
            rate = f"{done / elapsed:.1f}/s" if elapsed > 0.5 else ""
            self._progress.update(self._task, advance=1, rate=rate, source=source[-60:], **self.counts)

    def finish(self, summary: IngestSummary) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        if self.quiet:
            return
        line = (f"ingested {summary.documents + summary.failed} inputs in {summary.seconds:.1f}s "
                f"({summary.per_second:.1f}/s): {summary.new} new, {summary.duplicate} duplicate, "
                f"{summary.unchanged} unchanged, {summary.failed} failed")
        if summary.skipped:
            line += f"; {summary.skipped} files in folders not read (see ingest_error stage skip)"
        print(line, file=sys.stderr)
        if summary.link:
            print("linked: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.link.items()),
                  file=sys.stderr)
        for err in summary.errors:
            what = "skipped" if err.stage == "skip" else "failed"
            print(f"  {what}: {err.source}: {err.stage}: {err.error}", file=sys.stderr)
        more = summary.failed + summary.skipped - len(summary.errors)
        if more > 0:
            print(f"  … and {more} more; see `storyline export --kind ingest_error`", file=sys.stderr)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
