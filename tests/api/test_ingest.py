"""ingest_articles: Article records into the store, as `eventwire ingest` does (issue 6)."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

import pytest

from eventwire import Pipeline
from eventwire.api import ingest_articles
from eventwire.records import Article, Skipped
from eventwire.store import Store

from .conftest import COPY_ID, KYIV_ID, PARIS_ID, articles

pytestmark = [pytest.mark.issue(6), pytest.mark.model]


class CountingLock:
    """A lock that counts how often it is taken and checks it is never taken twice."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.taken = 0

    def __enter__(self) -> None:
        assert self.lock.acquire(blocking=False), "taken while held"
        self.taken += 1

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.lock.release()


def test_outcomes_accounting_and_idempotency(tmp_path: Path, pipeline: Pipeline) -> None:
    items: list[Article | Skipped] = [*articles(), Skipped("api", "item 3: empty input")]
    store_lock, pipeline_lock = CountingLock(), CountingLock()
    with Store.open(tmp_path / "e.duckdb") as store:
        run = ingest_articles(
            items, store, pipeline, batch_size=2, store_lock=store_lock,
            pipeline_lock=pipeline_lock,
        )  # fmt: skip
        first = store.summary()
        again = ingest_articles([*articles(), articles()[0]], store, pipeline)
        assert store.summary() == first
        assert store.problems()[0][:2] == ("api", "item 3: empty input")
    assert [(a.id, a.outcome) for a in run.articles] == [
        (KYIV_ID, "coded"), (PARIS_ID, "coded"), (COPY_ID, "duplicate"),
    ]  # fmt: skip
    assert run.articles[2].canonical_id == KYIV_ID
    report = run.report
    assert (report.read, report.coded, report.duplicates, report.already) == (4, 2, 1, 0)
    assert len(report.skipped) == 1 and report.events == sum(a.events for a in run.articles)
    assert first["articles"] == 3 and first["duplicates"] == 1 and first["problems"] == 1
    assert store_lock.taken == 5 and pipeline_lock.taken == 2  # load + 2 batches x 2
    assert [a.outcome for a in again.articles] == ["already"] * 4


def test_articles_need_an_id(tmp_path: Path, pipeline: Pipeline) -> None:
    with Store.open(tmp_path / "e.duckdb") as store, pytest.raises(ValueError, match="an id"):
        ingest_articles([Article("Russia condemned the attack.")], store, pipeline)
