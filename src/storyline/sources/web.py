"""http(s) URLs -> bytes, carefully.

Fetches with httpx under a timeout, a size cap and a small redirect budget.
Every hop's host is resolved first and refused when it points at a private,
loopback, link-local or otherwise non-public address, unless the user allows
it (`--allow-private`): a feed or a pasted link must not be able to make
storyline read an intranet or a cloud metadata endpoint.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError, TooLargeError

REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


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
                "pass --allow-private to fetch private or loopback addresses",
            )


def fetch(url: str, settings: dict[str, Any], client: Any = None) -> Fetched:
    """GET a URL under the settings' timeout, size cap and redirect budget."""
    import httpx

    max_bytes = int(settings["max_bytes"])
    own = client is None
    client = client or httpx.Client(
        timeout=httpx.Timeout(float(settings["fetch_timeout"])),
        follow_redirects=False,
        headers={"User-Agent": str(settings["user_agent"])},
    )
    try:
        current = url
        for _ in range(int(settings["max_redirects"]) + 1):
            _check_host(current, bool(settings["allow_private"]))
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(url, f"the server answered HTTP {response.status_code}")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise TooLargeError(url, f"{int(declared):,} bytes is over the size cap of {max_bytes:,}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise TooLargeError(url, f"over the size cap of {max_bytes:,} bytes")
                    return Fetched(current, bytes(body), response.headers.get("content-type", ""))
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {settings['fetch_timeout']} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"could not fetch: {exc}") from exc
        raise FetchError(url, f"more than {settings['max_redirects']} redirects")
    finally:
        if own:
            client.close()
