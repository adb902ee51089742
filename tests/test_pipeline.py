"""The pipeline: stage contracts, batching, and failures that cost one sentence only (issue 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire import Article, Pipeline
from eventwire.errors import EventwireError, NotEnglish
from eventwire.pipeline import Analysis

from .conftest import EXAMPLES

pytestmark = [pytest.mark.issue(2), pytest.mark.model]
TEXT = (EXAMPLES / "09_germany_iran_expulsion.txt").read_text(encoding="utf-8")


def test_a_failing_sentence_is_a_problem_and_the_rest_is_coded(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = pipeline.code(TEXT)
    coder_class = type(pipeline.coder)
    original = coder_class.code_sentence

    def flaky(self, sent, index, *args, **kwargs):  # type: ignore[no-untyped-def]
        if index == 0:
            raise ValueError("rule blew up")
        return original(self, sent, index, *args, **kwargs)

    monkeypatch.setattr(coder_class, "code_sentence", flaky)
    result = pipeline.code(TEXT)
    assert [p.sentence for p in result.problems if p.code == "E101"] == [0]
    assert any("rule blew up" in p.message for p in result.problems if p.code == "E101")
    # the other sentences keep their events (a reaction may lose the earlier act it targets)
    kept = [(e.sentence, e.trigger, e.source) for e in result.events]
    assert kept == [(e.sentence, e.trigger, e.source) for e in good.events if e.sentence != 0]
    assert result.events


def test_a_failing_stage_is_a_problem_not_a_crash(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(a: Analysis) -> Analysis:
        raise RuntimeError("quote finder broke")

    stages = tuple(
        dataclasses.replace(s, run=broken) if s.name == "quotes" else s for s in pipeline.stages
    )
    monkeypatch.setattr(pipeline, "stages", stages)
    result = pipeline.code(TEXT)
    assert any("quote finder broke" in p.message for p in result.problems)
    assert result.events  # actors and events still ran


def test_stage_contract_is_checked(pipeline: Pipeline) -> None:
    events_stage = next(s for s in pipeline.stages if s.name == "events")
    with pytest.raises(EventwireError, match="needs"):
        events_stage(Analysis(article=Article(text="x")))


def test_code_many_keeps_order_and_ids(pipeline: Pipeline) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    arts = [Article(text=t, id=f"a{i}", published=dt.date(2025, 1, 1)) for i, t in enumerate(texts)]
    results = list(pipeline.code_many(arts))
    assert [r.article.id for r in results] == [a.id for a in arts]
    singles = [pipeline.code(a) for a in arts[:3]]
    assert [r.events for r in results[:3]] == [r.events for r in singles]


def test_library_code_rejects_non_english(pipeline: Pipeline) -> None:
    with pytest.raises(NotEnglish):
        pipeline.code(
            "La police a arrêté trois suspects lundi après une attaque contre une caserne "
            "de l'armée près de la frontière, selon le ministère de l'Intérieur. Le ministre "
            "a déclaré que les auteurs seraient jugés rapidement et que la sécurité serait "
            "renforcée dans toute la région."
        )
