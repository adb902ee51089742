"""Gold event files and the event matching rule.

A gold file (JSON) has ``story_date`` and ``events``; each gold event gives ``source`` and
``target`` (``{"country": ISO3, "name": ...}`` or null), acceptable ``cameo_root`` codes,
acceptable ``plover`` types, ``status`` (one value or a list), ``required`` and ``symmetric``.

Matching rule: a predicted event matches a gold event when
  * its CAMEO root is one of the gold roots, and its PLOVER type one of the gold types;
  * its status is one of the gold statuses;
  * source and target match (in either order when the gold event is symmetric). A gold actor
    matches a predicted actor with the same country code, or the same name or alias
    (case-insensitive, or the same last word, i.e. surname); a null gold actor
    matches a missing predicted actor or one with neither country nor name (a generic agent).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Actor, Event


@dataclass(frozen=True)
class GoldEvent:
    id: str
    required: bool
    symmetric: bool
    sentence: int | None
    evidence: str | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    roots: frozenset[str]
    plover: frozenset[str]
    statuses: frozenset[str]


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    text: str
    story_date: dt.date | None
    events: tuple[GoldEvent, ...]


def load_gold(path: Path, text_path: Path | None = None) -> GoldArticle:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", source=str(path)) from None
    article = text_path or (path.parent / raw["article"])
    events = []
    for i, e in enumerate(raw.get("events", [])):
        status = e.get("status", "asserted")
        events.append(
            GoldEvent(
                id=e.get("id", f"E{i + 1}"),
                required=bool(e.get("required", True)),
                symmetric=bool(e.get("symmetric", False)),
                sentence=e.get("sentence"),
                evidence=e.get("evidence"),
                source=e.get("source"),
                target=e.get("target"),
                roots=frozenset(e.get("cameo_root", [])),
                plover=frozenset(e.get("plover", [])),
                statuses=frozenset([status] if isinstance(status, str) else status),
            )
        )
    date = raw.get("story_date")
    return GoldArticle(
        path=path,
        text=article.read_text(encoding="utf-8"),
        story_date=dt.date.fromisoformat(date) if date else None,
        events=tuple(events),
    )


def actor_matches(gold: dict[str, Any] | None, pred: Actor | None) -> bool:
    if gold is None:
        return pred is None or (pred.country is None and pred.name is None)
    if pred is None:
        return False
    if gold.get("country") and pred.country == gold["country"]:
        return True
    names = [n.lower() for n in [gold.get("name"), *gold.get("aliases", [])] if n]
    if names and pred.name:
        p = pred.name.lower()
        return any(g == p or g.split()[-1] == p.split()[-1] for g in names)
    return False


def event_matches(gold: GoldEvent, pred: Event) -> bool:
    if pred.cameo_root not in gold.roots:
        return False
    if gold.plover and (pred.plover is None or pred.plover.type not in gold.plover):
        return False
    if pred.status not in gold.statuses:
        return False
    if actor_matches(gold.source, pred.source) and actor_matches(gold.target, pred.target):
        return True
    return gold.symmetric and (
        actor_matches(gold.source, pred.target) and actor_matches(gold.target, pred.source)
    )


@dataclass(frozen=True)
class Comparison:
    found: tuple[str, ...]  # ids of required gold events matched
    missed: tuple[GoldEvent, ...]  # required gold events with no matching prediction
    spurious: tuple[Event, ...]  # predictions matching no gold event (required or not)


def compare(gold: GoldArticle, predicted: tuple[Event, ...]) -> Comparison:
    found, missed = [], []
    for g in gold.events:
        if not g.required:
            continue
        if any(event_matches(g, p) for p in predicted):
            found.append(g.id)
        else:
            missed.append(g)
    spurious = tuple(p for p in predicted if not any(event_matches(g, p) for g in gold.events))
    return Comparison(tuple(found), tuple(missed), spurious)
