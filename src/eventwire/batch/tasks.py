"""What runs on a Dask worker: code a partition of articles with the worker's pipeline and
write the rows as Parquet (a shard for the store, or date-partitioned lake tables)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..records import Article
from ..store.shards import write_shard
from .cluster import pipeline_for


@dataclass(frozen=True)
class ShardDone:
    """A finished shard: where it is, what it holds, and the seconds the worker spent."""

    folder: str
    articles: int
    events: int
    seconds: float


def code_shard(articles: list[Article], settings: Settings, folder: str) -> ShardDone:
    """Code ``articles`` and write their rows as a shard at ``folder`` (a path every worker
    and the writer can reach)."""
    t0 = time.perf_counter()
    pipeline = pipeline_for(settings)
    results = list(pipeline.code_many(articles))
    counts = write_shard(results, {a.id or "": a.text for a in articles}, Path(folder))
    return ShardDone(folder, len(articles), counts["events"], time.perf_counter() - t0)
