"""Number expressions, read from tokens alone (issue 3): no model is needed."""

from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from spacy.language import Language

from eventwire.amounts.numerals import parse_quantity

pytestmark = pytest.mark.issue(3)

NUMBERS = [
    ("four", Decimal(4), "four"),
    ("twelve", Decimal(12), "twelve"),
    ("twenty-five", Decimal(25), "twenty-five"),
    ("two dozen", Decimal(24), "two dozen"),
    ("a hundred", Decimal(100), "a hundred"),
    ("two hundred and fifty", Decimal(250), "two hundred and fifty"),
    ("1,200", Decimal(1200), "1,200"),
    ("1.5", Decimal("1.5"), "1.5"),
    ("1.5 billion", Decimal("1.5e9"), "1.5 billion"),
    ("2 million", Decimal(2_000_000), "2 million"),
    ("1.5bn", Decimal("1.5e9"), "1.5bn"),
    ("dozens", Decimal(24), "dozens"),
    ("scores", Decimal(40), "scores"),
    ("hundreds", Decimal(200), "hundreds"),
    ("thousands", Decimal(2000), "thousands"),
    ("tens of thousands", Decimal(20000), "tens of thousands"),
    ("hundreds of thousands", Decimal(200000), "hundreds of thousands"),
    ("10 to 15", Decimal(10), "10 to 15"),
    ("10-15", Decimal(10), "10-15"),
    ("10 to 15 million", Decimal(10_000_000), "10 to 15 million"),
    ("two or three", Decimal(2), "two or three"),
]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "value", "span"), NUMBERS)
def test_numbers(blank: Language, text: str, value: Decimal, span: str) -> None:
    doc = blank(text + " people")
    q = parse_quantity(doc, 0)
    assert q is not None
    assert q.value == value
    assert doc[q.start : q.end].text == span


@pytest.mark.parametrize("text", ["first", "1st", "people", "the", "million"])
def test_not_numbers(blank: Language, text: str) -> None:
    assert parse_quantity(blank(text), 0) is None


def test_m_is_million_only_for_money(blank: Language) -> None:
    doc = blank("3m")
    metres = parse_quantity(doc, 0)
    money = parse_quantity(doc, 0, money=True)
    assert metres is not None and metres.value == 3
    assert money is not None and money.value == 3_000_000
    assert doc[money.start : money.end].text == "3m"
