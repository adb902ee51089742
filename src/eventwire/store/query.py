"""Event filters and the parameterised WHERE clause they become."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import QueryError

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0

HAVERSINE_KM = (
    "2 * ? * asin(least(1.0, sqrt("
    "pow(sin(radians(place_lat - ?) / 2), 2)"
    " + cos(radians(?)) * cos(radians(place_lat)) * pow(sin(radians(place_lon - ?) / 2), 2)"
    ")))"
)


@dataclass(frozen=True)
class QueryFilters:
    """Which events to return; every filter given must hold (AND).

    ``source``/``target`` match an actor code prefix ("RUS", "RUSGOV"), the actor's country, or
    a case-insensitive substring of the actor's name. ``dyad`` matches either direction.
    ``since``/``until`` compare ``event_date`` (inclusive). ``country`` is the ISO3 code of the
    source, the target or the event place. ``near`` (lat, lon) needs ``within_km``: the
    great-circle distance to the event place.
    """

    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    plover: str | None = None
    cameo: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    country: str | None = None
    near: tuple[float, float] | None = None
    within_km: float | None = None


def _actor(side: str, value: str) -> tuple[str, list[Any]]:
    clause = (
        f"(starts_with({side}_code, ?) OR {side}_country = ? OR contains(lower({side}_name), ?))"
    )
    return clause, [value.upper(), value.upper(), value.lower()]


def _dyad(a: str, b: str) -> tuple[str, list[Any]]:
    sa, pa = _actor("source", a)
    tb, pb = _actor("target", b)
    sb, qb = _actor("source", b)
    ta, qa = _actor("target", a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", [*pa, *pb, *qb, *qa]


def check_near(filters: QueryFilters) -> tuple[float, float, float] | None:
    if filters.near is None:
        if filters.within_km is not None:
            raise QueryError("a radius (within_km) needs a point (near)")
        return None
    if filters.within_km is None or not filters.within_km > 0:
        raise QueryError("a point (near) needs a positive radius in km (within_km)")
    lat, lon = filters.near
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise QueryError(f"near: ({lat}, {lon}) is not a latitude, longitude pair")
    return lat, lon, float(filters.within_km)


def bounding_box(
    lat: float, lon: float, km: float
) -> tuple[float, float, tuple[float, float] | None]:
    """The latitudes (south, north) of a box holding every point within ``km`` of the point,
    and its longitudes (west, east) unless the box reaches a pole or crosses the date line."""
    dlat = km / KM_PER_DEGREE
    widest = max(abs(lat - dlat), abs(lat + dlat))
    if widest < 89.0:
        dlon = dlat / math.cos(math.radians(widest))
        if lon - dlon >= -180.0 and lon + dlon <= 180.0:
            return lat - dlat, lat + dlat, (lon - dlon, lon + dlon)
    return lat - dlat, lat + dlat, None


def _near(lat: float, lon: float, km: float) -> tuple[str, list[Any]]:
    """Haversine distance, behind a bounding box that is cheap to test first."""
    south, north, lons = bounding_box(lat, lon, km)
    parts = ["place_lat BETWEEN ? AND ?", "place_lon IS NOT NULL"]  # half a point is none
    params: list[Any] = [south, north]
    if lons is not None:
        parts.append("place_lon BETWEEN ? AND ?")
        params += [*lons]
    parts.append(f"{HAVERSINE_KM} <= ?")
    params += [EARTH_RADIUS_KM, lat, lat, lon, km]
    return " AND ".join(parts), params


def where(filters: QueryFilters) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword; ``TRUE`` when empty) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, values: list[Any]) -> None:
        clauses.append(clause)
        params.extend(values)

    if filters.since is not None:
        add("event_date >= ?", [filters.since])
    if filters.until is not None:
        add("event_date <= ?", [filters.until])
    if filters.status is not None:
        add("status = ?", [filters.status.lower()])
    if filters.plover is not None:
        add("plover_type = ?", [filters.plover.upper()])
    if filters.cameo is not None:
        add("starts_with(cameo, ?)", [filters.cameo])
    if filters.country is not None:
        code = filters.country.upper()
        add("(source_country = ? OR target_country = ? OR place_country = ?)", [code] * 3)
    if filters.source is not None:
        add(*_actor("source", filters.source))
    if filters.target is not None:
        add(*_actor("target", filters.target))
    if filters.dyad is not None:
        add(*_dyad(*filters.dyad))
    point = check_near(filters)
    if point is not None:
        add(*_near(*point))
    return (" AND ".join(clauses) or "TRUE"), params
