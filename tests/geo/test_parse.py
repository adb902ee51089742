"""Geoparsing place mentions in context, and the place of an event (issue 3)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventwire import Pipeline

pytestmark = [pytest.mark.issue(3), pytest.mark.model]
CASES = list(
    csv.DictReader(
        (Path(__file__).parent / "place_cases.tsv").open(encoding="utf-8"), delimiter="\t"
    )
)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['mention']}-{c['country_iso3']}")
def test_place_mentions_are_geocoded_in_context(pipeline: Pipeline, case: dict[str, str]) -> None:
    result = pipeline.code(case["context"])
    text = case["context"]
    mentions = [p for p in result.places if text[p.start : p.end] == case["mention"]]
    if not mentions and result.article.dateline_place is not None:
        mentions = [result.article.dateline_place]
    assert mentions, f"{case['mention']!r} not found among {[p.text for p in result.places]}"
    place = mentions[0]
    assert place.country == case["country_iso3"], place
    assert place.geonameid == int(case["geonameid"]), place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Turkey's foreign minister met his Greek counterpart in Geneva on Monday.",
            "met",
            "Geneva",
        ),
        (
            "M23 rebels attacked a Congolese army post near Goma, officials said.",
            "attacked",
            "Goma",
        ),
        ("Iran is sending weapons to the militia through Baghdad.", "sending", "Baghdad"),
        ("The Kenyan minister will visit Uganda next week.", "visit", "Uganda"),
        (
            "Iran's foreign minister visited Ankara in May and met Turkish officials.",
            "met",
            "Ankara",
        ),
        ("Afghan police arrested three men in the town of Kandahar.", "arrested", "Kandahar"),
    ],
)
def test_event_place_comes_from_the_words_around_the_trigger(
    pipeline: Pipeline, text: str, trigger: str, place: str
) -> None:
    result = pipeline.code(text)
    event = next(e for e in result.events if e.trigger.text.startswith(trigger))
    assert event.place is not None and event.place.text == place, event.place


def test_mentioned_but_unrelated_places_stay_off_the_event(pipeline: Pipeline) -> None:
    text = "Turkey condemned Israel on Monday over its policy in Syria and Lebanon."
    result = pipeline.code(text)
    event = next(e for e in result.events if e.trigger.text == "condemned")
    assert event.place is None
    assert {p.country for p in result.places} >= {"TUR", "ISR", "SYR", "LBN"}


def test_demonyms_are_not_places_but_capitals_as_governments_are(pipeline: Pipeline) -> None:
    result = pipeline.code("Moscow said the Iranians and Syrian officials had agreed to meet.")
    names = {p.name for p in result.places}
    assert "Moscow" in names
    assert not any(p.text in ("Iranians", "Syrian") for p in result.places)
    assert any(a.text == "Moscow" and a.country == "RUS" for a in result.actors)


def test_unknown_places_are_problems_not_errors(pipeline: Pipeline) -> None:
    result = pipeline.code("Fighting was reported in Qarvellton, Nigeria, residents said.")
    assert [p.text for p in result.places] == ["Nigeria"]
    assert any(p.code == "W201" and "Qarvellton" in p.message for p in result.problems)


def test_dateline_is_recorded_and_geocoded(pipeline: Pipeline) -> None:
    result = pipeline.code("NAIROBI, Kenya — Police dispersed protesters on Tuesday.")
    assert result.article.dateline == "Nairobi"
    assert result.article.dateline_place is not None
    assert result.article.dateline_place.country == "KEN"
