"""Temporal expressions found in parsed sentences and the one that dates each event (issue 3).

Invented sentences parsed by the `nlp` fixture. Each row of GOVERNING: the sentence, the story
date, a trigger word, and the text, value and precision of the expression that dates it (or
None when the event has none of its own and the caller falls back on the story date).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.dates import TimeExpression, find_dates, governing_date
from eventwire.dates.expression import IMPOSSIBLE, NO_STORY_DATE

pytestmark = [pytest.mark.issue(3), pytest.mark.model]

FRI = dt.date(2017, 9, 8)  # a Friday

GOVERNING = [
    ("The minister will visit Paris in October.", FRI, "visit", ("October", "2017-10", "month")),
    (
        "The minister will visit Paris in October.",
        dt.date(2017, 11, 3),
        "visit",
        ("October", "2018-10", "month"),
    ),
    (
        "Last month, the president met his counterpart in Rome.",
        FRI,
        "met",
        ("Last month", "2017-08", "month"),
    ),
    # a conjunct sharing the subject inherits the date of the verb it is conjoined to
    (
        "Defence Minister Dana Kessler will visit Norway in October and meet with her counterpart.",
        FRI,
        "meet",
        ("October", "2017-10", "month"),
    ),
    (
        "The talks began two days ago in Geneva.",
        FRI,
        "began",
        ("two days ago", "2017-09-06", "day"),
    ),
    ("The president visited Moscow in April.", FRI, "visited", ("April", "2017-04", "month")),
    (
        "The president visited Moscow in April.",
        dt.date(2017, 3, 15),
        "visited",
        ("April", "2016-04", "month"),
    ),
    ("The president will visit Moscow in April.", FRI, "visit", ("April", "2018-04", "month")),
    (
        "The minister plans to visit Berlin next week.",
        FRI,
        "visit",
        ("next week", "2017-09-11", "day"),
    ),
    (
        "The prime minister is due to travel to Lisbon on Thursday.",
        FRI,
        "travel",
        ("Thursday", "2017-09-14", "day"),
    ),
    (
        "Rebels attacked the base on Thursday, the army said.",
        FRI,
        "attacked",
        ("Thursday", "2017-09-07", "day"),
    ),
    ("Rebels attacked the base on Thursday, the army said.", FRI, "said", None),
    (
        "The accord was signed on 16/10/2017 in Oslo.",
        FRI,
        "signed",
        ("16/10/2017", "2017-10-16", "day"),
    ),
    (
        "The accord was signed on 10/16/2017 in Oslo.",
        FRI,
        "signed",
        ("10/16/2017", "2017-10-16", "day"),
    ),
    (
        "Rebels shelled the city overnight, officials said.",
        FRI,
        "shelled",
        ("overnight", "2017-09-08", "day"),
    ),
    (
        "The vote was scheduled for next month.",
        FRI,
        "scheduled",
        ("next month", "2017-10", "month"),
    ),
    (
        "The minister met his counterpart in Rome on Wednesday.",
        FRI,
        "met",
        ("Wednesday", "2017-09-06", "day"),
    ),
    ("The leaders held talks on Monday.", FRI, "talks", ("Monday", "2017-09-04", "day")),
    (
        "Prices of bread rose sharply earlier this year.",
        FRI,
        "rose",
        ("earlier this year", "2017", "year"),
    ),
    (
        "The vote will be held later this month.",
        FRI,
        "held",
        ("later this month", "2017-09", "month"),
    ),
    ("The troops will leave in two weeks.", FRI, "leave", ("in two weeks", "2017-09-22", "day")),
    (
        "On Sunday, the troops withdrew and the rebels returned to the town.",
        FRI,
        "returned",
        ("Sunday", "2017-09-03", "day"),
    ),
    # a speech date does not date what is reported, nor a separate clause with its own subject
    (
        "The minister said on Wednesday that rebels had attacked the base.",
        FRI,
        "attacked",
        None,
    ),
    (
        "The minister said on Wednesday that rebels had attacked the base.",
        FRI,
        "said",
        ("Wednesday", "2017-09-06", "day"),
    ),
    (
        "Troops withdrew from the town three weeks ago and the rebels returned.",
        FRI,
        "returned",
        None,
    ),
    ("The army has been fighting the rebels since 2015.", FRI, "fighting", None),
    ("The rebels attacked the base.", FRI, "attacked", None),
    ("The attack on Sept. 11, 2001 changed the city.", FRI, "changed", None),
]


def _trigger(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("sentence", "published", "word", "expected"), GOVERNING)
def test_governing_date(
    nlp: Any,
    sentence: str,
    published: dt.date,
    word: str,
    expected: tuple[str, str, str] | None,
) -> None:
    doc = nlp(sentence)
    found = governing_date(_trigger(doc, word), find_dates(doc, published))
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.text, found.value, found.precision) == expected


def test_enough_sentences() -> None:
    assert len(GOVERNING) >= 15


def _texts(expressions: list[TimeExpression]) -> list[str]:
    return [e.text for e in expressions]


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("The talks were suspended for 60 days.", []),
        ("The army declared a 30-day ceasefire on Monday.", ["Monday"]),
        ("The government announced a three-month pause.", []),
        ("The 45-year-old activist was arrested yesterday.", ["yesterday"]),
        ("The activist, aged 45, was arrested yesterday.", ["yesterday"]),
        ("Police detained 30 people at 3 p.m. on Tuesday.", ["Tuesday"]),
        ("The army imposed an overnight curfew.", []),
        ("The president arrived at noon.", []),
        ("March organisers said the rally would go ahead.", []),
        ("Both sides have fought for two years and in recent weeks.", []),
        ("The singer Anna May met the president in March.", ["March"]),
        ("The envoy arrived on Oct. 16 and left on Oct. 18.", ["Oct. 16", "Oct. 18"]),
        ("The accord was signed on 05.06.2017 in Oslo.", ["05.06.2017"]),
        ("Protesters gathered on Sunday, October 15, in the capital.", ["Sunday, October 15"]),
    ],
)
def test_what_is_a_date(nlp: Any, sentence: str, texts: list[str]) -> None:
    assert _texts(find_dates(nlp(sentence), FRI)) == texts


def test_no_story_date_keeps_the_text(nlp: Any) -> None:
    (expression,) = find_dates(nlp("The talks began two days ago in Geneva."), None)
    assert expression.text == "two days ago"
    assert (expression.value, expression.precision) == (None, None)
    assert expression.problem == NO_STORY_DATE


def test_absolute_dates_need_no_story_date(nlp: Any) -> None:
    (expression,) = find_dates(nlp("The election was held in October 2017."), None)
    assert (expression.value, expression.precision, expression.problem) == (
        "2017-10",
        "month",
        None,
    )


def test_impossible_date_is_kept_with_a_problem(nlp: Any) -> None:
    (expression,) = find_dates(nlp("The treaty was signed on February 30, 2017."), FRI)
    assert expression.text == "February 30, 2017"
    assert expression.value is None
    assert expression.problem == IMPOSSIBLE


def test_weekday_and_date_are_one_expression(nlp: Any) -> None:
    doc = nlp("Protesters gathered on Sunday, October 15, in the capital.")
    (expression,) = find_dates(doc, dt.date(2017, 10, 20))
    assert (expression.value, expression.precision) == ("2017-10-15", "day")


def test_offsets_point_into_the_text(nlp: Any) -> None:
    doc = nlp(
        "Last month, the president met his counterpart in Rome. He will return in October, "
        "two weeks after the summit of 16/10/2017, and left overnight on Monday night."
    )
    expressions = find_dates(doc, FRI)
    assert len(expressions) >= 4
    for e in expressions:
        assert doc.text[e.start : e.end] == e.text
        assert doc[e.tokens[0] : e.tokens[1]].text == e.text
    assert [e.start for e in expressions] == sorted(e.start for e in expressions)
