"""Evaluation against hand-coded gold data: gold formats, matching rules, the scorer.

    golds = load_golds(Path("tests/golden/articles"))
    report = evaluate(golds, code_golds(golds, pipeline))  # or read_predictions(path)
    print(render_table(report)); report.to_dict()

See docs/evaluation.md for the gold formats and the matching rules.
"""

from __future__ import annotations

from .gold import actor_matches, compare, event_matches, load_gold
from .load import load_golds
from .predictions import PredictionError, pair_predictions, read_predictions, result_from_dict
from .report import MissedEvent, Report, Score, SpuriousEvent, render_table
from .run import code_golds, run_evaluation
from .schema import GoldAmount, GoldArticle, GoldError, GoldEvent, GoldPlace, GoldQuote
from .score import METRICS, evaluate

__all__ = [
    "METRICS", "GoldAmount", "GoldArticle", "GoldError", "GoldEvent", "GoldPlace", "GoldQuote",
    "MissedEvent", "PredictionError", "Report", "Score", "SpuriousEvent", "actor_matches",
    "code_golds", "compare", "evaluate", "event_matches", "load_gold", "load_golds",
    "pair_predictions", "read_predictions", "render_table", "result_from_dict", "run_evaluation",
]  # fmt: skip
