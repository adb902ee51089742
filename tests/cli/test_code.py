"""`eventwire code`: formats, several inputs, bad inputs and exit codes (issue 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

from ..conftest import EXAMPLES

pytestmark = [pytest.mark.issue(2), pytest.mark.model]
GOOD = EXAMPLES / "02_eu_sanctions.txt"


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "blob.bin",
        "latin1": tmp_path / "latin1.txt",
        "huge": tmp_path / "huge.txt",
        "german": tmp_path / "german.txt",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    files["latin1"].write_bytes("Caf\xe9 owners protested in the capital.".encode("latin-1"))
    line = b"Rebels attacked an army base near the border on Monday, the army said.\n"
    files["huge"].write_bytes(line * (5_000_000 // len(line) + 1))
    files["german"].write_text(
        "Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen, "
        "nachdem Soldaten in der Nacht die Grenze überschritten und mehrere Dörfer besetzt "
        "hatten. Der Außenminister sagte, man werde nicht zögern, weitere Maßnahmen zu "
        "ergreifen, falls die Truppen nicht sofort abgezogen würden.",
        encoding="utf-8",
    )
    files["missing"] = tmp_path / "missing.txt"
    return files


def test_json_prints_one_article_per_line() -> None:
    result = CliRunner().invoke(app, ["code", str(GOOD), str(GOOD), "--date", "2025-02-24"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0]["article"]["published"] == "2025-02-24"
    assert lines[0]["events"], "the example has events"
    assert set(lines[0]) == {
        "article", "events", "actors", "places", "quotations", "amounts", "problems",
    }  # fmt: skip


def test_jsonl_prints_one_event_per_line() -> None:
    result = CliRunner().invoke(app, ["code", str(GOOD), "--format", "jsonl"])
    assert result.exit_code == 0
    events = [json.loads(x) for x in result.stdout.splitlines()]
    text = GOOD.read_text(encoding="utf-8")
    assert len(events) >= 3
    for e in events:
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        assert e["cameo"].startswith(e["cameo_root"])


def test_table_is_readable() -> None:
    result = CliRunner().invoke(app, ["code", str(GOOD), "--format", "table"])
    assert result.exit_code == 0
    assert "SANCTION" in result.stdout
    assert "status" in result.stdout.splitlines()[1]


def test_standard_input() -> None:
    result = CliRunner().invoke(app, ["code", "-"], input=GOOD.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["source"] == "<stdin>"


def test_bad_inputs_are_named_and_the_rest_is_coded(bad_inputs: dict[str, Path]) -> None:
    args = ["code", *map(str, bad_inputs.values()), str(GOOD)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["article"]["source"] for o in out] == [str(GOOD)]
    errors = result.stderr.splitlines()
    reasons = {
        "empty": "empty", "binary": "binary", "latin1": "UTF-8", "huge": "too large",
        "german": "English", "missing": "no such file",
    }  # fmt: skip
    for name, path in bad_inputs.items():
        line = next(e for e in errors if str(path) in e)
        assert reasons[name] in line
    assert "Traceback" not in result.stderr


def test_invalid_date_and_model_are_one_line_errors() -> None:
    bad_date = CliRunner().invoke(app, ["code", str(GOOD), "--date", "2024-02-30"])
    assert bad_date.exit_code == 2
    assert bad_date.stderr.strip().count("\n") == 0 and "YYYY-MM-DD" in bad_date.stderr
    bad_model = CliRunner().invoke(app, ["code", str(GOOD), "--model", "no_such_model"])
    assert bad_model.exit_code == 2
    assert "not installed" in bad_model.stderr


def test_user_kb_file_is_used_and_checked(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text(
        json.dumps(
            {
                "kind": "person",
                "name": "Ilse Vandermeer",
                "aliases": ["Vandermeer"],
                "country": "NLD",
                "roles": [{"role": "foreign minister", "sectors": ["GOV"], "start": "2020-01-01"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["code", str(GOOD), "--kb", str(kb)])
    actors = json.loads(result.stdout)["actors"]
    assert any(a["name"] == "Ilse Vandermeer" and a["country"] == "NLD" for a in actors)
    kb.write_text('{"kind": "person", "name": "X", "country": "Nowhere"}\n', encoding="utf-8")
    bad = CliRunner().invoke(app, ["code", str(GOOD), "--kb", str(kb)])
    assert bad.exit_code == 2
    assert f"{kb}:1" in bad.stderr and "ISO 3166" in bad.stderr


def test_console_script_never_shows_a_traceback(bad_inputs: dict[str, Path]) -> None:
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.run(
        [str(exe), "code", str(bad_inputs["binary"]), str(bad_inputs["missing"]), str(GOOD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 3
    assert json.loads(proc.stdout)["events"]
