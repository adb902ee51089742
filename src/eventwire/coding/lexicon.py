"""The event lexicon: verbs, event nouns, light verbs and noun classes (data/lexicon/)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..data import read_tsv
from ..errors import DataError
from .ontology import Ontology


@dataclass(frozen=True, slots=True)
class VerbRule:
    lemma: str
    particle: str | None
    object: str | None  # a lemma or "@class"
    code: str

    @property
    def specificity(self) -> int:
        return (self.particle is not None) + 2 * (self.object is not None)


@dataclass(frozen=True, eq=False)
class Lexicon:
    verbs: dict[str, tuple[VerbRule, ...]]
    nouns: dict[str, str]
    light: frozenset[str]
    classes: dict[str, frozenset[str]]

    def object_fits(self, rule: VerbRule, lemma: str) -> bool:
        if rule.object is None:
            return True
        if rule.object.startswith("@"):
            return lemma in self.classes.get(rule.object, frozenset())
        return lemma == rule.object


def _opt(cell: str) -> str | None:
    return None if cell in ("", "-") else cell.lower()


@cache
def load_lexicon(ontology: Ontology) -> Lexicon:
    classes: dict[str, set[str]] = defaultdict(set)
    for r in read_tsv("lexicon/classes.tsv"):
        classes[r["class"]].add(r["lemma"].lower())
    verbs: dict[str, list[VerbRule]] = defaultdict(list)
    for r in read_tsv("lexicon/verbs.tsv"):
        rule = VerbRule(r["lemma"].lower(), _opt(r["particle"]), _opt(r["object"]), r["code"])
        _check(ontology, rule.code, f"verbs.tsv ({rule.lemma})")
        if rule.object and rule.object.startswith("@") and rule.object not in classes:
            raise DataError(f"unknown noun class {rule.object}", source="lexicon/verbs.tsv")
        verbs[rule.lemma].append(rule)
    nouns = {}
    for r in read_tsv("lexicon/nouns.tsv"):
        _check(ontology, r["code"], f"nouns.tsv ({r['lemma']})")
        nouns[r["lemma"].lower()] = r["code"]
    light = frozenset(r["lemma"].lower() for r in read_tsv("lexicon/light_verbs.tsv"))
    return Lexicon(
        {k: tuple(sorted(v, key=lambda x: -x.specificity)) for k, v in verbs.items()},
        nouns,
        light,
        {k: frozenset(v) for k, v in classes.items()},
    )


def _check(ontology: Ontology, code: str, where: str) -> None:
    if code not in ontology.cameo:
        raise DataError(f"unknown CAMEO code {code!r}", source=f"lexicon/{where}")
