"""The read-only store views the API serves, over hand-built results (issue 6)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.store import QueryFilters, Store, views

from ..store.conftest import sample_results

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        results = sample_results()
        s.write_batch(results, texts={r.article.id: "text " * 30 for r in results})
        yield s


def test_pages_by_offset_and_by_key(store: Store) -> None:
    everything = [r["id"] for r in views.events_page(store, QueryFilters(), limit=100).rows]
    assert everything == ["a2-1-0", "a1-0-0", "a1-1-0", "a2-2-0", "a2-0-0"]
    page = views.events_page(store, QueryFilters(), limit=2, offset=2)
    assert [r["id"] for r in page.rows] == everything[2:4] and page.more and page.total == 5
    seen, after = [], None
    while True:
        page = views.events_page(store, QueryFilters(), limit=2, after=after)
        seen += [r["id"] for r in page.rows]
        if not page.more:
            break
        after = (page.rows[-1]["event_date"], page.rows[-1]["id"])
    assert seen == everything


def test_filters_apply_to_pages_dyads_and_stats(store: Store) -> None:
    russia = QueryFilters(country="RUS")
    assert views.events_page(store, russia, limit=10).total == 2
    pairs = {(d["source"], d["target"]) for d in views.dyads(store, russia).rows}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}
    assert views.stats(store, russia)["total"] == 2


def test_an_article_with_its_spans(store: Store) -> None:
    found = views.article(store, "a1")
    assert found is not None and found["title"] == "Title a1"
    assert [e["id"] for e in found["events"]] == ["a1-0-0", "a1-1-0"]
    held = {a["text"]: a["event_ids"] for a in found["amounts"]}
    assert held == {"four people": ["a1-0-0"], "5 km": []}
    assert found["quotations"][0]["speaker_code"] == "UKR" and found["duplicates"] == []
    assert views.article(store, "missing") is None and views.event(store, "missing") is None


def test_dyads_count_by_quad_class(store: Store) -> None:
    rows = {(d["source"], d["target"]): d for d in views.dyads(store, QueryFilters()).rows}
    assert rows[("RUS", "UKR")]["material_conflict"] == 1
    assert rows[("FRA", "DEU")]["verbal_cooperation"] == 1
    assert ("DEU", None) not in rows  # an event without a target is no dyad
    by_code = views.dyads(store, QueryFilters(), level="code", limit=1)
    assert len(by_code.rows) == 1 and by_code.more and by_code.total == 4


def test_actors_and_stats(store: Store) -> None:
    page = views.actors(store, search="russ")
    assert [(a["code"], a["as_source"], a["as_target"]) for a in page.rows] == [("RUSGOV", 1, 1)]
    assert views.actors(store, country="fra").rows[0]["name"] == "Emmanuel Macron"
    assert views.actors(store, offset=100).total == 6
    stats = views.stats(store, QueryFilters())
    assert stats["total"] == 5
    assert {"key": None, "events": 1} in stats["by_type"]  # a plain statement
    assert [c["key"] for c in stats["by_month"]] == ["2023-01", "2024-04", "2024-05", "2024-06"]
    assert {"key": "GBR", "events": 1} in stats["by_country"]  # the place's country counts
