"""A real HTTP webhook receiver on loopback, for tests: scriptable answers, records every request."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    status: int
    at: float = field(default_factory=time.monotonic)  # when the answer was ready


@dataclass
class Receiver:
    """Answers ``script`` statuses in order (then ``then``), optionally slowly; keeps what arrived."""

    port: int = 0
    script: list[int] = field(default_factory=list)
    then: int = 200
    delay_s: float = 0.0
    requests: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def accepted(self) -> list[Received]:
        return [r for r in self.requests if 200 <= r.status < 300]

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hook")
        async def hook(request: Request) -> Response:
            body = await request.body()
            status = self.script.pop(0) if self.script else self.then
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            self.requests.append(Received(dict(request.headers), body, status))
            return Response(status_code=status, content=b"{}", media_type="application/json")

        return app


@contextmanager
def running(receiver: Receiver) -> Iterator[Receiver]:
    config = uvicorn.Config(receiver.app(), host="127.0.0.1", port=receiver.port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise TimeoutError("test receiver did not start")
        time.sleep(0.05)
    receiver.port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield receiver
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def body_json(received: Received) -> Any:
    import json

    return json.loads(received.body)
