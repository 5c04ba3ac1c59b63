"""Bytes -> text, refusing what is not text.

UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as
such. Other bytes are read in the single-byte encoding charset_normalizer finds
fits them best (Windows-1252, Windows-1251 Russian, KOI8-R, Windows-1250, Greek,
...; on a tie, the earlier in `SINGLE_BYTE`), so cp1251 Russian comes out as
"Москва", not "Ìîñêâà". A file most of whose non-ASCII bytes are valid UTF-8
sequences but with stray bytes of another encoding is refused rather than
silently garbled, since quotes and names would come out wrong; so are bytes no
single-byte encoding reads as text. Binary files (NUL bytes, many control
characters) are refused too.

Text that reaches storyline as text (a JSONL field, a posted body) goes through `checked_text`: a lone
surrogate (`"\\ud800"` in JSON) is not a character and is refused; NUL characters carry nothing and are
stripped, on every backend alike (PostgreSQL cannot store them). Decoded bytes lose their NULs the same way.
"""

from __future__ import annotations

import re
import zlib

from ..errors import DecodeError, FormatError, TooLargeError

# A well-formed UTF-8 multi-byte character (two, three or four bytes).
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
NON_ASCII = re.compile(rb"[\x80-\xff]")
# When this share of the non-ASCII bytes are UTF-8 characters, the file is UTF-8 with stray bytes, not
# another encoding (where such pairs occur by chance: "А»" in cp1251 is a valid two-byte sequence).
MIXED_UTF8_SHARE = 0.5
# The encodings a non-UTF-8 file may be in, in order of preference when they fit equally well.
SINGLE_BYTE = ("cp1252", "cp1251", "cp1250", "koi8_r", "cp1253", "cp1254", "cp1257", "cp1256", "cp1255",
               "iso8859_15", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "koi8_u", "mac_cyrillic")
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
        utf8 = sum(len(m) for m in UTF8_MULTIBYTE.findall(data))
        if utf8 and utf8 >= MIXED_UTF8_SHARE * len(NON_ASCII.findall(data)):
            raise DecodeError(
                source,
                f"mixed or invalid encoding: valid UTF-8 text with an undecodable byte at offset {exc.start}; "
                "re-save the file as UTF-8",
            ) from exc
        from charset_normalizer import from_bytes

        fits = list(from_bytes(data, cp_isolation=list(SINGLE_BYTE)))
        if not fits:
            raise DecodeError(
                source, f"not UTF-8 (byte {exc.start}) and no single-byte encoding reads it as text"
            ) from exc
        best = min((m.chaos, -m.coherence) for m in fits)
        tied = [m for m in fits if (m.chaos, -m.coherence) <= best]
        chosen = min(tied, key=lambda m: SINGLE_BYTE.index(m.encoding) if m.encoding in SINGLE_BYTE else 99)
        return str(chosen)


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
