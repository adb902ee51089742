"""eventwire: news articles in, structured and verifiable political event data out.

>>> import eventwire, datetime
>>> result = eventwire.code("Rebels attacked an army base ...", published=datetime.date(2024, 5, 1))
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from .config import Settings
from .errors import EventwireError, InputError
from .pipeline import Pipeline
from .records import (
    Actor,
    Amount,
    Article,
    ArticleInfo,
    ArticleResult,
    Event,
    EventDate,
    Place,
    Plover,
    Problem,
    Quotation,
    TextSpan,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Amount", "Article", "ArticleInfo", "ArticleResult", "Event", "EventDate",
    "EventwireError", "InputError", "Pipeline", "Place", "Plover", "Problem", "Quotation",
    "Settings", "TextSpan", "__version__", "code", "get_pipeline",
]  # fmt: skip


@cache
def get_pipeline(model: str | None = None) -> Pipeline:
    """The shared pipeline for ``model`` (loaded once per process)."""
    return Pipeline(Settings.load(model=model))


def code(text: str, published: dt.date | None = None, *, model: str | None = None) -> ArticleResult:
    """Code one article's text; ``published`` is the story date events are resolved against."""
    return get_pipeline(model).code(text, published=published)
