"""Corpus ingest end to end: accounting, idempotency, near-duplicates and crash safety
(issue 4). Runs the real CLI in subprocesses against real DuckDB files."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ..conftest import EXAMPLES

pytestmark = [pytest.mark.issue(4), pytest.mark.model]
EXE = str(Path(sys.executable).with_name("eventwire"))
TABLES = ("articles", "events", "actors", "places", "quotations", "amounts", "problems")


def make_corpus(folder: Path, n: int) -> Path:
    """n distinct articles from the examples (sentences rotated and places swapped)."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    swaps = ["Chad", "Niger", "Kenya", "Peru", "Nepal", "Oman", "Ghana", "Laos", "Cuba", "Iraq"]
    for i in range(n):
        lines = texts[i % len(texts)].splitlines()
        k = (i // len(texts)) % len(lines)
        body = "\n".join(lines[k:] + lines[:k]).replace("Somalia", swaps[i % len(swaps)])
        (folder / f"a{i:03d}.txt").write_text(body + f"\nReport number {i}.\n", encoding="utf-8")
    return folder


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([EXE, *args], capture_output=True, text=True, check=False, **kw)


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            cols = [c[0] for c in con.execute(f"DESCRIBE {t}").fetchall()]
            keep = [f'"{c}"' for c in cols if c not in ("coded_at", "recorded_at")]
            rows = con.execute(f"SELECT {', '.join(keep)} FROM {t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def test_ingest_accounts_for_everything_and_is_idempotent(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 12)
    (corpus / "empty.txt").write_text("")
    (corpus / "copy.txt").write_text((corpus / "a000.txt").read_text() + " Updated.\n")
    db = tmp_path / "e.duckdb"
    first = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert first.returncode == 1, first.stderr  # one input was skipped
    assert "empty.txt" in first.stderr and "Traceback" not in first.stderr
    once = snapshot(db)
    assert len(once["articles"]) == 13  # 12 + the near-duplicate copy, linked to a000
    second = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert snapshot(db) == once, second.stderr
    problems = run("problems", "--db", str(db))
    assert "empty.txt" in problems.stdout
    con = duckdb.connect(str(db), read_only=True)
    canon = con.execute(
        "SELECT count(*) FROM articles WHERE canonical_id IS NOT NULL AND canonical_id <> id"
    ).fetchone()
    counted = con.execute("SELECT max(n_articles) FROM events").fetchone()
    con.close()
    assert canon == (1,) and counted is not None and counted[0] >= 2


def test_killed_runs_end_with_the_rows_of_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 48)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    assert run("ingest", str(corpus), "--db", str(clean), "--quiet", "--batch", "4").returncode == 0
    kills = 0
    for delay in (3.0, 4.0, 5.0, 6.0, 7.0):
        proc = subprocess.Popen(
            [EXE, "ingest", str(corpus), "--db", str(crashed), "--quiet", "--batch", "4"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    final = run("ingest", str(corpus), "--db", str(crashed), "--quiet", "--batch", "4")
    assert final.returncode == 0, final.stderr
    assert kills >= 1, "no run was killed mid-way: raise the corpus size"
    assert snapshot(crashed) == snapshot(clean)


def test_a_busy_database_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
         "time.sleep(30)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        result = run("query", "--db", str(db))
        assert result.returncode == 2
        assert "in use" in result.stderr and "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_query_export_and_sql_from_the_command_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 12)
    db = tmp_path / "e.duckdb"
    assert run("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    rows = [
        json.loads(x)
        for x in run("query", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    ]
    assert rows and all("cameo" in r for r in rows)
    sanction = run("query", "--db", str(db), "--type", "SANCTION", "--format", "jsonl").stdout
    assert sanction and all(
        json.loads(x)["plover_type"] == "SANCTION" for x in sanction.splitlines()
    )
    gdelt = run("export", "--db", str(db), "--format", "gdelt").stdout.splitlines()
    assert gdelt and len(gdelt[0].split("\t")) >= 61
    refused = run("sql", "DELETE FROM events", "--db", str(db))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    count = run("sql", "SELECT count(*) AS n FROM events", "--db", str(db), "--format", "jsonl")
    assert json.loads(count.stdout)["n"] == len(rows)
