"""Every number-with-unit in a parsed text, as :class:`~eventwire.records.Amount` records."""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Doc

from ..records import Amount
from .counts import bare_counts, people_counts
from .numerals import Quantity, parse_quantity
from .units import HYPHENS, Unit, currency_before, unit_after
from .vocab import CURRENCY_WORDS, MODIFIERS, PEOPLE, WEAPONS

_COUNTS = MappingProxyType(
    {"money": "money", "distance": "distance", "area": "area", "duration": "duration"}
)
_DATE_ENTITIES = frozenset({"DATE", "TIME"})
_NOT_ONE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which"})


def find_amounts(doc: Doc) -> list[Amount]:
    """Every number-with-unit in ``doc``, in text order, GDELT-style.

    ``value`` is the number as a float, ``unit`` the normalised unit and ``counts`` what is
    counted; the text span keeps approximations ("at least 12 people"). See the package
    docstring for the units, the conventional values of vague numbers and what is left out.
    """
    amounts: list[Amount] = []
    i = 0
    while i < len(doc):
        found = _amount_at(doc, i)
        if found is None:
            i += 1
            continue
        amount, i = found
        if amount is not None:
            amounts.append(amount)
    return amounts


def _amount_at(doc: Doc, i: int) -> tuple[Amount | None, int] | None:
    """The amount whose number starts at token ``i`` (or ``None`` for a number that is not an
    amount) and the token after it; ``None`` when no number starts there."""
    if _glued_to_word(doc, i):
        return None
    currency = currency_before(doc, i)
    q = parse_quantity(doc, i, money=currency is not None)
    if q is None:
        return None
    if currency is None and _million_m(doc, q):
        q = parse_quantity(doc, i, money=True) or q
    if currency is not None:
        unit: Unit | None = _money_after_symbol(doc, q, currency[1])
    else:
        unit = unit_after(doc, q) or _bare_people(doc, q)
    if unit is None or unit.kind == "skip" or _date_like(doc, q, unit) or _no_count(doc, q):
        return None, max(q.end, unit.end if unit else 0)
    if unit.kind == "count" and q.value < 3:
        return None, unit.end  # "the two countries", "both sides": not a quantity of interest
    start = _with_modifiers(doc, currency[0] if currency else q.start, q)
    counts = _counts_of(doc, start, q, unit)
    return _make(doc, start, unit.end, float(q.value), unit.name, counts), unit.end


def _glued_to_word(doc: Doc, i: int) -> bool:
    """ "F-16", "Su-25": a number joined to letters by a hyphen is a name."""
    if i < 2 or doc[i - 1].text not in HYPHENS:
        return False
    return not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha


def _million_m(doc: Doc, q: Quantity) -> bool:
    """ "3m people", "5m euros": a lone "m" before a counted noun means million, not metres."""
    if q.end + 1 >= len(doc) or doc[q.end].lower_ != "m":
        return False
    after = doc[q.end + 1]
    lemma = after.lemma_.lower()
    return lemma in PEOPLE or lemma in WEAPONS or after.lower_ in CURRENCY_WORDS


def _money_after_symbol(doc: Doc, q: Quantity, code: str) -> Unit:
    """ "$1.5 billion", "£3m", "Rs 500 crore"; a currency word repeated after is included."""
    end = q.end
    if end < len(doc) and doc[end].lower_ in CURRENCY_WORDS and doc[end].pos_ != "VERB":
        end += 1
    return Unit("money", code, end)


def _bare_people(doc: Doc, q: Quantity) -> Unit | None:
    """ "killing 12", "dozens injured": a number alone counts people something happened to."""
    if q.year_like or bare_counts(doc, q.start, q.end) is None:
        return None
    return Unit("people", "people", q.end)


def _date_like(doc: Doc, q: Quantity, unit: Unit) -> bool:
    """ "the 2012 elections": a year (or a date entity) counting things is no amount."""
    if unit.kind != "count":
        return False
    return q.year_like or any(t.ent_type_ in _DATE_ENTITIES for t in doc[q.start : q.end])


def _no_count(doc: Doc, q: Quantity) -> bool:
    """ "no one", "the one who", "one in ten people": not a count of one or of ten."""
    before = doc[q.start - 1].lower_ if q.start > 0 else ""
    if doc[q.start].lower_ == "one" and before in _NOT_ONE:
        return True
    return before == "in" and q.start > 1 and doc[q.start - 2].lower_ in ("one", "1")


def _with_modifiers(doc: Doc, start: int, q: Quantity) -> int:
    """Move ``start`` back over "at least", "more than", "about", "between" ... ."""
    if q.is_range and start > 0 and doc[start - 1].lower_ == "between":
        return start - 1
    for words in MODIFIERS:
        first = start - len(words)
        if first >= 0 and tuple(t.lower_ for t in doc[first:start]) == words:
            return first
    return start


def _counts_of(doc: Doc, start: int, q: Quantity, unit: Unit) -> str | None:
    if unit.kind == "people":
        return people_counts(doc, start, unit.end, unit.noun)
    if unit.kind == "weapons":
        return "weapons"
    return _COUNTS.get(unit.kind)


def _make(doc: Doc, start: int, end: int, value: float, unit: str, counts: str | None) -> Amount:
    """The record over tokens ``start`` to ``end`` (exclusive), with character offsets."""
    first, last = doc[start], doc[end - 1]
    begin, stop = first.idx, last.idx + len(last.text)
    return Amount(doc.text[begin:stop], begin, stop, value, unit, counts)
