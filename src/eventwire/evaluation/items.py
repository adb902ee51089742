"""Article-level items: quotation speakers, amounts and places (true/false positive counts).

An article's ``quotations``, ``amounts`` or ``places`` list is taken as complete: a predicted
item that matches no gold item is a false positive. An article without the key is not scored
on that item. Matching is one-to-one and best first, like events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..records import Actor, Amount, ArticleResult, Place, Quotation
from .match import normalise, within
from .schema import GoldAmount, GoldArticle, GoldPlace, GoldQuote

Counts = tuple[int, int, int]  # true positives, false positives, false negatives
G = TypeVar("G")
P = TypeVar("P")


def one_to_one(
    golds: Sequence[G], preds: Sequence[P], rank: Callable[[G, P], int]
) -> list[tuple[int, int]]:
    """Greedy pairs of golds and predictions with ``rank > 0``, highest rank first."""
    candidates = sorted(
        (-score, gi, pi)
        for gi, g in enumerate(golds)
        for pi, p in enumerate(preds)
        if (score := rank(g, p)) > 0
    )
    pairs, gold_used, pred_used = [], set(), set()
    for _, gi, pi in candidates:
        if gi not in gold_used and pi not in pred_used:
            pairs.append((gi, pi))
            gold_used.add(gi)
            pred_used.add(pi)
    return pairs


def _counts(correct: int, n_gold: int, n_pred: int) -> Counts:
    return correct, n_pred - correct, n_gold - correct


# -- quotations ------------------------------------------------------------------------


def speaker_ok(gold: GoldQuote, speaker: Actor | None) -> bool:
    """The predicted speaker's name (or text) is the gold speaker or an alternative, or has
    the same last word (surname); case-insensitive."""
    if speaker is None:
        return False
    said = normalise(speaker.name or speaker.text)
    names = [normalise(n) for n in (gold.speaker, *gold.alternatives)]
    return any(n == said or (n and said and n.split()[-1] == said.split()[-1]) for n in names)


def quotation_counts(gold: GoldArticle, result: ArticleResult) -> Counts | None:
    """A gold quotation is found by a predicted quotation containing its ``contains`` text
    whose speaker matches; wrong speakers count as a false positive and a false negative."""
    if gold.quotations is None:
        return None

    def rank(g: GoldQuote, q: Quotation) -> int:
        if normalise(g.contains) not in normalise(q.text):
            return 0
        return 2 if speaker_ok(g, q.speaker) else 1

    pairs = one_to_one(gold.quotations, result.quotations, rank)
    correct = sum(rank(gold.quotations[gi], result.quotations[pi]) == 2 for gi, pi in pairs)
    return _counts(correct, len(gold.quotations), len(result.quotations))


# -- amounts ---------------------------------------------------------------------------


def _occurrences(text: str, piece: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(piece)
    while start >= 0:
        spans.append((start, start + len(piece)))
        start = text.find(piece, start + 1)
    return spans


def amount_ok(gold: GoldAmount, pred: Amount, article: str) -> bool:
    """Same value and unit, and the texts overlap: the predicted span overlaps an occurrence of
    the gold text in the article, or one text contains the other (case-insensitive)."""
    if abs(gold.value - pred.value) > 1e-9 * max(1.0, abs(gold.value)) or gold.unit != pred.unit:
        return False
    spans = _occurrences(article, gold.text) or _occurrences(article.lower(), gold.text.lower())
    if any(s < pred.end and pred.start < e for s, e in spans):
        return True
    g, p = normalise(gold.text), normalise(pred.text)
    return g in p or p in g


def amount_counts(gold: GoldArticle, result: ArticleResult) -> Counts | None:
    if gold.amounts is None:
        return None

    def rank(g: GoldAmount, p: Amount) -> int:
        if not amount_ok(g, p, gold.text):
            return 0
        return 2 if normalise(g.text) == normalise(p.text) else 1

    pairs = one_to_one(gold.amounts, result.amounts, rank)
    return _counts(len(pairs), len(gold.amounts), len(result.amounts))


# -- places ----------------------------------------------------------------------------


def _place_groups(result: ArticleResult) -> list[list[Place]]:
    """Predicted places (and the dateline place), one group per distinct name."""
    groups: dict[str, list[Place]] = {}
    places = [*result.places]
    if result.article.dateline_place is not None:
        places.append(result.article.dateline_place)
    for p in places:
        groups.setdefault(normalise(p.name), []).append(p)
    return list(groups.values())


def place_ok(gold: GoldPlace, group: list[Place], within_km: float) -> bool:
    """Some predicted place of the group has the gold's country and, when the gold gives
    coordinates, lies within ``within_km`` of them."""
    for p in group:
        if gold.country is not None and p.country != gold.country:
            continue
        if not gold.has_point or within(gold, p, within_km):
            return True
    return False


def place_counts(gold: GoldArticle, result: ArticleResult, within_km: float) -> Counts | None:
    """A gold place is found among the predicted places by text or name (case-insensitive),
    with the right country, within ``within_km`` when coordinates are given."""
    if gold.places is None:
        return None
    groups = _place_groups(result)

    def rank(g: GoldPlace, group: list[Place]) -> int:
        name = normalise(g.name or "")
        if not any(name in (normalise(p.name), normalise(p.text)) for p in group):
            return 0
        return 2 if place_ok(g, group, within_km) else 1

    pairs = one_to_one(gold.places, groups, rank)
    correct = sum(rank(gold.places[gi], groups[pi]) == 2 for gi, pi in pairs)
    return _counts(correct, len(gold.places), len(groups))
