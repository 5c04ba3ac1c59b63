"""Bytes -> text, refusing what is not text.

UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as
such. Other bytes are read as Windows-1252 only when they hold no UTF-8
multi-byte sequence at all: a file that mixes valid UTF-8 with stray bytes of
another encoding is refused rather than silently garbled, since quotes and
names would come out wrong. Binary files (NUL bytes, many control characters)
are refused too.

Text that reaches storyline as text (a JSONL field, a posted body) goes through `checked_text`: a lone
surrogate (`"\\ud800"` in JSON) is not a character and is refused; NUL characters carry nothing and are
stripped, on every backend alike (PostgreSQL cannot store them). Decoded bytes lose their NULs the same way.
"""

from __future__ import annotations

import re
import zlib

from ..errors import DecodeError, FormatError, TooLargeError

UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")
# Text has essentially no control characters; a few stray ones are tolerated.
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 8192
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a mark: NULs are expected
    if b"\x00" in head:
        return True
    return len(CONTROL.findall(head)) > MAX_CONTROL_SHARE * max(len(head), 1)


def checked_text(value: str, source: str, what: str = "the text") -> str:
    """`value` without NUL characters; a lone surrogate, which no encoding can store, raises DecodeError."""
    at = LONE_SURROGATE.search(value)
    if at:
        raise DecodeError(source, f"{what} holds a lone surrogate (U+{ord(at.group()):04X} at character "
                                  f"{at.start()}), which is not a character: fix the producer's escaping")
    return value.replace("\x00", "") if "\x00" in value else value


def decode_text(data: bytes, source: str) -> str:
    return _decode(data, source).replace("\x00", "")


def _decode(data: bytes, source: str) -> str:
    if looks_binary(data):
        raise DecodeError(source, "this is a binary file, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"invalid UTF-16 at byte {exc.start}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if UTF8_MULTIBYTE.search(data):
            raise DecodeError(
                source,
                f"mixed or invalid encoding: valid UTF-8 text with an undecodable byte at offset {exc.start}; "
                "re-save the file as UTF-8",
            ) from exc
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc2:
            raise DecodeError(source, f"not UTF-8 and not Windows-1252 (byte {exc2.start})") from exc2


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress, refusing truncated streams and anything over the size cap once unpacked."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise FormatError(source, f"corrupt gzip data ({exc})", stage="decompress") from exc
    if len(out) > max_bytes:
        raise TooLargeError(source, f"over the size cap of {max_bytes:,} bytes once decompressed")
    if not d.eof:
        raise FormatError(source, "truncated gzip file: the stream ends before its end marker", stage="decompress")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


__all__ = ["checked_text", "decode_text", "gunzip", "is_gzip", "looks_binary"]
