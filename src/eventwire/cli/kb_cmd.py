"""`eventwire kb import-petrarch`: PETRARCH/TABARI dictionaries in, a --kb JSON Lines file out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..actors.petrarch import import_petrarch, write_jsonl
from ..errors import EventwireError

kb_app = typer.Typer(
    no_args_is_help=True,
    help="Knowledge-base tools: import actor dictionaries for use with --kb.",
)


@kb_app.command("import-petrarch")
def import_petrarch_cmd(
    actors: Annotated[
        Path, typer.Option("--actors", help="PETRARCH/TABARI actor dictionary (text)")
    ],
    out: Annotated[Path, typer.Option("--out", help="knowledge-base JSON Lines file to write")],
    agents: Annotated[
        Path | None, typer.Option("--agents", help="PETRARCH/TABARI agent dictionary (text)")
    ] = None,
) -> None:
    """Convert PETRARCH/TABARI actor and agent dictionaries to a --kb file.

    Each line that cannot be read is reported as FILE:LINE: reason and skipped.

    Exit status: 0 when entries were written, 1 when nothing could be read, 2 when a file is
    missing.
    """
    try:
        result = import_petrarch(actors, agents)
    except EventwireError as exc:
        typer.echo(f"eventwire: error: {exc}", err=True)
        raise typer.Exit(2) from None
    for path, line, reason in result.problems:
        typer.echo(f"{path}:{line}: {reason}", err=True)
    written = 0
    if result.entries:
        sources = ", ".join(p.name for p in (actors, agents) if p is not None)
        try:
            written = write_jsonl(
                result.entries, out, note=f"imported from {sources} by eventwire kb import-petrarch"
            )
        except OSError as exc:
            typer.echo(f"eventwire: error: cannot write {out}: {exc.strerror}", err=True)
            raise typer.Exit(2) from None
    typer.echo(
        f"read {result.read} entries, wrote {written}, skipped {result.skipped} lines", err=True
    )
    if not written:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``kb`` command group to the ``eventwire`` app."""
    app.add_typer(kb_app, name="kb")
