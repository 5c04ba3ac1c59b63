"""How `storyline … --help` names values: plain words (`--db URL`, `INPUT...`), never type placeholders.

Typer prints a parameter's Python type as its placeholder (`<str>`, `<list[str]>`, `<int range>`)
and wraps a required argument in braces in the usage line (`{inputs}...`). `HelpGroup`, the class of
the `storyline` group, gives every option that takes a value a metavar (the one the command declares,
else its name in capitals) and every argument a plain name, recursively through sub-groups. The help
is printed without rich markup (`rich_markup_mode=None` in `cli.py`), so bracketed text such as
`storyline[spark]` or `[default: 20000000]` shows as written.

It changes only what help prints; parsing is Typer's.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup

# What a value is, by parameter name; a parameter not listed shows its name in capitals.
METAVARS = {
    "inputs": "INPUT", "db": "URL", "max_bytes": "BYTES", "workers": "N", "lexicon": "FILE", "kind": "KIND",
    "fmt": "FORMAT", "output": "PATH", "by": "BY", "sort": "COLUMN", "limit": "N", "actor": "COUNTRY",
    "recipient": "COUNTRY", "since": "DATE", "until": "DATE", "event_type": "TYPE", "dyad": "DYAD",
    "event_id": "EVENT_ID", "host": "ADDRESS", "port": "PORT", "token": "TOKEN", "master": "URL",
    "conf": "KEY=VALUE", "folder": "FOLDER",
}


class PlainArgument(TyperArgument):
    """An argument shown by its metavar alone: `INPUT...` in the usage line and the arguments list."""

    def _label(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.nargs == 1 or name.endswith("...") else f"{name}..."

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def display_type(self, ctx: Any) -> str:
        return ""

    def _rich_display_name(self) -> str:
        return self._label()

    def _usage_display_name(self) -> str:
        return self._label() if self.required else f"[{self._label()}]"

    def make_metavar(self, ctx: Any = None) -> str:  # older Typer and Click build the usage line from this
        return self._usage_display_name()


def plain_help(command: Any) -> None:
    """Give the options and arguments of `command` and its sub-commands plain names, in place."""
    for param in getattr(command, "params", []):
        named = METAVARS.get(param.name or "", (param.name or "VALUE").upper())
        if isinstance(param, TyperArgument):
            param.__class__ = PlainArgument
            param.metavar = param.metavar or named
        elif not getattr(param, "is_flag", False) and not getattr(param, "count", False) and param.metavar is None:
            param.metavar = named
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)


class HelpGroup(TyperGroup):
    """The `storyline` group: as Typer's, with plain help names on every command (`plain_help`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        plain_help(self)
