"""Number expressions in a parsed text: digits, number words, scales, vague plurals, ranges.

:func:`parse_quantity` reads the number that starts at a token and says where it ends; it
knows nothing of units. Values are :class:`~decimal.Decimal` so that "1.2 trillion" is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc, Token

from .vocab import (
    DISTANCE_UNITS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SMALL_WORDS,
    TENS_WORDS,
    VAGUE_MULTIPLES,
    VAGUE_SCALES,
    VAGUE_WORDS,
)

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)")
_DIGIT_RANGE = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[–-]\d[\d,.]*")
_HYPHENS = frozenset({"-", "–"})
_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number over the tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    value: Decimal
    scale: Decimal = _ONE  # the trailing multiplier ("15 million" -> 10**6)
    vague: bool = False  # "dozens", "tens of thousands": a conventional value
    glued: str | None = None  # a unit written into the last token ("5km")
    is_range: bool = False
    year_like: bool = False  # a bare four-digit integer such as 2012


def parse_quantity(doc: Doc, i: int, *, money: bool = False) -> Quantity | None:
    """The number starting at token ``i``; ``money`` lets a lone "m" mean million ("£3m")."""
    found = _vague(doc, i) or _exact(doc, i, money)
    if found is None or found.vague:
        return found
    return _with_range(doc, found, money)


def _vague(doc: Doc, i: int) -> Quantity | None:
    low = doc[i].lower_
    if low in VAGUE_MULTIPLES and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        scale = VAGUE_SCALES.get(doc[i + 2].lower_)
        if scale is not None:
            return Quantity(i, i + 3, VAGUE_MULTIPLES[low] * scale, scale, vague=True)
    if low in VAGUE_WORDS:
        return Quantity(i, i + 1, VAGUE_WORDS[low], vague=True)
    return None


def _digit_token(tok: Token) -> tuple[Decimal, str] | None:
    """ "1,200" -> (1200, ""), "1.5bn" -> (1.5, "bn"), "10–15" -> (10, "-"); ordinals fail."""
    low = tok.lower_
    m = _DIGITS.fullmatch(low)
    if m is not None:
        suffix = m.group(3)
        if suffix and suffix not in SCALE_ABBREVIATIONS and suffix not in DISTANCE_UNITS:
            return None  # "1st", "3D", "4x4"
        return Decimal(m.group(1).replace(",", "") + (m.group(2) or "")), suffix
    m = _DIGIT_RANGE.fullmatch(low)
    if m is not None:
        return Decimal(m.group(1).replace(",", "") + (m.group(2) or "")), "-"
    return None


def _first(doc: Doc, i: int, money: bool) -> Quantity | None:
    """The first component: digits (with a glued scale or unit), a number word, "a hundred"."""
    tok = doc[i]
    if tok.lower_ in ("a", "an") and i + 1 < len(doc) and doc[i + 1].lower_ in SCALE_WORDS:
        return Quantity(i, i + 1, _ONE)
    if tok.lower_ in SMALL_WORDS:
        return Quantity(i, i + 1, SMALL_WORDS[tok.lower_])
    digits = _digit_token(tok)
    if digits is None:
        return None
    value, suffix = digits
    year_like = not suffix and tok.text.isdigit() and 1800 <= value <= 2100
    q = Quantity(i, i + 1, value, is_range=suffix == "-", year_like=year_like)
    if suffix in SCALE_ABBREVIATIONS and (suffix != "m" or money):
        scale = SCALE_ABBREVIATIONS[suffix]
        return replace(q, value=value * scale, scale=scale)
    if suffix in DISTANCE_UNITS:
        return replace(q, glued=DISTANCE_UNITS[suffix])
    return q


def _exact(doc: Doc, i: int, money: bool) -> Quantity | None:
    """A number written exactly: "four", "twenty-five", "two hundred and fifty", "1.5 billion"."""
    q = _first(doc, i, money)
    if q is None or q.glued or q.is_range or q.scale != _ONE:
        return q
    total, current, base = Decimal(0), q.value, q.value
    j, last = q.end, "tens" if doc[i].lower_ in TENS_WORDS else "small"
    while j < len(doc):
        if _hyphen_scale(doc, j):
            j += 1  # "a $50-million loan"
        low = doc[j].lower_
        if low in SCALE_WORDS:
            scale = SCALE_WORDS[low]
            if scale < 1000:
                current *= scale
            else:
                total, current = total + current * scale, Decimal(0)
            j, last = j + 1, "scale"
        elif low in SCALE_ABBREVIATIONS and last != "scale" and (low != "m" or money):
            total, current = total + current * SCALE_ABBREVIATIONS[low], Decimal(0)
            j, last = j + 1, "abbreviation"
            break
        elif (step := _addend(doc, j, last)) is not None:
            current += step[0]
            j, last = step[1], "small"
        else:
            break
    value = total + current
    return replace(q, end=j, value=value, scale=value / base if base else _ONE)


def _hyphen_scale(doc: Doc, j: int) -> bool:
    """Is token ``j`` a hyphen joining a number to "million", "billion" or "trillion"?"""
    if doc[j].text not in _HYPHENS or doc[j].whitespace_ or doc[j - 1].whitespace_:
        return False
    return j + 1 < len(doc) and doc[j + 1].lower_ in ("million", "billion", "trillion")


def _addend(doc: Doc, j: int, last: str) -> tuple[Decimal, int] | None:
    """A number word that adds to what came before ("twenty-five", "hundred and fifty")."""
    tok = doc[j]
    if last == "tens" and tok.text in _HYPHENS and not tok.whitespace_ and j + 1 < len(doc):
        tok, j = doc[j + 1], j + 1
        if doc[j - 2].whitespace_:
            return None
        ones = SMALL_WORDS.get(tok.lower_)
        return (ones, j + 1) if ones is not None and 0 < ones < 10 else None
    if last == "scale" and tok.lower_ == "and" and j + 1 < len(doc):
        tok, j = doc[j + 1], j + 1
    value = SMALL_WORDS.get(tok.lower_)
    if value is None:
        return None
    if last == "scale" or (last == "tens" and 0 < value < 10):
        return value, j + 1
    return None


def _with_range(doc: Doc, q: Quantity, money: bool) -> Quantity:
    """ "10 to 15", "10-15", "between 10 and 15", "two or three": the lower bound."""
    j = q.end
    if q.glued or q.is_range or j + 1 >= len(doc):
        return q
    link = doc[j]
    if link.lower_ not in ("to", "or", "and") and link.text not in _HYPHENS:
        return q
    if link.lower_ == "and" and (q.start == 0 or doc[q.start - 1].lower_ != "between"):
        return q
    if link.text in _HYPHENS and (doc[j - 1].whitespace_ or link.whitespace_):
        return q
    upper = _exact(doc, j + 1, money)
    if upper is None or upper.is_range:
        return q
    value = q.value * upper.scale if q.scale == _ONE else q.value
    return replace(q, end=upper.end, value=value, glued=upper.glued, is_range=True)
