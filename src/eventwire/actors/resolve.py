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

from ..nlp.syntax import subject_of
from ..records import Actor, ActorType
from .kb import Entry, KnowledgeBase, RoleSpell
from .match import Matches, NameMatch, find_matches
from .phrases import (
    appos_role,
    chunk_country,
    chunk_of,
    chunk_org,
    chunk_role,
    of_country,
    other_country,
    person_name,
    span_text,
)

HEAD_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
SKIP_DEPS = frozenset({"compound", "amod", "nmod", "det", "nummod", "quantmod"})
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
# facilities and vehicles stand for their owner ("a US base", "Philippine fishing boats"),
# with the sector a bare nationality gives them
FACILITIES = {
    **dict.fromkeys(
        "base barracks outpost garrison airbase patrol warship position positions stronghold "
        "checkpoint".split(), "MIL"),
    **dict.fromkeys("embassy consulate ministry".split(), "GOV"),
    **dict.fromkeys(
        "camp post station headquarters convoy compound vessel ship boat tanker aircraft plane "
        "jet truck property imports exports goods products cars vehicles steel facility "
        "facilities infrastructure plant plants depot depots installation installations site "
        "sites target targets refinery pipeline".split(), ""),
}  # fmt: skip
PEOPLE = frozenset({"leader", "man", "woman", "official", "diplomat", "envoy", "politician"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "poss"})
GROUP_NOUNS = frozenset({"group", "movement", "militia", "faction", "insurgency"})
ORG_NOUNS = frozenset({"bloc", "alliance", "body", "organisation", "organization", "agency"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
REPORTING = frozenset(
    "say tell add state announce insist claim warn confirm deny report explain stress".split()
)
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
    mentions: int = 0

    def actor(self, tokens: list[Token]) -> Actor:
        first, last = tokens[0], tokens[-1]
        text = first.doc[first.i : last.i + 1].text
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
    # nationality words modifying things ("the Dutch criticism"): used only as targets inside
    # an object, never listed as mentions
    modifiers: dict[int, Actor] = field(default_factory=dict)

    def get(self, i: int) -> tuple[Actor, ...]:
        return self.by_token.get(i, ())

    def modifier(self, i: int) -> Actor | None:
        return self.modifiers.get(i)

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
    entities: list[_Entity] = field(default_factory=list)
    _by_key: dict[str, _Entity] = field(default_factory=dict)

    def resolve(
        self, doc: Doc, matches: Matches | None = None, speakers: dict[int, int] | None = None
    ) -> ActorIndex:
        """Resolve every mention; ``speakers`` maps a token inside a quotation to its speaker's
        head token, for "we" and "I" inside the quotation."""
        if matches is None:
            matches = find_matches(doc, self.kb)
        by_token: dict[int, tuple[Actor, ...]] = {}
        deferred: list[Token] = []
        for tok in doc:
            if tok.i in by_token or tok.pos_ not in HEAD_POS or _inside_name(tok):
                continue
            low = tok.lower_
            if low in FIRST_PLURAL or low in FIRST_SINGULAR or _first_person_owner(tok):
                deferred.append(
                    tok
                )  # "we", "our army": the speaker's side, once speakers are known
                continue
            if tok.dep_ in SKIP_DEPS and tok.head.i != tok.i and tok.head.pos_ in HEAD_POS:
                continue
            actors = self._mention(tok, matches, by_token)
            if actors:
                by_token[tok.i] = actors
        for tok in deferred:
            speaker = (speakers or {}).get(tok.i)
            if speaker is not None and speaker in by_token:
                by_token[tok.i] = tuple(
                    self._speaker_actor(a, tok, matches) for a in by_token[speaker][:1]
                )
        return ActorIndex(by_token, self._modifiers(doc, matches, by_token))

    def _modifiers(
        self, doc: Doc, m: Matches, by_token: dict[int, tuple[Actor, ...]]
    ) -> dict[int, Actor]:
        out: dict[int, Actor] = {}
        for i, nm in m.names.items():
            tok = doc[i]
            if nm.modifier or i in by_token or tok.dep_ not in ("amod", "compound"):
                continue
            if nm.hit.kind in ("adjective", "country", "capital") and nm.hit.entry.country:
                c = nm.hit.entry.country
                ent = self._entity(
                    f"country:{c}:", "country", self._country_name(c), c, (), None, None
                )
                out[i] = ent.actor([tok])
        return out

    # -- one mention -------------------------------------------------------------------

    def _mention(
        self, tok: Token, m: Matches, done: dict[int, tuple[Actor, ...]]
    ) -> tuple[Actor, ...]:
        """Resolve the phrase headed by ``tok``: names first, then descriptions."""
        if tok.pos_ == "PRON":
            return self._pronoun(tok, done)
        chunk = chunk_of(tok)
        name = m.names.get(tok.i)
        if name is not None and name.modifier:
            return ()
        country = chunk_country(chunk, m, exclude=name)
        if country is None and tok.lemma_.lower() != "counterpart":
            country = _owner_country(tok, done)
        role = chunk_role(chunk, m)
        if name is None or name.hit.kind == "person":
            appos = appos_role(tok, m)
            role = role or (appos[0] if appos else None)
            country = country or (appos[1] if appos else None)
        if name is not None:
            return self._named(tok, chunk, name, country, role)
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and role is not None):
            return self._person(tok, chunk, person_name(tok, m), None, country, role)
        if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":
            return self._unknown_org(tok, chunk, m)
        return self._described(tok, chunk, m, done, country) or self._term(
            tok, chunk, m, country, done
        )

    def _described(
        self,
        tok: Token,
        chunk: list[Token],
        m: Matches,
        done: dict[int, tuple[Actor, ...]],
        country: str | None,
    ) -> tuple[Actor, ...]:
        """Phrases that point back: a known surname, "his counterpart", "the two", "X's
        office", facilities, "the country", "the group"."""
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
            return self._proxy(tok, chunk, m, done)
        if tok.lemma_.lower() in FACILITIES or low in FACILITIES:
            return self._facility(tok, chunk, m, country)
        definite = any(c.lower_ in ("the", "this") for c in chunk)
        if low in ("country", "nation") and len(chunk) == 2 and definite:
            return self._the_country(tok, chunk)
        if low in GROUP_NOUNS | ORG_NOUNS and definite:
            # "the group": the last armed group named; "the bloc": the last organisation
            prefer = "armed_group" if low in GROUP_NOUNS else "organization"
            groups = [e for e in self.entities if e.type in ("armed_group", "organization")]
            if groups:
                best = max(groups, key=lambda e: (e.type == prefer, e.last))
                return (self._touch(best, tok, chunk),)
        return ()

    def _proxy(
        self, tok: Token, chunk: list[Token], m: Matches, done: dict[int, tuple[Actor, ...]]
    ) -> tuple[Actor, ...]:
        """ "Lieberman's office", "the minister's spokesman": the owner speaks."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return ()
        inner = self._mention(owner, m, done)
        if not inner:
            return ()
        done[owner.i] = inner
        end = tok.idx + len(tok.text)
        return tuple(
            replace(a, text=span_text(chunk), start=chunk[0].idx, end=end) for a in inner[:1]
        )

    def _unknown_org(self, tok: Token, chunk: list[Token], m: Matches) -> tuple[Actor, ...]:
        """An organisation the knowledge base does not know ("the Kenya National Commission on
        Human Rights"): named as written, with the country and sectors its words give."""
        span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if span is None:
            return ()
        words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
        if not words:
            return ()
        name = tok.doc[words[0].i : span.end].text
        country = chunk_country(list(span), m, exclude=None)
        sectors: tuple[str, ...] = ()
        for t in span:
            term = m.terms.get(t.i)
            if term is not None and term.term.kind == "agent":
                sectors = term.term.sectors
        ent = self._entity(
            f"organization:{name}", "organization", name, country, sectors, None, None
        )
        return (self._touch(ent, tok, chunk),)

    def _the_country(self, tok: Token, chunk: list[Token]) -> tuple[Actor, ...]:
        """ "the country would retaliate": the country of the last actor that has one."""
        earlier = max(
            (e for e in self.entities if e.country and e.last < tok.i),
            key=lambda e: e.last,
            default=None,
        )
        if earlier is None or earlier.country is None:
            return ()
        c = earlier.country
        ent = self._entity(f"country:{c}:", "country", self._country_name(c), c, (), None, None)
        return (self._touch(ent, tok, chunk),)

    def _term(
        self,
        tok: Token,
        chunk: list[Token],
        m: Matches,
        country: str | None,
        done: dict[int, tuple[Actor, ...]],
    ) -> tuple[Actor, ...]:
        """A role or agent noun: "the minister", "Iraqi police", "an ELN commander"."""
        term = m.terms.get(tok.i)
        if term is None:
            return ()
        plural = tok.tag_ in ("NNS", "NNPS")
        people = term.term.kind == "role" or tok.lemma_.lower() in PEOPLE
        if plural and people and _definite_pair(chunk):
            group = self._group(tok, person=True)  # "the two ministers", "both leaders"
            if group:
                return group
        owners = _owner_group(tok, done)
        if len(owners) >= 2:  # "the two countries' defence ministers": one for each side
            return tuple(
                self._entity(
                    f"agent:{a.country}:{term.term.name}", "agent", None, a.country,
                    term.term.sectors, None, None,
                ).actor(chunk)
                for a in owners
            )  # fmt: skip
        org = chunk_org(chunk, m) or _member_of(tok, m)
        if org is not None:  # "an ELN commander", "fighters from JNIM": the organisation acts
            return self._named(tok, chunk, org, None, None)
        if term.term.kind == "role":
            role = (term.term.name, term.term.sectors)
            named = self._appos_person(tok, chunk, m, country, role)
            if named:
                return named
            return self._role_only(tok, chunk, country, term.term.name, term.term.sectors)
        both = _coordinated_countries(chunk, m)
        if len(both) >= 2:  # "Indian and Pakistani troops": one actor per side
            return tuple(
                self._entity(
                    f"agent:{c}:{term.term.name}", "agent", None, c, term.term.sectors, None, None
                ).actor(chunk)
                for c in both
            )
        country = country or of_country(tok, m)
        if country is None and any(c.lower_ in ("the", "this", "that") for c in chunk):
            earlier = self._earlier_agent(term.term.name, term.term.sectors)
            if earlier is not None:
                return (self._touch(earlier, tok, chunk),)
        key = f"agent:{country}:{term.term.name}"
        ent = self._entity(key, "agent", None, country, term.term.sectors, None, None)
        ent.plural = plural
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
        if kind == "organization" and entry.country and country and country != entry.country:
            # "Pakistan's Foreign Office": a national institution of the country named with it
            key = f"agent:{country}:{entry.name}"
            ent = self._entity(key, "agent", None, country, entry.sectors, None, None)
            return (self._touch(ent, tok, chunk),)
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
            country = other_country(tok, m, base.country if base else None)
        role = base.role if base else None
        sectors = base.sectors if base else ()
        named = self._appos_person(tok, chunk, m, country, (role, sectors) if role else None)
        if named:
            return named
        ent = self._entity(f"role:{country}:{role}", "person", None, country, sectors, role, None)
        return (self._touch(ent, tok, chunk),)

    def _appos_person(
        self,
        tok: Token,
        chunk: list[Token],
        m: Matches,
        country: str | None,
        role: tuple[str, tuple[str, ...]] | None,
    ) -> tuple[Actor, ...]:
        """ "his counterpart Avigdor Lieberman", "Germany's foreign minister, Ann Baer": the
        person named in apposition, with the role and country of the description."""
        named = next((c for c in tok.children if c.dep_ == "appos"), None)
        if named is None:
            return ()
        name_m = m.names.get(named.i)
        if named.ent_type_ != "PERSON" and (name_m is None or name_m.hit.kind != "person"):
            return ()
        entry = name_m.hit.entry if name_m and name_m.hit.kind == "person" else None
        full_name = entry.name if entry else person_name(named, m)
        result = self._person(named, chunk_of(named), full_name, entry, country, role)
        end = tok.idx + len(tok.text)
        return tuple(replace(a, text=span_text(chunk), start=chunk[0].idx, end=end) for a in result)

    def _group(self, tok: Token, *, person: bool) -> tuple[Actor, ...]:
        """ "the two", "both ministers", "the two countries": the last two such entities."""
        kind = "person" if person else "country"
        # people: the two named last; countries: the two the story is most about so far
        members = sorted(
            (e for e in self.entities if e.type == kind and e.last < tok.i and (e.name or e.role)),
            key=lambda e: (e.last,) if person else (e.mentions, e.last),
            reverse=True,
        )[:2]
        if len(members) < 2 or (not person and members[0].country == members[1].country):
            return ()
        chunk = chunk_of(tok)
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
        if country is None:
            return ()
        kind = FACILITIES.get(tok.lemma_.lower(), FACILITIES.get(tok.lower_, ""))
        sectors = (kind,) if kind else ()
        name = self._country_name(country)
        key = f"country:{country}:{kind}"
        ent = self._entity(key, "country", name, country, sectors, None, None)
        return (self._touch(ent, tok, chunk),)

    def _pronoun(self, tok: Token, done: dict[int, tuple[Actor, ...]]) -> tuple[Actor, ...]:
        want = THIRD_PERSON.get(tok.lower_)
        if want is None:
            return ()
        speaker = self._reporter(tok, done)  # "Brazil said it had reinforced ...": Brazil
        if speaker is not None and _fits(want, speaker):
            return (self._touch(speaker, tok, [tok], keep_salience=True),)
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

    def _reporter(self, tok: Token, done: dict[int, tuple[Actor, ...]]) -> _Entity | None:
        """The subject of the speech verb whose reported clause ``tok`` is the subject of."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in REPORTING:
            return None
        subject = subject_of(verb)
        found = done.get(subject.i, ()) if subject is not None else ()
        if not found or found[0].entity is None:
            return None
        return self.entities[found[0].entity]

    def _speaker_actor(self, speaker: Actor, tok: Token, m: Matches) -> Actor:
        """ "we" inside a quotation: the speaker's country (or the speaker's organisation);
        "our army": the speaker's country's army."""
        span = dict(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
        term = m.terms.get(tok.i)
        if tok.pos_ != "PRON" and term is not None and speaker.country:
            key = f"agent:{speaker.country}:{term.term.name}"
            ent = self._entity(key, "agent", None, speaker.country, term.term.sectors, None, None)
            return ent.actor(chunk_of(tok))
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
        ent.mentions += 1
        return ent.actor(chunk)


def _inside_name(tok: Token) -> bool:
    """A token inside a person's name that is not its last word ("Bashar" in "Bashar
    al-Assad"), or a hyphen: the name is one mention, at its last word."""
    if tok.is_punct:
        return True
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ == "":
        return False
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return following is not None and following.ent_iob_ == "I" and following.ent_type_ == "PERSON"


def _fits(want: str, ent: _Entity) -> bool:
    if want == "person":
        return ent.type == "person"
    if want == "thing":
        return ent.type != "person" and not ent.plural
    return ent.plural or ent.type in ("armed_group", "agent")


def _member_of(tok: Token, m: Matches) -> NameMatch | None:
    """ "fighters from the al-Qaeda affiliate JNIM", "members of the Choneros gang", "the
    European Union's foreign policy chief"."""
    for c in tok.children:
        nm = m.names.get(c.i)
        if c.dep_ != "poss" or nm is None or nm.hit.kind not in ("armed_group", "organization"):
            continue
        if nm.hit.entry.country is None or nm.hit.kind == "armed_group":
            return nm
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("of", "from"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            for t in [o, *o.children]:
                nm = m.names.get(t.i)
                if nm is not None and nm.hit.kind in ("armed_group", "organization"):
                    return nm
    return None


def _coordinated_countries(chunk: list[Token], m: Matches) -> list[str]:
    """Countries of coordinated nationality words in one phrase ("Indian and Pakistani")."""
    out: list[str] = []
    words = [*chunk, *(c for t in chunk for c in t.children if c.dep_ == "conj")]
    for p in chunk[-1].children:  # "the foreign ministers of Armenia and Azerbaijan"
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj":
                    words += [o, *(c for c in o.children if c.dep_ == "conj")]
    for t in words:
        nm = m.names.get(t.i)
        if nm is None or nm.modifier or nm.hit.kind not in ("adjective", "country"):
            continue
        linked = t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)
        if linked and nm.hit.entry.country and nm.hit.entry.country not in out:
            out.append(nm.hit.entry.country)
    return out


def _owner_group(tok: Token, done: dict[int, tuple[Actor, ...]]) -> tuple[Actor, ...]:
    for c in tok.children:
        if c.dep_ == "poss" and len(done.get(c.i, ())) >= 2:
            return done[c.i]
    return ()


def _definite_pair(chunk: list[Token]) -> bool:
    """ "the two", "both": a pair already named, not "two Iranian diplomats"."""
    words = [t.lower_ for t in chunk]
    return "both" in words or ("two" in words and "the" in words)


def _first_person_owner(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PLURAL for c in tok.children)


def _owner_country(tok: Token, done: dict[int, tuple[Actor, ...]]) -> str | None:
    """ "meet its president": the country of the already resolved possessive pronoun."""
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and done.get(c.i):
            return done[c.i][0].country
    return None


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
