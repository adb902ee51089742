"""Scoring predicted article results against gold articles: :func:`evaluate`.

Counting (every event metric): gold events with ``required: false`` are "don't care". Matching
is one-to-one over required gold events (best first, see :func:`match.match_events`); a
prediction left over that matches an optional gold event is neither a true nor a false
positive, and a missed optional event is not a false negative. A left-over prediction that
matches only a required gold event already taken (a duplicate) is a false positive on that
metric: event data are counted, and a duplicate counts the event twice.

Attributes (``date``, ``place (km)``, ``place (country)``, ``status``) are scored on the pairs
of the ``dyad+type`` matching, over the required gold events that give the attribute: a pair
with the right value is a true positive; a pair with a wrong value (or, for date and place,
a value where the gold has another one) is a false positive and a false negative; a gold
value with no pair, or a pair without a predicted value, is a false negative.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Actor, ArticleResult, Event
from .items import amount_counts, place_counts, quotation_counts
from .match import (
    LEVELS,
    Matching,
    date_matches,
    match_events,
    place_country_ok,
    place_km_ok,
    plover_detection_ok,
    status_ok,
)
from .predictions import pair_predictions
from .report import MissedEvent, Report, Score, SpuriousEvent
from .schema import GoldArticle, GoldEvent

ATTRIBUTES = ("date", "place (km)", "place (country)", "status")
ITEMS = ("quotation speakers", "amounts", "places")
METRICS = (*(name for name, _ in LEVELS), *ATTRIBUTES, *ITEMS)


@dataclass
class _Tally:
    """Counts summed over articles (local to one :func:`evaluate` call)."""

    metrics: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    by_type: dict[str, Score] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: list[MissedEvent] = field(default_factory=list)
    spurious: list[SpuriousEvent] = field(default_factory=list)

    def add(self, name: str, counts: tuple[int, int, int] | None) -> None:
        if counts is not None:
            self.metrics[name] = self.metrics[name] + Score(*counts)

    def add_type(self, name: str, score: Score) -> None:
        self.by_type[name] = self.by_type.get(name, Score()) + score


def evaluate(
    golds: Sequence[GoldArticle], predictions: Iterable[ArticleResult], within_km: float = 25.0
) -> Report:
    """Score ``predictions`` against ``golds`` (micro-averaged: counts are summed over
    articles). Predictions are paired with gold articles by article id or source file name; a
    gold article without a prediction scores as an empty prediction."""
    pairing = pair_predictions(golds, predictions)
    tally = _Tally()
    for gold, result in pairing.pairs:
        _score_article(tally, gold, result, within_km)
    return Report(
        articles=len(golds),
        required_events=sum(e.required for g in golds for e in g.events),
        optional_events=sum(not e.required for g in golds for e in g.events),
        predicted_events=sum(len(r.events) for _, r in pairing.pairs),
        within_km=within_km,
        metrics=dict(tally.metrics),
        by_type=dict(sorted(tally.by_type.items())),
        confusion=dict(sorted(tally.confusion.items())),
        missed=tuple(tally.missed),
        spurious=tuple(tally.spurious),
        without_prediction=pairing.without_prediction,
        unused_predictions=pairing.unused,
    )


def _score_article(tally: _Tally, gold: GoldArticle, result: ArticleResult, km: float) -> None:
    golds, preds = gold.events, result.events
    for name, ok in LEVELS:
        matching = match_events(golds, preds, ok)
        tally.add(name, matching.counts)
        if name == "detection":
            _list_errors(tally, gold, preds, matching)
        elif name == "dyad":
            _confusion(tally, golds, preds, matching)
        elif name == "dyad+type":
            _attributes(tally, golds, preds, matching, km)
    _per_type(tally, golds, preds)
    tally.add("quotation speakers", quotation_counts(gold, result))
    tally.add("amounts", amount_counts(gold, result))
    tally.add("places", place_counts(gold, result, km))


@dataclass(frozen=True)
class _Attribute:
    applies: Callable[[GoldEvent], bool]  # the gold event gives this attribute
    ok: Callable[[GoldEvent, Event], bool]  # the prediction has the gold's value
    claims: Callable[[Event], bool]  # the prediction gives a value at all


def _attribute_rules(km: float) -> dict[str, _Attribute]:
    def has_place(p: Event) -> bool:
        return p.place is not None

    return {
        "date": _Attribute(
            lambda g: g.date is not None,
            lambda g, p: date_matches(g.date or "", p.date),
            lambda p: bool(p.date and p.date.value),
        ),
        "place (km)": _Attribute(
            lambda g: g.location is not None,
            lambda g, p: g.location is not None and place_km_ok(g.location, p.place, km),
            has_place,
        ),
        "place (country)": _Attribute(
            lambda g: g.location is not None and g.location.country is not None,
            lambda g, p: g.location is not None and place_country_ok(g.location, p.place),
            has_place,
        ),
        "status": _Attribute(lambda g: bool(g.statuses), status_ok, lambda p: True),
    }


def _attributes(
    tally: _Tally, golds: Sequence[GoldEvent], preds: Sequence[Event], m: Matching, km: float
) -> None:
    paired = {gi: preds[pi] for gi, pi in m.pairs}
    required = [(g, paired.get(gi)) for gi, g in enumerate(golds) if g.required]
    for name, rule in _attribute_rules(km).items():
        items = [(g, p) for g, p in required if rule.applies(g)]
        tp = sum(p is not None and rule.ok(g, p) for g, p in items)
        fp = sum(p is not None and rule.claims(p) and not rule.ok(g, p) for g, p in items)
        tally.add(name, (tp, fp, len(items) - tp))


def _type_of(p: Event) -> str:
    return p.plover.type if p.plover is not None else "-"


def _per_type(tally: _Tally, golds: Sequence[GoldEvent], preds: Sequence[Event]) -> None:
    """Per PLOVER type: the detection rule with the PLOVER type required. A missed gold event
    counts against its first listed type; a false positive against its predicted type."""
    m = match_events(golds, preds, plover_detection_ok)
    for _, pi in m.pairs:
        tally.add_type(_type_of(preds[pi]), Score(tp=1))
    for pi in m.spurious:
        tally.add_type(_type_of(preds[pi]), Score(fp=1))
    for gi in m.missed:
        tally.add_type(golds[gi].main_type, Score(fn=1))


def _confusion(
    tally: _Tally, golds: Sequence[GoldEvent], preds: Sequence[Event], m: Matching
) -> None:
    """Gold type x predicted type over the pairs matched on dyad; the gold type is the
    predicted one when the gold accepts it, else the gold's first listed type."""
    for gi, pi in m.pairs:
        got = _type_of(preds[pi])
        want = got if got in golds[gi].plover else golds[gi].main_type
        tally.confusion[(want, got)] += 1


def _list_errors(tally: _Tally, gold: GoldArticle, preds: Sequence[Event], m: Matching) -> None:
    for gi in m.missed:
        g = gold.events[gi]
        kinds = "/".join(g.plover_order) + " " + "/".join(sorted(g.roots))
        tally.missed.append(
            MissedEvent(
                gold.name,
                g.id,
                _gold_actor(g.source),
                _gold_actor(g.target),
                kinds.strip(),
                g.evidence,
                gold_sentence(gold, g),
            )
        )
    for pi in m.spurious:
        p = preds[pi]
        tally.spurious.append(
            SpuriousEvent(
                gold.name,
                p.id,
                _pred_actor(p.source),
                _pred_actor(p.target),
                p.cameo,
                _type_of(p),
                p.status,
                p.trigger.text,
                p.text,
                m.duplicates.get(pi),
            )
        )


def _gold_actor(actor: dict[str, object] | None) -> str:
    if actor is None:
        return "-"
    name, country, code = actor.get("name"), actor.get("country"), actor.get("code")
    if name and country:
        return f"{name} ({country})"
    return str(name or country or code or "?")


def _pred_actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    label = actor.code or actor.country or "?"
    return f"{actor.name} ({label})" if actor.name else label


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")


def gold_sentence(gold: GoldArticle, g: GoldEvent) -> str:
    """The article sentence holding the gold evidence (or the line numbered ``sentence``)."""
    lines = [line.strip() for line in gold.text.splitlines() if line.strip()]
    first = (g.evidence or "").replace("…", "...").split("...")[0].strip()
    for line in lines if first else []:
        if first in line:
            pieces = [s for s in _SENTENCE_END.split(line) if first in s]
            return pieces[0] if pieces else line
    if g.sentence is not None and 0 <= g.sentence < len(lines):
        return lines[g.sentence]
    return g.evidence or ""
