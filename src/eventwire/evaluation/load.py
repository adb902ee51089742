"""Gold sets from disk: a folder of gold files, one gold file, or a JSON Lines file of gold
articles or of gold sentences (the format is sniffed from the objects)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .fields import Where
from .gold import load_gold
from .parse import is_sentence_object, parse_article, parse_sentence
from .schema import GoldArticle, GoldError

GOLD_SUFFIXES = (".gold.json", ".expected.json")


def load_golds(path: Path) -> tuple[GoldArticle, ...]:
    """Every gold article under ``path``; raises :class:`GoldError` on the first bad one."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.name.endswith(GOLD_SUFFIXES))
        if not files:
            raise GoldError(
                f"no gold files (*{', *'.join(GOLD_SUFFIXES)}) in this folder", source=str(path)
            )
        return tuple(load_gold(f) for f in files)
    if not path.exists():
        raise GoldError("no such file or folder", source=str(path))
    if path.name.endswith(".json"):
        return (load_gold(path),)
    return load_gold_lines(path)


def load_gold_lines(path: Path) -> tuple[GoldArticle, ...]:
    """A JSON Lines gold set: article objects (with ``text``) or sentence objects."""
    rows = list(_json_lines(path))
    if not rows:
        raise GoldError("no gold objects in this file", source=str(path))
    sentences = any(is_sentence_object(raw) for _, raw in rows)
    golds = []
    for line, raw in rows:
        where = Where(str(path), line)
        if sentences:
            golds.append(parse_sentence(raw, where))
        else:
            golds.append(parse_article(raw, where, base=path.parent, name=f"{path.name}:{line}"))
    return tuple(golds)


def _json_lines(path: Path) -> Iterator[tuple[int, object]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read: {exc}", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(
                f"invalid JSON: {exc.msg} at column {exc.colno}", source=str(path), line=number
            ) from None
