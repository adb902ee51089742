"""URLs named by the user are fetched; network errors become Skipped records (issue 4)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.ingest import article_id
from eventwire.records import Article, Skipped

from .stories import AID, collect

pytestmark = pytest.mark.issue(4)

PAGE = (
    "<!DOCTYPE html><html><head><title>Flood aid</title>"
    '<meta name="date" content="2023-07-14"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    f"<main><article><h1>Flood aid</h1><p>{AID}</p></article></main>"
    "<footer>Contact us. Terms of use.</footer></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/aid.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture()
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_page_from_a_local_server(server: str) -> None:
    url = f"{server}/aid.html"
    [art] = collect([url], timeout=5)
    assert isinstance(art, Article)
    assert art.text.endswith(AID) and "Terms of use" not in art.text
    assert art.title == "Flood aid"
    assert (art.source, art.url, art.published) == (url, url, dt.date(2023, 7, 14))
    assert art.id == article_id(art.text, url)


def test_missing_page_and_fetching_off(server: str) -> None:
    url = f"{server}/gone.html"
    assert collect([url], timeout=5) == [Skipped(url, "cannot fetch (HTTP 404 Not Found)")]
    off = collect([f"{server}/aid.html"], fetch=False)
    assert off == [Skipped(f"{server}/aid.html", "not fetched (fetching URLs is turned off)")]


def test_unreachable_url_is_skipped_within_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nothing listens
    url = f"http://127.0.0.1:{port}/story.html"
    start = time.monotonic()
    [skip] = collect([url], timeout=2)
    assert time.monotonic() - start < 3
    assert isinstance(skip, Skipped) and skip.source == url
    assert skip.reason.startswith("cannot fetch (")
