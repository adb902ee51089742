"""Reading typed fields out of one JSON object of a gold file, with messages that say where."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from .schema import GoldError

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Where:
    """A gold file and, for JSON Lines, the line; builds the errors."""

    file: str
    line: int | None = None

    def error(self, reason: str) -> GoldError:
        return GoldError(reason, source=self.file, line=self.line)


class Obj:
    """One JSON object of a gold file; ``what`` names it in messages (``events[2] (E3)``)."""

    def __init__(self, raw: object, what: str, where: Where) -> None:
        if not isinstance(raw, dict):
            raise where.error(f"{what}: expected a JSON object, got {_kind(raw)}")
        self.raw: dict[str, Any] = raw
        self.what = what
        self.where = where

    def fail(self, reason: str) -> GoldError:
        prefix = f"{self.what}: " if self.what else ""
        return self.where.error(prefix + reason)

    def has(self, key: str) -> bool:
        return key in self.raw

    def need(self, key: str, hint: str = "") -> Any:
        if key not in self.raw:
            raise self.fail(f"missing field {key!r}{hint}")
        return self.raw[key]

    def text(self, key: str) -> str:
        value = self.need(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key!r} must be a non-empty string, got {_kind(value)}")
        return value

    def opt_text(self, key: str) -> str | None:
        return self.text(key) if self.raw.get(key) is not None else None

    def number(self, key: str) -> float:
        value = self.need(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise self.fail(f"{key!r} must be a number, got {_kind(value)}")
        return float(value)

    def opt_number(self, key: str) -> float | None:
        return self.number(key) if self.raw.get(key) is not None else None

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{key!r} must be true or false, got {_kind(value)}")
        return value

    def texts(self, key: str, default: list[str] | None = None) -> list[str]:
        """A string or a list of strings (a missing key gives ``default`` or fails)."""
        if key not in self.raw and default is not None:
            return default
        value = self.need(key)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
            raise self.fail(f"{key!r} must be a string or a list of strings, got {_kind(value)}")
        return items

    def objects(self, key: str) -> list[object] | None:
        """A list (of objects, checked by the caller); None when the key is absent."""
        if key not in self.raw:
            return None
        value = self.raw[key]
        if not isinstance(value, list):
            raise self.fail(f"{key!r} must be a list, got {_kind(value)}")
        return value

    def story_date(self, key: str) -> dt.date | None:
        """An ISO date (``2024-03-12``; ``20240312`` is accepted too) or null/absent."""
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
            iso = "-".join(compact.groups()) if compact else value
            try:
                return dt.date.fromisoformat(iso)
            except ValueError:
                pass
        raise self.fail(f"{key!r} must be a date YYYY-MM-DD, got {value!r}")

    def partial_date(self, key: str) -> str | None:
        """A date at the precision the gold gives: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, str) and _PARTIAL_DATE.match(value) and _real(value):
            return value
        raise self.fail(f"{key!r} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _real(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    parts += [1] * (3 - len(parts))
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"{value!r}" if value.strip() else "an empty string"
    names = {dict: "an object", list: "a list", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
