"""Bundled data files: ontology, knowledge base and event lexicon (see docs/data-formats.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from ..errors import DataError


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a bundled TSV file (``# ...`` lines skipped; first other line is the header)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise DataError(
                f"{len(cells)} columns, expected {len(header)}", source=f"{name}:{lineno}"
            )
        yield dict(zip(header, cells, strict=True))


def read_jsonl(name: str) -> Iterator[dict[str, Any]]:
    """Entries of a bundled JSON Lines file, without its source line."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"invalid JSON: {exc.msg}", source=f"{name}:{lineno}") from None
        if entry.get("kind") != "source":
            yield entry
