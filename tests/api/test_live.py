"""LiveIndex: the server's event index follows writes, including writes made while a full
index is being built, and a write of unknown extent makes it build again (issue 6)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.api.live import LiveIndex
from eventwire.store import QueryFilters, Store, index
from eventwire.store.index import EventIndex, Overlay

from ..store.conftest import sample_results
from ..store.test_index import same_page, varied

pytestmark = pytest.mark.issue(6)


def ready(live: LiveIndex) -> EventIndex | Overlay:
    deadline = time.monotonic() + 30
    while live.current is None:
        assert live.state == "building" and time.monotonic() < deadline, live.state
        time.sleep(0.02)
    return live.current


def same_as_sql(store: Store, found: EventIndex | Overlay) -> None:
    assert found.size == store.summary()["events"]
    for filters in [QueryFilters(), QueryFilters(source="rus"), QueryFilters(status="asserted")]:
        same_page(store, found, filters, limit=1000)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        s.write_batch(sample_results())
        yield s


@pytest.fixture
def live(store: Store) -> Iterator[LiveIndex]:
    live = LiveIndex(store, threading.Lock(), None, enabled=True)
    yield live
    live.close()


def test_writes_are_laid_over_the_index(store: Store, live: LiveIndex) -> None:
    live.rebuild()
    ready(live)
    for step in range(3):
        results = varied(step, 5, prefix=f"s{step}-")
        store.write_batch(results)
        live.written(r.article.id for r in results)
        assert isinstance(live.current, Overlay) and live.state == "ready"
        same_as_sql(store, live.current)


def held_build(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Make the first full build wait, once its snapshot is read, until ``go`` is set."""
    started, go = threading.Event(), threading.Event()
    build = EventIndex.build

    def slow_build(*args: Any, **kwargs: Any) -> EventIndex:
        found = build(*args, **kwargs)
        if kwargs.get("articles") is None and len(args) < 3 and not started.is_set():
            started.set()
            assert go.wait(30)
        return found

    monkeypatch.setattr(EventIndex, "build", slow_build)
    return started, go


def test_a_write_during_a_build_is_not_lost(
    store: Store, live: LiveIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go = held_build(monkeypatch)
    live.rebuild()
    assert started.wait(30)  # its snapshot is taken: this write comes after it
    results = varied(9, 8, prefix="late-")
    store.write_batch(results)
    live.written(r.article.id for r in results)
    assert live.current is None and live.state == "building"
    go.set()
    found = ready(live)
    assert isinstance(found, Overlay)
    same_as_sql(store, found)


def test_a_reset_during_a_build_builds_again(
    store: Store, live: LiveIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go = held_build(monkeypatch)
    live.rebuild()
    assert started.wait(30)
    store.write_batch(varied(8, 8, prefix="unsaid-"))  # after the snapshot, nobody says what
    live.reset()
    go.set()
    same_as_sql(store, ready(live))


def test_a_reset_builds_everything_again(store: Store, live: LiveIndex) -> None:
    live.rebuild()
    ready(live)
    store.write_batch(varied(4, 6, prefix="lost-"))  # nobody says which articles
    live.reset()
    found = ready(live)
    assert isinstance(found, EventIndex)
    same_as_sql(store, found)


def test_a_failed_overlay_falls_back_then_rebuilds(
    store: Store, live: LiveIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    live.rebuild()
    ready(live)
    results = varied(5, 4, prefix="f-")
    store.write_batch(results)
    monkeypatch.setattr(index, "_ONLY", "WHERE no_such_column")  # the overlay's read fails
    live.written(r.article.id for r in results)
    found = ready(live)  # the full build does not need _ONLY
    assert isinstance(found, EventIndex)
    same_as_sql(store, found)


def test_off_means_no_index(store: Store) -> None:
    off = LiveIndex(store, threading.Lock(), None, enabled=False)
    off.rebuild()
    off.written(["a1"])
    assert off.current is None and off.state == "off"


def test_close_stops_a_build_under_way(
    store: Store, live: LiveIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go = held_build(monkeypatch)
    live.rebuild()
    assert started.wait(30)
    closing = threading.Thread(target=live.close)
    closing.start()
    go.set()
    closing.join(30)
    assert not closing.is_alive() and live.current is None and live.state == "off"
