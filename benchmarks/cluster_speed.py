"""Batch coding on a local Dask cluster: articles/s with 1 and 2 workers, and the scheduler
overhead per partition.

    python benchmarks/cluster_speed.py [--articles 2000] [--partition 50]

Writes a generated corpus as JSON Lines partitions, then for 1 and 2 worker processes (one
thread each) starts a local cluster, loads the pipeline on every worker (start-up, not
timed), and times (a) ``ingest --workers`` into a fresh DuckDB file and (b) lake mode
(``eventwire batch``) into a fresh folder. Prints articles/s, the speed-up of 2 workers over
1 (target >= 1.7), the seconds workers spent coding per partition, and the scheduler's own
overhead per task (round trips of 200 empty tasks).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from throughput import make_corpus

from eventwire import Settings
from eventwire.batch import ClusterStats, connect, ingest_on_cluster, run_batch
from eventwire.ingest import ReadOptions
from eventwire.store import Store


def _noop(i: int) -> int:
    return i


def write_partitions(folder: Path, n: int, size: int) -> None:
    folder.mkdir()
    articles = list(make_corpus(n))
    for k in range(0, n, size):
        with (folder / f"part-{k // size:04d}.jsonl").open("w", encoding="utf-8") as fh:
            for a in articles[k : k + size]:
                record = {
                    "text": a.text,
                    "published": a.published.isoformat() if a.published else None,
                }
                fh.write(json.dumps(record) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--partition", type=int, default=50, help="articles per partition")
    args = ap.parse_args()
    settings = Settings()
    options = ReadOptions()
    rates: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_partitions(corpus, args.articles, args.partition)
        partitions = len(list(corpus.glob("*.jsonl")))
        print(f"corpus: {args.articles} articles in {partitions} partitions of {args.partition}")
        for workers in (1, 2):
            with connect(workers=workers) as cluster:
                t0 = time.perf_counter()
                cluster.prepare(settings)
                started = time.perf_counter() - t0
                print(f"{workers} worker(s): start-up (pipeline loaded) {started:.1f} s")
                t0 = time.perf_counter()
                for i in range(200):
                    cluster.client.submit(_noop, i, pure=False).result()
                overhead = (time.perf_counter() - t0) / 200 * 1000
                stats = ClusterStats()
                t0 = time.perf_counter()
                with Store.open(Path(tmp) / f"w{workers}.duckdb") as store:
                    report = ingest_on_cluster(
                        [str(corpus)], store, settings, options, cluster,
                        staging=Path(tmp) / f"w{workers}.staging", batch_size=args.partition,
                        stats=stats,
                    )  # fmt: skip
                seconds = time.perf_counter() - t0
                rates["ingest", workers] = report.read / seconds
                coding = statistics.mean(stats.worker_seconds)
                print(
                    f"  ingest: {report.read} articles in {seconds:.1f} s = "
                    f"{rates['ingest', workers]:.1f} articles/s ({report.events} events); "
                    f"a partition takes {coding:.2f} s of worker time; "
                    f"empty-task round trip {overhead:.1f} ms"
                )
                t0 = time.perf_counter()
                lake = run_batch(str(corpus), str(Path(tmp) / f"lake{workers}"), settings,
                                 options, cluster)  # fmt: skip
                seconds = time.perf_counter() - t0
                rates["lake", workers] = lake.read / seconds
                print(
                    f"  lake:   {lake.read} articles in {seconds:.1f} s = "
                    f"{rates['lake', workers]:.1f} articles/s ({lake.events} events)"
                )
        for mode in ("ingest", "lake"):
            speedup = rates[mode, 2] / rates[mode, 1]
            print(f"{mode}: 2 workers / 1 worker = {speedup:.2f} (target >= 1.7)")
        per_core = rates["lake", 1]
        print(f"per-core throughput (lake, 1 worker): {per_core:.1f} articles/s "
              f"= {per_core * 86400:,.0f} articles/day")  # fmt: skip


if __name__ == "__main__":
    main()
