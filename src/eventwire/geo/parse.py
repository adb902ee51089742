"""The geoparser: place mentions in a parsed article, geocoded with the offline gazetteer and
disambiguated by the article's context (countries and US states it names, its dateline,
population), and the place where an event happened.

Demonyms and nationality adjectives never become places; a capital used as a government
("Moscow said") is both an actor and a place.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.match import Matches
from ..records import Place, Problem
from .gazetteer import Gazetteer, GeoEntry

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADMIN_WORDS = ("region", "province", "state", "oblast", "governorate", "district", "county")
PLACE_PREPS = frozenset(
    "in at near outside inside through across into around within throughout off".split()
)
VISIT_CODES = ("042", "043", "044")
PLACE_NOUNS = frozenset(
    "city town village district districts part parts outskirts suburb suburbs province region "
    "capital centre center streets port area areas neighbourhood neighborhood".split()
)
PLACE_VERBS = frozenset(
    "hit bomb shell strike enter retake capture seize besiege attack leave visit reach "
    "liberate encircle storm occupy evacuate flee raid target retook".split()
)


@dataclass(frozen=True, slots=True)
class Context:
    """What the article says about where it is: countries and US states named, the dateline."""

    countries: frozenset[str]
    admin1: frozenset[str]
    dateline_country: str | None


@dataclass(frozen=True, slots=True)
class Located:
    """The places of one article: the list, and each place's head token."""

    places: tuple[Place, ...]
    by_token: dict[int, Place]
    dateline: Place | None


class Geoparser:
    """Finds and geocodes places; one instance serves many articles (the gazetteer is shared)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def locate(
        self, doc: Doc, matches: Matches, dateline: str | None, region: str | None
    ) -> tuple[Located, list[Problem]]:
        problems: list[Problem] = []
        spans = list(_mentions(doc, matches, self.gaz))
        ctx = self._context(doc, matches, spans, dateline, region)
        line = self._dateline(dateline, region, ctx)
        if line is not None and line.country is not None:  # "ATLANTA —": Georgia is the state
            admin = ctx.admin1 | ({line.admin1} if line.admin1 else set())
            ctx = Context(ctx.countries | {line.country}, frozenset(admin), line.country)
        places: list[Place] = []
        by_token: dict[int, Place] = {}
        for span, country in spans:
            entry = self._resolve(span, country, ctx)
            if entry is None:
                problems.append(Problem("W201", f"unknown place {span.text!r}"))
                continue
            place = _place(span.text, span.start_char, span.end_char, entry)
            places.append(place)
            for tok in span:
                by_token[tok.i] = place
        return Located(tuple(places), by_token, line), problems

    # -- resolution ----------------------------------------------------------------------

    def _resolve(self, span: Span, country: str | None, ctx: Context) -> GeoEntry | None:
        text = _strip_the(span.text)
        cands = self.gaz.candidates(text)
        if country is not None and not any(c.kind in ("state", "region") for c in cands):
            return self.gaz.country(country)  # a country named by a knowledge-base name
        if not cands and text.lower().endswith(ADMIN_WORDS):
            cands = self.gaz.candidates(text.rsplit(" ", 1)[0])  # "Donetsk region"
        if not cands:
            return None
        within = _qualifier(span, self.gaz)  # "Paris, Texas"
        if within is not None:
            narrowed = [c for c in cands if within in (c.country, c.admin1)]
            cands = tuple(narrowed) or cands
        return max(cands, key=lambda c: _score(c, ctx))

    def _context(
        self,
        doc: Doc,
        matches: Matches,
        spans: list[tuple[Span, str | None]],
        dateline: str | None,
        region: str | None,
    ) -> Context:
        countries: set[str] = set()
        for nm in set(matches.names.values()):
            # capitals are left out: "Tripoli" may be Lebanon's as well as Libya's capital
            if nm.hit.kind in ("country", "adjective", "demonym") and nm.hit.entry.country:
                countries.add(nm.hit.entry.country)
        admin1: set[str] = set()
        for span, named_country in spans:
            for c in self.gaz.candidates(_strip_the(span.text)):
                if c.kind == "state" and c.admin1 and named_country is None:
                    admin1.add(c.admin1)  # "Texas" (but not "Georgia", also a country)
                    countries.add("USA")
                elif c.kind == "region" and c.country:
                    countries.add(c.country)  # "Sindh province", "Ontario"
        line_country = None
        for name in (region, dateline):
            if not name:
                continue
            for c in self.gaz.candidates(name):
                if c.kind in ("country", "state", "region") and c.country:
                    line_country = line_country or c.country
                    if c.admin1:
                        admin1.add(c.admin1)
        return Context(frozenset(countries), frozenset(admin1), line_country)

    def _dateline(self, dateline: str | None, region: str | None, ctx: Context) -> Place | None:
        if not dateline:
            return None
        cands = self.gaz.candidates(dateline)
        if region:
            within = [c for c in cands if _in_region(c, region, self.gaz)]
            cands = tuple(within) or cands
        if not cands:
            return None
        best = max(cands, key=lambda c: _score(c, ctx))
        return _place(dateline, 0, 0, best)


def _score(c: GeoEntry, ctx: Context) -> float:
    score = math.log10(c.population + 10)
    if c.country is not None and c.country in ctx.countries:
        score += 4
    if c.country is not None and c.country == ctx.dateline_country:
        score += 6
    if c.admin1 is not None and c.admin1 in ctx.admin1:
        score += 5
    if c.capital:
        score += 3
    if c.kind == "country":
        score += 8
    return score


def _mentions(doc: Doc, matches: Matches, gaz: Gazetteer) -> Iterable[tuple[Span, str | None]]:
    """Place mentions: NER places the gazetteer knows ("Gaza City"), then knowledge-base country
    and capital names the NER missed (the country code is given for country names).
    Organisations, people and demonyms are not places."""
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        inner = {matches.names[t.i].hit.kind for t in ent if t.i in matches.names}
        if inner - {"country", "capital"}:
            continue  # "Hezbollah" tagged as a place, "Russian" inside a name
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if not words or not words[0].text[:1].isupper():
            continue
        span = doc[words[0].i : ent.end]
        country = _whole_country(span, matches)
        if country is not None or gaz.candidates(span.text) or ent.label_ != "FAC":
            taken.update(range(span.start, span.end))
            yield span, country  # an unknown GPE or LOC becomes a problem, not a place
    seen: set[int] = set()
    for nm in matches.names.values():
        if id(nm) in seen or nm.modifier or nm.hit.kind not in ("country", "capital"):
            continue
        seen.add(id(nm))
        if not any(i in taken for i in range(nm.start, nm.end)):
            country = nm.hit.entry.country if nm.hit.kind == "country" else None
            taken.update(range(nm.start, nm.end))
            yield doc[nm.start : nm.end], country
    for tok in doc:  # names the NER missed, where a place is expected ("retook Homs")
        if tok.pos_ != "PROPN" or tok.i in taken or tok.i in matches.names:
            continue
        if tok.dep_ == "compound":
            continue
        span = _propn_run(tok)
        if _place_position(tok) and _likely_place(span, gaz):
            taken.update(range(span.start, span.end))
            yield span, None


def _likely_place(span: Span, gaz: Gazetteer) -> bool:
    """A name the NER missed is taken for a place only if a sizeable town bears it and it is
    not the start of a longer name ("the Line of Control")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].is_title:
        return False
    return any(c.population >= 20_000 or c.kind != "city" for c in gaz.candidates(span.text))


def _propn_run(tok: Token) -> Span:
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i:
        start -= 1
    return tok.doc[start : tok.i + 1]


def _place_position(tok: Token) -> bool:
    """Where the text expects a place: "in X", "districts of X", "entered X", "X, the capital"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in PLACE_PREPS | {"to", "from", "toward", "towards"}:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return True
    if tok.dep_ == "dobj" and (head.lemma_.lower() in PLACE_VERBS or head.lower_ in PLACE_VERBS):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in tok.children)


def _whole_country(span: Span, matches: Matches) -> str | None:
    """The country code when the span is exactly a knowledge-base country name."""
    nm = matches.names.get(span.start)
    if nm is not None and nm.hit.kind == "country" and (nm.start, nm.end) == (span.start, span.end):
        return nm.hit.entry.country
    return None


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _qualifier(span: Span, gaz: Gazetteer) -> str | None:
    """ "Paris, Texas" / "Tripoli, Lebanon": the state or country after a comma."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    nxt = doc[span.end + 1]
    for length in (2, 1):
        words = doc[nxt.i : nxt.i + length]
        for c in gaz.candidates(words.text):
            if c.kind == "state":
                return c.admin1
            if c.kind in ("country", "region"):
                return c.country
    return None


def _in_region(c: GeoEntry, region: str, gaz: Gazetteer) -> bool:
    for r in gaz.candidates(region):
        if r.kind in ("country", "region") and r.country == c.country:
            return True
        if r.kind == "state" and r.admin1 == c.admin1:
            return True
    return False


def _place(text: str, start: int, end: int, e: GeoEntry) -> Place:
    return Place(
        text=text,
        start=start,
        end=end,
        name=e.name,
        country=e.country,
        admin1=e.admin1,
        lat=round(e.lat, 5) if e.lat is not None else None,
        lon=round(e.lon, 5) if e.lon is not None else None,
        geonameid=e.geonameid,
        kind=e.kind,
    )


def event_place(
    trigger: Token, code: str, located: Located, noun: Token | None = None
) -> Place | None:
    """Where the event happened: a place in a locative phrase of the trigger ("met ... in
    Sochi", "through Damascus"), of its object or prepositional object ("met with X in Y",
    "an attack on a base near Y"), the visited place for a visit, or the place of the verb it
    is coordinated with ("visited Moscow in April and met ..."). None when the text does not
    say: places merely mentioned in the sentence stay off the event."""
    heads = [h for h in (trigger, noun) if h is not None]
    if code.startswith(VISIT_CODES):
        for c in trigger.children:
            if c.dep_ == "dobj" and c.i in located.by_token:
                return located.by_token[c.i]
    for h in heads:
        found = _locative(h, located)
        if found is not None:
            return found
    for h in heads:
        for c in h.children:
            nouns = [c] if c.dep_ in ("dobj", "nsubjpass") else []
            if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to", "on", "against"):
                nouns = [o for o in c.children if o.dep_ == "pobj"]
            for n in nouns:
                found = _locative(n, located)
                if found is not None:
                    return found
    if trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        head = trigger.head
        visit = head.lemma_.lower() in ("visit", "tour", "travel", "arrive")
        return event_place(head, "042" if visit else code, located)
    return None


def object_place(trigger: Token, located: Located) -> Place | None:
    """The place an act is done to: "seized the border town of Nyamilima", "shelled Kherson"."""
    for c in trigger.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.i in located.by_token:
            return located.by_token[c.i]
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for q in p.children:
                    if q.dep_ == "pobj" and q.i in located.by_token:
                        return located.by_token[q.i]
    return None


def _locative(head: Token, located: Located) -> Place | None:
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            if o.i in located.by_token:
                return located.by_token[o.i]
            for p in o.children:  # "in the town of Batken"
                if p.dep_ == "prep" and p.lower_ == "of":
                    for q in p.children:
                        if q.dep_ == "pobj" and q.i in located.by_token:
                            return located.by_token[q.i]
    return None
