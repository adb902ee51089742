"""HTML pages: only the main text is kept; the title and date are read (issue 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.records import Article, Skipped

from .stories import STRIKE, TREATY, collect

pytestmark = pytest.mark.issue(4)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html lang='en'><head>{head}</head><body>{body}</body></html>\n"


NEWS = page(
    head=(
        "<title>Ministers agree on river treaty - The Valley Times</title>"
        '<meta property="article:published_time" content="2023-04-18T09:30:00+02:00">'
    ),
    body=(
        "<nav><ul><li><a href='/'>Home page link</a></li><li><a href='/w'>World news menu</a>"
        "</li><li><a href='/s'>Sport section link</a></li></ul></nav>"
        "<header><h1>Ministers agree on river treaty</h1></header>"
        f"<article><p>{TREATY}</p><p>{STRIKE}</p></article>"
        "<footer><p>Copyright 2023 The Valley Times. All rights reserved. Subscribe to our "
        "newsletter for daily updates.</p></footer>"
    ),
)


def test_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "treaty.html"
    path.write_text(NEWS, encoding="utf-8")
    [art] = collect([str(path)])
    assert isinstance(art, Article)
    assert art.text == f"{TREATY}\n{STRIKE}"
    for boilerplate in ("World news menu", "Copyright", "newsletter"):
        assert boilerplate not in art.text
    assert art.title == "Ministers agree on river treaty"
    assert art.published == dt.date(2023, 4, 18)
    assert art.source == str(path) and art.url is None


def test_html_sniffed_in_a_file_with_an_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.page"
    path.write_text(NEWS, encoding="utf-8")
    [art] = collect([str(path)], published=dt.date(2000, 1, 1))
    assert isinstance(art, Article) and art.text.startswith(TREATY)
    assert art.published == dt.date(2023, 4, 18)  # the page's own date wins over the fallback


def test_page_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.htm"
    path.write_text(page("<script>window.load()</script><img src='a.png'>"), encoding="utf-8")
    assert collect([str(path)]) == [Skipped(str(path), "HTML page has no main text")]
