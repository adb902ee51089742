"""Event status (factuality) from the syntax around an event's trigger.

``negated`` > ``hypothetical`` > ``planned`` > ``reported`` > ``asserted``: the first that
applies wins. Signals are read on the trigger and on the verbs that govern it (a verb it is
the complement or conjunct of), so "did not try to attack", "will visit ... and meet" and
"is said to have agreed" are read as a reader would.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.syntax import has_to
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


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _conditional(tok: Token) -> bool:
    """The clause is a condition ("if X attacks"), or has one ("would retaliate if ...")."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children) or any(
        c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children)
        for c in tok.children
    )


def _own_signals(tok: Token, found: set[Status]) -> bool:
    """Signals on a verb whose auxiliaries are the trigger's; True if it has "would"."""
    children = list(tok.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children):
        found.add("negated")
    would = False
    for c in _aux(tok):
        if c.lower_ in FUTURE_AUX:
            found.add("planned")
        elif c.lower_ in MODAL_AUX:
            found.add("hypothetical")
            would = would or c.lower_ in ("would", "'d")
    if any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in children):
        found.add("reported")
    if any(c.dep_ == "prep" and c.lower_ == "according" for c in children):
        found.add("reported")
    return would


def event_status(trigger: Token, *, quoted: bool) -> Status:
    """The status of an event whose trigger word is ``trigger``."""
    found: set[Status] = {"reported"} if quoted else set()
    tok, own = trigger, True  # own: still on the trigger or a verb sharing its auxiliaries
    would = conditional = in_speech = False
    for _ in range(8):
        if own:
            would = _own_signals(tok, found) or would
        conditional = conditional or _conditional(tok)
        head = tok.head
        if head.i == tok.i:
            break
        dep, lemma = tok.dep_, head.lemma_.lower()
        if own and (dep == "xcomp" or (dep == "advcl" and has_to(tok))):
            # "did not try to attack", "will continue to shell": the governor's words count
            if lemma in PLAN_VERBS and head.pos_ in ("VERB", "ADJ"):
                found.add("planned")
            if lemma in REPORT_VERBS and any(c.dep_ == "auxpass" for c in head.children):
                found.add("reported")
        elif dep == "conj":
            own = own and not _aux(tok)
        elif dep in ("ccomp", "parataxis") and lemma in SPEECH_VERBS:
            found.add("reported")
            own, in_speech = False, True
        else:
            own = False
        tok = head
    if conditional:
        found.add("hypothetical")
    elif would and in_speech and "hypothetical" in found:
        found.discard("hypothetical")  # "said Berlin would send": the future of a past report
        found.add("planned")
    order: tuple[Status, ...] = ("negated", "hypothetical", "planned", "reported")
    for status in order:
        if status in found:
            return status
    return "asserted"
