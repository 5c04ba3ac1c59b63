"""Records passed through as the JSON text the store holds, instead of decoded and encoded again.

A list page of 50 events spends more time in `json.loads` of each stored record and `json.dumps` of
the page than in its queries. `RawJSON(text, extra)` carries a stored JSON object undecoded, with a
few keys to add (an event's `document`); `dumps(value)` writes a structure holding them with each
text copied in verbatim, and `materialize(value)` decodes them where Python code needs the fields
(the HTML templates).

It does not check that a text is valid JSON: it must be an object the store wrote.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

# One encoder, made once: json.dumps with options builds a new one on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


class RawJSON:
    """A JSON object as text, plus keys to add to it."""

    __slots__ = ("extra", "extra_json", "text")

    def __init__(self, text: str, extra: dict[str, Any] | None = None, extra_json: str | None = None) -> None:
        """`extra_json`: `extra` already encoded (without its braces), when many records share it."""
        self.text = text
        self.extra = extra or {}
        self.extra_json = extra_json

    def decode(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.text)
        value.update(self.extra)
        return value

    def encode(self) -> str:
        """The text with the extra keys written in before its closing brace."""
        if not self.extra:
            return self.text
        body = self.text.rstrip()[:-1].rstrip()
        extra = self.extra_json if self.extra_json is not None else encode_members(self.extra)
        return f"{body}{'' if body.endswith('{') else ','}{extra}}}"


def encode_members(members: dict[str, Any]) -> str:
    """The members of a JSON object, without its braces."""
    return _ENCODER.encode(members)[1:-1]


def materialize(value: Any) -> Any:
    """`value` with every `RawJSON` in it decoded (lists and dicts are copied where they hold one)."""
    if isinstance(value, RawJSON):
        return value.decode()
    if isinstance(value, dict):
        return {k: materialize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [materialize(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Compact JSON of `value`, each `RawJSON` written as its text.

    Each raw record is first written as a placeholder string carrying a random token, then
    replaced: the token cannot occur in the data, so nothing else is ever replaced.
    """
    raws: list[RawJSON] = []
    token = secrets.token_hex(8)

    def default(obj: Any) -> Any:
        if isinstance(obj, RawJSON):
            raws.append(obj)
            return f"{token}:{len(raws) - 1}"
        return str(obj)

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)
    if not raws:
        return text
    first, *rest = text.split(f'"{token}:')
    out = [first]
    for part in rest:  # each starts with the record's number and the placeholder's closing quote
        number, _, after = part.partition('"')
        out += (raws[int(number)].encode(), after)
    return "".join(out)
