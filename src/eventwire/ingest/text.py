"""Plain text: bytes or record text in, a validated Article out, or a named InputError."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from ..errors import (
    BinaryInput,
    EmptyInput,
    EncodingInput,
    InputError,
    InputTooLarge,
    MissingInput,
    NotEnglish,
)
from ..records import Article, Skipped
from .options import ReadOptions

# Short, frequent English function words: a news text in English has many of them.
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from his her it its an are were be "
    "has have had said will would not this which who but after their they he she or been "
    "also than into over more about more two new we our".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS_FOR_LANGUAGE = 30  # shorter texts (a headline, a line of names) are not judged


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: a hash of the whitespace-normalised text (and URL when given)."""
    norm = " ".join(text.split())
    digest = hashlib.sha1(f"{url or ''}\n{norm}".encode()).hexdigest()
    return digest[:16]


def check_text(text: str, *, source: str, min_english: float) -> None:
    """Raise if the text is empty or does not look like English."""
    if not text.strip():
        raise EmptyInput("empty input (no text)", source=source)
    words = _WORD.findall(text.lower())
    if len(words) >= _MIN_WORDS_FOR_LANGUAGE:
        share = sum(w in _ENGLISH for w in words) / len(words)
        if share < min_english:
            raise NotEnglish(
                f"does not look like English ({share:.0%} English function words)", source=source
            )


def article_from_bytes(
    data: bytes,
    *,
    source: str,
    max_bytes: int,
    min_english: float,
    published: dt.date | None = None,
) -> Article:
    """Decode and validate raw bytes into an :class:`Article`."""
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"too large ({len(data):,} bytes; the limit is {max_bytes:,})", source=source
        )
    if not data.strip():
        raise EmptyInput("empty input (no text)", source=source)
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary data, not text (contains NUL bytes)", source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingInput(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", source=source
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise BinaryInput("binary data, not text (control characters)", source=source)
    check_text(text, source=source, min_english=min_english)
    return Article(text=text, id=article_id(text), source=source, published=published)


def read_text_file(
    path: Path, *, max_bytes: int, min_english: float, published: dt.date | None = None
) -> Article:
    """Read one text file as an article."""
    data = read_file_bytes(path, max_bytes=max_bytes)
    return article_from_bytes(
        data, source=str(path), max_bytes=max_bytes, min_english=min_english, published=published
    )


def read_file_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a file of at most ``max_bytes``; the size is checked before reading."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(
                f"too large ({size:,} bytes; the limit is {max_bytes:,})", source=source
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingInput("no such file", source=source) from None
    except IsADirectoryError:
        raise MissingInput("is a directory, not a file", source=source) from None
    except PermissionError:
        raise MissingInput("permission denied", source=source) from None
    except OSError as exc:
        raise MissingInput(f"cannot read ({exc.strerror})", source=source) from None


def article_from_text(
    text: str,
    *,
    source: str,
    max_bytes: int,
    min_english: float,
    title: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """Validate already decoded text (a record field, an extracted page) into an Article."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputTooLarge(
            f"too large ({size:,} bytes; the limit is {max_bytes:,})", source=source
        )
    if "\x00" in text:
        raise BinaryInput("binary data, not text (contains NUL characters)", source=source)
    check_text(text, source=source, min_english=min_english)
    return Article(
        text=text,
        id=article_id(text, url),
        source=source,
        title=title or None,
        published=published,
        url=url,
    )


def text_record(
    text: str,
    *,
    source: str,
    options: ReadOptions,
    where: str = "",
    title: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article | Skipped:
    """An Article from record text, or a Skipped whose reason starts with ``where``."""
    try:
        return article_from_text(
            text,
            source=source,
            max_bytes=options.max_bytes,
            min_english=options.min_english,
            title=title,
            url=url,
            published=published or options.published,
        )
    except InputError as exc:
        return skipped(source, exc.reason, where)


def skipped(source: str, reason: str, where: str = "") -> Skipped:
    """A Skipped record; ``where`` ("line 3", "row 5", "entry 2") prefixes the reason."""
    return Skipped(source, f"{where}: {reason}" if where else reason)
