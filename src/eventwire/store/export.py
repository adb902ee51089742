"""Exports of every event: CSV, JSON Lines, Parquet, GDELT 2.0 layout and POLECAT-style JSON."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

import duckdb

from ..errors import StoreError
from .gdelt import gdelt_fields
from .polecat import polecat_record
from .schema import EVENT_COLUMNS, column_list

ExportFormat = Literal["csv", "jsonl", "parquet", "gdelt", "polecat"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "parquet", "gdelt", "polecat")
ORDER = "ORDER BY e.event_date NULLS LAST, e.id"
EVENTS_SQL = f"SELECT {column_list(EVENT_COLUMNS, 'e.')} FROM events e {ORDER}"
JOINED_SQL = (
    f"SELECT {column_list(EVENT_COLUMNS, 'e.')}, a.url, a.source AS article_source,"
    " a.published, a.coded_at"
    f" FROM events e LEFT JOIN articles a ON a.id = e.article_id {{where}} {ORDER}"
)
FETCH = 2000


def iter_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of a query as dicts, fetched in chunks on a cursor of their own."""
    cur = con.cursor()
    try:
        cur.execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        while chunk := cur.fetchmany(FETCH):
            for row in chunk:
                yield dict(zip(names, row, strict=True))
    finally:
        cur.close()


def json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


@contextlib.contextmanager
def _text_out(out: BinaryIO | Path | None) -> Iterator[io.TextIOWrapper]:
    """A UTF-8 text stream over a path, a binary stream, or standard output."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    binary = out if out is not None else sys.stdout.buffer
    wrapper = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


def _write_csv(con: duckdb.DuckDBPyConnection, fh: io.TextIOWrapper) -> int:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    n = 0
    for row in iter_dicts(con, EVENTS_SQL):
        writer.writerow([_csv_cell(row[c]) for c in EVENT_COLUMNS])
        n += 1
    return n


def _write_json(
    rows: Iterator[dict[str, Any]],
    fh: io.TextIOWrapper,
    make: Callable[[dict[str, Any]], dict[str, Any]],
) -> int:
    n = 0
    for row in rows:
        fh.write(json.dumps(make(row), ensure_ascii=False, default=json_default) + "\n")
        n += 1
    return n


def _write_gdelt(con: duckdb.DuckDBPyConnection, fh: io.TextIOWrapper) -> int:
    n = 0
    for row in iter_dicts(con, JOINED_SQL.format(where="")):
        fh.write("\t".join(gdelt_fields(row)) + "\n")
        n += 1
    return n


def _write_parquet(con: duckdb.DuckDBPyConnection, out: BinaryIO | Path | None) -> int:
    if not isinstance(out, Path):
        raise StoreError("a Parquet export needs a file path, not a stream")
    con.execute(f"COPY ({EVENTS_SQL}) TO ? (FORMAT PARQUET)", [str(out)])
    found = con.execute("SELECT count(*) FROM events").fetchone()
    return int(found[0]) if found else 0


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: BinaryIO | Path | None) -> int:
    """Write every event in ``fmt`` to ``out`` (standard output when None); rows written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        return _write_parquet(con, out)
    with _text_out(out) as fh:
        if fmt == "csv":
            return _write_csv(con, fh)
        if fmt == "gdelt":
            return _write_gdelt(con, fh)
        if fmt == "jsonl":
            return _write_json(iter_dicts(con, EVENTS_SQL), fh, dict)
        polecat = JOINED_SQL.format(where="WHERE e.plover_type IS NOT NULL")
        return _write_json(iter_dicts(con, polecat), fh, polecat_record)
