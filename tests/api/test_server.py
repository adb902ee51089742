"""A real uvicorn server in a subprocess: startup, the file it owns, writes with the token,
shutdown; and a schemathesis run against its /openapi.json (issue 6)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from eventwire.errors import StoreBusy
from eventwire.store import Store

from .conftest import AUTH, TOKEN

pytestmark = [pytest.mark.issue(6), pytest.mark.model]

SERVE = "import sys\nfrom eventwire.api import serve\nserve(sys.argv[1], port=0)\n"
RUNNING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
ARTICLE = (
    "ANKARA, Turkey — Turkish Foreign Minister Hakan Fidan met his Greek counterpart in Ankara "
    "on Friday, and the two ministers agreed to resume talks on maritime borders."
)


@dataclass
class Server:
    url: str
    db: Path
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)  # a graceful shutdown: lifespan closes the store
        return self.process.wait(timeout=60)


def start_server(db: Path, log: Path) -> Server:
    """Start `serve(db, port=0)` on 127.0.0.1 and wait until /v1/health says it is ready."""
    env = {**os.environ, "EVENTWIRE_TOKEN": TOKEN}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(db)], stdout=out, stderr=subprocess.STDOUT, env=env
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        found = RUNNING.search(log.read_text(errors="replace"))
        if found:
            url = f"http://127.0.0.1:{found.group(1)}"
            health = httpx.get(f"{url}/v1/health", timeout=10)
            if health.status_code == 200 and health.json()["index"] == "ready":
                return Server(url, db, process, log)  # pages come from the event index
        time.sleep(0.2)
    process.kill()
    pytest.fail(f"the server did not start in time:\n{log.read_text()}")


@pytest.fixture
def server(filled_db: Path, tmp_path: Path) -> Iterator[Server]:
    db = tmp_path / "live.duckdb"
    shutil.copyfile(filled_db, db)
    running = start_server(db, tmp_path / "server.log")
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait(timeout=30)


def test_a_live_server_owns_its_file_until_it_stops(server: Server) -> None:
    health = httpx.get(f"{server.url}/v1/health").json()
    assert health == {
        "status": "ok", "articles": 3, "events": health["events"], "index": health["index"]
    }  # fmt: skip
    assert health["index"] == "ready"
    with pytest.raises(StoreBusy, match=f"PID {server.process.pid}"):
        Store.open(server.db)
    refused = httpx.post(f"{server.url}/v1/articles", json=[{"text": ARTICLE}])
    assert refused.status_code == 401
    posted = httpx.post(f"{server.url}/v1/articles", json=[{"text": ARTICLE}], headers=AUTH)
    assert posted.status_code == 200 and posted.json()["coded"] == 1, posted.text
    found = httpx.get(f"{server.url}/v1/events", params={"source": "TUR"}).json()
    assert found["total"] >= 1
    assert server.stop() == 0
    with Store.open(server.db) as store:
        assert store.summary()["articles"] == 4
    assert "Traceback" not in server.log.read_text()


def test_schemathesis_finds_no_server_error(server: Server, tmp_path: Path) -> None:
    if not SCHEMATHESIS.exists():
        pytest.skip("schemathesis is not installed (.venv/bin/pip install schemathesis)")
    checks = "not_a_server_error,status_code_conformance,content_type_conformance," + (
        "response_schema_conformance"
    )
    command = [
        str(SCHEMATHESIS), "run", f"{server.url}/openapi.json", "--checks", checks,
        "--phases", "examples,coverage,fuzzing", "--max-examples", "25", "--seed", "6",
        "--workers", "1", "--request-timeout", "60", "-H", f"Authorization: Bearer {TOKEN}",
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Traceback" not in server.log.read_text()
    assert httpx.get(f"{server.url}/v1/health").status_code == 200
