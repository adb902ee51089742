"""The request-limits middleware on its own, with raw ASGI messages (issue 6)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from eventwire.api.limits import RequestLimits

pytestmark = pytest.mark.issue(6)


async def echo(scope: Scope, receive: Receive, send: Send) -> None:
    """An app answering with the length of the body it received."""
    body = b""
    more = True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


def call(
    chunks: list[bytes], headers: dict[str, str], limit: int = 10
) -> tuple[int, Any, dict[bytes, bytes]]:
    scope = {
        "type": "http", "method": "POST", "path": "/", "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    incoming: list[Message] = [
        {"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(RequestLimits(echo, max_body=limit)(scope, receive, send))
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    text = body.decode()
    return (
        start["status"],
        json.loads(text) if text.startswith("{") else text,
        dict(start["headers"]),
    )


JSON = {"Content-Type": "application/json"}


def test_a_body_within_the_limit_passes_unchanged() -> None:
    status, body, headers = call([b'{"a":', b"1}"], JSON)
    assert (status, body) == (200, "7") and headers[b"x-content-type-options"] == b"nosniff"


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    status, body, _ = call([b"{}"], {**JSON, "Content-Length": "11"})
    assert status == 413 and body["detail"].startswith("request body too large (11 bytes")


def test_a_length_that_lies_is_caught_by_counting_the_bytes() -> None:
    status, body, _ = call([b'{"a": "', b"123456789", b'"}'], {**JSON, "Content-Length": "5"})
    assert status == 413 and "over the limit of 10 bytes" in body["detail"]


def test_a_chunked_body_over_the_limit() -> None:
    status, _, _ = call([b"12345", b"67890", b"1"], JSON)
    assert status == 413


@pytest.mark.parametrize("value", ["ten", "-1", "1e3", ""])
def test_an_invalid_content_length(value: str) -> None:
    status, body, _ = call([b"{}"], {**JSON, "Content-Length": value})
    assert status == 400 and body["detail"] == "invalid Content-Length header"


def test_bodies_must_be_utf8_json() -> None:
    assert call([b"{}"], {"Content-Type": "text/plain"})[0] == 415
    assert call([b"{}"], {})[0] == 415
    assert call([b""], {})[0] == 200  # no body, nothing to declare
    assert call([b"{}"], {"Content-Type": "application/problem+json; charset=utf-8"})[0] == 200
    status, body, _ = call([b'"\xff"'], JSON)
    assert status == 400 and "byte 0xff at offset 1" in body["detail"]
