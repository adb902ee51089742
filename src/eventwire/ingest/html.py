"""HTML pages: the main text, title and date of an article page, extracted with trafilatura."""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura

from ..errors import InputError
from ..records import Article, Skipped
from .options import ReadOptions
from .storydate import parse_date
from .text import read_file_bytes, skipped, text_record

logger = logging.getLogger(__name__)

# htmldate's "extensive search" guesses dates from any text on the page; the story date should
# come from the page's own metadata (meta tags, <time>, JSON-LD, the URL) or from the fallback.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def page_limit(options: ReadOptions) -> int:
    """The largest HTML page read: pages are mostly markup, so ten times an article's limit."""
    return 10 * options.max_bytes


def read_html_file(path: Path, options: ReadOptions) -> Article | Skipped:
    """Read one saved HTML page as an article."""
    try:
        data = read_file_bytes(path, max_bytes=page_limit(options))
    except InputError as exc:
        return skipped(str(path), exc.reason)
    return article_from_html(data, source=str(path), options=options)


def article_from_html(
    data: bytes, *, source: str, options: ReadOptions, url: str | None = None
) -> Article | Skipped:
    """The main text of an HTML page (boilerplate such as menus and footers left out).

    The page may be up to :func:`page_limit` bytes; its main text up to ``options.max_bytes``.
    The page's title and date become the article's; the date falls back to
    ``options.published``. ``url`` is the page's address when it was fetched.
    """
    limit = page_limit(options)
    if len(data) > limit:
        return skipped(source, f"too large ({len(data):,} bytes; the limit is {limit:,})")
    if not data.strip():
        return skipped(source, "empty input (no text)")
    if b"\x00" in data[:8192]:
        return skipped(source, "binary data, not text (contains NUL bytes)")
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken pages
        logger.debug("trafilatura failed on %s", source, exc_info=True)
        return skipped(source, f"HTML page could not be parsed ({type(exc).__name__})")
    if doc is None or isinstance(doc, dict):
        return skipped(source, "HTML page has no main text")
    text = (doc.text or "").strip()
    if not text:
        return skipped(source, "HTML page has no main text")
    return text_record(
        text,
        source=source,
        options=options,
        title=doc.title,
        url=url,
        published=parse_date(doc.date),
    )
