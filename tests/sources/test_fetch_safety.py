"""Fetching under attack: addresses that are not public, DNS rebinding, redirect hops, a server that
drips its answer. Real HTTP servers on loopback; the resolver and the address policy are injected
the way `fetch` takes them, so nothing but loopback is ever contacted.
"""

from __future__ import annotations

import http.server
import ipaddress
import re
import socket
import time
from typing import Any

import pytest

from storyline.errors import FetchError
from storyline.sources.web import check_url, fetch, is_public

PAGE = b"<html><body><p>Loopback page.</p></body></html>"


@pytest.mark.parametrize("address", [
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of the cloud metadata address
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
    "::ffff:127.0.0.1", "::ffff:10.0.0.1",  # IPv4-mapped
    "ff02::1", "ff0e::1", "224.0.0.1", "239.255.255.250",  # multicast
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "::", "::1", "fe80::1", "fc00::1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "2001:db8::1",
])
def test_addresses_that_are_not_public_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5", "8.8.8.8", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1/z", "Invalid IPv6 URL"),
    (f"http://{'b' * 70}.test/", "70 characters"),
    ("http://news.test:99999/", "port"),
    ("http://news.test:abc/", "port"),
    ("http://news.test:0/", "port"),
    ("file:///etc/passwd", "only http and https"),
    ("http:///nohost", "no host"),
])
def test_malformed_urls_are_fetch_errors_that_say_why(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason) as caught:
        check_url(url)
    assert caught.value.stage == "fetch" and caught.value.source == url


# `servers` (tests/conftest.py): plain HTTP servers on loopback addresses, each with its own routes.


def _settings(**kw: Any) -> dict[str, Any]:
    return {"max_bytes": 1_000_000, "fetch_timeout": 5.0, "max_redirects": 5, "allow_private": False,
            "user_agent": "storyline-test", **kw}


def _second_loopback_free() -> bool:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
        return True
    except OSError:
        return False


def test_the_connection_goes_to_the_address_that_was_checked(servers: Any) -> None:
    """DNS rebinding: the name resolves to A for the check and to B after. The page must come from A,
    and the name is resolved once per hop (never again by the HTTP client)."""
    if not _second_loopback_free():
        pytest.skip("127.0.0.2 is not usable here")
    port = servers.start("127.0.0.1", {"/": (200, {"Content-Type": "text/html"}, PAGE)})
    servers.start("127.0.0.2", {"/": (200, {"Content-Type": "text/html"}, b"<p>rebound: the wrong server</p>")},
                  port=port)
    answers = iter([["127.0.0.1"], ["127.0.0.2"], ["127.0.0.2"]])
    asked: list[tuple[str, int]] = []

    def resolve(host: str, p: int) -> list[str]:
        asked.append((host, p))
        return next(answers)

    fetched = fetch(f"http://rebind.test:{port}/", _settings(allow_private=True), resolve=resolve)
    assert fetched.content == PAGE
    assert asked == [("rebind.test", port)]


def test_a_name_that_resolves_to_loopback_is_refused_before_any_connection(servers: Any) -> None:
    hits: list[str] = []
    port = servers.start("127.0.0.1", {"/": lambda h: (hits.append("hit"), h.send_error(500))})
    with pytest.raises(FetchError, match=re.escape("non-public address 127.0.0.1")):
        fetch(f"http://public-looking.test:{port}/", _settings(), resolve=lambda host, p: ["8.8.8.8", "127.0.0.1"])
    assert hits == []


def test_every_redirect_hop_is_checked(servers: Any) -> None:
    """The policy lets the first server (127.0.0.1) through as if public; its redirect to 127.0.0.2 is refused."""
    hits: list[str] = []
    inner = servers.start("127.0.0.1", {"/secret": lambda h: (hits.append("inner"), h.send_error(500))})
    outer = servers.start("127.0.0.1", {"/": (302, {"Location": f"http://127.0.0.2:{inner}/secret"}, b"")})
    only_first = ipaddress.ip_address("127.0.0.1")
    with pytest.raises(FetchError, match=re.escape("non-public address 127.0.0.2")):
        fetch(f"http://127.0.0.1:{outer}/", _settings(), allowed=lambda a: a == only_first)
    assert hits == []
    # and a redirect to a name that resolves to a refused address
    outer2 = servers.start("127.0.0.1", {"/": (302, {"Location": f"http://intranet.test:{inner}/secret"}, b"")})
    asked: list[str] = []

    def resolve(host: str, p: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.2"]

    with pytest.raises(FetchError, match=re.escape("intranet.test resolves to the non-public address 127.0.0.2")):
        fetch(f"http://127.0.0.1:{outer2}/", _settings(), allowed=lambda a: a == only_first, resolve=resolve)
    assert asked == ["intranet.test"] and hits == []


def _drip(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(30):
            handler.wfile.write(b"<p>x</p>")
            handler.wfile.flush()
            time.sleep(0.5)
    except OSError:
        pass


def test_a_dripping_server_is_cut_at_the_total_deadline(servers: Any) -> None:
    port = servers.start("127.0.0.1", {"/": _drip})
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"http://127.0.0.1:{port}/", _settings(allow_private=True, fetch_timeout=2.0))
    took = time.monotonic() - started
    assert 1.8 < took < 3.5, f"took {took:.1f} s against a 2 s deadline"


def test_a_page_on_loopback_is_fetched_when_allowed(servers: Any) -> None:
    port = servers.start("127.0.0.1", {"/a": (301, {"Location": "/b"}, b""),
                                       "/b": (200, {"Content-Type": "text/html"}, PAGE)})
    fetched = fetch(f"http://localhost:{port}/a", _settings(allow_private=True),
                    resolve=lambda host, p: ["127.0.0.1"])
    assert fetched.content == PAGE and fetched.url.endswith("/b")
