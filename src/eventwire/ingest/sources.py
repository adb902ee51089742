"""Any supported input, named on the command line or piped in, as one stream of records.

:func:`read_inputs` yields one :class:`Article` per article and one :class:`Skipped` per
input (file, line, row, entry, URL) that cannot become one, so nothing is dropped silently.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import InputError
from ..records import Article, Skipped
from .corpus import (
    bounded_lines,
    line_limit,
    read_csv_file,
    read_json_file,
    read_jsonl,
    read_jsonl_file,
)
from .feeds import is_feed, read_feed, read_feed_file
from .html import article_from_html, page_limit, read_html_file
from .options import ReadOptions
from .text import article_from_bytes, read_file_bytes, skipped
from .urls import is_url, read_url

STDIN = "-"
STDIN_SOURCE = "<stdin>"

Kind = Literal["text", "html", "jsonl", "json", "csv", "tsv", "feed", "xml"]

SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def read_inputs(
    inputs: Sequence[str], options: ReadOptions, stdin: BinaryIO | None = None
) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively), http(s) URLs and ``-`` (standard input).

    ``stdin`` is the binary stream read for ``-`` (``sys.stdin.buffer`` when None). Records
    come in input order; a folder's files in sorted path order, hidden ones left out.
    """
    stdin_read = False
    for name in inputs:
        if name == STDIN:
            if stdin_read:
                yield skipped(STDIN_SOURCE, "standard input was already read")
                continue
            stdin_read = True
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
        elif is_url(name):
            yield from read_url(name, options)
        else:
            yield from read_path(Path(name), options)


def read_path(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """A file by its kind, or every file under a folder."""
    if path.is_dir():
        empty = True
        for file in walk(path):
            empty = False
            yield from read_file(file, options)
        if empty:
            yield skipped(str(path), "folder has no files (hidden ones are left out)")
    elif not path.exists():
        yield skipped(str(path), "no such file or folder")
    else:
        yield from read_file(path, options)


def walk(folder: Path) -> Iterator[Path]:
    """The files under a folder, recursively, sorted by name; hidden files and folders skipped.

    Links to folders are followed once (a folder reached again through a link is left out).
    """
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path]:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(directory.iterdir(), key=lambda p: p.name)
        except OSError:
            yield directory  # reading it as a file gives the reason it cannot be read
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from visit(entry)
            else:
                yield entry

    yield from visit(folder)


def read_file(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """One file, read by the kind its extension names (or, if unknown, its content shows)."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield from _read_unknown(path, options)
    elif kind == "text":
        try:
            data = read_file_bytes(path, max_bytes=options.max_bytes)
        except InputError as exc:
            yield skipped(str(path), exc.reason)
            return
        yield _bytes_article(data, str(path), options)
    elif kind == "html":
        yield read_html_file(path, options)
    elif kind == "jsonl":
        yield from read_jsonl_file(path, options)
    elif kind == "json":
        yield from read_json_file(path, options)
    elif kind in ("csv", "tsv"):
        yield from read_csv_file(path, options, delimiter="\t" if kind == "tsv" else ",")
    else:
        yield from read_feed_file(path, options)


def sniff(head: bytes) -> Kind:
    """The kind of a document from its first bytes: HTML, feed, XML, JSON Lines or text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed" if is_feed(head) else "html" if b"<html" in start[:4096] else "xml"
    first, newline, _ = start.partition(b"\n")
    if first.startswith(b"{"):
        if not newline:  # the first line goes on past the bytes given: trust its opening brace
            return "jsonl"
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


def _read_unknown(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    try:
        with path.open("rb") as stream:
            head = stream.read(8192)
    except OSError:
        head = b""  # the reader below names the problem
    kind = sniff(head)
    if kind == "jsonl":
        yield from read_jsonl_file(path, options)
    elif kind in ("feed", "xml"):
        yield from read_feed_file(path, options)
    else:
        limit = page_limit(options) if kind == "html" else options.max_bytes
        try:
            data = read_file_bytes(path, max_bytes=limit)
        except InputError as exc:
            yield skipped(str(path), exc.reason)
            return
        yield from _document(data, kind, str(path), options)


def read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Article | Skipped]:
    """Standard input: JSON Lines if its first non-blank line is a JSON object, else one
    document (HTML, a feed or plain text)."""
    limit = max(page_limit(options), line_limit(options))
    lines = bounded_lines(stream, limit)
    buffered: list[bytes | None] = []
    for line in lines:
        buffered.append(line)
        if line is None or line.strip():
            break
    if buffered and sniff(buffered[-1] or b"") == "jsonl":
        yield from read_jsonl(chain(buffered, lines), STDIN_SOURCE, options)
        return
    head = b"".join(line or b"" for line in buffered)
    data = head + stream.read(limit + 1 - len(head)) if len(head) <= limit else head
    if len(data) > limit or None in buffered:
        yield skipped(STDIN_SOURCE, f"too large (more than {limit:,} bytes)")
        return
    yield from _document(data, sniff(data[:8192]), STDIN_SOURCE, options)


def _document(
    data: bytes, kind: Kind, source: str, options: ReadOptions
) -> Iterator[Article | Skipped]:
    """One document already in memory, read as the kind sniffed from it."""
    if kind == "html":
        yield article_from_html(data, source=source, options=options)
    elif kind in ("feed", "xml"):
        yield from read_feed(data, name=source, options=options)
    else:
        yield _bytes_article(data, source, options)


def _bytes_article(data: bytes, source: str, options: ReadOptions) -> Article | Skipped:
    try:
        return article_from_bytes(
            data,
            source=source,
            max_bytes=options.max_bytes,
            min_english=options.min_english,
            published=options.published,
        )
    except InputError as exc:
        return skipped(source, exc.reason)
