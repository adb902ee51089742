"""The read-only SQL entry point: reads work, nothing can write (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError, ReadOnlyViolation, StoreError
from eventwire.store import Store

from .conftest import sample_results

pytestmark = pytest.mark.issue(4)

REFUSED = [
    "INSERT INTO problems VALUES ('x', 'y', NULL, now())",
    "UPDATE events SET status = 'negated'",
    "DELETE FROM events",
    "WITH doomed AS (SELECT id FROM events) DELETE FROM events WHERE id IN (SELECT id FROM doomed)",
    "CREATE TABLE t (a INTEGER)",
    "CREATE VIEW v AS SELECT 1",
    "DROP TABLE events",
    "ALTER TABLE events ADD COLUMN x INTEGER",
    "COPY events TO '{tmp}/leak.csv'",
    "COPY (SELECT 1) TO '{tmp}/leak.csv'",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "DETACH other",
    "SELECT 1; DELETE FROM events",
    "SELECT 1; SELECT 2",
    "EXPLAIN ANALYZE DELETE FROM events",
    "EXPLAIN DELETE FROM events",
    "PRAGMA version",
    "CALL pragma_version()",
    "SET threads = 1",
    "INSTALL spatial",
    "LOAD parquet",
    "BEGIN TRANSACTION",
    "CHECKPOINT",
    "VACUUM",
    "EXPORT DATABASE '{tmp}/dump'",
    "",
    "   ;  ",
    "SELEC nonsense FROM",
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sql") / "events.duckdb"
    with Store.open(path) as s:
        s.write_batch(sample_results())
    return path


@pytest.fixture(params=[False, True], ids=["writable", "read-only"])
def either(request: pytest.FixtureRequest, stored: Path) -> Store:
    store = Store.open(stored, read_only=request.param)
    request.addfinalizer(store.close)
    return store


@pytest.mark.parametrize("statement", REFUSED)
def test_anything_but_a_read_is_refused(either: Store, statement: str, tmp_path: Path) -> None:
    before = either.summary()
    with pytest.raises(ReadOnlyViolation) as caught:
        either.sql(statement.format(tmp=tmp_path))
    assert isinstance(caught.value, EventwireError)
    assert either.summary() == before
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize(
    ("statement", "first"),
    [
        ("SELECT count(*) AS n FROM events", ("n", 5)),
        ("select id from events order by id limit 1;", ("id", "a1-0-0")),
        ("WITH x AS (SELECT id FROM articles) SELECT count(*) AS n FROM x", ("n", 2)),
        ("FROM events_with_articles SELECT article_url ORDER BY id LIMIT 1",
         ("article_url", "https://www.example.com/a1")),
        ("SELECT count(*) AS n FROM duplicates", ("n", 0)),
        ("SHOW TABLES", ("name", "actors")),
        ("DESCRIBE events", ("column_name", "id")),
    ],
)  # fmt: skip
def test_reads_work(either: Store, statement: str, first: tuple[str, object]) -> None:
    columns, rows = either.sql(statement)
    assert columns[0] == first[0] and rows[0][0] == first[1]


def test_explain_of_a_read_works(either: Store) -> None:
    columns, rows = either.sql("EXPLAIN SELECT * FROM events WHERE status = 'asserted'")
    assert rows and columns


def test_a_failing_read_is_a_store_error(either: Store) -> None:
    with pytest.raises(StoreError, match="SQL error"):
        either.sql("SELECT no_such_column FROM events")
    assert either.sql("SELECT count(*) FROM events")[1] == [(5,)]
