"""Every query filter, alone and combined (issue 4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire.errors import QueryError
from eventwire.records import ArticleResult
from eventwire.store import QueryFilters, Store

from .conftest import PARIS as PARIS_PLACE
from .conftest import USA, event, info

pytestmark = pytest.mark.issue(4)

PARIS = (48.8566, 2.3522)  # London is 343.6 km away (great circle); Kharkiv 2,432 km


def ids(store: Store, filters: QueryFilters, limit: int | None = None) -> set[str]:
    return {row["id"] for row in store.query(filters, limit)}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (QueryFilters(), {"a1-0-0", "a1-1-0", "a2-0-0", "a2-1-0", "a2-2-0"}),
        (QueryFilters(source="RUS"), {"a1-0-0"}),
        (QueryFilters(source="RUSGOV"), {"a1-0-0"}),
        (QueryFilters(source="rusgov"), {"a1-0-0"}),
        (QueryFilters(source="RUSMIL"), set()),
        (QueryFilters(source="macron"), {"a2-0-0"}),
        (QueryFilters(source="FRA"), {"a2-0-0"}),
        (QueryFilters(target="RUS"), {"a1-1-0"}),
        (QueryFilters(target="Germany"), {"a2-0-0"}),
        (QueryFilters(dyad=("RUS", "UKR")), {"a1-0-0", "a1-1-0"}),
        (QueryFilters(dyad=("UKR", "RUS")), {"a1-0-0", "a1-1-0"}),
        (QueryFilters(dyad=("CHN", "USA")), {"a2-1-0"}),
        (QueryFilters(dyad=("USA", "RUS")), set()),
        (QueryFilters(plover="consult"), {"a2-0-0"}),
        (QueryFilters(plover="ASSAULT"), {"a1-0-0"}),
        (QueryFilters(cameo="19"), {"a1-0-0"}),
        (QueryFilters(cameo="0"), {"a2-0-0", "a2-2-0"}),
        (QueryFilters(cameo="036"), {"a2-0-0"}),
        (QueryFilters(status="negated"), {"a2-1-0"}),
        (QueryFilters(status="reported"), {"a1-1-0"}),
        (QueryFilters(since=dt.date(2024, 5, 1)), {"a1-1-0", "a2-0-0", "a2-2-0"}),
        (QueryFilters(until=dt.date(2024, 4, 30)), {"a1-0-0", "a2-1-0"}),
        (QueryFilters(since=dt.date(2024, 6, 10), until=dt.date(2024, 6, 10)), {"a2-0-0"}),
        (QueryFilters(country="FRA"), {"a2-0-0", "a2-1-0"}),
        (QueryFilters(country="gbr"), {"a2-0-0"}),
        (QueryFilters(country="UKR"), {"a1-0-0", "a1-1-0"}),
        (QueryFilters(near=PARIS, within_km=1.0), {"a2-1-0"}),
        (QueryFilters(near=PARIS, within_km=342.0), {"a2-1-0"}),
        (QueryFilters(near=PARIS, within_km=345.0), {"a2-1-0", "a2-0-0"}),
        (QueryFilters(near=PARIS, within_km=2440.0), {"a2-1-0", "a2-0-0", "a1-0-0"}),
        (QueryFilters(dyad=("RUS", "UKR"), status="asserted"), {"a1-0-0"}),
        (QueryFilters(country="FRA", since=dt.date(2024, 1, 1)), {"a2-0-0"}),
    ],
)
def test_filter(store: Store, filters: QueryFilters, expected: set[str]) -> None:
    assert ids(store, filters) == expected


def test_rows_are_event_columns_in_date_order(store: Store) -> None:
    rows = list(store.query(QueryFilters()))
    assert [r["id"] for r in rows] == ["a2-1-0", "a1-0-0", "a1-1-0", "a2-2-0", "a2-0-0"]
    assert rows[1]["place_name"] == "Kharkiv" and rows[1]["source_sectors"] == ["GOV"]
    assert rows[1]["event_date"] == dt.date(2024, 4, 28)


def test_limit(store: Store) -> None:
    assert [r["id"] for r in store.query(QueryFilters(), limit=2)] == ["a2-1-0", "a1-0-0"]


def test_a_name_filter_is_a_value_not_sql(store: Store) -> None:
    assert ids(store, QueryFilters(source="x' OR '1'='1")) == set()
    assert ids(store, QueryFilters(source="%")) == set()


@pytest.mark.parametrize(
    "filters",
    [
        QueryFilters(near=PARIS),
        QueryFilters(within_km=10.0),
        QueryFilters(near=PARIS, within_km=-1.0),
        QueryFilters(near=(95.0, 0.0), within_km=10.0),
    ],
)
def test_unusable_radius_filters_are_refused(store: Store, filters: QueryFilters) -> None:
    with pytest.raises(QueryError):
        store.query(filters)


def test_a_radius_across_the_antimeridian() -> None:
    suva = dataclasses.replace(PARIS_PLACE, name="Suva", lat=-18.1416, lon=178.4419)
    result = ArticleResult(
        info("f1", dt.date(2024, 1, 1)), (event("f1", 0, (USA, None), "040", None, place=suva),)
    )
    with Store.open(":memory:") as s:
        s.write_batch([result])
        assert ids(s, QueryFilters(near=(-18.0, -179.5), within_km=250.0)) == {"f1-0-0"}
        assert ids(s, QueryFilters(near=(-18.0, -179.5), within_km=50.0)) == set()
