"""What a count of people counts: what happened to them ("killed", "arrested") when a verb or
an adjective says so, else what they are ("soldiers", "police officers", "Palestinians").

The verb is read from the parse: the people are the passive subject or the object of a
victim verb ("were killed", "killing at least four people"), the subject of an intransitive
one ("died", "fled"), or the noun a participle modifies ("12 people killed in the attack").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .vocab import GENERIC_PEOPLE, SUBJECT_VERBS, VICTIM_ADJECTIVES, VICTIM_VERBS

_COMPLEMENTS = frozenset({"xcomp", "oprd", "ccomp", "acomp"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON", "ADJ"})


def people_counts(doc: Doc, start: int, end: int, noun: Token | None) -> str | None:
    """The ``counts`` of the people amount over tokens ``start`` to ``end`` (exclusive; from
    the number, or from "at least" and the like: the word before it is read too)."""
    label = bare_counts(doc, start, end) or (_adjective_label(noun) if noun else None)
    if label is not None or noun is None:
        return label
    return _noun_label(noun)


def bare_counts(doc: Doc, start: int, end: int) -> str | None:
    """A number with no noun counts people only when something happens to them: "killing
    12", "dozens injured", "thousands fled"."""
    return (
        _following_label(doc, end)
        or verb_label(doc[start:end].root)
        or _preceding_label(doc, start)
    )


def _preceding_label(doc: Doc, start: int) -> str | None:
    """ "..., killing at least nine civilians" when the parse has lost the object."""
    if start == 0 or doc[start - 1].pos_ != "VERB":
        return None
    return VICTIM_VERBS.get(doc[start - 1].lemma_)


def _following_label(doc: Doc, j: int) -> str | None:
    """ "dozens injured", "30 wounded in the attack": a participle right after the count."""
    if j >= len(doc):
        return None
    tok = doc[j]
    if tok.lower_ not in VICTIM_ADJECTIVES or tok.tag_ not in ("VBN", "JJ"):
        return None
    if j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN"):
        return None  # "30 wounded soldiers": the noun is the count
    return VICTIM_ADJECTIVES[tok.lower_]


def verb_label(tok: Token) -> str | None:
    """What the verb governing the phrase headed by ``tok`` did to it."""
    while tok.dep_ == "conj" and tok.head.pos_ in _NOMINAL:
        tok = tok.head  # "killed four soldiers and six police officers"
    verb, dep = tok.head, tok.dep_
    if dep == "nsubjpass":
        return VICTIM_VERBS.get(verb.lemma_) or _complement_label(verb)
    if dep == "dobj":
        return VICTIM_VERBS.get(verb.lemma_) or _object_complement(verb)
    if dep == "nsubj":
        return SUBJECT_VERBS.get(verb.lemma_) or _misparsed_participle(verb)
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and (child.tag_ == "VBN" or _passive(child)):
            label = VICTIM_VERBS.get(child.lemma_)
            if label is not None:
                return label
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _complement_label(verb: Token) -> str | None:
    """ "were reported killed", "are believed to have been kidnapped"."""
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS:
            label = VICTIM_VERBS.get(child.lemma_) or VICTIM_ADJECTIVES.get(child.lower_)
            if label is not None:
                return label
    return None


def _object_complement(verb: Token) -> str | None:
    """ "left 12 people dead", "forced thousands to flee", "shot dead", "beaten to death"."""
    if verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "dead":
        return "killed"
    for child in verb.children:
        if child.lower_ == "to" and any(c.lower_ == "death" for c in child.children):
            return "killed"
        if child.dep_ in ("oprd", "acomp", "ccomp") and child.lower_ in VICTIM_ADJECTIVES:
            return VICTIM_ADJECTIVES[child.lower_]
        if child.dep_ == "xcomp" and child.lemma_ in SUBJECT_VERBS:
            return SUBJECT_VERBS[child.lemma_]
    return None


def _misparsed_participle(verb: Token) -> str | None:
    """ "and dozens injured" parsed as the subject of an active "injured"."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "dobj") for c in verb.children):
        return None
    return VICTIM_VERBS.get(verb.lemma_)


def _adjective_label(noun: Token) -> str | None:
    """ "12 dead", "30 wounded soldiers"."""
    if noun.lower_ in VICTIM_ADJECTIVES:
        return VICTIM_ADJECTIVES[noun.lower_]
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in VICTIM_ADJECTIVES:
            return VICTIM_ADJECTIVES[child.lower_]
    return None


def _noun_label(noun: Token) -> str | None:
    """ "soldiers", "police officers", "Palestinians"; nothing for plain "people"."""
    if noun.lower_ in GENERIC_PEOPLE or noun.lemma_.lower() in GENERIC_PEOPLE:
        return None
    first = noun
    while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).head == noun:
        first = first.nbor(-1)
    words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in noun.doc[first.i : noun.i + 1]]
    return " ".join(words)
