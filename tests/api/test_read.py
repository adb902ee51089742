"""The read endpoints over a store filled through the ingest function (issue 6)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from eventwire.store.schema import EVENT_COLUMNS

from .conftest import COPY_ID, KYIV, KYIV_ID, PARIS_ID

pytestmark = [pytest.mark.issue(6), pytest.mark.model]


def test_health_counts_articles_and_events(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["articles"] == 3 and body["events"] >= 3


def test_events_are_rows_of_the_events_table_by_date(client: TestClient) -> None:
    body = client.get("/v1/events").json()
    assert body["total"] == len(body["events"]) >= 3
    assert body["limit"] == 100 and body["offset"] == 0 and body["next_cursor"] is None
    first = body["events"][0]
    assert list(first) == list(EVENT_COLUMNS)
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates)
    assert {e["article_id"] for e in body["events"]} == {KYIV_ID, PARIS_ID}  # not the copy


def test_event_filters_are_those_of_eventwire_query(client: TestClient) -> None:
    def ids(**params: str) -> set[str]:
        response = client.get("/v1/events", params=params)
        assert response.status_code == 200, response.text
        return {e["id"] for e in response.json()["events"]}

    everything = ids()
    french = ids(source="FRA")
    assert french and french == ids(source="fra") and ids(source="Macron") <= french
    assert ids(dyad="DEU,FRA") == ids(dyad="FRA,DEU") != set()
    assert ids(type="consult") == ids(cameo="04") != set()
    assert ids(country="RUS") and ids(country="RUS") <= everything - french
    assert ids(since="2024-05-07") and ids(until="2024-05-06") == everything - ids(
        since="2024-05-07"
    )
    assert ids(near="Paris", within="60km") == ids(near="48.8566,2.3522", within="60km") != set()
    assert ids(near="Kharkiv", within="10km") <= ids(country="UKR")
    assert ids(status="planned") | ids(status="asserted") | ids(status="reported") <= everything


def test_offset_and_cursor_paging_give_every_event_once(client: TestClient) -> None:
    everything = [e["id"] for e in client.get("/v1/events").json()["events"]]
    by_offset = []
    for offset in range(0, len(everything), 2):
        page = client.get("/v1/events", params={"limit": 2, "offset": offset}).json()
        by_offset += [e["id"] for e in page["events"]]
    assert by_offset == everything
    by_cursor, params = [], {"limit": "2"}
    while True:
        page = client.get("/v1/events", params=params).json()
        by_cursor += [e["id"] for e in page["events"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": "2", "cursor": page["next_cursor"]}
    assert by_cursor == everything


def test_events_as_csv(client: TestClient) -> None:
    response = client.get("/v1/events", params={"format": "csv", "limit": 2})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2 and list(rows[0]) == list(EVENT_COLUMNS)
    assert int(response.headers["x-total-count"]) >= 3 and response.headers["x-next-cursor"]


def test_one_event_by_id(client: TestClient) -> None:
    first = client.get("/v1/events").json()["events"][0]
    assert client.get(f"/v1/events/{first['id']}").json() == first


def test_an_article_with_all_its_spans(client: TestClient) -> None:
    body = client.get(f"/v1/articles/{KYIV_ID}").json()
    text = body["text"]
    assert text == KYIV and body["url"] == "https://kyiv.example.org/shelling"
    assert body["coded_at"].endswith("Z") and body["canonical_id"] is None
    assert [d["id"] for d in body["duplicates"]] == [COPY_ID]
    assert body["events"] and all(e["article_id"] == KYIV_ID for e in body["events"])
    for e in body["events"]:
        assert text[e["trigger_start"] : e["trigger_end"]] == e["trigger_text"]
        assert e["n_articles"] == 2  # the near-copy counts
    for key in ("actors", "places", "quotations", "amounts"):
        assert body[key], key
        for span in body[key]:
            assert text[span["start"] : span["end"]] == span["text"], (key, span)
    assert any(a["unit"] == "people" and a["event_ids"] for a in body["amounts"])
    assert body["places"][0]["name"] == "Kharkiv"


def test_a_near_duplicate_article_points_to_its_canonical(client: TestClient) -> None:
    body = client.get(f"/v1/articles/{COPY_ID}").json()
    assert body["canonical_id"] == KYIV_ID and body["events"] == [] and body["text"]


def test_actors_with_counts(client: TestClient) -> None:
    body = client.get("/v1/actors").json()
    assert body["total"] == len(body["actors"]) > 3
    macron = [a for a in body["actors"] if a["name"] == "Emmanuel Macron"]
    assert macron and macron[0]["code"] == "FRAGOV" and macron[0]["as_source"] >= 1
    assert client.get("/v1/actors", params={"q": "scholz"}).json()["actors"][0]["code"] == (
        "DEUGOV"
    )
    german = client.get("/v1/actors", params={"country": "deu"}).json()["actors"]
    assert german and {a["country"] for a in german} == {"DEU"}
    page = client.get("/v1/actors", params={"limit": 1, "offset": 1}).json()
    assert page["actors"] == body["actors"][1:2] and page["total"] == body["total"]


def test_dyads_by_quad_class(client: TestClient) -> None:
    body = client.get("/v1/dyads").json()
    pairs = {(d["source"], d["target"]): d for d in body["dyads"]}
    assert body["level"] == "country" and ("FRA", "DEU") in pairs
    fra_deu = pairs[("FRA", "DEU")]
    quads = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    assert sum(fra_deu[q] for q in quads) == fra_deu["events"] >= 1
    by_code = client.get("/v1/dyads", params={"level": "code", "source": "FRA"}).json()
    assert {(d["source"], d["target"]) for d in by_code["dyads"]} >= {("FRAGOV", "DEUGOV")}


def test_stats_by_type_month_and_country(client: TestClient) -> None:
    body = client.get("/v1/stats").json()
    total = body["total"]
    assert total == client.get("/v1/health").json()["events"]
    for key in ("by_type", "by_month", "by_status", "by_quad_class"):
        assert sum(c["events"] for c in body[key]) == total, key
    assert {"key": "2024-05", "events": body["by_month"][0]["events"]} in body["by_month"]
    countries = {c["key"] for c in body["by_country"]}
    assert {"FRA", "DEU", "UKR", "RUS"} <= countries
    french = client.get("/v1/stats", params={"country": "FRA"}).json()
    assert 0 < french["total"] < total


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = {(p, m) for p, ops in spec["paths"].items() for m in ops}
    assert paths == {
        ("/v1/health", "get"), ("/v1/code", "post"), ("/v1/articles", "post"),
        ("/v1/events", "get"), ("/v1/events/{event_id}", "get"),
        ("/v1/articles/{article_id}", "get"), ("/v1/actors", "get"), ("/v1/dyads", "get"),
        ("/v1/stats", "get"),
    }  # fmt: skip
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert client.get("/docs").status_code == 200
