"""Corpus ingest: inputs -> articles -> near-duplicate check -> coding -> the event store.

Articles are coded and committed in batches, each batch in one transaction, so a run killed at
any point and started again ends with exactly the rows of an uninterrupted run: stored article
ids are skipped, the near-duplicate index is rebuilt from the store, and a batch that was not
committed is simply done again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import urlparse

from .ingest import ReadOptions, read_inputs
from .pipeline import Pipeline
from .records import Article, ArticleInfo, ArticleResult, Skipped
from .store import NearDuplicates, Store

JSON_LIKE = (".jsonl", ".ndjson", ".csv")


@dataclass
class RunReport:
    """What a long run has read and skipped so far, and how fast it goes."""

    read: int = 0
    coded: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        raise NotImplementedError


@dataclass
class IngestReport(RunReport):
    """What happened to every input of one run."""

    duplicates: int = 0
    already: int = 0

    def line(self) -> str:
        return (
            f"{self.read} read, {self.coded} coded ({self.events} events), "
            f"{self.duplicates} near-duplicates, {self.already} already stored, "
            f"{len(self.skipped)} skipped"
        )


Progress = Callable[[IngestReport, int | None], None]


def estimate_total(inputs: Sequence[str]) -> int | None:
    """A cheap count of the articles the inputs hold (None when it cannot be known)."""
    total = 0
    for name in inputs:
        if name == "-" or urlparse(name).scheme in ("http", "https"):
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in JSON_LIKE:
                try:
                    with f.open("rb") as fh:
                        lines = sum(1 for line in fh if line.strip())
                except OSError:
                    lines = 1
                total += max(lines - (f.suffix.lower() == ".csv"), 0)
            elif f.suffix.lower() in (".rss", ".atom", ".xml"):
                return None
            else:
                total += 1
    return total


def ingest(
    inputs: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    options: ReadOptions,
    *,
    batch_size: int = 64,
    progress: Progress | None = None,
    total: int | None = None,
    stdin: object | None = None,
) -> IngestReport:
    """Read, deduplicate, code and store every input; return the accounting of the run."""
    report = IngestReport()
    dedup = NearDuplicates()
    dedup.load(store)
    seen: set[str] = set()
    items = read_inputs(inputs, options, stdin)  # type: ignore[arg-type]
    for chunk in chunks(items, batch_size):
        batch = sort_batch(chunk, store, dedup, seen, report)
        results = list(pipeline.code_many(batch.to_code)) + batch.uncoded
        store.write_batch(results, batch.skipped, batch.duplicates, texts=batch.texts)
        batch.account(report, sum(len(r.events) for r in results))
        if progress is not None:
            progress(report, total)
    return report


@dataclass
class Batch:
    """One batch of inputs after the checks that need no coding: what was skipped, the
    articles not stored yet (in input order), and which of them are near-duplicates."""

    read: int
    skipped: list[Skipped]
    fresh: list[Article]
    duplicates: dict[str, str]  # near-duplicate article id -> canonical article id

    @property
    def to_code(self) -> list[Article]:
        return [a for a in self.fresh if a.id not in self.duplicates]

    @property
    def uncoded(self) -> list[ArticleResult]:
        return [uncoded_result(a) for a in self.fresh if a.id in self.duplicates]

    @property
    def texts(self) -> dict[str, str]:
        return {a.id or "": a.text for a in self.fresh}

    def account(self, report: IngestReport, events: int) -> None:
        """Count the stored batch in ``report``."""
        report.read += self.read
        report.skipped.extend(self.skipped)
        report.coded += len(self.fresh) - len(self.duplicates)
        report.duplicates += len(self.duplicates)
        report.events += events


def sort_batch(
    chunk: Sequence[Article | Skipped],
    store: Store,
    dedup: NearDuplicates,
    seen: set[str],
    report: IngestReport,
) -> Batch:
    """Split a chunk of inputs: skipped, already stored (counted in ``report.already``), new,
    and near-duplicates of articles stored or seen before (added to ``dedup`` and ``seen``)."""
    articles = [i for i in chunk if isinstance(i, Article)]
    skipped = [i for i in chunk if isinstance(i, Skipped)]
    known = store.known_ids([a.id or "" for a in articles])
    fresh = []
    for a in articles:
        if a.id in known or a.id in seen:
            report.already += 1
            continue
        seen.add(a.id or "")
        fresh.append(a)
    duplicates = {}
    for a in fresh:
        canonical = dedup.add_and_match(a.id or "", a.text)
        if canonical is not None:
            duplicates[a.id or ""] = canonical
    return Batch(len(chunk), skipped, fresh, duplicates)


def uncoded_result(article: Article) -> ArticleResult:
    """A near-duplicate is stored as an article linked to its canonical copy, with no events."""
    return ArticleResult(
        article=ArticleInfo(
            id=article.id or "",
            source=article.source,
            title=article.title,
            published=article.published,
            url=article.url,
        )
    )


def chunks(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
