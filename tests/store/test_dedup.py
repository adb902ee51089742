"""Near-duplicate detection: a lightly edited copy is found, another story is not, and a new
run finds copies of stored articles (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.records import ArticleInfo, ArticleResult
from eventwire.store import NearDuplicates, Store
from eventwire.store.dedup import normalise, shingles

pytestmark = pytest.mark.issue(4)

STORY = (
    "NAIROBI, Kenya — The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday "
    "to discuss the dispute over grazing land along their shared border, officials said. "
    "The talks, the first in more than a year, ended with an agreement to set up a joint "
    "commission that will map the disputed area before the rainy season. Kenya's foreign "
    "minister said the two governments had agreed to withdraw police units from three "
    "villages where clashes between herders killed at least eleven people last month. "
    "Ethiopia's delegation said it would send engineers to help repair two water points "
    "that were damaged in the fighting, and both sides promised to meet again in Addis "
    "Ababa in the spring to review progress on the commission's work."
)
EDITED = (
    STORY.replace("on Tuesday", "on Tuesday afternoon").replace("eleven", "11")
    + " A spokesman declined to give further details."
)
OTHER = (
    "LIMA, Peru — Thousands of teachers marched through the centre of Lima on Monday to "
    "demand higher wages and the repair of rural schools, blocking traffic for several "
    "hours. Police used tear gas near the Congress building after some protesters threw "
    "stones, and the interior ministry said fourteen people were detained. The education "
    "minister invited union leaders to talks on Thursday but said the budget for this year "
    "could not be changed, and the union said the strike would continue until the "
    "government made a written offer on pay and school repairs in the southern provinces."
)


def test_normalisation_and_shingles() -> None:
    assert normalise("Kenya's  foreign—minister, SAID.") == ["kenya", "s", "foreign", "minister",
                                                            "said"]  # fmt: skip
    assert shingles("One two three") == {b"one two three"}
    assert len(shingles("a b c d e f g")) == 3
    assert shingles(" ... ") == set()


def test_a_lightly_edited_copy_is_found_and_another_story_is_not() -> None:
    dedup = NearDuplicates()
    assert dedup.add_and_match("story", STORY) is None
    assert dedup.add_and_match("other", OTHER) is None
    assert dedup.add_and_match("edited", EDITED) == "story"
    assert dedup.add_and_match("story", STORY) is None  # itself, seen before
    assert dedup.add_and_match("edited", EDITED) == "story"  # the same answer again
    assert dedup.add_and_match("copy of the copy", EDITED + " Updated.") == "story"
    assert len(dedup) == 2  # only canonical articles are indexed


def test_an_empty_text_is_never_a_duplicate() -> None:
    dedup = NearDuplicates()
    assert dedup.add_and_match("e1", "") is None
    assert dedup.add_and_match("e2", "  ") is None


def test_a_new_run_finds_copies_of_stored_articles() -> None:
    def result(article_id: str) -> ArticleResult:
        return ArticleResult(
            ArticleInfo(article_id, f"{article_id}.txt", None, dt.date(2024, 1, 2))
        )

    with Store.open(":memory:") as store:
        first = NearDuplicates()
        links = {}
        for aid, text in (("story", STORY), ("other", OTHER), ("edited", EDITED)):
            if (canonical := first.add_and_match(aid, text)) is not None:
                links[aid] = canonical
        store.write_batch(
            [result("story"), result("other"), result("edited")],
            duplicates=links,
            texts={"story": STORY, "other": OTHER, "edited": EDITED},
        )
        second = NearDuplicates()
        second.load(store)
        assert len(second) == 2
        assert second.add_and_match("again", STORY.replace("Tuesday", "Wednesday")) == "story"
        assert second.add_and_match("edited", EDITED) == "story"
        assert second.add_and_match("new", OTHER.replace("Lima", "Cusco")) == "other"


def test_the_threshold_is_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicates(threshold=1.5)
