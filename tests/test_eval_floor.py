"""CI guard: the golden set's dyad-plus-type F1 must not drop below the recorded floor (issue 5)."""

from __future__ import annotations

import json

import pytest

from eventwire import Pipeline
from eventwire.evaluation import code_golds, evaluate, load_golds, render_table

from .conftest import ROOT

pytestmark = [pytest.mark.issue(5), pytest.mark.model]
GOLDEN = ROOT / "tests" / "golden" / "articles"
FLOOR = json.loads((ROOT / "tests" / "golden" / "eval_floor.json").read_text(encoding="utf-8"))


def test_golden_set_is_large_and_covers_every_plover_type() -> None:
    golds = load_golds(GOLDEN)
    assert len(golds) >= 30
    types = {t for g in golds for e in g.events if e.required for t in e.plover}
    assert len(types) == 16, sorted(types)


def test_dyad_plus_type_f1_stays_above_the_floor(pipeline: Pipeline) -> None:
    golds = load_golds(GOLDEN)
    report = evaluate(golds, code_golds(golds, pipeline))
    f1 = report.to_dict()["metrics"]["dyad+type"]["f1"]
    assert f1 >= FLOOR["dyad+type_f1"], render_table(report)
