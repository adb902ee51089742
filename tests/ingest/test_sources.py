"""Folders, standard input, sniffing and stable ids across all input kinds (issue 4)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from eventwire.ingest import article_id
from eventwire.records import Article, Skipped

from .stories import AID, GERMAN, STRIKE, TALKS, TREATY, articles, collect

pytestmark = pytest.mark.issue(4)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "z.txt").write_text(TREATY, encoding="utf-8")
    (root / "b" / "deep" / "c.md").write_text(STRIKE, encoding="utf-8")
    (root / "b" / "a.text").write_text(AID, encoding="utf-8")
    (root / "a" / "x.jsonl").write_text(json.dumps({"text": TALKS}) + "\n", encoding="utf-8")
    (root / "a" / "de.txt").write_text(GERMAN, encoding="utf-8")
    (root / ".hidden.txt").write_text(TREATY, encoding="utf-8")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return root


def test_folder_recursion_order_and_skips(folder: Path) -> None:
    records = collect([str(folder)], published=dt.date(2024, 2, 29))
    assert [r.source for r in records] == [
        str(folder / "a" / "de.txt"),
        f"{folder / 'a' / 'x.jsonl'}:1",
        str(folder / "b" / "a.text"),
        str(folder / "b" / "deep" / "c.md"),
        str(folder / "logo.png"),
        str(folder / "z.txt"),
    ]
    de, png = records[0], records[4]
    assert isinstance(de, Skipped) and de.reason.startswith("does not look like English (")
    assert isinstance(png, Skipped) and png.reason.startswith("binary data")
    texts = [a.text for a in articles(records)]
    assert texts == [TALKS, AID, STRIKE, TREATY]
    assert {a.published for a in articles(records)} == {dt.date(2024, 2, 29)}


def test_ids_are_stable_across_reads(folder: Path) -> None:
    first, second = collect([str(folder)]), collect([str(folder)])
    assert [a.id for a in articles(first)] == [a.id for a in articles(second)]
    assert articles(first)[-1].id == article_id(TREATY)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    records = collect([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert records == [
        Skipped(str(tmp_path / "nope.txt"), "no such file or folder"),
        Skipped(str(tmp_path / "empty"), "folder has no files (hidden ones are left out)"),
    ]


def test_bad_text_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "latin1.txt": "Caf\xe9 owners protested in Paris".encode("latin-1"),
        "huge.txt": TREATY.encode() * 10,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    records = collect([str(tmp_path / n) for n in files], max_bytes=1000)
    reasons = [r.reason for r in records if isinstance(r, Skipped)]
    assert [r.split(" (")[0] for r in reasons] == ["empty input", "not valid UTF-8", "too large"]


def test_stdin_as_jsonl() -> None:
    lines = ["", json.dumps({"text": TREATY}), "not json", json.dumps({"text": AID})]
    stdin = io.BytesIO("\n".join(lines).encode())
    first, bad, last = collect(["-"], stdin=stdin)
    assert isinstance(first, Article) and first.source == "<stdin>:2" and first.text == TREATY
    assert bad == Skipped("<stdin>:3", "line 3: invalid JSON (Expecting value)")
    assert isinstance(last, Article) and last.text == AID


def test_stdin_as_text_and_read_once() -> None:
    stdin = io.BytesIO(f"\n{STRIKE}\n".encode())
    art, again = collect(["-", "-"], stdin=stdin, published=dt.date(2024, 1, 5))
    assert isinstance(art, Article)
    assert (art.source, art.text.strip(), art.published) == ("<stdin>", STRIKE, dt.date(2024, 1, 5))
    assert again == Skipped("<stdin>", "standard input was already read")


def test_stdin_as_html() -> None:
    page = (
        f"<!doctype html><html><head><title>Talks</title></head><body><p>{TALKS}</p></body></html>"
    )
    [art] = collect(["-"], stdin=io.BytesIO(page.encode()))
    assert isinstance(art, Article) and art.text == TALKS and art.title == "Talks"


def test_unknown_extension_with_jsonl_content(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(json.dumps({"text": AID}) + "\n", encoding="utf-8")
    [art] = collect([str(path)])
    assert isinstance(art, Article) and art.source == f"{path}:1"
