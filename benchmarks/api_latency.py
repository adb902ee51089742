"""GET /v1/events latency under concurrent clients, on a large generated store.

    python benchmarks/api_latency.py [--events 1000000] [--clients 20] [--requests 25]

Generates events in a fresh DuckDB file, serves the real app with uvicorn on 127.0.0.1, and
runs CLIENTS threads that each send REQUESTS typical filtered queries (dyad + date range, type
+ country, radius). Prints p50/p95 latency and the error count (target: p95 < 50 ms, no errors).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from eventwire.api import ApiSettings, create_app
from eventwire.store import Store
from eventwire.store.synthetic import fill_synthetic_events

DYADS = ["RUS,UKR", "ISR,IRN", "USA,CHN", "IND,PAK", "SAU,YEM", "TUR,SYR"]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "REQUEST", "AID", "COERCE"]
COUNTRIES = ["RUS", "UKR", "SYR", "IRQ", "USA", "CHN", "IND", "NGA"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def typical(rng: random.Random) -> dict[str, str]:
    year = rng.randrange(2015, 2024)
    month = rng.randrange(1, 10)
    kind = rng.randrange(3)
    if kind == 0:
        return {
            "dyad": rng.choice(DYADS),
            "since": f"{year}-{month:02d}-01",
            "until": f"{year}-{month + 3:02d}-01",
            "limit": "100",
        }
    if kind == 1:
        return {"type": rng.choice(TYPES), "country": rng.choice(COUNTRIES), "limit": "100"}
    return {"near": f"{rng.uniform(-30, 55):.2f},{rng.uniform(-80, 120):.2f}", "within": "60km"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.duckdb"
        with Store.open(db) as store:
            fill_synthetic_events(store, args.events, seed=5)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(ApiSettings(db=db)), host="127.0.0.1", port=port,
                           log_level="warning")
        )  # fmt: skip
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        latencies: list[float] = []
        errors: list[int] = []
        lock = threading.Lock()

        def client(seed: int) -> None:
            rng = random.Random(seed)
            with httpx.Client(base_url=base, timeout=30) as http:
                for _ in range(args.requests):
                    params = typical(rng)
                    t0 = time.perf_counter()
                    status = http.get("/v1/events", params=params).status_code
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        latencies.append(ms)
                        if status != 200:
                            errors.append(status)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        server.should_exit = True
    q = statistics.quantiles(latencies, n=100)
    print(
        f"{args.events:,} events, {args.clients} clients, {len(latencies)} requests in {wall:.1f} s"
    )
    print(
        f"GET /v1/events p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  errors {len(errors)}"
        f"  (target p95 < 50 ms, no errors)"
    )


if __name__ == "__main__":
    main()
