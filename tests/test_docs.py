"""Docs generated from data stay in step with it; every CLI command has help (issue 2)."""

from __future__ import annotations

import importlib.util

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

from .conftest import ROOT

pytestmark = pytest.mark.issue(2)


def test_crosswalk_doc_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "crosswalk_doc", ROOT / "tools" / "crosswalk_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    on_disk = (ROOT / "docs" / "crosswalk.md").read_text(encoding="utf-8")
    assert on_disk == module.render(), "run: python tools/crosswalk_doc.py > docs/crosswalk.md"


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or ""
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0 and len(result.stdout) > 100, name
        assert f"eventwire {name}" in readme, name
