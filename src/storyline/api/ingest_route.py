"""`POST /api/documents`: ingest one page over HTTP (text, HTML or a URL to fetch), with a token.

The body is JSON (`DocumentIn`), or the page itself sent as `text/plain` or `text/html` (its
`source`, `title` and `published` then in the query string). Every page goes through
`ingest.ingest_one`, the path `storyline ingest` and the watcher take: the seen-check, the
pipeline, the store and linking (once) into stories. A URL is fetched with the server's settings
(private addresses refused unless `allow_private`). An input the pipeline cannot use leaves an
`ingest_error` row, as on the command line, and the answer is 422 naming the stage.

Writes are serialised by one lock and go through a store of their own, so readers never see a
half-written batch. Without a token the server is read-only and this answers 403. The token is
checked before the body is read (`TokenGate`), so a client without it cannot make the server read
and buffer a body. Posted text is checked as files are: a lone surrogate is refused (422), NULs are
stripped; a posted URL must be well formed (`sources.web.check_url`), else 422 with the reason.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import InputError
from ..ingest import Outcome, ingest_one
from ..model import RawInput
from ..store.db import Store

router = APIRouter(prefix="/api", tags=["write"])
TEXT_TYPES = {"text/plain": "text", "text/html": "html"}  # a body of this type is the page itself
READ_ONLY = ("this server is read-only: start it with `storyline serve --token TOKEN` (or set STORYLINE_TOKEN) "
             "and send the header `Authorization: Bearer TOKEN` to ingest over HTTP")


class DocumentIn(BaseModel):
    """One page to ingest: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The page as plain text (a web page dump is fine).")
    html: str | None = Field(None, description="The page as HTML.")
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://", description="An http(s) URL to fetch.")
    source: str | None = Field(None, min_length=1, max_length=2000,
                               description="What to call the input (default: `api:` and a hash of the body).")
    title: str | None = Field(None, max_length=1000, description="The title, if the page does not say.")
    published: str | None = Field(None, max_length=40, description="The publication date, if the page does not say.")

    @field_validator("text", "html", "source", "title", "published")
    @classmethod
    def _is_text(cls, value: str | None) -> str | None:
        from ..sources.decode import checked_text

        if value is None:
            return None
        try:
            return checked_text(value, "api", "the value")
        except InputError as exc:
            raise ValueError(exc.message) from exc

    @field_validator("url")
    @classmethod
    def _well_formed(cls, value: str | None) -> str | None:
        from ..sources.web import check_url

        if value is None:
            return None
        try:
            check_url(value)
        except InputError as exc:
            raise ValueError(exc.message) from exc
        return value

    @model_validator(mode="after")
    def _one_input(self) -> DocumentIn:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url" + (f" (got {', '.join(given)})" if given else ""))
        return self


class DocumentOut(BaseModel):
    status: str = Field(description="new, duplicate (an exact copy of a stored text) or unchanged (seen before)")
    document_id: str
    url: str = Field(description="The document's page on this server.")
    linked: dict[str, Any] = Field(description="What linking into stories did (link.LinkSummary), or its error.")


def token_refusal(token: str | None, authorization: str | None) -> HTTPException | None:
    """The 403 or 401 a request to write gets without the right token, or None."""
    if not token:
        return HTTPException(403, READ_ONLY)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return HTTPException(401, "missing or wrong token: send `Authorization: Bearer TOKEN`",
                             headers={"WWW-Authenticate": "Bearer"})
    return None


def require_token(request: Request,
                  authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None) -> None:
    refusal = token_refusal(request.app.state.token, authorization)
    if refusal is not None:
        raise refusal


class TokenGate:
    """Refuse a write without the right token before its body is read (FastAPI reads the body first)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/") == "/api/documents":
            headers = dict(scope["headers"])
            authorization = headers.get(b"authorization", b"").decode("latin-1") or None
            refusal = token_refusal(scope["app"].state.token, authorization)
            if refusal is not None:
                response = JSONResponse({"detail": refusal.detail}, status_code=refusal.status_code,
                                        headers=refusal.headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _writer(request: Request) -> Store:
    state = request.app.state
    if state.writer is None:
        state.writer = Store.open(state.db, batch_size=1)
    return state.writer


def _ingest(request: Request, body: DocumentIn) -> Outcome:
    """What became of one posted page (stored and linked); runs under the write lock."""
    store = _writer(request)
    if body.url is not None:
        return ingest_one(body.url, store, settings=request.app.state.settings)
    content = body.html if body.html is not None else body.text
    assert content is not None
    raw = RawInput(source="", content=content, format="html" if body.html is not None else "text",
                   title=body.title, published=body.published, article=body.html is None)
    source = body.source or f"api:{raw.raw_hash[:16]}"
    return ingest_one(dataclasses.replace(raw, source=source, key=source), store)


@router.post("/documents", status_code=201, response_model=DocumentOut, dependencies=[Depends(require_token)],
             summary="Ingest one page (text, HTML or a URL); needs the server's token",
             description="The body is a JSON object (`text`, `html` or `url`, and optionally `source`, `title`, "
                         "`published`), or the page itself as `text/plain` or `text/html`; with those, `source`, "
                         "`title` and `published` may be given in the query string.",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": DocumentIn.model_json_schema()},
                 "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}},
             responses={200: {"description": "Seen before: nothing changed"},
                        401: {"description": "Missing or wrong token"},
                        403: {"description": "The server is read-only (started without a token)"},
                        413: {"description": "Body over the max_body setting"},
                        422: {"description": "Invalid body, or the page could not be used (names the stage)"}})
async def post_document(request: Request, source: Annotated[str | None, Query(min_length=1, max_length=2000)] = None,
                        title: Annotated[str | None, Query(max_length=1000)] = None,
                        published: Annotated[str | None, Query(max_length=40)] = None) -> Any:
    body = await _read_body(request, source=source, title=title, published=published)
    return await run_in_threadpool(_post, request, body)


async def _read_body(request: Request, **fields: str | None) -> DocumentIn:
    """The posted page: a JSON `DocumentIn`, or a text/plain or text/html body (fields from the query string)."""
    media, _, params = request.headers.get("content-type", "application/json").partition(";")
    media = media.strip().lower()
    raw = await request.body()
    if media in TEXT_TYPES:
        charset = next((v.strip().strip('"') for k, _, v in (p.partition("=") for p in params.split(";"))
                        if k.strip().lower() == "charset"), "utf-8")
        try:
            text = raw.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise RequestValidationError([{"loc": ("body",), "type": "value_error",
                                           "msg": f"a {media} body that is not {charset}: {exc}"}]) from None
        given = {k: v for k, v in fields.items() if v is not None}
        return _validated({**given, TEXT_TYPES[media]: text})
    if media not in ("application/json", "") and not media.endswith("+json"):
        raise HTTPException(415, f"send the page as application/json ({{\"text\": …}}), text/plain or text/html, "
                                 f"not {media}")
    try:
        data = json.loads(raw) if raw else None
    except ValueError as exc:
        raise RequestValidationError([{"loc": ("body",), "type": "json_invalid",
                                       "msg": f"the body is not JSON: {exc}"}]) from None
    if not isinstance(data, dict):
        raise RequestValidationError([{"loc": ("body",), "type": "dict_type",
                                       "msg": "send a JSON object with one of text, html or url"}])
    return _validated(data)


def _validated(data: dict[str, Any]) -> DocumentIn:
    try:
        return DocumentIn.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors()]) from None


def _post(request: Request, body: DocumentIn) -> Any:
    with request.app.state.write_lock:
        done = _ingest(request, body)
    if done.error is not None:
        error = done.error
        return JSONResponse({"detail": f"{error.stage}: {error.error}", "stage": error.stage,
                             "source": error.source}, status_code=422)
    out = DocumentOut(status=done.status, document_id=done.document_id or "", url=f"/documents/{done.document_id}",
                      linked=done.link)
    return JSONResponse(out.model_dump(), status_code=201 if done.status != "unchanged" else 200)
