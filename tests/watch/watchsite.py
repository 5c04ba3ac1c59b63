"""A news site and a webhook receiver on loopback, for the watcher's tests and its benchmark.

`WatchSite` serves RSS feeds whose items appear at set times on a clock (the test's or the
benchmark's), the articles they link to, an optional robots.txt, and answers scripted per path
(a 500, a 429 with Retry-After, a slow answer, a redirect) before its normal one. Feeds carry an
ETag and Last-Modified and answer a matching conditional GET with 304. Every request is logged;
POSTs to /hook are kept as webhook deliveries with the clock time they arrived at.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import http.server
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entry:
    link: str
    title: str
    summary: str = ""
    appear_at: float = 0.0


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


def article(title: str, paragraphs: list[str], published: str = "2025-11-18", publisher: str = "") -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    meta = f'<meta property="og:site_name" content="{html.escape(publisher)}">' if publisher else ""
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{published}">{meta}</head>'
            f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>").encode()


class WatchSite:
    def __init__(self, now: Callable[[], float] = time.time, host: str = "127.0.0.1", log_requests: bool = True) -> None:
        self.now = now
        self.log_requests = log_requests
        self.counts: Counter[tuple[str, str, int]] = Counter()  # (method, path, status) -> requests
        self.feeds: dict[str, list[Entry]] = {}
        self.pages: dict[str, bytes] = {}
        self.robots: bytes | None = None
        self.script: dict[str, list[Answer]] = {}
        self.requests: list[tuple[str, str, dict[str, str], int]] = []  # method, path, headers, status
        self.hooks: list[tuple[float, dict[str, Any]]] = []
        self.hook_failures: list[int] = []  # statuses the webhook answers before it accepts
        self.page_delay = 0.0  # seconds each article takes to arrive
        self.lock = threading.Lock()
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, answer: Answer) -> None:
                with site.lock:  # logged before answering, so a client that has its answer sees it logged
                    site.counts[(self.command, self.path, answer.status)] += 1
                    if site.log_requests:
                        site.requests.append((self.command, self.path,
                                              {k.lower(): v for k, v in self.headers.items()}, answer.status))
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                self._send(site.answer(self.path, {k.lower(): v for k, v in self.headers.items()}))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with site.lock:
                    failing = site.hook_failures.pop(0) if site.hook_failures else None
                    if failing is None:
                        site.hooks.append((site.now(), json.loads(body)))
                self._send(Answer(failing or 204))

        self.server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.host = host
        self.base = f"http://{host}:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> WatchSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def feed_body(self, path: str) -> bytes:
        now = self.now()
        items = "".join(f"<item><title>{html.escape(e.title)}</title><link>{html.escape(e.link)}</link>"
                        f"<guid>{html.escape(e.link)}</guid><description>{html.escape(e.summary)}</description></item>"
                        for e in self.feeds[path] if e.appear_at <= now)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{path}</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>").encode()

    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            queued = self.script.get(path)
            if queued:
                return queued.pop(0)
        if path == "/robots.txt":
            return Answer(200, {"Content-Type": "text/plain"}, self.robots) if self.robots is not None else Answer(404)
        if path in self.feeds:
            body = self.feed_body(path)
            tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            stamp = email.utils.formatdate(0, usegmt=True)
            if headers.get("if-none-match") == tag:
                return Answer(304, {"ETag": tag})
            return Answer(200, {"Content-Type": "application/rss+xml", "ETag": tag, "Last-Modified": stamp}, body)
        if path in self.pages:
            return Answer(200, {"Content-Type": "text/html; charset=utf-8"}, self.pages[path], self.page_delay)
        return Answer(404, {"Content-Type": "text/plain"}, b"not found")

    def count(self, path: str, status: int | None = None) -> int:
        with self.lock:
            return sum(n for (m, p, s), n in self.counts.items() if m == "GET" and p == path
                       and (status is None or s == status))
