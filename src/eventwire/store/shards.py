"""Parquet shards: the store tables of one partition of coded articles.

A worker writes the rows of the articles it coded with the same writer as a single-process
ingest (into an in-memory store), then copies each table to ``<table>.parquet`` in a folder
that appears under its final name only when complete (written beside it, then renamed). The
one process that owns the database loads finished shards inside its write transaction, so a
shard is loaded whole or not at all, and articles already stored are left alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..records import ArticleResult, Skipped
from . import rows as r
from .schema import TABLES, column_list, quote

#: The tables a shard holds, in the order they are loaded.
SHARD_TABLES = tuple(TABLES)


def sql_path(path: Path | str) -> str:
    """A path as an SQL string literal (COPY ... TO takes no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


@contextmanager
def coded_rows(
    results: Sequence[ArticleResult],
    texts: Mapping[str, str],
    skipped: Sequence[Skipped] = (),
) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory store holding the rows the store's own writer makes of ``results`` and
    ``skipped`` (so workers write exactly what a single-process ingest writes)."""
    from .database import Store

    with Store.open(":memory:") as mem:
        mem.write_batch(results, skipped, texts=texts)
        yield mem._con


def write_shard(
    results: Sequence[ArticleResult], texts: Mapping[str, str], folder: Path
) -> dict[str, int]:
    """Write the rows of ``results`` as a shard at ``folder``; the row count of each table.

    A folder already there (a retried task) is replaced."""
    partial = folder.with_name(folder.name + f".partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with coded_rows(results, texts) as con:
        counts = {}
        for table in SHARD_TABLES:
            target = sql_path(partial / f"{table}.parquet")
            con.execute(f"COPY {quote(table)} TO {target} (FORMAT parquet)")
            found = con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()
            counts[table] = int(found[0]) if found else 0
    if folder.exists():
        shutil.rmtree(folder)
    partial.rename(folder)
    return counts


def is_shard(folder: Path) -> bool:
    """A finished shard is a folder with every table file."""
    return folder.is_dir() and all((folder / f"{t}.parquet").is_file() for t in SHARD_TABLES)


def load_shard(con: duckdb.DuckDBPyConnection, folder: Path) -> int:
    """Insert a shard's rows for the articles not stored yet, inside the caller's
    transaction; the number of events inserted."""
    articles = str(folder / "articles.parquet")
    fresh = [
        row[0]
        for row in con.execute(
            "SELECT id FROM read_parquet(?) WHERE id NOT IN (SELECT id FROM articles)",
            [articles],
        ).fetchall()
    ]
    events = 0
    for table in SHARD_TABLES:
        if table == "problems":
            continue
        key = "id" if table == "articles" else "article_id"
        names = column_list([name for name, _ in TABLES[table]])
        inserted = con.execute(
            f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM read_parquet(?) "
            f"WHERE {quote(key)} IN (SELECT unnest(?::VARCHAR[]))",
            [str(folder / f"{table}.parquet"), fresh],
        ).fetchone()
        if table == "events":
            events = int(inserted[0]) if inserted else 0
    return events


def shard_problems(con: duckdb.DuckDBPyConnection, folder: Path) -> list[r.Row]:
    """The problem rows a shard holds (the caller keeps only those not stored yet)."""
    names = column_list([name for name, _ in TABLES["problems"]])
    rows = con.execute(
        f"SELECT {names} FROM read_parquet(?)", [str(folder / "problems.parquet")]
    ).fetchall()
    return [tuple(row) for row in rows]
