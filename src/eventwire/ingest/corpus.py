"""Corpus files with one article per record: JSON Lines, JSON and CSV/TSV.

Fields are looked up through :meth:`ReadOptions.candidates` (exact name first, then ignoring
case). Each bad line or row becomes a :class:`Skipped` whose reason starts with its position
("line 12: ...", "row 5: ..."); the other records still come through. CSV rows are numbered as
in a spreadsheet: the header is row 1, so the first article is row 2.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..records import Article, Skipped
from .options import ReadOptions
from .storydate import parse_date
from .text import read_file_bytes, skipped, text_record

#: A JSON document (not JSON Lines) is read whole; this bounds its size.
MAX_DOCUMENT_BYTES = 100_000_000


def line_limit(options: ReadOptions) -> int:
    """The longest JSON line read: room for an article of ``max_bytes`` after JSON escaping."""
    return 2 * options.max_bytes + 65_536


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream; None stands for a line longer than ``limit`` (not kept)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield None
        else:
            yield line


def read_jsonl_file(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """Read a JSON Lines file (.jsonl, .ndjson): one JSON object, one article, per line."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield skipped(str(path), os_reason(exc))
        return
    with stream:
        yield from read_jsonl(bounded_lines(stream, line_limit(options)), str(path), options)


def read_jsonl(
    lines: Iterable[bytes | None], name: str, options: ReadOptions
) -> Iterator[Article | Skipped]:
    """Articles from JSON lines (None for an over-long line); blank lines are ignored."""
    for number, raw in enumerate(lines, start=1):
        source, where = f"{name}:{number}", f"line {number}"
        if raw is None:
            limit = line_limit(options)
            yield skipped(source, f"too large (the line is longer than {limit:,} bytes)", where)
            continue
        if not raw.strip():
            continue
        try:
            value = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield skipped(source, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", where)
        except json.JSONDecodeError as exc:
            yield skipped(source, f"invalid JSON ({exc.msg})", where)
        else:
            yield record_article(value, source=source, where=where, options=options)


def read_json_file(path: Path, options: ReadOptions) -> Iterator[Article | Skipped]:
    """Read a JSON file holding one article object or a list of them."""
    name = str(path)
    try:
        value = json.loads(read_file_bytes(path, max_bytes=MAX_DOCUMENT_BYTES).decode("utf-8-sig"))
    except InputError as exc:
        yield skipped(name, exc.reason)
        return
    except UnicodeDecodeError as exc:
        yield skipped(name, f"not valid UTF-8 (offset {exc.start})")
        return
    except json.JSONDecodeError as exc:
        yield skipped(name, f"invalid JSON ({exc.msg}, line {exc.lineno})")
        return
    if not isinstance(value, list):
        yield record_article(value, source=name, where="", options=options)
        return
    for number, item in enumerate(value, start=1):
        where = f"item {number}"
        yield record_article(item, source=f"{name}#{where}", where=where, options=options)


def read_csv_file(
    path: Path, options: ReadOptions, *, delimiter: str = ","
) -> Iterator[Article | Skipped]:
    """Read a CSV (or, with ``delimiter="\\t"``, TSV) file with a header row."""
    wanted = 4 * options.max_bytes + 65_536  # characters; larger fields are cut off by csv
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)
    try:
        # surrogateescape keeps undecodable bytes so that only their row is skipped
        stream = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        yield skipped(str(path), os_reason(exc))
        return
    with stream:
        yield from _csv_records(csv.reader(stream, delimiter=delimiter), str(path), options)


def _csv_records(
    reader: Iterator[list[str]], name: str, options: ReadOptions
) -> Iterator[Article | Skipped]:
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield skipped(name, f"unreadable CSV header ({exc})")
        return
    if not header:
        yield skipped(name, "empty input (no header row)")
        return
    if find_key(header, options.candidates("text")) is None:
        looked = _listing(options.candidates("text"))
        columns = _listing(header, last=", ")
        yield skipped(name, f"no text column (looked for {looked}; the columns are {columns})")
        return
    number = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            where = f"row {number + 1}"
            reason = f"unreadable CSV ({exc}); the rest of the file was not read"
            yield skipped(f"{name}:{where}", reason, where)
            return
        number += 1
        if any(cell.strip() for cell in row):
            where = f"row {number}"
            record = dict(zip(header, row, strict=False))
            yield record_article(record, source=f"{name}:{where}", where=where, options=options)


def record_article(
    record: object, *, source: str, where: str, options: ReadOptions
) -> Article | Skipped:
    """An Article from one record (a JSON object or a CSV row), or the reason it is unusable."""
    if not isinstance(record, Mapping):
        return skipped(source, f"not a JSON object (got {_json_kind(record)})", where)
    key, text = _field(record, "text", options)
    if text is None:
        looked = _listing(options.candidates("text"))
        return skipped(source, f"no text field (looked for {looked})", where)
    if not isinstance(text, str):
        return skipped(source, f"field {key!r} is not text (got {_json_kind(text)})", where)
    if not _is_utf8(text):
        return skipped(source, "not valid UTF-8", where)
    return text_record(
        text,
        source=source,
        options=options,
        where=where,
        title=_string(_field(record, "title", options)[1]),
        url=_string(_field(record, "url", options)[1]),
        published=parse_date(_field(record, "published", options)[1]),
    )


def _field(
    record: Mapping[str, object], name: str, options: ReadOptions
) -> tuple[str | None, object]:
    """The corpus key used for one of our field names, and its value (None when absent)."""
    key = find_key(record, options.candidates(name))
    return key, (record.get(key) if key is not None else None)


def find_key(keys: Iterable[str], candidates: Iterable[str]) -> str | None:
    """The first of ``candidates`` among ``keys``: exact name first, then ignoring case."""
    present = list(keys)
    exact = set(present)
    lowered = {k.lower(): k for k in reversed(present)}
    for wanted in candidates:
        if wanted in exact:
            return wanted
    for wanted in candidates:
        if wanted.lower() in lowered:
            return lowered[wanted.lower()]
    return None


def os_reason(exc: OSError) -> str:
    """A one-line reason for a file that cannot be opened."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read ({exc.strerror or exc})"


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip() and _is_utf8(value):
        return " ".join(value.split())
    return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _listing(names: Iterable[str], last: str = " or ") -> str:
    quoted = [repr(n) for n in names]
    if len(quoted) > 8:
        quoted = [*quoted[:7], f"... ({len(quoted)} in all)"]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])}{last}{quoted[-1]}"


def _json_kind(value: object) -> str:
    names = {list: "a list", dict: "an object", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")
