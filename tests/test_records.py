"""Result records: frozen, and a JSON-ready ``to_dict`` with the documented keys (issue 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from eventwire import Pipeline
from eventwire.records import (
    Actor,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Plover,
    Problem,
    Quotation,
    TextSpan,
    event_to_dict,
)

pytestmark = pytest.mark.issue(2)

TOP_KEYS = {"article", "events", "actors", "places", "quotations", "amounts", "problems"}
EVENT_KEYS = {
    "id", "sentence", "text", "trigger", "source", "target", "cameo", "cameo_root",
    "cameo_name", "quad_class", "goldstein", "plover", "status", "date", "place", "amounts",
    "confidence",
}  # fmt: skip
ACTOR_KEYS = {"text", "start", "end", "name", "type", "country", "sectors", "code", "role",
              "entity"}  # fmt: skip
TEXT = (
    "Germany expelled four Russian diplomats on Friday. "
    '"We will respond to this hostile act," Sergei Lavrov said.'
)
DAY = dt.date(2022, 4, 8)


def _actor(text: str = "Germany", start: int = 0) -> Actor:
    return Actor(text, start, start + len(text), "Germany", "country", "DEU", (), "DEU", None, 0)


def _result() -> ArticleResult:
    source = _actor()
    event = Event(
        id="abc-0-0",
        sentence=0,
        text="Germany expelled four Russian diplomats on Friday.",
        trigger=TextSpan("expelled", 8, 16),
        source=source,
        target=None,
        cameo="161",
        cameo_root="16",
        cameo_name="Reduce or break diplomatic relations",
        quad_class=4,
        goldstein=-4.0,
        plover=Plover("SANCTION", "discontinue"),
        status="asserted",
        date=EventDate("2022-04-08", "day", "on Friday", "text"),
    )
    return ArticleResult(
        article=ArticleInfo("abc", "file.txt", None, DAY),
        events=(event,),
        actors=(source,),
        quotations=(Quotation("We will respond to this hostile act,", 52, 88, None),),
        problems=(Problem("W101", "unbalanced quotation mark at offset 3"),),
    )


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        (_result(), "events", ()),
        (_result().article, "published", None),
        (_result().events[0], "status", "negated"),
        (_result().events[0].trigger, "start", 0),
        (_result().events[0].plover, "type", "ASSAULT"),
        (_actor(), "country", "RUS"),
        (_result().quotations[0], "speaker", None),
        (_result().problems[0], "code", "E100"),
    ],
    ids=["result", "article", "event", "span", "plover", "actor", "quotation", "problem"],
)
def test_records_are_frozen(record: object, field: str, value: object) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, value)


def test_collections_are_tuples() -> None:
    result = _result()
    for name in ("events", "actors", "places", "quotations", "amounts", "problems"):
        assert isinstance(getattr(result, name), tuple), name
    assert isinstance(result.events[0].source.sectors, tuple)  # type: ignore[union-attr]


def test_to_dict_is_json_with_iso_dates() -> None:
    data = _result().to_dict()
    assert set(data) == TOP_KEYS
    text = json.dumps(data)  # raises if anything is not JSON-serialisable
    back = json.loads(text)
    assert back == data
    assert back["article"]["published"] == "2022-04-08"
    event = back["events"][0]
    assert set(event) == EVENT_KEYS
    assert event["trigger"] == {"text": "expelled", "start": 8, "end": 16}
    assert event["plover"] == {"type": "SANCTION", "mode": "discontinue"}
    assert event["date"]["value"] == "2022-04-08"
    assert set(event["source"]) == ACTOR_KEYS
    assert event["source"]["sectors"] == []
    assert event["target"] is None
    assert back["quotations"][0]["speaker"] is None
    assert back["problems"] == [
        {"code": "W101", "message": "unbalanced quotation mark at offset 3", "sentence": None}
    ]
    assert event_to_dict(_result().events[0]) == data["events"][0]


@pytest.mark.model
def test_pipeline_result_to_dict(pipeline: Pipeline) -> None:
    result = pipeline.code(TEXT, published=DAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.events = ()  # type: ignore[misc]
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) == TOP_KEYS
    assert data["article"]["published"] == DAY.isoformat()
    assert data["article"]["id"] == result.article.id
    assert data["events"], "the expulsion should be coded"
    for event in data["events"]:
        assert set(event) == EVENT_KEYS
        assert TEXT[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
        for role in ("source", "target"):
            if event[role] is not None:
                assert set(event[role]) == ACTOR_KEYS
    for actor in data["actors"]:
        assert set(actor) == ACTOR_KEYS
    assert [q["text"] for q in data["quotations"]] == ["We will respond to this hostile act,"]
    assert data["quotations"][0]["speaker"]["name"] == "Sergei Lavrov"
    assert {p["country"] for p in data["places"]} >= {"DEU"}
    for event in data["events"]:
        assert set(event["date"]) == {"value", "precision", "text", "basis"}
