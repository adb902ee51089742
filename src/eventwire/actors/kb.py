"""The knowledge base: countries, organisations, armed groups, roles, agents and persons.

Bundled entries come from ``data/kb/*.jsonl``; a user's ``--kb FILE`` adds entries in the same
format (docs/data-formats.md) and wins over a bundled entry with the same surface name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..data import read_jsonl
from ..errors import KnowledgeBaseError

NameKind = Literal[
    "country", "adjective", "demonym", "capital", "organization", "armed_group", "person"
]
BUNDLED = ("countries", "organizations", "armed_groups", "roles", "agents", "persons")
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC IGO UNO EUR NGO ISM IMG MNC".split()
)


@dataclass(frozen=True, slots=True)
class RoleSpell:
    role: str
    sectors: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """A named thing: a country, organisation, armed group or person."""

    kind: Literal["country", "organization", "armed_group", "person"]
    name: str
    country: str | None
    sectors: tuple[str, ...] = ()
    code: str | None = None
    roles: tuple[RoleSpell, ...] = ()

    def role_at(self, day: dt.date | None) -> RoleSpell | None:
        """The role held on ``day``; without a day, the latest role (``roles`` is newest first)."""
        if day is None:
            return self.roles[0] if self.roles else None
        for spell in self.roles:
            if spell.covers(day):
                return spell
        return None


@dataclass(frozen=True, slots=True)
class NameHit:
    kind: NameKind
    entry: Entry


@dataclass(frozen=True, slots=True)
class Term:
    """A lowercase role or agent noun phrase."""

    kind: Literal["role", "agent"]
    name: str
    sectors: tuple[str, ...]
    head: bool = False


@dataclass
class KnowledgeBase:
    """Surface-string indexes over all entries. Built once, then only read."""

    names: dict[str, NameHit] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    max_words: int = 1

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> KnowledgeBase:
        kb = cls()
        for name in BUNDLED:
            for entry in read_jsonl(f"kb/{name}.jsonl"):
                kb.add(entry, where=f"kb/{name}.jsonl")
        for path in extra:
            for where, entry in _read_user_file(path):
                kb.add(entry, where=where, user=True)
        return kb

    def add(self, raw: dict[str, Any], *, where: str, user: bool = False) -> None:
        try:
            _ADDERS[raw["kind"]](self, raw, user)
        except KeyError as exc:
            raise KnowledgeBaseError(f"missing or unknown field {exc}", source=where) from None
        except (TypeError, ValueError) as exc:
            raise KnowledgeBaseError(str(exc), source=where) from None

    def _name(self, surface: str, hit: NameHit, user: bool) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        if user or surface not in self.names:
            self.names[surface] = hit
        self.max_words = max(self.max_words, _words(surface))

    def _term(self, phrase: str, term: Term, user: bool) -> None:
        phrase = " ".join(phrase.lower().split())
        if user or phrase not in self.terms:
            self.terms[phrase] = term
        self.max_words = max(self.max_words, _words(phrase))

    def lookup(self, surface: str) -> NameHit | None:
        hit = self.names.get(surface)
        if hit is None and surface.startswith("the "):
            hit = self.names.get(surface[4:])
        return hit


def _words(s: str) -> int:
    return len(s.replace("-", " - ").replace("'", " '").split())


def _sectors(raw: Any) -> tuple[str, ...]:
    sectors = tuple(str(s).upper() for s in raw or ())
    bad = [s for s in sectors if s not in SECTORS]
    if bad:
        raise ValueError(f"unknown sector(s) {', '.join(bad)}")
    return sectors


def _country_code(raw: Any) -> str | None:
    if raw in (None, ""):
        return None
    code = str(raw)
    if len(code) != 3 or not code.isalpha() or not code.isupper():
        raise ValueError(f"country must be an ISO 3166 alpha-3 code, not {code!r}")
    return code


def _date(raw: Any) -> dt.date | None:
    if raw in (None, ""):
        return None
    text = str(raw)
    if text.startswith(">") or text.startswith("<"):
        text = text[1:]
    return dt.date.fromisoformat(text)


def _add_country(kb: KnowledgeBase, raw: dict[str, Any], user: bool) -> None:
    code = _country_code(raw["code"])
    assert code is not None
    entry = Entry("country", raw["name"], code, (), code)
    kb.countries[code] = entry
    for s in [raw["name"], *raw.get("aliases", [])]:
        kb._name(s, NameHit("country", entry), user)
    for s in raw.get("adjectives", []):
        kb._name(s, NameHit("adjective", entry), user)
    for s in raw.get("demonyms", []):
        kb._name(s, NameHit("demonym", entry), user)
    for s in [raw.get("capital"), *raw.get("capital_aliases", [])]:
        if s:
            kb._name(s, NameHit("capital", entry), user)


def _add_named(kind: Literal["organization", "armed_group"]) -> Any:
    def add(kb: KnowledgeBase, raw: dict[str, Any], user: bool) -> None:
        default = ("REB",) if kind == "armed_group" else ()
        sectors = _sectors(raw.get("sectors")) or default
        entry = Entry(
            kind, raw["name"], _country_code(raw.get("country")), sectors, raw.get("code")
        )
        for s in [raw["name"], *raw.get("aliases", [])]:
            kb._name(s, NameHit(kind, entry), user)

    return add


def _add_person(kb: KnowledgeBase, raw: dict[str, Any], user: bool) -> None:
    spells = tuple(
        RoleSpell(
            str(r["role"]).lower(),
            _sectors(r.get("sectors")),
            _date(r.get("start")),
            _date(r.get("end")),
        )
        for r in raw.get("roles", [])
    )
    # newest first, so role_at(None) finds the current one
    spells = tuple(sorted(spells, key=lambda s: s.start or dt.date.min, reverse=True))
    entry = Entry(
        "person", raw["name"], _country_code(raw.get("country")), (), raw.get("code"), spells
    )
    for s in [raw["name"], *raw.get("aliases", [])]:
        kb._name(s, NameHit("person", entry), user)


def _add_role(kb: KnowledgeBase, raw: dict[str, Any], user: bool) -> None:
    term = Term("role", str(raw["role"]).lower(), _sectors(raw["sectors"]), bool(raw.get("head")))
    for p in [raw["role"], *raw.get("patterns", [])]:
        kb._term(p, term, user)


def _add_agent(kb: KnowledgeBase, raw: dict[str, Any], user: bool) -> None:
    nouns = raw["nouns"]
    term = Term("agent", str(nouns[0]).lower(), _sectors(raw["sectors"]))
    for n in nouns:
        kb._term(n, term, user)


_ADDERS = {
    "country": _add_country,
    "organization": _add_named("organization"),
    "armed_group": _add_named("armed_group"),
    "person": _add_person,
    "role": _add_role,
    "agent": _add_agent,
}


def _read_user_file(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"cannot read knowledge base: {exc}", source=str(path)) from None
    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{path}:{lineno}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(f"invalid JSON ({exc.msg})", source=where) from None
        if not isinstance(entry, dict) or "kind" not in entry:
            raise KnowledgeBaseError("entry has no 'kind'", source=where)
        if entry["kind"] == "source":
            continue
        if entry["kind"] not in _ADDERS:
            raise KnowledgeBaseError(f"unknown kind {entry['kind']!r}", source=where)
        yield where, entry
