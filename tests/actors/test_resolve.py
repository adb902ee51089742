"""Actor resolution: who each mention in a short invented text is (issue 2).

Each row: a text, the story date (or None), a mention's surface text (its last occurrence in the
text is the one checked) and what a careful coder says it is: country, actor type and some of
name / role / code. A mention that stands for several actors ("the two") lists the countries.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from eventwire import Pipeline
from eventwire.actors.kb import KnowledgeBase
from eventwire.records import Actor

pytestmark = [pytest.mark.issue(2), pytest.mark.model]

D2010 = dt.date(2010, 3, 1)
D2015 = dt.date(2015, 6, 1)
D2018 = dt.date(2018, 5, 1)
D2020 = dt.date(2020, 3, 1)


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, raises=AssertionError, strict=True)


CASES = [
    # nationality + title + name; KB person with the role held on the story date
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov visited Minsk on Monday.", D2015,
        "Russian Foreign Minister Sergei Lavrov",
        ("RUS", "person", {"name": "Sergei Lavrov", "role": "foreign minister"}),
        id="title-and-name",
    ),
    # a person not in the KB: surname later, "the minister" later, pronouns
    pytest.param(
        "Kenyan Foreign Minister Amina Wanjiru met Ugandan officials in Kampala. "
        "Wanjiru said the talks went well.", None,
        "Wanjiru",
        ("KEN", "person", {"name": "Amina Wanjiru", "role": "foreign minister"}),
        id="surname-later",
    ),
    pytest.param(
        "Chilean Interior Minister Pablo Rojas visited the northern border on Friday. "
        "The minister promised more police patrols.", None,
        "The minister",
        ("CHL", "person", {"name": "Pablo Rojas", "role": "interior minister"}),
        id="the-minister-later",
    ),
    pytest.param(
        "Ghanaian President Kwame Mensah arrived in Lome on Tuesday. He met Togolese officials.",
        None, "He",
        ("GHA", "person", {"name": "Kwame Mensah", "role": "president"}),
        id="he",
    ),
    pytest.param(
        "Malian Defence Minister Oumar Traore toured the north. "
        "His visit came after a series of raids.", None,
        "His",
        ("MLI", "person", {"name": "Oumar Traore"}),
        id="his",
    ),
    pytest.param(
        "Nigerian Foreign Minister Grace Okafor met her Ghanaian counterpart. "
        "She said the talks had gone well.", None,
        "She",
        ("NGA", "person", {"name": "Grace Okafor"}),
        id="she",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Sochi. "
        "The Russian minister said the meeting was productive.", D2018,
        "The Russian minister",
        ("RUS", "person", {"name": "Sergei Lavrov", "role": "foreign minister"}),
        id="the-russian-minister",
    ),
    pytest.param(
        "Erdogan arrived in Baghdad on Monday. The president met Iraqi officials.", D2020,
        "The president",
        ("TUR", "person", {"name": "Recep Tayyip Erdoğan", "role": "president"}),
        id="the-president-kb-person",
    ),
    # counterparts
    pytest.param(
        "Indonesian Foreign Minister Siti Rahma spoke with her Malaysian counterpart, "
        "Ahmad Ismail, on Monday.", None,
        "Ahmad Ismail",
        ("MYS", "person", {"name": "Ahmad Ismail", "role": "foreign minister"}),
        id="counterpart-named",
    ),
    pytest.param(
        "Peruvian Foreign Minister Jorge Salas called his counterpart in Ecuador on Monday.",
        None, "counterpart",
        ("ECU", "person", {"role": "foreign minister"}),
        id="his-counterpart-in-country",
    ),
    # groups
    pytest.param(
        "Egyptian President Ahmed Hassan met Sudanese Prime Minister Kamal Idris in Cairo. "
        "The two discussed the Nile dam.", None,
        "The two",
        ({"EGY", "SDN"}, "person", {}),
        id="the-two",
    ),
    pytest.param(
        "India and China held talks in Ladakh. The two countries agreed to pull back troops.",
        None, "The two countries",
        ({"IND", "CHN"}, "country", {}),
        id="the-two-countries",
    ),
    pytest.param(
        "German Chancellor Olaf Scholz spoke with Polish President Andrzej Duda. "
        "The two leaders discussed the war.", None,
        "The two leaders",
        ({"DEU", "POL"}, "person", {}),
        id="the-two-leaders",
    ),
    # capitals, demonyms, epithets
    pytest.param("Ankara said it would retaliate.", None, "Ankara",
                 ("TUR", "country", {"code": "TURGOV"}), id="capital"),
    pytest.param("Seoul summoned the Japanese ambassador on Thursday.", None, "Seoul",
                 ("KOR", "country", {"code": "KORGOV"}), id="capital-seoul"),
    pytest.param("The Iranians rejected the proposal.", None, "The Iranians",
                 ("IRN", "country", {}), id="demonym"),
    pytest.param("Hezbollah fired rockets at the Jewish state on Sunday.", None,
                 "the Jewish state", ("ISR", "country", {"name": "Israel"}), id="epithet"),
    # organisations
    pytest.param("NATO criticised Russia for the drills.", None, "NATO",
                 (None, "organization", {"code": "IGONAT"}), id="nato"),
    pytest.param("The U.N. condemned the attack on the convoy.", None, "The U.N.",
                 (None, "organization", {"code": "IGOUNO"}), id="un-dotted"),
    pytest.param("The Kremlin denied the report.", None, "The Kremlin",
                 ("RUS", "organization", {"code": "RUSGOV"}), id="national-institution"),
    # armed groups with their home country
    pytest.param("Al-Shabaab attacked a military base near Mogadishu.", None, "Al-Shabaab",
                 ("SOM", "armed_group", {"name": "Al-Shabaab"}), id="armed-group"),
    pytest.param("The Pakistani Taliban attacked a police post.", None, "The Pakistani Taliban",
                 ("PAK", "armed_group", {"name": "Tehrik-i-Taliban Pakistan"}),
                 id="armed-group-with-nationality-alias"),
    pytest.param("Houthi rebels fired missiles at Saudi Arabia.", None, "Houthi rebels",
                 ("YEM", "armed_group", {"name": "Houthis"}), id="armed-group-rebels"),
    pytest.param(
        "Boko Haram kidnapped 40 students in Borno. The group later released a video.", None,
        "The group", ("NGA", "armed_group", {"name": "Boko Haram"}), id="the-group",
    ),
    pytest.param(
        "Colombian President Gustavo Petro met ELN commanders in Havana. "
        "The rebels agreed to a ceasefire.", None,
        "The rebels", ("COL", "armed_group", {"name": "National Liberation Army"}),
        id="the-rebels-after-named-group",
    ),
    # agents with nationality, possessive countries
    pytest.param("Iraqi police arrested three suspects in Basra.", None, "Iraqi police",
                 ("IRQ", "agent", {"code": "IRQCOP"}), id="agent-nationality"),
    pytest.param("Israeli troops raided the village.", None, "Israeli troops",
                 ("ISR", "agent", {"code": "ISRMIL"}), id="agent-troops"),
    pytest.param("Kenya's government welcomed the decision.", None, "Kenya's government",
                 ("KEN", "agent", {"code": "KENGOV"}), id="possessive-country"),
    pytest.param("The government of Syria rejected the report.", None, "The government",
                 ("SYR", "agent", {"code": "SYRGOV"}), id="government-of-country"),
    pytest.param("Militants stormed the Chinese embassy in Kabul.", None, "the Chinese embassy",
                 ("CHN", "country", {"code": "CHNGOV"}), id="embassy"),
    pytest.param(
        "Iran-backed militias attacked a US base in Syria.", None, "a US base",
        ("USA", None, {}),
        id="us-base",
    ),
    pytest.param(
        "Putin's office said the talks were useful.", D2020, "Putin's office",
        ("RUS", "person", {"name": "Vladimir Putin"}), id="office-of-person",
    ),
    pytest.param(
        "The Indian prime minister will visit Nepal and meet its president.", None,
        "its president", ("NPL", "person", {"role": "president"}),
        id="its-president",
    ),
    # "we" / "our" inside a quotation: the speaker's country
    pytest.param('"We will defend our borders," the Armenian defence minister said.', None,
                 "We", ("ARM", "country", {"code": "ARMGOV"}), id="we-in-quotation"),
    pytest.param('"Our army will strike back," the Azerbaijani defence minister said.', None,
                 "Our army", ("AZE", "agent", {"code": "AZEMIL"}), id="our-army-in-quotation"),
    pytest.param(
        '"Our army will strike Armenia," the Azerbaijani defence minister said.',
        None,
        "Our army",
        ("AZE", "agent", {"code": "AZEMIL"}),
        id="our-army-other-country-named",
    ),
    # time-bounded KB roles resolved against the story date
    pytest.param("Dmitry Medvedev met the German chancellor in Moscow.", D2010,
                 "Dmitry Medvedev", ("RUS", "person", {"role": "president"}), id="medvedev-2010"),
    pytest.param("Dmitry Medvedev met the German chancellor in Moscow.", D2015,
                 "Dmitry Medvedev", ("RUS", "person", {"role": "prime minister"}),
                 id="medvedev-2015"),
    pytest.param("Erdogan visited Baghdad on a two-day trip.", D2010, "Erdogan",
                 ("TUR", "person", {"role": "prime minister", "name": "Recep Tayyip Erdoğan"}),
                 id="erdogan-2010"),
    pytest.param("Erdogan visited Baghdad on a two-day trip.", D2020, "Erdogan",
                 ("TUR", "person", {"role": "president", "name": "Recep Tayyip Erdoğan"}),
                 id="erdogan-2020"),
    pytest.param("Lavrov arrived in Ankara on Monday.", D2018, "Lavrov",
                 ("RUS", "person", {"name": "Sergei Lavrov", "role": "foreign minister"}),
                 id="kb-surname-alone"),
]  # fmt: skip


def _mention(text: str, actors: tuple[Actor, ...], surface: str) -> list[Actor]:
    """The actors of the last occurrence of ``surface``: those whose span ends where it ends
    and starts inside it (a mention's span ends at its head word)."""
    found = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
    assert found, f"{surface!r} is not in the text"
    start, end = found[-1].span()
    return [a for a in actors if a.end == end and start <= a.start]


@pytest.mark.parametrize(("text", "published", "surface", "expected"), CASES)
def test_mention(
    pipeline: Pipeline,
    text: str,
    published: dt.date | None,
    surface: str,
    expected: tuple[Any, str | None, dict[str, str]],
) -> None:
    country, type_, fields = expected
    actors = _mention(text, pipeline.code(text, published=published).actors, surface)
    assert actors, f"no actor for {surface!r}"
    for a in actors:
        assert a.text == text[a.start : a.end]
        if type_ is not None:
            assert a.type == type_, a
        for name, value in fields.items():
            assert getattr(a, name) == value, a
    if isinstance(country, set):
        assert {a.country for a in actors} == country, actors
        assert len({a.entity for a in actors}) == len(country), actors
    else:
        assert len(actors) == 1, actors
        assert actors[0].country == country, actors[0]


def test_later_mentions_share_the_entity(pipeline: Pipeline) -> None:
    text = (
        "Chilean Interior Minister Pablo Rojas visited the northern border on Friday. "
        "Rojas said the army would help. The minister promised more police patrols."
    )
    actors = pipeline.code(text).actors
    ids = {a.entity for a in actors if a.name == "Pablo Rojas"}
    texts = {a.text for a in actors if a.name == "Pablo Rojas"}
    assert len(ids) == 1
    assert {"Chilean Interior Minister Pablo Rojas", "Rojas", "The minister"} <= texts


def test_kb_role_spells_follow_the_date(kb: KnowledgeBase) -> None:
    entry = kb.names["Dmitry Medvedev"].entry
    assert entry.country == "RUS"
    spells = {day: entry.role_at(day) for day in (D2010, D2015, dt.date(2006, 1, 1))}
    assert {d: s.role if s else None for d, s in spells.items()} == {
        D2010: "president",
        D2015: "prime minister",
        dt.date(2006, 1, 1): "deputy prime minister",
    }
    assert entry.role_at(dt.date(2024, 1, 1)) is None  # out of office


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Al-Shabaab attacked a military base near Mogadishu.", "Al-Shabaab"),
        (
            "The Turkish president met with Bashar al-Assad in Ankara on Monday, and the two "
            "men discussed the war in Syria.",
            "Bashar al-Assad",
        ),
    ],
)
def test_hyphenated_name_is_one_mention(pipeline: Pipeline, text: str, name: str) -> None:
    start = text.index(name)
    end = start + len(name)
    actors = [a for a in pipeline.code(text).actors if a.start < end and start < a.end]
    assert [a.text for a in actors] == [name]
