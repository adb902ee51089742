"""The pipeline: ordered stages over one article, each declaring what it requires and assigns.

    prepare -> parse (spaCy) -> quotes -> match -> actors -> places -> dates -> amounts
            -> events -> context (date, place and amounts of each event) -> result

``parse`` runs batched over many articles with ``nlp.pipe``; the other stages run per article.
A stage that fails on one sentence reports a problem and the rest of the article is still coded.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from .actors.kb import KnowledgeBase
from .actors.match import Matches, find_matches
from .actors.resolve import ActorIndex, Resolver, main_country
from .amounts import amounts_for, find_amounts
from .coding.coder import Coder
from .coding.domestic import localise
from .coding.lexicon import load_lexicon
from .coding.ontology import load_ontology
from .coding.quotes import QuoteSpan, find_quotes, speaker_tokens
from .config import Settings
from .dates import TimeExpression, find_dates, governing_date
from .errors import EventwireError, InputError
from .geo.gazetteer import load_gazetteer
from .geo.parse import Geoparser, Located, event_place, object_place
from .ingest.text import article_id, check_text
from .nlp.load import load_model
from .nlp.prepare import Prepared, prepare
from .records import (
    Actor,
    Amount,
    Article,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Place,
    Problem,
    Quotation,
    Status,
)

log = logging.getLogger(__name__)
SHORT_QUOTE = 4  # words


@dataclass(frozen=True)
class Analysis:
    """What the stages know about one article so far. Each stage returns a new one."""

    article: Article
    prepared: Prepared | None = None
    doc: Doc | None = None
    quotes: tuple[QuoteSpan, ...] | None = None
    speakers: tuple[int | None, ...] | None = None
    matches: Matches | None = None
    actors: ActorIndex | None = None
    located: Located | None = None
    times: tuple[TimeExpression, ...] | None = None
    amounts: tuple[Amount, ...] | None = None
    events: tuple[Event, ...] | None = None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Analysis], Analysis]

    def __call__(self, a: Analysis) -> Analysis:
        missing = [r for r in self.requires if getattr(a, r) is None]
        if missing:
            raise EventwireError(f"stage {self.name!r} needs {', '.join(missing)} first")
        out = self.run(a)
        unset = [x for x in self.assigns if getattr(out, x) is None]
        if unset:
            raise EventwireError(f"stage {self.name!r} did not assign {', '.join(unset)}")
        return out


@dataclass
class Pipeline:
    """A loaded pipeline: spaCy model, knowledge base, ontology and lexicon. Reuse it."""

    settings: Settings = field(default_factory=lambda: Settings())
    nlp: Language | None = None
    kb: KnowledgeBase | None = None

    def __post_init__(self) -> None:
        if self.nlp is None:
            self.nlp = load_model(self.settings.model)
        if self.kb is None:
            self.kb = KnowledgeBase.load(self.settings.kb_files)
        ontology = load_ontology()
        self.coder = Coder(ontology, load_lexicon(ontology))
        self.geoparser = Geoparser(load_gazetteer())
        self.stages: tuple[Stage, ...] = (
            Stage("quotes", ("doc",), ("quotes", "speakers"), self._quotes),
            Stage("match", ("doc",), ("matches",), self._match),
            Stage("actors", ("doc", "speakers", "matches"), ("actors",), self._actors),
            Stage("places", ("doc", "matches"), ("located",), self._places),
            Stage("dates", ("doc",), ("times",), self._dates),
            Stage("amounts", ("doc",), ("amounts",), self._amounts),
            Stage("events", ("doc", "actors", "quotes"), ("events",), self._events),
            Stage("context", ("events", "located", "times", "amounts"), ("events",), self._context),
        )

    # -- public ------------------------------------------------------------------------

    def code(self, text: str | Article, published: dt.date | None = None) -> ArticleResult:
        """Code one article (text or :class:`Article`); raises :class:`InputError` if the text
        is empty or not English."""
        article = text if isinstance(text, Article) else Article(text=text, published=published)
        if published is not None and article.published is None:
            article = replace(article, published=published)
        check_text(
            article.text, source=article.source or "<text>", min_english=self.settings.min_english
        )
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code articles in batches; results come in input order. Articles are expected to be
        validated by their reader (see :mod:`eventwire.ingest`)."""
        assert self.nlp is not None
        prepared = (self._prepare(a) for a in articles)
        pairs = ((a.prepared.text, a) for a in prepared if a.prepared is not None)
        batch = self.settings.batch_size
        for doc, analysis in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch):
            yield self._finish(replace(analysis, doc=doc))

    # -- stages ------------------------------------------------------------------------

    def _prepare(self, article: Article) -> Analysis:
        if article.id is None:
            article = replace(article, id=article_id(article.text))
        return Analysis(article=article, prepared=prepare(article.text))

    def _finish(self, a: Analysis) -> ArticleResult:
        for stage in self.stages:
            try:
                a = stage(a)
            except InputError:
                raise
            except Exception as exc:  # a rule failing must not lose the article
                log.warning("stage %s failed on %s: %s", stage.name, a.article.id, exc)
                problem = Problem("E100", f"stage {stage.name} failed: {type(exc).__name__}: {exc}")
                a = _empty_assigns(replace(a, problems=(*a.problems, problem)), stage)
        return self._result(a)

    def _quotes(self, a: Analysis) -> Analysis:
        assert a.doc is not None
        spans, problems = find_quotes(a.article.text)
        speakers = speaker_tokens(a.doc, spans)
        # a short quoted string is a quotation only when someone says it, not a scare quote
        kept = [
            (q, s)
            for q, s in zip(spans, speakers, strict=True)
            if s is not None or len(a.article.text[q.start : q.end].split()) >= SHORT_QUOTE
        ]
        spans, speakers = [q for q, _ in kept], [s for _, s in kept]
        return replace(
            a,
            quotes=tuple(spans),
            speakers=tuple(s.i if s is not None else None for s in speakers),
            problems=(*a.problems, *problems),
        )

    def _match(self, a: Analysis) -> Analysis:
        assert a.doc is not None and self.kb is not None
        return replace(a, matches=find_matches(a.doc, self.kb))

    def _places(self, a: Analysis) -> Analysis:
        assert a.doc is not None and a.matches is not None and a.prepared is not None
        pre = a.prepared
        located, problems = self.geoparser.locate(
            a.doc, a.matches, pre.dateline, pre.dateline_region
        )
        return replace(a, located=located, problems=(*a.problems, *problems))

    def _dates(self, a: Analysis) -> Analysis:
        assert a.doc is not None
        times = tuple(find_dates(a.doc, a.article.published))
        problems = [Problem("W301", f"date {t.text!r}: {t.problem}") for t in times if t.problem]
        return replace(a, times=times, problems=(*a.problems, *problems))

    def _amounts(self, a: Analysis) -> Analysis:
        assert a.doc is not None
        return replace(a, amounts=tuple(find_amounts(a.doc)))

    def _context(self, a: Analysis) -> Analysis:
        """Each event's date, place and amounts, read from the words around its trigger."""
        assert a.doc is not None and a.events is not None and a.located is not None
        assert a.times is not None and a.amounts is not None
        starts = {t.idx: t for t in a.doc}
        ends = {t.idx + len(t.text): t for t in a.doc}
        dateline = a.located.dateline.country if a.located.dateline else None
        main = main_country(a.matches, dateline) if a.matches is not None else None
        events = []
        for e in a.events:
            trigger = starts[e.trigger.start]
            last = ends.get(e.trigger.end)  # the event noun of "launched an attack"
            noun = last if last is not None and last.i != trigger.i else None
            e = _not_places(e, a.located, starts)  # a town the NER took for a person
            date = self._event_date(trigger, a.times, a.article.published)
            placed = replace(
                e,
                date=date,
                status=_future(e.status, date, a.article.published),
                place=event_place(trigger, e.cameo, a.located, noun),
                amounts=amounts_for(trigger, a.amounts),
            )
            if placed.target is None:
                # "seized the town of X", "shelled Kherson", "imposed a curfew in Freetown":
                # the country of the place acted upon, else of the event's place, is the target
                acted_on = object_place(trigger, a.located) if e.cameo_root >= "17" else None
                hit = acted_on or placed.place
                if hit is not None and hit.country is not None:
                    placed = replace(placed, target=self._country_actor(hit))
            kept = localise(placed, dateline, main)
            if kept is not None:
                events.append(kept)
        return replace(a, events=tuple(events))

    def _country_actor(self, place: Place) -> Actor:
        assert place.country is not None and self.kb is not None
        entry = self.kb.countries.get(place.country)
        name = entry.name if entry else place.country
        return Actor(
            place.text, place.start, place.end, name, "country", place.country, (), place.country
        )

    @staticmethod
    def _event_date(
        trigger: Token, times: tuple[TimeExpression, ...], published: dt.date | None
    ) -> EventDate:
        found = governing_date(trigger, times)
        if found is not None:
            return EventDate(found.value, found.precision, found.text, "text")
        if published is None:
            return EventDate(None, None, None, "story")
        return EventDate(published.isoformat(), "day", None, "story")

    def _actors(self, a: Analysis) -> Analysis:
        assert a.doc is not None and a.quotes is not None and a.speakers is not None
        assert self.kb is not None and a.matches is not None
        by_token: dict[int, int] = {}
        for q, speaker in zip(a.quotes, a.speakers, strict=True):
            if speaker is None:
                continue
            for tok in a.doc.char_span(q.start, q.end, alignment_mode="expand") or ():
                by_token[tok.i] = speaker
        resolver = Resolver(self.kb, a.article.published)
        return replace(a, actors=resolver.resolve(a.doc, a.matches, by_token))

    def _events(self, a: Analysis) -> Analysis:
        assert a.doc is not None and a.actors is not None and a.quotes is not None
        events: list[Event] = []
        problems = list(a.problems)
        quotes = list(a.quotes)
        for index, sent in enumerate(s for s in a.doc.sents if s.text.strip()):
            try:
                events.extend(
                    self.coder.code_sentence(
                        sent, index, a.actors, quotes, a.article.id or "", tuple(events)
                    )
                )
            except Exception as exc:  # one sentence's failure is reported, not fatal
                log.warning("sentence %d of %s: %s", index, a.article.id, exc)
                problems.append(
                    Problem("E101", f"coding failed: {type(exc).__name__}: {exc}", index)
                )
        return replace(a, events=tuple(events), problems=tuple(problems))

    def _result(self, a: Analysis) -> ArticleResult:
        art = a.article
        quotations: list[Quotation] = []
        mentions = a.actors.mentions() if a.actors else ()
        for q, speaker in zip(a.quotes or (), a.speakers or (), strict=False):
            actor = None
            if speaker is not None and a.actors is not None:
                found = a.actors.get(speaker)
                actor = found[0] if found else None
            quotations.append(Quotation(art.text[q.start : q.end], q.start, q.end, actor))
        return ArticleResult(
            article=ArticleInfo(
                id=art.id or article_id(art.text),
                source=art.source,
                title=art.title,
                published=art.published,
                dateline=a.prepared.dateline if a.prepared else None,
                dateline_place=a.located.dateline if a.located else None,
                url=art.url,
            ),
            events=a.events or (),
            actors=mentions,
            places=a.located.places if a.located else (),
            quotations=tuple(quotations),
            amounts=a.amounts or (),
            problems=a.problems,
        )


def _future(status: Status, date: EventDate, published: dt.date | None) -> Status:
    """An event the text dates after the story date is planned ("when they meet next month")."""
    if status not in ("asserted", "reported") or date.basis != "text" or not date.value:
        return status
    if published is None:
        return status
    story = published.isoformat()[: len(date.value)]
    return "planned" if date.value > story else status


def _not_places(e: Event, located: Located, starts: dict[int, Token]) -> Event:
    """Drop a source or target that is really a place name tagged as a person ("Pauktaw")."""

    def keep(actor: Actor | None) -> Actor | None:
        if actor is None or actor.type != "person" or actor.country or actor.role:
            return actor
        tok = starts.get(actor.start)
        return None if tok is not None and tok.i in located.by_token else actor

    source, target = keep(e.source), keep(e.target)
    if source is e.source and target is e.target:
        return e
    return replace(e, source=source, target=target)


def _empty_assigns(a: Analysis, stage: Stage) -> Analysis:
    """After a stage failed: empty values for what it assigns, so later stages still run."""
    if "quotes" in stage.assigns:
        a = replace(a, quotes=(), speakers=())
    if "matches" in stage.assigns:
        a = replace(a, matches=Matches({}, {}))
    if "actors" in stage.assigns:
        a = replace(a, actors=ActorIndex({}))
    if "located" in stage.assigns:
        a = replace(a, located=Located((), {}, None))
    if "times" in stage.assigns:
        a = replace(a, times=())
    if "amounts" in stage.assigns:
        a = replace(a, amounts=())
    if "events" in stage.assigns:
        a = replace(a, events=())
    return a
