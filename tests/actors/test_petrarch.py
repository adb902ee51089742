"""Importing PETRARCH/TABARI actor and agent dictionaries as a --kb file (issue 5).

The dictionaries below are invented for these tests; no names or codes come from a real one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.petrarch import ImportResult, import_petrarch, write_jsonl
from eventwire.cli.kb_cmd import register

pytestmark = pytest.mark.issue(5)

ACTORS = """\
# Invented actors for eventwire tests.
AMELIA_TORVIK               # a person whose code changes over time
+TORVIK
# a comment line inside an entry does not end it
+PRESIDENT_TORVIK
[NORLEG 080101-120630]
[NORGOV >120701]

OSKAR_BRENNE
[SWEMIL <991231]
[SWEELI >000101]

LINA_HOLT_DA_COSTA [BRAGOV 991231-000101]
NORDIC_WORKERS_PARTY [NORPTY]
SILVER_RIVER_FRONT [COLREB]
+SRF
KESTREL_COUNCIL [IGOUNO]
OSLOVIA [NOR]
+OSLOVIAN_COAST
ERIK_DAHL [DNKGOV]
"""

AGENTS = """\
# Invented agent patterns.
!minist! [~GOV]
POLICE [~COP]       # trailing comment
+COP
POLICEMAN {POLICEMEN} [~COP]
SECURITY_GUARD [~COP]
!rebel! [~REB]
"""

# line numbers matter: the problems are checked against them
MALFORMED = """\
GOOD_ONE [NORGOV]
BROKEN_BRACKET [NORGOV
+SYNONYM_OF_BROKEN
HANNA_LUND
[NORGOV >991399]
[NORGOV 690101-700101]
[NORGO]
[NORGOV 120101]
[NORGOV >120101]

+ORPHAN
NILS_BERG [NORGOV] trailing
NOR_AGENCY [~GOV]
MILA_STRAND [NORXYZGOV >100101]
GOOD_TWO [SWEGOV]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_name(result: ImportResult) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in result.entries if "name" in e}


@pytest.fixture()
def imported(tmp_path: Path) -> ImportResult:
    return import_petrarch(
        _write(tmp_path, "actors.txt", ACTORS), _write(tmp_path, "agents.txt", AGENTS)
    )


@pytest.fixture()
def kb_file(tmp_path: Path, imported: ImportResult) -> Path:
    out = tmp_path / "kb.jsonl"
    write_jsonl(imported.entries, out, note="test import")
    return out


def test_date_restricted_codes_become_role_spells(imported: ImportResult) -> None:
    torvik = _by_name(imported)["Amelia Torvik"]
    assert torvik["kind"] == "person" and torvik["country"] == "NOR"
    assert torvik["roles"] == [
        {"role": "government official", "sectors": ["GOV"], "start": "2012-07-01", "end": None},
        {"role": "legislator", "sectors": ["LEG"], "start": "2008-01-01", "end": "2012-06-30"},
    ]
    brenne = _by_name(imported)["Oskar Brenne"]
    assert brenne["roles"] == [
        {"role": "public figure", "sectors": ["ELI"], "start": "2000-01-01", "end": None},
        {"role": "military officer", "sectors": ["MIL"], "start": None, "end": "1999-12-31"},
    ]


def test_two_digit_years_00_69_are_2000s_and_70_99_are_1900s(imported: ImportResult) -> None:
    holt = _by_name(imported)["Lina Holt da Costa"]
    assert holt["roles"][0]["start"] == "1999-12-31" and holt["roles"][0]["end"] == "2000-01-01"


def test_synonyms_become_aliases(imported: ImportResult) -> None:
    assert _by_name(imported)["Amelia Torvik"]["aliases"] == ["Torvik", "President Torvik"]
    assert _by_name(imported)["Silver River Front"]["aliases"] == ["SRF", "Srf"]


def test_one_line_entries_by_kind(imported: ImportResult) -> None:
    found = _by_name(imported)
    party = found["Nordic Workers Party"]
    assert (party["kind"], party["country"], party["sectors"], party["code"]) == (
        "organization", "NOR", ["PTY"], "NORPTY"
    )  # fmt: skip
    front = found["Silver River Front"]
    assert (front["kind"], front["country"], front["sectors"]) == ("armed_group", "COL", ["REB"])
    igo = found["Kestrel Council"]
    assert (igo["kind"], igo["country"], igo["sectors"]) == ("organization", None, ["IGO", "UNO"])
    dahl = found["Erik Dahl"]  # person-shaped name with one undated code
    assert dahl["kind"] == "person" and dahl["code"] == "DNKGOV"
    assert dahl["roles"] == [
        {"role": "government official", "sectors": ["GOV"], "start": None, "end": None}
    ]
    place = next(e for e in imported.entries if e["kind"] == "country")
    assert place == {
        "kind": "country", "code": "NOR", "name": "Norway", "aliases": ["Oslovia", "Oslovian Coast"]
    }  # fmt: skip


def test_agents_with_stems_synonyms_and_plurals(imported: ImportResult) -> None:
    agents = [e for e in imported.entries if e["kind"] == "agent"]
    assert [a["sectors"] for a in agents] == [["GOV"], ["COP"], ["COP"], ["COP"], ["REB"]]
    assert {"minister", "ministers", "ministry", "ministries"} <= set(agents[0]["nouns"])
    assert agents[1]["nouns"] == ["police", "polices", "cop", "cops"]
    assert agents[2]["nouns"] == ["policeman", "policemen"]
    assert agents[3]["nouns"] == ["security guard", "security guards"]
    assert {"rebel", "rebels"} <= set(agents[4]["nouns"])


def test_clean_dictionaries_have_no_problems(imported: ImportResult) -> None:
    assert imported.problems == [] and imported.skipped == 0
    assert imported.read == 13


def test_malformed_lines_are_reported_and_good_entries_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", MALFORMED)
    result = import_petrarch(path)
    lines = {line: reason for _, line, reason in result.problems}
    assert all(p[0] == str(path) for p in result.problems)
    assert "bad bracket" in lines[2]
    assert "line 2" in lines[3]  # the synonym of the unreadable entry
    assert "bad date" in lines[5] and "no such day" in lines[5]
    assert "ends before it starts" in lines[6]  # 2069 to 1970
    assert "unknown code shape" in lines[7]
    assert "bad date" in lines[8]
    assert "outside an entry" in lines[11]
    assert "unexpected text" in lines[12]
    assert "agent code" in lines[13]
    assert "XYZ" in lines[14] and "unknown sector" in lines[14]
    assert sorted(lines) == [2, 3, 5, 6, 7, 8, 11, 12, 13, 14]
    assert result.skipped == 9  # the unknown sector is a warning, the line is kept
    found = _by_name(result)
    assert set(found) == {"Good One", "Hanna Lund", "Mila Strand", "Good Two"}
    assert found["Hanna Lund"]["roles"][0]["start"] == "2012-01-01"
    assert found["Mila Strand"]["roles"][0]["sectors"] == ["GOV"]


def test_an_entry_whose_codes_are_all_bad_is_reported(tmp_path: Path) -> None:
    result = import_petrarch(_write(tmp_path, "a.txt", "ANNA_VIK\n[NORGOV >130231]\n"))
    assert result.entries == []
    assert [(line, "no code" in r) for _, line, r in result.problems] == [(1, True), (2, False)]


def test_unknown_sectors_in_agents_are_reported(tmp_path: Path) -> None:
    agents = _write(tmp_path, "agents.txt", "WIDGETEER [~QQQ]\nDRIVER [~CVLQQQ]\n")
    result = import_petrarch(_write(tmp_path, "a.txt", "ERIK_DAHL [DNKGOV]\n"), agents)
    reasons = [(line, reason) for _, line, reason in result.problems]
    assert reasons[0][0] == 1 and "QQQ" in reasons[0][1]
    assert any(line == 1 and "no known sector" in r for line, r in reasons)
    assert any(line == 2 and "QQQ" in r for line, r in reasons)
    driver = {"kind": "agent", "nouns": ["driver", "drivers"], "sectors": ["CVL"]}
    assert result.entries[-1] == driver


def test_insurgent_code_is_an_armed_group_with_its_sector_reported(tmp_path: Path) -> None:
    result = import_petrarch(_write(tmp_path, "a.txt", "NORTHERN_LIBERATION_FRONT [NORINS]\n"))
    assert result.entries[0]["kind"] == "armed_group" and result.entries[0]["sectors"] == ["REB"]
    assert [(line, "INS" in r) for _, line, r in result.problems] == [(1, True)]
    assert result.skipped == 0


def test_round_trip_through_kb_resolves_roles_by_date(kb_file: Path) -> None:
    kb = KnowledgeBase.load([kb_file])
    for surface in ("Amelia Torvik", "Torvik"):
        hit = kb.lookup(surface)
        assert hit is not None and hit.kind == "person"
        entry = hit.entry
        before, after = entry.role_at(dt.date(2010, 5, 1)), entry.role_at(dt.date(2015, 5, 1))
        assert before is not None and before.role == "legislator"
        assert after is not None and after.role == "government official"
        assert entry.role_at(dt.date(2001, 1, 1)) is None
    brenne = kb.lookup("Oskar Brenne")
    assert brenne is not None
    spell = brenne.entry.role_at(dt.date(1995, 1, 1))
    assert spell is not None and spell.sectors == ("MIL",)
    front = kb.lookup("SRF")
    assert front is not None and front.kind == "armed_group" and front.entry.country == "COL"
    assert kb.terms["ministries"].sectors == ("GOV",)
    place = kb.lookup("Oslovia")
    assert place is not None and place.entry.country == "NOR"
    assert kb.countries["NOR"].name == "Norway"


@pytest.mark.model
def test_round_trip_through_the_pipeline(kb_file: Path) -> None:
    from eventwire import Pipeline, Settings

    pipeline = Pipeline(Settings(kb_files=(kb_file,)))
    text = "Amelia Torvik met Swedish officials in Stockholm on Monday to discuss fishing quotas."
    roles = {}
    for day in (dt.date(2010, 5, 1), dt.date(2015, 5, 1)):
        result = pipeline.code(text, published=day)
        actors = [a for e in result.events for a in (e.source, e.target) if a is not None]
        torvik = [a for a in actors if a.name == "Amelia Torvik"]
        assert torvik, result.events
        roles[day.year] = (torvik[0].role, torvik[0].country)
    assert roles == {2010: ("legislator", "NOR"), 2015: ("government official", "NOR")}


# --- the command ----------------------------------------------------------------------------


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    register(app)
    return app


def test_cli_writes_a_kb_file_and_reports_problems(tmp_path: Path) -> None:
    actors = _write(tmp_path, "bad.txt", MALFORMED)
    agents = _write(tmp_path, "agents.txt", AGENTS)
    out = tmp_path / "out.jsonl"
    args = ["kb", "import-petrarch", "--actors", str(actors), "--agents", str(agents)]
    result = CliRunner().invoke(_app(), [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    err = result.stderr.splitlines()
    assert err[-1] == "read 9 entries, wrote 9, skipped 9 lines"
    assert f"{actors}:2: bad bracket: '[' without ']'" in err
    assert len(err) == 11
    assert out.read_text(encoding="utf-8").startswith('{"kind": "source"')
    KnowledgeBase.load([out])


def test_cli_exits_1_when_nothing_could_be_read(tmp_path: Path) -> None:
    actors = _write(tmp_path, "bad.txt", "# only junk\nNAME [NOR\n")
    out = tmp_path / "out.jsonl"
    args = ["kb", "import-petrarch", "--actors", str(actors), "--out", str(out)]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "read 0 entries, wrote 0, skipped 1 lines"
    assert not out.exists()


def test_cli_exits_2_for_a_missing_file(tmp_path: Path) -> None:
    args = ["kb", "import-petrarch", "--actors", str(tmp_path / "nope.txt")]
    result = CliRunner().invoke(_app(), [*args, "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
