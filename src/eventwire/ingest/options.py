"""Options shared by every input reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError

#: Our names for the fields of a record in a JSON Lines, JSON or CSV corpus.
FIELD_NAMES = ("id", "title", "text", "url", "published", "source")

#: Field names tried for the story date when neither ``date_field`` nor ``fields`` names one.
DATE_FIELDS = ("published", "date", "pubdate", "published_at", "seendate")


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read and validated.

    ``max_bytes`` and ``min_english`` apply to each article (a file, a line, a row or a feed
    entry). ``fields`` maps our field names (:data:`FIELD_NAMES`) to the names a corpus uses,
    e.g. ``{"text": "body"}``; ``date_field`` names the story-date field and wins over
    ``fields["published"]``. ``published`` is the story date of inputs that carry none.
    ``fetch`` allows fetching http(s) URLs named as inputs; ``timeout`` is in seconds.
    Article ids are always ``article_id(text, url)`` and ``Article.source`` the provenance
    ("path:line"), so ``fields["id"]`` and ``fields["source"]`` are accepted but not used yet.
    """

    max_bytes: int = 2_000_000
    min_english: float = 0.12
    date_field: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    published: dt.date | None = None
    fetch: bool = True
    timeout: float = 20.0

    def __post_init__(self) -> None:
        unknown = sorted(set(self.fields) - set(FIELD_NAMES))
        if unknown:
            raise ConfigError(
                f"unknown field name {', '.join(map(repr, unknown))} in the field mapping "
                f"(known: {', '.join(FIELD_NAMES)})"
            )
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive (got {self.max_bytes})")
        if self.timeout <= 0:
            raise ConfigError(f"timeout must be positive (got {self.timeout})")
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))

    def __reduce__(self) -> tuple[Any, ...]:
        """Picklable (a mapping proxy is not), so options travel to Dask workers."""
        state = {f.name: getattr(self, f.name) for f in dataclass_fields(self)}
        state["fields"] = dict(self.fields)
        return (_rebuild, (state,))

    def candidates(self, name: str) -> tuple[str, ...]:
        """The corpus field names to look for, in order, for one of our field names."""
        if name == "published" and self.date_field:
            return (self.date_field,)
        if name in self.fields:
            return (self.fields[name],)
        return _DEFAULT_CANDIDATES.get(name, (name,))


def _rebuild(state: dict[str, Any]) -> ReadOptions:
    return ReadOptions(**state)


_DEFAULT_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link", "sourceurl"),
    "published": DATE_FIELDS,
}
