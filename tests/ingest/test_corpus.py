"""JSON Lines, JSON and CSV corpora: one article per record, one Skipped per bad one (issue 4)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import ReadOptions, article_id
from eventwire.records import Article, Skipped

from .stories import AID, GERMAN, STRIKE, TALKS, TREATY, articles, collect, skips

pytestmark = pytest.mark.issue(4)


def jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_become_articles(tmp_path: Path) -> None:
    record = {
        "id": "x1",
        "title": "River treaty",
        "text": TREATY,
        "url": "https://news.example/treaty",
        "published": "2023-04-18T09:30:00+02:00",
    }
    path = jsonl(tmp_path / "c.jsonl", [json.dumps(record), json.dumps({"text": STRIKE})])
    first, second = collect([str(path)], published=dt.date(2020, 1, 1))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == TREATY and first.title == "River treaty"
    assert first.url == "https://news.example/treaty"
    assert first.published == dt.date(2023, 4, 18)
    assert first.source == f"{path}:1"
    assert first.id == article_id(TREATY, "https://news.example/treaty")
    assert second.source == f"{path}:2" and second.published == dt.date(2020, 1, 1)


def test_jsonl_bad_line_in_the_middle_is_skipped_by_number(tmp_path: Path) -> None:
    good = [json.dumps({"text": t}) for t in (TREATY, STRIKE, AID)]
    path = jsonl(
        tmp_path / "c.ndjson", [good[0], '{"text": "x" "y"}', "", good[1], "[1, 2]", good[2]]
    )
    records = collect([str(path)])
    assert [r.text for r in articles(records)] == [TREATY, STRIKE, AID]
    bad = skips(records)
    assert bad == [
        Skipped(f"{path}:2", "line 2: invalid JSON (Expecting ',' delimiter)"),
        Skipped(f"{path}:5", "line 5: not a JSON object (got a list)"),
    ]
    assert [r.source for r in records] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6)]


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"title": "no body"}, "line 1: no text field (looked for 'text', 'body' or 'content')"),
        ({"text": ""}, "line 1: empty"),
        ({"text": 42}, "line 1: field 'text' is not text (got a number)"),
        ({"text": GERMAN}, "line 1: does not look like English"),
    ],
)
def test_unusable_jsonl_records_say_why(tmp_path: Path, record: object, words: str) -> None:
    path = jsonl(tmp_path / "c.jsonl", [json.dumps(record)])
    [skip] = collect([str(path)])
    assert isinstance(skip, Skipped) and skip.reason.startswith(words)


def test_jsonl_record_too_large_and_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    big = json.dumps({"text": TREATY * 20})
    path.write_bytes(big.encode() + b'\n{"text": "caf\xe9"}\n' + json.dumps({"text": AID}).encode())
    first, second, third = collect([str(path)], max_bytes=1000)
    assert isinstance(first, Skipped) and first.reason.startswith("line 1: too large")
    assert isinstance(second, Skipped) and second.reason.startswith("line 2: not valid UTF-8")
    assert isinstance(third, Article) and third.text == AID


def test_jsonl_field_mapping_and_gdelt_date(tmp_path: Path) -> None:
    row = {"body": STRIKE, "headline": "Strike", "SOURCEURL": "https://x.example/a", "d": 20240305}
    path = jsonl(tmp_path / "c.jsonl", [json.dumps(row)])
    [art] = collect([str(path)], fields={"text": "body"}, date_field="d")
    assert isinstance(art, Article)
    assert (art.text, art.title, art.url) == (STRIKE, "Strike", "https://x.example/a")
    assert art.published == dt.date(2024, 3, 5)


def test_unparseable_date_falls_back_without_skipping(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [json.dumps({"text": AID, "date": "last Tuesday"})])
    [art] = collect([str(path)], published=dt.date(2024, 1, 2))
    assert isinstance(art, Article) and art.published == dt.date(2024, 1, 2)


def test_csv_with_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "story_id,headline,body,pubdate\n"
        f'1,Talks,"{TALKS}",2022-11-09\n'
        ",,,\n"
        f'2,Aid,"{AID}\nA second paragraph follows here.",early June\n'
        f'3,German,"{GERMAN}",2022-06-04\n',
        encoding="utf-8",
    )
    first, second, third = collect([str(path)], fields={"text": "body", "title": "headline"})
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.text, first.title, first.published) == (TALKS, "Talks", dt.date(2022, 11, 9))
    assert first.source == f"{path}:row 2"
    assert second.text.endswith("A second paragraph follows here.")
    assert second.source == f"{path}:row 4" and second.published is None
    assert isinstance(third, Skipped) and third.source == f"{path}:row 5"
    assert third.reason.startswith("row 5: does not look like English")


def test_csv_without_the_text_column_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f'id,headline,story\n1,Talks,"{TALKS}"\n2,Aid,"{AID}"\n', encoding="utf-8")
    [skip] = collect([str(path)], fields={"text": "body"})
    assert skip == Skipped(
        str(path), "no text column (looked for 'body'; the columns are 'id', 'headline', 'story')"
    )


def test_tsv_and_json_files(tmp_path: Path) -> None:
    tsv = tmp_path / "c.tsv"
    tsv.write_text(f"text\tdate\n{TREATY}\t20230418\n", encoding="utf-8")
    js = tmp_path / "c.json"
    js.write_text(json.dumps([{"text": STRIKE}, "oops", {"content": AID}]), encoding="utf-8")
    records = collect([str(tsv), str(js)])
    assert [type(r).__name__ for r in records] == ["Article", "Article", "Skipped", "Article"]
    assert isinstance(records[0], Article) and records[0].published == dt.date(2023, 4, 18)
    assert records[2] == Skipped(f"{js}#item 2", "item 2: not a JSON object (got a string)")
    assert records[3].source == f"{js}#item 3"


def test_unknown_field_name_stops_everything() -> None:
    with pytest.raises(ConfigError, match="unknown field name 'body'"):
        ReadOptions(fields={"body": "text"})
