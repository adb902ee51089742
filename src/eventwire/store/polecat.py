"""PLOVER/POLECAT-style JSON records (documented in ``docs/export-formats.md``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _span(text: Any, start: Any, end: Any) -> dict[str, Any] | None:
    if text is None:
        return None
    return {"text": text, "start": start, "end": end}


def _side(row: Mapping[str, Any], side: str, name: str) -> dict[str, Any]:
    sectors = list(row[f"{side}_sectors"] or [])
    return {
        name: row[f"{side}_name"] or row[f"{side}_text"],
        f"{name}_country": row[f"{side}_country"],
        f"{name}_sector": sectors[0] if sectors else None,
        f"{name}_sectors": sectors,
        f"{name}_code": row[f"{side}_code"],
    }


def _location(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if row["place_name"] is None:
        return None
    return {
        "name": row["place_name"],
        "country": row["place_country"],
        "admin1": row["place_admin1"],
        "lat": row["place_lat"],
        "lon": row["place_lon"],
        "geonameid": row["place_geonameid"],
    }


def polecat_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One event with a PLOVER type (a row of ``events`` joined with its article)."""
    day = row["event_date"]
    published = row["published"]
    return {
        "id": row["id"],
        "date": day.isoformat() if day is not None else None,
        "date_precision": row["date_precision"],
        "event_type": row["plover_type"],
        "mode": row["plover_mode"],
        "context": [],
        **_side(row, "source", "actor"),
        **_side(row, "target", "recipient"),
        "location": _location(row),
        "source_text": row["text"],
        "evidence": {
            "event": _span(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
            "actor": _span(row["source_text"], row["source_start"], row["source_end"]),
            "recipient": _span(row["target_text"], row["target_start"], row["target_end"]),
        },
        "status": row["status"],
        "cameo": row["cameo"],
        "num_articles": row["n_articles"],
        "num_sources": row["n_sources"],
        "article_id": row["article_id"],
        "publication_date": published.isoformat() if published is not None else None,
        "url": row["url"],
        "story_source": row["article_source"],
    }
