"""Where the temporal expressions of a doc are: spaCy's DATE and TIME entities, plus patterns for
what the small model misses (numeric dates, "Oct. 16", weekdays, "overnight", "in 2012"), and
the tests that keep durations, ages, frequencies and times of day out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .lexicon import COUNT_RE, WEEKDAYS

DATE_LABELS = frozenset({"DATE", "TIME"})
NEUTRAL_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?: (?:morning|afternoon|evening|night))?"
_YEAR_CUE = r"(?i:in|since|by|until|of|from|through|during|before|after)"
_NUMERIC = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
)
_PATTERNS: tuple[re.Pattern[str], ...] = (
    _NUMERIC,
    re.compile(
        rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\b\.?(?: \d{{1,2}}{_ORD}\b)?(?:,? \d{{4}}\b)?"
    ),
    re.compile(rf"\b\d{{1,2}}{_ORD} (?:of )?{_MONTH}\b\.?(?:,? \d{{4}}\b)?"),
    re.compile(rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?{_WEEKDAY}{_PART}\b"),
    re.compile(
        r"(?i:\b(?:yesterday|today|tomorrow|tonight|overnight|last night"
        r"|this (?:morning|afternoon|evening)"
        r"|(?:(?:earlier|later|early|late) )?(?:last|next|this) (?:week|weekend|month|year)"
        rf"|(?:{COUNT_RE}) (?:days?|weeks?|months?|years?) ago)\b)"
    ),
    re.compile(rf"\b{_YEAR_CUE} (?P<x>1[89]\d\d|2[01]\d\d)\b(?!,\d)"),
)
_AMBIGUOUS_MONTH = re.compile(r"May|March|Jan|Mar|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Feb|Apr")
_MONTH_CUES = frozenset(
    "in on since by until of from through during before after early mid late last next this "
    "mid-".split()
)


def candidate_spans(doc: Doc) -> list[Span]:
    """Token spans that may be temporal expressions, overlapping ones merged, in text order."""
    found = [(e.start, e.end) for e in doc.ents if e.label_ in DATE_LABELS and _cued(e)]
    found.extend(_pattern_spans(doc))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and (start < merged[-1][1] or _weekday_then_date(doc, merged[-1], start)):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [doc[s:e] for s, e in merged]


def _pattern_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(doc.text):
            group = "x" if "x" in pattern.groupindex else 0
            span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
            if span is None or not _plausible(span):
                continue
            yield span.start, span.end


def _plausible(span: Span) -> bool:
    """Not inside a name ("Anna May"), and a lone ambiguous month only after a cue word."""
    if _NUMERIC.fullmatch(span.text):  # the small model sometimes takes "05.06.2017" for a place
        return True
    if any(t.ent_type_ and t.ent_type_ not in NEUTRAL_LABELS for t in span):
        return False
    return _cued(span)


def _cued(span: Span) -> bool:
    """A lone "May" or "March" (a name, a verb, a protest) or "Oct" counts as a month only
    after a cue word such as "in", "since" or "early"."""
    if not _AMBIGUOUS_MONTH.fullmatch(span.text):
        return True
    return span.start > 0 and span.doc[span.start - 1].lower_ in _MONTH_CUES


def _weekday_then_date(doc: Doc, previous: tuple[int, int], start: int) -> bool:
    """ "Sunday, October 15": a weekday, an optional comma, then the date it names."""
    last = doc[previous[1] - 1]
    gap = doc[previous[1] : start]
    return last.lower_ in WEEKDAYS and all(t.text == "," for t in gap) and len(gap) <= 1


_NUMBER_WORD = rf"(?:{COUNT_RE}|\d+)"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|fortnights?)"
_NOT_DATES: tuple[re.Pattern[str], ...] = (
    # ages and durations used as adjectives: "45-year-old", "a 30-day ceasefire", "three-month"
    re.compile(rf".*\b{_NUMBER_WORD}[- ]{_UNITS}[- ]old\b.*|.*\b{_NUMBER_WORD}-{_UNITS}\b.*"),
    # durations: "60 days", "a week", "about two years", "the past two days", "recent weeks"
    re.compile(
        rf"(?:(?:the|these|those|about|around|nearly|almost|some|over|under|at least|more than"
        rf"|less than|up to|another|past|last|next|coming|recent|previous|first|final|following"
        rf"|few|several|many|couple of|the best part of) )*(?:{_NUMBER_WORD} )?"
        rf"(?:days|weeks|months|years|decades|centuries|hours|minutes|fortnights"
        rf"|decade|century|hour|minute|fortnight)"
    ),
    re.compile(rf"(?:about |around |nearly |almost |some |over |another )?{_NUMBER_WORD} {_UNITS}"),
    re.compile(r"the (?:past|last|coming|recent) (?:day|week|weekend|month|year)"),
    # frequencies: "every year", "daily", "twice a week"
    re.compile(r"(?:every|each|per|daily|weekly|monthly|annual|annually|yearly|biannual)\b.*"),
    re.compile(r".*\b(?:a|per) (?:day|week|month|year)"),
    # decades and eras: "the 1990s", "the '90s", "the 20th century"
    re.compile(
        r"(?:the )?(?:early |mid-?|late )?'?\d{2,4}s|(?:the )?\d{1,2}(?:st|nd|rd|th) century"
    ),
    # a number alone that cannot be a year: usually an age ("aged 45")
    re.compile(r"\d{1,3}"),
)


def is_not_a_date(text: str) -> bool:
    """Whether the text is a duration, an age, a frequency or an era rather than a date."""
    lowered = " ".join(text.lower().split()).strip(" .,;:")
    return any(p.fullmatch(lowered) for p in _NOT_DATES)


def is_age(span: Span) -> bool:
    """ "aged 45", "45 years old", "at the age of 45"."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end : span.end + 2].text.lower()
    return before in ("aged", "age", "ages") or after.startswith(("old", "years old", "-year"))
