"""Text preparation before parsing: find the dateline and blank it out (offsets are kept)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "TEL AVIV –", "NAIROBI, Kenya (eventwire) —", "GENEVA (Reuters) -"
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.])"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}))?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?\s*[–—-]{1,2}\s+"
)


@dataclass(frozen=True, slots=True)
class Prepared:
    text: str  # the text handed to the parser: same length as the article text
    dateline: str | None
    dateline_region: str | None
    body_start: int


def prepare(text: str) -> Prepared:
    """Detect a dateline at the start of ``text`` and replace it by spaces for parsing."""
    m = _DATELINE.match(text)
    if m is None:
        return Prepared(text, None, None, 0)
    place = " ".join(w.capitalize() for w in m.group("place").split())
    blanked = " " * m.end() + text[m.end() :]
    return Prepared(blanked, place, m.group("region"), m.end())
