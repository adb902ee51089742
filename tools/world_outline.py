"""Convert Natural Earth country outlines (TopoJSON) into the web map's SVG path file.

The source is ``countries-110m.json`` from the npm package ``world-atlas`` (2.0.2, ISC licence,
by Mike Bostock), which packages Natural Earth 1:110m Admin 0 countries (public domain):

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python tools/world_outline.py /tmp/package/countries-110m.json \
        > src/eventwire/web/static/world-110m.json

The output is ``{"source", "licence", "width", "height", "countries": [{"id", "name", "d"}]}``
where ``d`` is SVG path data in an equirectangular projection: x = lon + 180, y = 90 - lat,
so the map is 360 by 180 units and a point is placed the same way in the browser. Rings that
cross the antimeridian are drawn twice, once past each edge, and the map clips them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = tuple[float, float]

SOURCE = "Natural Earth 1:110m Admin 0 countries via the npm package world-atlas 2.0.2"
LICENCE = "Natural Earth data: public domain; world-atlas packaging: ISC, Mike Bostock"


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Each arc as absolute (lon, lat) points (arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ~i is arc i reversed; shared ends are dropped."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[Point]) -> list[Point]:
    """The ring with longitudes made continuous (a ring across the antimeridian goes past 180)
    and, for a ring that circles the pole (Antarctica), closed along the map's bottom edge."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    if abs(out[-1][0] - out[0][0]) > 180:
        out += [(out[-1][0], -90.0), (out[0][0], -90.0)]
    return out


def copies(points: list[Point]) -> list[list[Point]]:
    """The ring, plus a copy shifted by 360 degrees when it runs past either edge of the map."""
    lons = [lon for lon, _ in points]
    shifted = [[(lon - 360, lat) for lon, lat in points]] if max(lons) > 180 else []
    if min(lons) < -180:
        shifted.append([(lon + 360, lat) for lon, lat in points])
    return [points, *shifted]


def path_data(rings: list[list[Point]]) -> str:
    """SVG path data for the rings, projected and rounded to 0.1 degree, repeats removed."""
    parts = []
    for raw in rings:
        for points in copies(unwrap(raw)):
            projected: list[str] = []
            for lon, lat in points:
                xy = f"{number(lon + 180)} {number(90 - lat)}"
                if not projected or projected[-1] != xy:
                    projected.append(xy)
            if len(projected) > 1 and projected[-1] == projected[0]:
                projected.pop()  # "Z" closes the ring
            if len(projected) >= 3:
                parts.append("M" + "L".join(projected) + "Z")
    return "".join(parts)


def number(value: float) -> str:
    """A coordinate rounded to 0.1 without a trailing '.0' ("12", "12.5", "-0.3")."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        name = geometry.get("properties", {}).get("name", "")
        countries.append({"id": geometry.get("id", ""), "name": name, "d": path_data(rings)})
    return {
        "source": SOURCE,
        "licence": LICENCE,
        "width": 360,
        "height": 180,
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    json.dump(convert(topology), sys.stdout, separators=(",", ":"), ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
