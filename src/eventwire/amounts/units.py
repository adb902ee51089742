"""What a number counts or measures: a currency, a distance, a duration, a percentage, or the
noun it modifies (people, weapons, other things).

:func:`unit_after` looks at the words after a :class:`~.numerals.Quantity`;
:func:`currency_before` at the symbol in front of it ("$", "€", "Rs").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from .numerals import Quantity
from .vocab import (
    CURRENCY_QUALIFIERS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DISTANCE_UNITS,
    DURATION_UNITS,
    NOT_UNITS,
    PEOPLE,
    VICTIM_ADJECTIVES,
    WEAPONS,
)

Kind = Literal[
    "money", "distance", "area", "duration", "percent", "people", "weapons", "count", "skip"
]
HYPHENS = frozenset({"-", "–"})
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_BETWEEN_POS = frozenset({"ADJ", "NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Unit:
    """The unit of an amount that ends before token ``end``; ``skip``: not an amount at all."""

    kind: Kind
    name: str
    end: int
    noun: Token | None = None  # the counted noun, for people, weapons and other counts


def currency_before(doc: Doc, i: int) -> tuple[int, str] | None:
    """The currency symbol or code just before token ``i`` ("$5", "Rs. 500") and its index."""
    for k in (i - 1, i - 2):
        if k < 0 or (k == i - 2 and doc[i - 1].text != "."):
            continue
        code = CURRENCY_SYMBOLS.get(doc[k].lower_)
        if code is not None:
            return k, code
    return None


def unit_after(doc: Doc, q: Quantity) -> Unit | None:
    """The unit after the number ``q``: a measure, else the noun it counts."""
    if q.glued:
        return Unit("distance", q.glued, q.end)
    j = q.end
    if j >= len(doc):
        return None
    if doc[j].text in HYPHENS:
        if doc[j].whitespace_ or doc[j - 1].whitespace_ or q.vague:
            return None
        return _hyphenated(doc, j + 1)
    if not q.vague:
        measure = _percent(doc, j) or _money_word(doc, j) or _distance(doc, j) or _duration(doc, j)
        if measure is not None:
            return measure
    return _counted(doc, q)


def _next(doc: Doc, j: int) -> str:
    return doc[j].lower_ if j < len(doc) else ""


def _hyphenated(doc: Doc, j: int) -> Unit:
    """ "5-kilometer", "30-day"; "41-year-old" is an age and "27-member" no amount."""
    low = _next(doc, j)
    if low in DURATION_UNITS:
        if _next(doc, j + 1) in HYPHENS and _next(doc, j + 2) in ("old", "olds"):
            return Unit("skip", "", j + 3)
        return Unit("duration", DURATION_UNITS[low], j + 1)
    if low in DISTANCE_UNITS:
        return Unit("distance", DISTANCE_UNITS[low], j + 1)
    return Unit("skip", "", min(j + 1, len(doc)))


def _percent(doc: Doc, j: int) -> Unit | None:
    low, nxt = doc[j].lower_, _next(doc, j + 1)
    if low in ("%", "percent", "pct"):
        return Unit("percent", "%", j + 1)
    if (low, nxt) in (("per", "cent"), ("percentage", "points"), ("percentage", "point")):
        return Unit("percent", "%", j + 2)
    return None


def _money_word(doc: Doc, j: int) -> Unit | None:
    """ "50 million euros", "1.2 trillion yen", "5 billion US dollars"."""
    low, nxt = doc[j].lower_, _next(doc, j + 1)
    qualified = CURRENCY_QUALIFIERS.get((low, nxt))
    if qualified is not None:
        return Unit("money", qualified, j + 2)
    code = CURRENCY_WORDS.get(low)
    if code is None or (code == "GBP" and nxt == "of") or doc[j].pos_ == "VERB":
        return None  # "500 pounds of explosives", "the party won"
    return Unit("money", code, j + 1)


def _distance(doc: Doc, j: int) -> Unit | None:
    """ "60 km", "37 miles", "200 metres", "12 nautical miles", "60 square kilometres"."""
    low, nxt = doc[j].lower_, _next(doc, j + 1)
    if low == "nautical" and nxt in ("miles", "mile"):
        return Unit("distance", "nmi", j + 2)
    if low == "square" and nxt in DISTANCE_UNITS:
        return Unit("area", DISTANCE_UNITS[nxt] + "2", j + 2)
    if low in DISTANCE_UNITS:
        return Unit("distance", DISTANCE_UNITS[low], j + 1)
    return None


def _duration(doc: Doc, j: int) -> Unit | None:
    """ "for 60 days", "two years in prison"; not "two years ago" or "41 years old"."""
    low, nxt = doc[j].lower_, _next(doc, j + 1)
    if low not in DURATION_UNITS:
        return None
    if nxt in ("old", "ago") or (nxt == "of" and _next(doc, j + 2) == "age"):
        return Unit("skip", "", j + 2)
    return Unit("duration", DURATION_UNITS[low], j + 1)


def _counted(doc: Doc, q: Quantity) -> Unit | None:
    """The noun the number counts: "four soldiers", "thousands of protesters", "12 dead"."""
    if doc[q.end].lower_ == "of":
        noun = _of_noun(doc, q.end)
        allowed: tuple[Kind, ...] = ("people", "weapons", "count") if q.vague else ("people",)
    else:
        noun = _modified_noun(doc, q)
        allowed = ("people", "weapons", "count")
    if noun is None:
        return None
    kind, name = classify(noun, q)
    if kind not in allowed:
        return None
    return Unit(kind, name, noun.i + 1, noun)


def _of_noun(doc: Doc, j: int) -> Token | None:
    """The noun after "of" in "thousands of protesters", "three of the soldiers"."""
    pobj = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
        return pobj
    for tok in doc[j + 1 : j + 5]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def _modified_noun(doc: Doc, q: Quantity) -> Token | None:
    """The noun the number modifies, a few words on ("six police officers", "2 million
    Syrian refugees"); without a usable parse, a known noun right after the number."""
    root = doc[q.start : q.end].root
    head = root.head
    near = q.end <= head.i <= q.end + 3
    if root.dep_ in _MODIFIER_DEPS and near and all(map(_modifier_word, doc[q.end : head.i])):
        return _compound_head(head)
    tok = doc[q.end]
    low, lemma = tok.lower_, tok.lemma_.lower()
    if lemma in PEOPLE or lemma in WEAPONS or low in VICTIM_ADJECTIVES:
        return _compound_head(tok)
    return None


def _compound_head(noun: Token) -> Token:
    """ "two fighter jets": the number may hang on the first noun of a compound."""
    while noun.dep_ == "compound" and noun.i < noun.head.i <= noun.i + 2:
        noun = noun.head
    return noun


def _modifier_word(tok: Token) -> bool:
    """A word between a number and its noun: "six [police] officers", "40 [F-16] jets"."""
    return tok.pos_ in _BETWEEN_POS or tok.tag_ == "HYPH" or any(c.isalpha() for c in tok.text)


def classify(noun: Token, q: Quantity) -> tuple[Kind, str]:
    """People, weapons (unit: the plural noun), other plural things, or no unit ("skip")."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    if low in NOT_UNITS or lemma in NOT_UNITS:
        return "skip", ""
    weapon = WEAPONS.get(lemma) or WEAPONS.get(low)
    if weapon is not None:
        return "weapons", weapon
    if lemma in PEOPLE or low in PEOPLE or low in VICTIM_ADJECTIVES or _nationals(noun):
        return "people", "people"
    if noun.pos_ == "NOUN" and noun.tag_ == "NNS" and not q.year_like:
        return "count", low
    return "skip", ""


def _nationals(noun: Token) -> bool:
    """ "12 Palestinians", "three Americans"."""
    return noun.tag_ == "NNPS" or (noun.ent_type_ == "NORP" and noun.lower_.endswith("s"))
