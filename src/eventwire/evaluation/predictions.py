"""Article results read back from JSON Lines (``eventwire code --format json``), and paired
with the gold articles they code."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import InputError
from ..records import (
    Actor,
    Amount,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Place,
    Plover,
    Quotation,
    TextSpan,
)
from .schema import GoldArticle

T = TypeVar("T")


class PredictionError(InputError):
    """A predictions file line is not an article result."""

    code = "E041"


def read_predictions(path: Path) -> tuple[ArticleResult, ...]:
    """Article results, one JSON object a line, as printed by ``eventwire code --format json``."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PredictionError(f"cannot read: {exc}", source=str(path)) from None
    results = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            results.append(_result_line(line, f"{path}:{number}"))
    return tuple(results)


def _result_line(line: str, where: str) -> ArticleResult:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PredictionError(
            f"invalid JSON: {exc.msg} at column {exc.colno}", source=where
        ) from None
    if isinstance(raw, dict) and isinstance(raw.get("article"), str) and "cameo" in raw:
        raise PredictionError(
            "one event per line; give article results ('eventwire code --format json')",
            source=where,
        )
    try:
        return result_from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise PredictionError(f"not an article result: {what}", source=where) from None


def result_from_dict(raw: dict[str, Any]) -> ArticleResult:
    """The inverse of :meth:`ArticleResult.to_dict` (fields that scoring does not need, like
    problems, are dropped)."""
    return ArticleResult(
        article=_info(raw["article"]),
        events=tuple(_event(e) for e in raw.get("events", [])),
        actors=tuple(_actor(a) for a in raw.get("actors", [])),
        places=tuple(_place(p) for p in raw.get("places", [])),
        quotations=tuple(
            Quotation(q["text"], q["start"], q["end"], _opt(_actor, q.get("speaker")))
            for q in raw.get("quotations", [])
        ),
        amounts=tuple(_amount(a) for a in raw.get("amounts", [])),
    )


def _info(raw: dict[str, Any]) -> ArticleInfo:
    published = raw.get("published")
    return ArticleInfo(
        id=str(raw["id"]),
        source=raw.get("source"),
        title=raw.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        dateline=raw.get("dateline"),
        dateline_place=_opt(_place, raw.get("dateline_place")),
        url=raw.get("url"),
    )


def _event(raw: dict[str, Any]) -> Event:
    trigger = raw["trigger"]
    plover = raw.get("plover")
    return Event(
        id=str(raw["id"]),
        sentence=int(raw["sentence"]),
        text=raw["text"],
        trigger=TextSpan(trigger["text"], trigger["start"], trigger["end"]),
        source=_opt(_actor, raw.get("source")),
        target=_opt(_actor, raw.get("target")),
        cameo=raw["cameo"],
        cameo_root=raw.get("cameo_root") or raw["cameo"][:2],
        cameo_name=raw.get("cameo_name", ""),
        quad_class=int(raw.get("quad_class", 0)),
        goldstein=float(raw.get("goldstein", 0.0)),
        plover=Plover(plover["type"], plover.get("mode")) if plover else None,
        status=raw["status"],
        date=_opt(_date, raw.get("date")),
        place=_opt(_place, raw.get("place")),
        amounts=tuple(_amount(a) for a in raw.get("amounts", [])),
        confidence=float(raw.get("confidence", 0.5)),
    )


def _date(raw: dict[str, Any]) -> EventDate:
    return EventDate(
        raw.get("value"), raw.get("precision"), raw.get("text"), raw.get("basis", "text")
    )


def _actor(raw: dict[str, Any]) -> Actor:
    return Actor(
        text=raw.get("text", ""),
        start=raw.get("start", 0),
        end=raw.get("end", 0),
        name=raw.get("name"),
        type=raw.get("type", "agent"),
        country=raw.get("country"),
        sectors=tuple(raw.get("sectors", ())),
        code=raw.get("code"),
        role=raw.get("role"),
        entity=raw.get("entity"),
    )


def _place(raw: dict[str, Any]) -> Place:
    return Place(
        text=raw.get("text", raw["name"]),
        start=raw.get("start", 0),
        end=raw.get("end", 0),
        name=raw["name"],
        country=raw.get("country"),
        admin1=raw.get("admin1"),
        lat=raw.get("lat"),
        lon=raw.get("lon"),
        geonameid=raw.get("geonameid"),
        kind=raw.get("kind"),
    )


def _amount(raw: dict[str, Any]) -> Amount:
    return Amount(
        raw["text"], raw["start"], raw["end"], float(raw["value"]), raw["unit"], raw.get("counts")
    )


def _opt(build: Callable[[dict[str, Any]], T], raw: dict[str, Any] | None) -> T | None:
    return build(raw) if raw is not None else None


@dataclass(frozen=True)
class Pairing:
    """Gold articles with their prediction (an empty result when none was given)."""

    pairs: tuple[tuple[GoldArticle, ArticleResult], ...]
    without_prediction: tuple[str, ...]  # names of gold articles no prediction codes
    unused: tuple[str, ...]  # ids of predictions that code no gold article


def pair_predictions(golds: Sequence[GoldArticle], results: Iterable[ArticleResult]) -> Pairing:
    """Pair each gold article with the result whose article id is the gold text's id, or,
    failing that, with an unpaired result whose ``source`` (or its file name) is the gold's
    article file name or gold id. Each result codes at most one gold article."""
    listed = list(results)
    by_id: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for i, r in enumerate(listed):
        by_id.setdefault(r.article.id, i)
        for name in _names(r):
            by_name.setdefault(name, []).append(i)
    chosen: dict[int, int] = {}  # gold index -> result index
    taken: set[int] = set()
    for gi, g in enumerate(golds):
        if g.id in by_id and by_id[g.id] not in taken:
            chosen[gi] = by_id[g.id]
            taken.add(by_id[g.id])
    for gi, g in enumerate(golds):
        free = [i for a in g.aliases for i in by_name.get(a, []) if i not in taken]
        if gi not in chosen and free:
            chosen[gi] = free[0]
            taken.add(free[0])
    pairs = tuple(
        (g, listed[chosen[gi]] if gi in chosen else _empty(g)) for gi, g in enumerate(golds)
    )
    missing = tuple(g.name for gi, g in enumerate(golds) if gi not in chosen)
    unused = tuple(r.article.id for i, r in enumerate(listed) if i not in taken)
    return Pairing(pairs, missing, unused)


def _names(r: ArticleResult) -> set[str]:
    source = r.article.source
    return {source, Path(source).name, Path(source).stem} if source else set()


def _empty(gold: GoldArticle) -> ArticleResult:
    return ArticleResult(article=ArticleInfo(gold.id, None, None, gold.story_date))
