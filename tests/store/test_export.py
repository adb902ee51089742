"""Exports: CSV, JSON Lines, Parquet read back with DuckDB, GDELT 2.0 layout, POLECAT-style
JSON (issue 4)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.gdelt import COLUMNS, EXTRA_COLUMNS
from eventwire.store.schema import EVENT_COLUMNS

pytestmark = pytest.mark.issue(4)


def exported(store: Store, fmt: str) -> tuple[int, str]:
    buffer = io.BytesIO()
    n = store.export(fmt, buffer)  # type: ignore[arg-type]
    return n, buffer.getvalue().decode("utf-8")


def test_csv_has_every_event_column(store: Store) -> None:
    n, text = exported(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == len(rows) == 5
    assert tuple(rows[0]) == EVENT_COLUMNS
    first = rows[1]  # date order: a2-1-0 (2023) comes first
    assert first["id"] == "a1-0-0" and first["event_date"] == "2024-04-28"
    assert rows[4]["source_sectors"] == "GOV;ELI" and rows[4]["target_code"] == "DEU"


def test_jsonl_has_every_event_column(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert store.export("jsonl", out) == 5
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(tuple(r) == EVENT_COLUMNS for r in rows)
    assert rows[0]["id"] == "a2-1-0" and rows[0]["event_date"] == "2023-01-01"
    assert rows[4]["source_sectors"] == ["GOV", "ELI"] and rows[4]["place_lat"] == 51.5074


def test_parquet_reads_back_with_duckdb(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert store.export("parquet", out) == 5
    con = duckdb.connect()
    cols = [d[0] for d in con.execute("SELECT * FROM read_parquet(?)", [str(out)]).description]
    rows = con.execute(
        "SELECT id, source_sectors, place_lat FROM read_parquet(?) ORDER BY id", [str(out)]
    ).fetchall()
    con.close()
    assert tuple(cols) == EVENT_COLUMNS
    assert rows[0] == ("a1-0-0", ["GOV"], 49.9935)


def test_parquet_needs_a_path(store: Store) -> None:
    with pytest.raises(StoreError, match="file path"):
        store.export("parquet", io.BytesIO())


def test_gdelt_has_61_columns_in_order_then_ours(store: Store) -> None:
    assert len(COLUMNS) == 61 and COLUMNS[0] == "GlobalEventID" and COLUMNS[-1] == "SOURCEURL"
    assert COLUMNS[26] == "EventCode" and COLUMNS[35] == "Actor1Geo_Type"
    n, text = exported(store, "gdelt")
    lines = text.splitlines()
    assert n == len(lines) == 5
    rows = [dict(zip(COLUMNS + EXTRA_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    attack = rows[1]
    assert attack["GlobalEventID"] == "a1-0-0"
    assert (attack["Day"], attack["MonthYear"], attack["Year"]) == ("20240428", "202404", "2024")
    assert attack["FractionDate"] == "2024.3251"  # day 119 of 366
    assert (attack["Actor1Code"], attack["Actor1CountryCode"], attack["Actor1Type1Code"]) == (
        "RUSGOV", "RUS", "GOV",
    )  # fmt: skip
    assert (attack["Actor2Code"], attack["Actor2Name"]) == ("UKR", "Ukraine")
    assert (attack["EventCode"], attack["EventBaseCode"], attack["EventRootCode"]) == (
        "190", "190", "19",
    )  # fmt: skip
    assert (attack["QuadClass"], attack["GoldsteinScale"], attack["IsRootEvent"]) == (
        "4", "-9.5", "1",
    )  # fmt: skip
    assert (attack["NumMentions"], attack["NumSources"], attack["NumArticles"]) == ("1",) * 3
    assert attack["ActionGeo_Type"] == "4" and attack["ActionGeo_FullName"] == "Kharkiv"
    assert (attack["ActionGeo_Lat"], attack["ActionGeo_Long"]) == ("49.9935", "36.2304")
    assert attack["ActionGeo_FeatureID"] == "706483" and attack["AvgTone"] == ""
    assert len(attack["DATEADDED"]) == 14
    assert attack["SOURCEURL"] == "https://www.example.com/a1"
    assert (attack["status"], attack["trigger_text"], attack["article_id"]) == (
        "asserted", "did", "a1",
    )  # fmt: skip
    assert rows[3]["SOURCEURL"] == "a2.txt"  # no URL: the source name
    assert rows[3]["Actor2Code"] == "" and rows[3]["ActionGeo_Type"] == ""


def test_polecat_records_have_the_plover_fields(store: Store) -> None:
    n, text = exported(store, "polecat")
    records = [json.loads(line) for line in text.splitlines()]
    assert n == len(records) == 4  # the plain statement (010) has no PLOVER type
    attack = next(r for r in records if r["id"] == "a1-0-0")
    assert attack["date"] == "2024-04-28" and attack["event_type"] == "ASSAULT"
    assert attack["context"] == [] and attack["mode"] is None
    assert (attack["actor"], attack["actor_country"], attack["actor_sector"]) == (
        "Russian government", "RUS", "GOV",
    )  # fmt: skip
    assert (attack["recipient"], attack["recipient_country"]) == ("Ukraine", "UKR")
    assert attack["recipient_sector"] is None
    assert attack["location"] == {
        "name": "Kharkiv", "country": "UKR", "admin1": "UA.07", "lat": 49.9935,
        "lon": 36.2304, "geonameid": 706483,
    }  # fmt: skip
    assert attack["source_text"] == "Sentence 0 of a1."
    assert attack["evidence"]["event"] == {"text": "did", "start": 0, "end": 3}
    assert attack["evidence"]["actor"]["text"] == "Russian government"
    assert attack["status"] == "asserted" and attack["url"] == "https://www.example.com/a1"


def test_text_formats_go_to_standard_output_by_default(
    store: Store, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert store.export("jsonl", None) == 5
    assert len(capfdbinary.readouterr().out.splitlines()) == 5


def test_an_unknown_format_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        store.export("xml", io.BytesIO())  # type: ignore[arg-type]
