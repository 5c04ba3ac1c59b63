"""NUL characters are stripped when text is decoded, so SQLite and PostgreSQL store the same text
(PostgreSQL refuses NULs in text: one would once fail every later write of its batch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import settings
from storyline.ingest import ingest
from storyline.pipeline import build
from storyline.store.db import Store

ARTICLE = ("Officials in the province of Tarsel said on Monday that the bridge over the river would reopen "
           "next week after repairs, ending a detour that had added an hour to the trip for {n} drivers.")


@pytest.fixture
def db_url(any_backend_db_url: str) -> str:
    return any_backend_db_url


def test_nuls_are_stripped_the_same_on_every_backend(db_url: str, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "briefs.jsonl").write_text(
        json.dumps({"title": "Bridge\u0000 reopens", "text": ARTICLE.format(n=1).replace("river", "ri\u0000ver")})
        + "\n" + json.dumps({"text": "\u0000" + ARTICLE.format(n=2), "url": "http://news.test/\u0000a"}) + "\n")
    (pages / "late.txt").write_bytes(ARTICLE.format(n=3).encode() + b"\n\n" + b" " * 9000 + b"Residents said the detour had cost them an hour each day, and the may\x00or promised that the "
                                                 b"next repair of the bridge would be done far more quickly.\n")
    (pages / "late.html").write_bytes(f"<html><body><p>{ARTICLE.format(n=4)}</p>".encode() + b" " * 9000
                                      + b"<p>More\x00 text in a second paragraph of the page.</p></body></html>")
    cfg = settings.load({"db": db_url})
    clean = build(["clean"])
    with Store.open(db_url) as store:
        first = ingest([str(pages)], store, cfg, pipeline=clean)
        assert (first.new, first.failed) == (4, 0), first.errors
        docs = list(store.records(["document"]))
        again = ingest([str(pages)], store, cfg, pipeline=clean)
        assert (again.new, again.unchanged, again.failed) == (0, 4, 0)
    assert all("\x00" not in json.dumps(d) for d in docs)
    texts = " ".join(d["text"] for d in docs)
    assert "over the river" in texts and "and the mayor promised" in texts and "More text" in texts
    assert "Bridge reopens" in {d["title"] for d in docs}
