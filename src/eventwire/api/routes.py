"""The /v1 endpoints: each parses its input, makes one call on the service, shapes the answer."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hmac
import io
import json
from typing import Annotated, Any, Literal, cast

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..records import Article, ArticleResult, Skipped
from ..store import QueryFilters, views
from ..store.schema import EVENT_COLUMNS
from .ingest import IngestRun
from .models import (
    ActorCount,
    ActorsPage,
    ArticleDetail,
    ArticleIn,
    CodeRequest,
    DyadCount,
    DyadsPage,
    ErrorMessage,
    EventRow,
    EventsPage,
    Health,
    IngestResponse,
    ItemOutcome,
    Stats,
)
from .params import (
    EVENT_FILTERS,
    PAGING,
    Limit,
    Offset,
    decode_cursor,
    encode_cursor,
    event_filters,
    invalid,
    names,
    only,
)
from .service import Service

router = APIRouter(prefix="/v1")
bearer = HTTPBearer(auto_error=False, description="the server's token (writes only)")


async def _service(request: Request) -> Service:
    return cast(Service, request.app.state.service)


Svc = Annotated[Service, Depends(_service)]
Filters = Annotated[QueryFilters, Depends(event_filters)]
Id = Annotated[str, Path(min_length=1, max_length=200)]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorMessage, "description": "not found"},
}
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorMessage, "description": "no bearer token"},
    403: {"model": ErrorMessage, "description": "wrong token, or writes disabled"},
}
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorMessage, "description": "body not UTF-8, or unreadable"},
    413: {"model": ErrorMessage, "description": "request body too large"},
    415: {"model": ErrorMessage, "description": "request body not declared JSON"},
}


def require_token(
    svc: Svc, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Writes need ``Authorization: Bearer <token>``; a server without a token refuses them."""
    token = svc.settings.token
    if token is None:
        raise HTTPException(403, "writes are disabled (the server was started without a token)")
    if credentials is None:
        raise HTTPException(
            401,
            "this endpoint needs the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, "invalid token")


@router.get("/health", dependencies=[Depends(only())])
def health(svc: Svc) -> Health:
    """The server is up and its store is open."""
    counts = svc.read(lambda store: store.summary())
    return Health(articles=counts["articles"], events=counts["events"], index=svc.events.state)


@router.post(
    "/code",
    dependencies=[Depends(only())],
    responses={200: {"model": ArticleResult}, **BODY_ERRORS},
    response_class=JSONResponse,
)
def code(body: CodeRequest, svc: Svc) -> JSONResponse:
    """Code one article without storing it: the result of `eventwire code --format json`."""
    try:
        article = svc.validate(body.text, source="<request>", published=body.date)
    except InputError as exc:
        raise invalid("text", exc.reason, where="body") from None
    return JSONResponse(svc.code(article).to_dict())


@router.post(
    "/articles",
    dependencies=[Depends(require_token), Depends(only())],
    responses={**AUTH_ERRORS, **BODY_ERRORS},
)
def post_articles(
    articles: Annotated[list[ArticleIn], Body(description="articles to ingest")], svc: Svc
) -> IngestResponse:
    """Ingest articles (idempotent: an article already stored adds nothing; near-duplicates are
    linked to their canonical article). Articles that are empty or not English are skipped,
    recorded in `problems` and reported here."""
    run, items = svc.ingest(articles)
    r = run.report
    return IngestResponse(
        read=r.read, coded=r.coded, events=r.events, duplicates=r.duplicates, already=r.already,
        skipped=len(r.skipped), items=_outcomes(run, items),
    )  # fmt: skip


def _outcomes(run: IngestRun, items: list[Article | Skipped]) -> list[ItemOutcome]:
    """One outcome per posted article, in the order posted."""
    done = iter(run.articles)
    out = []
    for index, item in enumerate(items):
        if isinstance(item, Skipped):
            out.append(ItemOutcome(index=index, id=None, outcome="skipped", reason=item.reason))
            continue
        d = next(done)
        outcome = ItemOutcome(
            index=index, id=d.id, outcome=d.outcome, events=d.events, canonical_id=d.canonical_id
        )
        out.append(outcome)
    return out


@router.get(
    "/events",
    response_model=EventsPage,
    dependencies=[Depends(only(*names(EVENT_FILTERS, PAGING, ("cursor", "format"))))],
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
async def events(
    svc: Svc,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    cursor: Annotated[
        str | None,
        Query(max_length=400, pattern=r"^[A-Za-z0-9_-]+$", description="next_cursor of a page"),
    ] = None,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> EventsPage | Response:
    """Events matching the filters of `eventwire query`, by event date (undated last) then id.
    Page with `offset`, or with `cursor` (the `next_cursor` of the page before)."""
    if cursor is not None and offset:
        raise invalid("cursor", "give either cursor or offset, not both")
    after = decode_cursor(cursor) if cursor is not None else None
    index = svc.index
    if index is not None and fmt == "json":  # a page from the index costs well under 1 ms
        select = functools.partial(
            index.select, filters, limit=limit, offset=offset, after=after
        )  # fmt: skip
        # a filter seen before is answered here; a new one or a radius scans the index's
        # columns (milliseconds at a million events): in a thread, so other requests go on
        found = select() if index.answers_at_once(filters) else await run_in_threadpool(select)
        after_page = encode_cursor(*index.key(int(found.rows[-1]))) if found.more else None
        return Response(
            b'{"total":%d,"limit":%d,"offset":%d,"events":%b,"next_cursor":%b}'
            % (found.total, limit, offset, index.json(found.rows), json.dumps(after_page).encode()),
            media_type="application/json",
        )  # fmt: skip
    page = await run_in_threadpool(
        svc.read,
        lambda store: views.events_page(store, filters, limit=limit, offset=offset, after=after),
    )
    last = page.rows[-1] if page.more else None
    next_cursor = encode_cursor(last["event_date"], last["id"]) if last else None
    if fmt == "csv":
        headers = {"X-Total-Count": str(page.total)}
        if next_cursor:
            headers["X-Next-Cursor"] = next_cursor
        return Response(_csv(page.rows), media_type="text/csv; charset=utf-8", headers=headers)
    rows = [EventRow.model_validate(row) for row in page.rows]
    return EventsPage(
        events=rows, total=page.total, limit=limit, offset=offset, next_cursor=next_cursor
    )


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in EVENT_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@router.get("/events/{event_id}", dependencies=[Depends(only())], responses=ERRORS)
def event(event_id: Id, svc: Svc) -> EventRow:
    """One event by id (`<article id>-<sentence>-<n>`)."""
    row = svc.read(lambda store: views.event(store, event_id))
    if row is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return EventRow.model_validate(row)


@router.get("/articles/{article_id}", dependencies=[Depends(only())], responses=ERRORS)
def article(article_id: Id, svc: Svc) -> ArticleDetail:
    """A stored article: its text, events (with triggers and actors), actor mentions, places,
    quotations and amounts, each with character offsets into the text."""
    found = svc.read(lambda store: views.article(store, article_id))
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return ArticleDetail.model_validate(found)


@router.get("/actors", dependencies=[Depends(only("q", "country", *PAGING))])
def actors(
    svc: Svc,
    q: Annotated[
        str | None, Query(max_length=200, description="part of the actor code or name")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO3")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ActorsPage:
    """Actors (code and name) of the stored actor mentions, most mentioned first."""
    page = svc.read(
        lambda store: views.actors(store, search=q, country=country, limit=limit, offset=offset)
    )
    return ActorsPage(
        actors=[ActorCount.model_validate(r) for r in page.rows],
        total=page.total, limit=limit, offset=offset,
    )  # fmt: skip


@router.get("/dyads", dependencies=[Depends(only(*names(EVENT_FILTERS, PAGING, ("level",))))])
def dyads(
    svc: Svc,
    filters: Filters,
    level: Annotated[
        Literal["country", "code"], Query(description="pair countries or full actor codes")
    ] = "country",
    limit: Limit = 100,
    offset: Offset = 0,
) -> DyadsPage:
    """Directed source-target pairs of the matching events with counts by quad class."""
    page = svc.read(
        lambda store: views.dyads(store, filters, level=level, limit=limit, offset=offset)
    )
    return DyadsPage(
        dyads=[DyadCount.model_validate(r) for r in page.rows],
        level=level, total=page.total, limit=limit, offset=offset,
    )  # fmt: skip


@router.get("/stats", dependencies=[Depends(only(*EVENT_FILTERS))])
def stats(svc: Svc, filters: Filters) -> Stats:
    """Counts of the matching events by PLOVER type, month, country, status and quad class."""
    return Stats.model_validate(svc.read(lambda store: views.stats(store, filters)))
