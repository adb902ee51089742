"""The API server's settings: one validated object, unknown keys rejected."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..config import DEFAULT_MODEL, first_problem, read_toml
from ..errors import ConfigError

TOKEN_ENV = "EVENTWIRE_TOKEN"
DEFAULT_MAX_BODY = 2_000_000


class ApiSettings(BaseModel):
    """Settings of the HTTP API (``[api]`` table of the settings TOML file, plus overrides).

    Without a ``token`` the write endpoints (``POST /v1/articles``) answer 403; reads and
    ``POST /v1/code`` (which stores nothing) stay open.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: Path = Field(Path("eventwire.duckdb"), description="the event database file")
    token: str | None = Field(
        None, description=f"bearer token for writes (default: ${TOKEN_ENV}); None disables writes"
    )
    max_body: int = Field(DEFAULT_MAX_BODY, gt=0, description="largest request body, in bytes")
    cors_origins: tuple[str, ...] = Field(
        (), description="origins allowed by CORS (none: CORS headers are never sent)"
    )
    model: str = Field(DEFAULT_MODEL, description="installed spaCy pipeline")
    index: bool = Field(
        True, description="answer event pages from an in-memory index (kept current on writes)"
    )
    index_dir: Path | None = Field(
        None, description="folder for the index's row file (default: the system's temp folder)"
    )

    @field_validator("token")
    @classmethod
    def _token(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.strip() or value != value.strip():
            raise ValueError("the token must be non-empty and without surrounding blanks")
        return value

    @field_validator("index_dir")
    @classmethod
    def _index_dir(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_dir():
            raise ValueError(f"{value} is not a folder")
        return value

    @classmethod
    def load(cls, path: Path | None = None, **overrides: Any) -> ApiSettings:
        """Settings from the ``[api]`` table of a TOML file (if given), non-None overrides,
        and the token from ``$EVENTWIRE_TOKEN`` when neither gives one."""
        data: dict[str, Any] = {}
        if path is not None:
            table = read_toml(path).get("api", {})
            if not isinstance(table, dict):
                raise ConfigError("[api] must be a table", source=str(path))
            data.update(table)
        data.update({k: v for k, v in overrides.items() if v is not None})
        if data.get("token") is None and os.environ.get(TOKEN_ENV, "").strip():
            data["token"] = os.environ[TOKEN_ENV].strip()
        try:
            return cls(**data)
        except ValidationError as exc:
            raise ConfigError(f"invalid API setting {first_problem(exc)}") from None
