"""The GDELT 2.0 event table layout (61 tab-separated columns) and our extra columns.

The mapping of each column is documented in ``docs/export-formats.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

ACTOR_FIELDS: Final = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GEO_FIELDS: Final = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
COLUMNS: Final[tuple[str, ...]] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
EXTRA_COLUMNS: Final = ("status", "trigger_text", "trigger_start", "trigger_end", "article_id")

# GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
_STATE_KINDS: Final = frozenset({"state", "admin1", "province"})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _dates(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    days_in_year = 366 if calendar.isleap(day.year) else 365
    fraction = day.year + day.timetuple().tm_yday / days_in_year
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor(row: Mapping[str, Any], side: str) -> list[str]:
    sectors = list(row[f"{side}_sectors"] or [])[:3]
    sectors += [""] * (3 - len(sectors))
    return [
        _text(row[f"{side}_code"]),
        _text(row[f"{side}_name"] or row[f"{side}_text"]),
        _text(row[f"{side}_country"]),
        "",
        "",
        "",
        "",
        *sectors,
    ]


def geo_type(kind: str | None, country: str | None) -> str:
    if kind == "country":
        return "1"
    if kind in _STATE_KINDS:
        return "2" if country == "USA" else "5"
    if kind == "city":
        return "3" if country == "USA" else "4"
    return ""


def _action_geo(row: Mapping[str, Any]) -> list[str]:
    if row["place_name"] is None:
        return [""] * len(GEO_FIELDS)
    return [
        geo_type(row["place_kind"], row["place_country"]),
        _text(row["place_name"]),
        _text(row["place_country"]),
        _text(row["place_admin1"]),
        "",
        _text(row["place_lat"]),
        _text(row["place_lon"]),
        _text(row["place_geonameid"]),
    ]


def gdelt_fields(row: Mapping[str, Any]) -> list[str]:
    """One event (a row of ``events`` joined with its article) as GDELT fields + extras."""
    cameo = str(row["cameo"] or "")
    coded_at = row["coded_at"]
    fields = [
        _text(row["id"]),
        *_dates(row["event_date"]),
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if row["sentence"] == 0 else "0",
        cameo,
        cameo[:3],
        _text(row["cameo_root"]),
        _text(row["quad_class"]),
        _text(row["goldstein"]),
        _text(row["n_articles"]),
        _text(row["n_sources"]),
        _text(row["n_articles"]),
        "",
        *([""] * len(GEO_FIELDS) * 2),
        *_action_geo(row),
        coded_at.strftime("%Y%m%d%H%M%S") if coded_at is not None else "",
        _text(row["url"] or row["article_source"]),
    ]
    extras = [_text(row[c]) for c in EXTRA_COLUMNS]
    return fields + extras
