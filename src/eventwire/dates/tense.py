"""The tense of the verb a temporal expression hangs on, read from the dependency parse.

future: the verb has the auxiliary will / shall / 'll (or would, without have: reported
plans, "said he would visit in March"), or is the infinitive of a verb of planning ("plans to
visit", "is expected to", "is due to", "is set to", "is to visit", "is going to"), or is a
present passive of scheduling ("is scheduled for next month").
past: the verb is VBD, a bare participle VBN ("the deal signed in October"), or has the
auxiliary have / had / did / was / were. A conjunct without auxiliaries takes the tense of the
verb it is conjoined to; an infinitive takes its governor's. Anything else is present.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.syntax import has_to
from .expression import Tense

VERBAL = frozenset({"VERB", "AUX"})
WILL = frozenset({"will", "shall", "'ll", "wo", "’ll"})
WOULD = frozenset({"would", "'d", "’d"})
PERFECT = frozenset({"have", "has", "had", "'ve", "’ve", "'s", "’s"})
PAST_AUX = frozenset({"had", "has", "have", "'ve", "’ve", "did", "was", "were", "been"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re", "be", "being"})
INTENT = frozenset(
    "plan expect schedule due set intend aim prepare hope agree promise pledge vow threaten "
    "decide want seek propose slate poise likely".split()
)
SCHEDULE = frozenset({"schedule", "set", "plan", "slate", "due"})
MAX_HOPS = 8


def governing_verb(token: Token) -> Token | None:
    """The first verb or auxiliary on the head chain from ``token`` (the token itself
    excluded), or None when the chain reaches the root without one."""
    tok = token
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in VERBAL:
            return tok
    return None


def tense_of(span: Span) -> Tense:
    """The tense of the verb governing the expression ``span``; present when there is none."""
    verb = governing_verb(span.root)
    return "present" if verb is None else verb_tense(verb)


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """The tense of one verb; see the module docstring."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & WILL:
        return "future"
    if aux & WOULD:
        return "past" if aux & PERFECT else "future"
    if has_to(verb) and verb.dep_ in ("xcomp", "advcl", "ccomp") and depth < MAX_HOPS:
        return _infinitive_tense(verb, depth)
    if verb.lemma_.lower() in SCHEDULE and aux and aux <= PRESENT_BE:
        return "future"
    if verb.tag_ == "VBD" or aux & PAST_AUX:
        return "past"
    if verb.tag_ == "VBN" and not aux:
        return "past"
    if verb.dep_ == "conj" and not aux and verb.head.pos_ in VERBAL and depth < MAX_HOPS:
        return verb_tense(verb.head, depth + 1)
    return "present"


def _infinitive_tense(verb: Token, depth: int) -> Tense:
    """ "plans to visit", "is to visit", "is due to travel": future; else the governor's."""
    governor = verb.head
    lemma = governor.lemma_.lower()
    if lemma in INTENT or lemma == "be" or (lemma == "go" and governor.tag_ == "VBG"):
        return "future"
    if governor.pos_ in VERBAL:
        return verb_tense(governor, depth + 1)
    return "present"
