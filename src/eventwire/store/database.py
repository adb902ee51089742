"""The :class:`Store`: one DuckDB database file (or ``:memory:``) holding coded articles."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, BinaryIO, Literal

import duckdb

from ..errors import StoreBusy, StoreError
from ..records import ArticleResult, Skipped
from . import export as exporter
from . import writer
from .guard import read_statement
from .query import QueryFilters, where
from .schema import EVENT_COLUMNS, SCHEMA_VERSION, column_list, create_schema, schema_version

log = logging.getLogger(__name__)

_NOTHING: Mapping[str, str] = MappingProxyType({})
_PID = re.compile(r"\(PID (\d+)\)")


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    message = str(exc)
    if "lock" in message.lower() and "conflicting" in message.lower():
        pid = _PID.search(message)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreBusy(
            f"database file {path} is in use by another process{holder}; "
            "stop it or use another --db"
        )
    if "does not exist" in message:
        return StoreError(f"database file {path} does not exist")
    if "different configuration" in message:
        return StoreError(
            f"database file {path} is already open in this process in another mode "
            "(read-only and writable at once)"
        )
    detail = message.removeprefix("IO Error: ").strip()
    return StoreError(f"cannot open database file {path}: {detail}")


LATE_ROWS = 1001


class Store:
    """The embedded event store. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, when writable, create or complete the schema of) a store.

        Raises :class:`StoreBusy` when another process holds the file, and
        :class:`StoreError` when it cannot be opened or is not an eventwire store.
        """
        name = str(path)
        if read_only and name == ":memory:":
            raise StoreError("an in-memory store cannot be opened read-only")
        try:
            # never download extensions: what the store needs (parquet) is built in
            config: dict[str, str | bool | int | float | list[str]] = {
                "autoinstall_known_extensions": False,
                # a page of events (up to 1,000 rows) sorts its keys first and reads the
                # wide rows of that page only
                "late_materialization_max_rows": LATE_ROWS,
                # hand memory freed after a big sort (an export, the server's event index)
                # back to the system instead of keeping it for the life of the process
                "allocator_background_threads": True,
            }
            con = duckdb.connect(name, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise _open_error(name, exc) from None
        try:
            if not read_only:
                create_schema(con)
            version = schema_version(con)
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"cannot prepare database file {name}: {exc}") from None
        if version != SCHEMA_VERSION:
            con.close()
            found = "no eventwire tables" if version is None else f"schema version {version}"
            raise StoreError(
                f"{name} is not an eventwire store this version can read ({found}; "
                f"expected schema version {SCHEMA_VERSION})"
            )
        log.debug("opened store %s (read_only=%s)", name, read_only)
        return cls(con, name, read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"database file {self.path} is open read-only")

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """The article ids among ``ids`` that are already stored."""
        return writer.known_ids(self._con, ids)

    def write_batch(
        self,
        results: Sequence[ArticleResult],
        skipped: Sequence[Skipped] = (),
        duplicates: Mapping[str, str] = _NOTHING,
        *,
        texts: Mapping[str, str] = _NOTHING,
        shard: Path | None = None,
    ) -> int:
        """Store a batch in one transaction; what is already stored is left alone.

        ``duplicates`` maps a near-duplicate article id to its canonical article id: the
        duplicate is stored as an article row with ``canonical_id`` set and nothing else, and
        the canonical article's events get ``n_articles`` (articles telling the story) and
        ``n_sources`` (distinct URL hosts, or source names without URL) recounted.
        ``texts`` maps article ids to their full text, stored in ``articles.text`` so that
        :meth:`NearDuplicates.load` can re-index them in a later run. ``shard`` is a folder
        of coded rows written by a worker (:mod:`eventwire.store.shards`), loaded in the same
        transaction first; the number of events it added is returned.
        """
        self._writable()
        try:
            return writer.write_batch(self._con, results, skipped, duplicates, texts, shard)
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from None

    def problems(self) -> list[tuple[str, str, str]]:
        """Every recorded problem as (source, reason, recorded_at ISO time), oldest first."""
        rows = self._con.execute(
            "SELECT source, reason, recorded_at FROM problems ORDER BY recorded_at, rowid"
        ).fetchall()
        return [(str(s), str(r), t.isoformat(sep=" ", timespec="seconds")) for s, r, t in rows]

    def summary(self) -> dict[str, int]:
        """Counts of articles, canonical articles, duplicates, events and problems."""
        row = self._con.execute(
            """SELECT
                (SELECT count(*) FROM articles),
                (SELECT count(*) FROM articles WHERE canonical_id IS NULL),
                (SELECT count(*) FROM articles WHERE canonical_id IS NOT NULL),
                (SELECT count(*) FROM events),
                (SELECT count(*) FROM problems)"""
        ).fetchone()
        keys = ("articles", "canonical_articles", "duplicates", "events", "problems")
        return dict(zip(keys, (int(v) for v in row or (0,) * 5), strict=True))

    def query(self, filters: QueryFilters, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Events matching ``filters`` as dicts of the ``events`` columns, by date then id.

        Raises :class:`QueryError` for filters that cannot be used (before any row)."""
        clause, params = where(filters)
        sql = (
            f"SELECT {column_list(EVENT_COLUMNS)} FROM events WHERE {clause}"
            " ORDER BY event_date NULLS LAST, id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(int(limit), 0))
        return exporter.iter_dicts(self._con, sql, params)

    def export(
        self,
        fmt: Literal["csv", "jsonl", "parquet", "gdelt", "polecat"],
        out: BinaryIO | Path | None,
    ) -> int:
        """Write every event in ``fmt`` (see ``docs/export-formats.md``) to ``out``, standard
        output when None (Parquet needs a path); the number of events written."""
        try:
            return exporter.export(self._con, fmt, out)
        except duckdb.Error as exc:
            raise StoreError(f"cannot export {fmt}: {exc}") from None

    def sql(self, statement: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only statement; (column names, rows).

        Raises :class:`ReadOnlyViolation` for anything but a single SELECT / WITH / SHOW /
        DESCRIBE / EXPLAIN, and :class:`StoreError` when the statement fails."""
        parsed = read_statement(self._con, statement)
        cur = self._con.cursor()
        try:
            if not self.read_only:
                cur.begin()
            cur.execute(parsed)
            columns = [d[0] for d in cur.description or []]
            return columns, [tuple(row) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"SQL error: {str(exc).strip()}") from None
        finally:
            if not self.read_only:
                cur.rollback()
            cur.close()

    def canonical_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of the stored canonical articles that have a text, in stored order."""
        sql = (
            "SELECT id, text FROM articles WHERE canonical_id IS NULL AND text IS NOT NULL"
            " ORDER BY coded_at, rowid"
        )
        for row in exporter.iter_dicts(self._con, sql):
            yield str(row["id"]), str(row["text"])

    def duplicate_links(self) -> list[tuple[str, str]]:
        """(duplicate id, canonical id) of every stored near-duplicate."""
        rows = self._con.execute(
            "SELECT id, canonical_id FROM articles WHERE canonical_id IS NOT NULL ORDER BY id"
        ).fetchall()
        return [(str(a), str(c)) for a, c in rows]
