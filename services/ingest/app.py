"""The ingest service: ``POST /articles`` publishes one article to Kafka.

Run it with ``frontwatch run ingest`` (uvicorn on FRONTWATCH_INGEST_HOST:PORT).
Replaying archived files is ``frontwatch replay PATH...``, which uses the same
``ArticlePublisher``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import make_asgi_app
from pydantic import BaseModel, Field

from services.ingest.publisher import PublishOutcome, open_publisher
from services.ingest.settings import IngestSettings
from shared.schemas import Article, article_id_for


class ArticleIn(BaseModel):
    """An article as a client posts it; the id is computed, never taken from the client."""

    text: str = Field(min_length=1, description="the article body")
    title: str | None = None
    url: str | None = None
    source: str = "api"
    outlet: str | None = None
    language: str | None = Field(default=None, max_length=8)
    published: date | None = None


class ArticleAccepted(BaseModel):
    id: str
    status: PublishOutcome


def create_app(settings: IngestSettings | None = None) -> FastAPI:
    settings = settings or IngestSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_publisher(settings) as publisher:
            app.state.publisher = publisher
            yield

    app = FastAPI(title="Frontwatch ingest", version="1", lifespan=lifespan)

    @app.exception_handler(RequestValidationError)
    async def invalid_body(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": ".".join(str(p) for p in e["loc"] if p != "body"), "message": e["msg"]} for e in exc.errors()]
        return JSONResponse(status_code=422, content={"error": "invalid article", "errors": errors})

    app.mount("/metrics", make_asgi_app())

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/articles", status_code=202, response_model=ArticleAccepted)
    async def post_article(body: ArticleIn, request: Request) -> ArticleAccepted:
        if len(body.text.encode("utf-8")) > settings.max_article_bytes:
            raise RequestValidationError(
                [{"loc": ("body", "text"), "msg": f"over the {settings.max_article_bytes}-byte limit", "type": "too_long"}]
            )
        article = Article(id=article_id_for(body.text), **body.model_dump())
        status = await request.app.state.publisher.publish(article)
        return ArticleAccepted(id=article.id, status=status)

    return app
