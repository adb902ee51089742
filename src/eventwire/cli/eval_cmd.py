"""`eventwire eval`: score eventwire (or a predictions file) against hand-coded gold data."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import EventwireError
from ..evaluation import render_table, run_evaluation


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def eval_cmd(
    gold: Annotated[
        Path,
        typer.Argument(
            help="a folder of *.gold.json / *.expected.json files (article .txt beside them), "
            "one gold file, or a JSON Lines file of gold articles or gold sentences"
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred",
            help="score these article results (JSON Lines from 'eventwire code --format json') "
            "instead of coding the gold articles",
        ),
    ] = None,
    fmt: Annotated[
        EvalFormat, typer.Option("--format", help="table: plain text; json: one object")
    ] = EvalFormat.table,
    within_km: Annotated[
        float,
        typer.Option("--within-km", min=0.0, help="a place within this distance is right"),
    ] = 25.0,
    model: Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline")] = None,
) -> None:
    """Score event coding against gold data: precision, recall and F1 (docs/evaluation.md)."""
    try:
        report = run_evaluation(gold, pred, model=model, within_km=within_km)
    except EventwireError as exc:
        typer.echo(f"eventwire: error: {exc}", err=True)
        raise typer.Exit(2) from None
    if fmt is EvalFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(render_table(report))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
