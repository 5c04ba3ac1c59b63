"""The FastAPI application: `create_app(db, token)` serves the dashboard and the JSON API over one store.

Pages are rendered on the server with Jinja2 (autoescape on); each has a JSON twin from the same
view function (`/api/…`, or the page's path with `.json`). The OpenAPI schema is at /openapi.json
and rendered at /docs by the server itself: nothing is loaded from a CDN.

Without a token the server is read-only: `POST /api/documents` answers 403 and says how to enable
it. Request bodies over `max_body` bytes get 413 before they are read in full. Query parameters
are validated (`api.params`), with 422 and the reason; an unknown story or document is 404. Every
response carries a Content-Security-Policy that allows scripts and styles from this server only,
so even text that escaped escaping could not run.

It does not start a server (the CLI runs uvicorn) and holds no logic of its own: handlers call
`api.views`, which calls the library.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import StoreError, UsageError
from ..store import watchschema, webqueries
from ..store.db import Store
from .cache import ViewCache
from .render import Renderer, wants_json
from .views import NotFound

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
DEFAULT_MAX_BODY = 5_000_000
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
DESCRIPTION = ("Event data from news pages: PLOVER-coded events, quotes, claims, citation findings and stories "
               "merged across sources. Read-only unless the server was started with a token.")


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Answer 413 to a request whose body is over `max_body` bytes, by its Content-Length or as it streams in.

    A body sent without a Content-Length (chunked) is read here first, up to `max_body`, and handed on
    whole: the handler that parses it would otherwise see a broken stream and answer 400."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(scope, receive, send)
            return
        if declared is None and scope["method"] in ("POST", "PUT", "PATCH"):
            body = bytearray()
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body.extend(message.get("body", b""))
                if len(body) > self.max_body:
                    await self._refuse(scope, receive, send)
                    return
                if not message.get("more_body", False):
                    break
            whole: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

            async def replay() -> Message:
                return whole.pop() if whole else await receive()

            await self.app(scope, replay, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watch)
        except _TooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse({"detail": f"request body over {self.max_body} bytes; the server's max_body "
                                           "setting (STORYLINE_MAX_BODY) sets the cap"}, status_code=413)
        await response(scope, receive, send)


class SecurityHeaders:
    """Add the CSP and friends to every response, and let browsers cache the versioned static files."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def add(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + SECURITY_HEADERS
                if static:
                    headers.append((b"cache-control", b"public, max-age=86400"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, add)


def _problems(exc: RequestValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        out.append(f"{where}: {msg}" if where else msg)
    return out


def _install_errors(app: FastAPI, renderer: Renderer) -> None:
    def reply(request: Request, status: int, title: str, problems: list[str], **extra: Any) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": problems[0] if len(problems) == 1 else problems, **extra},
                                status_code=status)
        return renderer.page(request, "error.html", {}, status_code=status, title=title, status=status,
                             problems=problems)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = _problems(exc)
        if wants_json(request):
            errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
            return JSONResponse({"detail": problems, "errors": errors}, status_code=422)
        return reply(request, 422, "invalid parameters", problems)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return reply(request, 404, "not found", [str(exc)])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = reply(request, exc.status_code, "error", [str(exc.detail)])
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(UsageError)
    async def usage(request: Request, exc: UsageError) -> Response:
        return reply(request, 400, "bad request", [str(exc)])

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return reply(request, 503, "database unavailable", [str(exc)])


def create_app(db: str, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               settings: dict[str, Any] | None = None, cache_size: int = 256, read_only: bool | None = None) -> FastAPI:
    """The dashboard and API over the store `db` (a SQLAlchemy URL or a SQLite path).

    `token` enables `POST /api/documents` (sent as `Authorization: Bearer TOKEN`); None or "" keeps
    the server read-only. `settings` (from `storyline.settings.load`) are used when ingesting a URL.
    `cache_size` page answers are kept until the store changes (SQLite only; 0 turns it off).
    `read_only` opens the store for reading only; None: when it cannot be written (a read-only file or mount).
    """
    from .. import settings as settings_module
    from ..store.db import can_write
    from . import docs, ingest_route, routes

    if read_only is None:
        read_only = not can_write(db)
    store = Store.open(db, read_only=read_only)
    if not read_only:
        webqueries.ensure_indexes(store.engine)
    if not read_only:
        watchschema.ensure(store.engine)  # the alerts page reads a store never watched too
    store.tune_for_reading()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.engine.dispose()
        if app.state.writer is not None:
            app.state.writer.close()

    app = FastAPI(title="storyline", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.store = store  # reads only: handlers use its engine, never its write buffers
    app.state.db = db
    app.state.token = token or None
    app.state.settings = settings or settings_module.load({"db": db})
    app.state.cache = ViewCache(store.engine, cache_size)
    app.state.write_lock = threading.Lock()
    app.state.writer = None  # a second Store for POST /api/documents, opened on first use
    renderer = Renderer()
    app.state.renderer = renderer
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(routes.api)
    app.include_router(ingest_route.router)
    app.include_router(routes.pages)
    app.include_router(docs.router)
    _install_errors(app, renderer)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(ingest_route.TokenGate)  # outermost: a write without the token is refused unread

    return app



def app_from_settings() -> FastAPI:
    """The app as the settings say (`STORYLINE_DB`, `STORYLINE_TOKEN`, `STORYLINE_MAX_BODY`, a settings file).

    For `uvicorn --factory storyline.api.app:app_from_settings`, which several worker processes need:
    each builds its own app from the environment.
    """
    from .. import settings as settings_module

    cfg = settings_module.load()
    return create_app(cfg["db"], token=cfg.get("token") or None, max_body=int(cfg.get("max_body", DEFAULT_MAX_BODY)),
                      settings=cfg)
