"""The evaluation report: scores, per-type scores, the PLOVER confusion table, and every
missed and spurious event; as a dict for JSON and as a plain-text table."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one metric.

    An empty denominator scores 1.0 (nothing claimed, nothing wrongly claimed; nothing to find,
    nothing missed): an empty prediction has precision 1.0, recall 0.0 and F1 0.0, and a metric
    with nothing to score on either side is 1.0 everywhere (``support`` shows it is empty).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class MissedEvent:
    """A required gold event no prediction matched (detection level)."""

    article: str
    gold_id: str
    source: str
    target: str
    types: str  # acceptable PLOVER types and CAMEO roots
    evidence: str | None
    sentence: str


@dataclass(frozen=True)
class SpuriousEvent:
    """A prediction that is a false positive at the detection level."""

    article: str
    event_id: str
    source: str
    target: str
    cameo: str
    plover: str
    status: str
    trigger: str
    sentence: str
    duplicate_of: str | None  # the already matched gold event it also matches


@dataclass(frozen=True)
class Report:
    articles: int
    required_events: int
    optional_events: int
    predicted_events: int
    within_km: float
    metrics: Mapping[str, Score]
    by_type: Mapping[str, Score]
    confusion: Mapping[tuple[str, str], int]  # (gold type, predicted type) -> pairs
    missed: tuple[MissedEvent, ...]
    spurious: tuple[SpuriousEvent, ...]
    without_prediction: tuple[str, ...] = ()  # gold articles no prediction was given for
    unused_predictions: tuple[str, ...] = ()  # predictions coding no gold article

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "required_events": self.required_events,
            "optional_events": self.optional_events,
            "predicted_events": self.predicted_events,
            "within_km": self.within_km,
            "metrics": {k: v.to_dict() for k, v in self.metrics.items()},
            "by_plover_type": {k: v.to_dict() for k, v in self.by_type.items()},
            "confusion": [
                {"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.items()
            ],
            "missed": [dataclasses.asdict(m) for m in self.missed],
            "spurious": [dataclasses.asdict(s) for s in self.spurious],
            "without_prediction": list(self.without_prediction),
            "unused_predictions": list(self.unused_predictions),
        }


def _score_rows(title: str, scores: Mapping[str, Score]) -> list[str]:
    width = max([len(title), *map(len, scores)])
    head = f"{title:<{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'tp':>4}  {'fp':>4}  {'fn':>4}"
    lines = [head, "-" * len(head)]
    for name, s in scores.items():
        if s.empty:
            lines.append(f"{name:<{width}}  {'-':>5}  {'-':>5}  {'-':>5}  {0:>4}  {0:>4}  {0:>4}")
            continue
        lines.append(
            f"{name:<{width}}  {s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f}"
            f"  {s.tp:>4}  {s.fp:>4}  {s.fn:>4}"
        )
    return lines


CORNER = "gold \\ predicted"


def _confusion_rows(confusion: Mapping[tuple[str, str], int]) -> list[str]:
    if not confusion:
        return ["(no pairs matched on dyad)"]
    golds = sorted({g for g, _ in confusion})
    preds = sorted({p for _, p in confusion})
    width = max(len(CORNER), *map(len, golds))
    cols = [max(len(p), 3) for p in preds]
    lines = [
        f"{CORNER:<{width}}  " + "  ".join(f"{p:>{w}}" for p, w in zip(preds, cols, strict=True))
    ]
    for g in golds:
        cells = [str(confusion.get((g, p), "")) or "." for p in preds]
        lines.append(
            f"{g:<{width}}  " + "  ".join(f"{c:>{w}}" for c, w in zip(cells, cols, strict=True))
        )
    return lines


def _event_rows(report: Report) -> list[str]:
    lines = [f"missed required events ({len(report.missed)}):"]
    for m in report.missed:
        lines.append(f"  {m.article} {m.gold_id}: {m.source} -> {m.target} [{m.types}]")
        lines.append(f"      {m.sentence}")
    lines.append(f"spurious events ({len(report.spurious)}):")
    for s in report.spurious:
        dup = f" (duplicate of {s.duplicate_of})" if s.duplicate_of else ""
        lines.append(
            f"  {s.article} {s.event_id}: {s.source} -> {s.target} [{s.plover} {s.cameo}"
            f" {s.status}] '{s.trigger}'{dup}"
        )
        lines.append(f"      {s.sentence}")
    return lines


def render_table(report: Report) -> str:
    """The report as plain text: scores, per-type scores, confusion, missed and spurious."""
    lines = [
        f"{report.articles} articles, {report.required_events} required gold events "
        f"(+{report.optional_events} optional), {report.predicted_events} predicted events; "
        f"places within {report.within_km:g} km",
    ]
    if report.without_prediction:
        lines.append(f"no prediction for: {', '.join(report.without_prediction)}")
    if report.unused_predictions:
        lines.append(f"{len(report.unused_predictions)} predictions code no gold article")
    lines += ["", *_score_rows("metric", report.metrics)]
    lines += ["", *_score_rows("PLOVER type", report.by_type)]
    lines += ["", "PLOVER confusion (pairs matched on dyad):", *_confusion_rows(report.confusion)]
    lines += ["", *_event_rows(report)]
    return "\n".join(lines)
