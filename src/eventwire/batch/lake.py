"""Lake mode: article partitions in, date-partitioned Parquet tables out, no database.

Every input file (JSON Lines or Parquet, at any fsspec URL whose filesystem package is
installed) is one partition, coded by one task on the cluster. A task writes the rows of its
articles with the store's own writer into an in-memory store, then copies each table to
``OUT/<table>/date=YYYY-MM-DD/part-<partition>-<n>.parquet`` (the article's story date;
``date=unknown`` without one) and skipped inputs to ``OUT/problems/part-<partition>.parquet``.
A partition is finished when ``OUT/_done/<partition>.json`` exists; it is written last, after
any files an interrupted earlier try left were removed, so a re-run codes only what is left
and writes nothing twice. Near-duplicates are not looked for (that needs the store's index):
every article is coded.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..corpus import RunReport
from ..errors import ClusterError, InputError, MissingInput
from ..ingest import ReadOptions
from ..ingest.corpus import bounded_lines, line_limit, read_jsonl, record_article
from ..ingest.text import skipped
from ..records import Article, Skipped
from ..store.schema import quote
from ..store.shards import coded_rows, sql_path
from .cluster import Cluster, pipeline_for

#: Input files that are partitions, by suffix.
PARTITION_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
#: The tables written per date, each row with the date of its article.
DATED_TABLES = ("articles", "events", "actors", "places", "quotations", "amounts")
DONE = "_done"


@dataclass(frozen=True)
class Partition:
    url: str
    name: str  # stable id: a digest of the URL


@dataclass(frozen=True)
class PartitionDone:
    name: str
    url: str
    read: int
    coded: int
    events: int
    skipped: tuple[Skipped, ...]
    seconds: float


@dataclass
class BatchReport(RunReport):
    """What happened to every partition of one run."""

    partitions: int = 0
    already: int = 0
    done: int = 0
    worker_seconds: list[float] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.done + self.already}/{self.partitions} partitions "
            f"({self.already} done before), {self.read} articles read, {self.coded} coded "
            f"({self.events} events), {len(self.skipped)} skipped"
        )


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs  # type: ignore[import-untyped]

    try:
        return url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as exc:
        raise InputError(f"cannot open {url}: {exc}") from None


def list_partitions(source: str) -> list[Partition]:
    """The partition files at ``source`` (a file, or a folder searched recursively)."""
    fs, root = _fs(source)
    if not fs.exists(root):
        raise MissingInput(f"{source}: no such file or folder")
    if fs.isdir(root):
        paths = sorted(p for p in fs.find(root) if p.lower().endswith(PARTITION_SUFFIXES))
        if not paths:
            raise InputError(
                f"{source}: no partitions (files ending in {', '.join(PARTITION_SUFFIXES)})"
            )
    else:
        paths = [root]
    out = []
    for path in paths:
        # named as the user named the input, like the sources of `eventwire ingest`
        rest = path[len(root) :].lstrip("/")
        url = f"{source.rstrip('/')}/{rest}" if rest else source
        out.append(Partition(url, hashlib.sha1(url.encode()).hexdigest()[:20]))
    return out


def read_partition(url: str, options: ReadOptions) -> Iterator[Article | Skipped]:
    """The articles (or skipped records) of one partition file."""
    fs, path = _fs(url)
    try:
        if path.lower().endswith(".parquet"):
            yield from _read_parquet(fs, path, url, options)
            return
        with fs.open(path, "rb") as stream:
            yield from read_jsonl(bounded_lines(stream, line_limit(options)), url, options)
    except OSError as exc:
        yield skipped(url, f"cannot read ({exc})")


def _read_parquet(
    fs: Any, path: str, url: str, options: ReadOptions
) -> Iterator[Article | Skipped]:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "partition.parquet"
        fs.get(path, str(local))
        with duckdb.connect() as con:
            try:
                cur = con.execute("SELECT * FROM read_parquet(?)", [str(local)])
            except duckdb.Error as exc:
                yield skipped(url, f"not a readable Parquet file ({str(exc).splitlines()[0]})")
                return
            names = [d[0] for d in cur.description or []]
            number = 0
            while chunk := cur.fetchmany(256):
                for row in chunk:
                    number += 1
                    where = f"row {number}"
                    record = dict(zip(names, row, strict=True))
                    yield record_article(
                        record, source=f"{url}:{where}", where=where, options=options
                    )


def code_partition(
    partition: Partition, out: str, settings: Settings, options: ReadOptions
) -> PartitionDone:
    """Code one partition on a worker and write its tables under ``out``."""
    t0 = time.perf_counter()
    items = list(read_partition(partition.url, options))
    articles = [i for i in items if isinstance(i, Article)]
    bad = tuple(i for i in items if isinstance(i, Skipped))
    results = list(pipeline_for(settings).code_many(articles))
    out_fs, root = _fs(out)
    texts = {a.id or "": a.text for a in articles}
    with tempfile.TemporaryDirectory() as tmp, coded_rows(results, texts, bad) as con:
        _export(con, Path(tmp), partition.name)
        stale = out_fs.glob(f"{root}/*/*/part-{partition.name}-*.parquet") + out_fs.glob(
            f"{root}/problems/part-{partition.name}.parquet"
        )
        if stale:
            out_fs.rm(stale)
        for local in sorted(Path(tmp).rglob("*.parquet")):
            target = f"{root}/{local.relative_to(tmp).as_posix()}"
            out_fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
            out_fs.put_file(str(local), target)
    done = PartitionDone(
        partition.name, partition.url, len(items), len(articles),
        sum(len(r.events) for r in results), bad, time.perf_counter() - t0,
    )  # fmt: skip
    marker = {"url": partition.url, "read": done.read, "coded": done.coded,
              "events": done.events, "skipped": [[b.source, b.reason] for b in bad]}  # fmt: skip
    with out_fs.open(f"{root}/{DONE}/{partition.name}.json", "w") as fh:
        json.dump(marker, fh)
    return done


def _export(con: Any, folder: Path, name: str) -> None:
    for table in DATED_TABLES:
        key = "id" if table == "articles" else "article_id"
        found = con.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()
        if not found or not found[0]:
            continue
        select = (
            f"SELECT t.*, coalesce(strftime(a.published, '%Y-%m-%d'), 'unknown') AS date "
            f"FROM {quote(table)} t JOIN articles a ON a.id = t.{quote(key)}"
        )
        con.execute(
            f"COPY ({select}) TO {sql_path(folder / table)} (FORMAT parquet, "
            f"PARTITION_BY (date), FILENAME_PATTERN 'part-{name}-{{i}}', OVERWRITE_OR_IGNORE)"
        )
    found = con.execute("SELECT count(*) FROM problems").fetchone()
    if found and found[0]:
        (folder / "problems").mkdir()
        target = sql_path(folder / "problems" / f"part-{name}.parquet")
        con.execute(f"COPY problems TO {target} (FORMAT parquet)")


def run_batch(
    source: str,
    out: str,
    settings: Settings,
    options: ReadOptions,
    cluster: Cluster,
    *,
    progress: Callable[[BatchReport, int | None], None] | None = None,
) -> BatchReport:
    """Code every partition at ``source`` not finished before into tables under ``out``."""
    from distributed import as_completed

    partitions = list_partitions(source)
    out_fs, root = _fs(out)
    out_fs.makedirs(f"{root}/{DONE}", exist_ok=True)
    finished = {Path(p).stem: p for p in out_fs.glob(f"{root}/{DONE}/*.json")}
    todo = [p for p in partitions if p.name not in finished]
    report = BatchReport(partitions=len(partitions), already=len(partitions) - len(todo))
    for p in partitions:  # inputs skipped in an earlier run are reported again
        if p.name in finished:
            with out_fs.open(finished[p.name], "r") as fh:
                marker = json.load(fh)
            report.skipped.extend(Skipped(s, r) for s, r in marker.get("skipped", []))
    futures = []
    for p in todo:
        futures.append(
            cluster.client.submit(
                code_partition,
                p,
                out,
                settings,
                options,
                key=f"eventwire-lake-{p.name}",
                pure=False,
                retries=1,
            )
        )
    if progress is not None:
        progress(report, report.partitions)
    for future in as_completed(futures, loop=cluster.client.loop):  # type: ignore[no-untyped-call]
        try:
            done: PartitionDone = future.result()
        except Exception as exc:
            raise ClusterError(f"a partition failed on the cluster: {exc}") from None
        report.done += 1
        report.read += done.read
        report.coded += done.coded
        report.events += done.events
        report.skipped.extend(done.skipped)
        report.worker_seconds.append(done.seconds)
        if progress is not None:
            progress(report, report.partitions)
    return report
