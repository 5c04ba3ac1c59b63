"""Page weight and load time of the dashboard in a real browser (Debian's chromium via Playwright).

Builds a store from the bundled invented examples (ingest + link), serves it with uvicorn on a free
loopback port, and loads each page in a fresh browser context (empty cache) `--runs` times. Weight
is the bytes transferred for the page and every asset it pulls (response headers and bodies as
sent, so compressed where the server compressed); load time is the navigation timing's
loadEventEnd (median of the runs). The overview is the figure the issue asks for; the other pages
are printed for comparison. Prints the figures, then one JSON line.

    .venv/bin/python benchmarks/page_weight.py [--runs 10]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "storyline" / "examples"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = ("/", "/timeline", "/events", "/actors", "/map", "/sources")


def build(db: str) -> str:
    from storyline import settings
    from storyline.ingest import ingest
    from storyline.link import link_new
    from storyline.store.db import Store

    with Store.open(db) as store:
        ingest([str(EXAMPLES)], store, settings.load({"db": db}))
        link_new(store)
        from storyline.store.webqueries import documents_page

        return str(documents_page(store, limit=1)["items"][0]["id"])


def serve(db: str) -> tuple[str, Any]:
    import uvicorn

    from storyline.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def measure(browser: Any, url: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url, wait_until="load")
    timing = page.evaluate("""() => {
        const n = performance.getEntriesByType('navigation')[0];
        return {load: n.loadEventEnd - n.startTime, dcl: n.domContentLoadedEventEnd - n.startTime,
                ttfb: n.responseStart - n.startTime};
    }""")
    transferred = 0
    for r in responses:
        sizes = r.request.sizes()
        transferred += sizes["responseHeadersSize"] + max(0, sizes["responseBodySize"])
    decoded = sum(len(r.body()) for r in responses)
    context.close()
    return {"bytes": transferred, "decoded_bytes": decoded, "requests": len(responses), **timing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ModuleNotFoundError:
        sys.exit("needs the playwright package (pip install playwright) and /usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        doc_id = build(str(Path(tmp) / "demo.db"))
        base, server = serve(str(Path(tmp) / "demo.db"))
        results: dict[str, Any] = {"benchmark": "page_weight", "runs": args.runs, "pages": {}}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in (*PAGES, f"/documents/{doc_id}"):
                measure(browser, base + path)  # warm the server's page cache and the browser binary
                runs = [measure(browser, base + path) for _ in range(args.runs)]
                row = {"bytes": runs[-1]["bytes"], "decoded_bytes": runs[-1]["decoded_bytes"],
                       "requests": runs[-1]["requests"],
                       "load_ms": round(statistics.median(r["load"] for r in runs), 1),
                       "dcl_ms": round(statistics.median(r["dcl"] for r in runs), 1),
                       "ttfb_ms": round(statistics.median(r["ttfb"] for r in runs), 1)}
                name = "/documents/{id}" if path.startswith("/documents/") else path
                results["pages"][name] = row
                print(f"{name:18} {row['bytes']:>7} bytes transferred ({row['decoded_bytes']} decoded) in "
                      f"{row['requests']} requests; load {row['load_ms']} ms (DOMContentLoaded {row['dcl_ms']} ms, "
                      f"first byte {row['ttfb_ms']} ms), median of {args.runs} cold loads")
            browser.close()
        server.should_exit = True
    overview = results["pages"]["/"]
    results["overview_bytes"], results["overview_load_ms"] = overview["bytes"], overview["load_ms"]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
