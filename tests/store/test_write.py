"""Batch writes: idempotent, one transaction, near-duplicates counted on the canonical events,
problems recorded once (issue 4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire.errors import StoreError
from eventwire.records import ArticleResult, Skipped
from eventwire.store import Store

from .conftest import sample_results

pytestmark = pytest.mark.issue(4)
TABLES = ("articles", "events", "actors", "places", "quotations", "amounts", "problems")


def counts(store: Store) -> dict[str, int]:
    return {t: store.sql(f"SELECT count(*) FROM {t}")[1][0][0] for t in TABLES}


def dup(result: ArticleResult, new_id: str, url: str | None) -> ArticleResult:
    """The same story under another id (and URL), as the coder would return it."""
    article = dataclasses.replace(result.article, id=new_id, url=url, source=f"{new_id}.txt")
    return dataclasses.replace(result, article=article)


def test_rows_of_every_kind_are_written(store: Store) -> None:
    assert counts(store) == {
        "articles": 2, "events": 5, "actors": 6, "places": 3, "quotations": 1,
        "amounts": 2, "problems": 1,
    }  # fmt: skip
    _, rows = store.sql("SELECT event_id, text FROM amounts ORDER BY start")
    assert rows == [("a1-0-0", "four people"), (None, "5 km")]
    _, rows = store.sql("SELECT id, event_date, source_sectors FROM events ORDER BY id")
    assert rows[:4] == [
        ("a1-0-0", dt.date(2024, 4, 28), ["GOV"]),
        ("a1-1-0", dt.date(2024, 5, 1), []),
        ("a2-0-0", dt.date(2024, 6, 10), ["GOV", "ELI"]),  # no date: the published date
        ("a2-1-0", dt.date(2023, 1, 1), []),
    ]


def test_the_same_batch_twice_adds_nothing(store: Store) -> None:
    before = counts(store)
    store.write_batch(sample_results(), [Skipped("x.bin", "binary data")])
    after_first = counts(store)
    store.write_batch(sample_results(), [Skipped("x.bin", "binary data")])
    assert counts(store) == after_first
    assert after_first == {**before, "problems": before["problems"] + 1}


def test_ids_already_stored_are_known(store: Store) -> None:
    assert store.known_ids(["a1", "zz", "a2"]) == {"a1", "a2"}
    assert store.known_ids([]) == set()


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    before = counts(store)
    broken = dup(sample_results()[0], "a9", None)
    clash = dataclasses.replace(broken, events=sample_results()[1].events)  # ids of a2 events
    with pytest.raises(StoreError, match="cannot write"):
        store.write_batch([clash], [Skipped("new.txt", "empty file")])
    assert counts(store) == before


def test_duplicates_count_articles_and_sources_on_the_canonical_events() -> None:
    a1 = sample_results()[0]
    with Store.open(":memory:") as store:
        store.write_batch(
            [a1, dup(a1, "d1", "https://example.com/b"), dup(a1, "d2", "https://other.org/c")],
            duplicates={"d1": "a1", "d2": "a1"},
        )
        _, rows = store.sql("SELECT DISTINCT n_articles, n_sources FROM events")
        assert rows == [(3, 2)]  # www.example.com and example.com are one host
        _, rows = store.sql("SELECT id, canonical_id, n_events FROM articles ORDER BY id")
        assert rows == [("a1", None, 2), ("d1", "a1", 0), ("d2", "a1", 0)]
        assert store.summary() == {
            "articles": 3, "canonical_articles": 1, "duplicates": 2, "events": 2,
            "problems": 1,
        }  # fmt: skip
        store.write_batch([dup(a1, "d1", "https://example.com/b")], duplicates={"d1": "a1"})
        assert store.sql("SELECT DISTINCT n_articles, n_sources FROM events")[1] == [(3, 2)]
        # a later run: a copy of a copy is counted on the original
        store.write_batch([dup(a1, "d3", "https://third.net/x")], duplicates={"d3": "d2"})
        assert store.sql("SELECT DISTINCT n_articles, n_sources FROM events")[1] == [(4, 3)]
        assert store.sql("SELECT canonical_id FROM articles WHERE id = 'd3'")[1] == [("a1",)]


def test_a_duplicate_without_a_result_is_still_linked() -> None:
    a1 = sample_results()[0]
    with Store.open(":memory:") as store:
        store.write_batch([a1], texts={"a1": "The text."})
        store.write_batch([], duplicates={"d9": "a1"}, texts={"d9": "The text!"})
        _, rows = store.sql("SELECT id, canonical_id, text FROM articles ORDER BY id")
        assert rows == [("a1", None, "The text."), ("d9", "a1", "The text!")]
        assert store.sql("SELECT DISTINCT n_articles FROM events")[1] == [(2,)]


def test_problems_are_recorded_once_in_order(store: Store) -> None:
    store.write_batch([], [Skipped("empty.txt", "empty file"), Skipped("b.bin", "binary data")])
    store.write_batch([], [Skipped("empty.txt", "empty file"), Skipped("empty.txt", "other")])
    store.write_batch([], [Skipped("empty.txt", "empty file")] * 2)
    found = store.problems()
    assert [(s, r) for s, r, _ in found] == [
        ("a1.txt", "W301 unresolvable date 'last blursday' (sentence 1)"),
        ("empty.txt", "empty file"),
        ("b.bin", "binary data"),
        ("empty.txt", "other"),
    ]
    assert all(dt.datetime.fromisoformat(t) for _, _, t in found)
    _, rows = store.sql("SELECT article_id FROM problems ORDER BY rowid")
    assert rows == [("a1",), (None,), (None,), (None,)]
