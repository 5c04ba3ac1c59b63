"""The `storyline` command: parse options, call the library, print.

No logic lives here. Heavy modules (SQLAlchemy, trafilatura, pyarrow) are
imported inside the commands that need them, so `storyline --help` stays fast;
a test checks that.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .clihelp import HelpGroup
from .errors import StorylineError, UsageError

if TYPE_CHECKING:
    from .store.db import Store

app = typer.Typer(
    name="storyline",
    help="Turn news pages into a sourced record of who did or said what to whom, when, where and how escalatory.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help prints bracketed text as written: storyline[spark], [default: …]
    cls=HelpGroup,
)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL or SQLite path. Default: $STORYLINE_DB, else ./storyline.db."),
]
CONTRACT_KINDS = ["document", "event", "quote", "claim", "citation_issue", "story", "incident", "ingest_error"]


def _settings(**overrides: Any) -> dict[str, Any]:
    from . import settings

    return settings.load(overrides)


def _use_lexicon(files: str) -> None:
    """Make user lexicon files visible to every stage (and to worker processes), and check them now."""
    if not files:
        return
    from .lexicon_data import ENV_VAR
    from .pipeline import check_lexicons

    os.environ[ENV_VAR] = files
    check_lexicons()  # a file that cannot be used fails here, before any input is read


def _fail(exc: StorylineError) -> typer.Exit:
    typer.echo(f"storyline: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The store the settings name, open; an error opening it or in the block exits as `_fail` says."""
    from .store.db import Store

    try:
        with Store.open(_settings(db=db)["db"]) as store:
            yield store
    except StorylineError as exc:
        raise _fail(exc) from exc


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, - for stdin, .jsonl, .warc(.gz), "
                                                    "RSS/Atom feeds, http(s) URLs.", show_default=False)],
    db: DbOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any input could not be used (without it: "
                                         "exit 1 only when no input was stored or already there).")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="Allow fetching private and loopback addresses.")] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Size cap per input, in bytes "
                                                  "[default: 20000000].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Processes for the per-document "
                                                "pipeline [default: 1].")] = None,
    lexicon: Annotated[list[str] | None, typer.Option("--lexicon", help="A YAML file extending the lexicons "
                                                      "(actors, places, triggers, dates, quotes, claims, citations, "
                                                      "boilerplate); repeat for several.")] = None,
) -> None:
    """Read news pages, clean them, code them, and store them. Safe to run twice.

    Exits 0 when at least one input was stored or was already there, 1 when none was (or, with
    --strict, when any input failed), 2 when a named path does not exist (nothing is created then).
    """
    from .ingest import ingest as run_ingest
    from .progress import IngestProgress
    from .sources import missing_paths
    from .store.db import Store

    try:
        missing = missing_paths(inputs)
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)} (nothing was ingested)")
        cfg = _settings(db=db, allow_private=allow_private or None, max_bytes=max_bytes, workers=workers,
                        lexicon=os.pathsep.join(lexicon) if lexicon else None)
        _use_lexicon(cfg["lexicon"])
        with Store.open(cfg["db"], batch_size=cfg["batch_size"]) as store, IngestProgress(quiet=quiet) as progress:
            summary = run_ingest(inputs, store, cfg, on_item=progress.update, workers=cfg["workers"])
            progress.finish(summary)
    except StorylineError as exc:
        raise _fail(exc) from exc
    if strict and summary.failed:
        typer.echo(f"storyline: {summary.failed} input(s) could not be used (--strict)", err=True)
        raise typer.Exit(1)
    if not summary.documents:
        typer.echo("storyline: no input was stored or already there"
                   + (f" ({summary.failed} failed)" if summary.failed else ""), err=True)
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Record kind to export; repeat for several. "
                                                   f"Default: {', '.join(CONTRACT_KINDS)}.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Output file (a folder for csv/parquet "
                                                "with several kinds). Default for jsonl: standard output.")] = None,
) -> None:
    """Write stored records in the export contract's shape (JSON Lines to stdout by default)."""
    from .store.db import KINDS, Store
    from .store.export import FORMATS, check_output, write_files, write_jsonl

    known = [*KINDS, "story", "incident"]
    kinds = kind or CONTRACT_KINDS
    try:
        bad = [k for k in kinds if k not in known]
        if bad:
            raise UsageError(f"unknown record kind {bad[0]!r}; choose from {', '.join(known)}")
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt != "jsonl":
            check_output(kinds, fmt, output)
        cfg = _settings(db=db)
        with Store.open(cfg["db"]) as store:
            records = store.records([k for k in kinds if k in KINDS])
            if "story" in kinds:
                from itertools import chain

                from .link import story_records

                records = chain(records, story_records(store))
            if "incident" in kinds:
                from itertools import chain

                from .store.incidents import incident_records

                records = chain(records, incident_records(store))
            if fmt == "jsonl":
                if output:
                    with open(output, "w", encoding="utf-8") as f:
                        n = write_jsonl(records, f)
                    typer.echo(f"wrote {n} records to {output}", err=True)
                else:
                    write_jsonl(records, sys.stdout)
            else:
                counts = write_files(records, kinds, fmt, output)
                typer.echo(f"wrote {sum(counts.values())} records to {output} "
                           f"({', '.join(f'{k}: {v}' for k, v in counts.items()) or 'none'})", err=True)
    except StorylineError as exc:
        raise _fail(exc) from exc
    except BrokenPipeError:  # the reader stopped early (`| head`); not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except OSError as exc:
        typer.echo(f"storyline: error: export: cannot write {output}: {exc.strerror}", err=True)
        raise typer.Exit(1) from exc


@app.command()
def sources(
    db: DbOption = None,
    by: Annotated[str | None, typer.Option("--by", help="publisher or document. Default: both tables.")] = None,
    sort: Annotated[str | None, typer.Option("--sort", help="Column to sort by, e.g. boilerplate, named, unsourced, "
                                             "citation_issues, after_publication, stale_new (--json lists them all)."
                                             )] = None,
    desc: Annotated[bool, typer.Option("--desc", help="Sort in descending order.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Rows per table.")] = None,
) -> None:
    """How well each publisher and document holds up: boilerplate, named speakers, unsourced claims,
    citation findings, dates that cannot be right."""
    import json
    import shutil

    from .report import render_report, report_json, source_report

    with _store(db) as store:
        report = source_report(store)
        if as_json:
            typer.echo(json.dumps(report_json(report, by=by, sort=sort, desc=desc, limit=limit), ensure_ascii=False,
                                  indent=2))
        else:
            width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else None
            typer.echo(render_report(report, by=by, sort=sort, desc=desc, limit=limit, width=width), nl=False)


@app.command()
def link(
    db: DbOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild every link from scratch (same result).")] = False,
) -> None:
    """Link documents across sources: near-duplicates, stories, corroboration, conflicts. Ingest does this too."""
    from .link import link_new, relink_all

    with _store(db) as store:
        result = relink_all(store) if rebuild else link_new(store)
    typer.echo(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.as_dict().items()))


@app.command()
def timeline(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor country: ISO3 code or name, "
                                                                 "e.g. USA or 'United States'.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Recipient country: ISO3 code or "
                                                                     "name, e.g. MEX or Mexico.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date, YYYY[-MM[-DD]].")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. THREATEN.")] = None,
) -> None:
    """Stories in date order, with their corroboration and conflicting figures."""
    from .link import timeline_text

    with _store(db) as store:
        text = timeline_text(store, actor=actor, recipient=recipient, since=since, until=until, type=event_type)
    typer.echo(text)


@app.command()
def escalation(
    db: DbOption = None,
    dyad: Annotated[str, typer.Option("--dyad", help="ACTOR-RECIPIENT countries (ISO3).")] = "USA-MEX",
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "week",
    include_undated: Annotated[bool, typer.Option("--include-undated", help="Count undated events (and those dated "
                                                  "less precisely than the period) at their article's date, "
                                                  "marked so.")] = False,
) -> None:
    """Summed PLOVER intensity per period for one dyad, counting each real-world event once."""
    from .link import escalation_text

    with _store(db) as store:
        text = escalation_text(store, dyad, by, include_undated)
    typer.echo(text)


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(help="The id of an event record (see `storyline export --kind event`).")],
    other: Annotated[str | None, typer.Option("--with", help="Another event's id: say why the two reports are, "
                                              "or are not, one incident, criterion by criterion.")] = None,
    db: DbOption = None,
) -> None:
    """Say why an event was coded as it was (trigger, lexicon rule, roles, status cue, date words), or with
    --with why two reports were merged into one incident or kept apart."""
    from .explain import explain_event
    from .store.db import Store

    try:
        cfg = _settings(db=db)
        with Store.open(cfg["db"]) as store:
            record = store.record("event", event_id)
            if other is not None:
                from .link.why import explain_merge, merge_text

                typer.echo(merge_text(explain_merge(store, event_id, other)))
                return
        if record is None:
            raise UsageError(f"no event with id {event_id!r} in {cfg['db']}; list them with "
                             "`storyline export --kind event`")
    except StorylineError as exc:
        raise _fail(exc) from exc
    typer.echo(explain_event(record))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str | None, typer.Option("--host", help="Address to listen on. Default: 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option("--port", min=1, max=65535,
                                             help="Port to listen on. Default: 8000.")] = None,
    token: Annotated[str | None, typer.Option("--token", help="Enable POST /api/documents for clients sending "
                                              "'Authorization: Bearer TOKEN'. Discouraged: other users see it "
                                              "in `ps`; use $STORYLINE_TOKEN or --token-file. Without a token "
                                              "the server is read-only.")] = None,
    token_file: Annotated[str | None, typer.Option("--token-file", help="Read the token from the first line "
                                                   "of this file. Default: $STORYLINE_TOKEN_FILE.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    link: Annotated[bool, typer.Option("--link/--no-link",
                                       help="Link new documents into stories before serving.")] = True,
) -> None:
    """Serve the dashboard and the JSON API over the store (read-only without a token)."""
    import uvicorn

    from .api.app import create_app
    from .link import link_new
    from .store.db import Store, can_write

    if token:
        typer.echo("storyline: warning: --token shows in `ps` to every user of this machine; "
                   "prefer STORYLINE_TOKEN or --token-file", err=True)
    try:
        cfg = _settings(db=db, host=host, port=port, token=token, token_file=token_file)
        writable = can_write(cfg["db"])
        if not writable:
            typer.echo(f"storyline: {cfg['db']} cannot be written: serving it read-only, without linking", err=True)
        if link and writable:
            with Store.open(cfg["db"]) as store:
                linked = link_new(store)
            if linked.events:
                typer.echo(f"storyline: linked {linked.events} new events into {linked.stories} stories", err=True)
        application = None if workers > 1 else create_app(cfg["db"], token=cfg["token"] or None,
                                                          max_body=cfg["max_body"], settings=cfg)
    except StorylineError as exc:
        raise _fail(exc) from exc
    mode = "POST /api/documents needs the token" if cfg["token"] else "read-only"
    typer.echo(f"storyline: serving {cfg['db']} at http://{cfg['host']}:{cfg['port']}/ ({mode}); "
               "API docs at /docs; Ctrl+C stops", err=True)
    if application is not None:
        uvicorn.run(application, host=cfg["host"], port=cfg["port"], log_level="warning")
    else:  # each worker process builds its own app from the environment
        os.environ.pop("STORYLINE_TOKEN_FILE", None)
        os.environ.update(STORYLINE_DB=cfg["db"], STORYLINE_TOKEN=cfg["token"],
                          STORYLINE_MAX_BODY=str(cfg["max_body"]))
        uvicorn.run("storyline.api.app:app_from_settings", factory=True, host=cfg["host"], port=cfg["port"],
                    workers=workers, log_level="warning")


@app.command()
def summary(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Documents to list.")] = 20,
) -> None:
    """Show what the store holds: record counts, the latest documents, recent errors."""
    import shutil

    from .store.db import Store, can_write
    from .summary import render_plain, render_terminal, summary_data

    try:
        cfg = _settings(db=db)
        with Store.open(cfg["db"], read_only=not can_write(cfg["db"])) as store:
            data = summary_data(store, limit=limit)
    except StorylineError as exc:
        raise _fail(exc) from exc
    if sys.stdout.isatty():
        typer.echo(render_terminal(data, cfg["db"], shutil.get_terminal_size((100, 24)).columns), nl=False)
    else:  # a pipe or a file: every column in full, one row a line
        typer.echo(render_plain(data, cfg["db"]), nl=False)


@app.command()
def watch(
    sources: Annotated[list[str] | None, typer.Argument(help="Feed URLs, feed files and URL-list files (one article "
                                                        "URL a line). Default: watch.sources of the settings file.",
                                                        show_default=False)] = None,
    db: DbOption = None,
    every: Annotated[str | None, typer.Option("--every", help="Poll each source this often: 30s, 10m, 2h "
                                              "[default: 10m].")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source that is due once, then exit (for cron).")
                    ] = False,
    rules: Annotated[str | None, typer.Option("--rules", help="Alert rules file (YAML; see "
                                              "examples/alert-rules.yaml).")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert as JSON to this URL.")] = None,
    alerts_stdout: Annotated[bool, typer.Option("--alerts-stdout", help="Print each alert as a JSON line on "
                                                "standard output.")] = False,
    log_format: Annotated[str | None, typer.Option("--log-format", help="text or json: one line a poll on "
                                                   "standard error [default: text].")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private and loopback addresses "
                                                "(feeds, articles, webhook).")] = False,
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="Allow this private host or "
                                                         "host:port only; repeat for several.")] = None,
    config: Annotated[str | None, typer.Option("--config", help="Settings file (TOML) with a [watch] section. "
                                               "Default: $STORYLINE_CONFIG.")] = None,
) -> None:
    """Poll feeds and URL lists politely, ingest every new article, and fire alerts. Stops cleanly on
    SIGTERM or Ctrl+C; a restarted watcher resumes where it stopped."""
    from . import settings as settings_module
    from .store.db import Store
    from .watch import Watcher

    try:
        overrides = {"db": db, "watch_every": every, "watch_rules": rules, "watch_webhook": webhook,
                     "watch_alerts_stdout": alerts_stdout or None, "watch_log_format": log_format,
                     "allow_private": allow_private or None,
                     "allow_hosts": ",".join(allow_host) if allow_host else None}
        cfg = settings_module.load(overrides, config_file=config)
        _use_lexicon(cfg["lexicon"])
        with Store.open(cfg["db"], batch_size=cfg["batch_size"]) as store:
            watcher = Watcher(store, cfg, sources=sources or None)
            watcher.stop_on_signals()
            watcher.run(once=once)
    except StorylineError as exc:
        raise _fail(exc) from exc


@app.command()
def alerts(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option("--since", help="Alerts fired after this: 2025-11-18, "
                                              "2025-11-18T09:30:00Z, or 2h (two hours ago).")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Alerts of this rule only.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Alerts to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line.")] = False,
) -> None:
    """List the alerts `storyline watch` fired, latest first, and whether the webhook took them."""
    import json

    from .store import watchqueries
    from .watch.clock import moment

    with _store(db) as store:
        watchqueries.ensure(store)
        page = watchqueries.alerts_page(store, moment(since) if since else None, rule, limit)
    for a in page["items"]:
        if as_json:
            typer.echo(json.dumps(a, ensure_ascii=False, default=str))
            continue
        inc = a["incident"]
        who = "→".join(str((inc.get(k) or {}).get("country") or "?") for k in ("actor", "recipient"))
        sent = "delivered" if a["delivered_at"] else f"not delivered ({a['delivery_error']})" \
            if a["delivery_error"] else "not sent"
        typer.echo(f"{a['fired_at'][:19]}  {a['rule']}  {inc['type']} {who} {inc.get('date') or 'undated'}  "
                   f"corroboration {inc.get('corroboration')}  story {a.get('story_id') or '-'}  {sent}")
    if not as_json:
        typer.echo(f"{page['total']} alert(s)" + (f", {len(page['items'])} shown" if page["total"] > limit else ""),
                   err=True)


spark_app = typer.Typer(help="Run the per-document pipeline on Apache Spark (pip install 'storyline[spark]', "
                        "Java 17+); `storyline load` then stores and links the output.",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("run")
def spark_run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders and globs, or Hadoop paths (hdfs://, s3a://, "
                                                    "file://): .html, .txt, .jsonl, .warc(.gz), optionally .gz.",
                                                show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder (local or Hadoop path) that receives one "
                                        "Parquet dataset per record kind; replaced if it exists.",
                                        show_default=False)],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[2]",
    conf: Annotated[list[str] | None, typer.Option("--conf", help="A Spark setting KEY=VALUE, e.g. "
                                                   "spark.driver.memory=4g; repeat for several.")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Size cap per input file, in bytes "
                                                  "[default: 20000000].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Process inputs on Spark and write Parquet: the per-document records `storyline ingest` would store
    (linking across documents runs after `storyline load`)."""
    import json

    from .scale import spark as spark_job

    try:
        bad = [c for c in conf or [] if "=" not in c]
        if bad:
            raise UsageError(f"--conf {bad[0]!r}: write KEY=VALUE, e.g. spark.driver.memory=4g")
        pairs = dict(c.split("=", 1) for c in conf or [])
        cfg = _settings(max_bytes=max_bytes)
        summary = spark_job.run(inputs, output, cfg, master=master, conf=pairs)
    except StorylineError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), indent=2))
        return
    typer.echo(f"{summary.new} new, {summary.duplicate} duplicate, {summary.unchanged} unchanged, "
               f"{summary.failed} failed from {summary.files} files in {summary.seconds:.1f} s "
               f"({summary.per_second:.1f}/s; Spark start-up {summary.startup_seconds:.1f} s more)")
    typer.echo("wrote " + ", ".join(f"{k}: {n}" for k, n in summary.records.items()) + f" to {output}")


@app.command("load")
def load_output(
    folder: Annotated[str, typer.Argument(help="The --output folder of `storyline spark run`.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Bulk-load the Parquet output of `storyline spark run` into the store, then link what is new
    (near-duplicates, incidents, stories). Safe to run twice."""
    from .scale.load import load
    from .store.db import Store

    try:
        cfg = _settings(db=db)
        with Store.open(cfg["db"]) as store:
            summary = load(folder, store)
    except StorylineError as exc:
        raise _fail(exc) from exc
    typer.echo(f"loaded {folder} into {cfg['db']} in {summary.seconds:.1f} s: "
               + ", ".join(f"{k} {summary.inserted[k]} new of {n}" for k, n in summary.read.items())
               + f"; linked {summary.link.get('events', 0)} new events into {summary.link.get('stories', 0)} stories")


@app.command("settings")
def show_settings() -> None:
    """List every setting, its current value and where to change it."""
    from . import settings

    values = settings.load()
    for s in settings.SETTINGS:
        typer.echo(f"{s.name:16} {values[s.name]!s:40} STORYLINE_{s.name.upper()}  {s.help}")


@app.command()
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    app()
