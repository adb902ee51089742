"""Typed records of gold data, and the error raised for a gold file that cannot be used.

A gold actor stays the small JSON object of the gold file (``country``, ``name``, ``aliases``,
``code``, ``role``): the matching rule in :mod:`eventwire.evaluation.gold` reads it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError


class GoldError(InputError):
    """A gold file is unreadable or not in a gold format; names the file and, for JSON Lines,
    the line (``file:line: reason``)."""

    code = "E040"

    def __init__(self, message: str, *, source: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(message, source=f"{source}:{line}" if line is not None else source)


@dataclass(frozen=True)
class GoldPlace:
    """A place of the article (``places``) or the location of an event (``location``)."""

    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    alternatives: tuple[str, ...]
    contains: str


@dataclass(frozen=True)
class GoldAmount:
    value: float
    unit: str
    text: str


@dataclass(frozen=True)
class GoldEvent:
    id: str
    required: bool
    symmetric: bool
    sentence: int | None
    evidence: str | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    roots: frozenset[str]
    plover: frozenset[str]
    statuses: frozenset[str]  # empty: the gold does not say (not scored)
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD": the precision the gold gives
    location: GoldPlace | None = None
    plover_order: tuple[str, ...] = ()  # the PLOVER types as listed; the first is the main one

    @property
    def main_type(self) -> str:
        """The event's PLOVER type for per-type recall and the confusion table."""
        return self.plover_order[0] if self.plover_order else "-"


@dataclass(frozen=True)
class GoldArticle:
    path: Path  # the gold file
    text: str
    story_date: dt.date | None
    events: tuple[GoldEvent, ...]
    id: str = ""  # eventwire.ingest.text.article_id(text)
    name: str = ""  # how reports name the article: file stem, "id" field or file:line
    aliases: tuple[str, ...] = ()  # prediction "source" values naming this article
    quotations: tuple[GoldQuote, ...] | None = None  # None: not annotated (not scored)
    amounts: tuple[GoldAmount, ...] | None = None
    places: tuple[GoldPlace, ...] | None = None
