"""Which amounts belong to which event: those written in the clause of its trigger word.

The clause of a trigger is its dependency subtree without the clauses nested in it that
have a subject of their own ("officials said [335 people had been arrested]") and without
coordinated finite verbs ("launched 60 drones and [killed four people]"), which are events
of their own. A participial clause without a subject stays in ("..., killing at least four
people"), as does an infinitive sharing the trigger's subject ("agreed to release 30
prisoners").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..records import Amount

_CLAUSAL = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj", "pcomp"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def amounts_for(trigger: Token, amounts: Sequence[Amount]) -> tuple[Amount, ...]:
    """The ``amounts`` (found in ``trigger.doc``) whose words all lie in the trigger's clause."""
    doc = trigger.doc
    clause = clause_tokens(trigger)
    owned = []
    for amount in amounts:
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is not None and all(t.i in clause for t in span):
            owned.append(amount)
    return tuple(owned)


def clause_tokens(trigger: Token) -> frozenset[int]:
    """The indices of the tokens in the clause of ``trigger``."""
    inside = {trigger.i}
    stack = [trigger]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if not _own_clause(child):
                inside.add(child.i)
                stack.append(child)
    return frozenset(inside)


def _own_clause(tok: Token) -> bool:
    """Does ``tok`` head a clause of its own: a verb with its own subject, or a finite verb
    coordinated with the one above it?"""
    if tok.dep_ not in _CLAUSAL or tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return True
    return tok.dep_ == "conj" and tok.tag_ != "VBG"
