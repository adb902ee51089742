"""CAMEO codes, PLOVER types and the one CAMEO-to-PLOVER crosswalk, from bundled tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data import read_tsv
from ..errors import DataError
from ..records import Plover


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str


@dataclass(frozen=True, slots=True)
class PloverType:
    type: str
    quad_class: int
    modes: tuple[str, ...]
    description: str


@dataclass(frozen=True, eq=False)
class Ontology:
    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]
    crosswalk: dict[str, Plover | None]

    def code(self, code: str) -> CameoCode:
        try:
            return self.cameo[code]
        except KeyError:
            raise DataError(f"unknown CAMEO code {code!r}") from None

    def to_plover(self, code: str) -> Plover | None:
        """PLOVER type and mode through the longest crosswalk row that prefixes ``code``."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.crosswalk:
                return self.crosswalk[code[:n]]
        return None


@cache
def load_ontology() -> Ontology:
    cameo = {
        r["code"]: CameoCode(
            r["code"], r["root"], int(r["quad_class"]), float(r["goldstein"]), r["name"]
        )
        for r in read_tsv("ontology/cameo.tsv")
    }
    plover = {
        r["type"]: PloverType(
            r["type"],
            int(r["quad_class"]),
            tuple(m.strip() for m in r["modes"].split(",") if m.strip()),
            r["description"],
        )
        for r in read_tsv("ontology/plover.tsv")
    }
    crosswalk: dict[str, Plover | None] = {}
    for r in read_tsv("ontology/cameo_plover.tsv"):
        ptype = r["plover_type"]
        if not ptype:
            crosswalk[r["cameo"]] = None
            continue
        if ptype not in plover:
            raise DataError(f"unknown PLOVER type {ptype!r}", source="cameo_plover.tsv")
        crosswalk[r["cameo"]] = Plover(ptype, r["plover_mode"] or None)
    return Ontology(cameo, plover, crosswalk)
