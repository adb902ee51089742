"""Event status (factuality) from the syntax around an event's trigger.

``negated`` > ``hypothetical`` > ``planned`` > ``reported`` > ``asserted``: the first that
applies wins. Signals are read on the trigger and on the verbs that govern it (a verb it is
the complement or conjunct of), so "did not try to attack", "will visit ... and meet" and
"is said to have agreed" are read as a reader would.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Status

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
HEDGES = frozenset(
    "reportedly allegedly purportedly apparently reputedly supposedly possibly probably "
    "likely perhaps".split()
)
PLAN_VERBS = frozenset(
    "plan intend expect schedule prepare aim set due hope seek want promise pledge vow "
    "propose decide agree consider threaten".split()
)
REPORT_VERBS = frozenset(
    "say believe report think allege understand suspect rumor rumour claim know".split()
)
SPEECH_VERBS = frozenset(
    "say tell add state declare insist note explain write tweet warn announce claim stress "
    "argue conclude report allege confirm deny suggest accuse".split()
)
NEG_WORDS = frozenset({"not", "n't", "never", "no"})


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def event_status(trigger: Token, *, quoted: bool) -> Status:
    """The status of an event whose trigger word is ``trigger``."""
    found: set[Status] = set()
    if quoted:
        found.add("reported")
    tok = trigger
    own = True  # still on the trigger or a verb sharing its auxiliaries
    for _ in range(8):
        children = list(tok.children)
        negation = any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children
        )
        if own and negation:
            found.add("negated")
        for c in _aux(tok):
            low = c.lower_
            if own and low in FUTURE_AUX:
                found.add("planned")
            elif own and low in MODAL_AUX:
                found.add("hypothetical")
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children):
            found.add("hypothetical")
        if own and any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in children):
            found.add("reported")
        if own and any(c.dep_ == "prep" and c.lower_ == "according" for c in children):
            found.add("reported")
        head = tok.head
        if head.i == tok.i:
            break
        dep = tok.dep_
        lemma = head.lemma_.lower()
        if own and (dep == "xcomp" or (dep == "advcl" and _has_to(tok))):
            # "did not try to attack", "will continue to shell": the governor's words count
            if lemma in PLAN_VERBS and head.pos_ in ("VERB", "ADJ"):
                found.add("planned")
            if lemma in REPORT_VERBS and any(c.dep_ == "auxpass" for c in head.children):
                found.add("reported")
        elif dep == "conj":
            own = own and not _aux(tok)
        elif dep in ("ccomp", "parataxis") and lemma in SPEECH_VERBS:
            found.add("reported")
            own = False
        else:
            own = False
        tok = head
    order: tuple[Status, ...] = ("negated", "hypothetical", "planned", "reported")
    for status in order:
        if status in found:
            return status
    return "asserted"


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
