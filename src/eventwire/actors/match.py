"""Find knowledge-base names and role/agent terms in a parsed document (token offsets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc

from .kb import KnowledgeBase, NameHit, Term

V = TypeVar("V")
# "Iran-backed militias", "Saudi-led coalition": the country is not the actor's own
MODIFIER_WORDS = frozenset(
    "backed allied sponsored based funded supported aligned linked armed trained "
    "brokered installed friendly controlled held".split()
)


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int  # token index
    end: int  # exclusive
    hit: NameHit
    modifier: bool  # part of a hyphenated modifier such as "Iran-backed"


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: Term


@dataclass(frozen=True, slots=True)
class Matches:
    """Longest-first, non-overlapping matches, indexed by every token they cover."""

    names: dict[int, NameMatch]
    terms: dict[int, TermMatch]


def find_matches(doc: Doc, kb: KnowledgeBase) -> Matches:
    names: dict[int, NameMatch] = {}
    terms: dict[int, TermMatch] = {}
    n = len(doc)
    words = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    spaces = [t.whitespace_ for t in doc]
    longest = kb.max_words
    i = 0
    while i < n:
        if not words[i][:1].isalpha():
            i += 1
            continue
        hit = _longest(words, spaces, i, min(n, i + longest), kb.names)
        if hit is not None:
            j, found = hit
            modifier = j + 1 < n and words[j] == "-" and doc[j + 1].lower_ in MODIFIER_WORDS
            match = NameMatch(i, j, found, modifier)
            for k in range(i, j):
                names[k] = match
            i = j
            continue
        i += 1
    i = 0
    while i < n:
        if not lowers[i][:1].isalpha():
            i += 1
            continue
        thit = _longest(lowers, spaces, i, min(n, i + longest), kb.terms)
        if thit is not None:
            j, term = thit
            tm = TermMatch(i, j, term)
            for k in range(i, j):
                terms[k] = tm
            i = j
            continue
        i += 1
    return Matches(names, terms)


def _longest(
    words: list[str], spaces: list[str], start: int, stop: int, table: dict[str, V]
) -> tuple[int, V] | None:
    """The longest run ``words[start:j]`` (as written, blanks folded) found in ``table``."""
    prefix = ""
    best: tuple[int, V] | None = None
    for j in range(start, stop):
        key = prefix + words[j]
        if key in table:
            best = (j + 1, table[key])
        prefix = key + (" " if spaces[j] else "")
    return best
