"""Every temporal expression of a parsed doc, resolved against the story date."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from .candidates import candidate_spans, is_age, is_not_a_date
from .expression import UNPARSEABLE, TimeExpression
from .lexicon import COUNT_RE, UNIT_RE
from .resolve import resolve_expression
from .tense import tense_of

_COUNT_UNIT = re.compile(rf"(?:{COUNT_RE}) (?:{UNIT_RE})", re.IGNORECASE)
_EDGE_TEXT = frozenset({"'s", "’s", "-", "--", "—"})


def find_dates(doc: Doc, published: dt.date | None) -> list[TimeExpression]:
    """The temporal expressions of ``doc`` in text order, each resolved with the tense of the
    verb it depends on. Durations ("for 60 days", "a 30-day ceasefire"), ages, frequencies and
    times of day alone ("at 3 p.m.") are left out; expressions that cannot be resolved are kept
    with ``value`` None and a ``problem``."""
    found: list[TimeExpression] = []
    for candidate in candidate_spans(doc):
        expression = _expression(candidate, published)
        if expression is not None:
            found.append(expression)
    return found


def _expression(candidate: Span, published: dt.date | None) -> TimeExpression | None:
    span = _trim(candidate)
    if span is None or is_age(span) or _adjective(span):
        return None
    tense = tense_of(span)
    span = _with_in(span, tense)
    if is_not_a_date(span.text):
        return None
    value, precision, problem = resolve_expression(span.text, published, tense)
    if problem == UNPARSEABLE and _only_time(candidate):
        return None
    return TimeExpression(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value,
        precision=precision,
        tokens=(span.start, span.end),
        problem=problem,
    )


def _trim(span: Span) -> Span | None:
    """The span without punctuation or a possessive at its edges."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].text in _EDGE_TEXT):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _EDGE_TEXT):
        end -= 1
    return doc[start:end] if end > start else None


def _with_in(span: Span, tense: str) -> Span:
    """ "in two weeks" said of the future is a date, not a duration: take the "in" along."""
    doc = span.doc
    if (
        tense == "future"
        and span.start > 0
        and doc[span.start - 1].lower_ == "in"
        and _COUNT_UNIT.fullmatch(span.text)
    ):
        return doc[span.start - 1 : span.end]
    return span


def _adjective(span: Span) -> bool:
    """ "an overnight curfew": a word of time used as an adjective describes, it does not date."""
    return len(span) == 1 and span.root.dep_ == "amod"


def _only_time(span: Span) -> bool:
    """A TIME entity or clock time with nothing of a date in it ("3 p.m.", "noon")."""
    return all(t.ent_type_ in ("TIME", "") for t in span)
