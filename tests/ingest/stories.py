"""Tiny invented news stories for the ingest tests (long enough for the language check), and
``collect`` to read inputs into a list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from eventwire.ingest import ReadOptions, read_inputs
from eventwire.records import Article, Skipped


def collect(
    inputs: Sequence[str], stdin: BinaryIO | None = None, **options: Any
) -> list[Article | Skipped]:
    """Every record ``read_inputs`` yields for the inputs, with ``ReadOptions(**options)``."""
    return list(read_inputs(inputs, ReadOptions(**options), stdin=stdin))


def articles(records: Sequence[Article | Skipped]) -> list[Article]:
    return [r for r in records if isinstance(r, Article)]


def skips(records: Sequence[Article | Skipped]) -> list[Skipped]:
    return [r for r in records if isinstance(r, Skipped)]


TREATY = (
    "The foreign ministers of Norland and Sudria signed a treaty on Tuesday that shares the "
    "water of the Amber River between the two countries, ending a dispute that had lasted for "
    "more than a decade. Officials said a joint commission would watch the river in summer."
)
STRIKE = (
    "Dock workers in the port city of Caldera went on strike on Monday after talks with the "
    "shipping companies broke down over pay. The union said that the strike would go on until "
    "the government agreed to meet its leaders and hear their demands in the capital."
)
AID = (
    "The government of Westmark said on Friday that it would send food and medicine to the "
    "flooded villages in the north of the country, where heavy rain has destroyed roads and "
    "bridges. The army was also asked to help with the work of bringing people to safety."
)
TALKS = (
    "Leaders of the two rival parties met in the capital on Wednesday for the first time since "
    "the election, and they said that the talks had been useful. A spokesman for the president "
    "added that a new meeting was planned for the end of the month in the same hall."
)
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen das Nachbarland beschlossen, nachdem "
    "Soldaten in der Nacht die Grenze überschritten und mehrere Dörfer besetzt hatten. Der "
    "Außenminister sagte, man werde nicht zögern, weitere Maßnahmen zu ergreifen, falls die "
    "Truppen nicht sofort abgezogen würden."
)
