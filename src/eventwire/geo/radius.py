"""Reading a radius search as users write it: a place name or "LAT,LON", and "60km" / "40mi"."""

from __future__ import annotations

from ..errors import QueryError
from .gazetteer import load_gazetteer

MAX_KM = 20_100.0  # half the Earth's circumference covers everything


def parse_point(value: str) -> tuple[float, float]:
    """A "LAT,LON" pair or a place name (the most populous match, countries first)."""
    parts = value.split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            pass
        else:
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                raise QueryError(f"({lat}, {lon}) is not a latitude, longitude pair")
            return lat, lon
    located = [c for c in load_gazetteer().candidates(value) if c.lat is not None]
    if not located:
        raise QueryError(f"unknown place {value!r} (give a place name or LAT,LON)")
    best = max(located, key=lambda c: (c.kind == "country", c.population))
    assert best.lat is not None and best.lon is not None
    return best.lat, best.lon


def parse_km(value: str) -> float:
    """ "60km", "60 km", "40mi" or a bare number of kilometres."""
    text = value.strip().lower()
    factor = 1.609344 if text.endswith("mi") else 1.0
    number = text.removesuffix("km").removesuffix("mi").strip()
    try:
        km = float(number) * factor
    except ValueError:
        raise QueryError(f"{value!r} is not a distance such as 60km or 40mi") from None
    if not 0.0 < km <= MAX_KM:
        raise QueryError(f"the radius must be positive and at most {MAX_KM:.0f} km")
    return km
