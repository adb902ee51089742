"""The in-memory event index answers exactly the pages the SQL path answers (issue 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.api.models import EventRow
from eventwire.errors import QueryError
from eventwire.records import Actor, ArticleResult, Place
from eventwire.store import QueryFilters, Store, index, views
from eventwire.store.index import EventIndex, Overlay
from eventwire.store.synthetic import fill_synthetic_events

from .conftest import actor, day, event, info, sample_results

pytestmark = pytest.mark.issue(6)

ACTORS = [
    actor("Russian government", "RUS", "RUSGOV", ("GOV",)),
    actor("Ukraine", "UKR", "UKR"),
    actor("Belarus", "BLR", "BLR"),  # its name contains "rus"
    actor("İlham Əliyev", "AZE", "AZEGOV"),  # lower() differs between Python and DuckDB
    actor('Le "Monde" <script>alert(1)</script>', "FRA", "FRAMED"),
    actor("Nobody", "", "UNK"),
    actor("Wagner mercenaries", "RUS", "MNCMIL"),  # a country its code does not start with
    Actor("the rebels", 0, 10, None, "group", None, (), None, None, 0),  # no name, code, country
]
PLACES = [
    Place("Kharkiv", 0, 7, "Kharkiv", "UKR", None, 49.9935, 36.2304, 706483, "city"),
    Place("Minsk", 0, 5, "Minsk", "BLR", None, 53.9, 27.5667, 625144, "city"),
    Place("Suva", 0, 4, "Suva", "FJI", None, -18.1416, 178.4415, 2198148, "city"),  # date line
    Place("Longyearbyen", 0, 12, "Longyearbyen", "NOR", None, 78.2232, 15.6267, 2729907, "city"),
    Place("somewhere", 0, 9, "somewhere", "SYR", None, None, None, None, "region"),
    Place("halfway", 0, 7, "halfway", "SDN", None, 15.0, None, None, "region"),  # no longitude
]
CAMEO = [("190", "ASSAULT"), ("036", "CONSULT"), ("111", "ACCUSE"), ("010", None), ("1831", None)]
STATUS = ["asserted", "reported", "negated", "planned"]


def varied(seed: int, articles: int, prefix: str = "v") -> list[ArticleResult]:
    """Articles of random events: actors with odd names or none, undated events in undated
    articles, places across the date line and near a pole, sentences with newlines."""
    rng = random.Random(seed)
    out = []
    for a in range(articles):
        published = None if rng.random() < 0.1 else dt.date(2020, 1, 1) + dt.timedelta(a * 3)
        events = []
        for n in range(rng.randrange(0, 6)):
            cameo, plover = rng.choice(CAMEO)
            when = rng.choice([None, None, day(f"2021-0{rng.randrange(1, 10)}-1{n}")])
            pair = (rng.choice([*ACTORS, None]), rng.choice([*ACTORS, None]))
            e = event(
                f"{prefix}{a}", n, pair, cameo, plover,
                rng.choice(STATUS), when, rng.choice([*PLACES, None]),  # type: ignore[arg-type]
            )  # fmt: skip
            events.append(dataclasses.replace(e, text=f'Line one\n"two"\t{n} ünï <b>'))
        out.append(ArticleResult(article=info(f"{prefix}{a}", published), events=tuple(events)))
    return out


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        s.write_batch(sample_results())
        s.write_batch(varied(7, 400))
        fill_synthetic_events(s, 3000, seed=3)
        yield s


@pytest.fixture(scope="module")
def built(store: Store) -> EventIndex:
    return EventIndex.build(store._con.cursor())


def as_api(rows: list[dict[str, Any]]) -> list[Any]:
    """Rows as the API's slow path serialises them."""
    return [json.loads(EventRow.model_validate(r).model_dump_json()) for r in rows]


def same_page(
    store: Store, built: EventIndex | Overlay, filters: QueryFilters, **paging: Any
) -> bool:
    page = views.events_page(store, filters, **paging)
    found = built.select(filters, **paging)
    assert (found.total, found.more) == (page.total, page.more), filters
    assert json.loads(built.json(found.rows)) == as_api(page.rows), filters
    if page.more:
        last = page.rows[-1]
        assert built.key(int(found.rows[-1])) == (last["event_date"], last["id"])
    return page.more


def random_filters(rng: random.Random) -> QueryFilters:
    words = ["RUS", "rus", "UKR", "ukr", "əliyev", "İlham", "AZE", "<script>", "FRAM", "UNK", "X"]
    f: dict[str, Any] = {}
    if rng.random() < 0.3:
        f["source"] = rng.choice(words)
    if rng.random() < 0.3:
        f["target"] = rng.choice(words)
    if rng.random() < 0.3:
        f["dyad"] = (rng.choice(words), rng.choice(words))
    if rng.random() < 0.3:
        f["plover"] = rng.choice(["ASSAULT", "consult", "ACCUSE", "COERCE"])
    if rng.random() < 0.3:
        f["cameo"] = rng.choice(["1", "19", "036", "18", "0"])
    if rng.random() < 0.2:
        f["status"] = rng.choice(STATUS)
    if rng.random() < 0.3:
        f["country"] = rng.choice(["RUS", "ukr", "BLR", "SYR", "FJI", "USA"])
    if rng.random() < 0.4:
        since = dt.date(2014, 1, 1) + dt.timedelta(rng.randrange(0, 4000))
        f["since"] = rng.choice([since, None])
        f["until"] = rng.choice([since + dt.timedelta(rng.randrange(0, 900)), None])
    if rng.random() < 0.3:
        f["near"] = rng.choice(
            [
                (50.0, 36.0),
                (-18.0, 179.9),
                (-18.0, -179.9),
                (78.0, 15.0),
                (89.9, 0.0),
                (39.9, 116.4),
            ]
        )
        f["within_km"] = rng.choice([1.0, 60.0, 400.0, 3000.0, 20100.0])  # 20100: the globe
    return QueryFilters(**f)


def test_every_filter_combination_gives_the_sql_page(store: Store, built: EventIndex) -> None:
    rng = random.Random(11)
    nonempty = 0
    for _ in range(400):
        filters = random_filters(rng)
        paging = rng.choice([{"limit": 5}, {"limit": 50, "offset": 3}, {"limit": 1000}])
        same_page(store, built, filters, **paging)
        nonempty += views.events_page(store, filters, limit=1).total > 0
    assert nonempty > 150  # the filters do select something


def test_cursor_pages_walk_the_same_rows(store: Store, built: EventIndex) -> None:
    for filters in [QueryFilters(), QueryFilters(status="asserted"), QueryFilters(source="rus")]:
        after = None
        for _ in range(40):
            more = same_page(store, built, filters, limit=397, after=after)
            if not more:
                break
            last = views.events_page(store, filters, limit=397, after=after).rows[-1]
            after = (last["event_date"], last["id"])
        assert not more


def test_undated_events_come_last_and_are_outside_any_window(
    store: Store, built: EventIndex
) -> None:
    undated = built.select(QueryFilters(), limit=1000, offset=built.dated)
    assert undated.total == built.size and len(undated.rows) > 0
    assert all(built.key(int(r))[0] is None for r in undated.rows)
    window = QueryFilters(since=dt.date(1900, 1, 1))
    assert built.select(window, limit=1).total == built.dated
    same_page(store, built, QueryFilters(), limit=10, after=(None, ""))


def test_a_small_cache_evicts_and_answers_the_same(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "CACHE_ROWS", 100)
    small = EventIndex.build(store._con.cursor())
    rng = random.Random(5)
    for _ in range(60):
        same_page(store, small, random_filters(rng), limit=20)
    assert small._cached_rows <= 100 or len(small._cache) == 1


def test_an_empty_store_and_bad_filters(store: Store) -> None:
    with Store.open(":memory:") as empty:
        nothing = EventIndex.build(empty._con.cursor())
        found = nothing.select(QueryFilters(source="RUS", near=(1.0, 1.0), within_km=5), limit=9)
        assert (found.total, found.more, nothing.json(found.rows)) == (0, False, b"[]")
    built = EventIndex.build(store._con.cursor())
    for bad in [QueryFilters(near=(91.0, 0.0), within_km=5), QueryFilters(within_km=5.0)]:
        with pytest.raises(QueryError) as sql:
            views.events_page(store, bad, limit=1)
        with pytest.raises(QueryError) as fast:
            built.select(bad, limit=1)
        assert str(fast.value) == str(sql.value)


def test_the_index_is_a_snapshot(store: Store) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(sample_results())
        before = EventIndex.build(s._con.cursor())
        s.write_batch(varied(3, 20))
        after = EventIndex.build(s._con.cursor())
        assert before.size == 5 and after.size > 5
        same_page(s, after, QueryFilters(), limit=1000)


def test_an_overlay_follows_writes(store: Store) -> None:
    """New articles, near-duplicates that recount their canonical's events, and a write that
    adds nothing: after each, the overlay answers what the SQL answers."""
    with Store.open(":memory:") as s:
        s.write_batch(varied(7, 300))
        fill_synthetic_events(s, 2000, seed=4)
        current: EventIndex | Overlay = EventIndex.build(s._con.cursor())
        rng = random.Random(2)
        for step in range(6):
            fresh = varied(100 + step, 30, prefix=f"w{step}-")
            copies = {f"copy{step}-{n}": f"v{rng.randrange(300)}" for n in range(3)}
            copied = [
                ArticleResult(article=info(c, dt.date(2022, 1, 1)), events=()) for c in copies
            ]
            s.write_batch(fresh + copied, duplicates=copies)
            written = [r.article.id for r in fresh] + list(copies.values())
            current = Overlay.build(current, s._con.cursor(), written)
            assert current.size == s.summary()["events"]
            for _ in range(40):
                filters = random_filters(rng)
                paging = rng.choice([{"limit": 7}, {"limit": 30, "offset": 11}, {"limit": 1000}])
                same_page(s, current, filters, **paging)
            for filters in [QueryFilters(), QueryFilters(status="asserted")]:
                after = None
                for _ in range(100):
                    if not same_page(s, current, filters, limit=211, after=after):
                        break
                    last = views.events_page(s, filters, limit=211, after=after).rows[-1]
                    after = (last["event_date"], last["id"])
        assert isinstance(current, Overlay) and current.delta.size > 300
        assert len(current.hidden) > 0  # recounted events replace their old rows


def test_a_place_without_a_longitude_is_at_no_distance(store: Store, built: EventIndex) -> None:
    everywhere = QueryFilters(near=(15.0, 0.0), within_km=20100.0)
    found = json.loads(built.json(built.select(everywhere, limit=1000).rows))
    assert found and all(e["place_lon"] is not None for e in found)
    same_page(store, built, everywhere, limit=1000)
    assert store.sql("SELECT count(*) FROM events WHERE place_lon IS NULL")[1][0][0] > 0


def test_events_without_an_article_id_and_nan_doubles(store: Store) -> None:
    with Store.open(":memory:") as s:
        s.write_batch(sample_results())
        s._con.execute(
            "INSERT INTO events (id, article_id, goldstein, confidence) VALUES "
            "('orphan-1', NULL, 'NaN'::DOUBLE, 'inf'::DOUBLE)"
        )
        base = EventIndex.build(s._con.cursor())
        overlay = Overlay.build(base, s._con.cursor(), ["a1", "no-such-article"])
        assert len(overlay.hidden) == 2 and overlay.delta.size == 2
        for found in (base, overlay):
            page = json.loads(found.json(found.select(QueryFilters(), limit=100).rows))
            orphan = next(e for e in page if e["id"] == "orphan-1")
            assert orphan["goldstein"] is None and orphan["confidence"] is None  # as the API


def test_what_is_answered_at_once(built: EventIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = QueryFilters(source="rus", since=dt.date(2020, 1, 1))
    built.select(seen, limit=1)
    assert built.answers_at_once(QueryFilters(since=dt.date(2021, 1, 1)))
    assert built.answers_at_once(dataclasses.replace(seen, since=None, until=dt.date(2022, 1, 1)))
    assert not built.answers_at_once(QueryFilters(source="a never seen filter"))
    assert built.answers_at_once(QueryFilters(near=(1.0, 1.0), within_km=5.0))
    monkeypatch.setattr(index, "INLINE_ROWS", 10)
    assert not built.answers_at_once(QueryFilters(near=(1.0, 1.0), within_km=20100.0))
