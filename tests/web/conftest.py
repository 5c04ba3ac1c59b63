"""The dashboard suites' server and browser: a linked store of the bundled examples plus the module's
`pages`, served on loopback, and one chromium for the module."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium: Any, serve_app: Any, examples_db: Any,
           pages: dict[str, str]) -> Iterator[str]:
    from storyline.api import create_app

    db = examples_db(tmp_path_factory.mktemp("dashboard"), pages)
    with serve_app(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str, chromium: Any) -> Iterator[Any]:
    with chromium() as b:
        yield b
