"""POST /v1/code (nothing stored) and POST /v1/articles (the token, the accounting) (issue 6)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire import Pipeline
from eventwire.store import NearDuplicates

from .conftest import AUTH, KYIV, KYIV_ID, PARIS, PARIS_ID, TOKEN, AppFactory

pytestmark = [pytest.mark.issue(6), pytest.mark.model]

GERMAN = (
    "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die "
    "Lage in der Ukraine gesprochen und eine engere Zusammenarbeit der beiden Länder bei der "
    "Verteidigung angekündigt, wie ein Sprecher der Regierung nach dem Treffen mitteilte."
)
NEW = (
    "NAIROBI, Kenya — Kenyan police arrested dozens of protesters in Nairobi on Thursday, "
    "the interior ministry said. Opposition leaders condemned the arrests."
)


def test_code_is_the_result_of_eventwire_code(make_client: AppFactory, pipeline: Pipeline) -> None:
    client = make_client()
    response = client.post("/v1/code", json={"text": PARIS, "date": "2024-05-06"})
    assert response.status_code == 200, response.text
    expected = pipeline.code(PARIS, published=dt.date(2024, 5, 6)).to_dict()
    expected["article"]["source"] = "<request>"
    assert response.json() == json.loads(json.dumps(expected))
    assert response.json()["article"]["id"] == PARIS_ID
    assert client.get("/v1/health").json()["articles"] == 3  # nothing stored


def test_code_without_a_date_leaves_relative_dates_unresolved(make_client: AppFactory) -> None:
    body = make_client().post("/v1/code", json={"text": PARIS}).json()
    assert body["article"]["published"] is None and body["events"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty input"), ("   \n ", "empty input"), (GERMAN, "does not look like English")],
)
def test_code_refuses_empty_and_non_english_text(
    make_client: AppFactory, text: str, message: str
) -> None:
    response = make_client().post("/v1/code", json={"text": text})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "text"] and message in error["msg"]


def test_posting_articles_needs_the_token(make_client: AppFactory) -> None:
    client = make_client()
    body = [{"text": NEW}]
    missing = client.post("/v1/articles", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in missing.json()["detail"]
    wrong = client.post("/v1/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["detail"] == "invalid token"
    basic = client.post("/v1/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert client.get("/v1/health").json()["articles"] == 3


def test_without_a_token_writes_are_disabled(make_client: AppFactory) -> None:
    client = make_client(token=None)
    response = client.post("/v1/articles", json=[{"text": NEW}], headers=AUTH)
    assert response.status_code == 403 and "disabled" in response.json()["detail"]
    assert client.post("/v1/code", json={"text": NEW}).status_code == 200  # stores nothing


def test_posted_articles_are_ingested_and_accounted_for(make_client: AppFactory) -> None:
    client = make_client()
    posted = [
        {"text": NEW, "title": "Arrests", "url": "https://ke.example/a", "published": "2024-06-06"},
        {"text": KYIV, "url": "https://kyiv.example.org/shelling"},  # already stored
        {"text": "   "},
        {"text": GERMAN, "source": "feed-7"},
        {"text": NEW + " (Updated.)", "url": "https://other.example/b"},
    ]
    response = client.post("/v1/articles", json=posted, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert {k: body[k] for k in ("read", "coded", "duplicates", "already", "skipped")} == {
        "read": 5, "coded": 1, "duplicates": 1, "already": 1, "skipped": 2,
    }  # fmt: skip
    items = body["items"]
    assert [i["outcome"] for i in items] == ["coded", "already", "skipped", "skipped", "duplicate"]
    assert items[1]["id"] == KYIV_ID and items[4]["canonical_id"] == items[0]["id"]
    assert "not look like English" in items[3]["reason"] and items[2]["reason"].startswith("item 2")
    assert body["events"] == items[0]["events"] >= 1
    stored = client.get(f"/v1/articles/{items[0]['id']}").json()
    assert stored["title"] == "Arrests" and stored["published"] == "2024-06-06"
    assert client.get("/v1/health").json()["articles"] == 5
    again = client.post("/v1/articles", json=posted[:1], headers=AUTH).json()
    assert again["already"] == 1 and again["coded"] == 0


def test_an_empty_list_ingests_nothing(make_client: AppFactory) -> None:
    body = make_client().post("/v1/articles", json=[], headers=AUTH).json()
    assert body["read"] == 0 and body["items"] == []


def test_the_stored_articles_are_read_once_for_near_duplicates(
    make_client: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = []
    load = NearDuplicates.load
    monkeypatch.setattr(
        NearDuplicates, "load", lambda self, store: loads.append(1) or load(self, store)
    )
    client = make_client()

    def post(text: str, url: str) -> str:
        answer = client.post("/v1/articles", json=[{"text": text, "url": url}], headers=AUTH)
        assert answer.status_code == 200, answer.text
        return str(answer.json()["items"][0]["outcome"])

    longer = NEW + (
        " The protesters had gathered outside parliament to oppose a finance bill that would "
        "raise taxes on bread, fuel and mobile money transfers, and several of them were "
        "injured when officers fired tear gas into the crowd near the central business district."
    )
    assert post(longer, "https://a.example.org/1") == "coded"
    assert post(longer + " Dozens were released.", "https://b.example.org/2") == "duplicate"
    assert post(KYIV + " No one was arrested.", "https://c.example.org/3") == "duplicate"
    assert len(loads) == 1  # the first post read the store; the index then kept up

    service = client.app.state.service  # type: ignore[attr-defined]
    monkeypatch.setattr(service.store, "write_batch", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        client.post("/v1/articles", json=[{"text": PARIS + " More soon."}], headers=AUTH)
    monkeypatch.undo()
    monkeypatch.setattr(
        NearDuplicates, "load", lambda self, store: loads.append(1) or load(self, store)
    )
    assert post(PARIS + " More soon.", "https://d.example.org/4") == "duplicate"
    assert len(loads) == 2  # a failed ingest may have indexed what it did not store
