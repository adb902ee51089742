"""Gold formats: folders, JSON Lines articles, sentence-level suites, and bad files (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import InputError
from eventwire.evaluation import GoldError, evaluate, load_gold, load_golds

from ..conftest import EXAMPLES, ROOT, SHARED
from .build import actor, event, result

pytestmark = pytest.mark.issue(5)

GOLDEN = ROOT / "tests" / "golden" / "articles"
GOOD_EVENT = {
    "id": "E1", "source": {"country": "KEN"}, "target": {"country": "SOM"},
    "cameo_root": ["02"], "plover": ["REQUEST"], "status": "planned",
}  # fmt: skip


@pytest.mark.parametrize("folder", [GOLDEN, EXAMPLES, SHARED / "gold"], ids=lambda p: p.name)
def test_bundled_gold_sets_load(folder: Path) -> None:
    if not folder.exists():
        pytest.skip(f"{folder} is not present")
    golds = load_golds(folder)
    assert golds and all(g.text and g.id and g.events for g in golds)
    assert len({g.id for g in golds}) == len(golds)


def test_seed_gold_keeps_dates_locations_and_items() -> None:
    path = SHARED / "gold" / "000_6af55153e6db0e0c.gold.json"
    if not path.exists():
        pytest.skip("../shared/gold is not present")
    gold = load_gold(path)
    e1 = gold.events[0]
    assert e1.date == "2017-10" and e1.location is not None and e1.location.country == "ISR"
    assert gold.quotations and gold.quotations[3].alternatives == ("Lieberman's office",)
    assert gold.amounts and gold.amounts[0].value == 60.0
    assert gold.places and gold.places[0].lat == 32.08


def _article_line(**extra: Any) -> dict[str, Any]:
    return {"id": "a1", "text": "Kenya asked Somalia for help.", "story_date": "2024-03-12",
            "events": [GOOD_EVENT], **extra}  # fmt: skip


def test_json_lines_gold_articles(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    second = {**_article_line(), "id": "a2", "text": "Somalia thanked Kenya."}
    path.write_text(f"{json.dumps(_article_line())}\n\n{json.dumps(second)}\n", encoding="utf-8")
    golds = load_golds(path)
    assert [g.name for g in golds] == ["a1", "a2"]
    assert golds[0].events[0].statuses == {"planned"} and golds[0].quotations is None


SENTENCES = [
    {"id": "S1", "text": "Washington urged Moscow to talk.", "date": "2015-01-01",
     "events": [{"source": "USAGOV", "target": "RUS", "cameo": "020"}]},
    {"id": "S2", "text": "The UN criticised Israel.", "date": "20150102",
     "events": [{"source": "IGOUNO", "target": "ISR", "cameo": "111"}]},
    {"id": "S3", "text": "It rained.", "date": "2015-01-03", "events": []},
]  # fmt: skip


def _sentences(tmp_path: Path, rows: list[Any]) -> Path:
    path = tmp_path / "suite.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_sentence_format_is_detected_and_parsed(tmp_path: Path) -> None:
    golds = load_golds(_sentences(tmp_path, SENTENCES))
    assert [g.name for g in golds] == ["S1", "S2", "S3"]
    s1, s2 = golds[0].events[0], golds[1].events[0]
    assert s1.source == {"country": "USA"} and s1.target == {"country": "RUS"}
    assert s1.roots == {"02"} and s1.plover == {"REQUEST"} and not s1.statuses
    assert s2.source == {"code": "IGOUNO"} and golds[1].story_date is not None
    assert golds[2].events == ()


def test_sentence_format_scoring_on_country_codes_and_roots(tmp_path: Path) -> None:
    golds = load_golds(_sentences(tmp_path, SENTENCES))
    un_council = actor(None, "UN Security Council", code="IGOUNOSEC")
    preds = [
        result(golds[0], event(actor("USA", code="USAGOV"), actor("RUS"), "023")),  # root 02
        result(golds[1], event(un_council, actor("ISR"), "112")),  # IGOUNO extended, root 11
        result(golds[2], event(actor("GBR"), actor("FRA"), "010")),  # a false positive
    ]
    report = evaluate(golds, preds)
    for metric in ("detection", "dyad", "dyad+cameo"):
        s = report.metrics[metric]
        assert (s.tp, s.fp, s.fn) == (2, 1, 0), metric
    assert report.metrics["status"].empty  # the sentence format has no status
    wrong = [result(golds[0], event(actor("USA"), actor("CHN"), "020"))]
    s = evaluate(golds[:1], wrong).metrics["dyad"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def _gold_file(tmp_path: Path, raw: Any) -> Path:
    (tmp_path / "a.txt").write_text("Kenya asked Somalia for help.\n", encoding="utf-8")
    path = tmp_path / "a.gold.json"
    path.write_text(raw if isinstance(raw, str) else json.dumps(raw, indent=1), encoding="utf-8")
    return path


def _article(**event: Any) -> dict[str, Any]:
    return {"article": "a.txt", "story_date": "2024-03-12", "events": [{**GOOD_EVENT, **event}]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"article": "a.txt",\n "events": [,]}', "a.gold.json:2: invalid JSON"),
        ({"article": "a.txt"}, "a.gold.json: missing field 'events'"),
        ({"events": []}, "a.gold.json: missing field 'article' (or 'text')"),
        ({"article": "nowhere.txt", "events": []}, "cannot read the article 'nowhere.txt'"),
        (_article(cameo_root=["21"]), "events[0] (E1): unknown CAMEO root '21' (roots are 01-20)"),
        (_article(plover=["PARLEY"]), "events[0] (E1): unknown PLOVER type 'PARLEY'"),
        (_article(status="maybe"), "events[0] (E1): unknown status 'maybe'"),
        (_article(date="2024-13"), "events[0] (E1): 'date' must be YYYY, YYYY-MM or YYYY-MM-DD"),
        (_article(cameo_root=[], plover=[]), "missing field 'cameo_root' or 'plover'"),
        ({**_article(), "story_date": "12/03/2024"}, "'story_date' must be a date YYYY-MM-DD"),
        ({**_article(), "places": [{"country": "KEN"}]}, "places[0]: missing field 'name'"),
    ],
)
def test_bad_gold_files_name_the_file(tmp_path: Path, raw: Any, message: str) -> None:
    path = _gold_file(tmp_path, raw)
    with pytest.raises(GoldError) as info:
        load_golds(tmp_path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))
    assert isinstance(info.value, InputError) and "\n" not in str(info.value)


def test_missing_actor_field_is_reported(tmp_path: Path) -> None:
    raw = _article()
    del raw["events"][0]["target"]
    _gold_file(tmp_path, raw)
    with pytest.raises(GoldError, match=r"events\[0\] \(E1\): missing field 'target'"):
        load_golds(tmp_path)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([SENTENCES[0], "{oops"], "suite.jsonl:2: invalid JSON"),
        ([SENTENCES[0], {**SENTENCES[1], "events": [{"source": "USA", "target": "RUS",
          "cameo": "231"}]}], "suite.jsonl:2: events[0]: unknown CAMEO root '23' in '231'"),
        ([SENTENCES[0], SENTENCES[1], {"id": "S3", "events": []}],
         "suite.jsonl:3: missing field 'text'"),
        ([{**SENTENCES[0], "events": [{"source": "USA", "cameo": "020"}]}],
         "suite.jsonl:1: events[0]: missing field 'target'"),
        ([_article_line(), {**_article_line(), "events": [{**GOOD_EVENT, "plover": ["X"]}]}],
         "suite.jsonl:2: events[0] (E1): unknown PLOVER type 'X'"),
    ],
)  # fmt: skip
def test_bad_json_lines_name_the_line(tmp_path: Path, lines: list[Any], message: str) -> None:
    path = tmp_path / "suite.jsonl"
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in lines)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_golds(path)
    assert str(info.value).startswith(f"{tmp_path}/{message}")
    assert info.value.line == int(message.split(":")[1])
