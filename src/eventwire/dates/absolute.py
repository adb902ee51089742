"""Dates the text gives by calendar: "2017-10-16", "16/10/2017", "October 16, 2017", "Oct. 16",
"October 2017", "October", "2012". A missing year is chosen from the story date and the tense.
"""

from __future__ import annotations

import datetime as dt
import re

from .arithmetic import (
    day_value,
    month_value,
    occurrence_of_day,
    safe_date,
    year_of_month,
    year_value,
)
from .expression import (
    IMPOSSIBLE,
    NO_STORY_DATE,
    OUT_OF_RANGE,
    UNPARSEABLE,
    Resolution,
    Tense,
    unresolved,
)
from .lexicon import MONTHS

TWO_DIGIT_PIVOT = 70  # "16/10/17" is 2017, "16/10/85" is 1985


def calendar_day(year: int, month: int, day: int) -> Resolution:
    """A full date, or why it is not one: "February 30, 2017" is impossible."""
    if not 1 <= year <= 9999:
        return unresolved(OUT_OF_RANGE)
    date = safe_date(year, month, day)
    return day_value(date) if date else unresolved(IMPOSSIBLE)


def iso_day(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    return calendar_day(int(m["year"]), int(m["month"]), int(m["day"]))


def iso_month(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    month = int(m["month"])
    if not 1 <= month <= 12:  # "2017-18" is a season or a fiscal year, not a month
        return unresolved(UNPARSEABLE)
    return month_value(int(m["year"]), month)


def numeric_day(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    """ "16/10/2017": day first when the first number is above 12 or both could be a month,
    month first when only the second is above 12 ("10/16/2017")."""
    first, second = int(m["first"]), int(m["second"])
    year = int(m["year"])
    if len(m["year"]) == 2:
        year += 2000 if year < TWO_DIGIT_PIVOT else 1900
    if first > 12 and second > 12:
        return unresolved(IMPOSSIBLE)
    if second > 12:
        return calendar_day(year, first, second)
    return calendar_day(year, second, first)


def month_day(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    """ "October 16, 2017", "16 October", "Oct. 16": without a year, the occurrence nearest the
    story date in the direction of the tense."""
    month, day = MONTHS[m["month"]], int(m["day"])
    if m["year"]:
        return calendar_day(int(m["year"]), month, day)
    if safe_date(2000, month, day) is None:  # 2000 is a leap year: only truly impossible days fail
        return unresolved(IMPOSSIBLE)
    if published is None:
        return unresolved(NO_STORY_DATE)
    return day_value(occurrence_of_day(month, day, published, tense))


def month_year(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    """ "October 2017", or a bare "October" placed by the tense around the story date."""
    month = MONTHS[m["month"]]
    if m["year"]:
        return month_value(int(m["year"]), month)
    if published is None:
        return unresolved(NO_STORY_DATE)
    return month_value(year_of_month(month, published, tense), month)


def bare_year(m: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
    return year_value(int(m["year"]))
