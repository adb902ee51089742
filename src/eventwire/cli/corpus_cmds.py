"""`eventwire ingest | problems | query | export | sql`: the event store from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..config import Settings
from ..corpus import RunReport, estimate_total, ingest
from ..errors import EventwireError
from ..geo.radius import parse_km, parse_point
from ..ingest import ReadOptions
from ..pipeline import Pipeline
from ..store import QueryFilters, Store
from .progress import ProgressPrinter

DB_HELP = "the event database file"
DEFAULT_DB = Path("eventwire.duckdb")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"eventwire: error: {message}", err=True)
    return typer.Exit(code)


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{flag}: {value!r} is not a date in the form YYYY-MM-DD") from None


def _fields(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        ours, _, theirs = pair.partition("=")
        if not theirs:
            raise _fail(f"--field {pair!r}: expected OURS=THEIRS, e.g. text=body")
        out[ours.strip()] = theirs.strip()
    return out


DateFieldOpt = Annotated[
    str | None, typer.Option("--date-field", help="field with the story date (JSONL/CSV)")
]
FieldOpt = Annotated[
    list[str] | None, typer.Option("--field", help="map a field: OURS=THEIRS, e.g. text=body")
]
DateOpt = Annotated[str | None, typer.Option("--date", help="story date for undated inputs")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline")]
KbOpt = Annotated[list[Path] | None, typer.Option("--kb", help="extra knowledge base")]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", min=1, help="code on a local Dask cluster of N workers")
]
SchedulerOpt = Annotated[
    str | None, typer.Option("--scheduler", help="code on the Dask cluster at tcp://HOST:PORT")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", help="no progress output")]


def read_setup(
    date_field: str | None,
    field: list[str] | None,
    date: str | None,
    model: str | None,
    kb: list[Path] | None,
) -> tuple[Settings, ReadOptions]:
    """The settings and input options the flags ask for; raises :class:`EventwireError`."""
    settings = Settings.load(model=model, kb_files=tuple(kb) if kb else None)
    options = ReadOptions(
        date_field=date_field, fields=_fields(field), published=_date(date, "--date"),
        max_bytes=settings.max_bytes,
    )  # fmt: skip
    return settings, options


def finish(printer: ProgressPrinter, report: RunReport) -> None:
    """The summary line, one line per skipped input, and exit status 1 if any."""
    printer.done(report)
    for s in report.skipped:
        typer.echo(f"eventwire: skipped {s.source}: {s.reason}", err=True)
    if report.skipped:
        raise typer.Exit(1)


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="files, folders, URLs, or '-' for stdin")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    date_field: DateFieldOpt = None,
    field: FieldOpt = None,
    date: DateOpt = None,
    model: ModelOpt = None,
    kb: KbOpt = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="articles per transaction (and partition)")
    ] = 64,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    staging: Annotated[
        Path | None,
        typer.Option("--staging", help="shard folder all workers can write [DB.staging]"),
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """Read a corpus, code it and store the events (idempotent, resumable); with --workers or
    --scheduler the coding runs on a Dask cluster and this process writes the store."""
    printer = ProgressPrinter(quiet=quiet)
    try:
        settings, options = read_setup(date_field, field, date, model, kb)
        if workers is None and scheduler is None:
            with Store.open(db) as store:
                report = ingest(
                    paths, store, Pipeline(settings), options, batch_size=batch,
                    progress=printer, total=estimate_total(paths), stdin=sys.stdin.buffer,
                )  # fmt: skip
        else:
            from ..batch import connect, ingest_on_cluster

            with connect(workers, scheduler) as cluster:  # before the database is created
                cluster.prepare(settings)
                printer.note(cluster_line(cluster))
                with Store.open(db) as store:
                    report = ingest_on_cluster(
                        paths, store, settings, options, cluster,
                        staging=staging or Path(f"{db}.staging"), batch_size=batch,
                        progress=printer, total=estimate_total(paths), stdin=sys.stdin.buffer,
                    )  # fmt: skip
    except EventwireError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted: run the same command again to go on", 130) from None
    finish(printer, report)


def cluster_line(cluster: Any) -> str:
    """Where the run's cluster is, for the log."""
    where = f"Dask dashboard at {cluster.dashboard}" if cluster.dashboard else "no dashboard"
    return f"eventwire: coding on {cluster.workers} Dask worker(s); {where}"


def problems_cmd(db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB) -> None:
    """List every input that was skipped, with its reason."""
    with _open(db) as store:
        rows = store.problems()
    for source, reason, when in rows:
        typer.echo(f"{when}\t{source}\t{reason}")


def query_cmd(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    source: Annotated[str | None, typer.Option("--source", help="source code or name")] = None,
    target: Annotated[str | None, typer.Option("--target", help="target code or name")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="A,B in either direction")] = None,
    plover: Annotated[str | None, typer.Option("--type", help="PLOVER type")] = None,
    cameo: Annotated[str | None, typer.Option("--cameo", help="CAMEO code prefix")] = None,
    status: Annotated[str | None, typer.Option("--status", help="event status")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO3 of any side or place")
    ] = None,
    near: Annotated[str | None, typer.Option("--near", help="a place name or LAT,LON")] = None,
    within: Annotated[str, typer.Option("--within", help="radius, e.g. 60km")] = "50km",
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    fmt: Annotated[str, typer.Option("--format", help="table|csv|jsonl|parquet")] = "table",
    out: Annotated[Path | None, typer.Option("-o", "--output", help="file (parquet)")] = None,
) -> None:
    """Query stored events with filters."""
    pair = None
    if dyad is not None:
        a, _, b = dyad.partition(",")
        if not b:
            raise _fail("--dyad: expected two actors separated by a comma, e.g. RUS,UKR")
        pair = (a.strip(), b.strip())
    filters = QueryFilters(
        source=source, target=target, dyad=pair, plover=plover, cameo=cameo, status=status,
        since=_date(since, "--since"), until=_date(until, "--until"), country=country,
        near=_point(near) if near else None, within_km=_km(within) if near else None,
    )  # fmt: skip
    if fmt not in ("table", "csv", "jsonl", "parquet"):
        raise _fail(f"--format: {fmt!r} is not one of table, csv, jsonl, parquet")
    with _open(db) as store:
        rows = list(store.query(filters, limit=limit))
    _print_rows(rows, fmt, out)


def export_cmd(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="csv|jsonl|parquet|gdelt|polecat")] = "csv",
    out: Annotated[Path | None, typer.Option("-o", "--output", help="file; stdout without")] = None,
) -> None:
    """Export all events (GDELT and POLECAT layouts documented in docs/export-formats.md)."""
    if fmt not in ("csv", "jsonl", "parquet", "gdelt", "polecat"):
        raise _fail(f"--format: {fmt!r} is not one of csv, jsonl, parquet, gdelt, polecat")
    if fmt == "parquet" and out is None:
        raise _fail("--format parquet needs -o FILE")
    with _open(db) as store:
        target = out if out is not None else sys.stdout.buffer
        n = store.export(fmt, target)  # type: ignore[arg-type]
    typer.echo(f"eventwire: {n} events exported", err=True)


def sql_cmd(
    statement: Annotated[str, typer.Argument(help="a read-only SQL statement")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table|csv|jsonl")] = "table",
) -> None:
    """Run read-only SQL over the tables and views (articles, events, actors, places,
    quotations, amounts, problems)."""
    with _open(db, read_only=True) as store:
        try:
            columns, rows = store.sql(statement)
        except EventwireError as exc:
            raise _fail(str(exc)) from None
    _print_rows([dict(zip(columns, r, strict=True)) for r in rows], fmt, None, columns)


def _open(db: Path, read_only: bool = False) -> Store:
    if str(db) != ":memory:" and not db.exists():
        raise _fail(f"{db}: no such database (create it with 'eventwire ingest')")
    try:
        return Store.open(db, read_only=read_only)
    except EventwireError as exc:
        raise _fail(str(exc)) from None


def _point(near: str) -> tuple[float, float]:
    try:
        return parse_point(near)
    except EventwireError as exc:
        raise _fail(f"--near: {exc.reason}") from None


def _km(text: str) -> float:
    try:
        return parse_km(text)
    except EventwireError as exc:
        raise _fail(f"--within: {exc.reason}") from None


def _print_rows(
    rows: list[dict[str, Any]], fmt: str, out: Path | None, columns: list[str] | None = None
) -> None:
    cols = columns or (list(rows[0]) if rows else [])
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r, default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=cols)
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "parquet":
        if out is None:
            raise _fail("--format parquet needs -o FILE")
        _parquet(rows, out)
        typer.echo(f"eventwire: {len(rows)} rows written to {out}", err=True)
    else:
        _table(rows, cols, everything=columns is not None)


def _parquet(rows: list[dict[str, Any]], out: Path) -> None:
    import duckdb

    con = duckdb.connect()
    tmp = out.with_suffix(".jsonl.tmp")
    tmp.write_text("".join(json.dumps(r, default=str) + "\n" for r in rows), encoding="utf-8")
    try:
        con.execute(
            "COPY (SELECT * FROM read_json_auto(?)) TO ? (FORMAT PARQUET)", [str(tmp), str(out)]
        )
    finally:
        tmp.unlink(missing_ok=True)
        con.close()


def _table(
    rows: list[dict[str, Any]], cols: list[str], width: int = 24, everything: bool = False
) -> None:
    if not rows:
        typer.echo("(no rows)")
        return
    show = cols if everything else ([c for c in cols if c in TABLE_COLUMNS] or cols[:8])
    cells = [[_cell(r.get(c), width) for c in show] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(show)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(show, widths, strict=True)))
    typer.echo("  ".join("-" * w for w in widths))
    for row in cells:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


TABLE_COLUMNS = (
    "event_date", "source_code", "cameo", "plover_type", "target_code", "status", "place_name",
    "trigger_text", "n_articles",
)  # fmt: skip


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("problems")(problems_cmd)
    app.command("query")(query_cmd)
    app.command("export")(export_cmd)
    app.command("sql")(sql_cmd)
