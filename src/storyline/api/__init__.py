"""The HTTP side of storyline: a FastAPI app serving the dashboard pages and their JSON twins.

    from storyline.api import create_app
    app = create_app("storyline.db", token=None)   # read-only; uvicorn.run(app) serves it

`app` builds the application, `routes` the pages and JSON routes, `views` what each page shows,
`params` the validated query parameters, `ingest_route` POST /api/documents, `docs` the /docs page.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
