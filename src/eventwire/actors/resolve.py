"""Resolve actor mentions in a parsed article to who they are.

A mention is a noun phrase, named by its head token. Resolution uses the knowledge base and the
article itself: titles and nationality words in the phrase ("Russian Defense Minister Sergei
Shoigu"), earlier mentions of the same person ("Shoigu", "the Russian minister", "he"),
"his counterpart", "the two", capitals used as governments, and the speaker of a quotation for
"we" inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..records import Actor, ActorType
from .kb import Entry, KnowledgeBase, RoleSpell
from .match import Matches, NameMatch, find_matches

CHUNK_DEPS = frozenset(
    {"compound", "amod", "nmod", "det", "nummod", "quantmod", "npadvmod", "punct"}
)
HEAD_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
SKIP_DEPS = frozenset({"compound", "amod", "nmod", "det", "nummod", "quantmod"})
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "gen.", "col."})
THIRD_PERSON = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}  # fmt: skip
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
GROUP_WORDS = frozenset({"two", "both", "pair", "sides", "leaders"})
NATION_GROUPS = frozenset(
    {"countries", "nations", "governments", "neighbours", "neighbors", "states", "sides", "parties"}
)
FACILITIES = frozenset(
    "base camp post station checkpoint headquarters convoy embassy consulate barracks outpost "
    "garrison airbase compound patrol vessel ship warship position positions stronghold".split()
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "poss"})
GROUP_NOUNS = frozenset({"group", "movement", "militia", "faction", "insurgency"})
ORG_NOUNS = frozenset({"bloc", "alliance", "body", "organisation", "organization", "agency"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
PROXY_NOUNS = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "aides", "aide"})


@dataclass
class _Entity:
    id: int
    type: ActorType
    name: str | None
    country: str | None
    sectors: tuple[str, ...]
    role: str | None
    code: str | None
    last: int = -1
    subject: bool = False
    plural: bool = False

    def actor(self, tokens: list[Token]) -> Actor:
        first, last = tokens[0], tokens[-1]
        text = first.doc.text[first.idx : last.idx + len(last.text)]
        return Actor(
            text=text,
            start=first.idx,
            end=last.idx + len(last.text),
            name=self.name,
            type=self.type,
            country=self.country,
            sectors=self.sectors,
            code=self.code or actor_code(self.country, self.sectors),
            role=self.role,
            entity=self.id,
        )


def actor_code(country: str | None, sectors: Iterable[str]) -> str | None:
    code = (country or "") + "".join(sectors)
    return code or None


@dataclass(frozen=True)
class ActorIndex:
    """Resolved mentions: head token index -> actor(s) (a group such as "the two" has several)."""

    by_token: dict[int, tuple[Actor, ...]]

    def get(self, i: int) -> tuple[Actor, ...]:
        return self.by_token.get(i, ())

    def mentions(self) -> tuple[Actor, ...]:
        seen: dict[tuple[int, int, int | None], Actor] = {}
        for actors in self.by_token.values():
            for a in actors:
                seen.setdefault((a.start, a.end, a.entity), a)
        return tuple(sorted(seen.values(), key=lambda a: (a.start, a.end)))


@dataclass
class Resolver:
    """Resolves mentions of one document; create one per article."""

    kb: KnowledgeBase
    published: dt.date | None
    dateline_country: str | None = None
    home_country: str | None = None  # the story's main country, for "police said"
    entities: list[_Entity] = field(default_factory=list)
    _by_key: dict[str, _Entity] = field(default_factory=dict)

    def resolve(self, doc: Doc, speakers: dict[int, int] | None = None) -> ActorIndex:
        """Resolve every mention; ``speakers`` maps a token inside a quotation to its speaker's
        head token, for "we" and "I" inside the quotation."""
        matches = find_matches(doc, self.kb)
        self.home_country = main_country(matches, self.dateline_country)
        by_token: dict[int, tuple[Actor, ...]] = {}
        deferred: list[Token] = []
        for tok in doc:
            if tok.i in by_token or (tok.pos_ not in HEAD_POS and tok.dep_ != "appos"):
                continue
            low = tok.lower_
            if low in FIRST_PLURAL or low in FIRST_SINGULAR:
                deferred.append(tok)
                continue
            if tok.dep_ in SKIP_DEPS and tok.head.i != tok.i and tok.head.pos_ in HEAD_POS:
                continue
            actors = self._mention(tok, matches, by_token)
            if actors:
                by_token[tok.i] = actors
        for tok in deferred:
            speaker = (speakers or {}).get(tok.i)
            if speaker is not None and speaker in by_token:
                by_token[tok.i] = tuple(self._speaker_actor(a, tok) for a in by_token[speaker][:1])
        return ActorIndex(by_token)

    # -- one mention -------------------------------------------------------------------

    def _mention(
        self, tok: Token, m: Matches, done: dict[int, tuple[Actor, ...]]
    ) -> tuple[Actor, ...]:
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        chunk = _chunk(tok)
        name = m.names.get(tok.i)
        if name is not None and name.modifier:
            return ()
        country = _chunk_country(chunk, m, exclude=name)
        role = _chunk_role(chunk, m)
        if name is None or name.hit.kind == "person":
            appos = _appos_role(tok, m)
            role = role or (appos[0] if appos else None)
            country = country or (appos[1] if appos else None)
        if name is not None:
            return self._named(tok, chunk, name, country, role)
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and role is not None):
            return self._person(tok, chunk, _person_name(tok, m), None, country, role)
        low = tok.lower_
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON", "ORG", "NORP"):
            known = self._find_person(tok.text, surname_only=True)
            if known is not None:  # "Fawzy" after "Defence Minister Hisham Fawzy"
                return (self._touch(known, tok, chunk),)
        if tok.lemma_.lower() == "counterpart":
            return self._counterpart(tok, chunk, m, done, country)
        if (low in GROUP_WORDS and tok.pos_ == "NUM") or (
            low == "both" and tok.dep_.startswith("nsubj")
        ):
            return self._group(tok, person=True)
        if low in NATION_GROUPS and any(c.lower_ in ("two", "both") for c in chunk):
            return self._group(tok, person=False)
        if low in PROXY_NOUNS:
            owner = [c for c in tok.children if c.dep_ == "poss"]
            if owner:
                inner = self._mention(owner[0], m, done)
                if inner:
                    done[owner[0].i] = inner
                    return tuple(
                        replace(
                            a, text=_text(chunk), start=chunk[0].idx, end=tok.idx + len(tok.text)
                        )
                        for a in inner[:1]
                    )
        if tok.lemma_.lower() in FACILITIES:
            return self._facility(tok, chunk, m, country or self.home_country)
        if low in ("country", "nation") and len(chunk) == 2 and chunk[0].lower_ == "the":
            earlier = max(
                (e for e in self.entities if e.country and e.last < tok.i),
                key=lambda e: e.last,
                default=None,
            )
            if earlier is not None and earlier.country:  # "the country would retaliate"
                c = earlier.country
                label = self._country_name(c)
                ent = self._entity(f"country:{c}:", "country", label, c, (), None, None)
                return (self._touch(ent, tok, chunk),)
        if low in GROUP_NOUNS | ORG_NOUNS and any(c.lower_ in ("the", "this") for c in chunk):
            # "the group": the last armed group named; "the bloc": the last organisation
            prefer = "armed_group" if low in GROUP_NOUNS else "organization"
            groups = [e for e in self.entities if e.type in ("armed_group", "organization")]
            if groups:
                best = max(groups, key=lambda e: (e.type == prefer, e.last))
                return (self._touch(best, tok, chunk),)
        term = m.terms.get(tok.i)
        if term is None:
            return ()
        plural = tok.tag_ in ("NNS", "NNPS")
        if plural and term.term.kind == "role" and any(c.lower_ in ("two", "both") for c in chunk):
            group = self._group(tok, person=True)  # "the two ministers"
            if group:
                return group
        org = _chunk_org(chunk, m)
        if org is not None:  # "an ELN commander", "Hamas fighters": the organisation acts
            return self._named(tok, chunk, org, None, None)
        if term.term.kind == "role":
            return self._role_only(tok, chunk, country, term.term.name, term.term.sectors)
        country = country or _of_country(tok, m)
        if country is None and any(c.lower_ in ("the", "this", "that") for c in chunk):
            earlier = self._earlier_agent(term.term.name, term.term.sectors)
            if earlier is not None:
                return (self._touch(earlier, tok, chunk),)
        acting = tok.dep_ in SUBJECTS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
        if country is None and set(term.term.sectors) & STATE_SECTORS and acting:
            country = self.home_country  # "police said" in a datelined story: that country's
        ent = self._entity(
            f"agent:{country}:{term.term.name}",
            "agent",
            None,
            country,
            term.term.sectors,
            None,
            None,
        )
        ent.plural = tok.tag_ in ("NNS", "NNPS")
        return (self._touch(ent, tok, chunk),)

    def _earlier_agent(self, name: str, sectors: tuple[str, ...]) -> _Entity | None:
        """ "the government" after "Colombia's government"; "the rebels" after a named group."""
        armed = bool({"REB", "UAF"} & set(sectors))
        for cand in sorted(self.entities, key=lambda e: e.last, reverse=True):
            if cand.type == "agent" and cand.country and cand.sectors == sectors:
                return cand
            if armed and cand.type == "armed_group":
                return cand
        return None

    def _named(
        self,
        tok: Token,
        chunk: list[Token],
        name: NameMatch,
        country: str | None,
        role: tuple[str, tuple[str, ...]] | None,
    ) -> tuple[Actor, ...]:
        entry = name.hit.entry
        kind = name.hit.kind
        if kind == "person":
            return self._person(tok, chunk, entry.name, entry, country, role)
        if kind in ("organization", "armed_group"):
            ent = self._entity(
                f"{kind}:{entry.name}",
                kind,
                entry.name,
                entry.country,
                entry.sectors,
                None,
                entry.code,
            )
            return (self._touch(ent, tok, chunk),)
        sectors: tuple[str, ...] = ("GOV",) if kind == "capital" else ()
        key = f"country:{entry.country}:{''.join(sectors)}"
        ent = self._entity(key, "country", entry.name, entry.country, sectors, None, None)
        ent.plural = kind == "demonym" and tok.tag_ in ("NNS", "NNPS")
        return (self._touch(ent, tok, chunk),)

    def _person(
        self,
        tok: Token,
        chunk: list[Token],
        name: str,
        entry: Entry | None,
        country: str | None,
        role: tuple[str, tuple[str, ...]] | None,
    ) -> tuple[Actor, ...]:
        ent = self._find_person(name)
        if ent is None:
            spell: RoleSpell | None = entry.role_at(self.published) if entry else None
            kb_country = entry.country if entry else None
            r_name = role[0] if role else (spell.role if spell else None)
            r_sectors = role[1] if role else (spell.sectors if spell else ())
            if country is None and kb_country is None and role is not None:
                country = self.home_country
            ent = self._new(
                f"person:{name}",
                "person",
                name,
                kb_country or country,
                r_sectors,
                r_name,
                entry.code if entry else None,
            )
        else:
            if role and not ent.role:
                ent.role, ent.sectors = role[0], role[1]
            if country and not ent.country:
                ent.country = country
        return (self._touch(ent, tok, chunk),)

    def _find_person(self, name: str, *, surname_only: bool = False) -> _Entity | None:
        ent = self._by_key.get(f"person:{name}")
        if ent is not None:
            return ent
        last = name.split()[-1]
        if surname_only and " " in name:
            return None
        for cand in reversed(self.entities):
            if cand.type == "person" and cand.name and cand.name.split()[-1] == last:
                return cand
        return None

    def _role_only(
        self,
        tok: Token,
        chunk: list[Token],
        country: str | None,
        role: str,
        sectors: tuple[str, ...],
    ) -> tuple[Actor, ...]:
        word = tok.lower_
        definite = any(c.lower_ in ("the", "this", "that") for c in chunk)
        if definite:
            for cand in sorted(self.entities, key=lambda e: e.last, reverse=True):
                if cand.type != "person" or not cand.role:
                    continue
                if (cand.role == role or cand.role.endswith(word)) and (
                    country is None or cand.country == country
                ):
                    return (self._touch(cand, tok, chunk),)
        ent = self._entity(f"role:{country}:{role}", "person", None, country, sectors, role, None)
        return (self._touch(ent, tok, chunk),)

    def _counterpart(
        self,
        tok: Token,
        chunk: list[Token],
        m: Matches,
        done: dict[int, tuple[Actor, ...]],
        country: str | None,
    ) -> tuple[Actor, ...]:
        owner_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = done.get(owner_tok.i, ()) if owner_tok is not None else ()
        if owner_tok is not None and not owner:
            owner = self._mention(owner_tok, m, done)
        base = owner[0] if owner else None
        if country is None:
            country = _other_country(tok, m, base.country if base else None)
        role = base.role if base else None
        sectors = base.sectors if base else ()
        named = next((c for c in tok.children if c.dep_ == "appos"), None)
        if named is not None and (named.ent_type_ == "PERSON" or named.i in m.names):
            name_m = m.names.get(named.i)
            entry = name_m.hit.entry if name_m and name_m.hit.kind == "person" else None
            person_name = entry.name if entry else _person_name(named, m)
            result = self._person(
                named,
                _chunk(named),
                person_name,
                entry,
                country,
                (role, sectors) if role else None,
            )
            return tuple(
                replace(a, text=_text(chunk), start=chunk[0].idx, end=tok.idx + len(tok.text))
                for a in result
            )
        ent = self._entity(f"role:{country}:{role}", "person", None, country, sectors, role, None)
        return (self._touch(ent, tok, chunk),)

    def _group(self, tok: Token, *, person: bool) -> tuple[Actor, ...]:
        """ "the two", "both ministers", "the two countries": the last two such entities."""
        kind = "person" if person else "country"
        members = sorted(
            (e for e in self.entities if e.type == kind and e.last < tok.i and (e.name or e.role)),
            key=lambda e: e.last,
            reverse=True,
        )[:2]
        if len(members) < 2 or (not person and members[0].country == members[1].country):
            return ()
        chunk = _chunk(tok)
        return tuple(self._touch(e, tok, chunk, keep_salience=True) for e in reversed(members))

    def _facility(
        self, tok: Token, chunk: list[Token], m: Matches, country: str | None
    ) -> tuple[Actor, ...]:
        """ "an army base", "a police station", "the Chinese embassy", "a WFP convoy": the
        facility stands for the actor named in its modifiers."""
        for t in chunk[:-1]:
            nm = m.names.get(t.i)
            if nm is not None and nm.hit.kind in ("organization", "armed_group"):
                return self._named(tok, chunk, nm, None, None)
            tm = m.terms.get(t.i)
            if tm is not None and tm.term.kind == "agent":
                key = f"agent:{country}:{tm.term.name}"
                ent = self._entity(key, "agent", None, country, tm.term.sectors, None, None)
                return (self._touch(ent, tok, chunk),)
        if country is not None and tok.lemma_.lower() in ("embassy", "consulate"):
            name = self._country_name(country)
            ent = self._entity(
                f"country:{country}:GOV", "country", name, country, ("GOV",), None, None
            )
            return (self._touch(ent, tok, chunk),)
        return ()

    def _pronoun(self, tok: Token) -> tuple[Actor, ...]:
        want = THIRD_PERSON.get(tok.lower_)
        if want is None:
            return ()
        cands = [e for e in self.entities if e.last < tok.i]
        if want == "person":
            cands = [e for e in cands if e.type == "person"]
        elif want == "thing":
            cands = [e for e in cands if e.type in ("country", "organization", "armed_group")]
        else:
            cands = [e for e in cands if e.plural or e.type == "armed_group"]
        if not cands:
            return ()
        best = max(cands, key=lambda e: (e.subject, e.last) if want != "plural" else (e.last,))
        return (self._touch(best, tok, [tok], keep_salience=True),)

    def _speaker_actor(self, speaker: Actor, tok: Token) -> Actor:
        """ "we" inside a quotation: the speaker's country (or the speaker's organisation)."""
        span = dict(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
        if tok.lower_ in FIRST_SINGULAR or speaker.type != "person" or not speaker.country:
            return replace(speaker, **span)  # type: ignore[arg-type]
        ent = self._entity(
            f"country:{speaker.country}:GOV",
            "country",
            self._country_name(speaker.country),
            speaker.country,
            ("GOV",),
            None,
            None,
        )
        return ent.actor([tok])

    # -- entity bookkeeping -----------------------------------------------------------

    def _country_name(self, code: str) -> str | None:
        entry = self.kb.countries.get(code)
        return entry.name if entry else None

    def _entity(
        self,
        key: str,
        type_: ActorType,
        name: str | None,
        country: str | None,
        sectors: tuple[str, ...],
        role: str | None,
        code: str | None,
    ) -> _Entity:
        ent = self._by_key.get(key)
        return ent if ent is not None else self._new(key, type_, name, country, sectors, role, code)

    def _new(
        self,
        key: str,
        type_: ActorType,
        name: str | None,
        country: str | None,
        sectors: tuple[str, ...],
        role: str | None,
        code: str | None,
    ) -> _Entity:
        ent = _Entity(len(self.entities), type_, name, country, sectors, role, code)
        self.entities.append(ent)
        self._by_key[key] = ent
        return ent

    def _touch(
        self, ent: _Entity, tok: Token, chunk: list[Token], keep_salience: bool = False
    ) -> Actor:
        if not keep_salience:
            ent.subject = tok.dep_ in ("nsubj", "nsubjpass")
        elif tok.dep_ in ("nsubj", "nsubjpass"):
            ent.subject = True
        ent.last = tok.i
        return ent.actor(chunk)


# -- phrase helpers -----------------------------------------------------------------------


def _chunk(tok: Token) -> list[Token]:
    """The head and its left modifiers (titles, nationality words, determiners)."""
    out = [tok]
    stack = [c for c in tok.lefts if c.dep_ in CHUNK_DEPS]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(x for x in c.lefts if x.dep_ in CHUNK_DEPS)
        stack.extend(x for x in c.rights if x.dep_ in CHUNK_DEPS and x.i < tok.i)
    out.sort(key=lambda t: t.i)
    while out and out[0].is_punct:
        out.pop(0)
    return out or [tok]


def _text(tokens: list[Token]) -> str:
    return tokens[0].doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _chunk_country(chunk: list[Token], m: Matches, exclude: NameMatch | None) -> str | None:
    """A nationality word in the phrase, or a possessive country ("France's foreign ministry")."""
    head = chunk[-1]
    owners = [c for c in head.children if c.dep_ == "poss"]
    for t in [*chunk, *owners]:
        nm = m.names.get(t.i)
        if nm is None or nm is exclude or nm.modifier:
            continue
        if nm.hit.kind in ("adjective", "country", "demonym", "capital"):
            return nm.hit.entry.country
        if nm.hit.kind in ("organization",) and nm.hit.entry.country:
            return nm.hit.entry.country
    return None


def _chunk_org(chunk: list[Token], m: Matches) -> NameMatch | None:
    for t in chunk:
        nm = m.names.get(t.i)
        if nm is None or nm.modifier or nm.hit.kind not in ("organization", "armed_group"):
            continue
        if nm.hit.entry.country is None or nm.hit.kind == "armed_group":
            return nm
    return None


def _chunk_role(chunk: list[Token], m: Matches) -> tuple[str, tuple[str, ...]] | None:
    for t in chunk:
        tm = m.terms.get(t.i)
        if tm is not None and tm.term.kind == "role":
            return tm.term.name, tm.term.sectors
    return None


def _appos_role(tok: Token, m: Matches) -> tuple[tuple[str, tuple[str, ...]], str | None] | None:
    """ "Sergei Shoigu, Russia's defense minister": role and country from an apposition."""
    for c in tok.children:
        if c.dep_ != "appos":
            continue
        tm = m.terms.get(c.i)
        if tm is None or tm.term.kind != "role":
            continue
        country = _chunk_country(_chunk(c), m, None)
        for p in c.children:
            nm = m.names.get(p.i)
            if p.dep_ == "poss" and nm is not None and country is None:
                country = nm.hit.entry.country
        return (tm.term.name, tm.term.sectors), country or _of_country(c, m)
    return None


def _of_country(tok: Token, m: Matches) -> str | None:
    """ "the government of Syria", "officials from Iraq" (not "gunmen in Chad": a location)."""
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ in ("of", "from"):
            for o in p.children:
                nm = m.names.get(o.i)
                if o.dep_ == "pobj" and nm and nm.hit.kind in ("country", "capital"):
                    return nm.hit.entry.country
    return None


def _other_country(tok: Token, m: Matches, not_this: str | None) -> str | None:
    """The first country named in the sentence that is not ``not_this``."""
    for t in tok.sent:
        nm = m.names.get(t.i)
        if nm is None or nm.modifier or nm.hit.kind not in ("country", "capital", "adjective"):
            continue
        if nm.hit.entry.country != not_this:
            return nm.hit.entry.country
    return None


def _person_name(tok: Token, m: Matches) -> str:
    """The PERSON entity text around ``tok`` without titles and roles; else the proper-noun run."""

    def keep(t: Token) -> bool:
        return t.lower_ not in TITLES and t.i not in m.terms and t.i not in m.names and t.is_alpha

    if tok.ent_type_ == "PERSON":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                words = [t for t in ent if t.i <= tok.i and (t.i == tok.i or keep(t))]
                return " ".join(t.text for t in words)
    run = [tok]
    while run[0].i > 0:
        prev = tok.doc[run[0].i - 1]
        if prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i and keep(prev):
            run.insert(0, prev)
        else:
            break
    return " ".join(t.text for t in run)


def main_country(m: Matches, dateline: str | None) -> str | None:
    """The country the story is mostly about: the most mentioned one, the dateline's on a tie."""
    counts: dict[str, float] = {}
    if dateline:
        counts[dateline] = 0.5
    seen: set[int] = set()
    for nm in m.names.values():
        if id(nm) in seen or nm.modifier or nm.hit.entry.country is None:
            continue
        seen.add(id(nm))
        if nm.hit.kind in ("country", "adjective", "demonym", "capital"):
            counts[nm.hit.entry.country] = counts.get(nm.hit.entry.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def resolve_doc(
    doc: Doc,
    kb: KnowledgeBase,
    published: dt.date | None,
    *,
    dateline_country: str | None = None,
    speakers: dict[int, int] | None = None,
) -> ActorIndex:
    return Resolver(kb, published, dateline_country).resolve(doc, speakers)
