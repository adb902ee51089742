"""Story dates are read leniently from the usual formats (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest import parse_date

pytestmark = pytest.mark.issue(4)
DAY = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-05",
        "2024-03-05T23:30:00Z",
        "2024-03-05T23:30:00-05:00",  # the day as written, not converted to UTC
        "2024-03-05 14:00:00 UTC",
        "Tue, 05 Mar 2024 14:00:00 +0000",
        "20240305",
        "20240305140000",
        20240305,
        "March 5, 2024",
        "5 Mar 2024",
        dt.datetime(2024, 3, 5, 12),
    ],
)
def test_formats(value: object) -> None:
    assert parse_date(value) == DAY


@pytest.mark.parametrize("value", [None, "", "soon", "2024-13-45", "20241345", True, [2024]])
def test_unreadable_dates_are_none(value: object) -> None:
    assert parse_date(value) is None
