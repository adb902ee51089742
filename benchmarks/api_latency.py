"""GET /v1/events latency under concurrent clients, on a large generated store.

    python benchmarks/api_latency.py [--events 1000000] [--clients 20] [--requests 50]
                                     [--no-index]

Generates events in a fresh DuckDB file (articles in publication order, as a live ingest
stores them), starts ``eventwire serve`` on 127.0.0.1 in its own process, and runs CLIENTS
concurrent keep-alive connections that each send REQUESTS typical filtered queries and wait
for each answer before sending the next (closed loop, no think time). The load generator is
a few lines of asyncio on raw sockets so that it takes little of the machine's CPU from the
server. Two mixes are measured:

* ``windowed``: what the web interface and most API users send, a filter plus a time window
  (dyad + 3 months, PLOVER type + country + 1 year, 60 km radius + 1 year);
* ``open``: the same filters over all ten years.

Prints the time the server took to be ready (its event index built), then p50/p95 latency,
requests/s and errors per mix (target: p95 < 50 ms, no errors). ``--no-index`` serves every
page from the database instead (``eventwire serve --no-index``), for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from eventwire.store import Store
from eventwire.store.synthetic import fill_synthetic_events

DYADS = ["RUS,UKR", "ISR,IRN", "USA,CHN", "IND,PAK", "SAU,YEM", "TUR,SYR"]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "THREATEN", "SANCTION", "COERCE"]
COUNTRIES = ["RUS", "UKR", "SYR", "IRQ", "USA", "CHN", "IND", "NGA"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def typical(rng: random.Random, windowed: bool) -> dict[str, str]:
    """One query: a dyad, a type in a country, or a radius; with a time window or not."""
    year = rng.randrange(2015, 2024)
    month = rng.randrange(1, 10)
    kind = rng.randrange(3)
    if kind == 0:
        query = {"dyad": rng.choice(DYADS)}
        window = {"since": f"{year}-{month:02d}-01", "until": f"{year}-{month + 3:02d}-01"}
    elif kind == 1:
        query = {"type": rng.choice(TYPES), "country": rng.choice(COUNTRIES)}
        window = {"since": f"{year}-01-01", "until": f"{year}-12-31"}
    else:
        lat, lon = rng.uniform(-30, 55), rng.uniform(-80, 120)
        query = {"near": f"{lat:.2f},{lon:.2f}", "within": "60km"}
        window = {"since": f"{year}-01-01", "until": f"{year}-12-31"}
    return {**query, **window} if windowed else query


async def _response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.lower() == b"content-length":
            length = int(value)
        elif key.lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readexactly(2)
    else:
        await reader.readexactly(length)
    return status


async def load(
    port: int, clients: int, requests: int, windowed: bool
) -> tuple[list[float], int, float]:
    """Latencies (ms), the number of non-200 answers, and the wall time of one mix."""
    latencies: list[float] = []
    errors = 0

    async def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(requests):
            target = f"/v1/events?{urlencode(typical(rng, windowed))}"
            t0 = time.perf_counter()
            writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            status = await _response(reader)
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += status != 200
        writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, errors, time.perf_counter() - t0


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> float:
    started = time.monotonic()
    deadline = started + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"eventwire serve exited with status {server.returncode}")
        try:
            health = httpx.get(f"{base}/v1/health", timeout=2)
            if health.status_code == 200 and health.json()["index"] in ("ready", "off"):
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    sys.exit("eventwire serve was not ready (index built) within 180 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="per client and mix")
    ap.add_argument("--no-index", action="store_true", help="pages from the database")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.duckdb"
        with Store.open(db) as store:
            fill_synthetic_events(store, args.events, seed=5)
        port = free_port()
        eventwire = Path(sys.executable).with_name("eventwire")
        server = subprocess.Popen(
            [str(eventwire), "serve", "--db", str(db), "--port", str(port),
             "--no-index" if args.no_index else "--index"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy(),
        )  # fmt: skip
        try:
            ready = wait_ready(f"http://127.0.0.1:{port}", server)
            asyncio.run(load(port, args.clients, 5, True))  # warm up caches and connections
            print(
                f"{args.events:,} events, {args.clients} concurrent clients (closed loop), "
                f"pages from the {'database' if args.no_index else 'index'}; "
                f"ready {ready:.1f} s after start"
            )
            for windowed in (True, False):
                lat, errors, wall = asyncio.run(load(port, args.clients, args.requests, windowed))
                q = statistics.quantiles(lat, n=100)
                print(
                    f"  {'windowed' if windowed else 'open':8s} {len(lat)} requests "
                    f"{len(lat) / wall:6.1f}/s  p50 {q[49]:6.1f} ms  p95 {q[94]:6.1f} ms  "
                    f"errors {errors}  (target p95 < 50 ms, no errors)"
                )
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
