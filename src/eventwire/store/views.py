"""Read-only views of the store for the HTTP API: pages of events, one article with all its
spans, actors, dyads and counts.

Every statement is a constant with ``?`` parameters; identifiers come only from the schema
constants and the fixed tables below, never from a caller. Each function takes the
:class:`Store` and reads through its connection, so a caller that serialises access to the
store (the API server's lock) serialises these too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from .database import Store
from .export import iter_dicts
from .query import QueryFilters, where
from .schema import ARTICLES, EVENT_COLUMNS, column_list

DyadLevel = Literal["country", "code"]
_DYAD_COLUMNS: dict[str, tuple[str, str]] = {
    "country": ("source_country", "target_country"),
    "code": ("source_code", "target_code"),
}
_ORDER = "ORDER BY event_date NULLS LAST, id"
_EVENT_SELECT = f"SELECT {column_list(EVENT_COLUMNS)} FROM events"
_ARTICLE_SELECT = f"SELECT {column_list([name for name, _ in ARTICLES])} FROM articles"


@dataclass(frozen=True)
class Page:
    """One page of rows, the number of rows matching in all, and whether more follow."""

    rows: list[dict[str, Any]]
    total: int
    more: bool


def _con(store: Store) -> duckdb.DuckDBPyConnection:
    return store._con


def _rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    return list(iter_dicts(_con(store), sql, params or []))


def _count(store: Store, sql: str, params: list[Any]) -> int:
    found = _con(store).execute(sql, params).fetchone()
    return int(found[0]) if found else 0


def _page(rows: list[dict[str, Any]], limit: int, total: int) -> Page:
    return Page(rows[:limit], total, len(rows) > limit)


def events_page(
    store: Store,
    filters: QueryFilters,
    *,
    limit: int,
    offset: int = 0,
    after: tuple[dt.date | None, str] | None = None,
) -> Page:
    """Events matching ``filters`` by date (undated last) then id: ``limit`` of them after
    skipping ``offset``, or those after the (event_date, id) key ``after`` (keyset paging).

    Raises :class:`~eventwire.errors.QueryError` for filters that cannot be used."""
    clause, params = where(filters)
    total = _count(store, f"SELECT count(*) FROM events WHERE {clause}", params)
    keyset, keys = "TRUE", list[Any]()
    if after is not None:
        last_date, last_id = after
        if last_date is None:
            keyset, keys = "(event_date IS NULL AND id > ?)", [last_id]
        else:
            keyset = "(event_date > ? OR (event_date = ? AND id > ?) OR event_date IS NULL)"
            keys = [last_date, last_date, last_id]
    sql = f"{_EVENT_SELECT} WHERE {clause} AND {keyset} {_ORDER} LIMIT ? OFFSET ?"
    rows = _rows(store, sql, [*params, *keys, limit + 1, offset])
    return _page(rows, limit, total)


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event's row, or None."""
    rows = _rows(store, f"{_EVENT_SELECT} WHERE id = ?", [event_id])
    return rows[0] if rows else None


def canonical_ids(store: Store, article_ids: list[str]) -> set[str]:
    """The canonical article of each stored article of ``article_ids`` (itself, when it is
    not a near-duplicate)."""
    if not article_ids:
        return set()
    found = (
        _con(store)
        .execute(
            "SELECT DISTINCT coalesce(canonical_id, id) FROM articles"
            " WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [article_ids],
        )
        .fetchall()
    )
    return {str(row[0]) for row in found}


_SPANS: dict[str, str] = {
    "actors": """SELECT start, "end", text, name, type, country, sectors, code, role, entity
        FROM actors WHERE article_id = ? ORDER BY start, "end" """,
    "places": """SELECT start, "end", text, name, country, admin1, lat, lon, geonameid, kind
        FROM places WHERE article_id = ? ORDER BY start, "end" """,
    "quotations": """SELECT start, "end", text, speaker_name, speaker_code
        FROM quotations WHERE article_id = ? ORDER BY start, "end" """,
    "amounts": """SELECT start, "end", text, value, unit, counts,
            coalesce(list(event_id ORDER BY event_id) FILTER (WHERE event_id IS NOT NULL), [])
            AS event_ids
        FROM amounts WHERE article_id = ?
        GROUP BY start, "end", text, value, unit, counts ORDER BY start, "end" """,
    "duplicates": """SELECT id, source, url, title, published FROM articles
        WHERE canonical_id = ? ORDER BY coded_at, id""",
}


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article (its ``articles`` row) with its events and every span, each list in text
    order; ``duplicates`` lists the near-copies linked to it. None when unknown."""
    found = _rows(store, f"{_ARTICLE_SELECT} WHERE id = ?", [article_id])
    if not found:
        return None
    out = found[0]
    out["events"] = _rows(
        store, f"{_EVENT_SELECT} WHERE article_id = ? ORDER BY sentence, trigger_start, id",
        [article_id],
    )  # fmt: skip
    for key, sql in _SPANS.items():
        out[key] = _rows(store, sql, [article_id])
    return out


_ACTORS_SQL = """
WITH mentions AS (
    SELECT code, name, any_value(type) AS type, any_value(country) AS country,
           count(*) AS mentions, count(DISTINCT article_id) AS articles
    FROM actors
    WHERE (code IS NOT NULL OR name IS NOT NULL) AND {where}
    GROUP BY code, name
), sources AS (
    SELECT source_code AS code, source_name AS name, count(*) AS n FROM events GROUP BY 1, 2
), targets AS (
    SELECT target_code AS code, target_name AS name, count(*) AS n FROM events GROUP BY 1, 2
)
SELECT m.code, m.name, m.type, m.country, m.mentions, m.articles,
       coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target
FROM mentions m
LEFT JOIN sources s ON s.code IS NOT DISTINCT FROM m.code AND s.name IS NOT DISTINCT FROM m.name
LEFT JOIN targets t ON t.code IS NOT DISTINCT FROM m.code AND t.name IS NOT DISTINCT FROM m.name
ORDER BY m.mentions DESC, m.code NULLS LAST, m.name NULLS LAST
LIMIT ? OFFSET ?
"""


def actors(
    store: Store,
    *,
    search: str | None = None,
    country: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Distinct actors (code and name) of the actor mentions, most mentioned first, with
    their mention, article and event counts. ``search`` is a case-insensitive substring of
    the code or name; ``country`` an ISO3 code."""
    clauses, params = ["TRUE"], []
    if search:
        clauses.append("(contains(lower(code), ?) OR contains(lower(name), ?))")
        params += [search.lower(), search.lower()]
    if country:
        clauses.append("country = ?")
        params.append(country.upper())
    condition = " AND ".join(clauses)
    rows = _rows(store, _ACTORS_SQL.format(where=condition), [*params, limit + 1, offset])
    count_sql = (
        "SELECT count(*) FROM (SELECT DISTINCT code, name FROM actors"
        f" WHERE (code IS NOT NULL OR name IS NOT NULL) AND {condition})"
    )
    return _page(rows, limit, _count(store, count_sql, params))


_DYADS_SQL = """
SELECT {a} AS source, {b} AS target, count(*) AS events,
       count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
       avg(goldstein) AS goldstein_mean
FROM events
WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {where}
GROUP BY 1, 2
ORDER BY events DESC, source, target
LIMIT ? OFFSET ?
"""


def dyads(
    store: Store,
    filters: QueryFilters,
    *,
    level: DyadLevel = "country",
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Directed source-target pairs (by country, or by full actor code) of the events
    matching ``filters``, with counts by CAMEO quad class and the mean Goldstein weight."""
    a, b = _DYAD_COLUMNS[level]
    clause, params = where(filters)
    sql = _DYADS_SQL.format(a=a, b=b, where=clause)
    rows = _rows(store, sql, [*params, limit + 1, offset])
    count_sql = (
        f"SELECT count(*) FROM (SELECT DISTINCT {a}, {b} FROM events"
        f" WHERE {a} IS NOT NULL AND {b} IS NOT NULL AND {clause})"
    )
    return _page(rows, limit, _count(store, count_sql, params))


_STATS_SQL: dict[str, str] = {
    "by_type": """SELECT plover_type AS key, count(*) AS events FROM events WHERE {where}
        GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST""",
    "by_month": """SELECT strftime(event_date, '%Y-%m') AS key, count(*) AS events FROM events
        WHERE {where} GROUP BY 1 ORDER BY 1 NULLS LAST""",
    "by_country": """SELECT c AS key, count(*) AS events FROM (
            SELECT unnest(list_distinct([source_country, target_country, place_country])) AS c
            FROM events WHERE {where})
        GROUP BY 1 ORDER BY 2 DESC, 1""",
    "by_status": """SELECT status AS key, count(*) AS events FROM events WHERE {where}
        GROUP BY 1 ORDER BY 2 DESC, 1""",
    "by_quad_class": """SELECT CAST(quad_class AS VARCHAR) AS key, count(*) AS events
        FROM events WHERE {where} GROUP BY 1 ORDER BY 1""",
}


def stats(store: Store, filters: QueryFilters) -> dict[str, Any]:
    """Counts of the events matching ``filters``: ``total``, and ``by_type`` (PLOVER type,
    null for plain statements), ``by_month`` (of ``event_date``), ``by_country`` (an event
    counts once for each distinct country among its source, target and place), ``by_status``
    and ``by_quad_class``, each a list of ``{"key", "events"}``."""
    clause, params = where(filters)
    out: dict[str, Any] = {
        "total": _count(store, f"SELECT count(*) FROM events WHERE {clause}", params)
    }
    for key, sql in _STATS_SQL.items():
        out[key] = _rows(store, sql.format(where=clause), params)
    return out
