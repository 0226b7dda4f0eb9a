"""The watchlist API of the alerts service: JSON in and out, OpenAPI at ``/openapi.json``, docs at ``/docs``.

Run it with ``frontwatch run alerts-api``. Every call needs ``Authorization:
Bearer <token>`` (``frontwatch token create NAME``); a token sees and changes
only its own watchlists, and another tenant's watchlist is simply not found.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import make_asgi_app
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from redis.asyncio import Redis

from services.alerts.keywords import KeywordSyntaxError, parse_keywords
from services.alerts.notifier import Notifier
from services.alerts.settings import AlertsSettings
from services.alerts.store import DeliveryLedger, DigestBuffer, TokenStore, WatchlistStore
from services.alerts.webhooks import UnsafeWebhook, check_webhook_url
from shared.places import PlaceResolver
from shared.schemas import DeliveryAttempt, EventType, Geofence, Notification, Watchlist, utcnow


class ApiError(Exception):
    """An error answered as JSON: ``{"error": ..., "errors": [{"field", "message"}]}``."""

    def __init__(self, status: int, error: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.errors = status, error, errors or []


class GeofenceIn(BaseModel):
    """A circle: its centre by place name, or by lat/lon."""

    model_config = ConfigDict(extra="forbid")
    place: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    radius_km: float = Field(gt=0, le=2000)


class WatchlistPatch(BaseModel):
    """Fields to change; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=200)
    places: list[str] | None = Field(default=None, max_length=100)
    near: GeofenceIn | None = None
    webhook: str | None = Field(default=None, max_length=2000)
    format: Literal["json", "slack"] | None = None
    mode: Literal["events", "mentions"] | None = None
    types: list[EventType] | None = None
    sides: list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]] | None = None
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    exclude_hedged: bool | None = None
    keywords: str | None = Field(default=None, max_length=1000)
    rate_limit_per_minute: int | None = Field(default=None, ge=1, le=10000)


class WatchlistIn(WatchlistPatch):
    """A new watchlist: a webhook and at least one of places, near (a geofence) or keywords."""

    webhook: str = Field(max_length=2000)
    mode: Literal["events", "mentions"] = "mentions"


class WatchlistOut(BaseModel):
    id: str
    name: str | None
    places: list[str]
    place_ids: list[int]
    geofence: Geofence | None
    webhook: str
    format: str
    mode: str
    types: list[EventType]
    sides: list[str]
    min_confidence: float
    exclude_hedged: bool
    keywords: str | None
    rate_limit_per_minute: int
    created_at: str
    updated_at: str
    secret: str | None = Field(default=None, description="the webhook signing secret; shown only when created")

    @classmethod
    def of(cls, w: Watchlist, *, with_secret: bool = False) -> WatchlistOut:
        data = w.model_dump(mode="json", exclude={"secret", "tenant", "schema_version"})
        return cls(**data, secret=w.secret if with_secret else None)


class TestResult(BaseModel):
    delivered: bool
    status_code: int | None
    attempts: int
    error: str | None


def _describe(place: Any) -> str:
    return ", ".join(x for x in (place.name, place.admin1, place.country) if x)


async def apply_spec(base: Watchlist, patch: WatchlistPatch, places: PlaceResolver, allow_private: bool) -> Watchlist:
    """The watchlist with ``patch`` applied, names resolved and everything checked; ApiError(422) names each bad field."""
    errors: list[dict[str, Any]] = []
    update: dict[str, Any] = patch.model_dump(exclude_unset=True, exclude={"near"})
    nullable = {"name", "keywords"}
    errors += [{"field": k, "message": "may not be null"} for k, v in update.items() if v is None and k not in nullable]
    if patch.places is not None:
        ids = []
        for i, name in enumerate(patch.places):
            resolved = places.resolve_place(name)
            if resolved is None or resolved.geonameid is None:
                hints = [_describe(p) for p in places.suggest(name)]
                message = f"unknown place {name!r}" + (f"; did you mean {' or '.join(hints)}?" if hints else "")
                errors.append({"field": f"places.{i}", "message": message, "suggestions": hints})
            else:
                ids.append(resolved.geonameid)
        update["place_ids"] = ids
    if "near" in patch.model_fields_set:
        update["geofence"] = None
        if patch.near is not None:
            fence = patch.near
            if fence.place:
                centre = places.resolve_place(fence.place)
                if centre is None or centre.lat is None or centre.lon is None:
                    hints = [_describe(p) for p in places.suggest(fence.place)]
                    errors.append({"field": "near.place", "message": f"unknown place {fence.place!r}"
                                   + (f"; did you mean {' or '.join(hints)}?" if hints else ""), "suggestions": hints})
                else:
                    update["geofence"] = Geofence(lat=centre.lat, lon=centre.lon, radius_km=fence.radius_km,
                                                  place=_describe(centre))
            elif fence.lat is not None and fence.lon is not None:
                update["geofence"] = Geofence(lat=fence.lat, lon=fence.lon, radius_km=fence.radius_km)
            else:
                errors.append({"field": "near", "message": "give a place, or lat and lon"})
    if patch.webhook is not None:
        try:
            await check_webhook_url(patch.webhook, allow_private=allow_private)
        except UnsafeWebhook as exc:
            errors.append({"field": "webhook", "message": str(exc)})
    if patch.keywords:
        try:
            parse_keywords(patch.keywords)
        except KeywordSyntaxError as exc:
            errors.append({"field": "keywords", "message": str(exc)})
    if errors:
        raise ApiError(422, "invalid watchlist", errors)
    try:
        merged = Watchlist.model_validate({**base.model_dump(), **update, "updated_at": utcnow()})
    except ValidationError as exc:
        raise ApiError(422, "invalid watchlist", [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                                                   for e in exc.errors()]) from exc
    if not (merged.place_ids or merged.geofence or merged.keywords or (merged.mode == "events" and merged.types)):
        raise ApiError(422, "invalid watchlist", [{"field": "places", "message": "give places, near (a geofence) or keywords"}])
    return merged


async def tenant(request: Request) -> str:
    """The tenant of the request's bearer token; 401 without a valid one."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "missing bearer token")
    found = await request.app.state.tokens.tenant_for(token.strip())
    if found is None:
        raise ApiError(401, "invalid token")
    return str(found)


# Module level, so FastAPI can resolve the annotation (this module uses postponed annotations).
Tenant = Annotated[str, Depends(tenant)]


def create_api(settings: AlertsSettings | None = None, places: PlaceResolver | None = None) -> FastAPI:
    settings = settings or AlertsSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        redis = Redis.from_url(settings.redis_url)
        http = httpx.AsyncClient(timeout=settings.webhook_timeout_s, follow_redirects=False)
        if places is None:
            from shared.gazetteer import load_gazetteer

            app.state.places = load_gazetteer()
        else:
            app.state.places = places
        app.state.watchlists = WatchlistStore(redis, settings.topic_prefix)
        app.state.tokens = TokenStore(redis, settings.topic_prefix)
        app.state.ledger = DeliveryLedger(redis, settings.topic_prefix)

        async def not_recorded(*_: object) -> None:
            return None  # a test notification is logged, not published to the alerts topic

        digests = DigestBuffer(redis, settings.topic_prefix, settings.digest_window_s)
        app.state.notifier = Notifier(http=http, ledger=app.state.ledger, digests=digests, published=not_recorded,
                                      failed=not_recorded, attempts=1, allow_private=settings.webhook_allow_private)
        try:
            yield
        finally:
            await http.aclose()
            await redis.aclose()

    app = FastAPI(title="Frontwatch alerts API", version="1", lifespan=lifespan,
                  description="Watchlists, their delivery logs and test notifications. Bearer-token auth.")

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        body: dict[str, Any] = {"error": exc.error}
        if exc.errors:
            body["errors"] = exc.errors
        headers = {"www-authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(status_code=exc.status, content=body, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": ".".join(str(p) for p in e["loc"] if p != "body") or "body", "message": e["msg"]}
                  for e in exc.errors()]
        return JSONResponse(status_code=422, content={"error": "invalid request", "errors": errors})

    async def owned(request: Request, watchlist_id: str, who: str) -> Watchlist:
        watchlist = await request.app.state.watchlists.get(watchlist_id, tenant=who)
        if watchlist is None:
            raise ApiError(404, "watchlist not found")
        return watchlist  # type: ignore[no-any-return]

    app.mount("/metrics", make_asgi_app())

    @app.get("/health", include_in_schema=False)
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/watchlists", status_code=201, response_model=WatchlistOut)
    async def create_watchlist(body: WatchlistIn, request: Request, who: Tenant) -> WatchlistOut:
        blank = Watchlist(id=uuid.uuid4().hex[:16], tenant=who, webhook="http://placeholder.invalid/",  # type: ignore[arg-type]
                          secret=secrets.token_urlsafe(32))
        watchlist = await apply_spec(blank, body, request.app.state.places, settings.webhook_allow_private)
        await request.app.state.watchlists.add(watchlist)
        return WatchlistOut.of(watchlist, with_secret=True)

    @app.get("/v1/watchlists", response_model=list[WatchlistOut])
    async def list_watchlists(request: Request, who: Tenant) -> list[WatchlistOut]:
        return [WatchlistOut.of(w) for w in await request.app.state.watchlists.all(tenant=who)]

    @app.get("/v1/watchlists/{watchlist_id}", response_model=WatchlistOut)
    async def get_watchlist(watchlist_id: str, request: Request, who: Tenant) -> WatchlistOut:
        return WatchlistOut.of(await owned(request, watchlist_id, who))

    @app.patch("/v1/watchlists/{watchlist_id}", response_model=WatchlistOut)
    async def update_watchlist(watchlist_id: str, body: WatchlistPatch, request: Request, who: Tenant) -> WatchlistOut:
        current = await owned(request, watchlist_id, who)
        watchlist = await apply_spec(current, body, request.app.state.places, settings.webhook_allow_private)
        await request.app.state.watchlists.add(watchlist)
        return WatchlistOut.of(watchlist)

    @app.delete("/v1/watchlists/{watchlist_id}", status_code=204)
    async def delete_watchlist(watchlist_id: str, request: Request, who: Tenant) -> Response:
        await owned(request, watchlist_id, who)
        await request.app.state.watchlists.remove(watchlist_id)
        return Response(status_code=204)

    @app.get("/v1/watchlists/{watchlist_id}/notifications", response_model=list[DeliveryAttempt])
    async def delivery_log(watchlist_id: str, request: Request, who: Tenant, limit: int = 100) -> list[DeliveryAttempt]:
        await owned(request, watchlist_id, who)
        return await request.app.state.ledger.entries(watchlist_id, limit=max(1, min(limit, 1000)))  # type: ignore[no-any-return]

    @app.post("/v1/watchlists/{watchlist_id}/test", response_model=TestResult)
    async def send_test(watchlist_id: str, request: Request, who: Tenant) -> TestResult:
        watchlist = await owned(request, watchlist_id, who)
        note = Notification(id=f"test-{uuid.uuid4().hex[:16]}", watchlist_id=watchlist.id, kind="test",
                            article_id="test", source="frontwatch test", evidence="This is a test notification.")
        result = await request.app.state.notifier.send(watchlist, note)
        return TestResult(delivered=result.delivered, status_code=result.status_code, attempts=result.attempts,
                          error=result.error)

    return app


