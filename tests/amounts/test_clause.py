"""Which event owns which amount: the amounts written in the clause of its trigger (issue 3).

Each row: a sentence, a trigger word in it, and the texts of the amounts that event owns.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.amounts import amounts_for, find_amounts

pytestmark = [pytest.mark.issue(3), pytest.mark.model]

CASES = [
    pytest.param("Russia launched 60 drones and 25 missiles at Kyiv overnight, killing at "
                 "least four people.", "launched",
                 ["60 drones", "25 missiles", "at least four people"], id="participial-clause"),
    pytest.param("Russia launched 60 drones and 25 missiles at Kyiv overnight, killing at "
                 "least four people.", "killing", ["at least four people"], id="participle"),
    pytest.param("Police said 335 people had been arrested.", "said", [],
                 id="reporting-verb-owns-nothing"),
    pytest.param("Police said 335 people had been arrested.", "arrested", ["335 people"],
                 id="reported-clause"),
    pytest.param("Twelve people were killed and 30 wounded in the attack.", "killed",
                 ["Twelve people"], id="conjunct-with-own-subject"),
    pytest.param("Twelve people were killed and 30 wounded in the attack.", "wounded",
                 ["30 wounded"], id="second-conjunct"),
    pytest.param("Russia launched 60 drones and killed four people.", "launched",
                 ["60 drones"], id="coordinated-verb-is-its-own-event"),
    pytest.param("Russia launched 60 drones and killed four people.", "killed",
                 ["four people"], id="coordinated-verb"),
    pytest.param("The rebels, who had kidnapped 20 villagers, released 12 hostages after a "
                 "30-day siege.", "released", ["12 hostages", "30-day"], id="relative-clause-out"),
    pytest.param("The rebels, who had kidnapped 20 villagers, released 12 hostages after a "
                 "30-day siege.", "kidnapped", ["20 villagers"], id="relative-clause"),
    pytest.param("The government agreed to pay $2 billion in compensation, officials said.",
                 "agreed", ["$2 billion"], id="infinitive-shares-subject"),
    pytest.param("Troops fired 40 shells at the town after the rebels had seized 3 tanks.",
                 "fired", ["40 shells"], id="adverbial-clause-with-subject"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "trigger", "expected"), CASES)
def test_amounts_for(nlp: Language, sentence: str, trigger: str, expected: list[str]) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    owned = amounts_for(token, find_amounts(doc))
    assert [a.text for a in owned] == expected


def test_no_amounts(nlp: Language) -> None:
    doc = nlp("Russia attacked Ukraine.")
    assert amounts_for(doc[1], []) == ()
