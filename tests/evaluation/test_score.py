"""The scorer on hand-built gold and predicted records (issue 5); no model."""

from __future__ import annotations

import pytest

from eventwire.evaluation import METRICS, GoldPlace, GoldQuote, Report, evaluate, render_table
from eventwire.evaluation.match import date_matches
from eventwire.evaluation.schema import GoldAmount
from eventwire.records import Amount, EventDate, Quotation

from .build import actor, event, gold_article, gold_event, place, result

pytestmark = pytest.mark.issue(5)

USA, RUS, ARM, AZE = ({"country": c} for c in ("USA", "RUS", "ARM", "AZE"))
KEN, SOM, IRN = ({"country": c} for c in ("KEN", "SOM", "IRN"))
SOCHI = GoldPlace("Sochi", "RUS", 43.6, 39.73)


def _approx(report: Report, metric: str, p: float, r: float, f1: float) -> None:
    s = report.metrics[metric]
    assert (s.precision, s.recall, s.f1) == pytest.approx((p, r, f1), abs=1e-4), (metric, s)


def test_perfect_prediction_scores_one_everywhere() -> None:
    text = 'Putin met Erdogan in Sochi on Monday. "We agree on grain," Putin said of 30 ships.\n'
    gold = gold_article(
        gold_event("E1", {"name": "Vladimir Putin", "country": "RUS"}, {"country": "TUR"},
                   ["04"], ["CONSULT"], symmetric=True, date="2024-03", location=SOCHI),
        gold_event("E2", RUS, None, ["03"], ["AGREE"], status=["asserted", "reported"]),
        text=text,
        quotations=(GoldQuote("Vladimir Putin", (), "We agree on grain"),),
        amounts=(GoldAmount(30, "ships", "30 ships"),),
        places=(SOCHI,),
    )  # fmt: skip
    putin = actor("RUS", "Vladimir Putin")
    sochi = place("Sochi", "RUS", 43.59, 39.72)
    start = text.index("30 ships")
    pred = result(
        gold,
        event(actor("TUR"), putin, "040", date="2024-03-11", place=sochi),
        event(actor("RUS"), None, "030", status="reported", index=1),
        quotations=(Quotation("We agree on grain,", 39, 57, putin),),
        amounts=(Amount("30 ships", start, start + 8, 30.0, "ships"),),
        places=(sochi,),
    )
    report = evaluate([gold], [pred])
    assert list(report.metrics) == list(METRICS)
    for name, score in report.metrics.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), (name, score)
        assert score.fp == score.fn == 0
    assert report.metrics["detection"].tp == 2 and report.metrics["date"].tp == 1
    assert not report.missed and not report.spurious


def test_empty_prediction_has_zero_recall_and_precision_one() -> None:
    gold = gold_article(gold_event("E1", USA, RUS, ["04"], ["CONSULT"]))
    report = evaluate([gold], [])
    s = report.metrics["detection"]
    # Nothing predicted: nothing wrongly claimed, so precision is 1.0 (documented), recall 0.
    assert (s.tp, s.fp, s.fn) == (0, 0, 1)
    assert (s.precision, s.recall, s.f1) == (1.0, 0.0, 0.0)
    assert report.without_prediction == ("hand",)
    assert [m.gold_id for m in report.missed] == ["E1"]


def _mixed() -> Report:
    gold = gold_article(
        gold_event("G1", USA, RUS, ["04"], ["CONSULT"], status=["planned"], evidence="will visit"),
        gold_event("G2", ARM, AZE, ["03"], ["AGREE"], symmetric=True),
        gold_event("G3", KEN, SOM, ["02", "10"], ["REQUEST"]),
        gold_event("G4", IRN, None, ["07"], ["AID"], required=False),
    )
    pred = result(
        gold,
        event(actor("USA"), actor("RUS"), "042", text="The minister will visit Moscow.", index=1),
        event(actor("AZE"), actor("ARM"), "057", index=2),  # symmetric; root 05, type AGREE
        event(actor("KEN"), actor("ETH"), "020", index=3),  # right source, wrong target
        event(actor("IRN"), None, "070", index=4),  # matches only the optional G4
        event(actor("USA"), actor("RUS"), "042", text="Another sentence.", index=5),  # dup
        event(actor("CHN"), actor("JPN"), "190", index=6),  # nothing like it in the gold
    )
    return evaluate([gold], [pred])


def test_mixed_case_hand_computed() -> None:
    report = _mixed()
    # detection: P1-G1, P2-G2 (PLOVER AGREE, sides swapped), P3-G3 (root 02, source KEN);
    #   P4 ignored (optional G4); P5 duplicate of G1 and P6 false positives.
    #   tp 3, fp 2, fn 0: P = 3/5 = 0.6, R = 3/3 = 1, F1 = 2*0.6*1/1.6 = 0.75
    _approx(report, "detection", 0.6, 1.0, 0.75)
    # dyad: P1-G1, P2-G2; P3 (KEN->ETH), P5, P6 false positives; G3 missed; P4 ignored.
    #   tp 2, fp 3, fn 1: P = 2/5 = 0.4, R = 2/3, F1 = 2*0.4*(2/3)/(0.4+2/3) = 0.5
    _approx(report, "dyad", 0.4, 2 / 3, 0.5)
    _approx(report, "dyad+type", 0.4, 2 / 3, 0.5)
    _approx(report, "dyad+plover", 0.4, 2 / 3, 0.5)
    # dyad+cameo: P2's root 05 is not G2's 03: tp 1 (P1), fp 4 (P2 P3 P5 P6), fn 2 (G2 G3)
    #   P = 1/5 = 0.2, R = 1/3, F1 = 2*0.2*(1/3)/(0.2+1/3) = 0.25
    _approx(report, "dyad+cameo", 0.2, 1 / 3, 0.25)
    # status on the dyad+type pairs: P1 asserted vs G1 planned (fp + fn), P2 right (tp);
    #   G3 has no pair (fn): tp 1, fp 1, fn 2: P = 0.5, R = 1/3, F1 = 2*0.5*(1/3)/(5/6) = 0.4
    _approx(report, "status", 0.5, 1 / 3, 0.4)
    assert report.metrics["date"].empty and report.metrics["places"].empty


def test_mixed_case_types_confusion_and_error_lists() -> None:
    report = _mixed()
    by_type = {k: (s.tp, s.fp, s.fn) for k, s in report.by_type.items()}
    assert by_type == {
        "AGREE": (1, 0, 0), "ASSAULT": (0, 1, 0), "CONSULT": (1, 1, 0), "REQUEST": (1, 0, 0)
    }  # fmt: skip
    assert dict(report.confusion) == {("AGREE", "AGREE"): 1, ("CONSULT", "CONSULT"): 1}
    assert report.missed == ()
    spurious = {s.event_id: s.duplicate_of for s in report.spurious}
    assert spurious == {"P5": "G1", "P6": None}
    table = render_table(report)
    assert "duplicate of G1" in table and "detection" in table and "CONSULT" in table
    assert report.to_dict()["metrics"]["detection"] == {
        "precision": 0.6, "recall": 1.0, "f1": 0.75, "tp": 3, "fp": 2, "fn": 0
    }  # fmt: skip


@pytest.mark.parametrize("symmetric", [True, False])
def test_symmetric_gold_matches_either_direction(symmetric: bool) -> None:
    gold = gold_article(gold_event("E1", ARM, AZE, ["04"], ["CONSULT"], symmetric=symmetric))
    report = evaluate([gold], [result(gold, event(actor("AZE"), actor("ARM"), "040"))])
    want = (1, 0, 0) if symmetric else (0, 1, 1)
    for metric in ("detection", "dyad", "dyad+cameo"):
        s = report.metrics[metric]
        assert (s.tp, s.fp, s.fn) == want, metric


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("2017-10", "2017-10-16", True),
        ("2017-10", "2017-10", True),
        ("2017-10", "2017-10-xx", True),
        ("2017", "2017-05-01", True),
        ("2017-10", "2017-09-30", False),
        ("2017-10-16", "2017-10", False),
        ("2017-10-16", "2017-10-17", False),
        ("2017-10", None, False),
    ],
)
def test_date_matches_at_the_gold_precision(gold: str, pred: str | None, ok: bool) -> None:
    assert date_matches(gold, EventDate(pred, "day", None, "text")) is ok


def test_month_gold_against_day_prediction() -> None:
    gold = gold_article(
        gold_event("E1", USA, RUS, ["04"], ["CONSULT"], date="2017-10"),
        gold_event("E2", RUS, USA, ["04"], ["CONSULT"], date="2017-10"),
        gold_event("E3", USA, KEN, ["04"], ["CONSULT"], date="2017-04"),
    )
    pred = result(
        gold,
        event(actor("USA"), actor("RUS"), "040", date="2017-10-16"),  # right at month precision
        event(actor("RUS"), actor("USA"), "040", date="2017-09-30", index=1),  # wrong month
        event(actor("USA"), actor("KEN"), "040", index=2),  # no date: a miss, not a claim
    )
    s = evaluate([gold], [pred]).metrics["date"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)


def test_place_within_km_and_by_country() -> None:
    syria = GoldPlace(None, "SYR")
    gold = gold_article(
        gold_event("E1", USA, RUS, ["04"], ["CONSULT"], location=SOCHI),
        gold_event("E2", RUS, USA, ["04"], ["CONSULT"], location=SOCHI),
        gold_event("E3", IRN, SOM, ["07"], ["AID"], location=syria),
    )
    pred = result(
        gold,
        event(actor("USA"), actor("RUS"), "040", place=place("Sochi", "RUS", 43.59, 39.72)),
        event(actor("RUS"), actor("USA"), "040", place=place("Moscow", "RUS", 55.75, 37.62)),
        event(actor("IRN"), actor("SOM"), "070", place=place("Damascus", "SYR", 33.5, 36.3)),
    )
    report = evaluate([gold], [pred], within_km=25)
    km, country = report.metrics["place (km)"], report.metrics["place (country)"]
    # Moscow is in the right country but 1,360 km from Sochi; E3 gives only a country.
    assert (km.tp, km.fp, km.fn) == (2, 1, 1)
    assert (country.tp, country.fp, country.fn) == (3, 0, 0)
    wide = evaluate([gold], [pred], within_km=2000).metrics["place (km)"]
    assert (wide.tp, wide.fp, wide.fn) == (3, 0, 0)


def test_optional_gold_events_are_neither_found_nor_missed() -> None:
    gold = gold_article(
        gold_event("E1", USA, RUS, ["04"], ["CONSULT"]),
        gold_event("E2", IRN, None, ["07"], ["AID"], required=False),
        gold_event("E3", KEN, SOM, ["19"], ["ASSAULT"], required=False),
    )
    pred = result(
        gold,
        event(actor("USA"), actor("RUS"), "040"),
        event(actor("IRN"), None, "070", index=1),  # matches optional E2: not a false positive
        event(actor("IRN"), None, "070", index=2),  # E2 again: still not a false positive
    )
    report = evaluate([gold], [pred])
    s = report.metrics["detection"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)  # E3, optional and not found, is not a miss
    assert report.required_events == 1 and report.optional_events == 2


def test_duplicate_of_a_required_event_is_a_false_positive() -> None:
    gold = gold_article(gold_event("E1", USA, RUS, ["04"], ["CONSULT"]))
    pred = result(
        gold, event(actor("USA"), actor("RUS"), "040"), event(actor("USA"), actor("RUS"), "042")
    )
    report = evaluate([gold], [pred])
    for metric in ("detection", "dyad", "dyad+plover"):
        s = report.metrics[metric]
        assert (s.tp, s.fp, s.fn) == (1, 1, 0), metric
    assert report.spurious[0].duplicate_of == "E1"


def test_detection_needs_one_side_and_the_type() -> None:
    gold = gold_article(gold_event("E1", KEN, SOM, ["02"], ["REQUEST"]))
    cases = {
        "right source": (event(actor("KEN"), actor("ETH"), "020"), 1),
        "right target": (event(actor("ETH"), actor("SOM"), "020"), 1),
        "no side": (event(actor("ETH"), actor("UGA"), "020"), 0),
        "other type": (event(actor("KEN"), actor("SOM"), "190"), 0),
    }
    for label, (pred, tp) in cases.items():
        s = evaluate([gold], [result(gold, pred)]).metrics["detection"]
        assert s.tp == tp, label


def test_quotation_speakers_amounts_and_places() -> None:
    text = 'Kiprono said: "They will be found." About 30 gunmen came from Elwak.\n'
    gold = gold_article(
        text=text,
        quotations=(GoldQuote("Daniel Kiprono", (), "They will be found"),),
        amounts=(GoldAmount(30, "people", "about 30 gunmen"),),
        places=(GoldPlace("Elwak", "KEN", 2.8, 40.93), GoldPlace("Somalia", "SOM")),
    )
    q = Quotation("They will be found.", 15, 34, actor("KEN", "Kiprono"))  # same last word
    start = text.index("30 gunmen")
    amounts = (Amount("30 gunmen", start, start + 9, 30.0, "people"),)  # overlaps the gold text
    places = (place("Elwak", "KEN", 2.9, 40.9), place("Mandera", "KEN", 3.9, 41.8))
    pred = result(gold, quotations=(q,), amounts=amounts, places=places)
    report = evaluate([gold], [pred])
    counts = {m: (report.metrics[m].tp, report.metrics[m].fp, report.metrics[m].fn)
              for m in ("quotation speakers", "amounts", "places")}  # fmt: skip
    # places: Elwak found; Somalia missed; Mandera is not in the (complete) gold list.
    assert counts == {"quotation speakers": (1, 0, 0), "amounts": (1, 0, 0), "places": (1, 1, 1)}
    wrong = Quotation("They will be found.", 15, 34, actor("SOM", "Al-Shabaab"))
    s = evaluate([gold], [result(gold, quotations=(wrong,))]).metrics["quotation speakers"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
