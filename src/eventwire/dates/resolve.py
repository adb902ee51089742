"""The date one temporal expression stands for, given the story date and the tense.

Rules, in brief (the tests hold the full table):

* Absolute dates keep their own precision: "October 16, 2017", "16 October 2017", "2017-10-16"
  and "16/10/2017" give days (numeric dates are read day first, unless only the second number
  can be a day: "10/16/2017"), "October 2017" a month, "in 2012" a year.
* Modifiers do not change the date, only its reading: "mid-October" and "the end of October"
  are October, "early 2020" is 2020, "late last year" is last year, "earlier this year" is this
  year; a time of day is dropped ("Monday night" is Monday).
* A bare month or day of a month takes its year from the tense: the most recent one for the past
  tense (the story's month counts), the coming one for the future tense (the story's month
  counts), the story's year for the present tense.
* "on Wednesday": the most recent Wednesday for the past tense and the coming one for the future
  tense (the story day itself counts for both), the nearer of the two for the present tense.
  "last Wednesday" / "next Wednesday" are strictly before / after the story day.
* Weeks resolve to the Monday of the week with precision "day" ("last week", "this week",
  "next week"), weekends to their Saturday; "two weeks ago" is the story date minus 14 days.
* "overnight", "tonight" and "this morning" are the story day; "last night" is the day before.
* Seasons resolve to the year in which the season began, with precision "year".
* Without a story date anything relative stays unresolved with the problem "no story date";
  the clock of the machine is never used.
* Expressions relative to another event ("the next day", "two days later") stay unresolved, and
  so do ranges ("from Monday to Wednesday", "between 2012 and 2015", problem "range of dates").
* "the year", "the month" are the story's ("by the end of the year"); "that year" is not.

:func:`resolve_expression` never raises; what it cannot read comes back with a problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import absolute, relative
from .expression import NO_STORY_DATE, RANGE, UNPARSEABLE, Resolution, Tense, unresolved
from .lexicon import (
    COUNT_RE,
    DAY_WORDS,
    MONTH_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
)

StoryHandler = Callable[[re.Match[str], dt.date, Tense], Resolution]
Handler = Callable[[re.Match[str], dt.date | None, Tense], Resolution]

_ORD = r"(?:st|nd|rd|th)?"
_WHICH = r"(?:(?P<which>this past|this coming|last|next|this|past|coming|previous|current) )"


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler


def _story(handler: StoryHandler) -> Handler:
    """The handler, guarded: without a story date a relative expression stays unresolved."""

    def run(match: re.Match[str], published: dt.date | None, tense: Tense) -> Resolution:
        if published is None:
            return unresolved(NO_STORY_DATE)
        return handler(match, published, tense)

    return run


def _rule(pattern: str, handler: Handler) -> Rule:
    return Rule(re.compile(pattern + r"\Z", re.ASCII), handler)


RULES: tuple[Rule, ...] = (
    _rule(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", absolute.iso_day),
    _rule(r"(?P<year>\d{4})-(?P<month>\d{2})", absolute.iso_month),
    _rule(
        r"(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{4}|\d{2})",
        absolute.numeric_day,
    ),
    _rule(
        rf"(?P<month>{MONTH_RE})\.? (?:the )?(?P<day>\d{{1,2}}){_ORD}(?:,? (?P<year>\d{{4}}))?",
        absolute.month_day,
    ),
    _rule(
        rf"(?:the )?(?P<day>\d{{1,2}}){_ORD} (?:of )?(?P<month>{MONTH_RE})\.?"
        r"(?:,? (?P<year>\d{4}))?",
        absolute.month_day,
    ),
    _rule(rf"(?P<month>{MONTH_RE})\.?(?:,? (?:of )?(?P<year>\d{{4}}))?", absolute.month_year),
    _rule(r"(?:the )?(?:year )?(?P<year>\d{4})", absolute.bare_year),
    _rule(rf"(?:the )?(?P<word>{alternation(DAY_WORDS)})", _story(relative.day_word)),
    _rule(rf"{_WHICH}?(?P<weekday>{WEEKDAY_RE})", _story(relative.weekday)),
    _rule(rf"{_WHICH}(?P<unit>week|weekend|month|year)", _story(relative.named_period)),
    _rule(r"(?P<which>the) (?P<unit>week|weekend|month|year)", _story(relative.named_period)),
    _rule(
        rf"(?P<count>{COUNT_RE}) (?P<unit>{UNIT_RE}) (?P<direction>ago|from now|hence)",
        _story(relative.offset),
    ),
    _rule(rf"(?P<direction>in) (?P<count>{COUNT_RE}) (?P<unit>{UNIT_RE})", _story(relative.offset)),
    _rule(
        rf"(?:(?:{COUNT_RE}) (?:{UNIT_RE}) (?:earlier|later|before|after|previously|prior)"
        r"|(?:the|that) (?:previous|next|following|preceding|same|subsequent) "
        r"(?:day|week|weekend|month|year|morning|afternoon|evening|night)"
        r"|(?:the|that|this) (?:same )?(?:day|week|month|year|morning|evening|night)"
        r"|(?:the )?(?:day|night|week|month|year) (?:before|after|earlier|later|prior))",
        relative.anaphoric,
    ),
    _rule(
        rf"{_WHICH}?(?:the )?(?P<season>{SEASON_RE})(?:,? (?:of )?(?P<year>\d{{4}}))?",
        relative.season,
    ),
)

_SPACES = re.compile(r"\s+")
_PREFIXES = re.compile(
    r"(?:on|at|by|over|since|until|till|from|during|around|circa|as of|as early as|as late as)"
    rf" |in (?!(?:{COUNT_RE}) (?:{UNIT_RE})\Z)"
    r"|(?:the )?(?:very )?(?:end|beginning|start|middle|turn|close) of "
    r"|(?:early|mid|late|earlier|later)(?:-| |(?=\d))"
    r"|(?:about |around )?(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?)|\d{1,2}[:.]\d{2}"
    r"|noon|midnight|dawn|dusk|midday)(?: \(?(?:gmt|utc|local time)\)?)?(?: on)? ",
    re.ASCII,
)
_PART_OF_DAY = re.compile(rf"(?P<rest>.+?) (?:{alternation(PARTS_OF_DAY)})", re.ASCII)
_KEEP_PART_OF_DAY = frozenset({"last", "this", "that", "the", "every", "each", "one", "same"})
_RANGE = re.compile(
    r"(?:from |between )?(?P<first>.+?)(?: (?:to|and|until|till|through) | ?- ?)(?P<second>.+)"
)
_WEEKDAY_FIRST = re.compile(rf"(?P<weekday>{WEEKDAY_RE}),? (?P<rest>.+)", re.ASCII)


def normalize(text: str) -> str:
    """Lower case, one space, no outer punctuation, possessive, preposition, modifier ("mid-",
    "late", "the end of"), clock time or part of the day ("Monday night" -> "monday")."""
    out = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    out = _SPACES.sub(" ", out).strip(" .,;:!?()[]\"'")
    out = out.removesuffix("'s").removesuffix("'")
    for _ in range(6):
        before = out
        if (prefix := _PREFIXES.match(out)) and prefix.end() < len(out):
            out = out[prefix.end() :]
        part = _PART_OF_DAY.fullmatch(out)
        if part and part["rest"] not in _KEEP_PART_OF_DAY and out not in DAY_WORDS:
            out = part["rest"]
        if out == before:
            break
    return out


def resolve_expression(text: str, published: dt.date | None, tense: Tense) -> Resolution:
    """(value, precision, problem) of one temporal expression; see the module docstring.

    ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" at ``precision``; when it is None,
    ``problem`` says why. Never raises.
    """
    return _resolve(normalize(text), published, tense)


def _resolve(text: str, published: dt.date | None, tense: Tense) -> Resolution:
    resolution = _resolve_one(text, published, tense)
    if resolution[2] != UNPARSEABLE:
        return resolution
    if _is_range(text, published, tense):
        return unresolved(RANGE)
    weekday_first = _WEEKDAY_FIRST.fullmatch(text)
    if weekday_first and weekday_first["rest"] not in WEEKDAYS:
        # "Wednesday, October 16": the date after the weekday says more
        return _resolve(normalize(weekday_first["rest"]), published, tense)
    return unresolved(UNPARSEABLE)


def _is_range(text: str, published: dt.date | None, tense: Tense) -> bool:
    """ "from Monday to Wednesday", "between 2012 and 2015": two dates, no single one."""
    match = _RANGE.fullmatch(text)
    if match is None:
        return False
    ends = (normalize(match["first"]), normalize(match["second"]))
    return all(_resolve_one(end, published, tense)[2] != UNPARSEABLE for end in ends)


def _resolve_one(text: str, published: dt.date | None, tense: Tense) -> Resolution:
    for rule in RULES:
        match = rule.pattern.match(text)
        if match is not None:
            return rule.handler(match, published, tense)
    return unresolved(UNPARSEABLE)
