"""The scorer's matching rules: event levels, one-to-one best-first matching, dates and places.

Levels (a predicted event ``p`` against a gold event ``g``; none looks at sentence numbers):

* ``detection``: the type agrees (``p``'s CAMEO root is one of ``g``'s roots, or ``p``'s PLOVER
  type one of ``g``'s types) and at least one side agrees: a gold source or target that is not
  null matches ``p``'s actor in the same role (either role when ``g`` is symmetric); a gold
  event whose source and target are both null agrees on the type alone;
* ``dyad``: source and target both match (either order when ``g`` is symmetric), any type;
* ``dyad+type``: dyad and the detection type rule; ``dyad+cameo``: dyad and the CAMEO root;
  ``dyad+plover``: dyad and the PLOVER type.

Actors match by :func:`eventwire.evaluation.gold.actor_matches`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import Event, EventDate, Place
from .gold import actor_matches
from .schema import GoldEvent, GoldPlace

Predicate = Callable[[GoldEvent, Event], bool]


def root_ok(g: GoldEvent, p: Event) -> bool:
    return p.cameo_root in g.roots


def plover_ok(g: GoldEvent, p: Event) -> bool:
    return p.plover is not None and p.plover.type in g.plover


def type_ok(g: GoldEvent, p: Event) -> bool:
    return root_ok(g, p) or plover_ok(g, p)


def status_ok(g: GoldEvent, p: Event) -> bool:
    return p.status in g.statuses


def dyad_ok(g: GoldEvent, p: Event) -> bool:
    if actor_matches(g.source, p.source) and actor_matches(g.target, p.target):
        return True
    return g.symmetric and actor_matches(g.source, p.target) and actor_matches(g.target, p.source)


def one_side_ok(g: GoldEvent, p: Event) -> bool:
    sides = [(g.source, p.source), (g.target, p.target)]
    if g.symmetric:
        sides += [(g.source, p.target), (g.target, p.source)]
    given = [(gold, pred) for gold, pred in sides if gold is not None]
    return not given or any(actor_matches(gold, pred) for gold, pred in given)


def detection_ok(g: GoldEvent, p: Event) -> bool:
    return type_ok(g, p) and one_side_ok(g, p)


def plover_detection_ok(g: GoldEvent, p: Event) -> bool:
    """The detection rule with the PLOVER type required (per-type scores)."""
    return plover_ok(g, p) and one_side_ok(g, p)


LEVELS: tuple[tuple[str, Predicate], ...] = (
    ("detection", detection_ok),
    ("dyad", dyad_ok),
    ("dyad+type", lambda g, p: dyad_ok(g, p) and type_ok(g, p)),
    ("dyad+cameo", lambda g, p: dyad_ok(g, p) and root_ok(g, p)),
    ("dyad+plover", lambda g, p: dyad_ok(g, p) and plover_ok(g, p)),
)


def normalise(text: str) -> str:
    """Lower case, one space between words, straight quotes: for substring tests."""
    table = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})
    return " ".join(text.translate(table).lower().split())


def evidence_in(g: GoldEvent, p: Event) -> bool:
    """The gold evidence (parts around "..." each) occurs in the predicted event's sentence."""
    if not g.evidence:
        return False
    sentence = normalise(p.text)
    parts = [normalise(x) for x in g.evidence.replace("…", "...").split("...")]
    return all(x in sentence for x in parts if x)


def _rank(g: GoldEvent, p: Event) -> tuple[bool, ...]:
    return (evidence_in(g, p), dyad_ok(g, p), root_ok(g, p), plover_ok(g, p), status_ok(g, p))


@dataclass(frozen=True)
class Matching:
    """One-to-one pairs of required gold events and predictions, and what is left over."""

    pairs: tuple[tuple[int, int], ...]  # (gold index, prediction index)
    missed: tuple[int, ...]  # required gold events no prediction matched
    spurious: tuple[int, ...]  # false positives (including duplicates)
    ignored: tuple[int, ...]  # predictions that match only optional gold events
    duplicates: Mapping[int, str] = field(default_factory=dict)  # prediction -> gold id taken

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.pairs), len(self.spurious), len(self.missed)


def match_events(golds: Sequence[GoldEvent], preds: Sequence[Event], ok: Predicate) -> Matching:
    """Greedy best-first one-to-one matching of required gold events. Candidate pairs are taken
    in order of: gold evidence in the predicted sentence, dyad, CAMEO root, PLOVER type, status
    (then gold order, prediction order). A prediction left over is ignored when it matches an
    optional gold event, a duplicate when it matches a taken required one, else spurious."""
    candidates = [
        (tuple(not x for x in _rank(g, p)), gi, pi)
        for gi, g in enumerate(golds)
        if g.required
        for pi, p in enumerate(preds)
        if ok(g, p)
    ]
    pairs: list[tuple[int, int]] = []
    gold_used: set[int] = set()
    pred_used: set[int] = set()
    for _, gi, pi in sorted(candidates):
        if gi not in gold_used and pi not in pred_used:
            pairs.append((gi, pi))
            gold_used.add(gi)
            pred_used.add(pi)
    ignored, spurious, duplicates = [], [], {}
    for pi, p in enumerate(preds):
        if pi in pred_used:
            continue
        if any(not g.required and ok(g, p) for g in golds):
            ignored.append(pi)
            continue
        spurious.append(pi)
        taken = next((golds[gi].id for gi in sorted(gold_used) if ok(golds[gi], p)), None)
        if taken is not None:
            duplicates[pi] = taken
    missed = [gi for gi, g in enumerate(golds) if g.required and gi not in gold_used]
    return Matching(
        tuple(sorted(pairs)), tuple(missed), tuple(spurious), tuple(ignored), duplicates
    )


# -- attributes of matched events ------------------------------------------------------


def date_matches(gold: str, pred: EventDate | None) -> bool:
    """The predicted date agrees at the gold's precision: gold ``2017-10`` accepts ``2017-10``,
    ``2017-10-xx`` and ``2017-10-16``; gold ``2017-10-16`` does not accept ``2017-10``."""
    if pred is None or not pred.value:
        return False
    want = gold.split("-")
    got = pred.value.split("-")[: len(want)]
    return got == want


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def within(gold: GoldPlace, pred: Place, within_km: float) -> bool:
    if gold.lat is None or gold.lon is None or pred.lat is None or pred.lon is None:
        return False
    return km(gold.lat, gold.lon, pred.lat, pred.lon) <= within_km


def place_km_ok(gold: GoldPlace, pred: Place | None, within_km: float) -> bool:
    """Within ``within_km`` of the gold point when the gold gives one, else the same country."""
    if pred is None:
        return False
    if gold.has_point:
        return within(gold, pred, within_km)
    return gold.country is not None and pred.country == gold.country


def place_country_ok(gold: GoldPlace, pred: Place | None) -> bool:
    return pred is not None and gold.country is not None and pred.country == gold.country
