"""One call from paths to a report: read the gold set, code it (or read predictions), score."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..config import Settings
from ..pipeline import Pipeline
from ..records import Article, ArticleResult
from .load import load_golds
from .predictions import read_predictions
from .report import Report
from .schema import GoldArticle
from .score import evaluate


def code_golds(golds: Sequence[GoldArticle], pipeline: Pipeline) -> Iterator[ArticleResult]:
    """Code each gold article's text against its story date."""
    articles = (Article(text=g.text, id=g.id, source=g.name, published=g.story_date) for g in golds)
    return pipeline.code_many(articles)


def run_evaluation(
    gold: Path,
    predictions: Path | None = None,
    *,
    model: str | None = None,
    within_km: float = 25.0,
    pipeline: Pipeline | None = None,
) -> Report:
    """Score the predictions file (JSON Lines of article results) against the gold set at
    ``gold``; without one, code the gold articles with ``pipeline`` (or a new pipeline of
    ``model``). Raises :class:`GoldError`, :class:`InputError` or :class:`ConfigError`."""
    golds = load_golds(gold)
    if predictions is not None:
        results: Sequence[ArticleResult] = read_predictions(predictions)
    else:
        pipeline = pipeline or Pipeline(Settings.load(model=model))
        results = list(code_golds(golds, pipeline))
    return evaluate(golds, results, within_km=within_km)
