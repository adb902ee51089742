"""CORS only when configured, no HTML from article text, no SQL from users (issue 6)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import AUTH, AppFactory

pytestmark = [pytest.mark.issue(6), pytest.mark.model]

SCRIPT = (
    'WASHINGTON — The United States condemned <script>alert("x")</script> the attack on '
    "Tuesday, officials said. <b>Russia</b> denied the accusations & rejected the claims."
)


def test_cors_is_off_unless_configured(client: TestClient) -> None:
    origin = {"Origin": "https://evil.example"}
    response = client.get("/v1/health", headers=origin)
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/v1/articles",
        headers={**origin, "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_the_configured_origins_only(make_client: AppFactory) -> None:
    client = make_client(cors_origins=("https://ui.example",))
    ok = client.get("/v1/health", headers={"Origin": "https://ui.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ui.example"
    assert "x-next-cursor" in ok.headers["access-control-expose-headers"].lower()
    other = client.get("/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = client.options(
        "/v1/articles",
        headers={
            "Origin": "https://ui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    too_big = make_client(cors_origins=("https://ui.example",), max_body=10).post(
        "/v1/code", json={"text": "x" * 20}, headers={"Origin": "https://ui.example"}
    )
    assert too_big.status_code == 413 and too_big.headers["access-control-allow-origin"]


def test_article_text_comes_back_as_a_json_string(make_client: AppFactory) -> None:
    client = make_client()
    coded = client.post("/v1/code", json={"text": SCRIPT})
    assert coded.headers["content-type"] == "application/json"
    assert coded.headers["x-content-type-options"] == "nosniff"
    assert "<script>" in coded.json()["events"][0]["text"] or coded.json()["events"] == []
    posted = client.post("/v1/articles", json=[{"text": SCRIPT}], headers=AUTH).json()
    article_id = posted["items"][0]["id"]
    response = client.get(f"/v1/articles/{article_id}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["text"] == SCRIPT
    csv = client.get("/v1/events", params={"format": "csv", "source": "USA"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.headers["x-content-type-options"] == "nosniff"


def test_no_endpoint_takes_sql(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for ops in spec["paths"].values():
        for op in ops.values():
            for param in op.get("parameters", []):
                assert param["name"] not in ("sql", "query", "where", "order")


def test_injection_attempts_are_just_values(client: TestClient) -> None:
    for value in ("RUS' OR 1=1 --", 'x"); DROP TABLE events; --', "%", "_"):
        response = client.get("/v1/events", params={"source": value})
        assert response.status_code == 200 and response.json()["events"] == []
    assert client.get("/v1/health").json()["events"] > 0
    assert client.get("/v1/actors", params={"q": "' OR ''='"}).json()["actors"] == []


def test_documented_query_parameters_are_exactly_the_accepted_ones(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, ops in spec["paths"].items():
        if "get" not in ops:
            continue
        documented = {p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"}
        url = path.replace("{event_id}", "x").replace("{article_id}", "x")
        [error] = client.get(url, params={"zzz": "1"}).json()["detail"]
        allowed = error["msg"].split("(allowed: ")[1].rstrip(")")
        assert documented == (set(allowed.split(", ")) - {"none"}), path
