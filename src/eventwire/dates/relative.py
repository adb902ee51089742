"""Dates the text gives relative to the story date: "yesterday", "on Wednesday", "last month",
"two days ago", "next week", "last summer". Callers check that there is a story date.
"""

from __future__ import annotations

import datetime as dt
import re

from .arithmetic import (
    Direction,
    add_days,
    day_value,
    month_value,
    shift_month,
    week_start,
    weekday_occurrence,
    year_value,
)
from .expression import ANAPHORIC, NO_STORY_DATE, VAGUE, Resolution, Tense, unresolved
from .lexicon import DAY_WORDS, SEASONS, WEEKDAYS, parse_count, unit_of

SATURDAY = 5
STEPS: dict[str, int] = {
    "last": -1, "past": -1, "this past": -1, "previous": -1,
    "this": 0, "the": 0, "current": 0,
    "next": 1, "coming": 1, "this coming": 1,
}  # fmt: skip


def day_word(m: re.Match[str], published: dt.date, tense: Tense) -> Resolution:
    """ "yesterday", "today", "tomorrow", "tonight", "overnight", "last night"."""
    return day_value(add_days(published, DAY_WORDS[m["word"]]))


def weekday(m: re.Match[str], published: dt.date, tense: Tense) -> Resolution:
    """ "on Wednesday" by the tense; "last Tuesday" / "next Friday" strictly before / after."""
    step = STEPS.get(m["which"] or "this", 0)
    direction: Direction = tense if step == 0 else ("last" if step < 0 else "next")
    return day_value(weekday_occurrence(WEEKDAYS[m["weekday"]], published, direction))


def named_period(m: re.Match[str], published: dt.date, tense: Tense) -> Resolution:
    """ "last month", "this year", "next week" (the Monday of that week, precision day),
    "last weekend" (the Saturday of that weekend, precision day; "this weekend" and "the
    weekend" are the Saturday before or after the story day, by the tense)."""
    step = STEPS[m["which"]]
    unit = m["unit"]
    if unit == "weekend" and step == 0:
        return day_value(weekday_occurrence(SATURDAY, published, tense))
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, step))
    if unit == "year":
        return year_value(published.year + step)
    monday = week_start(published)
    if monday is None:
        return day_value(None)
    return day_value(add_days(monday, 7 * step + (5 if unit == "weekend" else 0)))


def offset(m: re.Match[str], published: dt.date, tense: Tense) -> Resolution:
    """ "two days ago", "a year ago", "in two weeks", "three days from now"."""
    count = parse_count(m["count"])
    if count is None:
        return unresolved(VAGUE)
    sign = -1 if m["direction"] == "ago" else 1
    return shifted(published, sign * count, unit_of(m["unit"]))


def shifted(published: dt.date, count: int, unit: str) -> Resolution:
    """The story date moved by ``count`` units, at the precision of the unit (weeks: day)."""
    if unit == "month":
        return month_value(*shift_month(published.year, published.month, count))
    if unit == "year":
        return year_value(published.year + count)
    days = {"day": 1, "week": 7, "fortnight": 14}[unit]
    return day_value(add_days(published, count * days))


def anaphoric(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    """ "the next day", "two days later": relative to another event, not to the story date."""
    return unresolved(ANAPHORIC)


def season(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    """ "last summer", "this spring", "in the autumn": the year in which that season began.

    A season is three months from its first month (spring March, summer June, autumn September,
    winter December). "last" is the latest one already over, "next" the first not yet begun;
    "this" or no word is the one under way, else the latest begun (past tense) or the next one.
    """
    first = SEASONS[m["season"]]
    if m["year"]:
        return year_value(int(m["year"]))
    if published is None:
        return unresolved(NO_STORY_DATE)
    now = published.year * 12 + published.month - 1
    starts = [(y, y * 12 + first - 1) for y in range(published.year - 2, published.year + 3)]
    step = STEPS.get(m["which"] or "this", 0)
    if step < 0:
        chosen = max(y for y, s in starts if s + 3 <= now)
    elif step > 0:
        chosen = min(y for y, s in starts if s > now)
    else:
        current = [y for y, s in starts if s <= now < s + 3]
        begun = max(y for y, s in starts if s <= now)
        later = min(y for y, s in starts if s > now)
        chosen = current[0] if current else (begun if tense == "past" else later)
    return year_value(chosen)
