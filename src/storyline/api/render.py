"""Rendering pages: one Jinja2 environment (autoescape on for every template) and the page chrome.

`Renderer.page(request, template, data, **extra)` renders a template with the page's data, the
navigation, the link to its JSON twin and a `url(**changes)` helper that rebuilds the current
address with some query parameters changed (for pagers and sort links). `wants_json(request)`
tells the error handlers whether to answer in JSON (the `/api/…` and `….json` routes) or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from .. import __version__
from ..web.snippet import around_trigger

NAV = (("/", "Overview"), ("/timeline", "Timeline"), ("/events", "Events"), ("/documents", "Documents"),
       ("/actors", "Actors"), ("/map", "Map"), ("/sources", "Sources"), ("/alerts", "Alerts"), ("/docs", "API"))


LIVE_EVERY_MS = 15_000  # how often the live pages ask /api/changes what arrived


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


def twin_of(request: Request) -> str:
    """The JSON twin of a page: `/api/overview` for `/`, else the path plus `.json`, same query."""
    path = request.url.path.rstrip("/")
    twin = "/api/overview" if not path else f"{path}.json"
    return twin + (f"?{request.url.query}" if request.url.query else "")


def url_builder(request: Request) -> Callable[..., str]:
    def url(**changes: Any) -> str:
        params = dict(request.query_params)
        for key, value in changes.items():
            if value is None or value is False:
                params.pop(key, None)
            else:
                params[key] = "true" if value is True else str(value)
        params = {k: v for k, v in params.items() if v != "" and not (k == "offset" and v == "0")}
        return request.url.path + (f"?{urlencode(params)}" if params else "")

    return url


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _web_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a page's stated URL may be `javascript:`, which must not become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _static(name: str) -> str:
    return f"/static/{name}?v={__version__}"


class Renderer:
    def __init__(self) -> None:
        self.env = Environment(loader=PackageLoader("storyline.web", "templates"), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(static=_static, nav=NAV, live_every_ms=LIVE_EVERY_MS)
        self.env.filters["plural"] = _plural
        self.env.filters["web_url"] = _web_url
        self.env.filters["around_trigger"] = around_trigger

    def page(self, request: Request, template: str, data: Any, status_code: int = 200, **extra: Any) -> HTMLResponse:
        path = request.url.path
        section = "/" + path.strip("/").split("/")[0] if path.strip("/") else "/"
        context = {"data": data, "section": section, "url": url_builder(request),
                   "opened": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
                   "twin": None if status_code >= 400 or path == "/docs" else twin_of(request),
                   "title": extra.pop("title", None) or dict(NAV).get(section, "storyline"), **extra}
        return HTMLResponse(self.env.get_template(template).render(context), status_code=status_code)

