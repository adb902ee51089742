"""Lenient parsing of a story date written in one of the usual corpus and feed formats."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_COMPACT = re.compile(
    r"(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?"
)  # YYYYMMDD[HH[MM[SS]]]
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%Y.%m.%d")


def parse_date(value: object) -> dt.date | None:
    """The date in ``value``, or None when it is missing or cannot be read.

    Accepts ISO dates and datetimes ("2024-03-05", "2024-03-05T14:00:00Z"), RFC 2822
    ("Tue, 05 Mar 2024 14:00:00 +0000"), "20240305", GDELT's "20240305140000", and written
    dates ("March 5, 2024", "5 Mar 2024"). A datetime keeps the day as written, in its own
    time zone. Integers are read as compact dates (JSON and CSV corpora often store them so).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for parse in (_iso, _compact, _rfc2822, _written):
        day = parse(text)
        if day is not None:
            return day
    return None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _ISO_DAY.match(text)  # "2024-03-05 14:00:00 UTC" and other ISO-led variants
    return _day(*match.groups()) if match else None


def _compact(text: str) -> dt.date | None:
    match = _COMPACT.fullmatch(text)
    return _day(*match.groups()) if match else None


def _rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _written(text: str) -> dt.date | None:
    for pattern in _WRITTEN:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
