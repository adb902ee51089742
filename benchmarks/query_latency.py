"""Query latency on a large generated event store.

    python benchmarks/query_latency.py [--events 1000000] [--queries 200]

Generates events directly in DuckDB (random dyads among 60 countries, dates over 10 years,
coordinates around real cities), then times dyad-plus-date-range queries and radius queries
through `Store.query` and prints p50/p95 latency (target p95 < 100 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from eventwire.store import QueryFilters, Store
from eventwire.store.synthetic import fill_synthetic_events

COUNTRIES = [f"C{i:02d}" for i in range(60)]


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.duckdb"
        t0 = time.perf_counter()
        with Store.open(path) as store:
            fill_synthetic_events(store, args.events, seed=11)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s")
        with Store.open(path) as store:
            timings: dict[str, list[float]] = {"dyad+dates": [], "radius": []}
            for _ in range(args.queries):
                start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
                dyad = QueryFilters(
                    dyad=(
                        rng.choice(["RUS", "UKR", "ISR", "IRN", "USA", "CHN"]),
                        rng.choice(["SYR", "IRQ", "LBN", "TUR", "DEU", "FRA"]),
                    ),
                    since=start,
                    until=start + dt.timedelta(days=90),
                )
                radius = QueryFilters(
                    near=(rng.uniform(-40, 60), rng.uniform(-100, 120)), within_km=60.0
                )
                for name, f in (("dyad+dates", dyad), ("radius", radius)):
                    t0 = time.perf_counter()
                    list(store.query(f, limit=1000))
                    timings[name].append((time.perf_counter() - t0) * 1000)
        for name, ms in timings.items():
            print(
                f"{name:10s} p50 {percentile(ms, 50):6.1f} ms  p95 {percentile(ms, 95):6.1f} ms"
                f"  (n={len(ms)}, target p95 < 100 ms)"
            )


if __name__ == "__main__":
    main()
