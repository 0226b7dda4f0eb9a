"""``frontwatch webhook-sink``: a small receiver that prints the notifications it gets.

Used by ``make demo`` and the tests as a real HTTP webhook. Every request body
is appended to a JSON-lines file (``--out``) with its headers, and
``GET /received`` returns what arrived so far.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from rich.console import Console


def create_sink_app(out: Path | None = None, console: Console | None = None) -> FastAPI:
    app = FastAPI(title="Frontwatch webhook sink")
    received: list[dict[str, Any]] = []
    console = console or Console(stderr=True)

    @app.post("/{path:path}")
    async def receive(path: str, request: Request) -> Response:
        raw = await request.body()
        try:
            body: Any = json.loads(raw)
        except json.JSONDecodeError:
            return Response(status_code=400, content=b'{"error": "body is not JSON"}', media_type="application/json")
        entry = {"path": "/" + path, "headers": dict(request.headers), "body": body}
        received.append(entry)
        if out is not None:
            with out.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        place = (body.get("place") or {}).get("name") if isinstance(body, dict) else None
        console.print(f"[bold green]notification[/] {body.get('kind') if isinstance(body, dict) else '?'} "
                      f"place={place} source={body.get('source') if isinstance(body, dict) else '?'}")
        return Response(status_code=200, content=b'{"ok": true}', media_type="application/json")

    @app.get("/received")
    async def list_received() -> list[dict[str, Any]]:
        return received

    return app
