"""API fixtures: a store filled through ``ingest_articles`` with three short invented articles
(one a near-copy of another), and test clients of apps over copies of it."""

from __future__ import annotations

import datetime as dt
import shutil
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire import Pipeline
from eventwire.api import ApiSettings, create_app, ingest_articles
from eventwire.ingest import article_id
from eventwire.records import Article
from eventwire.store import Store

with warnings.catch_warnings():  # starlette's notice about the httpx package it wraps
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

KYIV = (
    "KYIV, Ukraine — Russian forces shelled the city of Kharkiv on Tuesday, killing at least "
    "four people, Ukrainian officials said. Ukraine's foreign ministry accused Russia of "
    'deliberately targeting civilians. "We will respond to this crime," Foreign Minister '
    "Dmytro Kuleba said."
)
KYIV_COPY = KYIV + " The attack was condemned abroad."
PARIS = (
    "PARIS — French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on "
    "Monday to discuss military aid to Ukraine. The two leaders agreed to increase their "
    "support, and France will send more air defence systems next month."
)
KYIV_URL = "https://kyiv.example.org/shelling"
COPY_URL = "https://wire.example.com/shelling"
KYIV_ID = article_id(KYIV, KYIV_URL)
COPY_ID = article_id(KYIV_COPY, COPY_URL)
PARIS_ID = article_id(PARIS)


def articles() -> list[Article]:
    return [
        Article(KYIV, KYIV_ID, "kyiv-desk", "Kharkiv shelled", dt.date(2024, 5, 7), KYIV_URL),
        Article(PARIS, PARIS_ID, "paris-desk", "Macron meets Scholz", dt.date(2024, 5, 6)),
        Article(KYIV_COPY, COPY_ID, "wire", None, dt.date(2024, 5, 7), COPY_URL),
    ]


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A closed store file holding the three articles (the copy linked to KYIV)."""
    db = tmp_path_factory.mktemp("api") / "filled.duckdb"
    with Store.open(db) as store:
        run = ingest_articles(articles(), store, pipeline)
    assert [a.outcome for a in run.articles] == ["coded", "coded", "duplicate"]
    return db


def copy_db(filled_db: Path, folder: Path) -> Path:
    target = folder / f"events{len(list(folder.glob('events*.duckdb')))}.duckdb"
    shutil.copyfile(filled_db, target)
    return target


AppFactory = Callable[..., TestClient]


def index_ready(client: TestClient, timeout: float = 60.0) -> TestClient:
    """Wait until the server's event index is built (pages then come from it)."""
    deadline = time.monotonic() + timeout
    while (state := client.get("/v1/health").json()["index"]) != "ready":
        assert state == "building" and time.monotonic() < deadline, state
        time.sleep(0.05)
    return client


@pytest.fixture
def make_client(filled_db: Path, tmp_path: Path, pipeline: Pipeline) -> Iterator[AppFactory]:
    """A started TestClient over a fresh copy of the filled store; settings as keywords."""
    started: list[TestClient] = []

    def make(**settings: Any) -> TestClient:
        settings.setdefault("db", copy_db(filled_db, tmp_path))
        settings.setdefault("token", TOKEN)
        client = TestClient(create_app(ApiSettings(**settings), pipeline=pipeline))
        client.__enter__()
        started.append(client)
        return client

    yield make
    for client in started:
        client.__exit__(None, None, None)


@pytest.fixture(scope="session")
def client(
    filled_db: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[TestClient]:
    """One client for the tests that only read (over its own copy of the store)."""
    db = copy_db(filled_db, tmp_path_factory.mktemp("shared"))
    with TestClient(create_app(ApiSettings(db=db, token=TOKEN), pipeline=pipeline)) as c:
        yield index_ready(c)
