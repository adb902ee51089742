"""Dates, places, quotations and amounts on the first user document, when ../shared is present
(issue 3). The numbers come from the gold file; nothing about the article is written here."""

from __future__ import annotations

import json
import math

import pytest

from eventwire import Pipeline
from eventwire.evaluation.gold import event_matches, load_gold

from .conftest import SHARED

pytestmark = [pytest.mark.issue(3), pytest.mark.model]
SEED_GOLD = SHARED / "gold" / "000_6af55153e6db0e0c.gold.json"
needs_seed = pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/gold is not present")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    gold = load_gold(SEED_GOLD)
    raw = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return raw, gold, pipeline.code(gold.text, published=gold.story_date)


@needs_seed
def test_gold_event_dates_and_places(seed) -> None:  # type: ignore[no-untyped-def]
    raw, gold, result = seed
    by_id = {e["id"]: e for e in raw["events"]}
    checked = 0
    for g in gold.events:
        spec = by_id[g.id]
        if not g.required or ("date" not in spec and "location" not in spec):
            continue
        matches = [e for e in result.events if event_matches(g, e)]
        assert matches, g.id
        if "date" in spec:
            want = spec["date"]
            assert any(
                e.date and e.date.value and e.date.value.startswith(want) for e in matches
            ), (g.id, [e.date for e in matches])
        loc = spec.get("location")
        if loc and "lat" in loc:
            assert any(
                e.place
                and e.place.lat is not None
                and km(e.place.lat, e.place.lon, loc["lat"], loc["lon"]) <= 25  # type: ignore[arg-type]
                for e in matches
            ), (g.id, [e.place for e in matches])
        elif loc:
            assert any(e.place and e.place.country == loc["country"] for e in matches), g.id
        checked += 1
    assert checked >= 6


@needs_seed
def test_gold_quotations_have_their_speakers(seed) -> None:  # type: ignore[no-untyped-def]
    raw, _, result = seed
    for q in raw["quotations"]:
        found = [x for x in result.quotations if q["contains"] in x.text]
        assert found, q["contains"]
        names = {q["speaker"], *q.get("speaker_alt", [])}
        speaker = found[0].speaker
        assert speaker is not None and speaker.name in names, (q["contains"], speaker)


@needs_seed
def test_gold_amounts_dateline_and_places(seed) -> None:  # type: ignore[no-untyped-def]
    raw, _, result = seed
    got = {(a.value, a.unit, a.text) for a in result.amounts}
    for a in raw["amounts"]:
        assert (float(a["value"]), a["unit"], a["text"]) in got, a
    assert result.article.dateline == raw["dateline"]["name"]
    assert result.article.dateline_place.country == raw["dateline"]["country"]
    for p in raw["places"]:
        found = [x for x in result.places if x.text == p["name"] or x.name == p["name"]]
        if not found and result.article.dateline_place.name == p["name"]:
            found = [result.article.dateline_place]
        assert found and all(x.country == p["country"] for x in found), (p, found)
        if "lat" in p:
            assert km(found[0].lat, found[0].lon, p["lat"], p["lon"]) <= 25, (p, found[0])
