"""Request and response bodies of the HTTP API (pydantic models, shown in /docs).

An event row has exactly the columns of the ``events`` table (documented in
:mod:`eventwire.store`); its model is generated from the table definition so the two cannot
drift apart. ``POST /v1/code`` answers with :class:`eventwire.records.ArticleResult` itself.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, create_model

from ..store.schema import EVENTS, Columns
from .live import IndexState

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> object:
    """A ``YYYY-MM-DD`` string as a date (a date passes); anything else is refused."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("expected a date in the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date (YYYY-MM-DD)") from None


IsoDate = Annotated[dt.date, BeforeValidator(iso_date)]


def utc(value: object) -> object:
    """The store keeps UTC times without a zone: mark them UTC (RFC 3339 needs an offset)."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


UtcTime = Annotated[dt.datetime, BeforeValidator(utc)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


# -- requests ---------------------------------------------------------------------------


class CodeRequest(_In):
    """An article to code without storing it."""

    text: StrictStr = Field(description="the article text (English)")
    date: IsoDate | None = Field(
        None, description="story date YYYY-MM-DD that relative dates resolve against"
    )


class ArticleIn(_In):
    """An article to ingest."""

    text: StrictStr = Field(description="the article text (English)")
    title: StrictStr | None = None
    url: StrictStr | None = Field(None, description="part of the article id; hosts count sources")
    published: IsoDate | None = Field(None, description="story date YYYY-MM-DD")
    source: StrictStr | None = Field(
        None, description="where the article comes from (default 'api'); names a skipped input"
    )


# -- responses --------------------------------------------------------------------------


class Health(_Out):
    status: Literal["ok"] = "ok"
    articles: int = Field(description="stored articles, near-duplicates included")
    events: int = Field(description="stored events")
    index: IndexState = Field(
        description="the in-memory event index: pages come from it when ready, else from "
        "the database; writes are laid over it at once"
    )


class ItemOutcome(_Out):
    """What happened to one posted article, in the order posted."""

    index: int
    id: str | None = Field(description="the article id (null when skipped)")
    outcome: Literal["coded", "duplicate", "already", "skipped"]
    events: int = 0
    canonical_id: str | None = Field(None, description="for a near-duplicate: its canonical")
    reason: str | None = Field(None, description="for a skipped article: why")


class IngestResponse(_Out):
    """The accounting of one ingest request (as ``eventwire ingest`` prints it)."""

    read: int
    coded: int
    events: int
    duplicates: int
    already: int
    skipped: int
    items: list[ItemOutcome]


_PYTHON_TYPES: dict[str, Any] = {
    "VARCHAR": str,
    "INTEGER": int,
    "BIGINT": int,
    "DOUBLE": float,
    "DATE": dt.date,
    "TIMESTAMP": dt.datetime,
    "VARCHAR[]": list[str],
}


def _row_model(name: str, columns: Columns, doc: str) -> type[BaseModel]:
    fields: dict[str, Any] = {
        column: (_PYTHON_TYPES[kind] | None, Field(None)) for column, kind in columns
    }
    return create_model(name, __config__=ConfigDict(frozen=True), __doc__=doc, **fields)


if TYPE_CHECKING:
    EventRow = BaseModel
else:
    EventRow = _row_model(
        "EventRow",
        EVENTS,
        "One event: the columns of the `events` table (see `eventwire.store`); offsets "
        "(`*_start`, `*_end`) index the article text.",
    )


class Page(_Out):
    total: int = Field(description="rows matching in all")
    limit: int
    offset: int


class EventsPage(Page):
    events: list[EventRow]
    next_cursor: str | None = Field(
        None, description="pass as `cursor` for the next page; null on the last page"
    )


class ActorSpan(_Out):
    start: int
    end: int
    text: str
    name: str | None
    type: str | None
    country: str | None
    sectors: list[str] | None
    code: str | None
    role: str | None
    entity: int | None


class PlaceSpan(_Out):
    start: int
    end: int
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str | None


class QuotationSpan(_Out):
    start: int
    end: int
    text: str
    speaker_name: str | None
    speaker_code: str | None


class AmountSpan(_Out):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    counts: str | None
    event_ids: list[str] = Field(description="the events whose clause holds the amount")


class DuplicateRef(_Out):
    id: str
    source: str | None
    url: str | None
    title: str | None
    published: dt.date | None


class ArticleDetail(_Out):
    """A stored article with its text and every span; offsets index ``text``."""

    id: str
    canonical_id: str | None = Field(description="set when this is a near-duplicate")
    source: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    dateline: str | None
    text: str | None
    n_events: int | None
    coded_at: UtcTime | None = Field(description="when it was coded (UTC)")
    events: list[EventRow]
    actors: list[ActorSpan]
    places: list[PlaceSpan]
    quotations: list[QuotationSpan]
    amounts: list[AmountSpan]
    duplicates: list[DuplicateRef] = Field(description="near-copies linked to this article")


class ActorCount(_Out):
    code: str | None
    name: str | None
    type: str | None
    country: str | None
    mentions: int
    articles: int
    as_source: int = Field(description="events with this actor (code and name) as source")
    as_target: int


class ActorsPage(Page):
    actors: list[ActorCount]


class DyadCount(_Out):
    source: str
    target: str
    events: int
    verbal_cooperation: int = Field(description="quad class 1")
    material_cooperation: int = Field(description="quad class 2")
    verbal_conflict: int = Field(description="quad class 3")
    material_conflict: int = Field(description="quad class 4")
    goldstein_mean: float | None


class DyadsPage(Page):
    level: Literal["country", "code"]
    dyads: list[DyadCount]


class Count(_Out):
    key: str | None
    events: int


class Stats(_Out):
    """Counts of the events matching the filters."""

    total: int
    by_type: list[Count] = Field(description="PLOVER type (null: plain statements)")
    by_month: list[Count] = Field(description="YYYY-MM of event_date")
    by_country: list[Count] = Field(
        description="an event counts once for each country among its source, target, place"
    )
    by_status: list[Count]
    by_quad_class: list[Count]


class ErrorMessage(_Out):
    detail: str
