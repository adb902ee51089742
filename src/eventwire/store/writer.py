"""Idempotent batch writes: one transaction per batch, columnar parameterised inserts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from ..records import ArticleResult, Skipped
from . import rows as r
from . import shards
from .schema import TABLES, column_list, quote


def insert(con: duckdb.DuckDBPyConnection, table: str, data: Sequence[r.Row]) -> None:
    """Insert rows with one statement: each column is passed as one typed list parameter and
    ``unnest``-ed, so a batch costs one round trip whatever its size."""
    if not data:
        return
    columns = TABLES[table]
    names = [name for name, _ in columns]
    selects = ", ".join(f"unnest(?::{kind}[])" for _, kind in columns)
    params = [[row[i] for row in data] for i in range(len(columns))]
    con.execute(
        f"INSERT INTO {quote(table)} ({column_list(names)}) SELECT {selects}",
        params,
    )


def known_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    wanted = sorted(set(ids))
    if not wanted:
        return set()
    found = con.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
    ).fetchall()
    return {str(row[0]) for row in found}


def _unique_results(results: Sequence[ArticleResult], known: set[str]) -> list[ArticleResult]:
    out: list[ArticleResult] = []
    seen = set(known)
    for result in results:
        if result.article.id not in seen:
            seen.add(result.article.id)
            out.append(result)
    return out


def _canonical(
    con: duckdb.DuckDBPyConnection, article_id: str, duplicates: Mapping[str, str]
) -> str:
    """Follow duplicate links (in the batch, then in the store) to the canonical article."""
    seen = {article_id}
    current = duplicates[article_id]
    while current in duplicates and current not in seen:
        seen.add(current)
        current = duplicates[current]
    stored = con.execute("SELECT canonical_id FROM articles WHERE id = ?", [current]).fetchone()
    if stored and stored[0] is not None:
        return str(stored[0])
    return current


def _new_problems(con: duckdb.DuckDBPyConnection, candidates: list[r.Row]) -> list[r.Row]:
    """The problem rows not yet stored: same (source, reason, article_id) adds nothing."""
    if not candidates:
        return []
    keys = sorted({(row[0], row[1], row[2] or "") for row in candidates})
    stored = con.execute(
        """SELECT source, reason, coalesce(article_id, '') FROM problems
        WHERE source IN (SELECT unnest(?::VARCHAR[]))""",
        [sorted({k[0] for k in keys})],
    ).fetchall()
    seen = {tuple(row) for row in stored}
    out: list[r.Row] = []
    for row in candidates:
        key = (row[0], row[1], row[2] or "")
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def origin(source: str | None, url: str | None) -> str | None:
    """What counts as one source: the URL's host (without ``www.``), else the source name."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return source or None


def recount(con: duckdb.DuckDBPyConnection, canonical_ids: Iterable[str]) -> None:
    """Set n_articles and n_sources on a canonical article's events from its duplicates."""
    for cid in sorted(set(canonical_ids)):
        found = con.execute(
            "SELECT source, url FROM articles WHERE id = ? OR canonical_id = ?", [cid, cid]
        ).fetchall()
        n_articles = max(len(found), 1)
        n_sources = max(len({origin(s, u) for s, u in found} - {None}), 1)
        con.execute(
            "UPDATE events SET n_articles = ?, n_sources = ? WHERE article_id = ?",
            [n_articles, n_sources, cid],
        )


def write_batch(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[ArticleResult],
    skipped: Sequence[Skipped],
    duplicates: Mapping[str, str],
    texts: Mapping[str, str],
    shard: Path | None = None,
) -> int:
    """Write one batch in one transaction (see :meth:`eventwire.store.Store.write_batch`);
    the number of events a ``shard`` added."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    links = {a: c for a, c in duplicates.items() if a != c}
    con.begin()
    try:
        sharded = 0
        shard_problems: list[r.Row] = []
        if shard is not None:
            sharded = shards.load_shard(con, shard)
            shard_problems = shards.shard_problems(con, shard)
        known = known_ids(con, [*(x.article.id for x in results), *links])
        fresh = _unique_results(results, known)
        by_id = {x.article.id: x for x in fresh}
        rows = r.Rows()
        for result in fresh:
            if result.article.id not in links:
                r.add_coded(rows, result, texts.get(result.article.id), now)
        linked: list[str] = []
        for aid in links:
            if aid not in known:
                canonical = _canonical(con, aid, links)
                r.add_duplicate(rows, aid, canonical, by_id.get(aid), texts.get(aid), now)
                linked.append(canonical)
        candidates = shard_problems + rows.problems + r.skipped_rows(list(skipped), now)
        rows.problems = _new_problems(con, candidates)
        for table, data in rows.by_table().items():
            insert(con, table, data)
        recount(con, linked)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return sharded
