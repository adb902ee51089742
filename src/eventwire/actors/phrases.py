"""Reading a noun phrase: its head and modifiers, and the nationality, role and organisation
words in it. Pure functions over spaCy tokens and knowledge-base matches."""

from __future__ import annotations

from spacy.tokens import Token

from .match import Matches, NameMatch

CHUNK_DEPS = frozenset(
    {"compound", "amod", "nmod", "det", "nummod", "quantmod", "npadvmod", "punct"}
)
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "gen.", "col."})


def chunk_of(tok: Token) -> list[Token]:
    """The head and its left modifiers (titles, nationality words, determiners)."""
    out = [tok]
    stack = [c for c in tok.lefts if c.dep_ in CHUNK_DEPS]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(x for x in c.lefts if x.dep_ in CHUNK_DEPS)
        stack.extend(x for x in c.rights if x.dep_ in CHUNK_DEPS and x.i < tok.i)
    if tok.ent_type_ == "PERSON":  # "Bashar al-Assad": the whole name
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                out.extend(t for t in ent if t.i < tok.i and t not in out)
    out.sort(key=lambda t: t.i)
    while out and out[0].is_punct:
        out.pop(0)
    return out or [tok]


def span_text(tokens: list[Token]) -> str:
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text  # (doc.text rebuilds the text)


def chunk_country(chunk: list[Token], m: Matches, exclude: NameMatch | None) -> str | None:
    """A nationality word in the phrase, or a possessive country ("France's foreign ministry")."""
    head = chunk[-1]
    owners = [c for c in head.children if c.dep_ == "poss"]
    for t in [*chunk, *owners]:
        if t in owners and t.i not in m.names:  # "French farmers' unions": the owners' country
            inner = chunk_country(chunk_of(t), m, exclude)
            if inner is not None:
                return inner
        nm = m.names.get(t.i)
        if nm is None or nm is exclude or nm.modifier:
            continue
        if nm.hit.kind in ("adjective", "country", "demonym", "capital"):
            return nm.hit.entry.country
        if nm.hit.kind in ("organization",) and nm.hit.entry.country:
            return nm.hit.entry.country
    return None


def chunk_org(chunk: list[Token], m: Matches) -> NameMatch | None:
    for t in chunk:
        nm = m.names.get(t.i)
        if nm is None or nm.modifier or nm.hit.kind not in ("organization", "armed_group"):
            continue
        if nm.hit.entry.country is None or nm.hit.kind == "armed_group":
            return nm
    return None


def chunk_role(chunk: list[Token], m: Matches) -> tuple[str, tuple[str, ...]] | None:
    for t in chunk:
        tm = m.terms.get(t.i)
        if tm is not None and tm.term.kind == "role":
            return tm.term.name, tm.term.sectors
    return None


def appos_role(tok: Token, m: Matches) -> tuple[tuple[str, tuple[str, ...]], str | None] | None:
    """ "Sergei Shoigu, Russia's defense minister": role and country from an apposition."""
    for c in tok.children:
        if c.dep_ != "appos":
            continue
        tm = m.terms.get(c.i)
        if tm is None or tm.term.kind != "role":
            continue
        country = chunk_country(chunk_of(c), m, None)
        for p in c.children:
            nm = m.names.get(p.i)
            if p.dep_ == "poss" and nm is not None and country is None:
                country = nm.hit.entry.country
        return (tm.term.name, tm.term.sectors), country or of_country(c, m)
    return None


def of_country(tok: Token, m: Matches) -> str | None:
    """ "the government of Syria", "officials from Iraq" (not "gunmen in Chad": a location)."""
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ in ("of", "from"):
            for o in p.children:
                nm = m.names.get(o.i)
                if o.dep_ == "pobj" and nm and nm.hit.kind in ("country", "capital"):
                    return nm.hit.entry.country
    return None


def other_country(tok: Token, m: Matches, not_this: str | None) -> str | None:
    """The first country named in the sentence that is not ``not_this``."""
    for t in tok.sent:
        nm = m.names.get(t.i)
        if nm is None or nm.modifier or nm.hit.kind not in ("country", "capital", "adjective"):
            continue
        if nm.hit.entry.country != not_this:
            return nm.hit.entry.country
    return None


def person_name(tok: Token, m: Matches) -> str:
    """The PERSON entity text around ``tok`` without titles and roles; else the proper-noun run."""

    def keep(t: Token) -> bool:
        return t.lower_ not in TITLES and t.i not in m.terms and t.i not in m.names and t.is_alpha

    if tok.ent_type_ == "PERSON":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                first = next((t for t in ent if t.i <= tok.i and (t.i == tok.i or keep(t))), tok)
                return tok.doc[first.i : tok.i + 1].text
    run = [tok]
    while run[0].i > 0:
        prev = tok.doc[run[0].i - 1]
        if prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i and keep(prev):
            run.insert(0, prev)
        else:
            break
    return " ".join(t.text for t in run)
