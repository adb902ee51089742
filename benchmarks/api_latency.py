"""GET /v1/events latency under concurrent clients, on a large generated store.

    python benchmarks/api_latency.py [--events 1000000] [--clients 20] [--requests 50]
                                     [--no-index] [--write-every 1.0] [--write-seconds 60]

Generates events in a fresh DuckDB file (articles in publication order, as a live ingest
stores them), starts ``eventwire serve`` on 127.0.0.1 in its own process, and runs CLIENTS
concurrent keep-alive connections that each send REQUESTS typical filtered queries and wait
for each answer before sending the next (closed loop, no think time). The load generator is
a few lines of asyncio on raw sockets so that it takes little of the machine's CPU from the
server. Two mixes are measured:

* ``windowed``: what the web interface and most API users send, a filter plus a time window
  (dyad + 3 months, PLOVER type + country + 1 year, 60 km radius + 1 year);
* ``open``: the same filters over all ten years.

A third mix, ``windowed + writes``, runs the windowed queries while one more client posts a
short generated article to ``POST /v1/articles`` every ``--write-every`` seconds for
``--write-seconds`` (a live feed: the server codes it, stores it and lays its events over
the index before answering),
then checks that the events counted equal those stored.

Prints the time the server took to be ready (its event index built), then p50/p95 latency,
requests/s and errors per mix (target: p95 < 50 ms, no errors). ``--no-index`` serves every
page from the database instead (``eventwire serve --no-index``), for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

from eventwire.store import Store
from eventwire.store.synthetic import fill_synthetic_events

DYADS = ["RUS,UKR", "ISR,IRN", "USA,CHN", "IND,PAK", "SAU,YEM", "TUR,SYR"]
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "THREATEN", "SANCTION", "COERCE"]
COUNTRIES = ["RUS", "UKR", "SYR", "IRQ", "USA", "CHN", "IND", "NGA"]


TOKEN = "benchmark-token"
LEADERS = [
    ("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("France", "French"), ("Germany", "German"),
    ("Japan", "Japanese"), ("India", "Indian"), ("Brazil", "Brazilian"), ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"), ("Kenya", "Kenyan"), ("Mexico", "Mexican"), ("Poland", "Polish"),
]  # fmt: skip
FEED = [
    "{a} accused {b} on {day} of shelling border villages, and {b_adj} officials denied it.",
    "The {a_adj} foreign minister met his {b_adj} counterpart on {day} to discuss {n} new "
    "trade routes.",
    "{a} imposed sanctions on {n} {b_adj} companies on {day}, the {a_adj} government said.",
    "{a_adj} troops fired on protesters near the {b_adj} embassy on {day}, killing {n} people.",
]


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


def feed_article(rng: random.Random) -> bytes:
    """One short generated news item, as the JSON body of POST /v1/articles."""
    (a, a_adj), (b, b_adj) = rng.sample(LEADERS, 2)
    words = {"a": a, "a_adj": a_adj, "b": b, "b_adj": b_adj, "n": rng.randrange(2, 90),
             "day": rng.choice(["Monday", "Tuesday", "Friday"])}  # fmt: skip
    text = " ".join(rng.choice(FEED).format(**words) for _ in range(3))
    day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return json.dumps([{"text": text, "published": day}]).encode()


async def _response(reader: asyncio.StreamReader, keep: bool = False) -> tuple[int, bytes]:
    """The status and (when ``keep``) the body of one HTTP/1.1 response."""
    body = bytearray()
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
            chunk = await reader.readexactly(size + 2)
            body += chunk[:-2] if keep else b""
        await reader.readexactly(2)
    else:
        chunk = await reader.readexactly(length)
        body += chunk if keep else b""
    return status, bytes(body)


@dataclass
class Writes:
    """What the writing client saw: latencies (ms), errors, and events the server stored."""

    every: float
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    events: int = 0


async def post_feed(port: int, writes: Writes, done: asyncio.Event) -> None:
    rng = random.Random(99)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while not done.is_set():
        body = feed_article(rng)
        t0 = time.perf_counter()
        writer.write(
            f"POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}"
            f"\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        status, answer = await _response(reader, keep=True)
        writes.latencies.append((time.perf_counter() - t0) * 1000)
        if status == 200:
            writes.events += json.loads(answer)["events"]
        else:
            writes.errors += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), writes.every)
    writer.close()


async def load(
    port: int, clients: int, requests: int, windowed: bool, writes: Writes | None = None
) -> tuple[list[float], int, float]:
    """Latencies (ms), the number of non-200 answers, and the wall time of one mix. With
    ``writes``, the clients query for ``writes.seconds`` instead of ``requests`` times."""
    latencies: list[float] = []
    errors = 0
    done = asyncio.Event()
    feed = asyncio.create_task(post_feed(port, writes, done)) if writes else None

    async def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sent = 0
        while sent < requests if writes is None else time.perf_counter() < started + writes.seconds:
            sent += 1
            target = f"/v1/events?{urlencode(typical(rng, windowed))}"
            asked = time.perf_counter()
            writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            status, _ = await _response(reader)
            latencies.append((time.perf_counter() - asked) * 1000)
            errors += status != 200
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    wall = time.perf_counter() - started
    done.set()
    if feed is not None:
        await feed
    return latencies, errors, wall


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
    ap.add_argument("--write-every", type=float, default=1.0, help="seconds between posts")
    ap.add_argument("--write-seconds", type=float, default=60.0, help="length of that mix")
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
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "EVENTWIRE_TOKEN": TOKEN},
        )  # fmt: skip
        try:
            ready = wait_ready(f"http://127.0.0.1:{port}", server)
            asyncio.run(load(port, args.clients, 5, True))  # warm up caches and connections
            print(
                f"{args.events:,} events, {args.clients} concurrent clients (closed loop), "
                f"pages from the {'database' if args.no_index else 'index'}; "
                f"ready {ready:.1f} s after start"
            )
            base = f"http://127.0.0.1:{port}"
            stored = httpx.get(f"{base}/v1/health").json()["events"]
            writes = Writes(args.write_every, args.write_seconds)
            mixes = [("windowed", True, None), ("open", False, None), ("+ writes", True, writes)]
            for name, windowed, feed in mixes:
                lat, errors, wall = asyncio.run(
                    load(port, args.clients, args.requests, windowed, feed)
                )
                q = statistics.quantiles(lat, n=100)
                print(
                    f"  {name:8s} {len(lat)} requests "
                    f"{len(lat) / wall:6.1f}/s  p50 {q[49]:6.1f} ms  p95 {q[94]:6.1f} ms  "
                    f"errors {errors}  (target p95 < 50 ms, no errors)"
                )
            w = sorted(writes.latencies)
            counted = httpx.get(f"{base}/v1/events", params={"limit": 1}).json()["total"]
            print(
                f"  writes: {len(w)} posts (one every {args.write_every:g} s), "
                f"p50 {w[len(w) // 2]:.0f} ms, max {w[-1]:.0f} ms, errors {writes.errors}; "
                f"{writes.events} events added, pages count {counted:,} = "
                f"{stored:,} + {counted - stored:,} "
                f"({'consistent' if counted - stored == writes.events else 'INCONSISTENT'})"
            )
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
