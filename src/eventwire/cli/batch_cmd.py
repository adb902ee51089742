"""`eventwire batch IN OUT`: lake mode on a Dask cluster (Parquet tables, no database)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ..config import Settings
from ..errors import EventwireError
from ..ingest import ReadOptions
from .corpus_cmds import _date, _fail, _fields, cluster_line
from .progress import WIDTH, _clock


class BatchPrinter:
    """One bar over all partitions with articles/s across the cluster (log lines when not
    on a terminal)."""

    def __init__(self, *, quiet: bool, stream: TextIO | None = None, every: float = 5.0):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self._last = 0.0

    def note(self, line: str) -> None:
        if not self.quiet:
            self.stream.write(line + "\n")
            self.stream.flush()

    def __call__(self, report: object) -> None:
        from ..batch import BatchReport

        assert isinstance(report, BatchReport)
        if self.quiet:
            return
        finished = report.done + report.already
        if self.tty:
            share = finished / report.partitions if report.partitions else 1.0
            filled = int(share * WIDTH)
            todo = report.partitions - report.already
            left = (todo - report.done) * report.seconds / report.done if report.done else 0
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {finished}/{report.partitions} "
                f"partitions, {report.rate:.1f} articles/s, {_clock(left)} left "
            )
            self.stream.flush()
        elif time.perf_counter() - self._last >= self.every:
            self.stream.write(f"eventwire: {report.line()} ({report.rate:.1f} articles/s)\n")
            self._last = time.perf_counter()

    def done(self, report: object) -> None:
        from ..batch import BatchReport

        assert isinstance(report, BatchReport)
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\n")
        self.stream.write(
            f"eventwire: done in {report.seconds:.1f} s: {report.line()} "
            f"({report.rate:.1f} articles/s)\n"
        )


def batch_cmd(
    source: Annotated[str, typer.Argument(help="JSONL or Parquet partitions: file, folder or URL")],
    out: Annotated[str, typer.Argument(help="output folder or URL for the Parquet tables")],
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="local Dask workers [1]")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="the Dask cluster at tcp://HOST:PORT")
    ] = None,
    date_field: Annotated[
        str | None, typer.Option("--date-field", help="field with the story date")
    ] = None,
    field: Annotated[
        list[str] | None, typer.Option("--field", help="map a field: OURS=THEIRS, e.g. text=body")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="story date for undated inputs")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline")] = None,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="extra knowledge base")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="no progress output")] = False,
) -> None:
    """Code article partitions on a Dask cluster into date-partitioned Parquet tables (events,
    actors, places, quotations, amounts, articles, problems); resumable, no database."""
    options = ReadOptions(
        date_field=date_field, fields=_fields(field), published=_date(date, "--date")
    )
    printer = BatchPrinter(quiet=quiet)
    try:
        from ..batch import connect, list_partitions, run_batch

        settings = Settings.load(model=model, kb_files=tuple(kb) if kb else None)
        options = ReadOptions(**{**options.__dict__, "max_bytes": settings.max_bytes})
        list_partitions(source)  # a missing or empty input fails before a cluster starts
        with connect(workers, scheduler) as cluster:
            cluster.prepare(settings)
            printer.note(cluster_line(cluster))
            report = run_batch(source, out, settings, options, cluster, progress=printer)
    except EventwireError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted: run the same command again to go on", 130) from None
    printer.done(report)
    for s in report.skipped:
        typer.echo(f"eventwire: skipped {s.source}: {s.reason}", err=True)
    if report.skipped:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
