"""An ASGI middleware for every request: the body size limit, JSON bodies only (UTF-8),
and a no-sniff header.

A body is refused with 413 when its Content-Length is over the limit, and also when the bytes
actually received go over it (a chunked body, or a Content-Length that lies); the check reads
at most ``max_body + 1`` bytes. A body that is not declared JSON is refused with 415, and one
that is not UTF-8 with 400 (JSON between systems is UTF-8, RFC 8259). Any other body is
passed on unchanged.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestLimits:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _no_sniff(send)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and not declared.strip().isdigit():
            await _refuse(scope, receive, send, 400, "invalid Content-Length header")
            return
        if declared is not None and int(declared) > self.max_body:
            await _refuse(scope, receive, send, 413, self._too_large(int(declared)))
            return
        body = await self._read(receive)
        if body is None:
            await _refuse(scope, receive, send, 413, self._too_large(None))
            return
        if body and not _is_json(scope):
            await _refuse(scope, receive, send, 415, "send JSON (Content-Type: application/json)")
            return
        problem = _not_utf8(body) if body else None
        if problem is not None:
            await _refuse(scope, receive, send, 400, problem)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body; None once it goes over the limit (or if the client left: the 413
        then goes nowhere)."""
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.max_body:
                return None
        return bytes(body)

    def _too_large(self, size: int | None) -> str:
        if size is None:
            return f"request body too large (over the limit of {self.max_body:,} bytes)"
        return f"request body too large ({size:,} bytes; the limit is {self.max_body:,} bytes)"


def _not_utf8(body: bytes) -> str | None:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"request body is not UTF-8 (byte 0x{body[exc.start]:02x} at offset {exc.start})"
    return None


def _is_json(scope: Scope) -> bool:
    kind = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    response = JSONResponse(
        {"detail": message}, status_code=status, headers={"Connection": "close"}
    )
    await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that gives the buffered body once, then the client's messages."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _no_sniff(send: Send) -> Send:
    """Browsers must take a JSON or CSV response for what its Content-Type says it is."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(k.lower() == b"x-content-type-options" for k, _ in headers):
                headers.append((b"x-content-type-options", b"nosniff"))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped
