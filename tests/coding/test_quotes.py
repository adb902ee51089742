"""Direct quotations and their speakers (issue 2).

Quotation marks may be straight, curly or guillemets; a quotation may run over sentences and,
by the press convention, over paragraphs (the paragraph ends without a closing mark and the
next one opens again). Its speaker is the subject of the speech verb next to it, or the speaker
of the quotation just before it. Short quoted words are scare quotes, not quotations.
"""

from __future__ import annotations

from typing import Any

import pytest

from eventwire import Pipeline
from eventwire.coding.quotes import find_quotes

pytestmark = [pytest.mark.issue(2), pytest.mark.model]

# (text, [(quotation text, speaker fields or None)])
CASES = [
    pytest.param(
        'The Kenyan president said: "We will not accept any foreign troops on our soil."',
        [("We will not accept any foreign troops on our soil.",
          {"text": "The Kenyan president", "country": "KEN"})],
        id="straight-said-before",
    ),
    pytest.param(
        "“We are ready to talk to anyone who wants peace,” the Iraqi prime minister said.",
        [("We are ready to talk to anyone who wants peace,",
          {"text": "the Iraqi prime minister", "country": "IRQ"})],
        id="curly-said-after",
    ),
    pytest.param(
        "The Chilean minister said: «Our borders will remain open to all refugees.»",
        [("Our borders will remain open to all refugees.",
          {"text": "The Chilean minister", "country": "CHL"})],
        id="guillemets",
    ),
    pytest.param(
        '"We want peace. We will not attack anyone," the Sudanese army chief said on Monday.',
        [("We want peace. We will not attack anyone,",
          {"text": "the Sudanese army chief", "country": "SDN"})],
        id="across-sentences",
    ),
    pytest.param(
        '"The first paragraph of the statement goes on without a closing mark.\n\n'
        '"The second paragraph ends the statement here," the Chadian foreign minister said.',
        [('The first paragraph of the statement goes on without a closing mark.\n\n'
          '"The second paragraph ends the statement here,',
          {"text": "the Chadian foreign minister", "country": "TCD"})],
        id="multi-paragraph-blank-line",
    ),
    pytest.param(
        "The Ghanaian president spoke after the vote.\n"
        "“Our country has chosen peace over war.\n"
        "“We will keep that promise to our neighbours,” he said.",
        [("Our country has chosen peace over war.\n“We will keep that promise to our "
          "neighbours,", {"text": "he", "country": "GHA"})],
        id="multi-paragraph-single-newline",
    ),
    pytest.param(
        'Sergei Lavrov said: "The sanctions will not change our course at all."',
        [("The sanctions will not change our course at all.",
          {"name": "Sergei Lavrov", "country": "RUS"})],
        id="name-said-before",
    ),
    pytest.param(
        '"The sanctions will not change our course at all," Sergei Lavrov said.',
        [("The sanctions will not change our course at all,",
          {"name": "Sergei Lavrov", "country": "RUS"})],
        id="name-said-after",
    ),
    pytest.param(
        '"The sanctions will not change our course at all," said Kenyan Foreign Minister '
        "Amina Wanjiru.",
        [("The sanctions will not change our course at all,",
          {"name": "Amina Wanjiru", "country": "KEN"})],
        id="said-name-inverted",
    ),
    pytest.param(
        "Kenyan Foreign Minister Amina Wanjiru spoke to reporters in Nairobi. "
        '"We have done everything we can for peace," she concluded.',
        [("We have done everything we can for peace,",
          {"text": "she", "name": "Amina Wanjiru", "country": "KEN"})],
        id="she-concluded",
    ),
    pytest.param(
        '"The visit was a great success for both countries," Erdogan\'s office said.',
        [("The visit was a great success for both countries,",
          {"name": "Recep Tayyip Erdoğan", "country": "TUR"})],
        id="x-office-said",
    ),
    pytest.param(
        "Egyptian Foreign Minister Omar Nasser told reporters: "
        '"Egypt will defend its water rights by all means."',
        [("Egypt will defend its water rights by all means.",
          {"name": "Omar Nasser", "country": "EGY"})],
        id="told-reporters",
    ),
    pytest.param(
        '"We reject this decision completely," the Moroccan foreign ministry added.',
        [("We reject this decision completely,",
          {"text": "the Moroccan foreign ministry", "country": "MAR"})],
        id="ministry-added",
    ),
    pytest.param(
        '"They said they would attack us again," the Ugandan president said.',
        [("They said they would attack us again,",
          {"text": "the Ugandan president", "country": "UGA"})],
        id="speech-verb-inside-the-quote",
    ),
    pytest.param(
        '"We will rebuild every school that was destroyed," the Iraqi president said. '
        '"Nothing will stop us from doing it."',
        [("We will rebuild every school that was destroyed,",
          {"text": "the Iraqi president", "country": "IRQ"}),
         ("Nothing will stop us from doing it.",
          {"text": "the Iraqi president", "country": "IRQ"})],
        id="unattributed-continuation-same-paragraph",
    ),
    pytest.param(
        '"Talks will resume next month in Doha," the Kenyan president said. '
        '"We are not ready for that yet," the Ugandan president replied.',
        [("Talks will resume next month in Doha,",
          {"text": "the Kenyan president", "country": "KEN"}),
         ("We are not ready for that yet,",
          {"text": "the Ugandan president", "country": "UGA"})],
        id="two-speakers",
    ),
    pytest.param(
        '"Our patience has limits and it is running out," Sergei Lavrov said.\n\n'
        '"We will respond to every provocation."',
        [("Our patience has limits and it is running out,",
          {"name": "Sergei Lavrov", "country": "RUS"}),
         ("We will respond to every provocation.",
          {"name": "Sergei Lavrov", "country": "RUS"})],
        id="unattributed-continuation-next-paragraph",
    ),
    # scare quotes and titles are not quotations
    pytest.param('Russia called the naval drills a "provocation".', [], id="scare-quote"),
    pytest.param('The so-called "peace plan" was rejected by Ukraine.', [],
                 id="two-word-scare-quote"),
    pytest.param("Kenya called the report “deeply one-sided” on Monday.", [],
                 id="curly-scare-quote"),
    pytest.param("Ukraine's president said the country's army won't retreat.", [],
                 id="apostrophes-are-not-quotes"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotations(
    pipeline: Pipeline, text: str, expected: list[tuple[str, dict[str, Any] | None]]
) -> None:
    result = pipeline.code(text)
    assert not [p for p in result.problems if p.code == "W101"]
    got = result.quotations
    assert [q.text for q in got] == [e[0] for e in expected]
    for q, (_, speaker) in zip(got, expected, strict=True):
        assert text[q.start : q.end] == q.text
        if speaker is None:
            assert q.speaker is None
        else:
            assert q.speaker is not None, q
            for field, value in speaker.items():
                assert getattr(q.speaker, field) == value, q.speaker


@pytest.mark.parametrize(
    "text",
    [
        '"We will fight on until the end, the rebel commander said on Monday.',
        "The deal is done and signed,” the envoy said on Monday.",
        "“We will fight on until the end,” the rebel commander said. “And we will win.",
        '"We will fight on until the end, the rebel commander said.\n\n'
        "Chad's army said it had attacked the rebels in the north.",
    ],
    ids=["no-closing", "no-opening", "second-not-closed", "unclosed-then-new-paragraph"],
)
def test_unbalanced_quotes_are_a_problem_not_an_error(pipeline: Pipeline, text: str) -> None:
    result = pipeline.code(text)
    assert [p.code for p in result.problems if p.code.startswith("W1")] == ["W101"]
    for q in result.quotations:
        assert text[q.start : q.end] == q.text
        assert "\n\n" not in q.text  # an unclosed quotation stops at the paragraph end


def test_unclosed_quote_leaves_the_next_paragraph_coded(pipeline: Pipeline) -> None:
    text = (
        '"We will fight on until the end, the rebel commander said.\n\n'
        "Chad's army attacked the rebels in the north on Tuesday."
    )
    result = pipeline.code(text)
    events = [e for e in result.events if e.trigger.text == "attacked"]
    assert events and events[0].status == "asserted"
    assert events[0].source is not None and events[0].source.country == "TCD"


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ('He said "one two three four" today.', ["one two three four"]),
        # short quoted strings are found here; the pipeline keeps them only when attributed
        ('He said "one two three" today.', ["one two three"]),
        (
            "“one two three four” and “five six seven eight”",
            ["one two three four", "five six seven eight"],
        ),
        ("«un deux trois quatre»", ["un deux trois quatre"]),
        (
            '"first paragraph goes on\n\n"and ends here"',
            ['first paragraph goes on\n\n"and ends here'],
        ),
    ],
)
def test_find_quotes_spans(text: str, inner: list[str]) -> None:
    spans, problems = find_quotes(text)
    assert [text[s.start : s.end] for s in spans] == inner
    assert problems == []


def test_find_quotes_reports_each_unbalanced_mark() -> None:
    text = "a b c d” and then “e f g h"
    spans, problems = find_quotes(text)
    assert [p.code for p in problems] == ["W101", "W101"]
    # the stray closing mark opens nothing; the unclosed quotation runs to the end
    assert [text[s.start : s.end] for s in spans] == ["e f g h"]
