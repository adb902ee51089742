"""The store's tables, indexes and views, defined once.

Each table is a tuple of ``(column, DuckDB type)``; the ``CREATE TABLE`` statements and the
columnar inserts of :mod:`eventwire.store.writer` are both generated from it, so a column is
added in one place. Identifiers come only from these constants, never from user input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import duckdb

SCHEMA_VERSION: Final = "1"

Columns = tuple[tuple[str, str], ...]


def _actor_columns(side: str) -> Columns:
    return (
        (f"{side}_text", "VARCHAR"),
        (f"{side}_start", "INTEGER"),
        (f"{side}_end", "INTEGER"),
        (f"{side}_name", "VARCHAR"),
        (f"{side}_type", "VARCHAR"),
        (f"{side}_country", "VARCHAR"),
        (f"{side}_sectors", "VARCHAR[]"),
        (f"{side}_code", "VARCHAR"),
        (f"{side}_role", "VARCHAR"),
    )


ARTICLES: Final[Columns] = (
    ("id", "VARCHAR"),
    ("canonical_id", "VARCHAR"),
    ("source", "VARCHAR"),
    ("url", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published", "DATE"),
    ("dateline", "VARCHAR"),
    ("text", "VARCHAR"),
    ("n_events", "INTEGER"),
    ("coded_at", "TIMESTAMP"),
)

EVENTS: Final[Columns] = (
    ("id", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("sentence", "INTEGER"),
    ("text", "VARCHAR"),
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    *_actor_columns("source"),
    *_actor_columns("target"),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("cameo_name", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("status", "VARCHAR"),
    ("date_value", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("date_text", "VARCHAR"),
    ("date_basis", "VARCHAR"),
    ("event_date", "DATE"),
    ("place_name", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_admin1", "VARCHAR"),
    ("place_kind", "VARCHAR"),
    ("place_lat", "DOUBLE"),
    ("place_lon", "DOUBLE"),
    ("place_geonameid", "BIGINT"),
    ("confidence", "DOUBLE"),
    ("n_articles", "INTEGER"),
    ("n_sources", "INTEGER"),
)

ACTORS: Final[Columns] = (
    ("article_id", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("name", "VARCHAR"),
    ("type", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sectors", "VARCHAR[]"),
    ("code", "VARCHAR"),
    ("role", "VARCHAR"),
    ("entity", "INTEGER"),
)

PLACES: Final[Columns] = (
    ("article_id", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("name", "VARCHAR"),
    ("country", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("kind", "VARCHAR"),
)

QUOTATIONS: Final[Columns] = (
    ("article_id", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("speaker_name", "VARCHAR"),
    ("speaker_code", "VARCHAR"),
)

AMOUNTS: Final[Columns] = (
    ("article_id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("value", "DOUBLE"),
    ("unit", "VARCHAR"),
    ("counts", "VARCHAR"),
)

PROBLEMS: Final[Columns] = (
    ("source", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("recorded_at", "TIMESTAMP"),
)

TABLES: Final[dict[str, Columns]] = {
    "articles": ARTICLES,
    "events": EVENTS,
    "actors": ACTORS,
    "places": PLACES,
    "quotations": QUOTATIONS,
    "amounts": AMOUNTS,
    "problems": PROBLEMS,
}
PRIMARY_KEYS: Final = {"articles": "id", "events": "id"}
EVENT_COLUMNS: Final[tuple[str, ...]] = tuple(name for name, _ in EVENTS)

INDEXES: Final = (
    "CREATE INDEX IF NOT EXISTS events_dyad_date"
    " ON events (source_country, target_country, event_date)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
    "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    "CREATE INDEX IF NOT EXISTS events_place ON events (place_country, place_lat, place_lon)",
    "CREATE INDEX IF NOT EXISTS events_lat ON events (place_lat)",
    "CREATE INDEX IF NOT EXISTS articles_canonical ON articles (canonical_id)",
    "CREATE INDEX IF NOT EXISTS places_country ON places (country)",
)

VIEWS: Final = (
    """CREATE OR REPLACE VIEW events_with_articles AS
    SELECT e.*, a.source AS article_source, a.url AS article_url, a.title AS article_title,
           a.published AS article_published, a.coded_at AS article_coded_at
    FROM events e LEFT JOIN articles a ON a.id = e.article_id""",
    """CREATE OR REPLACE VIEW duplicates AS
    SELECT d.id AS article_id, d.canonical_id, d.source, d.url, c.source AS canonical_source,
           c.url AS canonical_url
    FROM articles d LEFT JOIN articles c ON c.id = d.canonical_id
    WHERE d.canonical_id IS NOT NULL""",
)


def quote(name: str) -> str:
    """A column or table name from the constants above as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def column_list(columns: Sequence[str], prefix: str = "") -> str:
    return ", ".join(prefix + quote(c) for c in columns)


def create_table_sql(table: str) -> str:
    key = PRIMARY_KEYS.get(table)
    cols = [
        f"{quote(name)} {kind}{' PRIMARY KEY' if name == key else ''}"
        for name, kind in TABLES[table]
    ]
    return f"CREATE TABLE IF NOT EXISTS {quote(table)} ({', '.join(cols)})"


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table, index and view that is missing (idempotent), in one transaction."""
    con.begin()
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"
        )
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [SCHEMA_VERSION],
        )
        for table in TABLES:
            con.execute(create_table_sql(table))
        for statement in (*INDEXES, *VIEWS):
            con.execute(statement)
        con.commit()
    except BaseException:
        con.rollback()
        raise


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The stored schema version, or None when the file holds no eventwire store."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not found or not found[0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return str(row[0]) if row else None
