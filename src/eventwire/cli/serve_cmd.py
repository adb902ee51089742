"""`eventwire serve`: the HTTP API over an event database (see :mod:`eventwire.api`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EventwireError

DEFAULT_DB = Path("eventwire.duckdb")


def serve_cmd(
    db: Annotated[Path, typer.Option("--db", help="the event database file")] = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="bearer token for POST /v1/articles (default: $EVENTWIRE_TOKEN, which "
            "keeps it out of the process list); without one, writes are disabled",
        ),
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="installed spaCy pipeline")] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="an origin allowed by CORS (repeatable); none: off"),
    ] = None,
    max_body: Annotated[
        int | None, typer.Option("--max-body", min=1, help="largest request body in bytes")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="settings TOML file ([api] table)")
    ] = None,
    index: Annotated[
        bool | None,
        typer.Option(
            "--index/--no-index",
            help="answer event pages from an in-memory index (default on; it takes about "
            "1 GB of temporary disk and 150 MB of memory per million events)",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (docs at /docs) until interrupted; the server owns the database."""
    from ..api import serve  # loads FastAPI and uvicorn only for this command

    try:
        serve(
            db, host, port, token=token, config=config, max_body=max_body,
            cors_origins=tuple(cors_origin) if cors_origin else None, model=model, index=index,
        )  # fmt: skip
    except EventwireError as exc:
        typer.echo(f"eventwire: error: {exc}", err=True)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
