"""The CAMEO table, PLOVER types and crosswalk (issue 2)."""

from __future__ import annotations

import csv

import pytest

from eventwire.coding.ontology import load_ontology

from ..conftest import SHARED

pytestmark = pytest.mark.issue(2)
REFERENCE = SHARED / "reference" / "cameo_codes.tsv"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_quad_class_follows_root() -> None:
    onto = load_ontology()
    for code in onto.cameo.values():
        root = int(code.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert code.quad_class == expected, code
        assert code.code.startswith(code.root)
        assert -10.0 <= code.goldstein <= 10.0


def test_every_code_has_a_crosswalk_row_and_legal_mode() -> None:
    onto = load_ontology()
    assert set(onto.plover) == PLOVER_TYPES
    for code in onto.cameo:
        plover = onto.to_plover(code)
        if plover is not None:
            assert plover.type in PLOVER_TYPES
            assert plover.mode is None or plover.mode in onto.plover[plover.type].modes, code
    assert onto.to_plover("042") is not None and onto.to_plover("042").type == "CONSULT"  # type: ignore[union-attr]
    assert onto.to_plover("0871").mode == "ceasefire"  # type: ignore[union-attr]
    assert onto.to_plover("190").type == "ASSAULT"  # type: ignore[union-attr]


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not present")
def test_cameo_table_agrees_with_reference() -> None:
    onto = load_ontology()
    with REFERENCE.open(encoding="utf-8") as fh:
        ref = {r["code"]: r for r in csv.DictReader(fh, delimiter="\t")}
    assert set(onto.cameo) == set(ref)
    for code, row in ref.items():
        ours = onto.cameo[code]
        assert ours.root == row["root"], code
        assert ours.quad_class == int(row["quad_class"]), code
        assert ours.goldstein == pytest.approx(float(row["goldstein"])), code
