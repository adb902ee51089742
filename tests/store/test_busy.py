"""A database file held by another process gives StoreBusy, not a lock traceback (issue 4)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import EventwireError, StoreBusy
from eventwire.store import Store

pytestmark = pytest.mark.issue(4)

HOLD = (
    "import sys, time\n"
    "from eventwire.store import Store\n"
    "store = Store.open(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=30)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_held_file_is_busy(holder: subprocess.Popen[str], db_path: Path, read_only: bool) -> None:
    with pytest.raises(StoreBusy) as caught:
        Store.open(db_path, read_only=read_only)
    message = str(caught.value)
    assert isinstance(caught.value, EventwireError)
    assert f"database file {db_path} is in use by another process" in message
    assert f"(PID {holder.pid})" in message
    assert "stop it or use another --db" in message and "Traceback" not in message


def test_the_file_is_free_again_when_the_holder_ends(
    holder: subprocess.Popen[str], db_path: Path
) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)
    with Store.open(db_path) as store:
        assert store.summary()["events"] == 0
