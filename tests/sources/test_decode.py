"""Decoding bytes that are not UTF-8: the encoding charset_normalizer finds, or a clear refusal."""

from __future__ import annotations

import pytest

from storyline.errors import DecodeError
from storyline.sources.decode import decode_text

RUSSIAN = ("Москва заявила в пятницу, что не признает результаты выборов в Венесуэле, "
           "сообщает агентство «РИА Новости».")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN.replace("«", '"').replace("»", '"'), "koi8_r"),
        ("El presidente de México rechazó la propuesta.", "cp1252"),
        ("Le président a déclaré « nous ne céderons pas » après la réunion à Bogotá.", "cp1252"),
        ("The minister said \u201cwe will not back down\u201d on Friday \u2014 officials said.", "cp1252"),
        ("Minister spraw zagranicznych powiedział, że rozmowy będą kontynuowane w Łodzi.", "cp1250"),
        ("Ο υπουργός Εξωτερικών δήλωσε την Παρασκευή ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
    ],
)
def test_single_byte_encodings_come_out_right(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), "page.txt") == text


def test_utf8_and_its_marks_are_read_as_such() -> None:
    assert decode_text(RUSSIAN.encode("utf-8"), "a.txt") == RUSSIAN
    assert decode_text(b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), "a.txt") == RUSSIAN
    assert decode_text(RUSSIAN.encode("utf-16"), "a.txt") == RUSSIAN


def test_utf8_with_stray_bytes_is_refused_naming_the_offset() -> None:
    data = "Sheinbaum said \u201cno\u201d.".encode() + b" Caf\xe9 de Par\xeds"
    with pytest.raises(DecodeError, match=r"mixed or invalid encoding.*offset 28") as caught:
        decode_text(data, "mixed.txt")
    assert caught.value.source == "mixed.txt" and caught.value.stage == "decode"
