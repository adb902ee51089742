"""Bad input gets a 4xx with a clear message, never a 500 (issue 6)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import QueryError, StoreError

from .conftest import AUTH, AppFactory

pytestmark = [pytest.mark.issue(6), pytest.mark.model]

GETS = {
    "/v1/health": (),
    "/v1/events": ("source", "dyad", "type", "near", "within", "limit", "cursor", "format"),
    "/v1/events/x-0-0": (),
    "/v1/articles/x": (),
    "/v1/actors": ("q", "country", "limit", "offset"),
    "/v1/dyads": ("source", "level", "limit", "offset"),
    "/v1/stats": ("source", "since", "until", "country"),
}


def errors(response: Any, status: int = 422) -> list[dict[str, Any]]:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail
    return detail  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", sorted(GETS))
def test_unknown_query_parameters_are_refused_with_the_allowed_ones(
    client: TestClient, path: str
) -> None:
    [error] = errors(client.get(path, params={"sql": "SELECT 1"}))
    assert error["loc"] == ["query", "sql"] and error["type"] == "unknown_parameter"
    assert "unknown query parameter 'sql'" in error["msg"]
    assert all(name in error["msg"] for name in GETS[path])


def test_a_parameter_given_twice_is_refused(client: TestClient) -> None:
    [error] = errors(client.get("/v1/events?source=RUS&source=UKR"))
    assert error["loc"] == ["query", "source"] and "more than once" in error["msg"]


@pytest.mark.parametrize(
    ("params", "name", "message"),
    [
        ({"since": "2024-02-30"}, "since", "is not a valid date"),
        ({"since": "yesterday"}, "since", "YYYY-MM-DD"),
        ({"until": "20240501"}, "until", "YYYY-MM-DD"),
        ({"since": "2024-05-02", "until": "2024-05-01"}, "until", "is before since"),
        ({"limit": "0"}, "limit", "greater than or equal to 1"),
        ({"limit": "1001"}, "limit", "less than or equal to 1000"),
        ({"limit": "ten"}, "limit", "valid integer"),
        ({"offset": "-1"}, "offset", "greater than or equal to 0"),
        ({"offset": "99999999999999999999999"}, "offset", "less than or equal"),
        ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor", "not a cursor"),
        ({"cursor": "!!"}, "cursor", "pattern"),
        ({"cursor": "WyIyMDI0LTA1LTA2IiwgIngiXQ", "offset": "2"}, "cursor", "not both"),
        ({"dyad": "RUS"}, "dyad", "pattern"),
        ({"dyad": "RUS,UKR,USA"}, "dyad", "pattern"),
        ({"type": "ASALT"}, "type", "is not a PLOVER type (one of AGREE"),
        ({"cameo": "19x"}, "cameo", "pattern"),
        ({"status": "maybe"}, "status", "'asserted'"),
        ({"country": "Russia"}, "country", "pattern"),
        ({"near": "Atlantis Undersea"}, "near", "unknown place"),
        ({"near": "91,0"}, "near", "not a latitude, longitude pair"),
        ({"near": "nan,nan"}, "near", "not a latitude, longitude pair"),
        ({"within": "60km"}, "within", "needs a point (near)"),
        ({"near": "Paris", "within": "far"}, "within", "not a distance"),
        ({"near": "Paris", "within": "-5km"}, "within", "must be positive"),
        ({"near": "Paris", "within": "infkm"}, "within", "at most 20100 km"),
        ({"format": "xml"}, "format", "'json' or 'csv'"),
        ({"source": ""}, "source", "at least 1 character"),
    ],
)
def test_bad_event_filters(
    client: TestClient, params: dict[str, str], name: str, message: str
) -> None:
    found = errors(client.get("/v1/events", params=params))
    assert any(e["loc"] == ["query", name] and message in e["msg"] for e in found), found


@pytest.mark.parametrize(
    ("path", "params"),
    [("/v1/dyads", {"level": "planet"}), ("/v1/actors", {"country": "1"}),
     ("/v1/stats", {"dyad": ","}), ("/v1/dyads", {"since": "2024-13-01"})],
)  # fmt: skip
def test_bad_parameters_of_other_endpoints(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    [error] = errors(client.get(path, params=params))
    assert error["loc"] == ["query", next(iter(params))]


@pytest.mark.parametrize(
    ("body", "loc", "message"),
    [
        ({}, ["body", "text"], "Field required"),
        ({"text": 5}, ["body", "text"], "valid string"),
        ({"text": None}, ["body", "text"], "valid string"),
        ({"text": "Hello.", "date": 20240501}, ["body", "date"], "YYYY-MM-DD"),
        ({"text": "Hello.", "date": "2024-5-1"}, ["body", "date"], "YYYY-MM-DD"),
        ({"text": "Hello.", "date": "2023-02-29"}, ["body", "date"], "not a valid date"),
        ({"text": "Hello.", "sql": "DROP TABLE events"}, ["body", "sql"], "Extra inputs"),
        (["Hello."], ["body"], "expected a JSON object"),
        ("Hello.", ["body"], "expected a JSON object"),
    ],
)
def test_bad_code_bodies(client: TestClient, body: Any, loc: list[Any], message: str) -> None:
    found = errors(client.post("/v1/code", json=body))
    assert any(e["loc"] == loc and message in e["msg"] for e in found), found


@pytest.mark.parametrize(
    ("body", "loc", "message"),
    [
        ({"text": "Hello."}, ["body"], "valid list"),
        ([{"title": "no text"}], ["body", 0, "text"], "Field required"),
        ([{"text": "Hello.", "published": "May 1"}], ["body", 0, "published"], "YYYY-MM-DD"),
        ([{"text": "Hello.", "url": 7}], ["body", 0, "url"], "valid string"),
        ([{"text": "Hello.", "id": "mine"}], ["body", 0, "id"], "Extra inputs"),
        (["Hello."], ["body", 0], "expected a JSON object"),
    ],
)
def test_bad_article_bodies(
    make_client: AppFactory, body: Any, loc: list[Any], message: str
) -> None:
    client = make_client()
    found = errors(client.post("/v1/articles", json=body, headers=AUTH))
    assert any(e["loc"] == loc and message in e["msg"] for e in found), found
    assert client.get("/v1/health").json()["articles"] == 3


@pytest.mark.parametrize("path", ["/v1/code", "/v1/articles"])
def test_malformed_json(client: TestClient, path: str) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    [error] = errors(client.post(path, content=b'{"text": "Hello', headers=headers))
    assert error["type"] == "json_invalid" and error["msg"].startswith(
        "malformed JSON at character"
    )


def test_a_body_that_is_not_utf8_or_not_json(client: TestClient) -> None:
    latin1 = client.post(
        "/v1/code", content='{"text": "Café"}'.encode("latin-1"),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    assert latin1.status_code == 400 and "not UTF-8 (byte 0xe9" in latin1.json()["detail"]
    for kind in ("text/plain", "application/x-www-form-urlencoded"):
        plain = client.post("/v1/code", content=b'{"text": "Hi."}', headers={"Content-Type": kind})
        assert plain.status_code == 415 and "application/json" in plain.json()["detail"]


def test_huge_bodies_are_refused_by_their_length_and_by_their_bytes(
    make_client: AppFactory,
) -> None:
    client = make_client(max_body=1_000)
    big = {"text": "word " * 400}
    declared = client.post("/v1/code", json=big)
    assert declared.status_code == 413
    assert "the limit is 1,000 bytes" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"word " * 20
        yield b'"}'

    streamed = client.post(
        "/v1/code", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413 and "over the limit of 1,000" in streamed.json()["detail"]
    posted = client.post("/v1/articles", json=[big], headers=AUTH)
    assert posted.status_code == 413
    assert client.post("/v1/code", json={"text": "Russia condemned the attack."}).status_code == 200


def test_unknown_ids_paths_and_methods(client: TestClient) -> None:
    assert client.get("/v1/events/nope-0-0").json() == {"detail": "no event with id 'nope-0-0'"}
    assert client.get("/v1/articles/nope").status_code == 404
    assert client.get("/v1/sql").status_code == 404
    assert client.delete("/v1/events").status_code == 405
    assert client.get("/v1/code").status_code == 405


def test_library_errors_become_4xx_and_bugs_a_logged_500(
    make_client: AppFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client()
    service = client.app.state.service  # type: ignore[attr-defined]

    def fail(exc: Exception) -> Any:
        def read(query: Any) -> Any:
            raise exc

        return read

    monkeypatch.setattr(service, "read", fail(QueryError("near: (1, 2) is not usable")))
    [error] = errors(client.get("/v1/events"))
    assert error["msg"] == "near: (1, 2) is not usable" and error["type"] == "E033"
    monkeypatch.setattr(service, "read", fail(StoreError("cannot write to x.duckdb: disk full")))
    busy = client.get("/v1/stats")
    assert busy.status_code == 503 and busy.json()["detail"].startswith("cannot write to x.duckdb")
    monkeypatch.setattr(service, "read", fail(ZeroDivisionError("secret detail")))
    unsafe = TestClient(client.app, raise_server_exceptions=False)
    bug = unsafe.get("/v1/health")
    assert bug.status_code == 500 and "secret detail" not in bug.text
    assert "ZeroDivisionError" in caplog.text
