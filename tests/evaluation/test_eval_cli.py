"""`eventwire eval` and predictions files (issue 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventwire import Pipeline
from eventwire.cli.eval_cmd import register
from eventwire.evaluation import (
    PredictionError,
    evaluate,
    load_golds,
    pair_predictions,
    read_predictions,
    result_from_dict,
)
from eventwire.records import Amount, ArticleInfo, ArticleResult, Quotation

from ..conftest import EXAMPLES
from .build import actor, event, gold_article, place, result

pytestmark = pytest.mark.issue(5)
EXAMPLE = "02_eu_sanctions"


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """eventwire"""

    register(app)
    return app


def test_result_round_trips_through_json() -> None:
    gold = gold_article()
    original = result(
        gold,
        event(actor("USA", "Joe Biden"), actor("RUS"), "042", date="2024-03", place=place(
            "Sochi", "RUS", 43.6, 39.7)),
        event(None, actor("RUS", code="RUSGOV"), "190", status="reported", index=1),
        quotations=(Quotation("We agree.", 3, 12, actor("RUS", "Vladimir Putin")),),
        amounts=(Amount("30 ships", 20, 28, 30.0, "ships", "ships"),),
        places=(place("Moscow", "RUS", 55.75, 37.62),),
    )  # fmt: skip
    back = result_from_dict(json.loads(json.dumps(original.to_dict())))
    assert back == original


def test_predictions_pair_by_id_then_by_source_name() -> None:
    a = gold_article(text="Kenya asked Somalia for help.")
    b = gold_article(text="Somalia thanked Kenya.")  # named "hand.txt" too, by the builder
    by_source = ArticleResult(ArticleInfo("other-id", "/data/hand.txt", None, None))
    pairing = pair_predictions([a, b], [result(a), by_source])
    assert pairing.pairs[0][1].article.id == a.id
    assert pairing.pairs[1][1] is by_source
    assert pairing.without_prediction == () and pairing.unused == ()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "preds.jsonl:2: invalid JSON"),
        ('{"article": "abc", "cameo": "042"}', "preds.jsonl:2: one event per line"),
        ('{"events": []}', "preds.jsonl:2: not an article result: missing field 'article'"),
    ],
)
def test_bad_prediction_lines(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "preds.jsonl"
    good = json.dumps(result(gold_article()).to_dict())
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(PredictionError) as info:
        read_predictions(path)
    assert str(info.value).startswith(f"{path.parent}/{reason}")


def _gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for name in (f"{EXAMPLE}.txt", f"{EXAMPLE}.expected.json"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_cli_scores_a_predictions_file(app: typer.Typer, tmp_path: Path) -> None:
    folder = _gold_folder(tmp_path)
    gold = load_golds(folder)[0]
    first = gold.events[0]
    assert first.source is not None and first.target is not None
    hit = event(actor(first.source.get("country")), actor(first.target.get("country")),
                sorted(first.roots)[0] + "0", status=sorted(first.statuses)[0])  # fmt: skip
    preds = tmp_path / "preds.jsonl"
    preds.write_text(json.dumps(result(gold, hit).to_dict()) + "\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", str(folder), "--pred", str(preds), "--format", "json"])
    assert out.exit_code == 0, out.output
    metrics = json.loads(out.stdout)["metrics"]
    assert metrics["detection"]["tp"] == 1 and metrics["detection"]["fp"] == 0
    assert metrics["detection"]["fn"] == sum(e.required for e in gold.events) - 1


@pytest.mark.parametrize(
    ("content", "where"),
    [('{"id": "S1", "text": "x", "events": []}\n{oops\n', ":2: invalid JSON"),
     ('{"id": "S1", "text": "Hi.", "events": [{"source": "USA", "target": null, '
      '"cameo": "990"}]}\n', ":1: events[0]: unknown CAMEO root '99'")],
)  # fmt: skip
def test_cli_bad_gold_exits_2_with_one_line(
    app: typer.Typer, tmp_path: Path, content: str, where: str
) -> None:
    path = tmp_path / "suite.jsonl"
    path.write_text(content, encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", str(path)])
    assert out.exit_code == 2
    assert out.stderr.startswith(f"eventwire: error: {path}{where}")
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    missing = CliRunner().invoke(app, ["eval", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr


@pytest.mark.model
def test_cli_codes_a_gold_folder_with_the_model(
    app: typer.Typer, tmp_path: Path, pipeline: Pipeline
) -> None:
    folder = _gold_folder(tmp_path)
    table = CliRunner().invoke(app, ["eval", str(folder)])
    assert table.exit_code == 0, table.output
    assert "detection" in table.stdout and "missed required events" in table.stdout
    out = CliRunner().invoke(app, ["eval", str(folder), "--format", "json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert report["articles"] == 1 and report["metrics"]["detection"]["tp"] >= 1
    # The same numbers from a predictions file written as `eventwire code --format json` does.
    gold = load_golds(folder)[0]
    coded = pipeline.code(gold.text, published=gold.story_date)
    preds = tmp_path / "preds.jsonl"
    preds.write_text(json.dumps(coded.to_dict()) + "\n", encoding="utf-8")
    again = evaluate([gold], read_predictions(preds)).to_dict()
    assert again["metrics"] == report["metrics"]
