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
        raise PredictionError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=where)
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
    date = raw.get("date")
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
        date=EventDate(date.get("value"), date.get("precision"), date.get("text"),
                       date.get("basis", "text")) if date else None,  # fmt: skip
        place=_opt(_place, raw.get("place")),
        amounts=tuple(_amount(a) for a in raw.get("amounts", [])),
        confidence=float(raw.get("confidence", 0.5)),
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
    failing that, whose ``source`` file name is the gold's article file name or gold id."""
    listed = list(results)
    by_id: dict[str, ArticleResult] = {}
    by_name: dict[str, ArticleResult] = {}
    for r in listed:
        by_id.setdefault(r.article.id, r)
        if r.article.source:
            by_name.setdefault(Path(r.article.source).name, r)
            by_name.setdefault(r.article.source, r)
    pairs, missing, used = [], [], set()
    for g in golds:
        found = by_id.get(g.id) or next((by_name[a] for a in g.aliases if a in by_name), None)
        if found is None:
            missing.append(g.name)
            found = ArticleResult(article=ArticleInfo(g.id, None, None, g.story_date))
        used.add(id(found))
        pairs.append((g, found))
    unused = tuple(r.article.id for r in listed if id(r) not in used)
    return Pairing(tuple(pairs), tuple(missing), unused)
