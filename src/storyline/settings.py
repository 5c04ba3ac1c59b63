"""One table of settings: name, default, help.

A value comes from, in order: the command line, the environment
(`STORYLINE_<NAME>` upper-cased), a settings file (`--config` or
`$STORYLINE_CONFIG`, TOML), else the default here. `storyline settings`
prints the table; a test checks every setting is documented in the README.

Settings of one command sit in a section of the file: `[watch]` with `every = "10m"` is the
setting `watch_every` (environment `STORYLINE_WATCH_EVERY`). A list in the file (`sources = [...]`)
is read as its items joined by commas.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "storyline.db", "Database: a SQLAlchemy URL or a path to a SQLite file."),
    Setting("max_bytes", 20_000_000, "Inputs larger than this many bytes are refused (ingest_error, stage read)."),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a URL before giving up."),
    Setting("max_redirects", 5, "Redirects followed when fetching a URL."),
    Setting("allow_private", False, "Fetch private, loopback and link-local addresses (refused by default)."),
    Setting("allow_hosts", "", "Hosts fetched (and webhooks posted to) although private: host or host:port, "
            "comma-separated; narrower than allow_private."),
    Setting("workers", 1, "Processes running the per-document pipeline during ingest."),
    Setting("batch_size", 200, "Documents written to the database per transaction."),
    Setting("lexicon", "", "Extra lexicon YAML files merged over the shipped one (several: separated by ':')."),
    Setting("user_agent", "storyline/0.1 (+offline news event coder)", "User-Agent sent when fetching URLs."),
    Setting("host", "127.0.0.1", "Address `storyline serve` listens on."),
    Setting("port", 8000, "Port `storyline serve` listens on."),
    Setting("token", "", "Enables POST /api/documents on `storyline serve` (Authorization: Bearer TOKEN); "
            "empty: the server is read-only. Give it by environment or `token_file`: a --token shows in `ps`."),
    Setting("token_file", "", "A file whose first line is the token (used when `token` is empty)."),
    Setting("max_body", 5_000_000, "Request bodies over this many bytes get 413 from `storyline serve`."),
    Setting("watch_sources", "", "Feeds (http(s) URLs, feed files) and URL-list files `storyline watch` polls, "
            "comma-separated."),
    Setting("watch_every", "10m", "How often `storyline watch` polls each source (s, m, h or d; bare: seconds)."),
    Setting("watch_host_interval", "5s", "Least time between two requests `storyline watch` sends to one host."),
    Setting("watch_backoff", "1m", "First wait after a failed poll; doubles per failure, with jitter."),
    Setting("watch_backoff_max", "6h", "Longest wait after failures (and cap on a server's Retry-After)."),
    Setting("watch_robots", True, "Honour robots.txt for article fetches."),
    Setting("watch_item_attempts", 3, "Polls on which an unfetchable article is tried before it is given up."),
    Setting("watch_rules", "", "Alert rules file (YAML; see examples/alert-rules.yaml); empty: no alerts."),
    Setting("watch_webhook", "", "URL alerts are POSTed to as JSON; empty: none."),
    Setting("watch_webhook_attempts", 4, "Attempts per webhook delivery round, with backoff between them."),
    Setting("watch_alerts_stdout", False, "Print each alert as one JSON line on standard output."),
    Setting("watch_log_format", "text", "Log lines of `storyline watch`: text or json (one object a line)."),
)
SECTIONS = ("watch",)  # `[watch] every = ...` in the settings file is the setting `watch_every`

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    text = str(value).strip()
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError as exc:
        raise ConfigError(f"setting {setting.name!r}: cannot read {text!r} as {kind.__name__}") from exc


def load(overrides: dict[str, Any] | None = None, config_file: str | None = None) -> dict[str, Any]:
    """Resolve every setting: overrides (CLI) > environment > file > default."""
    values = {s.name: s.default for s in SETTINGS}
    path = config_file or os.environ.get("STORYLINE_CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"settings file {path}: {exc}") from exc
        flat: dict[str, Any] = {}
        for key, value in data.items():
            if key in SECTIONS and isinstance(value, dict):
                flat.update({f"{key}_{k}": v for k, v in value.items()})
            else:
                flat[key] = value
        for key, value in flat.items():
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            if key not in _BY_NAME:
                raise ConfigError(f"settings file {path}: unknown setting {key!r}; known: {', '.join(_BY_NAME)}")
            values[key] = _coerce(_BY_NAME[key], value)
    for s in SETTINGS:
        env = os.environ.get(f"STORYLINE_{s.name.upper()}")
        if env is not None:
            values[s.name] = _coerce(s, env)
    for key, value in (overrides or {}).items():
        if value is not None:
            if key not in _BY_NAME:
                raise ConfigError(f"unknown setting {key!r}; known: {', '.join(_BY_NAME)}")
            values[key] = _coerce(_BY_NAME[key], value)
    if values["token_file"] and not values["token"]:
        try:
            lines = Path(values["token_file"]).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"token file {values['token_file']}: {exc.strerror or exc}") from exc
        values["token"] = lines[0].strip() if lines else ""
        if not values["token"]:
            raise ConfigError(f"token file {values['token_file']} is empty: put the token on its first line")
    return values
