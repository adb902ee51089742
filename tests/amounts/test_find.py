"""Amounts in invented sentences: every number-with-unit, its value, unit and what it counts
(issue 3).

Each row: a sentence and the amounts in it, in text order, as (text, value, unit, counts).
The sentence must give exactly these amounts, and each amount's offsets must point at its text.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.amounts import find_amounts
from eventwire.records import Amount

pytestmark = [pytest.mark.issue(3), pytest.mark.model]

Expected = tuple[str, float, str, str | None]

CASES = [
    # distances: the unit as written, never converted
    pytest.param("The convoy stopped 60 kilometers from the capital.",
                 [("60 kilometers", 60, "km", "distance")], id="kilometers"),
    pytest.param("Shelling hit a village 60 km north of the river.",
                 [("60 km", 60, "km", "distance")], id="km"),
    pytest.param("The army demanded a 5-kilometer buffer zone along the frontier.",
                 [("5-kilometer", 5, "km", "distance")], id="hyphenated-kilometer"),
    pytest.param("The plant lies 60 km (37 miles) south of the city.",
                 [("60 km", 60, "km", "distance"), ("37 miles", 37, "mi", "distance")],
                 id="miles-in-brackets"),
    pytest.param("Protesters were kept 200 metres from the embassy.",
                 [("200 metres", 200, "m", "distance")], id="metres"),
    pytest.param("The wall is 5km long.", [("5km", 5, "km", "distance")], id="glued-km"),
    # money
    pytest.param("The World Bank approved $1.5 billion for the reconstruction.",
                 [("$1.5 billion", 1.5e9, "USD", "money")], id="dollars-billion"),
    pytest.param("The bloc pledged €200 million in humanitarian aid.",
                 [("€200 million", 2e8, "EUR", "money")], id="euros-symbol"),
    pytest.param("The council spent £3m on the new bridge.",
                 [("£3m", 3e6, "GBP", "money")], id="pounds-m"),
    pytest.param("Brussels froze 50 million euros in assets.",
                 [("50 million euros", 5e7, "EUR", "money")], id="euros-word"),
    pytest.param("Tokyo unveiled a stimulus of 1.2 trillion yen on Friday.",
                 [("1.2 trillion yen", 1.2e12, "JPY", "money")], id="yen-trillion"),
    pytest.param("The state allocated Rs 500 crore for flood relief.",
                 [("Rs 500 crore", 5e9, "INR", "money")], id="rupees-crore"),
    pytest.param("The lender offered more than $1.5bn and a $50-million credit line.",
                 [("more than $1.5bn", 1.5e9, "USD", "money"),
                  ("$50-million", 5e7, "USD", "money")], id="bn-and-hyphen-million"),
    # people, and what happened to them
    pytest.param("At least 12 people were killed in the blast.",
                 [("At least 12 people", 12, "people", "killed")], id="people-killed"),
    pytest.param("Twelve people were killed and dozens injured when the roof collapsed.",
                 [("Twelve people", 12, "people", "killed"),
                  ("dozens injured", 24, "people", "injured")], id="dozens-injured"),
    pytest.param("Police said 335 people had been arrested since the weekend.",
                 [("335 people", 335, "people", "arrested")], id="people-arrested"),
    pytest.param("Thousands of protesters filled the main square.",
                 [("Thousands of protesters", 2000, "people", "protesters")],
                 id="thousands-of-protesters"),
    pytest.param("Four soldiers and six police officers were on patrol near the border.",
                 [("Four soldiers", 4, "people", "soldiers"),
                  ("six police officers", 6, "people", "police officers")],
                 id="soldiers-police-officers"),
    pytest.param("Gunmen shot dead four soldiers and six police officers near the border.",
                 [("four soldiers", 4, "people", "killed"),
                  ("six police officers", 6, "people", "killed")], id="shot-dead"),
    pytest.param("The camp now hosts 2 million refugees.",
                 [("2 million refugees", 2e6, "people", "refugees")], id="million-refugees"),
    pytest.param("The blast left 12 dead and 30 wounded.",
                 [("12 dead", 12, "people", "killed"), ("30 wounded", 30, "people", "wounded")],
                 id="dead-wounded-adjectives"),
    pytest.param("Tens of thousands of people fled the city.",
                 [("Tens of thousands of people", 20000, "people", "displaced")],
                 id="tens-of-thousands-fled"),
    pytest.param("Between 10 and 15 people were detained, and 10 to 15 others were kidnapped.",
                 [("Between 10 and 15 people", 10, "people", "detained"),
                  ("10 to 15 others", 10, "people", "kidnapped")], id="ranges-lower-bound"),
    pytest.param("Rescuers evacuated two dozen villagers and a hundred students.",
                 [("two dozen villagers", 24, "people", "evacuated"),
                  ("a hundred students", 100, "people", "evacuated")], id="dozen-hundred"),
    pytest.param("Authorities evacuated more than 3m people from the coast.",
                 [("more than 3m people", 3e6, "people", "evacuated")], id="m-people"),
    pytest.param("Three of the soldiers were killed and 12 Palestinians were wounded.",
                 [("Three of the soldiers", 3, "people", "killed"),
                  ("12 Palestinians", 12, "people", "wounded")], id="partitive-nationals"),
    pytest.param("Scores of people were reported killed in the clashes.",
                 [("Scores of people", 40, "people", "killed")], id="scores-reported-killed"),
    pytest.param("The raid left hundreds of thousands of residents without power.",
                 [("hundreds of thousands of residents", 200000, "people", "residents")],
                 id="hundreds-of-thousands"),
    pytest.param("Some 1,200 troops crossed the border.",
                 [("Some 1,200 troops", 1200, "people", "troops")], id="some-comma-digits"),
    pytest.param("The militants kidnapped about 276 schoolgirls.",
                 [("about 276 schoolgirls", 276, "people", "kidnapped")], id="about-kidnapped"),
    pytest.param("The floods displaced 1.5 million residents.",
                 [("1.5 million residents", 1.5e6, "people", "displaced")], id="decimal-million"),
    pytest.param("The strike destroyed the depot, killing 12.",
                 [("12", 12, "people", "killed")], id="bare-number-killed"),
    pytest.param("Militants shelled a market on Monday, killing at least nine civilians.",
                 [("at least nine civilians", 9, "people", "killed")], id="killing-civilians"),
    pytest.param("A mob beat two men to death.",
                 [("two men", 2, "people", "killed")], id="beaten-to-death"),
    # weapons
    pytest.param("Russia launched 60 drones and 25 missiles at the city overnight.",
                 [("60 drones", 60, "drones", "weapons"),
                  ("25 missiles", 25, "missiles", "weapons")],
                 id="drones-and-missiles"),
    pytest.param("The army deployed twenty-five tanks and 40 F-16 jets.",
                 [("twenty-five tanks", 25, "tanks", "weapons"),
                  ("40 F-16 jets", 40, "jets", "weapons")],
                 id="tanks-and-jets"),
    pytest.param("Two fighter jets dropped bombs on the market.",
                 [("Two fighter jets", 2, "jets", "weapons")], id="compound-weapon"),
    pytest.param("Air defences shot down one drone.",
                 [("one drone", 1, "drones", "weapons")], id="singular-weapon"),
    # durations
    pytest.param("The troops stayed in the town for 60 days.",
                 [("60 days", 60, "days", "duration")], id="days"),
    pytest.param("The two sides agreed to a 30-day ceasefire and a three-month pause.",
                 [("30-day", 30, "days", "duration"),
                  ("three-month", 3, "months", "duration")], id="hyphenated-durations"),
    pytest.param("The two sides and both countries signed 14 accords.",
                 [("14 accords", 14, "accords", None)], id="small-counts-of-things-skipped"),
    pytest.param("The court sentenced the activist to two years in prison.",
                 [("two years", 2, "years", "duration")], id="years-in-prison"),
    pytest.param("Talks lasted nearly 48 hours.",
                 [("nearly 48 hours", 48, "hours", "duration")], id="hours"),
    # percentages and other counted things
    pytest.param("Prices rose 5% in a month and 4.2 percent in a year.",
                 [("5%", 5, "%", None), ("4.2 percent", 4.2, "%", None)], id="percent"),
    pytest.param("The unrest cost an estimated 180 million soles.",
                 [("an estimated 180 million soles", 1.8e8, "PEN", "money")], id="soles"),
    pytest.param("The storm destroyed 2,000 homes.",
                 [("2,000 homes", 2000, "homes", None)], id="other-things"),
]  # fmt: skip

NOT_AMOUNTS = [
    pytest.param("The ministers met in 2012.", id="year"),
    pytest.param("The talks resumed on October 16 and ended on 12 October.", id="dates"),
    pytest.param("The first visit of the envoy was a success.", id="ordinal"),
    pytest.param("A 41-year-old man was arrested.", id="age-hyphenated"),
    pytest.param("The suspect, 41 years old, was released.", id="age-years-old"),
    pytest.param("The council adopted Resolution 2334 unanimously.", id="resolution-number"),
    pytest.param("Under Article 51, the ministers may act.", id="article-number"),
    pytest.param("The envoy arrived at 3 p.m. and left at 10:30.", id="times"),
    pytest.param("The embassy was closed two years ago.", id="time-ago"),
    pytest.param("Turnout in the 2012 elections was low.", id="year-before-noun"),
    pytest.param("The 27-member bloc condemned the coup.", id="hyphenated-membership"),
    pytest.param("The F-16 crashed near the base.", id="model-number"),
    pytest.param("A spokesman said no one had been injured.", id="no-one"),
    pytest.param("Fewer than one in ten voters trust the courts.", id="ratio"),
]


def _rows(amounts: list[Amount]) -> list[Expected]:
    return [(a.text, a.value, a.unit, a.counts) for a in amounts]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_amounts(nlp: Language, sentence: str, expected: list[Expected]) -> None:
    doc = nlp(sentence)
    amounts = find_amounts(doc)
    assert _rows(amounts) == [(t, pytest.approx(v), u, c) for t, v, u, c in expected]
    for amount in amounts:
        assert doc.text[amount.start : amount.end] == amount.text
        assert isinstance(amount.value, float)


@pytest.mark.parametrize("sentence", NOT_AMOUNTS)
def test_not_amounts(nlp: Language, sentence: str) -> None:
    assert find_amounts(nlp(sentence)) == []


def test_offsets_in_a_longer_text(nlp: Language) -> None:
    text = (
        "  KYIV -- Russia launched 60 drones overnight.\n\n"
        "Officials said at least four people were killed and the damage cost $2 billion."
    )
    amounts = find_amounts(nlp(text))
    assert [a.text for a in amounts] == ["60 drones", "at least four people", "$2 billion"]
    assert all(text[a.start : a.end] == a.text for a in amounts)


def test_empty_text(nlp: Language) -> None:
    assert find_amounts(nlp("")) == []
