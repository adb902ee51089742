"""The event coder: who did what to whom, in invented sentences (issue 2).

Each row: a sentence and the events a careful coder finds in it, as (source, CAMEO root,
target, PLOVER type). An actor is named by its country, or by its name when it has no country
(an international organisation); ``None`` is no actor. The sentence must give exactly these
events.
"""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.records import Actor, Event

pytestmark = [pytest.mark.issue(2), pytest.mark.model]

Expected = tuple[str | None, str, str | None, str]


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, raises=AssertionError, strict=True)


CASES = [
    # active and passive voice
    pytest.param("Russia attacked Ukraine on Tuesday.",
                 [("RUS", "19", "UKR", "ASSAULT")], id="active"),
    pytest.param("Ukraine was attacked by Russia on Tuesday.",
                 [("RUS", "19", "UKR", "ASSAULT")], id="passive"),
    pytest.param("Russian troops were attacked by Ukrainian forces near Bakhmut.",
                 [("UKR", "19", "RUS", "ASSAULT")], id="passive-agents"),
    # coordinated targets and subjects
    pytest.param("The European Union imposed sanctions on Belarus and Iran.",
                 [("European Union", "16", "BLR", "SANCTION"),
                  ("European Union", "16", "IRN", "SANCTION")], id="coordinated-targets"),
    pytest.param("Serbia criticized Croatia and Slovenia for their stance.",
                 [("SRB", "11", "HRV", "ACCUSE"), ("SRB", "11", "SVN", "ACCUSE")],
                 id="coordinated-objects"),
    pytest.param("France and Germany condemned Russia on Monday.",
                 [("FRA", "11", "RUS", "ACCUSE"), ("DEU", "11", "RUS", "ACCUSE")],
                 id="coordinated-subjects"),
    pytest.param("India and Pakistan held talks in Geneva on Monday.",
                 [("IND", "04", "PAK", "CONSULT")], id="reciprocal-talks"),
    pytest.param("Azerbaijan and Armenia clashed along the border.",
                 [("AZE", "19", "ARM", "ASSAULT")], id="reciprocal-clash"),
    pytest.param("Serbia and Kosovo signed a ceasefire.",
                 [("SRB", "08", "XKX", "RETREAT")], id="reciprocal-ceasefire"),
    pytest.param("Egypt and Sudan signed a defence agreement in Cairo.",
                 [("EGY", "05", "SDN", "AGREE")], id="reciprocal-agreement"),
    pytest.param(
        "Iran and Saudi Arabia restored diplomatic relations.",
        [("IRN", "05", "SAU", "SUPPORT")],
        id="reciprocal-restore-relations",
    ),
    # prepositional targets
    pytest.param("Kenya's president met with Somali officials in Nairobi.",
                 [("KEN", "04", "SOM", "CONSULT")], id="met-with"),
    pytest.param("Iran sent weapons to the Houthis in Yemen.",
                 [("IRN", "07", "YEM", "AID")], id="sent-weapons-to"),
    pytest.param("Turkey deployed troops to Syria.",
                 [("TUR", "15", "SYR", "MOBILIZE")], id="deployed-troops-to"),
    pytest.param("Argentina apologized to Chile for the incident.",
                 [("ARG", "05", "CHL", "CONCEDE")], id="apologized-to"),
    pytest.param("Jordan cooperated with Iraq on border security.",
                 [("JOR", "06", "IRQ", "COOPERATE")], id="cooperated-with"),
    pytest.param("Kenya withdrew its troops from Somalia.",
                 [("KEN", "08", "SOM", "RETREAT")], id="withdrew-from"),
    pytest.param("Filipino protesters demonstrated against China in Manila.",
                 [("PHL", "14", "CHN", "PROTEST")], id="demonstrated-against"),
    pytest.param(
        "Thousands of Filipinos protested against China in Manila.",
        [("PHL", "14", "CHN", "PROTEST")],
        id="thousands-of-demonym",
    ),
    pytest.param(
        "Qatar mediated talks between Hamas and Israel.",
        [("QAT", "04", "PSE", "CONSULT"), ("QAT", "04", "ISR", "CONSULT")],
        id="mediated-between",
    ),
    # light verbs
    pytest.param("North Korea issued a warning to South Korea on Friday.",
                 [("PRK", "13", "KOR", "THREATEN")], id="issued-a-warning-to"),
    pytest.param("Israel launched an attack on Hamas in Gaza.",
                 [("ISR", "19", "PSE", "ASSAULT")], id="launched-an-attack-on"),
    pytest.param("Al-Shabaab militants carried out an attack on Kenyan troops.",
                 [("SOM", "19", "KEN", "ASSAULT")], id="carried-out-an-attack-on"),
    pytest.param("Lebanon filed a complaint against Israel with the U.N. Security Council.",
                 [("LBN", "11", "ISR", "ACCUSE")], id="filed-a-complaint-against"),
    pytest.param("The Chinese president paid a visit to Vietnam.",
                 [("CHN", "04", "VNM", "CONSULT")], id="paid-a-visit-to"),
    pytest.param("Ukraine's foreign minister held talks with his Polish counterpart in Warsaw.",
                 [("UKR", "04", "POL", "CONSULT")], id="held-talks-with-counterpart"),
    # object control and clause targets
    pytest.param("France urged Iran to release the detained journalists.",
                 [("FRA", "02", "IRN", "REQUEST")], id="urged-x-to"),
    pytest.param("The United States called on Israel to allow more aid into Gaza.",
                 [("USA", "02", "ISR", "REQUEST")], id="called-on-x-to"),
    pytest.param("Cambodia invited Vietnam to join the talks.",
                 [("KHM", "02", "VNM", "REQUEST")], id="invited-x-to"),
    pytest.param("Saudi Arabia demanded that Iran stop its nuclear program.",
                 [("SAU", "10", "IRN", "REQUEST")], id="demanded-that"),
    # quotations: the speaker is not the actor
    pytest.param('"Azerbaijan attacked us without any provocation," the Armenian defence '
                 "minister said.", [("AZE", "19", "ARM", "ASSAULT")], id="quoted-us"),
    pytest.param('"Iran sent drones to Russia last year," the Ukrainian foreign minister said.',
                 [("IRN", "07", "RUS", "AID")], id="quoted-third-parties"),
    # one per remaining PLOVER type
    pytest.param("Japan praised South Korea for its cooperation.",
                 [("JPN", "05", "KOR", "SUPPORT")], id="support"),
    pytest.param("Turkish military officers trained Somali soldiers in Mogadishu.",
                 [("TUR", "06", "SOM", "COOPERATE")], id="cooperate-train"),
    pytest.param("Norway donated medical supplies to Ukraine.",
                 [("NOR", "07", "UKR", "AID")], id="aid"),
    pytest.param("Thailand lifted sanctions on Myanmar.",
                 [("THA", "08", "MMR", "CONCEDE")], id="concede"),
    pytest.param("Germany accused Russia of spreading disinformation.",
                 [("DEU", "11", "RUS", "ACCUSE")], id="accuse"),
    pytest.param("Venezuela rejected Colombia's proposal.",
                 [("VEN", "12", "COL", "REJECT")], id="reject"),
    pytest.param("China threatened Taiwan with military action.",
                 [("CHN", "13", "TWN", "THREATEN")], id="threaten"),
    pytest.param("Germany expelled four Russian diplomats.",
                 [("DEU", "16", "RUS", "SANCTION")], id="sanction-expel-diplomats"),
    pytest.param("Malaysian police arrested two Indonesian fishermen.",
                 [("MYS", "17", "IDN", "COERCE")], id="coerce-arrest"),
    pytest.param("Mexico deported hundreds of Honduran migrants.",
                 [("MEX", "17", "HND", "COERCE")], id="coerce-deport"),
    pytest.param(
        "China seized Philippine fishing boats.",
        [("CHN", "17", "PHL", "COERCE")],
        id="coerce-seize-foreign-boats",
    ),
    pytest.param("The Indian army shelled Pakistani army posts in Kashmir.",
                 [("IND", "19", "PAK", "ASSAULT")], id="assault-shelling"),
    pytest.param("Hezbollah fired rockets at Israel.",
                 [("LBN", "19", "ISR", "ASSAULT")], id="assault-armed-group"),
]  # fmt: skip


def _who(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.name


def _as_tuple(e: Event) -> Expected:
    return (_who(e.source), e.cameo_root, _who(e.target), e.plover.type if e.plover else "-")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events(pipeline: Pipeline, text: str, expected: list[Expected]) -> None:
    got = [_as_tuple(e) for e in pipeline.code(text).events]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_table_covers_plover_types() -> None:
    types = {t for case in CASES for (_, _, _, t) in case.values[1]}
    assert len(types) >= 12, types
    assert len(CASES) >= 25


def test_cameo_fields_are_consistent(pipeline: Pipeline) -> None:
    result = pipeline.code("Germany expelled four Russian diplomats. Russia attacked Ukraine.")
    assert result.events
    for e in result.events:
        assert e.cameo.startswith(e.cameo_root)
        assert e.cameo_name
        assert e.quad_class == (1 if e.cameo_root <= "05" else 2 if e.cameo_root <= "08"
                                else 3 if e.cameo_root <= "13" else 4)  # fmt: skip
        assert -10.0 <= e.goldstein <= 10.0


ARTICLE = (
    "KYIV, Ukraine (eventwire) — Ukraine’s President Volodymyr Zelenskyy met Polish President "
    "Andrzej Duda in Rzeszów on Monday. “Poland has been a true friend to Ukraine,” Zelenskyy "
    "said.\n\n"
    "Russian forces shelled Ukrainian positions overnight, officials said. Duda condemned the "
    "attack and promised more aid to Ukraine.\n\n"
    "  The European Union imposed sanctions on Belarus and Iran, and Germany expelled four "
    "Russian diplomats.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        '"Azerbaijan attacked us without any provocation," the Armenian defence minister said.',
        "\n\n   India and Pakistan held talks in Geneva — and Qatar's emir met with them.",
    ],
    ids=["article", "quotation", "leading-blanks"],
)
def test_offsets_point_at_the_text(pipeline: Pipeline, text: str) -> None:
    result = pipeline.code(text)
    assert result.events
    for e in result.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text, e
        assert e.trigger.text.strip() == e.trigger.text and e.trigger.text
        for actor in (e.source, e.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text, actor
    for a in result.actors:
        assert text[a.start : a.end] == a.text, a
    for q in result.quotations:
        assert text[q.start : q.end] == q.text, q


def test_event_sentence_text_is_the_sentence(pipeline: Pipeline) -> None:
    text = "Russia attacked Ukraine on Tuesday. Germany expelled four Russian diplomats."
    events = pipeline.code(text).events
    assert [(e.sentence, e.text) for e in events] == [
        (0, "Russia attacked Ukraine on Tuesday."),
        (1, "Germany expelled four Russian diplomats."),
    ]
    assert len({e.id for e in events}) == len(events)
