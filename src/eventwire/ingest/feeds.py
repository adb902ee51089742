"""RSS and Atom feeds: one article per entry, parsed with feedparser."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser  # type: ignore[import-untyped]

from ..errors import InputError
from ..records import Article, Skipped
from .options import ReadOptions
from .storydate import parse_date
from .text import read_file_bytes, skipped, text_record

#: Feed documents hold many entries, so their limit is larger than one article's.
MAX_FEED_BYTES = 100_000_000

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>/]", re.IGNORECASE)
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header "
    "footer figure figcaption dd dt hr".split()
)


def is_feed(head: bytes) -> bool:
    """Whether the start of an XML document is an RSS, RDF or Atom feed root."""
    return _FEED_ROOT.search(head[:8192]) is not None


def read_feed_file(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """Read an RSS or Atom file (.rss, .atom, or .xml with a feed root)."""
    try:
        data = read_file_bytes(path, max_bytes=max(MAX_FEED_BYTES, options.max_bytes))
    except InputError as exc:
        yield skipped(str(path), exc.reason)
        return
    yield from read_feed(data, name=str(path), options=options)


def read_feed(data: bytes, *, name: str, options: ReadOptions) -> Iterator[Article | Skipped]:
    """The entries of a feed document; ``name`` is the file or URL it came from."""
    if not is_feed(data):
        yield skipped(name, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        return
    parsed = feedparser.parse(data)
    entries: list[Mapping[str, Any]] = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            problem = " ".join(str(parsed.get("bozo_exception")).split())
            yield skipped(name, f"not a valid RSS or Atom feed ({problem})")
        else:
            yield skipped(name, "feed has no entries")
        return
    for number, entry in enumerate(entries, start=1):
        yield _entry_article(
            entry, source=f"{name}#entry {number}", where=f"entry {number}", options=options
        )


def _entry_article(
    entry: Mapping[str, Any], *, source: str, where: str, options: ReadOptions
) -> Article | Skipped:
    text = _entry_text(entry)
    if not text:
        return skipped(source, "no summary or content", where)
    link = entry.get("link")
    published = None
    for key in ("published", "updated", "created"):
        published = parse_date(entry.get(key))
        if published:
            break
    return text_record(
        text,
        source=source,
        options=options,
        where=where,
        title=_plain(entry, "title") or None,
        url=link if isinstance(link, str) and link else None,
        published=published,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest of the entry's content parts and its summary, as plain text."""
    parts: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        parts.append((str(content.get("value") or ""), str(content.get("type") or "")))
    texts = [html_to_text(value) if "html" in kind else value.strip() for value, kind in parts]
    texts.append(_plain(entry, "summary"))
    return max(texts, key=len, default="")


def _plain(entry: Mapping[str, Any], key: str) -> str:
    """A text construct of the entry (title, summary) as plain text, whatever its type."""
    value = str(entry.get(key) or "")
    kind = str((entry.get(f"{key}_detail") or {}).get("type") or "text/html")
    return html_to_text(value) if "html" in kind else " ".join(value.split())


def html_to_text(markup: str) -> str:
    """Plain text from an HTML fragment: tags dropped, blocks on their own lines."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.pieces).splitlines())
    return "\n".join(line for line in lines if line)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.pieces.append(data)
