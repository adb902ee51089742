"""Words of dates: month and weekday names, counts, units, seasons, parts of the day."""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
VAGUE_COUNTS = frozenset(
    {"few", "a few", "several", "some", "many", "a couple of", "couple of", "a number of"}
)
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

# Expressions naming a day relative to the story day, after normalisation.
DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1,
    "day before yesterday": -2, "day after tomorrow": 2,
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so "sept" wins over "sep"."""
    names = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


MONTH_RE = alternation(MONTHS)
WEEKDAY_RE = alternation(WEEKDAYS)
COUNT_RE = r"\d{1,3}|" + alternation(list(VAGUE_COUNTS) + list(NUMBER_WORDS))
UNIT_RE = r"days?|weeks?|fortnights?|months?|years?"
SEASON_RE = alternation(SEASONS)


def parse_count(word: str) -> int | None:
    """2 for "two" or "2"; None for vague counts ("several") or anything else."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def unit_of(word: str) -> str:
    """The singular unit of "days", "week", ...; a fortnight is two weeks, handled by callers."""
    return word[:-1] if word.endswith("s") else word
