"""The date stage: temporal expressions found in a parsed doc, resolved against the story date.

* :func:`find_dates` lists every temporal expression of a doc with the date it stands for;
* :func:`resolve_expression` resolves the text of one expression (the rules are documented in
  :mod:`eventwire.dates.resolve`);
* :func:`governing_date` picks the expression that dates an event from its trigger word.

Nothing here reads the clock: without a story date, relative expressions stay unresolved.
"""

from __future__ import annotations

from .expression import Precision, Resolution, Tense, TimeExpression
from .find import find_dates
from .govern import governing_date
from .resolve import resolve_expression

__all__ = [
    "Precision",
    "Resolution",
    "Tense",
    "TimeExpression",
    "find_dates",
    "governing_date",
    "resolve_expression",
]
