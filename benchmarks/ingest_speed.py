"""Ingest throughput next to plain coding on the same generated corpus.

    python benchmarks/ingest_speed.py [--articles 2000]

Writes the corpus as text files in a temporary folder, codes it with `Pipeline.code_many`
(no storage), then ingests it into a fresh DuckDB file, and prints articles/s for both and
their ratio (target: ingest >= 0.8 x code).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from throughput import make_corpus

from eventwire import Pipeline, Settings
from eventwire.corpus import ingest
from eventwire.ingest import ReadOptions, read_inputs
from eventwire.records import Article
from eventwire.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    pipeline = Pipeline(Settings())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for a in make_corpus(args.articles):
            (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        list(pipeline.code_many(make_corpus(10)))  # warm up
        t0 = time.perf_counter()
        articles = [x for x in read_inputs([str(folder)], ReadOptions()) if isinstance(x, Article)]
        events = sum(len(r.events) for r in pipeline.code_many(articles))
        code_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            report = ingest([str(folder)], store, pipeline, ReadOptions(), batch_size=64)
        ingest_s = time.perf_counter() - t0
    n = len(articles)
    print(f"corpus: {n} articles, {events} events")
    print(f"code   {code_s:7.1f} s  {n / code_s:7.1f} articles/s (read + code, no storage)")
    print(f"ingest {ingest_s:7.1f} s  {report.read / ingest_s:7.1f} articles/s ({report.line()})")
    print(f"ingest/code speed: {(report.read / ingest_s) / (n / code_s):.2f} (target >= 0.8)")


if __name__ == "__main__":
    main()
