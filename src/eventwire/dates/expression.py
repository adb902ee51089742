"""The record of one temporal expression and the small vocabulary shared by the date modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tense = Literal["past", "present", "future"]
Precision = Literal["day", "month", "year"]
Resolution = tuple[str | None, Precision | None, str | None]
"""What :func:`~eventwire.dates.resolve_expression` returns: (value, precision, problem)."""

NO_STORY_DATE = "no story date"
UNPARSEABLE = "unparseable"
IMPOSSIBLE = "impossible date"
VAGUE = "vague amount of time"
ANAPHORIC = "relative to another date in the text"
OUT_OF_RANGE = "date out of range"
RANGE = "range of dates"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in a doc and what date it stands for.

    ``start``/``end`` are character offsets into ``doc.text``; ``tokens`` is the token span
    ``[start, end)``. ``value`` is ISO-like at the given precision (``"2017-10-16"``,
    ``"2017-10"``, ``"2017"``) or ``None``, in which case ``problem`` says why.
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: Precision | None
    tokens: tuple[int, int]
    problem: str | None = None


def unresolved(problem: str) -> Resolution:
    return (None, None, problem)
