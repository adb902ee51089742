"""Write docs/crosswalk.md from the bundled CAMEO table and CAMEO-to-PLOVER crosswalk.

python tools/crosswalk_doc.py > docs/crosswalk.md
"""

from __future__ import annotations

from eventwire.coding.ontology import load_ontology


def render() -> str:
    onto = load_ontology()
    lines = [
        "# CAMEO to PLOVER crosswalk",
        "",
        "eventwire codes every event in CAMEO 1.1b3 and maps it to a PLOVER 2.0 type and mode",
        "through one table, `src/eventwire/data/ontology/cameo_plover.tsv`: a CAMEO code maps",
        "through the longest row that is a prefix of it (`0871` uses `0871` if present, else",
        "`087`, else `08`). A row with no type means the code has no PLOVER event (plain",
        "statements such as 010 *make statement*). This page is generated from the data by",
        "`tools/crosswalk_doc.py`; a test fails when it is out of date.",
        "",
        "| CAMEO | name | quad class | Goldstein | PLOVER type | mode |",
        "|---|---|---|---|---|---|",
    ]
    for code, info in sorted(onto.cameo.items()):
        plover = onto.to_plover(code)
        ptype = plover.type if plover else "—"
        mode = (plover.mode or "") if plover else ""
        cells = [code, info.name, str(info.quad_class), f"{info.goldstein:+.1f}", ptype, mode]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
