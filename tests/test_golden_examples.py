"""Golden tests: the bundled examples and, when ../shared is present, the seed article (issue 2).

Each example has an expected-events file in the gold format (see eventwire.evaluation.gold).
The floors in tests/golden/baseline.json are what the coder reaches today: a change that finds
fewer required events or makes more spurious ones fails here.
"""

from __future__ import annotations

import json

import pytest

from eventwire import Pipeline
from eventwire.evaluation.gold import Comparison, compare, load_gold

from .conftest import EXAMPLES, ROOT, SHARED

pytestmark = [pytest.mark.issue(2), pytest.mark.model]
EXPECTED = sorted(EXAMPLES.glob("*.expected.json"))
SEED_GOLD = SHARED / "gold" / "000_6af55153e6db0e0c.gold.json"
BASELINE = json.loads((ROOT / "tests" / "golden" / "baseline.json").read_text(encoding="utf-8"))


def _report(name: str, c: Comparison) -> str:
    lines = [f"{name}: missed {g.id}: {g.evidence}" for g in c.missed]
    lines += [
        f"{name}: spurious {e.source.code if e.source else '-'} {e.cameo} "
        f"{e.target.code if e.target else '-'} {e.status} '{e.trigger.text}'"
        for e in c.spurious
    ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def comparisons(pipeline: Pipeline) -> dict[str, tuple[int, Comparison]]:
    out = {}
    for path in EXPECTED:
        gold = load_gold(path)
        result = pipeline.code(gold.text, published=gold.story_date)
        required = sum(e.required for e in gold.events)
        out[path.name] = (required, compare(gold, result.events))
    return out


def test_examples_cover_enough_plover_types() -> None:
    assert len(EXPECTED) >= 8
    types = set()
    for path in EXPECTED:
        for e in load_gold(path).events:
            if e.required:
                types |= e.plover
    assert len(types) >= 12, sorted(types)


def test_examples_reach_the_recorded_floors(comparisons: dict[str, tuple[int, Comparison]]) -> None:
    found = sum(len(c.found) for _, c in comparisons.values())
    spurious = sum(len(c.spurious) for _, c in comparisons.values())
    report = "\n".join(_report(n, c) for n, (_, c) in comparisons.items())
    assert found >= BASELINE["examples_required_found_min"], report
    assert spurious <= BASELINE["examples_spurious_max"], report


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_each_example_finds_most_required_events(
    comparisons: dict[str, tuple[int, Comparison]], path
) -> None:  # type: ignore[no-untyped-def]
    required, c = comparisons[path.name]
    assert len(c.found) / required >= BASELINE["example_recall_min"], _report(path.name, c)


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/gold is not present")
def test_seed_article_required_events(pipeline: Pipeline) -> None:
    gold = load_gold(SEED_GOLD)
    result = pipeline.code(gold.text, published=gold.story_date)
    c = compare(gold, result.events)
    assert len(c.found) >= BASELINE["seed_required_found_min"], _report("seed", c)
    assert len(c.spurious) <= BASELINE["seed_spurious_max"], _report("seed", c)
