"""`eventwire serve`: options reach serve(); library errors exit 2 with a message (issue 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import eventwire.api
from eventwire.cli.serve_cmd import register
from eventwire.errors import StoreBusy

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """eventwire."""

    register(app)
    return app


def test_help(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--cors-origin", "EVENTWIRE_TOKEN"):
        assert option in result.stdout


def test_options_reach_serve(app: typer.Typer, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(eventwire.api, "serve", lambda *a, **kw: calls.append((a, kw)))
    args = ["serve", "--db", "x.duckdb", "--port", "8123", "--token", "t0k", "--cors-origin",
            "https://ui.example", "--cors-origin", "http://localhost:5173"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [(positional, keywords)] = calls
    assert positional == (Path("x.duckdb"), "127.0.0.1", 8123)
    assert keywords["token"] == "t0k"
    assert keywords["cors_origins"] == ("https://ui.example", "http://localhost:5173")


def test_errors_exit_2(app: typer.Typer, monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*args: Any, **kwargs: Any) -> None:
        raise StoreBusy("database file x.duckdb is in use by another process (PID 7)")

    monkeypatch.setattr(eventwire.api, "serve", busy)
    result = CliRunner().invoke(app, ["serve", "--db", "x.duckdb"])
    assert result.exit_code == 2
    assert "eventwire: error: database file x.duckdb is in use" in result.output
    assert CliRunner().invoke(app, ["serve", "--port", "70000"]).exit_code == 2
