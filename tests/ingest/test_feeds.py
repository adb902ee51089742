"""RSS and Atom feeds: one article per entry (issue 4)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from eventwire.ingest import article_id
from eventwire.records import Article, Skipped

from .stories import AID, STRIKE, TALKS, TREATY, collect

pytestmark = pytest.mark.issue(4)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Times</title><link>https://vt.example/</link>
<description>News</description>
<item><title>River treaty signed</title><link>https://vt.example/treaty</link>
<description>{html.escape(f"<p>{TREATY}</p><script>track()</script><p>More <b>soon</b>.</p>")}
</description><pubDate>Tue, 18 Apr 2023 09:30:00 +0200</pubDate></item>
<item><title>Empty</title><link>https://vt.example/empty</link></item>
<item><title>Dock strike</title><link>https://vt.example/strike</link>
<description>{html.escape(STRIKE)}</description></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2023-05-02T10:00:00Z</updated>
<entry><title type="html">Aid &amp;amp; rescue</title><id>urn:1</id>
<link href="https://wire.example/aid"/><updated>2023-05-02T10:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">{html.escape(f"<div><p>{AID}</p></div>")}</content></entry>
<entry><title>Talks</title><id>urn:2</id><link href="https://wire.example/talks"/>
<published>2023-05-01T08:00:00+05:00</published><summary type="text">{TALKS}</summary></entry>
</feed>
"""


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = collect([str(path)], published=dt.date(2001, 1, 1))
    assert isinstance(first, Article)
    assert first.text == f"{TREATY}\nMore soon."
    assert (first.title, first.url) == ("River treaty signed", "https://vt.example/treaty")
    assert first.published == dt.date(2023, 4, 18)
    assert first.source == f"{path}#entry 1"
    assert first.id == article_id(first.text, "https://vt.example/treaty")
    assert second == Skipped(f"{path}#entry 2", "entry 2: no summary or content")
    assert isinstance(third, Article) and third.text == STRIKE
    assert third.published == dt.date(2001, 1, 1)


def test_atom_entries_in_an_xml_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM, encoding="utf-8")
    first, second = collect([str(path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.text, first.title) == (AID, "Aid & rescue")
    assert (first.url, first.published) == ("https://wire.example/aid", dt.date(2023, 5, 2))
    assert (second.text, second.published) == (TALKS, dt.date(2023, 5, 1))


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>A</book></catalog>', encoding="utf-8")
    [skip] = collect([str(path)])
    assert isinstance(skip, Skipped) and skip.reason.startswith("not an RSS or Atom feed")
