"""Source readers: every input kind, and every kind of bad input leaving an ingest_error."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from storyline.model import IngestError, RawInput
from storyline.sources import read_inputs

ARTICLE = (
    "Mexico's foreign ministry summoned the US ambassador on Wednesday to protest remarks by President Donald "
    "Trump, who had called strikes on cartels inside Mexico an option.\n\n"
    "\u201cWe do not accept interventions of any kind,\u201d the ministry said in a statement."
)
HTML = (
    "<html><head><title>Ministry summons envoy</title></head><body><article><h1>Ministry summons envoy</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    + "</article></body></html>"
)


def read(targets: list[str], cfg: dict[str, Any], **kw: Any) -> tuple[list[RawInput], list[IngestError]]:
    items = list(read_inputs(targets, cfg, **kw))
    return [i for i in items if isinstance(i, RawInput)], [i for i in items if isinstance(i, IngestError)]


def test_text_html_and_gzipped_html_files(tmp_path: Path, cfg: dict[str, Any]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(HTML.encode()))
    raws, errors = read([str(tmp_path)], cfg)
    assert errors == []
    assert [(Path(r.source).name, r.format) for r in raws] == [("a.txt", "text"), ("b.html", "html"),
                                                                ("c.htm.gz", "html")]
    assert raws[0].content == ARTICLE
    assert raws[2].content == HTML.encode()


def test_folders_are_walked_recursively_and_globs_expand(tmp_path: Path, cfg: dict[str, Any]) -> None:
    (tmp_path / "2025" / "11").mkdir(parents=True)
    (tmp_path / "2025" / "11" / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2025" / "notes.pdf").write_bytes(b"%PDF-1.4")  # unknown kinds are not picked up from folders
    raws, _ = read([str(tmp_path)], cfg)
    assert [Path(r.source).name for r in raws] == ["deep.txt"]
    raws, _ = read([str(tmp_path / "**" / "*.txt")], cfg)
    assert [Path(r.source).name for r in raws] == ["deep.txt"]


def test_stdin_is_sniffed(cfg: dict[str, Any]) -> None:
    raws, errors = read(["-"], cfg, stdin=io.BytesIO(HTML.encode()))
    assert errors == [] and raws[0].format == "html" and raws[0].source == "-"


def test_jsonl_keeps_good_lines_around_a_malformed_one(tmp_path: Path, cfg: dict[str, Any]) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/a", "title": "Envoy summoned", "published": "2025-11-19"}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"url": "https://example.org/empty"}),
        json.dumps({"html": HTML}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    raws, errors = read([str(path)], cfg)
    assert [(r.format, r.url, r.title, r.published) for r in raws] == [
        ("text", "https://example.org/a", "Envoy summoned", "2025-11-19"),
        ("html", None, None, None),
    ]
    assert [(e.source.rsplit("#", 1)[1], e.stage) for e in errors] == [("L2", "parse"), ("L3", "parse"), ("L4", "parse")]
    assert "not valid JSON" in errors[0].error and "no article" in errors[2].error


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def test_warc_html_responses_become_inputs_and_others_are_skipped(tmp_path: Path, cfg: dict[str, Any]) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([("https://news.example/a", "text/html; charset=utf-8", HTML.encode()),
                            ("https://news.example/logo.png", "image/png", b"\x89PNG...")]))
    raws, errors = read([str(path)], cfg)
    assert errors == []
    assert [(r.url, r.format) for r in raws] == [("https://news.example/a", "html")]


def test_truncated_warc_keeps_what_came_before(tmp_path: Path, cfg: dict[str, Any]) -> None:
    data = _warc([("https://news.example/a", "text/html", HTML.encode()),
                  ("https://news.example/b", "text/html", HTML.encode() * 40)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    raws, errors = read([str(path)], cfg)
    assert [r.url for r in raws] == ["https://news.example/a"]
    assert [(e.source, e.stage) for e in errors] == [(f"{path}#https://news.example/b", "parse")]
    assert "truncated WARC" in errors[0].error


def test_corrupt_warc_is_reported(tmp_path: Path, cfg: dict[str, Any]) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc header block\r\n\r\n" + b"x" * 100)
    raws, errors = read([str(path)], cfg)
    assert raws == [] and [e.stage for e in errors] == ["parse"] and "corrupt WARC" in errors[0].error


@pytest.mark.parametrize(
    ("name", "content", "stage", "words"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "decode", "binary"),
        ("mixed.txt", "Sheinbaum said \u201cno\u201d.".encode() + b" Caf\xe9 de Par\xeds", "decode", "mixed"),
        ("empty.txt", b"", "read", "empty"),
        ("blank.html", b"   \n\n  ", "read", "empty"),
        ("cut.html.gz", gzip.compress(HTML.encode() * 20)[:-30], "decompress", "truncated gzip"),
        ("bad.html.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", "decompress", "corrupt gzip"),
    ],
)
def test_bad_files_leave_an_error_with_their_stage(
    tmp_path: Path, cfg: dict[str, Any], name: str, content: bytes, stage: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    raws, errors = read([str(path)], cfg)
    assert raws == []
    assert [(e.source, e.stage) for e in errors] == [(str(path), stage)]
    assert words in errors[0].error


def test_windows_1252_text_is_read_not_refused(tmp_path: Path, cfg: dict[str, Any]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("El presidente de M\xe9xico rechaz\xf3 la propuesta.".encode("cp1252"))
    raws, errors = read([str(path)], cfg)
    assert errors == [] and raws[0].content == "El presidente de México rechazó la propuesta."


def test_size_cap_applies_to_files_and_to_what_gzip_unpacks_to(tmp_path: Path, cfg: dict[str, Any]) -> None:
    cfg = {**cfg, "max_bytes": 1000}
    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b" " * 50_000))
    raws, errors = read([str(tmp_path / "big.txt"), str(tmp_path / "bomb.html.gz")], cfg)
    assert raws == []
    assert [(Path(e.source).name, e.stage) for e in errors] == [("big.txt", "read"), ("bomb.html.gz", "read")]
    assert all("size cap" in e.error for e in errors)


def test_missing_paths_and_empty_globs_are_reported(tmp_path: Path, cfg: dict[str, Any]) -> None:
    raws, errors = read([str(tmp_path / "nope.txt"), str(tmp_path / "*.html")], cfg)
    assert raws == []
    assert [e.error for e in errors] == ["no such file, folder or URL", "no files match this pattern"]


def test_urls_on_loopback_are_refused_unless_allowed(web: Any, cfg: dict[str, Any]) -> None:
    base, routes = web
    routes["/story"] = (200, {"Content-Type": "text/html; charset=utf-8"}, HTML.encode())
    raws, errors = read([base + "/story"], cfg)
    assert raws == [] and errors[0].stage == "fetch" and "--allow-private" in errors[0].error
    raws, errors = read([base + "/story"], {**cfg, "allow_private": True})
    assert errors == [] and raws[0].format == "html" and raws[0].url == base + "/story"


def test_url_failures_each_leave_an_error(web: Any, cfg: dict[str, Any]) -> None:
    base, routes = web
    cfg = {**cfg, "allow_private": True, "max_bytes": 5000, "max_redirects": 2}
    routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 2000)
    for n in range(5):
        routes[f"/loop{n}"] = (302, {"Location": f"/loop{n + 1}"}, b"")
    raws, errors = read([base + "/missing", base + "/big", base + "/loop0", "http://127.0.0.1:9/closed"], cfg)
    assert raws == []
    assert [e.stage for e in errors] == ["fetch", "read", "fetch", "fetch"]
    assert "HTTP 404" in errors[0].error
    assert "size cap" in errors[1].error
    assert "more than 2 redirects" in errors[2].error
    assert "could not fetch" in errors[3].error


def test_a_redirect_to_a_page_is_followed(web: Any, cfg: dict[str, Any]) -> None:
    base, routes = web
    routes["/old"] = (301, {"Location": "/new"}, b"")
    routes["/new"] = (200, {"Content-Type": "text/html"}, HTML.encode())
    raws, errors = read([base + "/old"], {**cfg, "allow_private": True})
    assert errors == [] and raws[0].url == base + "/new" and raws[0].source == base + "/old"


def _feed(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>Wed, 19 Nov 2025 14:00:00 GMT</pubDate></item>"
        for title, link in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'.encode()


def test_feed_items_are_fetched_and_a_dead_link_is_reported(web: Any, tmp_path: Path, cfg: dict[str, Any]) -> None:
    base, routes = web
    routes["/a"] = (200, {"Content-Type": "text/html"}, HTML.encode())
    routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                           _feed([("Envoy summoned", base + "/a"), ("Gone", base + "/gone")]))
    cfg = {**cfg, "allow_private": True}
    raws, errors = read([base + "/feed.xml"], cfg)
    assert [(r.url, r.published, r.title) for r in raws] == [(base + "/a", "2025-11-19", "Envoy summoned")]
    assert [(e.source, e.stage) for e in errors] == [(base + "/gone", "fetch")]
    # The same feed saved as a file.
    (tmp_path / "wire.rss").write_bytes(routes["/feed.xml"][2])
    raws, errors = read([str(tmp_path / "wire.rss")], cfg)
    assert len(raws) == 1 and len(errors) == 1


def test_a_file_that_is_not_a_feed_says_so(tmp_path: Path, cfg: dict[str, Any]) -> None:
    (tmp_path / "broken.rss").write_text("<rss><channel><title>nothing here", encoding="utf-8")
    raws, errors = read([str(tmp_path / "broken.rss")], cfg)
    assert raws == [] and errors[0].stage == "parse" and "RSS/Atom" in errors[0].error


def test_jsonl_streams_and_caps_each_line_not_the_file(tmp_path: Path, cfg: dict[str, Any]) -> None:
    cfg = {**cfg, "max_bytes": 2000}
    lines = [json.dumps({"text": ARTICLE + f" Report {n}."}) for n in range(30)]  # ~9 KB in all
    lines.insert(5, json.dumps({"text": "x" * 5000}))
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    raws, errors = read([str(path)], cfg)
    assert len(raws) == 30
    assert [(e.source.rsplit("#", 1)[1], e.stage) for e in errors] == [("L6", "read")]


def test_truncated_gzipped_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path, cfg: dict[str, Any]) -> None:
    data = gzip.compress("\n".join(json.dumps({"text": ARTICLE + f" Report {n}."}) for n in range(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    raws, errors = read([str(path)], cfg)
    assert 0 < len(raws) < 200
    assert [(e.source, e.stage) for e in errors] == [(str(path), "decompress")]
