"""Frozen, typed records of an article result.

Every span-bearing record carries character offsets (``start``, ``end``) into the article text
exactly as given to :func:`eventwire.code`, so each field can be traced back to its words.
``to_dict`` gives the JSON shape documented in the README.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["asserted", "planned", "reported", "negated", "hypothetical"]
ActorType = Literal["person", "country", "organization", "armed_group", "agent", "group"]
STATUSES: tuple[Status, ...] = ("asserted", "planned", "reported", "negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention resolved to who it is."""

    text: str
    start: int
    end: int
    name: str | None
    type: ActorType
    country: str | None
    sectors: tuple[str, ...]
    code: str | None
    role: str | None = None
    entity: int | None = None  # index of the entity this mention refers to (same across mentions)


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    precision: Literal["day", "month", "year"] | None
    text: str | None
    basis: Literal["text", "story"]


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Quotation:
    text: str
    start: int
    end: int
    speaker: Actor | None


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    start: int
    end: int
    value: float
    unit: str
    counts: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something eventwire could not do for part of an article; the rest is still coded."""

    code: str
    message: str
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    sentence: int
    text: str
    trigger: TextSpan
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: Plover | None
    status: Status
    date: EventDate | None = None
    place: Place | None = None
    amounts: tuple[Amount, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    source: str | None
    title: str | None
    published: dt.date | None
    dateline: str | None = None
    dateline_place: Place | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: ArticleInfo
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    amounts: tuple[Amount, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form: dates as ISO strings, tuples as lists."""
        return _plain(self)  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    return _plain(event)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Article:
    """An article as it enters the pipeline."""

    text: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input (file, line, row, feed entry) that could not become an article, and why."""

    source: str
    reason: str
