"""Which temporal expression dates an event, read from the dependency parse.

An expression dates the trigger when it hangs on the trigger itself: as a noun phrase ("Last
month, X met ...", "two days ago"), or through a preposition of time ("in October", "on
Wednesday", "scheduled for next month"; not "since", "until", "before" ...; durations are
never expressions, so "for 60 days" cannot count). Failing that, an expression in a phrase of time
attached to one of the trigger's own nouns ("met his counterpart in Rome on Wednesday" parsed
with "on Wednesday" under "Rome") counts, and so does one on the verb whose object or subject
the trigger is ("held talks on Monday" for the trigger "talks").
A trigger with none of its own borrows from the verb it depends on when it is a conjunct
sharing that verb's subject ("will visit Israel in October and meet ..."), or any conjunct when
the expression opens the sentence ("On Sunday, troops withdrew and rebels returned"), or an
infinitive ("plans to visit Berlin next week" when the parse hangs "next week" on "plans").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from .expression import TimeExpression

TIME_PREPOSITIONS = frozenset(
    {"in", "on", "at", "during", "over", "around", "throughout", "of", "for", "circa", "about"}
)
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADP", "ADJ", "DET"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
DIRECT, INDIRECT = 0, 1
MAX_DEPTH = 4


def governing_date(trigger: Token, expressions: Sequence[TimeExpression]) -> TimeExpression | None:
    """The expression that dates the event whose trigger word is ``trigger``, or None (the
    caller then falls back on the story date)."""
    return _governing(trigger, expressions, 0)


def _governing(
    trigger: Token, expressions: Sequence[TimeExpression], depth: int
) -> TimeExpression | None:
    own = _own(trigger, expressions)
    if own is not None or depth >= MAX_DEPTH:
        return own
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.i != trigger.i:
        return _governing(head, expressions, depth + 1)
    if trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        inherited = _governing(head, expressions, depth + 1)
        if inherited is not None and (_shares_subject(trigger) or _fronted(inherited, head)):
            return inherited
    return None


def _own(trigger: Token, expressions: Sequence[TimeExpression]) -> TimeExpression | None:
    """The best expression attached to the trigger: direct before indirect, resolved before
    unresolved, then the nearest."""
    ranked: list[tuple[int, bool, int, TimeExpression]] = []
    for expression in expressions:
        span = _span(trigger, expression)
        if span is None or span.start <= trigger.i < span.end:
            continue
        rank = _rank(trigger, span)
        if rank is not None:
            distance = abs(span.root.i - trigger.i)
            ranked.append((rank, expression.value is None, distance, expression))
    if not ranked:
        return None
    return min(ranked, key=lambda r: (r[0], r[1], r[2]))[3]


def _span(trigger: Token, expression: TimeExpression) -> Span | None:
    doc = trigger.doc
    start, end = expression.tokens
    if not 0 <= start < end <= len(doc):
        return None
    return doc[start:end]


def _rank(trigger: Token, span: Span) -> int | None:
    """DIRECT, INDIRECT or None (not the trigger's) for the expression ``span``."""
    anchor = attachment(span)
    if anchor is None:
        return None
    if anchor.i == trigger.i:
        return DIRECT
    if trigger.dep_ in ARGUMENTS and trigger.pos_ in ("NOUN", "PROPN") and anchor == trigger.head:
        return INDIRECT
    if span.root.dep_ == "pobj" and anchor.pos_ in ("NOUN", "PROPN", "PRON"):
        return INDIRECT if _owner_verb(anchor) == trigger else None
    return None


def attachment(span: Span) -> Token | None:
    """The word the expression modifies: the head of its root, or for a phrase of time the head
    of its preposition ("in October" -> the verb). None for other prepositions."""
    root = span.root
    if root.head.i == root.i:
        return None
    if root.dep_ == "prep" or root.pos_ == "ADP":  # the span took its preposition along
        return root.head
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ not in TIME_PREPOSITIONS or head.head.i == head.i:
            return None
        return head.head
    return head


def _owner_verb(noun: Token) -> Token | None:
    """The verb a noun phrase belongs to, climbing through nouns and prepositions only; None
    through a subject ("the attack on Sept. 11 changed ..." dates the attack, not the change)."""
    tok = noun
    for _ in range(MAX_DEPTH):
        if tok.head.i == tok.i or tok.dep_ in SUBJECTS:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ not in NOMINAL:
            return None
    return None


def _shares_subject(conjunct: Token) -> bool:
    return not any(c.dep_ in SUBJECTS for c in conjunct.children)


def _fronted(expression: TimeExpression, verb: Token) -> bool:
    """The expression comes before the verb it dates: "On Sunday, troops withdrew and ..."."""
    return expression.tokens[1] <= verb.i
