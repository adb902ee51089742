"""Records to table rows: one tuple per row, in the column order of :mod:`.schema`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..records import Actor, Amount, ArticleResult, Event, EventDate, Place, Skipped

Row = tuple[Any, ...]


@dataclass
class Rows:
    """The rows of one batch, table by table."""

    articles: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    quotations: list[Row] = field(default_factory=list)
    amounts: list[Row] = field(default_factory=list)
    problems: list[Row] = field(default_factory=list)

    def by_table(self) -> dict[str, list[Row]]:
        return {
            "articles": self.articles,
            "events": self.events,
            "actors": self.actors,
            "places": self.places,
            "quotations": self.quotations,
            "amounts": self.amounts,
            "problems": self.problems,
        }


def event_day(date: EventDate | None, published: dt.date | None) -> dt.date | None:
    """The event's date as a DATE: the first day of a month or year for coarser precision;
    the article's published date when the event has no (readable) date."""
    value = date.value if date else None
    if value:
        parts = value.split("-")
        try:
            year = int(parts[0])
            month = int(parts[1]) if len(parts) > 1 else 1
            day = int(parts[2][:2]) if len(parts) > 2 else 1
            return dt.date(year, month, day)
        except (ValueError, IndexError):
            pass
    return published


def _actor_fields(actor: Actor | None) -> Row:
    if actor is None:
        return (None,) * 9
    return (
        actor.text,
        actor.start,
        actor.end,
        actor.name,
        actor.type,
        actor.country,
        list(actor.sectors),
        actor.code,
        actor.role,
    )


def _place_fields(place: Place | None) -> Row:
    if place is None:
        return (None,) * 7
    lat = float(place.lat) if place.lat is not None else None
    lon = float(place.lon) if place.lon is not None else None
    return (place.name, place.country, place.admin1, place.kind, lat, lon, place.geonameid)


def event_row(article_id: str, event: Event, published: dt.date | None) -> Row:
    d = event.date
    return (
        event.id,
        article_id,
        event.sentence,
        event.text,
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        *_actor_fields(event.source),
        *_actor_fields(event.target),
        event.cameo,
        event.cameo_root,
        event.cameo_name,
        event.quad_class,
        float(event.goldstein),
        event.plover.type if event.plover else None,
        event.plover.mode if event.plover else None,
        event.status,
        d.value if d else None,
        d.precision if d else None,
        d.text if d else None,
        d.basis if d else None,
        event_day(d, published),
        *_place_fields(event.place),
        float(event.confidence),
        1,
        1,
    )


def _amount_row(article_id: str, event_id: str | None, a: Amount) -> Row:
    return (article_id, event_id, a.start, a.end, a.text, float(a.value), a.unit, a.counts)


def amount_rows(article_id: str, result: ArticleResult) -> list[Row]:
    """One row per (event, amount) of the events, then the article's amounts that no event
    holds, with ``event_id`` NULL."""
    rows: list[Row] = []
    held: set[tuple[int, int]] = set()
    for event in result.events:
        for amount in event.amounts:
            rows.append(_amount_row(article_id, event.id, amount))
            held.add((amount.start, amount.end))
    seen = set(held)
    for amount in result.amounts:
        if (amount.start, amount.end) not in seen:
            seen.add((amount.start, amount.end))
            rows.append(_amount_row(article_id, None, amount))
    return rows


def problem_source(result: ArticleResult) -> str:
    return result.article.source or result.article.id


def add_coded(rows: Rows, result: ArticleResult, text: str | None, now: dt.datetime) -> None:
    """Add a canonical (coded) article and everything found in it."""
    info = result.article
    aid = info.id
    rows.articles.append(
        (aid, None, info.source, info.url, info.title, info.published, info.dateline, text,
         len(result.events), now)
    )  # fmt: skip
    rows.events.extend(event_row(aid, e, info.published) for e in result.events)
    rows.actors.extend(
        (aid, a.start, a.end, a.text, a.name, a.type, a.country, list(a.sectors), a.code,
         a.role, a.entity)
        for a in result.actors
    )  # fmt: skip
    rows.places.extend(
        (aid, p.start, p.end, p.text, p.name, p.country, p.admin1,
         None if p.lat is None else float(p.lat), None if p.lon is None else float(p.lon),
         p.geonameid, p.kind)
        for p in result.places
    )  # fmt: skip
    rows.quotations.extend(
        (aid, q.start, q.end, q.text, q.speaker.name if q.speaker else None,
         q.speaker.code if q.speaker else None)
        for q in result.quotations
    )  # fmt: skip
    rows.amounts.extend(amount_rows(aid, result))
    rows.problems.extend(
        (problem_source(result), problem_reason(p.code, p.message, p.sentence), aid, now)
        for p in result.problems
    )


def problem_reason(code: str, message: str, sentence: int | None) -> str:
    where = f" (sentence {sentence})" if sentence is not None else ""
    return f"{code} {message}{where}"


def add_duplicate(
    rows: Rows,
    article_id: str,
    canonical_id: str,
    result: ArticleResult | None,
    text: str | None,
    now: dt.datetime,
) -> None:
    """Add a near-duplicate article: linked to its canonical copy, with no rows of its own."""
    info = result.article if result else None
    rows.articles.append(
        (article_id, canonical_id, info and info.source, info and info.url, info and info.title,
         info and info.published, info and info.dateline, text, 0, now)
    )  # fmt: skip


def skipped_rows(skipped: list[Skipped], now: dt.datetime) -> list[Row]:
    return [(s.source, s.reason, None, now) for s in skipped]
