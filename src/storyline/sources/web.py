"""http(s) URLs -> bytes, carefully.

Fetches with httpx under a total deadline (`fetch_timeout` for the whole fetch, redirects and a
slow body included), a size cap and a small redirect budget. Every hop's URL is checked first
(`check_url`: scheme, host, port, label lengths; a malformed URL is a FetchError, never a crash),
its host resolved once, and every address it resolves to must be public unless the user allows
private ones (`--allow-private`): not private, loopback, link-local, multicast, reserved or
unspecified, and not an IPv6 form that carries an IPv4 address (NAT64 `64:ff9b::/96`, 6to4
`2002::/16`, Teredo, IPv4-mapped) whose IPv4 address is not public. The connection then goes to
that checked address (the Host header and TLS name stay the URL's), so a name that resolves to
a public address for the check and to 127.0.0.1 for the connection (DNS rebinding) cannot make
storyline read an intranet or a cloud metadata endpoint.

`fetch(url, settings, resolve=..., allowed=...)` takes a resolver (host, port -> addresses) and an
address policy for tests; both default to the system's resolver and `is_public`.

`allow_hosts` (host or host:port, comma-separated) lets named private hosts through without
opening every private address (a test server, an intranet feed). `fetch(..., headers=...)` sends
extra request headers (a conditional GET's If-None-Match / If-Modified-Since); a 304 answer comes
back as a `Fetched` with status 304 and no content. An error status raises `HTTPStatusError` with
the status and the server's Retry-After.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from ..errors import FetchError, HTTPStatusError, TooLargeError

REDIRECT_CODES = {301, 302, 303, 307, 308}
MAX_LABEL = 63
MAX_HOST = 253
# Address blocks `is_global` lets through that a fetch must not reach (Python's tables vary by version).
NOT_PUBLIC = [ipaddress.ip_network(n) for n in (
    "64:ff9b::/96",  # NAT64: an IPv4 address behind a translator; its embedded address is checked too
    "64:ff9b:1::/48",  # local-use NAT64
    "2002::/16",  # 6to4
    "2001::/32",  # Teredo
    "100::/64",  # discard-only
    "2001:db8::/32",  # documentation
    "100.64.0.0/10",  # carrier-grade NAT
    "192.0.0.0/24",
    "198.18.0.0/15",  # benchmarking
)]

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


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


def _host_allowed(host: str, port: int, hosts: frozenset[str]) -> bool:
    return bool(host) and (host.lower() in hosts or f"{host.lower()}:{port}" in hosts)


def check_host(url: str, allow_private: bool, allow_hosts: frozenset[str] = frozenset(),
               resolve: Resolver | None = None) -> None:
    """Refuse a URL whose host is malformed or not public, unless private addresses or this host are allowed."""
    _, host, port = check_url(url)
    if _host_allowed(host, port, allow_hosts):
        return
    _address(url, host, port, allow_private, resolve or system_resolve, is_public)


def make_client(settings: dict[str, Any]) -> Any:
    """The httpx client `fetch` uses (no automatic redirects, our User-Agent); one can serve many fetches."""
    import httpx

    return httpx.Client(follow_redirects=False, headers={"User-Agent": str(settings["user_agent"])})


def _embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries: IPv4-mapped, NAT64, 6to4, Teredo."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in NOT_PUBLIC[0] or address in NOT_PUBLIC[1]:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    return None


def is_public(address: Address) -> bool:
    """Whether a fetch may connect to `address` without --allow-private."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_v4(address)
        if inner is not None and not is_public(inner):
            return False
        if address.ipv4_mapped:
            return True  # the mapped IPv4 address was public
    if address.is_multicast or address.is_private or address.is_loopback or address.is_link_local \
            or address.is_reserved or address.is_unspecified or not address.is_global:
        return False
    return not any(address.version == n.version and address in n for n in NOT_PUBLIC)


def check_url(url: str) -> tuple[SplitResult, str, int]:
    """(parts, host, port) of an http(s) URL, or a FetchError saying what is wrong with it."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535", a port that is no number
        reason = str(exc)
        if "port" in reason.lower():
            reason = f"the port is not a number from 1 to 65535 ({reason})"
        raise FetchError(url, f"malformed URL: {reason}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'}")
    if not host:
        raise FetchError(url, "malformed URL: it has no host")
    if port == 0:
        raise FetchError(url, "malformed URL: the port is not a number from 1 to 65535 (0)")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if any(c in host for c in " []\\@%"):
            raise FetchError(url, f"malformed URL: {host!r} is not a host name") from None
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            long = next((label for label in host.split(".") if len(label) > MAX_LABEL), None)
            reason = (f"its label {long[:20]}… is {len(long)} characters; a host name's labels have at most "
                      f"{MAX_LABEL}" if long else f"{host!r} is not a valid host name ({exc})")
            raise FetchError(url, f"malformed URL: {reason}") from exc
        if len(ascii_host) > MAX_HOST:
            raise FetchError(url, f"malformed URL: the host name is over {MAX_HOST} characters") from None
        host = ascii_host
    return parts, host, port or (443 if parts.scheme == "https" else 80)


def system_resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(host, f"cannot resolve host {host!r} ({exc.strerror})") from exc
    except UnicodeError as exc:
        raise FetchError(host, f"cannot resolve host {host!r} ({exc})") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _address(url: str, host: str, port: int, allow_private: bool, resolve: Resolver,
             allowed: Callable[[Address], bool]) -> Address:
    """The one address this hop connects to: resolved once, every address checked, the first used."""
    try:
        return _checked([ipaddress.ip_address(host)], url, host, allow_private, allowed)[0]
    except ValueError:
        pass
    try:
        found = resolve(host, port)
    except FetchError as exc:
        raise FetchError(url, exc.message) from exc
    addresses = []
    for item in found:
        try:
            addresses.append(ipaddress.ip_address(item.split("%", 1)[0]))
        except ValueError:
            continue
    if not addresses:
        raise FetchError(url, f"cannot resolve host {host!r} (no address)")
    return _checked(addresses, url, host, allow_private, allowed)[0]


def _checked(addresses: list[Address], url: str, host: str, allow_private: bool,
             allowed: Callable[[Address], bool]) -> list[Address]:
    if not allow_private:
        for address in addresses:
            if not allowed(address):
                raise FetchError(url, f"refused: {host} resolves to the non-public address {address}; "
                                      "pass --allow-private to fetch private or loopback addresses")
    return addresses


def _pinned(parts: SplitResult, address: Address, port: int) -> str:
    """The URL with its host replaced by the checked address (what the connection uses)."""
    host = f"[{address}]" if address.version == 6 else str(address)
    default = 443 if parts.scheme == "https" else 80
    netloc = host if port == default else f"{host}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def fetch(url: str, settings: dict[str, Any], client: Any = None, resolve: Resolver | None = None,
          allowed: Callable[[Address], bool] | None = None, headers: dict[str, str] | None = None) -> Fetched:
    """GET a URL under the settings' total deadline, size cap and redirect budget, each hop checked."""
    import httpx

    max_bytes = int(settings["max_bytes"])
    limit = float(settings["fetch_timeout"])
    deadline = time.monotonic() + limit
    own = client is None
    client = client or make_client(settings)
    resolve = resolve or system_resolve
    allowed = allowed or is_public
    hosts = allowed_hosts(settings)

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(url, f"timed out: no complete answer within {limit:g} s (fetch_timeout)")
        return remaining

    try:
        current = url
        for _ in range(int(settings["max_redirects"]) + 1):
            try:
                parts, host, port = check_url(current)
                private_ok = bool(settings["allow_private"]) or _host_allowed(host, port, hosts)
                address = _address(current, host, port, private_ok, resolve, allowed)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(url, f"redirected to {current}, which is refused: {exc.message}") from exc
            default = 443 if parts.scheme == "https" else 80
            named = f"[{host}]" if ":" in host else host
            sent = {"Host": named if port == default else f"{named}:{port}", "Accept-Encoding": "gzip, deflate",
                    **(headers or {})}
            extensions: dict[str, Any] = {"timeout": httpx.Timeout(left()).as_dict()}
            if parts.scheme == "https":
                extensions["sni_hostname"] = host
            try:
                request = client.build_request("GET", _pinned(parts, address, port), headers=sent,
                                               extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    answered = {k.lower(): v for k, v in response.headers.items()}
                    if response.status_code >= 400:
                        raise HTTPStatusError(url, f"the server answered HTTP {response.status_code}",
                                              response.status_code, retry_after(answered.get("retry-after")))
                    if response.status_code == 304:
                        return Fetched(current, b"", answered.get("content-type", ""), 304, answered)
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise TooLargeError(url, f"{int(declared):,} bytes is over the size cap of {max_bytes:,}")
                    body = bytearray()
                    for chunk in response.iter_raw():
                        body.extend(chunk)
                        if len(body) > max_bytes:
                            raise TooLargeError(url, f"over the size cap of {max_bytes:,} bytes")
                        left()
                    content = _decoded(bytes(body), response.headers.get("content-encoding", ""), url, max_bytes)
                    return Fetched(current, content, answered.get("content-type", ""), response.status_code,
                                   answered)
                finally:
                    response.close()
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out: no complete answer within {limit:g} s (fetch_timeout)") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"could not fetch: {exc}") from exc
        raise FetchError(url, f"more than {settings['max_redirects']} redirects")
    finally:
        if own:
            client.close()


def _decoded(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """Undo a gzip or deflate Content-Encoding, under the size cap (iter_raw leaves it to us)."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"the server sent an encoding storyline cannot read ({encoding})")
    d = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        out = d.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(url, f"corrupt {encoding} body ({exc})") from exc
    if len(out) > max_bytes:
        raise TooLargeError(url, f"over the size cap of {max_bytes:,} bytes once decompressed")
    return out
