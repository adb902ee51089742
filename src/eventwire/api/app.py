"""The app factory: one store and one pipeline per app, opened at startup, closed at shutdown;
errors turned into 4xx answers with a clear message; the body limit; CORS only when asked."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..config import error_message
from ..errors import ConfigError, EventwireError, InputError, QueryError, StoreError
from ..pipeline import Pipeline
from ..web import mount_docs, mount_web
from .limits import RequestLimits
from .routes import router
from .service import Service
from .settings import ApiSettings

log = logging.getLogger(__name__)

DESCRIPTION = """Political events coded from news articles (CAMEO, PLOVER), with every field
traceable to the words it came from.

* `POST /v1/code` codes a text without storing it; `POST /v1/articles` (bearer token) stores.
* Reads: `/v1/events` (the filters of `eventwire query`), `/v1/events/{id}`,
  `/v1/articles/{id}` (text with every span), `/v1/actors`, `/v1/dyads`, `/v1/stats`.
* Errors: `{"detail": "message"}`; for 422, `detail` is a list of
  `{"loc": [...], "msg": "...", "type": "..."}`. Unknown query parameters are refused.
"""


def create_app(settings: ApiSettings, *, pipeline: Pipeline | None = None) -> FastAPI:
    """The API as an ASGI app. The store is opened (and the pipeline loaded, unless given)
    when the app starts, and closed when it stops: run it with uvicorn, or enter a
    ``TestClient`` as a context manager."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service = await run_in_threadpool(Service.start, settings, pipeline)
        app.state.service = service
        try:
            yield
        finally:
            await run_in_threadpool(service.close)

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served below from the bundled Swagger UI: no CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.include_router(router)
    mount_docs(app)
    mount_web(app)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(EventwireError, _eventwire_error)
    app.add_exception_handler(Exception, _unexpected_error)
    app.add_middleware(RequestLimits, max_body=settings.max_body)
    if settings.cors_origins:  # added last: outermost, so even a 413 carries CORS headers
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["X-Total-Count", "X-Next-Cursor"],
        )
    return app


def _message(error: dict[str, Any]) -> str:
    msg = error_message(error)
    if error.get("type") == "model_attributes_type":
        return "expected a JSON object"
    if error.get("type") == "json_invalid":
        detail = (error.get("ctx") or {}).get("error", "")
        loc = error.get("loc", ())
        at = f" at character {loc[-1]}" if len(loc) > 1 else ""
        return f"malformed JSON{at}: {detail}" if detail else f"malformed JSON{at}"
    return msg


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422 shape without echoing the input back (it may be a whole article)."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": _message(e), "type": str(e.get("type", ""))}
        for e in exc.errors()
    ]
    return JSONResponse({"detail": errors}, status_code=422)


def _status(exc: EventwireError) -> int:
    if isinstance(exc, InputError | QueryError):
        return 422
    if isinstance(exc, ConfigError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 400


async def _eventwire_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventwireError)
    status = _status(exc)
    log.info("%s %s: %s %s", request.method, request.url.path, exc.code, exc)
    if status == 422:
        detail: Any = [{"loc": [], "msg": str(exc), "type": exc.code}]
    else:
        detail = f"{exc} ({exc.code})"
    return JSONResponse({"detail": detail}, status_code=status)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": "internal server error (a bug: see the log)"}, status_code=500)
