"""The bad-input probe, as a table: every kind of input that once stopped, hung or starved a run.

Each case puts one input in a folder beside a good page. `test_each_case_alone` ingests each case with
the good page in a child process (so a case that hangs or exhausts memory fails instead of stopping
the test run); `test_all_bad_inputs_in_one_run` ingests every case at once next to one good page and
checks that the good page is stored and that every bad input left its ingest_error naming the input
and the stage (or, for the inputs that are in fact usable, that it was stored).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

RUNNER = Path(__file__).with_name("probe_run.py")
MAX_BYTES = 1_000_000  # the probe's size cap; the bombs below inflate far past it
BOMB_BYTES = 400_000_000
PEAK_RSS_MB = 600  # a run that held a bomb in memory would be far above this

GOOD = (
    "Dockworkers in the port of Valmera walked off the job on Tuesday after talks with the harbour "
    "authority over night-shift pay collapsed, the union said. About 1,200 workers joined the strike, "
    "and the authority warned that container traffic would be diverted to the northern terminals "
    "if the stoppage lasted beyond the weekend."
)
SHORT = "The council of Orvieto approved the new water tariff on Monday by nine votes."  # 14 words, one sentence
BRIEF = "Rebels freed twelve hostages near the border town on Sunday, officials said."  # 12 words


def _article(n: int) -> str:
    """A distinct good article per case, so each stored copy is its own document."""
    return f"Report {n}. {GOOD}"


def _html(body: str, title: str = "Port strike") -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p></article></body></html>").encode()


def _feed(links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def _gzip_bomb(path: Path, prefix: bytes, size: int) -> None:
    """A gzip file that inflates to `prefix` and `size` bytes of one repeated letter, with no newline."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"a" * 1_000_000
    with path.open("wb") as f:
        f.write(comp.compress(prefix))
        for _ in range(size // len(chunk)):
            f.write(comp.compress(chunk))
        f.write(comp.flush())


@dataclass
class Case:
    name: str
    make: Callable[[Path, int], list[str]]  # (folder, case number) -> extra targets named explicitly
    stage: str | None  # the ingest_error's stage; None: the input is usable and must be stored
    where: str  # a piece of the ingest_error's (or the stored document's) source
    reason: str = ""  # a piece of the error message
    memory: bool = False  # also check the run's peak memory


def _write(name: str, data: bytes | str) -> Callable[[Path, int], list[str]]:
    def make(folder: Path, n: int) -> list[str]:
        path = folder / name
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return []

    return make


def _jsonl(name: str, *records: dict[str, Any] | str) -> Callable[[Path, int], list[str]]:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return _write(name, "\n".join(lines) + "\n")


def _bad_name(folder: Path, n: int) -> list[str]:
    path = os.path.join(os.fsencode(folder), b"caf\xe9-report.txt")
    with open(path, "wb") as f:
        f.write(_article(n).encode())
    return []


def _fifo(folder: Path, n: int) -> list[str]:
    os.mkfifo(folder / "pipe.txt")
    return []


def _broken_link(folder: Path, n: int) -> list[str]:
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    return []


def _jsonl_bomb(folder: Path, n: int) -> list[str]:
    _gzip_bomb(folder / "bomb.jsonl.gz", b'{"text": "', BOMB_BYTES)
    return []


def _html_bomb(folder: Path, n: int) -> list[str]:
    _gzip_bomb(folder / "bomb.html.gz", b"<html><body><p>", BOMB_BYTES)
    return []


def _dev_zero(folder: Path, n: int) -> list[str]:
    return ["/dev/zero"]


def _nul_late(folder: Path, n: int) -> list[str]:
    (folder / "late-nul.txt").write_bytes(_article(n).encode() + b"\n\n" + b" " * 9000 + b"\x00tail words here")
    return []


def _truncated_gzip(folder: Path, n: int) -> list[str]:
    data = gzip.compress(_html(_article(n)))
    (folder / "cut.html.gz").write_bytes(data[: len(data) // 2])
    return []


def _gzip_without_header(folder: Path, n: int) -> list[str]:
    data = gzip.compress(_html(_article(n)))
    (folder / "damaged.html.gz").write_bytes(b"\x00\x00" + data[2:])  # the two magic bytes lost
    return []


def _cases() -> list[Case]:
    a = _article
    return [
        Case("lone surrogate in a JSONL text", _jsonl("surrogate.jsonl", '{"text": "' + a(1) + ' \\ud800"}'),
             "decode", "surrogate.jsonl#L1", "surrogate"),
        Case("lone surrogate in a JSONL title", _jsonl("surrogate-title.jsonl",
                                                       '{"title": "x \\udfff", "text": "' + a(2) + '"}'),
             "decode", "surrogate-title.jsonl#L1", "surrogate"),
        Case("lone surrogate in a JSONL url", _jsonl("surrogate-url.jsonl",
                                                     '{"url": "http://e.test/\\ud800", "text": "' + a(3) + '"}'),
             "decode", "surrogate-url.jsonl#L1", "surrogate"),
        Case("NUL in a JSONL text", _jsonl("nul.jsonl", {"text": a(4) + "\u0000 more"}), None, "nul.jsonl#L1"),
        Case("NUL in a JSONL title", _jsonl("nul-title.jsonl", {"title": "A\u0000B", "text": a(5)}),
             None, "nul-title.jsonl#L1"),
        Case("NUL past the binary sniff", _nul_late, None, "late-nul.txt"),
        Case("file name that is not UTF-8", _bad_name, None, "caf\\xe9-report.txt"),
        Case("JSONL line nested 100,000 deep", _jsonl("deep.jsonl", "[" * 100_000 + "]" * 100_000),
             "parse", "deep.jsonl#L1", "nested"),
        Case("JSONL object nested 100,000 deep", _jsonl("deep-obj.jsonl", '{"a":' * 100_000 + "1" + "}" * 100_000),
             "parse", "deep-obj.jsonl#L1", "nested"),
        Case("RSS link with a malformed IPv6 host", _write("v6.rss", _feed(["http://[::1/z"])),
             "fetch", "http://[::1/z", "malformed"),
        Case("RSS link with a 70-character host label", _write("label.rss", _feed([f"http://{'a' * 70}.test/x"])),
             "fetch", "a" * 70, "63"),
        Case("RSS link with port 99999", _write("port.rss", _feed(["http://news.test:99999/a"])),
             "fetch", "news.test:99999", "port"),
        Case("RSS link with port abc", _write("portabc.rss", _feed(["http://news.test:abc/a"])),
             "fetch", "news.test:abc", "port"),
        Case("RSS link to a loopback address", _write("loop.rss", _feed(["http://127.0.0.1:9/a"])),
             "fetch", "127.0.0.1:9", "non-public"),
        Case("RSS link that is not http", _write("ftp.rss", _feed(["ftp://news.test/a"])),
             "fetch", "ftp://news.test/a", "http"),
        Case("gzipped JSONL inflating to one huge line", _jsonl_bomb, "read", "bomb.jsonl.gz", "size cap",
             memory=True),
        Case("gzipped HTML inflating past the cap", _html_bomb, "read", "bomb.html.gz", "size cap", memory=True),
        Case("/dev/zero", _dev_zero, "read", "/dev/zero", "size cap", memory=True),
        Case("FIFO in a folder", _fifo, "skip", "pipe.txt", "not a regular file"),
        Case("dangling symlink in a folder", _broken_link, "read", "dangling.txt", "cannot read"),
        Case("unknown extension .pdf in a folder", _write("scan.pdf", b"%PDF-1.4 binary"), "skip", "scan.pdf",
             "extension"),
        Case("unknown extension .md in a folder", _write("NOTES.md", "# notes\n" + GOOD), "skip", "NOTES.md",
             "extension"),
        Case("unknown extension .docx in a folder", _write("memo.docx", b"PK\x03\x04"), "skip", "memo.docx",
             "extension"),
        Case("12-word JSONL text", _jsonl("brief.jsonl", {"text": BRIEF}), None, "brief.jsonl#L1"),
        Case("short HTML page", _write("short.html", _html(SHORT, "Tariff")), None, "short.html"),
        Case("binary file named .txt", _write("binary.txt", bytes(range(256)) * 40), "decode", "binary.txt",
             "binary"),
        Case("empty file", _write("empty.txt", b""), "read", "empty.txt", "empty"),
        Case("malformed JSONL line", _jsonl("broken.jsonl", '{"text": "unfinished'), "parse", "broken.jsonl#L1",
             "JSON"),
        Case("JSONL line that is an array", _jsonl("array.jsonl", "[1, 2]"), "parse", "array.jsonl#L1", "list"),
        Case("JSONL line with no text", _jsonl("notext.jsonl", {"title": "t"}), "parse", "notext.jsonl#L1", "keys"),
        Case("JSONL line over the cap", _jsonl("long.jsonl", {"text": "word " * 300_000}), "read", "long.jsonl#L1",
             "size cap"),
        Case("truncated gzip", _truncated_gzip, "decompress", "cut.html.gz", "gzip"),
        Case("gzip whose header is damaged", _gzip_without_header, "decompress", "damaged.html.gz",
             "not gzip data"),
        Case("plain HTML named .gz", _write("plain.html.gz", _html(GOOD)), None, "plain.html.gz"),
        Case("mixed encodings", _write("mixed.txt", "Caf\u00e9 ".encode() + b"na\xefve " + GOOD.encode()),
             "decode", "mixed.txt", "encoding"),
        Case("page with no article", _write("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body>"
                                            b"</html>"), "clean", "menu.html", "no article"),
        Case("feed with no items", _write("empty.rss", _feed([])), "parse", "empty.rss", "feed"),
        Case("truncated WARC", _write("cut.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\n"),
             "parse", "cut.warc", "WARC"),
    ]


CASES = _cases()


def _limit_memory() -> None:  # so that a case reading without bound fails instead of starving the machine
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, 6 * 2**30))


def run(tmp: Path, targets: list[str], stages: list[str] | None, timeout: float) -> dict[str, Any]:
    spec = tmp / "spec.json"
    spec.write_text(json.dumps({"db": str(tmp / "probe.db"), "targets": targets, "stages": stages,
                                "settings": {"max_bytes": MAX_BYTES, "fetch_timeout": 2.0}}))
    try:
        done = subprocess.run([sys.executable, str(RUNNER), str(spec)], capture_output=True, text=True,
                              timeout=timeout, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the run hung (no end after {timeout:.0f} s)")
    if done.returncode != 0:
        pytest.fail(f"the run stopped (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def check(case: Case, result: dict[str, Any]) -> None:
    docs: dict[str, str] = result["documents"]
    if case.stage is None:
        stored = [s for s in docs if case.where in s]
        assert stored, f"{case.name}: not stored; errors: {result['errors']}"
        assert all("\x00" not in docs[s] for s in stored), f"{case.name}: a NUL was stored"
        return
    mine = [e for e in result["errors"] if case.where in e[0]]
    assert mine, f"{case.name}: no ingest_error names {case.where!r}; errors: {result['errors']}"
    assert any(e[1] == case.stage and case.reason.lower() in e[2].lower() for e in mine), (
        f"{case.name}: expected stage {case.stage!r} and {case.reason!r} in the reason, got {mine}")
    if case.memory:
        assert result["peak_rss_mb"] < PEAK_RSS_MB, f"{case.name}: peak memory {result['peak_rss_mb']} MB"


def _good(folder: Path) -> None:
    (folder / "good.html").write_bytes(_html(GOOD))


def _stored_good(result: dict[str, Any]) -> None:
    assert any(s.endswith("good.html") for s in result["documents"]), f"the good page is missing: {result}"


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_alone(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    extra = case.make(folder, 1)
    result = run(tmp_path, [str(folder), *extra], ["clean"], timeout=60)
    _stored_good(result)
    check(case, result)


def test_all_bad_inputs_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    extra: list[str] = []
    for n, case in enumerate(CASES, 1):
        extra += case.make(folder, n)
    result = run(tmp_path, [str(folder), *extra], None, timeout=300)
    _stored_good(result)
    failed = []
    for case in CASES:
        try:
            check(case, result)
        except AssertionError as exc:
            failed.append(str(exc))
    assert not failed, f"{len(failed)} of {len(CASES)} cases not handled:\n" + "\n".join(failed)
