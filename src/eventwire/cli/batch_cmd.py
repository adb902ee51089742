"""`eventwire batch IN OUT`: lake mode on a Dask cluster (Parquet tables, no database)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..corpus import RunReport
from ..errors import EventwireError
from .corpus_cmds import (
    DateFieldOpt,
    DateOpt,
    FieldOpt,
    KbOpt,
    ModelOpt,
    QuietOpt,
    SchedulerOpt,
    WorkersOpt,
    _fail,
    cluster_line,
    finish,
    read_setup,
)
from .progress import WIDTH, ProgressPrinter, _clock


class BatchPrinter(ProgressPrinter):
    """One bar over all partitions with articles/s across the cluster (log lines when not
    on a terminal)."""

    def bar(self, report: RunReport, total: int | None) -> str:
        from ..batch import BatchReport

        assert isinstance(report, BatchReport)
        finished = report.done + report.already
        share = finished / total if total else 1.0
        filled = int(share * WIDTH)
        todo = report.partitions - report.already
        left = (todo - report.done) * report.seconds / report.done if report.done else 0
        return (
            f"[{'#' * filled}{'.' * (WIDTH - filled)}] {finished}/{report.partitions} "
            f"partitions, {report.rate:.1f} articles/s, {_clock(left)} left "
        )


def batch_cmd(
    source: Annotated[str, typer.Argument(help="JSONL or Parquet partitions: file, folder or URL")],
    out: Annotated[str, typer.Argument(help="output folder or URL for the Parquet tables")],
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    date_field: DateFieldOpt = None,
    field: FieldOpt = None,
    date: DateOpt = None,
    model: ModelOpt = None,
    kb: KbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Code article partitions on a Dask cluster into date-partitioned Parquet tables (events,
    actors, places, quotations, amounts, articles, problems); resumable, no database."""
    printer = BatchPrinter(quiet=quiet)
    try:
        from ..batch import connect, list_partitions, run_batch

        settings, options = read_setup(date_field, field, date, model, kb)
        list_partitions(source)  # a missing or empty input fails before a cluster starts
        with connect(workers, scheduler) as cluster:
            cluster.prepare(settings)
            printer.note(cluster_line(cluster))
            report = run_batch(source, out, settings, options, cluster, progress=printer)
    except EventwireError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted: run the same command again to go on", 130) from None
    finish(printer, report)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
