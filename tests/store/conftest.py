"""Store fixtures: article results built by hand (no spaCy model), and stores holding them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.records import (
    Actor,
    Amount,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Place,
    Plover,
    Problem,
    Quotation,
    Status,
    TextSpan,
)
from eventwire.store import Store

KHARKIV = Place("Kharkiv", 40, 47, "Kharkiv", "UKR", "UA.07", 49.9935, 36.2304, 706483, "city")
LONDON = Place("London", 50, 56, "London", "GBR", "GB.ENG", 51.5074, -0.1278, 2643743, "city")
PARIS = Place("Paris", 60, 65, "Paris", "FRA", "FR.11", 48.8566, 2.3522, 2988507, "city")


def actor(
    name: str, country: str, code: str, sectors: tuple[str, ...] = (), start: int = 0
) -> Actor:
    kind = "person" if " " in name else "country"
    return Actor(name, start, start + len(name), name, kind, country, sectors, code, None, 0)


RUSSIA = actor("Russian government", "RUS", "RUSGOV", ("GOV",))
UKRAINE = actor("Ukraine", "UKR", "UKR")
MACRON = actor("Emmanuel Macron", "FRA", "FRAGOV", ("GOV", "ELI"))
GERMANY = actor("Germany", "DEU", "DEU")
USA = actor("United States", "USA", "USA")
CHINA = actor("China", "CHN", "CHN")


def event(
    article_id: str,
    n: int,
    pair: tuple[Actor | None, Actor | None],
    cameo: str,
    plover: str | None,
    status: Status = "asserted",
    date: EventDate | None = None,
    place: Place | None = None,
    amounts: tuple[Amount, ...] = (),
) -> Event:
    sentence = f"Sentence {n} of {article_id}."
    return Event(
        id=f"{article_id}-{n}-0",
        sentence=n,
        text=sentence,
        trigger=TextSpan("did", 10 * n, 10 * n + 3),
        source=pair[0],
        target=pair[1],
        cameo=cameo,
        cameo_root=cameo[:2],
        cameo_name=f"CAMEO {cameo}",
        quad_class=4 if cameo >= "14" else 1,
        goldstein=-9.5 if cameo.startswith("19") else 1.0,
        plover=Plover(plover, None) if plover else None,
        status=status,
        date=date,
        place=place,
        amounts=amounts,
        confidence=0.9,
    )


def day(value: str, precision: str = "day") -> EventDate:
    return EventDate(value, precision, value, "text")  # type: ignore[arg-type]


def info(article_id: str, published: dt.date | None, url: str | None = None) -> ArticleInfo:
    return ArticleInfo(article_id, f"{article_id}.txt", f"Title {article_id}", published, url=url)


def sample_results() -> list[ArticleResult]:
    """Two articles, five events:

    a1-0 RUSGOV -> UKR 190 ASSAULT asserted 2024-04-28 Kharkiv (an amount of 4 people killed)
    a1-1 UKR -> RUSGOV 111 ACCUSE reported 2024-05 (month)
    a2-0 Macron (FRAGOV) -> DEU 036 CONSULT planned, no date (published 2024-06-10), London
    a2-1 USA -> CHN 163 SANCTION negated 2023 (year), Paris
    a2-2 DEU -> (none) 010 (no PLOVER type) asserted 2024-06-09
    """
    killed = Amount("four people", 30, 41, 4.0, "people", "killed")
    a1 = ArticleResult(
        article=info("a1", dt.date(2024, 5, 1), "https://www.example.com/a1"),
        events=(
            event(
                "a1",
                0,
                (RUSSIA, UKRAINE),
                "190",
                "ASSAULT",
                "asserted",
                day("2024-04-28"),
                KHARKIV,
                (killed,),
            ),
            event("a1", 1, (UKRAINE, RUSSIA), "111", "ACCUSE", "reported", day("2024-05", "month")),
        ),
        actors=(RUSSIA, UKRAINE),
        places=(KHARKIV,),
        quotations=(Quotation('"We will respond"', 70, 87, UKRAINE),),
        amounts=(killed, Amount("5 km", 90, 94, 5.0, "km", "distance")),
        problems=(Problem("W301", "unresolvable date 'last blursday'", 1),),
    )
    a2 = ArticleResult(
        article=info("a2", dt.date(2024, 6, 10)),
        events=(
            event("a2", 0, (MACRON, GERMANY), "036", "CONSULT", "planned", None, LONDON),
            event("a2", 1, (USA, CHINA), "163", "SANCTION", "negated", day("2023", "year"), PARIS),
            event("a2", 2, (GERMANY, None), "010", None, "asserted", day("2024-06-09")),
        ),
        actors=(MACRON, GERMANY, USA, CHINA),
        places=(LONDON, PARIS),
    )
    return [a1, a2]


@pytest.fixture
def store() -> Iterator[Store]:
    """An in-memory store holding the sample results."""
    with Store.open(":memory:") as s:
        s.write_batch(sample_results())
        yield s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"
