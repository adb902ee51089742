"""Opening a store creates its schema once; bad files give clear errors (issue 4)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.errors import EventwireError, StoreError
from eventwire.store import Store
from eventwire.store.schema import EVENT_COLUMNS, TABLES

pytestmark = pytest.mark.issue(4)

REQUIRED = {
    "articles": {"id", "canonical_id", "source", "url", "title", "published", "dateline",
                 "text", "n_events", "coded_at"},
    "events": {"id", "article_id", "sentence", "text", "trigger_text", "trigger_start",
               "trigger_end", "source_text", "source_name", "source_type", "source_country",
               "source_sectors", "source_code", "source_role", "target_text", "target_name",
               "target_type", "target_country", "target_sectors", "target_code",
               "target_role", "cameo", "cameo_root", "cameo_name", "quad_class", "goldstein",
               "plover_type", "plover_mode", "status", "date_value", "date_precision",
               "date_text", "date_basis", "event_date", "place_name", "place_country",
               "place_lat", "place_lon", "place_geonameid", "confidence", "n_articles",
               "n_sources"},
    "actors": {"article_id", "start", "end", "text", "name", "type", "country", "sectors",
               "code", "role", "entity"},
    "places": {"article_id", "start", "end", "text", "name", "country", "admin1", "lat",
               "lon", "geonameid", "kind"},
    "quotations": {"article_id", "start", "end", "text", "speaker_name", "speaker_code"},
    "amounts": {"article_id", "event_id", "start", "end", "text", "value", "unit", "counts"},
    "problems": {"source", "reason", "article_id", "recorded_at"},
}  # fmt: skip


def _columns(db: Path, table: str) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    finally:
        con.close()


def test_opening_creates_every_table_index_and_view(db_path: Path) -> None:
    Store.open(db_path).close()
    for table, columns in REQUIRED.items():
        assert columns <= _columns(db_path, table), table
    con = duckdb.connect(str(db_path), read_only=True)
    indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    con.close()
    assert {"events_dyad_date", "events_place", "events_date"} <= indexes
    assert {"events_with_articles", "duplicates"} <= views


def test_reopening_keeps_the_rows(db_path: Path) -> None:
    from .conftest import sample_results

    with Store.open(db_path) as store:
        store.write_batch(sample_results())
    with Store.open(db_path) as store:
        assert store.summary()["events"] == 5
    with Store.open(db_path, read_only=True) as store:
        assert store.summary()["articles"] == 2


def test_schema_constants_agree() -> None:
    assert tuple(name for name, _ in TABLES["events"]) == EVENT_COLUMNS
    assert set(TABLES) == set(REQUIRED)


def test_a_missing_file_opened_read_only_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nothing.duckdb", read_only=True)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database at all " * 100)
    with pytest.raises(StoreError, match="cannot open database file"):
        Store.open(junk)


def test_a_foreign_duckdb_file_is_not_read_as_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    with pytest.raises(EventwireError, match="not an eventwire store"):
        Store.open(other, read_only=True)


def test_a_read_only_store_refuses_writes(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write_batch([])
