"""Web pages named by the user as inputs: fetched with urllib, then read as HTML.

Only URLs the user gives are fetched; nothing found in a page is followed. A page that cannot
be fetched becomes a :class:`Skipped` naming the network error.
"""

from __future__ import annotations

import email.message
import http.client
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

from ..records import Article, Skipped
from .feeds import MAX_FEED_BYTES, is_feed, read_feed
from .html import article_from_html, page_limit
from .options import ReadOptions
from .text import skipped, text_record

_USER_AGENT = "eventwire (news event coder; fetches only URLs its user names)"
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def is_url(name: str) -> bool:
    """Whether an input names an http(s) URL."""
    return name.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class _Page:
    data: bytes
    content_type: str
    charset: str | None


class _FetchFailed(Exception):
    """A page could not be fetched; the message is the one-line reason."""


def read_url(url: str, options: ReadOptions) -> Iterator[Article | Skipped]:
    """The article of a web page (or the entries of a feed) at ``url``."""
    if not options.fetch:
        yield skipped(url, "not fetched (fetching URLs is turned off)")
        return
    try:
        page = _fetch(url, options)
    except _FetchFailed as exc:
        yield skipped(url, str(exc))
        return
    kind = page.content_type
    head = page.data[:8192].lstrip().lower()
    if kind in _FEED_TYPES or (kind.endswith("xml") and is_feed(head)):
        yield from read_feed(page.data, name=url, options=options)
    elif "html" in kind or head.startswith((b"<!doctype html", b"<html")):
        yield article_from_html(page.data, source=url, options=options, url=url)
    elif kind.endswith("xml"):
        yield skipped(url, f"XML but not an RSS or Atom feed (content type {kind})")
    elif kind.startswith("text/"):
        yield _text_page(page, url, options)
    else:
        yield skipped(url, f"not a web page or text (content type {kind or 'unknown'})")


def _text_page(page: _Page, url: str, options: ReadOptions) -> Article | Skipped:
    charset = page.charset or "utf-8"
    try:
        text = page.data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return skipped(url, f"text page is not valid {charset}")
    return text_record(text, source=url, options=options, url=url)


def _fetch(url: str, options: ReadOptions) -> _Page:
    limit = max(page_limit(options), MAX_FEED_BYTES)
    headers = {"User-Agent": _USER_AGENT, "Accept": _ACCEPT}
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            info: email.message.Message = response.headers
            data: bytes = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise _FetchFailed(f"cannot fetch (HTTP {exc.code} {exc.reason})") from None
    except urllib.error.URLError as exc:
        raise _FetchFailed(f"cannot fetch ({_network_reason(exc.reason, options)})") from None
    except (OSError, http.client.HTTPException) as exc:
        raise _FetchFailed(f"cannot fetch ({_network_reason(exc, options)})") from None
    except ValueError as exc:
        raise _FetchFailed(f"not a valid URL ({exc})") from None
    if len(data) > limit:
        raise _FetchFailed(f"too large (more than {limit:,} bytes)")
    content_type = info.get_content_type() if info.get("Content-Type") else ""
    return _Page(data, content_type, info.get_content_charset())


def _network_reason(reason: object, options: ReadOptions) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {options.timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__
