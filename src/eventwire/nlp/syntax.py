"""Small readings of a dependency parse shared by the stages: subjects, voice, infinitives."""

from __future__ import annotations

from spacy.tokens import Token

OBJECT_CONTROL = frozenset(
    "urge ask call force order persuade allow tell invite press encourage request push".split()
)
RELATIVE = frozenset({"who", "which", "that"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def passive_participle(verb: Token) -> bool:
    """ "the convoy attacked by gunmen": a participle modifying the noun it acts upon."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def subject_of(verb: Token) -> Token | None:
    """Who does it: the subject, the passive agent, or the subject shared with a governing
    verb ("will visit X and meet Y", "is said to have agreed", "urged X to withdraw")."""
    tok = verb
    for _ in range(6):
        passive = is_passive(tok) or passive_participle(tok)
        for c in tok.children:
            if passive and c.dep_ == "agent":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and tok is not verb):
                if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                    return tok.head
                return c
        if passive and tok is verb:
            return None
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            return next((c for c in head.children if c.dep_ == "dobj"), None)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.dep_ == "dobj":
            tok = head.head  # "Caricom issued a statement backing Guyana": Caricom backs
            continue
        if tok.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            governor = head.head  # "accused Kigali of supporting", "after expelling"
            if head.lower_ in ("of", "for"):
                obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
            tok = governor
            continue
        if tok.dep_ not in ("conj", "xcomp", "advcl"):
            return None
        tok = head
    return None


def has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
