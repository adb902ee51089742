"""The web interface's static files, without a browser (issue 6)."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire.web import STATIC, mount_web

from ..conftest import ROOT

pytestmark = pytest.mark.issue(6)

HTML_FROM_STRINGS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(")
ELSEWHERE = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""")


@pytest.mark.parametrize("path", sorted(STATIC.rglob("*.js")), ids=lambda p: p.name)
def test_scripts_never_build_html_from_strings(path) -> None:  # type: ignore[no-untyped-def]
    assert not HTML_FROM_STRINGS.search(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["index.html", "style.css"])
def test_nothing_is_loaded_from_elsewhere(name: str) -> None:
    assert not ELSEWHERE.search((STATIC / name).read_text(encoding="utf-8"))


def test_world_outline_is_bundled() -> None:
    world = json.loads((STATIC / "world-110m.json").read_text(encoding="utf-8"))
    assert (world["width"], world["height"]) == (360, 180)
    assert "Natural Earth" in world["source"]
    names = {c["name"] for c in world["countries"]}
    assert {"Kenya", "Russia", "Fiji", "Antarctica"} <= names
    assert all(c["d"].startswith("M") for c in world["countries"])


def test_mount_web_serves_the_page_and_its_files() -> None:
    app = FastAPI()
    mount_web(app)
    client = TestClient(app)
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(src).status_code == 200, src
    script = client.get("/static/js/app.js")
    assert "javascript" in script.headers["content-type"]


def load_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "world_outline", ROOT / "tools" / "world_outline.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_outline_tool_draws_rings_across_the_antimeridian_on_both_edges() -> None:
    tool = load_tool()
    topology = {  # a square island from 179E to 179W: its arc jumps from 180 to -180
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[179, 10], [0, 2], [-358, 0], [0, -2], [358, 0]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "1", "properties": {"name": "X"}}
                ]
            }
        },
    }
    (country,) = tool.convert(topology)["countries"]
    assert country["d"] == "M359 80L359 78L361 78L361 80Z" + "M-1 80L-1 78L1 78L1 80Z"
