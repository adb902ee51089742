"""Golden tests: the bundled examples and, when ../shared is present, the seed article (issue 2).

Each example has an expected-events file in the gold format (see eventwire.evaluation.gold).
Every required event must be found; predictions that match no gold event are limited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.evaluation.gold import compare, load_gold

from .conftest import EXAMPLES, SHARED

pytestmark = [pytest.mark.issue(2), pytest.mark.model]
EXPECTED = sorted(EXAMPLES.glob("*.expected.json"))
SEED_GOLD = SHARED / "gold" / "000_6af55153e6db0e0c.gold.json"
MAX_SPURIOUS_PER_EXAMPLE = 3


def _report(comparison) -> str:  # type: ignore[no-untyped-def]
    lines = [f"missed {g.id}: {g.evidence}" for g in comparison.missed]
    lines += [
        f"spurious: {e.source.code if e.source else '-'} {e.cameo} "
        f"{e.target.code if e.target else '-'} {e.status} '{e.trigger.text}'"
        for e in comparison.spurious
    ]
    return "\n".join(lines)


def test_there_are_enough_examples() -> None:
    assert len(EXPECTED) >= 8


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_example_events(pipeline: Pipeline, path: Path) -> None:
    gold = load_gold(path)
    result = pipeline.code(gold.text, published=gold.story_date)
    comparison = compare(gold, result.events)
    assert not comparison.missed, _report(comparison)
    assert len(comparison.spurious) <= MAX_SPURIOUS_PER_EXAMPLE, _report(comparison)


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/gold is not present")
def test_seed_article_required_events(pipeline: Pipeline) -> None:
    gold = load_gold(SEED_GOLD)
    result = pipeline.code(gold.text, published=gold.story_date)
    comparison = compare(gold, result.events)
    assert len(comparison.found) == 11, _report(comparison)
    assert len(comparison.spurious) <= 4, _report(comparison)
