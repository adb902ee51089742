"""Gold event files and the strict event matching rule of the golden tests.

A gold file (JSON) has ``story_date`` and ``events``; each gold event gives ``source`` and
``target`` (``{"country": ISO3, "name": ...}`` or null), acceptable ``cameo_root`` codes,
acceptable ``plover`` types, ``status`` (one value or a list), ``required`` and ``symmetric``;
optionally ``date`` and ``location``. The article may also list ``quotations``, ``amounts``
and ``places``. The full format, and the looser rules of the scorer
(:mod:`eventwire.evaluation.score`), are in docs/evaluation.md.

Strict matching rule (:func:`event_matches`, used by the golden tests): a predicted event
matches a gold event when
  * its CAMEO root is one of the gold roots, and its PLOVER type one of the gold types;
  * its status is one of the gold statuses (when the gold gives statuses);
  * source and target match (in either order when the gold event is symmetric).

Actor rule (:func:`actor_matches`, shared by every metric): a gold actor matches a predicted
actor with the same country code, or the same name or alias (case-insensitive, or the same
last word, i.e. surname), or, for a gold ``code`` (sentence-level gold: IGO, NGO ...), a
predicted CAMEO code equal to it or extending it; a null gold actor matches a missing predicted
actor or one with neither country nor name (a generic agent).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Actor, Event
from .fields import Where
from .parse import parse_article
from .schema import GoldAmount, GoldArticle, GoldError, GoldEvent, GoldPlace, GoldQuote

__all__ = [
    "Comparison", "GoldAmount", "GoldArticle", "GoldError", "GoldEvent", "GoldPlace",
    "GoldQuote", "actor_matches", "compare", "event_matches", "load_gold",
]  # fmt: skip


def load_gold(path: Path, text_path: Path | None = None) -> GoldArticle:
    """Read and check one gold file (``*.gold.json`` / ``*.expected.json``); the article text
    is ``text_path`` when given, else the file named by its ``article`` field."""
    where = Where(str(path))
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise GoldError(
            f"invalid JSON: {exc.msg} at column {exc.colno}", source=str(path), line=exc.lineno
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise where.error(f"cannot read gold file: {exc}") from None
    if text_path is not None and isinstance(raw, dict):
        raw = {**raw, "article": str(text_path.resolve())}
    stem = path.name.removesuffix(".json").removesuffix(".gold").removesuffix(".expected")
    return parse_article(raw, where, base=path.parent, name=stem)


def actor_matches(gold: dict[str, Any] | None, pred: Actor | None) -> bool:
    if gold is None:
        return pred is None or (pred.country is None and pred.name is None)
    if pred is None:
        return False
    if gold.get("country") and pred.country == gold["country"]:
        return True
    code = gold.get("code")
    if code and pred.code and pred.code.upper().startswith(str(code).upper()):
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
    if gold.statuses and pred.status not in gold.statuses:
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
