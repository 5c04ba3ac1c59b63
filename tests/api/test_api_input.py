"""POST /api/documents under bad input: 422 with the reason, 413 for a chunked body over the cap, the
token checked before the body is read, and a one-sentence brief stored as a document.

The 422s go through FastAPI's TestClient over a real store; the body-size and token-order checks
talk to a real uvicorn server on loopback over a raw socket, so they see what a client sees.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.api import create_app

TOKEN = "t0ken-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BRIEF = "Rebels freed twelve hostages near the border town on Sunday, officials said."  # 12 words


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(tmp_path / "api.db"), token=TOKEN)) as c:
        yield c


def _post_raw(client: TestClient, body: str) -> tuple[int, dict[str, object]]:
    response = client.post("/api/documents", content=body.encode("utf-8"),
                           headers={**AUTH, "Content-Type": "application/json", "Accept": "application/json"})
    return response.status_code, response.json()


def test_a_lone_surrogate_in_posted_text_is_422_with_the_reason(client: TestClient) -> None:
    status, answer = _post_raw(client, '{"text": "' + BRIEF + ' \\ud800"}')
    assert status == 422, answer
    assert "surrogate" in json.dumps(answer["detail"])


def test_a_nul_in_posted_text_is_stripped(client: TestClient) -> None:
    status, answer = _post_raw(client, json.dumps({"text": BRIEF.replace("hostages", "hostages\u0000")}))
    assert status == 201, answer
    document = client.get(f"/api/documents/{answer['document_id']}").json()
    assert "\x00" not in json.dumps(document) and "hostages near" in json.dumps(document)


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1/z", "malformed"),
    (f"http://{'a' * 70}.example/x", "63"),
    ("http://news.example:99999/a", "port"),
    ("http://news.example:abc/a", "port"),
])
def test_a_malformed_posted_url_is_422_with_the_reason(client: TestClient, url: str, reason: str) -> None:
    status, answer = _post_raw(client, json.dumps({"url": url}))
    assert status == 422, answer
    assert reason in json.dumps(answer["detail"])


def test_a_twelve_word_post_is_a_document(client: TestClient) -> None:
    status, answer = _post_raw(client, json.dumps({"text": BRIEF, "published": "2025-03-02"}))
    assert status == 201, answer
    assert answer["status"] == "new"


@pytest.fixture
def server(tmp_path: Path, serve_app: Any) -> Iterator[tuple[str, int]]:
    with serve_app(create_app(str(tmp_path / "srv.db"), token=TOKEN, max_body=5_000_000)) as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        yield host, int(port)


def _status(conn: socket.socket) -> int:
    head = b""
    while b"\r\n" not in head:
        chunk = conn.recv(4096)
        if not chunk:
            break
        head += chunk
    return int(head.split(b" ", 2)[1])


def test_a_chunked_body_over_the_cap_is_413(server: tuple[str, int]) -> None:
    host, port = server
    with socket.create_connection((host, port), timeout=20) as conn:
        conn.sendall(f"POST /api/documents HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
                     "Content-Type: application/json\r\nAccept: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        chunk = b"x" * 65536
        try:
            for _ in range(6_000_000 // len(chunk) + 1):  # 6 MB, no Content-Length
                conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            conn.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before the end
        assert _status(conn) == 413


def test_the_token_is_checked_before_the_body_is_read(server: tuple[str, int]) -> None:
    """A request without the token that announces a body and never sends it is answered at once."""
    host, port = server
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(f"POST /api/documents HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                     "Content-Length: 4000000\r\n\r\n".encode())
        started = time.monotonic()
        assert _status(conn) == 401  # a server reading the body first would wait here until the timeout
        assert time.monotonic() - started < 3
