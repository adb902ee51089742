"""The ``eventwire`` command: parse arguments, call the library, print, choose the exit code."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
from ..errors import EventwireError, InputError
from ..ingest.text import article_from_bytes, read_text_file
from ..pipeline import Pipeline
from ..records import Article, ArticleResult, event_to_dict
from .batch_cmd import register as register_batch
from .corpus_cmds import register
from .eval_cmd import register as register_eval
from .kb_cmd import register as register_kb
from .serve_cmd import register as register_serve
from .table import render_table

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="eventwire: news articles in, structured political event data out.",
)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _error(message: str) -> None:
    typer.echo(f"eventwire: error: {message}", err=True)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _error(f"--date: {value!r} is not a date in the form YYYY-MM-DD")
        raise typer.Exit(2) from None


@app.callback()
def _root() -> None:
    """eventwire: news articles in, structured political event data out."""


@app.command("code")
def code_cmd(
    files: Annotated[
        list[str], typer.Argument(help="text files to code; '-' reads standard input")
    ],
    date: Annotated[
        str | None, typer.Option("--date", help="story date YYYY-MM-DD for all inputs")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", help="json: one article per line; jsonl: one event per line"),
    ] = Format.json,
    model: Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline")] = None,
    kb: Annotated[
        list[Path] | None, typer.Option("--kb", help="extra knowledge-base JSON Lines file")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="settings TOML file")] = None,
) -> None:
    """Code articles into events and print them."""
    published = _parse_date(date)
    try:
        settings = Settings.load(config, model=model, kb_files=tuple(kb) if kb else None)
        pipeline = Pipeline(settings)
    except EventwireError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    failed = 0
    articles: list[Article] = []
    for name in files:
        try:
            articles.append(_read(name, settings, published))
        except InputError as exc:
            _error(str(exc))
            failed += 1
    for result in pipeline.code_many(articles):
        _print(result, fmt)
    if failed:
        _error(f"{failed} of {len(files)} input(s) could not be read")
        raise typer.Exit(1)


def _read(name: str, settings: Settings, published: dt.date | None) -> Article:
    if name == "-":
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
        return article_from_bytes(
            data,
            source="<stdin>",
            max_bytes=settings.max_bytes,
            min_english=settings.min_english,
            published=published,
        )
    return read_text_file(
        Path(name),
        max_bytes=settings.max_bytes,
        min_english=settings.min_english,
        published=published,
    )


def _print(result: ArticleResult, fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    elif fmt is Format.jsonl:
        for event in result.events:
            row = {"article": result.article.id, "source_file": result.article.source}
            row.update(event_to_dict(event))
            typer.echo(json.dumps(row, ensure_ascii=False))
    else:
        typer.echo(render_table(result))


register(app)
register_kb(app)
register_eval(app)
register_serve(app)
register_batch(app)


def main() -> None:
    app()
