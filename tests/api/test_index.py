"""Pages of events from the server's in-memory index equal those from the database, and the
index follows writes (issue 6)."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from eventwire.api import live
from eventwire.errors import StoreError
from eventwire.store.index import EventIndex, Overlay

from .conftest import AUTH, KYIV, KYIV_ID, PARIS, AppFactory, index_ready

pytestmark = [pytest.mark.issue(6), pytest.mark.model]

QUERIES = [
    {},
    {"limit": "1"},
    {"limit": "2", "offset": "1"},
    {"source": "FRA"},
    {"source": "macron"},
    {"dyad": "DEU,FRA"},
    {"type": "consult", "since": "2024-05-01"},
    {"cameo": "04", "until": "2024-05-06"},
    {"country": "ukr", "status": "asserted"},
    {"near": "Paris", "within": "60km"},
    {"near": "48.85,2.35", "within": "3000km", "since": "2024-01-01", "until": "2024-12-31"},
    {"target": "nobody at all"},
]


def pages(client: TestClient) -> list[object]:
    out = []
    for query in QUERIES:
        response = client.get("/v1/events", params=query)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        out.append(response.json())
        cursor = response.json()["next_cursor"]
        while cursor is not None:  # every page of the query
            query = {k: v for k, v in query.items() if k != "offset"} | {"cursor": cursor}
            response = client.get("/v1/events", params=query)
            assert response.status_code == 200, response.text
            following = response.json()
            out.append(following)
            cursor = following["next_cursor"]
    return out


def test_index_and_database_give_the_same_pages(make_client: AppFactory) -> None:
    fast = index_ready(make_client())
    slow = make_client(index=False)
    assert slow.get("/v1/health").json()["index"] == "off"
    answered = pages(fast)
    assert answered == pages(slow)
    assert sum(len(p["events"]) for p in answered if isinstance(p, dict)) > 10


def test_writes_show_at_once_and_pages_still_match_the_database(
    make_client: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = index_ready(make_client())
    service = client.app.state.service  # type: ignore[attr-defined]
    before = client.get("/v1/events", params={"limit": "1000"}).json()
    posts = [
        {"text": PARIS.replace("Paris", "Lyon").replace("Monday", "Friday")},
        {"text": KYIV + " Officials gave no details.", "url": "https://third.example.net/k"},
    ]
    posted = client.post("/v1/articles", json=posts, headers=AUTH)
    assert [i["outcome"] for i in posted.json()["items"]] == ["coded", "duplicate"], posted.text
    assert client.get("/v1/health").json()["index"] == "ready"  # no rebuild for a small write
    assert isinstance(service.index, Overlay)
    after = client.get("/v1/events", params={"limit": "1000"}).json()
    assert after["total"] == before["total"] + posted.json()["events"] > before["total"]
    kyiv = [e for e in after["events"] if e["article_id"] == KYIV_ID]
    assert kyiv and all(e["n_articles"] == 3 for e in kyiv)  # the copy counted at once
    answered = pages(client)
    monkeypatch.setattr(service.events, "current", None)  # pages from the database
    assert pages(client) == answered


def test_a_large_write_builds_a_new_index(
    make_client: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "REBUILD_EVENTS", 1)
    client = index_ready(make_client())
    service = client.app.state.service  # type: ignore[attr-defined]
    text = PARIS.replace("Paris", "Lyon").replace("Monday", "Friday")
    posted = client.post("/v1/articles", json=[{"text": text}], headers=AUTH)
    assert posted.status_code == 200 and posted.json()["events"] > 0
    deadline = time.monotonic() + 30
    while not isinstance(service.index, EventIndex):  # the overlay, then a full index
        assert time.monotonic() < deadline
        time.sleep(0.05)
    answered = pages(client)
    monkeypatch.setattr(service.events, "current", None)
    assert pages(client) == answered


def test_without_an_index_pages_come_from_the_database(
    make_client: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise StoreError("cannot index the events: disk full")

    monkeypatch.setattr(EventIndex, "build", fail)
    client = make_client()
    deadline = time.monotonic() + 30
    while client.get("/v1/health").json()["index"] == "building":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert client.get("/v1/health").json()["index"] == "failed"
    page = client.get("/v1/events", params={"source": "FRA"})
    assert page.status_code == 200 and page.json()["total"] > 0
