"""Batch coding on a local Dask cluster (issue 7): the same rows as a single-process ingest,
lake mode, resuming after a kill or Ctrl-C, a worker killed mid-run, bad input and an
unreachable scheduler. Real clusters of worker processes on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire import Settings
from eventwire.batch import ClusterStats, connect, ingest_on_cluster
from eventwire.corpus import IngestReport
from eventwire.ingest import ReadOptions
from eventwire.store import Store

from ..corpus.test_ingest_run import make_corpus, snapshot

pytestmark = [pytest.mark.issue(7), pytest.mark.model]
EXE = str(Path(sys.executable).with_name("eventwire"))
LAKE_TABLES = ("articles", "events", "actors", "places", "quotations", "amounts")


def run(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], capture_output=True, text=True, check=False, **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Texts with an empty file, a near-duplicate and a JSON Lines file with a bad line."""
    folder = make_corpus(tmp_path_factory.mktemp("batch") / "corpus", 12)
    (folder / "empty.txt").write_text("")
    (folder / "copy.txt").write_text((folder / "a000.txt").read_text() + " Updated.\n")
    lines = [
        json.dumps({"text": f"{(folder / f'a{i:03d}.txt').read_text()} Filed again {i}."})
        for i in (3, 4)
    ]
    (folder / "more.jsonl").write_text(lines[0] + "\n{broken\n" + lines[1] + "\n")
    return folder


@pytest.fixture(scope="module")
def single(corpus: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows of a single-process ingest of the corpus."""
    db = corpus.parent / "single.duckdb"
    done = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert done.returncode == 1, done.stderr  # two inputs are skipped
    return snapshot(db)


def test_local_cluster_ingest_gives_the_single_process_rows(
    corpus: Path, single: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "cluster.duckdb"
    done = run("ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch", "3")
    assert done.returncode == 1, done.stderr
    assert "Dask dashboard at http://127.0.0.1:" in done.stderr
    assert "skipped " + str(corpus / "empty.txt") in done.stderr
    assert "more.jsonl:2: line 2: invalid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(db) == single
    assert not (tmp_path / "cluster.duckdb.staging").exists()  # shards loaded and removed
    assert any(row[0].endswith("more.jsonl:2") for row in single["problems"])


def _lake(out: Path, table: str) -> list[tuple[object, ...]]:
    """A lake table's rows without the times and the partition column, as snapshot() has."""
    source = f"read_parquet('{out}/{table}/**/*.parquet', hive_partitioning = true)"
    con = duckdb.connect()
    try:
        names = [
            c[0]
            for c in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
            if c[0] not in ("coded_at", "recorded_at", "date")
        ]
        columns = ", ".join(f'"{n}"' for n in names)
        return sorted(con.execute(f"SELECT {columns} FROM {source}").fetchall(), key=repr)
    finally:
        con.close()


@pytest.fixture(scope="module")
def partitions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four partitions of distinct articles (no near-duplicates): three JSON Lines files, one
    with a bad line, and the same kind of records as a Parquet file."""
    texts = make_corpus(tmp_path_factory.mktemp("texts") / "t", 12)
    folder = tmp_path_factory.mktemp("lake") / "in"
    folder.mkdir()
    records = [
        {"text": p.read_text(), "published": f"2024-06-{1 + i % 3:02d}"}
        for i, p in enumerate(sorted(texts.glob("*.txt")))
    ]
    for k in range(3):
        lines = [json.dumps(r) for r in records[3 * k : 3 * k + 3]]
        if k == 1:
            lines.insert(1, '{"title": "no text here"}')
        (folder / f"p{k}.jsonl").write_text("\n".join(lines) + "\n")
    staging = folder.parent / "p3.json"
    staging.write_text(json.dumps(records[9:]))
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_json('{staging}')) TO '{folder / 'p3.parquet'}' (FORMAT parquet)"
    )
    con.close()
    return folder


def test_lake_mode_writes_the_store_rows_partitioned_by_date(
    partitions: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lake"
    done = run("batch", str(partitions), str(out), "--workers", "2")
    assert done.returncode == 1, done.stderr  # the record without text
    assert "p1.jsonl:2: line 2: no text field" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(list((out / "_done").glob("*.json"))) == 4
    assert {p.name for p in (out / "events").iterdir()} <= {
        "date=2024-06-01", "date=2024-06-02", "date=2024-06-03"
    }  # fmt: skip
    # the same records through the single-process ingest (Parquet as JSON Lines)
    as_jsonl = tmp_path / "as_jsonl"
    as_jsonl.mkdir()
    for p in partitions.glob("*.jsonl"):
        (as_jsonl / p.name).write_text(p.read_text())
    rows = (
        duckdb.connect()
        .execute(f"SELECT text, published FROM read_parquet('{partitions / 'p3.parquet'}')")
        .fetchall()
    )
    (as_jsonl / "p3.jsonl").write_text(
        "".join(json.dumps({"text": t, "published": str(d)}) + "\n" for t, d in rows)
    )
    db = tmp_path / "store.duckdb"
    assert run("ingest", str(as_jsonl), "--db", str(db), "--quiet").returncode == 1
    store = snapshot(db)
    for table in LAKE_TABLES:
        lake, stored = _lake(out, table), store[table]
        if table == "articles":  # the source names the file read: p3.parquet vs p3.jsonl
            lake, stored = ([r[:2] + r[3:] for r in rows] for rows in (lake, stored))
        assert lake == stored, table
    problems = (
        duckdb.connect()
        .execute(f"SELECT source, reason FROM read_parquet('{out}/problems/*.parquet')")
        .fetchall()
    )
    assert [s for s, r in problems if "no text field" in r] == [f"{partitions}/p1.jsonl:2"]


def test_lake_mode_resumes_after_a_kill_with_nothing_lost_or_twice(
    partitions: Path, tmp_path: Path
) -> None:
    whole = tmp_path / "whole"
    assert run("batch", str(partitions), str(whole), "--workers", "1", "--quiet").returncode == 1
    out = tmp_path / "killed"
    proc = subprocess.Popen(
        [EXE, "batch", str(partitions), str(out), "--workers", "1", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not list((out / "_done").glob("*.json")):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its cluster, mid-run
    proc.wait()
    finished = len(list((out / "_done").glob("*.json")))
    assert 1 <= finished < 4
    again = run("batch", str(partitions), str(out), "--workers", "1")
    assert again.returncode == 1, again.stderr  # the bad record is reported again
    assert f"({finished} done before)" in again.stderr or f"({finished + 1} done before)" in (
        again.stderr
    )
    assert "no text field" in again.stderr
    for table in LAKE_TABLES:
        assert _lake(out, table) == _lake(whole, table), table


def _pids(cluster: Any) -> list[int]:
    return sorted(cluster.client.run(os.getpid).values())


def test_a_worker_killed_mid_run_is_replaced_and_the_rows_are_the_same(
    corpus: Path, single: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "k.duckdb"
    killed: list[int] = []
    with connect(workers=2) as cluster:
        cluster.prepare(Settings())
        before = _pids(cluster)

        def kill_one(report: IngestReport) -> None:
            if not killed:
                killed.append(before[0])
                os.kill(before[0], signal.SIGKILL)

        with Store.open(db) as store:
            report = ingest_on_cluster(
                [str(corpus)], store, Settings(), ReadOptions(), cluster,
                staging=tmp_path / "staging", batch_size=2, on_loaded=kill_one,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_pids(cluster)) < 2:
            time.sleep(0.2)
        after = _pids(cluster)
    assert killed and killed[0] not in after and len(after) == 2  # the nanny replaced it
    assert len(report.skipped) == 2
    assert snapshot(db) == single


def test_ctrl_c_then_the_same_run_stores_what_is_left(
    corpus: Path, single: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "c.duckdb"
    staging = tmp_path / "staging"

    def interrupt(report: IngestReport) -> None:
        raise KeyboardInterrupt

    with connect(workers=2) as cluster:
        cluster.prepare(Settings())
        with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
            ingest_on_cluster(
                [str(corpus)], store, Settings(), ReadOptions(), cluster,
                staging=staging, batch_size=2, on_loaded=interrupt,
            )  # fmt: skip
        stats = ClusterStats()
        with Store.open(db) as store:
            stored = store.summary()["articles"]
            assert 0 < stored < len(single["articles"])
            report = ingest_on_cluster(
                [str(corpus)], store, Settings(), ReadOptions(), cluster,
                staging=staging, batch_size=2, stats=stats,
            )  # fmt: skip
    assert report.already == stored
    assert stats.reused + stats.partitions >= 1
    assert snapshot(db) == single


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_gets_a_clear_message_not_a_hang(
    corpus: Path, tmp_path: Path
) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    t0 = time.monotonic()
    done = run("ingest", str(corpus), "--db", str(tmp_path / "u.duckdb"), "--scheduler", address)
    assert time.monotonic() - t0 < 60
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"eventwire: error: cannot reach the Dask scheduler at {address} within 10 s"
        + lines[0].split(" within 10 s", 1)[1]
    ]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "u.duckdb").exists()  # nothing created for a run that cannot start
    bad = run("batch", str(corpus), str(tmp_path / "o"), "--scheduler", "nowhere")
    assert bad.returncode == 2
    assert "'nowhere' is not a scheduler address" in bad.stderr


def test_batch_bad_arguments_get_one_line_each(tmp_path: Path) -> None:
    missing = run("batch", str(tmp_path / "nope"), str(tmp_path / "out"))
    assert missing.returncode == 2
    assert (
        missing.stderr.strip() == f"eventwire: error: {tmp_path / 'nope'}: no such file or folder"
    )
    (tmp_path / "empty").mkdir()
    empty = run("batch", str(tmp_path / "empty"), str(tmp_path / "out"))
    assert empty.returncode == 2
    assert "no partitions (files ending in .jsonl, .ndjson, .parquet)" in empty.stderr
    (tmp_path / "empty" / "p.jsonl").write_text('{"text": "x"}\n')
    both = run("batch", str(tmp_path / "empty"), "o", "--workers", "1", "--scheduler", "tcp://a:1")
    assert both.returncode == 2
    assert "give either a number of local workers or a scheduler, not both" in both.stderr
    for command in ("batch", "ingest"):
        field = run(command, str(tmp_path / "empty"), str(tmp_path / "o"), "--field", "foo=bar")
        assert field.returncode == 2
        assert field.stderr.startswith("eventwire: error: unknown field name 'foo'")
        assert "Traceback" not in field.stderr
