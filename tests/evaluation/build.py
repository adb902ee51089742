"""Hand-built gold and predicted records for the scorer tests (no model)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from eventwire.coding.ontology import load_ontology
from eventwire.evaluation import GoldArticle, GoldEvent, GoldPlace
from eventwire.ingest.text import article_id
from eventwire.records import (
    Actor,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Place,
    Status,
    TextSpan,
)

TEXT = "The two sides met in Sochi.\nThey agreed to talk again.\n"


def actor(country: str | None = None, name: str | None = None, code: str | None = None) -> Actor:
    kind = "person" if name else ("country" if country else "agent")
    return Actor(
        text=name or country or code or "someone",
        start=0,
        end=1,
        name=name,
        type=kind,  # type: ignore[arg-type]
        country=country,
        sectors=(),
        code=code or country,
    )


def event(
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    *,
    status: Status = "asserted",
    text: str = "A sentence.",
    date: str | None = None,
    place: Place | None = None,
    index: int = 0,
) -> Event:
    ontology = load_ontology()
    plover = ontology.to_plover(cameo)
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    return Event(
        id=f"P{index}",
        sentence=0,
        text=text,
        trigger=TextSpan("did", 0, 3),
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        cameo_name=ontology.code(cameo).name,
        quad_class=ontology.code(cameo).quad_class,
        goldstein=ontology.code(cameo).goldstein,
        plover=plover,
        status=status,
        date=EventDate(date, precision, date, "text") if date else None,  # type: ignore[arg-type]
        place=place,
    )


def place(
    name: str, country: str | None, lat: float | None = None, lon: float | None = None
) -> Place:
    return Place(text=name, start=0, end=len(name), name=name, country=country, lat=lat, lon=lon)


def gold_event(
    eid: str,
    source: dict[str, Any] | None,
    target: dict[str, Any] | None,
    roots: list[str],
    types: list[str],
    *,
    required: bool = True,
    symmetric: bool = False,
    status: list[str] | None = None,
    evidence: str | None = None,
    date: str | None = None,
    location: GoldPlace | None = None,
) -> GoldEvent:
    return GoldEvent(
        id=eid,
        required=required,
        symmetric=symmetric,
        sentence=None,
        evidence=evidence,
        source=source,
        target=target,
        roots=frozenset(roots),
        plover=frozenset(types),
        statuses=frozenset(status or ["asserted"]),
        date=date,
        location=location,
        plover_order=tuple(types),
    )


def gold_article(*events: GoldEvent, text: str = TEXT, **items: Any) -> GoldArticle:
    return GoldArticle(
        path=Path("hand.gold.json"),
        text=text,
        story_date=dt.date(2024, 3, 12),
        events=events,
        id=article_id(text),
        name="hand",
        aliases=("hand.txt",),
        **items,
    )


def result(gold: GoldArticle, *events: Event, **items: Any) -> ArticleResult:
    info = ArticleInfo(id=gold.id, source="hand.txt", title=None, published=gold.story_date)
    return ArticleResult(article=info, events=events, **items)
