"""Resolving one temporal expression against the story date and the tense (issue 3).

Each row: the text of an expression, the story date, the tense of its verb, and the value,
precision and problem a careful coder gives it. Story dates used most: FRI = Friday 8 September
2017; JAN = Wednesday 10 January 2018 (year boundaries).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.dates import Tense, resolve_expression
from eventwire.dates.expression import (
    ANAPHORIC,
    IMPOSSIBLE,
    NO_STORY_DATE,
    RANGE,
    UNPARSEABLE,
    VAGUE,
)

pytestmark = pytest.mark.issue(3)

FRI = dt.date(2017, 9, 8)
JAN = dt.date(2018, 1, 10)
D, M, Y = "day", "month", "year"

CASES = [
    # absolute dates keep their own precision, whatever the story date
    ("October 16, 2017", FRI, "past", "2017-10-16", D, None),
    ("16 October 2017", FRI, "past", "2017-10-16", D, None),
    ("Oct. 16, 2017", FRI, "future", "2017-10-16", D, None),
    ("the 16th of October 2017", FRI, "past", "2017-10-16", D, None),
    ("2017-10-16", FRI, "past", "2017-10-16", D, None),
    ("16/10/2017", FRI, "past", "2017-10-16", D, None),  # first > 12: day first
    ("10/16/2017", FRI, "past", "2017-10-16", D, None),  # second > 12: month first
    ("05/06/2017", FRI, "past", "2017-06-05", D, None),  # ambiguous: day first
    ("05.06.2017", FRI, "past", "2017-06-05", D, None),
    ("16/10/17", FRI, "past", "2017-10-16", D, None),
    ("Wednesday, October 16, 2019", FRI, "future", "2019-10-16", D, None),
    ("February 29, 2024", FRI, "past", "2024-02-29", D, None),  # leap year
    ("October 2017", FRI, "past", "2017-10", M, None),
    ("October of 2017", FRI, "past", "2017-10", M, None),
    ("2017-10", FRI, "past", "2017-10", M, None),
    ("in 2012", FRI, "past", "2012", Y, None),
    ("early 2020", FRI, "past", "2020", Y, None),
    ("mid-2019", FRI, "past", "2019", Y, None),
    # a day of a month without its year: the year from the tense
    ("Oct. 16", FRI, "past", "2016-10-16", D, None),
    ("Oct. 16", FRI, "future", "2017-10-16", D, None),
    ("the 16th of October", FRI, "future", "2017-10-16", D, None),
    ("September 8", FRI, "past", "2017-09-08", D, None),  # the story day itself
    ("January 3", JAN, "past", "2018-01-03", D, None),
    ("December 28", JAN, "past", "2017-12-28", D, None),  # across the year end
    ("February 29", dt.date(2023, 6, 1), "past", "2020-02-29", D, None),
    # bare months: the coming one (future), the most recent one (past), the story's year else
    ("in October", FRI, "future", "2017-10", M, None),
    ("in October", dt.date(2017, 11, 20), "future", "2018-10", M, None),
    ("October", dt.date(2017, 10, 5), "future", "2017-10", M, None),  # the story's month
    ("in March", FRI, "future", "2018-03", M, None),
    ("in April", FRI, "past", "2017-04", M, None),
    ("in November", FRI, "past", "2016-11", M, None),
    ("in September", FRI, "past", "2017-09", M, None),  # the story's month
    ("in December", JAN, "past", "2017-12", M, None),
    ("in mid-October", FRI, "future", "2017-10", M, None),
    ("the end of March", FRI, "future", "2018-03", M, None),
    ("in October", FRI, "present", "2017-10", M, None),
    ("in March", FRI, "present", "2017-03", M, None),
    # weekdays: most recent (past), coming (future), the nearer (present); FRI is a Friday
    ("on Wednesday", FRI, "past", "2017-09-06", D, None),
    ("on Wednesday", FRI, "future", "2017-09-13", D, None),
    ("on Friday", FRI, "past", "2017-09-08", D, None),  # the story day itself
    ("on Friday", FRI, "future", "2017-09-08", D, None),
    ("last Tuesday", FRI, "past", "2017-09-05", D, None),
    ("last Friday", FRI, "past", "2017-09-01", D, None),  # strictly before the story day
    ("next Friday", FRI, "future", "2017-09-15", D, None),
    ("next Monday", FRI, "future", "2017-09-11", D, None),
    ("on Monday night", FRI, "past", "2017-09-04", D, None),
    ("Sunday", FRI, "present", "2017-09-10", D, None),
    ("Tuesday morning", FRI, "present", "2017-09-05", D, None),
    ("3 p.m. on Tuesday", FRI, "past", "2017-09-05", D, None),
    ("Wednesday's", FRI, "past", "2017-09-06", D, None),
    ("on Sunday", dt.date(2018, 1, 2), "past", "2017-12-31", D, None),
    ("on Monday", dt.date(2017, 12, 29), "future", "2018-01-01", D, None),
    # days named from the story day
    ("yesterday", FRI, "past", "2017-09-07", D, None),
    ("today", FRI, "present", "2017-09-08", D, None),
    ("tomorrow", FRI, "future", "2017-09-09", D, None),
    ("overnight", FRI, "past", "2017-09-08", D, None),
    ("last night", FRI, "past", "2017-09-07", D, None),
    ("tonight", FRI, "future", "2017-09-08", D, None),
    ("this morning", FRI, "past", "2017-09-08", D, None),
    ("yesterday", dt.date(2018, 1, 1), "past", "2017-12-31", D, None),
    ("the day before yesterday", FRI, "past", "2017-09-06", D, None),
    # months and years named from the story date
    ("last month", FRI, "past", "2017-08", M, None),
    ("Last month", JAN, "past", "2017-12", M, None),  # in January
    ("next month", dt.date(2017, 12, 15), "future", "2018-01", M, None),
    ("this month", FRI, "present", "2017-09", M, None),
    ("later this month", FRI, "future", "2017-09", M, None),
    ("early next month", FRI, "future", "2017-10", M, None),
    ("last year", FRI, "past", "2016", Y, None),
    ("last year", JAN, "past", "2017", Y, None),
    ("next year", FRI, "future", "2018", Y, None),
    ("this year", FRI, "present", "2017", Y, None),
    ("earlier this year", FRI, "past", "2017", Y, None),
    ("late last year", FRI, "past", "2016", Y, None),
    ("by the end of the year", FRI, "future", "2017", Y, None),
    # weeks: the Monday of the week, precision day; weekends: their Saturday
    ("last week", FRI, "past", "2017-08-28", D, None),
    ("this week", FRI, "past", "2017-09-04", D, None),
    ("next week", FRI, "future", "2017-09-11", D, None),
    ("next week", dt.date(2017, 12, 29), "future", "2018-01-01", D, None),  # across the year end
    ("last week", dt.date(2018, 1, 3), "past", "2017-12-25", D, None),
    ("last weekend", FRI, "past", "2017-09-02", D, None),
    ("over the weekend", dt.date(2017, 9, 11), "past", "2017-09-09", D, None),
    ("this weekend", FRI, "future", "2017-09-09", D, None),
    # counted back or forward from the story date
    ("two days ago", FRI, "past", "2017-09-06", D, None),
    ("a week ago", FRI, "past", "2017-09-01", D, None),
    ("three weeks ago", FRI, "past", "2017-08-18", D, None),
    ("10 days ago", dt.date(2018, 1, 5), "past", "2017-12-26", D, None),
    ("two months ago", JAN, "past", "2017-11", M, None),
    ("a year ago", FRI, "past", "2016", Y, None),
    ("in two weeks", FRI, "future", "2017-09-22", D, None),
    ("three days from now", FRI, "future", "2017-09-11", D, None),
    # seasons: the year in which the season began
    ("last summer", FRI, "past", "2017", Y, None),
    ("last summer", dt.date(2017, 7, 1), "past", "2016", Y, None),
    ("this winter", FRI, "future", "2017", Y, None),
    ("summer 2015", None, "past", "2015", Y, None),
    # without a story date nothing relative is resolved, absolute dates still are
    ("yesterday", None, "past", None, None, NO_STORY_DATE),
    ("in October", None, "future", None, None, NO_STORY_DATE),
    ("on Wednesday", None, "past", None, None, NO_STORY_DATE),
    ("Oct. 16", None, "past", None, None, NO_STORY_DATE),
    ("two days ago", None, "past", None, None, NO_STORY_DATE),
    ("last summer", None, "past", None, None, NO_STORY_DATE),
    ("October 16, 2017", None, "past", "2017-10-16", D, None),
    ("in 2012", None, "past", "2012", Y, None),
    # impossible, vague, anaphoric and unreadable expressions
    ("February 29, 2023", FRI, "past", None, None, IMPOSSIBLE),
    ("February 30, 2017", FRI, "past", None, None, IMPOSSIBLE),
    ("February 30", FRI, "past", None, None, IMPOSSIBLE),
    ("13/14/2017", FRI, "past", None, None, IMPOSSIBLE),
    ("2017-13-01", FRI, "past", None, None, IMPOSSIBLE),
    ("October 45", FRI, "past", None, None, IMPOSSIBLE),
    ("a few days ago", FRI, "past", None, None, VAGUE),
    ("the previous day", FRI, "past", None, None, ANAPHORIC),
    ("two days later", FRI, "past", None, None, ANAPHORIC),
    ("that year", FRI, "past", None, None, ANAPHORIC),
    ("from Monday to Wednesday", FRI, "past", None, None, RANGE),
    ("between 2012 and 2015", FRI, "past", None, None, RANGE),
    ("Ramadan", FRI, "past", None, None, UNPARSEABLE),
    ("", FRI, "past", None, None, UNPARSEABLE),
]


@pytest.mark.parametrize(
    ("text", "published", "tense", "value", "precision", "problem"),
    CASES,
    ids=[f"{c[0] or 'empty'}|{c[1]}|{c[2]}" for c in CASES],
)
def test_resolve_expression(
    text: str,
    published: dt.date | None,
    tense: Tense,
    value: str | None,
    precision: str | None,
    problem: str | None,
) -> None:
    assert resolve_expression(text, published, tense) == (value, precision, problem)


def test_enough_cases() -> None:
    assert len(CASES) >= 60


TENSES: st.SearchStrategy[Tense] = st.sampled_from(["past", "present", "future"])
STORY_DATES = st.none() | st.dates()


@given(text=st.text(max_size=40), published=STORY_DATES, tense=TENSES)
def test_never_raises(text: str, published: dt.date | None, tense: Tense) -> None:
    value, precision, problem = resolve_expression(text, published, tense)
    assert (value is None) == (precision is None) == (problem is not None)


@given(
    word=st.sampled_from(
        [
            "yesterday",
            "tomorrow",
            "next week",
            "last month",
            "on Monday",
            "two years ago",
            "in October",
            "Oct. 16",
            "next year",
            "last summer",
        ]
    ),
    published=st.dates(),
    tense=TENSES,
)
def test_relative_expressions_at_the_ends_of_the_calendar(
    word: str, published: dt.date, tense: Tense
) -> None:
    value, _, problem = resolve_expression(word, published, tense)
    assert (value is None) == (problem is not None)


@given(day=st.dates(min_value=dt.date(1000, 1, 1)), published=STORY_DATES, tense=TENSES)
def test_written_dates_round_trip(day: dt.date, published: dt.date | None, tense: Tense) -> None:
    for text in (
        day.strftime("%B %d, %Y"),
        day.strftime("%d %B %Y"),
        day.strftime("%b. %d, %Y"),
        day.isoformat(),
    ):
        assert resolve_expression(text, published, tense) == (day.isoformat(), "day", None)
