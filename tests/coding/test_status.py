"""Event status (factuality) read from the sentence around the trigger (issue 2).

Each row is an invented sentence, a word of the trigger and the status a careful coder gives
the event: asserted, planned ("will", "plans to", "is expected to"), reported ("reportedly",
"is said to", "according to", inside a quotation, complement of "said"), negated ("did not",
"has not", "never") or hypothetical ("would", "could", "if" clauses).
"""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.records import Event

pytestmark = [pytest.mark.issue(2), pytest.mark.model]

CASES = [
    # asserted
    ("Russia attacked Ukraine on Tuesday.", "attacked", "asserted"),
    ("Germany expelled two Iranian diplomats on Friday.", "expelled", "asserted"),
    ("Egypt praised Sudan for its restraint.", "praised", "asserted"),
    ("Turkey has deployed troops to northern Syria.", "deployed", "asserted"),
    ("Colombia and Venezuela held talks in Caracas.", "held", "asserted"),
    # planned
    ("France will send humanitarian aid to Haiti.", "send", "planned"),
    ("Japan plans to impose sanctions on North Korea.", "impose", "planned"),
    ("India is expected to host the Bangladeshi prime minister next month.", "host", "planned"),
    ("Kenya intends to withdraw its troops from Somalia.", "withdraw", "planned"),
    ("The Chinese foreign minister will visit Pakistan next week.", "visit", "planned"),
    ("The Indian prime minister will visit Nepal and meet its president.", "meet", "planned"),
    ("Kazakhstan is scheduled to host the Uzbek president in May.", "host", "planned"),
    # reported
    ("Iran reportedly supplied drones to Russia.", "supplied", "reported"),
    ("Syria is said to have shelled Turkish border posts.", "shelled", "reported"),
    ("According to officials, Sudan expelled the Chadian ambassador.", "expelled", "reported"),
    ("Britain criticized Iran, according to diplomats.", "criticized", "reported"),
    ("Eritrea allegedly sent troops into Ethiopia.", "sent", "reported"),
    ('"Serbia attacked Kosovo without any warning," the Kosovan president said.', "attacked",
     "reported"),
    ("Ukraine said Russia shelled Kharkiv overnight.", "shelled", "reported"),
    ("Vietnam stated that China had seized its fishing boats.", "seized", "reported"),
    ("Mexico is reported to have deported Guatemalan migrants.", "deported", "reported"),
    ("Jordan expelled an Israeli diplomat, the ministry announced.", "expelled", "reported"),
    # negated
    ("Pakistan did not attack India.", "attack", "negated"),
    ("Greece has not recognized Kosovo.", "recognized", "negated"),
    ("Argentina never apologized to Britain.", "apologized", "negated"),
    ("Ghana has never invaded Togo.", "invaded", "negated"),
    ("Chad did not try to attack Sudan.", "attack", "negated"),
    ("Brazil will not recognize Venezuela's election.", "recognize", "negated"),
    ('"We did not attack Armenia," the Azerbaijani defence minister said.', "attack", "negated"),
    ("The minister said Egypt would never attack Sudan.", "attack", "negated"),
    # hypothetical
    ("China would invade Taiwan only as a last resort.", "invade", "hypothetical"),
    ("Ethiopia could withdraw its troops from Somalia.", "withdraw", "hypothetical"),
    ("If Serbia attacks Kosovo, NATO will respond.", "attacks", "hypothetical"),
    ("Sweden might expel Russian diplomats.", "expel", "hypothetical"),
    ("Unless Qatar mediates, Egypt will cut ties with Ethiopia.", "cut", "hypothetical"),
]  # fmt: skip


def _event(events: tuple[Event, ...], word: str) -> Event:
    found = [e for e in events if word in e.trigger.text]
    assert found, f"no event with trigger containing {word!r}: {[e.trigger.text for e in events]}"
    return found[0]


@pytest.mark.parametrize(("text", "word", "status"), CASES)
def test_status(pipeline: Pipeline, text: str, word: str, status: str) -> None:
    event = _event(pipeline.code(text).events, word)
    assert event.status == status, (event.trigger.text, event.status)


def test_table_covers_every_status() -> None:
    assert {c[2] for c in CASES} == {"asserted", "planned", "reported", "negated", "hypothetical"}
    assert len(CASES) >= 25
