"""Corpus ingest on a Dask cluster: the same run as :func:`eventwire.corpus.ingest`, with the
coding done by the workers.

This process reads the inputs, checks what is stored and what is a near-duplicate (both need
the store), and sends each batch of new articles to the cluster as one partition. Workers
write the coded rows as a Parquet shard in the staging folder; this process, the one writer,
loads finished shards into the store in input order, each with its batch's skipped inputs and
near-duplicates in one transaction. So the store ends with the rows a single-process ingest
writes; a shard finished before a crash is loaded on the next run without coding it again,
and a batch whose shard was never finished is simply sent again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..corpus import Batch, IngestReport, Progress, chunks, sort_batch
from ..errors import ClusterError
from ..ingest import ReadOptions, read_inputs
from ..store import NearDuplicates, Store
from ..store.shards import is_shard
from .cluster import Cluster
from .tasks import ShardDone, code_shard


@dataclass
class _Pending:
    batch: Batch
    shard: Path | None
    future: Any = None  # distributed.Future


@dataclass
class ClusterStats:
    """Partitions sent, reused from an earlier run, and the seconds workers spent coding."""

    partitions: int = 0
    reused: int = 0
    worker_seconds: list[float] = field(default_factory=list)


def shard_name(batch: Batch) -> str:
    """A partition's name: a digest of its article ids, the same in every run."""
    digest = hashlib.sha1("\n".join(a.id or "" for a in batch.to_code).encode()).hexdigest()
    return f"part-{digest[:20]}"


def ingest_on_cluster(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    options: ReadOptions,
    cluster: Cluster,
    *,
    staging: Path,
    batch_size: int = 64,
    progress: Progress | None = None,
    total: int | None = None,
    stdin: object | None = None,
    stats: ClusterStats | None = None,
    on_loaded: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, deduplicate and store every input, coding on ``cluster``; the accounting of the
    run, as :func:`eventwire.corpus.ingest` gives it. Raises :class:`ClusterError` when a
    partition fails on every try."""
    stats = stats if stats is not None else ClusterStats()
    report = IngestReport()
    dedup = NearDuplicates()
    dedup.load(store)
    seen: set[str] = set()
    staging.mkdir(parents=True, exist_ok=True)
    in_flight = max(2 * cluster.workers, 4)
    pending: deque[_Pending] = deque()

    def load_next() -> None:
        """Load the oldest batch, waiting for its shard."""
        item = pending.popleft()
        if item.future is not None:
            try:
                done: ShardDone = item.future.result()
            except Exception as exc:
                raise ClusterError(f"a partition failed on the cluster: {exc}") from None
            stats.worker_seconds.append(done.seconds)
        batch = item.batch
        events = store.write_batch(
            batch.uncoded, batch.skipped, batch.duplicates, texts=batch.texts, shard=item.shard
        )
        if item.shard is not None:
            shutil.rmtree(item.shard, ignore_errors=True)
        batch.account(report, events)
        if progress is not None:
            progress(report, total)
        if on_loaded is not None:
            on_loaded(report)

    def load_ready() -> None:
        while pending and (pending[0].future is None or pending[0].future.done()):
            load_next()

    items = read_inputs(inputs, options, stdin)  # type: ignore[arg-type]
    for chunk in chunks(items, batch_size):
        batch = sort_batch(chunk, store, dedup, seen, report)
        item = _Pending(batch, None)
        if batch.to_code:
            item.shard = staging / shard_name(batch)
            if is_shard(item.shard):
                stats.reused += 1
            else:
                stats.partitions += 1
                item.future = cluster.client.submit(
                    code_shard, batch.to_code, settings, str(item.shard),
                    key=f"eventwire-{item.shard.name}", pure=False, retries=1,
                )  # fmt: skip
        pending.append(item)
        load_ready()
        while sum(p.future is not None for p in pending) >= in_flight:
            load_next()
    while pending:
        load_next()
    if not any(staging.iterdir()):
        staging.rmdir()
    return report
