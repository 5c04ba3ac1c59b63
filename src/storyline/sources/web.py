"""http(s) URLs -> bytes, carefully.

Fetches with httpx under a timeout, a size cap and a small redirect budget.
Every hop's host is resolved first and refused when it points at a private,
loopback, link-local or otherwise non-public address, unless the user allows
it (`--allow-private`), or names that host in `allow_hosts` (host or host:port, comma-separated;
what a test server or an intranet feed needs without opening every private address): a feed or a
pasted link must not be able to make storyline read an intranet or a cloud metadata endpoint.

`fetch(..., headers=...)` sends extra request headers (a conditional GET's If-None-Match /
If-Modified-Since); a 304 answer comes back as a `Fetched` with status 304 and no content. An
error status raises `HTTPStatusError` with the status and the server's Retry-After.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError, HTTPStatusError, TooLargeError

REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # response headers, names lower-cased


def allowed_hosts(settings: dict[str, Any]) -> frozenset[str]:
    """The `allow_hosts` setting as a set of lower-cased `host` and `host:port` entries."""
    return frozenset(h.strip().lower() for h in str(settings.get("allow_hosts") or "").split(",") if h.strip())


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def check_host(url: str, allow_private: bool, allow_hosts: frozenset[str] = frozenset()) -> None:
    """Refuse a URL whose host is not public, unless private addresses or this host are allowed."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if host and (host in allow_hosts or f"{host}:{port}" in allow_hosts):
        allow_private = True
    _check_host(url, allow_private)


def _check_host(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc.strerror})") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(
                url,
                f"refused: {host} resolves to the non-public address {address}; "
                "pass --allow-private (or name the host in allow_hosts) to fetch private or loopback addresses",
            )


def make_client(settings: dict[str, Any]) -> Any:
    """The httpx client `fetch` uses (timeout, no automatic redirects, our User-Agent); one can serve many fetches."""
    import httpx

    return httpx.Client(timeout=httpx.Timeout(float(settings["fetch_timeout"])), follow_redirects=False,
                        headers={"User-Agent": str(settings["user_agent"])})


def fetch(url: str, settings: dict[str, Any], client: Any = None, headers: dict[str, str] | None = None) -> Fetched:
    """GET a URL under the settings' timeout, size cap and redirect budget, every hop's host checked."""
    import httpx

    max_bytes = int(settings["max_bytes"])
    own = client is None
    client = client or make_client(settings)
    try:
        current = url
        hosts = allowed_hosts(settings)
        for _ in range(int(settings["max_redirects"]) + 1):
            try:
                check_host(current, bool(settings["allow_private"]), hosts)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(url, f"redirected to {current}, which is {exc.message}") from exc
            try:
                with client.stream("GET", current, headers=headers) as response:
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise HTTPStatusError(url, f"the server answered HTTP {response.status_code}",
                                              response.status_code, retry_after(response.headers.get("retry-after")))
                    if response.status_code == 304:
                        return Fetched(current, b"", response.headers.get("content-type", ""), 304,
                                       {k.lower(): v for k, v in response.headers.items()})
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise TooLargeError(url, f"{int(declared):,} bytes is over the size cap of {max_bytes:,}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise TooLargeError(url, f"over the size cap of {max_bytes:,} bytes")
                    return Fetched(current, bytes(body), response.headers.get("content-type", ""),
                                   response.status_code, {k.lower(): v for k, v in response.headers.items()})
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {settings['fetch_timeout']} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"could not fetch: {exc}") from exc
        raise FetchError(url, f"more than {settings['max_redirects']} redirects")
    finally:
        if own:
            client.close()
