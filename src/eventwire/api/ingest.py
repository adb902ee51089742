"""Ingest articles given as records (not input paths): the API's write path.

The same steps as :func:`eventwire.corpus.ingest` - skip stored ids, link near-duplicates
(MinHash LSH over the stored canonical articles), code the rest in batches and write each
batch in one transaction - over :class:`Article` records (and :class:`Skipped` records for
inputs that failed validation, which are recorded in ``problems``).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Literal

from ..corpus import IngestReport, chunks, uncoded_result
from ..pipeline import Pipeline
from ..records import Article, ArticleResult, Skipped
from ..store import NearDuplicates, Store

Outcome = Literal["coded", "duplicate", "already"]


@dataclass(frozen=True)
class Ingested:
    """What happened to one article: coded (with ``events`` events), stored as a
    near-duplicate of ``canonical_id``, or already stored before."""

    id: str
    outcome: Outcome
    events: int = 0
    canonical_id: str | None = None


@dataclass
class IngestRun:
    """The accounting of one call (as :class:`IngestReport`) and each article's outcome."""

    report: IngestReport = field(default_factory=IngestReport)
    articles: list[Ingested] = field(default_factory=list)


Guard = AbstractContextManager[Any]


def ingest_articles(
    items: Iterable[Article | Skipped],
    store: Store,
    pipeline: Pipeline,
    *,
    batch_size: int = 64,
    store_lock: Guard | None = None,
    pipeline_lock: Guard | None = None,
    dedup: NearDuplicates | None = None,
) -> IngestRun:
    """Deduplicate, code and store articles; :class:`Skipped` items are recorded as problems.

    Articles need their ``id`` (as the readers of :mod:`eventwire.ingest` set it). The locks,
    when given, are held around each use of the store and of the pipeline (never both at
    once), so a server can answer other requests between batches. ``dedup``, when given, is the
    near-duplicate index of the stored canonical articles kept by the caller (a server keeps it
    between requests); it must not be used again if this raises, as it may then hold articles
    that were not stored."""
    in_store: Guard = store_lock if store_lock is not None else nullcontext()
    in_pipeline: Guard = pipeline_lock if pipeline_lock is not None else nullcontext()
    run = IngestRun()
    report = run.report
    if dedup is None:
        dedup = NearDuplicates()
        with in_store:
            dedup.load(store)
    seen: set[str] = set()
    for chunk in chunks(items, batch_size):
        articles = [i for i in chunk if isinstance(i, Article)]
        skipped = [i for i in chunk if isinstance(i, Skipped)]
        report.read += len(chunk)
        report.skipped.extend(skipped)
        with in_store:
            known = store.known_ids([_id(a) for a in articles])
        fresh: list[Article] = []
        for a in articles:
            if _id(a) in known or _id(a) in seen:
                report.already += 1
                continue
            seen.add(_id(a))
            fresh.append(a)
        duplicates: dict[str, str] = {}
        for a in fresh:
            canonical = dedup.add_and_match(_id(a), a.text)
            if canonical is not None:
                duplicates[_id(a)] = canonical
        with in_pipeline:
            coded = list(pipeline.code_many(a for a in fresh if _id(a) not in duplicates))
        results = coded + [uncoded_result(a) for a in fresh if _id(a) in duplicates]
        with in_store:
            store.write_batch(results, skipped, duplicates, texts={_id(a): a.text for a in fresh})
        report.coded += len(coded)
        report.duplicates += len(duplicates)
        report.events += sum(len(r.events) for r in coded)
        run.articles += _outcomes(articles, fresh, coded, duplicates)
    return run


def _outcomes(
    articles: list[Article],
    fresh: list[Article],
    coded: list[ArticleResult],
    duplicates: dict[str, str],
) -> list[Ingested]:
    """Each article's outcome, in input order (a repeated article is "already" stored)."""
    events = {r.article.id: len(r.events) for r in coded}
    first = {id(a) for a in fresh}
    out = []
    for a in articles:
        key = _id(a)
        if id(a) not in first:
            out.append(Ingested(key, "already"))
        elif key in duplicates:
            out.append(Ingested(key, "duplicate", 0, duplicates[key]))
        else:
            out.append(Ingested(key, "coded", events.get(key, 0)))
    return out


def _id(article: Article) -> str:
    if not article.id:
        raise ValueError("ingest_articles needs articles with an id (see ingest.article_id)")
    return article.id
