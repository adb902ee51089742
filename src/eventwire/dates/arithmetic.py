"""Calendar arithmetic on ``datetime.date`` that never raises: invalid dates come back as None."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .expression import IMPOSSIBLE, OUT_OF_RANGE, Resolution, Tense, unresolved

Direction = Literal["past", "present", "future", "last", "next"]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist ("February 30") or is out of range."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_days(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` (negative moves back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def week_start(day: dt.date) -> dt.date | None:
    """The Monday of the ISO week containing ``day``."""
    return add_days(day, -day.weekday())


def day_value(day: dt.date | None) -> Resolution:
    if day is None:
        return unresolved(OUT_OF_RANGE)
    return (day.isoformat(), "day", None)


def month_value(year: int, month: int) -> Resolution:
    if not 1 <= year <= 9999:
        return unresolved(OUT_OF_RANGE)
    if not 1 <= month <= 12:
        return unresolved(IMPOSSIBLE)
    return (f"{year:04d}-{month:02d}", "month", None)


def year_value(year: int) -> Resolution:
    if not 1 <= year <= 9999:
        return unresolved(OUT_OF_RANGE)
    return (f"{year:04d}", "year", None)


def weekday_occurrence(weekday: int, published: dt.date, direction: Direction) -> dt.date | None:
    """The day named ``weekday`` (Monday = 0) near ``published``.

    past: the most recent one, the story day included; future: the coming one, the story day
    included; present: the nearer of the two; last / next: strictly before / after the story day.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == "last":
        back = back or 7
    elif direction == "next":
        ahead = ahead or 7
    if direction in ("past", "last"):
        return add_days(published, -back)
    if direction in ("future", "next"):
        return add_days(published, ahead)
    return add_days(published, -back if back <= ahead else ahead)


def year_of_month(month: int, published: dt.date, tense: Tense) -> int:
    """The year of a bare month name: the most recent such month for the past tense, the coming
    one for the future tense (the story's own month counts as both), the story's year otherwise.
    """
    if tense == "past" and month > published.month:
        return published.year - 1
    if tense == "future" and month < published.month:
        return published.year + 1
    return published.year


def occurrence_of_day(month: int, day: int, published: dt.date, tense: Tense) -> dt.date | None:
    """The date of "October 16" without a year, chosen like :func:`year_of_month` but at the
    level of days; None when no year has that day (February 30)."""
    if tense == "present":
        return safe_date(published.year, month, day) or _nearest_valid(month, day, published)
    years = range(published.year - 8, published.year + 9)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None]
    if tense == "past":
        before = [d for d in candidates if d <= published]
        return max(before) if before else None
    after = [d for d in candidates if d >= published]
    return min(after) if after else None


def _nearest_valid(month: int, day: int, published: dt.date) -> dt.date | None:
    years = range(published.year - 8, published.year + 9)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None]
    return min(candidates, key=lambda d: abs((d - published).days), default=None)
