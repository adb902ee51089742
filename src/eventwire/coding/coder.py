"""The event coder: a verb (or light verb + event noun) from the lexicon, its source and target
actors from the dependency parse, a CAMEO code, the PLOVER type through the crosswalk, and the
event's status."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors.resolve import ActorIndex
from ..nlp.syntax import has_to, is_passive, passive_participle, subject_of
from ..records import Actor, Event, TextSpan
from .lexicon import Lexicon, VerbRule
from .ontology import Ontology
from .quotes import QuoteSpan, inside
from .status import event_status

TARGET_PREPS = (
    "with", "to", "against", "on", "upon", "toward", "towards", "into", "at", "from", "for",
    "between", "among",
)  # fmt: skip
FORCE_ROOTS = frozenset({"18", "19", "20"})
CONVEY_ROOTS = frozenset({"07", "15"})  # aid given to, troops deployed to: prefer "to X"
# acts whose clausal complement is their content, not a second event
CONTENT = frozenset({"02", "03", "10", "12", "13"})
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "13"})  # "demanded that Tehran free ...": Tehran
CONTAINERS = frozenset(
    "package set round wave series batch raft slew list range shipment consignment number "
    "day days week weeks".split()
)
INDEFINITE = frozenset(
    "anyone anybody someone somebody everyone everybody nobody whoever those one none".split()
)
QUANTITIES = frozenset(
    "thousands hundreds dozens scores millions thousand hundred dozen score million some many "
    "most several members member group groups crowd crowds".split()
)
# subject nouns that may name an unresolved actor: keep the event with an empty source
ACTORISH = frozenset("people man men woman women group side party member members".split())
RECIPROCAL = ("03", "04", "054", "057", "06", "0871", "19")  # fmt: skip
REACTIVE_ROOTS = frozenset({"01", "02", "05", "09", "10", "11", "12", "13", "16"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})


@dataclass(frozen=True, slots=True)
class _Trigger:
    verb: Token
    last: Token  # last token of the trigger span (the noun for light verbs)
    code: str
    noun: Token | None = None
    thing: bool = False  # the rule names the object ("sent troops"): the object is no target


@dataclass(frozen=True)
class Coder:
    ontology: Ontology
    lexicon: Lexicon

    def code_sentence(
        self,
        sent: Span,
        index: int,
        actors: ActorIndex,
        quotes: list[QuoteSpan],
        id_prefix: str,
        history: tuple[Event, ...] = (),
    ) -> list[Event]:
        """Events of one sentence; ``history`` (the article's earlier events) lets a reaction
        to "the decision" find whose decision it was."""
        events: list[Event] = []
        for tok in sent:
            trig = self.trigger(tok)
            if trig is None or self._governed_by_event(tok):
                continue
            if self.ontology.to_plover(trig.code) is None:
                continue  # plain statements (CAMEO 010-017) are no PLOVER event
            status = event_status(tok, quoted=inside(quotes, tok.idx) is not None)
            if status == "hypothetical" and trig.code[:2] in FORCE_ROOTS:
                # "would retaliate if ...": a conditional use of force is a threat of it
                trig = dataclasses.replace(trig, code="138")
            reciprocal = trig.code.startswith(RECIPROCAL)
            sources = self._sources(tok, actors)
            if sources is None:
                continue
            if not sources and trig.code[:2] == "17" and is_passive(tok) and not _has_agent(tok):
                sources = [_state_agent(tok, trig.code)]  # "53 people were arrested"
            if trig.code.startswith("15") and is_passive(tok) and not _has_agent(tok):
                # "2,000 soldiers were deployed around the prison": the force mobilises
                sources = [
                    a for c in tok.children if c.dep_ == "nsubjpass" for a in _expand(c, actors)
                ]
                targets = self._prep_only(trig, actors, frozenset(a.entity for a in sources))
            else:
                targets = self._targets(trig, actors, frozenset(a.entity for a in sources))
            reaction = _reaction_object(trig, actors)
            if sources and not targets and reaction is not None:
                act = self.lexicon.nouns.get(reaction.lemma_.lower())
                targets = _earlier_actor(sources[0], (*history, *events), act)
            reciprocal = reciprocal or _mutual(tok)
            for source, target in _pairs(sources, targets, reciprocal, both_ways=_each(tok)):
                events.append(
                    self._event(
                        f"{id_prefix}-{index}-{len(events)}",
                        sent,
                        index,
                        trig,
                        source,
                        target,
                        status,
                    )
                )
        return events

    # -- triggers ----------------------------------------------------------------------

    def trigger(self, tok: Token) -> _Trigger | None:
        if tok.pos_ != "VERB":
            return None
        lemma = tok.lemma_.lower()
        rule = self._verb_rule(tok, lemma)
        if rule is not None and rule.object is None and lemma in self.lexicon.light:
            rule = None if self._light(tok) is not None else rule  # "approve sanctions"
        if rule is not None:
            last = max((c for c in tok.children if c.dep_ == "prt"), default=tok, key=lambda t: t.i)
            thing = None
            if rule.object is not None:
                thing = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            return _Trigger(tok, last, rule.code, noun=thing, thing=rule.object is not None)
        return self._light(tok) if lemma in self.lexicon.light else None

    def _light(self, tok: Token) -> _Trigger | None:
        """A light verb and an event noun: "issued requests", "launched an attack"."""
        for c in tok.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            noun = _content(c)  # "a new package of sanctions": sanctions
            lemma = noun.lemma_.lower()
            compound = [d.lower_ for d in noun.children if d.dep_ == "compound"]
            key = f"{compound[-1]} {lemma}" if compound else lemma  # "video call"
            if key in self.lexicon.nouns or lemma in self.lexicon.nouns:
                code = self.lexicon.nouns.get(key) or self.lexicon.nouns[lemma]
                if code[:2] in ("15", "19") and any(d.lower_ == "joint" for d in noun.children):
                    code = "062"  # "joint patrols", "a joint exercise": military cooperation
                return _Trigger(tok, noun if noun.i > tok.i else tok, code, noun)
        return None

    def _verb_rule(self, tok: Token, lemma: str) -> VerbRule | None:
        rules = self.lexicon.verbs.get(lemma)
        if not rules:
            return None
        particles = {
            c.lower_: c for c in tok.children if c.dep_ in ("prt", "prep", "agent", "advmod")
        }
        direct = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        direct += [x for c in direct for x in c.conjuncts]  # "sent rescue teams and aid"
        objects = [_content(c).lemma_.lower() for c in direct]
        for rule in rules:
            cands = list(objects)
            if rule.particle is not None:
                part = particles.get(rule.particle)
                if part is None:
                    continue
                cands += [o.lemma_.lower() for o in part.children if o.dep_ == "pobj"]
            if rule.object is not None and not any(
                self.lexicon.object_fits(rule, o) for o in cands
            ):
                continue
            return rule
        return None

    def _governed_by_event(self, tok: Token) -> bool:
        """Only the governing act is coded when an event is the content of another: "threatened
        to attack", "urged them to withdraw", "demanded that Tehran free", "met ... to
        discuss", "ruled out stepping down", "accused X of supporting Y", "appeals to free"."""
        code = self.lexicon.nouns.get(tok.head.lemma_.lower())
        if tok.dep_ in ("acl", "relcl") and code and self.ontology.to_plover(code) is not None:
            return True  # not for a plain statement: "a statement backing Guyana" is support
        head = tok.head
        if tok.dep_ == "pcomp" and head.dep_ == "prep":
            trig = self.trigger(head.head) if head.head.pos_ == "VERB" else None
            if trig is not None and (head.lower_ in ("of", "for") or trig.code[:2] in CONTENT):
                return True
        if head.i == tok.i:
            return False
        trig = self.trigger(head)
        if trig is None:
            return False
        if tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and has_to(tok)):
            return True
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _own_subject(tok):
            own = self.trigger(tok)
            if own is not None and own.code[:2] in FORCE_ROOTS and trig.code[:2] in FORCE_ROOTS:
                return True  # "attacked a camp, killing four officers": one attack
        return tok.dep_ in ("ccomp", "pcomp") and trig.code[:2] in CONTENT

    # -- actors ------------------------------------------------------------------------

    def _sources(self, verb: Token, actors: ActorIndex) -> list[Actor] | None:
        """The source actors; None when the subject is a thing, not an actor ("the measures
        freeze ...", "a clause that forbids ..."): such a sentence codes no event."""
        subj = subject_of(verb)
        if subj is None:
            return []
        found = _expand(subj, actors)
        if found:
            return found
        if subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() not in ACTORISH:
            return None
        if subj.pos_ == "PRON" and subj.lower_ in INDEFINITE:
            return None  # "anyone who attacks police stations"
        return found

    def _targets(
        self, trig: _Trigger, actors: ActorIndex, exclude: frozenset[int | None]
    ) -> list[Actor]:
        """The first candidate list that names someone other than the source."""
        for found in self._target_candidates(trig, actors):
            kept = [a for a in found if a.entity not in exclude]
            if kept:
                return kept
        return []

    def _prep_only(
        self, trig: _Trigger, actors: ActorIndex, exclude: frozenset[int | None]
    ) -> list[Actor]:
        for found in self._prep_candidates(trig, actors):
            kept = [a for a in found if a.entity not in exclude]
            if kept:
                return kept
        return []

    def _target_candidates(self, trig: _Trigger, actors: ActorIndex) -> Iterator[list[Actor]]:
        """Target candidates in order: passive subject, object (or an actor inside it: "Israel's
        destruction"), prepositional objects ("met with", "to Hezbollah", "an attack on"),
        and the subject of a demanded or agreed clause."""
        verb = trig.verb
        if is_passive(verb):
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    yield _expand(c, actors)
        if passive_participle(verb):  # "troops backed by air strikes": the troops
            yield _expand(verb.head, actors)
        convey = trig.thing or trig.code[:2] in CONVEY_ROOTS
        if convey:  # "sent troops to X", "deployed police to X": the destination first
            yield from self._prep_candidates(trig, actors)
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and c is not trig.noun and c.pos_ != "ADP":
                for found in (_expand(c, actors), *_inner(c, actors)):
                    # what is moved is the target only when it says whose it is
                    yield [a for a in found if a.country or a.name] if convey else found
        if not convey:
            yield from self._prep_candidates(trig, actors)
        yield from self._clause_candidates(trig, actors)
        for c in verb.children:  # "struck what the military said were Hezbollah depots"
            if c.dep_ in ("ccomp", "dobj") and any(t.tag_ == "WP" for t in c.subtree):
                for t in c.subtree:
                    if t.dep_ == "attr" and actors.get(t.i):
                        yield _expand(t, actors)

    def _prep_candidates(self, trig: _Trigger, actors: ActorIndex) -> Iterator[list[Actor]]:
        for holder in (trig.noun, trig.verb):
            if holder is None:
                continue
            if holder is trig.noun:
                yield from _inner(holder, actors)
            for prep in TARGET_PREPS:
                if prep in ("at", "into") and trig.code[:2] < "14":
                    continue  # "met at the palace" is where; "fired at the posts" is whom
                for c in holder.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                        for o in c.children:
                            if o.dep_ == "pobj":
                                # "to Hezbollah"; "to its border with Kyrgyzstan"
                                yield _expand(o, actors)
                                yield from _inner(o, actors)

    def _clause_candidates(self, trig: _Trigger, actors: ActorIndex) -> Iterator[list[Actor]]:
        """ "demanded that Tehran free ..." (Tehran); "agreed to suspend operations against the
        group" (the group)."""
        verb = trig.verb
        if trig.code[:2] in ("03", "08"):
            for c in verb.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    yield from self._prep_candidates(_Trigger(c, c, trig.code), actors)
                    for d in c.children:
                        if d.dep_ == "dobj":
                            yield _expand(d, actors)
                            yield from _inner(d, actors)
        if trig.code[:2] == "13":  # "would retaliate if the bloc imposed ...": the bloc
            for c in verb.children:
                if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                    for s in c.children:
                        if s.dep_ in ("nsubj", "nsubjpass"):
                            yield _expand(s, actors)
        if trig.code[:2] in CLAUSE_TARGET_ROOTS:
            for c in verb.children:
                if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                    for s in c.children:
                        if s.dep_ in ("nsubj", "nsubjpass"):
                            yield _expand(s, actors)

    def _event(
        self,
        eid: str,
        sent: Span,
        index: int,
        trig: _Trigger,
        source: Actor | None,
        target: Actor | None,
        status: str,
    ) -> Event:
        info = self.ontology.code(trig.code)
        first, last = trig.verb, trig.last
        words = sent.doc[first.i : last.i + 1].text
        confidence = 0.5 + 0.2 * (source is not None) + 0.2 * (target is not None)
        return Event(
            id=eid,
            sentence=index,
            text=sent.text.strip(),
            trigger=TextSpan(
                words,
                first.idx,
                last.idx + len(last.text),
            ),
            source=source,
            target=target,
            cameo=info.code,
            cameo_root=info.root,
            cameo_name=info.name,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover=self.ontology.to_plover(info.code),
            status=status,  # type: ignore[arg-type]
            confidence=round(confidence, 2),
        )


def _expand(tok: Token, actors: ActorIndex) -> list[Actor]:
    """The actor(s) of ``tok`` and of the tokens coordinated with it; for a quantity ("thousands
    of Filipinos", "members of the group") the actors it counts."""
    out: list[Actor] = list(actors.get(tok.i))
    if not out and (tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITIES):
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        out.extend(_expand(o, actors))
    for c in tok.conjuncts:
        out.extend(actors.get(c.i))
    for c in tok.children:  # "top Russian officials, including Shoigu" keeps the officials
        if c.dep_ == "appos" and not out:
            out.extend(actors.get(c.i))
    return out


def _inner(noun: Token, actors: ActorIndex) -> Iterator[list[Actor]]:
    """Actors inside a non-actor object, in order: its possessor ("Israel's destruction"),
    then its prepositional objects ("the attack on the base", "its border with Kyrgyzstan")."""
    for c in noun.children:
        if c.dep_ == "poss" and not any(o.lower_ == "own" for o in noun.children):
            yield _expand(c, actors)  # not "its own people"
    for c in noun.children:  # "dismissed the Dutch criticism", "rejected Ukrainian proposals"
        found = actors.modifier(c.i)
        if found is not None:
            yield [found]
    for prep in ("of", "on", "against", "to", "with", "toward", "towards", "between", "among"):
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                for o in c.children:
                    if o.dep_ == "pobj" and actors.get(o.i):
                        yield [a for a in _expand(o, actors) if _specific(a)]


def _specific(actor: Actor) -> bool:
    """Named, national, or the people an act is done to ("the release of the detainees")."""
    return bool(actor.country or actor.name or {"CVL", "OPP", "JRN", "REF"} & set(actor.sectors))


def _state_agent(verb: Token, code: str) -> Actor:
    """The unnamed state organ of an agentless arrest, deportation or ban; its country is the
    event's (see coding.domestic). The evidence is the trigger itself."""
    sector = "COP" if code.startswith("173") else "GOV"
    end = verb.idx + len(verb.text)
    return Actor(verb.text, verb.idx, end, None, "agent", None, (sector,), sector)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _content(noun: Token) -> Token:
    """The noun that says what: "a package of sanctions" -> sanctions."""
    if noun.lemma_.lower() in CONTAINERS:
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return noun


def _reaction_object(trig: _Trigger, actors: ActorIndex) -> Token | None:
    """ "condemned the expulsions", "rejected the complaint": a definite non-actor object."""
    if trig.code[:2] not in REACTIVE_ROOTS and trig.code[:2] != "14":
        return None
    objects = [c for c in trig.verb.children if c.dep_ == "dobj" and c is not trig.noun]
    for p in trig.verb.children:  # "protested against the deportations"
        if p.dep_ == "prep" and p.lower_ in ("against", "over"):
            objects.extend(o for o in p.children if o.dep_ == "pobj")
    for c in objects:
        if not actors.get(c.i):
            definite = any(d.lower_ in DEFINITE for d in c.children if d.dep_ in ("det", "poss"))
            return c if definite else None
    return None


def _earlier_actor(source: Actor, history: tuple[Event, ...], act: str | None) -> list[Actor]:
    """Whoever did the act reacted to: the source of the latest earlier event of the same kind
    as the object ("condemned the attack": the latest attack), else of the latest event that
    targeted ``source``'s country (or entity)."""
    if act is not None:
        for e in reversed(history):
            if e.source is None or e.cameo_root != act[:2] or e.source.entity == source.entity:
                continue
            if e.source.country is None or e.source.country != source.country:
                return [e.source]
    for e in reversed(history):
        if e.source is None or e.target is None:
            continue
        if e.source.entity == source.entity:
            continue
        if e.target.entity == source.entity or (
            source.country is not None
            and e.target.country == source.country
            and e.source.country != source.country
        ):
            return [e.source]
    return []


def _mutual(verb: Token) -> bool:
    """ "launched a joint force", "held talks together": an act among its subjects."""
    for c in verb.subtree:
        if c.lower_ in ("joint", "jointly", "together", "mutual", "bilateral"):
            return True
    return False


def _each(verb: Token) -> bool:
    """ "Russia and Ukraine each released 115 prisoners": each did it to the other."""
    return any(c.lower_ in ("each", "other", "another") for c in verb.subtree)


def _pairs(
    sources: list[Actor], targets: list[Actor], reciprocal: bool, both_ways: bool = False
) -> Iterator[tuple[Actor | None, Actor | None]]:
    if len(sources) >= 2 and not targets and (both_ways or reciprocal):
        # "the two met", "A and B resumed talks", "A, B and C launched a joint force"
        if len(sources) == 2 or both_ways or reciprocal:
            for k, s in enumerate(sources):
                for t in sources[k + 1 :]:
                    if s.entity != t.entity:
                        yield s, t
                        if both_ways:
                            yield t, s
        return
    none: list[Actor | None] = [None]
    for src in sources or none:
        for tgt in targets or none:
            if src is None and tgt is None:
                continue
            if src is not None and tgt is not None and src.entity == tgt.entity:
                continue
            yield src, tgt
