"""`/docs`: the OpenAPI schema rendered as a plain HTML page by the server.

FastAPI's own /docs loads Swagger UI from a CDN; this page needs nothing but the schema the app
already builds (`app.openapi()`), so it works offline and under the dashboard's CSP. It lists
every operation with its parameters, their types and limits, the request body and the responses,
then the schemas. It is a reader, not a console: requests are made with curl or any client.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)
LIMITS = (("minimum", "≥"), ("maximum", "≤"), ("exclusiveMinimum", ">"), ("exclusiveMaximum", "<"),
          ("minLength", "length ≥"), ("maxLength", "length ≤"), ("pattern", "matches"), ("default", "default"))


def describe(schema: dict[str, Any] | None) -> str:
    """A schema's type in a few words: `integer`, `string or null`, `one of asserted, planned`."""
    if not schema:
        return "any"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(dict.fromkeys(describe(s) for s in schema[key]))
    if schema.get("type") == "array":
        return f"list of {describe(schema.get('items'))}"
    return str(schema.get("type", "object"))


def limits(schema: dict[str, Any] | None) -> str:
    schema = schema or {}
    parts = [f"{label} {schema[key]}" for key, label in LIMITS if key in schema and schema[key] is not None]
    for sub in schema.get("anyOf", []):
        parts += [f"{label} {sub[key]}" for key, label in LIMITS if key in sub]
    return ", ".join(parts)


def body(request_body: dict[str, Any]) -> str:
    content = request_body.get("content", {})
    return ", ".join(describe(c.get("schema")) for c in content.values())


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return request.app.state.renderer.page(request, "docs.html", {}, title="API", spec=request.app.openapi(),
                                           describe=describe, limits=limits, body=body)
