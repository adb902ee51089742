"""Import PETRARCH/TABARI actor and agent dictionaries as knowledge-base JSON Lines.

The text format (one entry per block; blank lines end a block; ``#`` starts a comment)::

    BARACK_OBAMA                   # a name line: words joined with _
    +OBAMA                         # a synonym
    [USAELI 080101-090120]         # a code held in a date range (YYMMDD, 00-69 are 20xx)
    [USAGOV >090120]               # held from that date on;  [X <170120]: held until that date
    DEMOCRATIC_PARTY [USAPTY]      # a one-line entry with an undated code

    !minist! [~GOV]                # agent dictionary: a stem, an agent code (~ + sectors)
    POLICEMAN {POLICEMEN} [~COP]   # a noun with an irregular plural

How entries map (docs/data-formats.md, "Importing PETRARCH dictionaries"): an actor whose codes
change over time, or whose name looks like a person's, becomes a ``person`` with one role spell
per code; other actors become an ``organization`` (``armed_group`` when a sector is REB, UAF, INS
or IMG); an undated bare country code (``BEIJING [CHN]``) adds the name to that country. Every
line that cannot be read is reported with its line number and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..data import read_jsonl
from ..errors import MissingInput
from .kb import SECTORS

Problem = tuple[str, int, str]

ARMED = frozenset({"REB", "UAF", "INS", "IMG"})
ORG_WORDS = frozenset(
    "ACADEMY AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BATTALION BOARD BRIGADE "
    "BRIGADES BUREAU CABINET CARTEL CENTER CENTRE CHURCH COALITION COMMAND COMMISSION COMMITTEE "
    "COMPANY CONGRESS CORP CORPORATION COUNCIL COURT DEPARTMENT DIVISION EMBASSY FEDERATION FORCE "
    "FORCES FOUNDATION FRONT FUND GOVERNMENT GROUP GUARD GUARDS INC INSTITUTE KINGDOM LEAGUE LTD "
    "MILITIA MINISTRY MISSION MOVEMENT NATIONS NAVY NETWORK OFFICE ORGANISATION ORGANIZATION "
    "PARLIAMENT PARTY POLICE PRESS REPUBLIC SECRETARIAT SENATE SERVICE SERVICES SOCIETY STATE "
    "STATES TRIBUNAL UNION UNIVERSITY WATCH AND FOR OF THE".split()
)
ROLE_NAMES = {
    "GOV": "government official", "MIL": "military officer", "COP": "police officer",
    "JUD": "judge", "LEG": "legislator", "PTY": "party official", "SPY": "intelligence officer",
    "REB": "rebel", "UAF": "armed fighter", "OPP": "opposition figure", "ELI": "public figure",
    "BUS": "business person", "LAB": "labour leader", "JRN": "journalist", "EDU": "academic",
    "REL": "religious leader", "CVL": "civilian", "REF": "refugee", "AGR": "farmer",
    "CRM": "criminal", "IGO": "international official", "UNO": "UN official",
    "NGO": "NGO official", "MNC": "business person", "IMG": "militant",
}  # fmt: skip
SMALL_WORDS = frozenset("of the and for on in to at de del la".split())
PARTICLES = frozenset("de da das do dos du van von der den bin ibn".split())
STEM_ENDINGS = ("er", "ers", "ry", "ries")
_CODE = re.compile(r"(?:[A-Z]{3})+")
_WORD = re.compile(r"[^\W_][\w'.&/-]*")
_DATE = re.compile(r"\d{6}|\d{8}")

Kind = Literal["name", "synonym", "code"]


class _Bad(Exception):
    """A line that cannot be read; the reason is reported with the line number."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Code:
    """One bracketed code: ``[USAGOV >090120]`` or, in an agent dictionary, ``[~GOV]``."""

    code: str
    line: int
    head: str  # the country or non-state group (first three letters); "" for an agent code
    sectors: tuple[str, ...]  # known sectors, a non-state head (IGO, NGO, ...) first
    unknown: tuple[str, ...] = ()  # 3-letter groups that are not eventwire sectors
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Surface:
    """A name or synonym as written (``BARACK_OBAMA``), with an agent's explicit plural."""

    text: str
    line: int
    plural: str | None = None


@dataclass
class _Block:
    name: Surface
    synonyms: list[Surface] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)


@dataclass
class ImportResult:
    """Entries ready for :func:`write_jsonl`, and every problem as (file, line, reason)."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # entries (blocks) read from the dictionaries
    skipped: int = 0  # lines that were skipped (each also in ``problems``)


@dataclass
class _Report:
    path: str
    result: ImportResult

    def skip(self, line: int, reason: str) -> None:
        self.result.problems.append((self.path, line, reason))
        self.result.skipped += 1

    def warn(self, line: int, reason: str) -> None:
        self.result.problems.append((self.path, line, reason))


@dataclass(frozen=True, slots=True)
class _Line:
    kind: Kind
    surface: Surface | None
    codes: tuple[Code, ...]


CodeParser = Callable[[str, int], Code]


def import_petrarch(actors: Path, agents: Path | None = None) -> ImportResult:
    """Read an actor dictionary (and an agent dictionary) into knowledge-base entries.

    Raises :class:`MissingInput` if a file cannot be read; problems inside the files are
    collected in the result, never raised.
    """
    countries = {e["code"]: e["name"] for e in read_jsonl("kb/countries.jsonl")}
    result = ImportResult()
    report = _Report(str(actors), result)
    blocks = list(_blocks(_read(actors), _actor_code, report, agent=False))
    result.read += len(blocks)
    result.entries.extend(_actor_entries(blocks, countries, report))
    if agents is not None:
        report = _Report(str(agents), result)
        blocks = list(_blocks(_read(agents), _agent_code, report, agent=True))
        result.read += len(blocks)
        result.entries.extend(e for b in blocks if (e := _agent_entry(b, report)) is not None)
    result.problems.sort(key=lambda p: (p[0] != str(actors), p[1]))
    return result


def write_jsonl(entries: Iterable[dict[str, Any]], out: Path, *, note: str | None = None) -> int:
    """Write entries as JSON Lines (a source line first if ``note``); returns entries written."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        if note:
            f.write(json.dumps({"kind": "source", "note": note}, ensure_ascii=False) + "\n")
        for entry in entries:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            n += 1
    return n


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MissingInput(f"cannot read dictionary: {exc.strerror}", source=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older dictionaries are Latin-1


# --- reading blocks -----------------------------------------------------------------------


def _blocks(text: str, parse_code: CodeParser, report: _Report, *, agent: bool) -> Iterator[_Block]:
    """Blocks of name, synonyms and codes; a bad line is reported and skipped."""
    current: _Block | None = None
    broken: int | None = None  # the line of a name that could not be read
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not raw.strip():
            if current is not None:
                yield current
            current, broken = None, None
            continue
        if not line:
            continue  # a comment line does not end an entry
        try:
            parsed = _parse_line(line, number, parse_code, agent=agent)
        except _Bad as bad:
            report.skip(number, bad.reason)
            if not line.startswith(("+", "[")):
                if current is not None:
                    yield current
                current, broken = None, number
            continue
        if parsed.kind == "name":
            if current is not None:
                yield current
            assert parsed.surface is not None
            current, broken = _Block(parsed.surface), None
        elif current is None:
            what = "synonym" if parsed.kind == "synonym" else "code"
            report.skip(number, _orphan(what, broken))
            continue
        elif parsed.surface is not None:
            current.synonyms.append(parsed.surface)
        current.codes.extend(parsed.codes)
    if current is not None:
        yield current


def _orphan(what: str, broken: int | None) -> str:
    if broken is not None:
        return f"{what} of the entry at line {broken}, which could not be read"
    return f"{what} outside an entry (a blank line ended the entry before it)"


def _parse_line(line: str, number: int, parse_code: CodeParser, *, agent: bool) -> _Line:
    head, brackets = _split_brackets(line)
    synonym = head.startswith("+")
    if synonym:
        head = head[1:].strip()
    plural = None
    if "{" in head or "}" in head:
        if not agent:
            raise _Bad("'{...}' plurals belong in an agent dictionary")
        m = re.fullmatch(r"(\S+)\s*\{\s*([^{}\s]+)\s*\}", head)
        if m is None:
            raise _Bad("bad brace: expected NOUN {PLURAL}")
        head, plural = m.group(1), m.group(2)
    codes = tuple(parse_code(b, number) for b in brackets)
    if not head:
        if synonym:
            raise _Bad("'+' without a synonym")
        return _Line("code", None, codes)
    _check_name(head, agent=agent)
    return _Line("synonym" if synonym else "name", Surface(head, number, plural), codes)


def _split_brackets(line: str) -> tuple[str, list[str]]:
    """``NAME [A] [B]`` -> ("NAME", ["A", "B"]); unbalanced or stray brackets are errors."""
    i = line.find("[")
    head = line if i < 0 else line[:i]
    if "]" in head:
        raise _Bad("bad bracket: ']' without '['")
    brackets: list[str] = []
    rest = "" if i < 0 else line[i:]
    while rest:
        if not rest.startswith("["):
            raise _Bad(f"unexpected text {rest.split()[0]!r} after a code")
        close = rest.find("]")
        if close < 0:
            raise _Bad("bad bracket: '[' without ']'")
        inner = rest[1:close]
        if "[" in inner:
            raise _Bad("bad bracket: '[' inside a code")
        brackets.append(inner.strip())
        rest = rest[close + 1 :].lstrip()
    return head.strip(), brackets


def _check_name(name: str, *, agent: bool) -> None:
    if any(ch.isspace() for ch in name):
        raise _Bad(f"unexpected space in name {name!r} (join words with _)")
    words = [w for w in name.split("_") if w]
    if not words:
        raise _Bad(f"no words in name {name!r}")
    for i, word in enumerate(words):
        stem = word.startswith("!") and word.endswith("!") and len(word) > 2
        if stem and agent and i == len(words) - 1:
            word = word[1:-1]
        elif "!" in word:
            where = "the last word of an agent" if agent else "agent dictionaries"
            raise _Bad(f"bad stem {word!r}: !stem! is only used in {where}")
        if not _WORD.fullmatch(word) or not any(ch.isalpha() for ch in word):
            raise _Bad(f"unexpected characters in name {name!r}")


# --- codes ----------------------------------------------------------------------------------


def _actor_code(inner: str, line: int) -> Code:
    parts = inner.split()
    if not parts:
        raise _Bad("empty code []")
    if len(parts) > 2:
        raise _Bad(f"unexpected text in code [{inner}]")
    code = parts[0].upper()
    if code.startswith("~"):
        raise _Bad(f"agent code [{code}] in an actor dictionary")
    if not _CODE.fullmatch(code):
        raise _Bad(f"unknown code shape {parts[0]!r} (expected 3-letter groups, e.g. USAGOV)")
    head, groups = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    all_sectors = [head, *groups] if head in SECTORS else groups
    start, end = _restriction(parts[1]) if len(parts) == 2 else (None, None)
    return Code(
        code,
        line,
        head,
        tuple(s for s in all_sectors if s in SECTORS),
        tuple(s for s in all_sectors if s not in SECTORS),
        start,
        end,
    )


def _agent_code(inner: str, line: int) -> Code:
    parts = inner.split()
    if len(parts) != 1:
        raise _Bad(f"agent codes take no dates or other text: [{inner}]")
    code = parts[0].upper()
    body = code.replace("~", "")
    if not code.startswith("~") or not _CODE.fullmatch(body):
        raise _Bad(f"unknown agent code shape {parts[0]!r} (expected ~ and sectors, e.g. ~GOV)")
    groups = [body[i : i + 3] for i in range(0, len(body), 3)]
    return Code(
        code,
        line,
        "",
        tuple(s for s in groups if s in SECTORS),
        tuple(s for s in groups if s not in SECTORS),
    )


def _restriction(text: str) -> tuple[dt.date | None, dt.date | None]:
    """``>YYMMDD`` from, ``<YYMMDD`` until, ``YYMMDD-YYMMDD`` between (both inclusive)."""
    if text[:1] == ">":
        return _date(text[1:]), None
    if text[:1] == "<":
        return None, _date(text[1:])
    first, dash, last = text.partition("-")
    if not dash:
        raise _Bad(f"bad date {text!r} (expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)")
    start, end = _date(first), _date(last)
    if end < start:
        raise _Bad(f"bad date {text!r}: the range ends before it starts")
    return start, end


def _date(text: str) -> dt.date:
    """YYMMDD (years 00-69 are 20xx, 70-99 are 19xx) or YYYYMMDD."""
    if not _DATE.fullmatch(text):
        raise _Bad(f"bad date {text!r} (expected YYMMDD)")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 70 else 1900 + yy
    else:
        year = int(text[:4])
    try:
        return dt.date(year, int(text[-4:-2]), int(text[-2:]))
    except ValueError:
        raise _Bad(f"bad date {text!r}: no such day") from None


# --- actors ---------------------------------------------------------------------------------


def _actor_entries(
    blocks: list[_Block], countries: dict[str, str], report: _Report
) -> Iterator[dict[str, Any]]:
    places: dict[str, list[str]] = {}  # country code -> names that stand for the country
    for block in blocks:
        if not block.codes:
            report.skip(block.name.line, f"no code for {block.name.text}; entry left out")
            continue
        for code in block.codes:
            _check_code(code, countries, report)
        codes = block.codes
        if any(c.dated for c in codes) or (_person_shaped(block.name.text) and not _bare(codes)):
            yield _person(block, countries)
        elif all(not c.sectors and not c.unknown and c.head in countries for c in codes):
            names = places.setdefault(codes[0].head, [])
            for s in [block.name, *block.synonyms]:
                names.extend(_org_surfaces(s.text))
        else:
            yield _named(block, countries)
    for iso3, names in places.items():
        yield {"kind": "country", "code": iso3, "name": countries[iso3], "aliases": _unique(names)}


def _check_code(code: Code, countries: dict[str, str], report: _Report) -> None:
    if code.head not in countries and code.head not in SECTORS:
        report.warn(
            code.line,
            f"{code.head} in [{code.code}] is neither a country eventwire knows nor a group "
            "code (IGO, NGO, ...); imported without a country",
        )
    if code.unknown:
        report.warn(
            code.line, f"unknown sector(s) {', '.join(code.unknown)} in [{code.code}] left out"
        )


def _bare(codes: list[Code]) -> bool:
    return all(not c.sectors and not c.unknown for c in codes)


def _person_shaped(name: str) -> bool:
    """Two or more words, no digits and no organisation words (PARTY, ARMY, OF, ...)."""
    words = [w for w in name.upper().split("_") if w]
    if len(words) < 2 or any(ch.isdigit() for ch in name):
        return False
    return not any(w.removesuffix("'S").strip(".") in ORG_WORDS for w in words)


def _person(block: _Block, countries: dict[str, str]) -> dict[str, Any]:
    name = _person_name(block.name.text)
    aliases = _unique(_person_name(s.text) for s in block.synonyms)
    codes = sorted(block.codes, key=_spell_order)
    entry: dict[str, Any] = {
        "kind": "person",
        "name": name,
        "aliases": [a for a in aliases if a != name],
        "country": next((c.head for c in block.codes if c.head in countries), None),
        "roles": [_spell(c) for c in codes],
    }
    if len(codes) == 1:
        entry["code"] = codes[0].code
    return entry


def _spell_order(code: Code) -> tuple[int, int]:
    """Newest start first, then spells that only end (earliest end first), then undated ones;
    ``KnowledgeBase`` keeps this order among spells without a start."""
    if code.start is not None:
        return (0, -code.start.toordinal())
    if code.end is not None:
        return (1, code.end.toordinal())
    return (2, 0)


def _spell(code: Code) -> dict[str, Any]:
    return {
        "role": _role_name(code),
        "sectors": list(code.sectors),
        "start": code.start.isoformat() if code.start else None,
        "end": code.end.isoformat() if code.end else None,
    }


def _role_name(code: Code) -> str:
    """The first sector after the country or group with a readable name, else "member"."""
    order = [*code.sectors[1:], *code.sectors[:1]] if code.head in SECTORS else code.sectors
    return next((ROLE_NAMES[s] for s in order if s in ROLE_NAMES), "member")


def _named(block: _Block, countries: dict[str, str]) -> dict[str, Any]:
    codes = block.codes
    armed = any(ARMED & {*c.sectors, *c.unknown} for c in codes)
    surfaces = _unique(s for n in [block.name, *block.synonyms] for s in _org_surfaces(n.text))
    sectors = _unique(s for c in codes for s in c.sectors)
    return {
        "kind": "armed_group" if armed else "organization",
        "name": surfaces[0],
        "aliases": surfaces[1:],
        "country": next((c.head for c in codes if c.head in countries), None),
        "sectors": sectors or (["REB"] if armed else []),  # INS (not a sector) reads as REB
        "code": codes[0].code,
    }


def _person_name(raw: str) -> str:
    """``BASHAR_AL-ASSAD`` -> "Bashar Al-Assad"; ``LUIZ_DA_SILVA`` -> "Luiz da Silva"."""
    words = [w for w in raw.split("_") if w]
    out = []
    for i, word in enumerate(words):
        inner = 0 < i < len(words) - 1
        out.append(word.lower() if inner and word.lower() in PARTICLES else _title(word))
    return " ".join(out)


def _org_surfaces(raw: str) -> list[str]:
    """An organisation or place name in likely letter case; a short single word (an acronym
    such as ``NATO``) is kept as written, with the Title Case form as a second surface."""
    words = [w for w in raw.split("_") if w]
    if len(words) == 1 and len(words[0]) <= 5:
        return _unique([words[0], _title(words[0])])
    out = []
    for i, word in enumerate(words):
        if i > 0 and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif len(word) <= 2 or "." in word or not re.search(r"[AEIOUYaeiouy]", word):
            out.append(word)  # UN, U.S., PKK
        else:
            out.append(_title(word))
    return [" ".join(out)]


def _title(word: str) -> str:
    return re.sub(r"'S\b", "'s", word.title())


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


# --- agents ---------------------------------------------------------------------------------


def _agent_entry(block: _Block, report: _Report) -> dict[str, Any] | None:
    for code in block.codes:
        if code.unknown:
            report.warn(
                code.line, f"unknown sector(s) {', '.join(code.unknown)} in [{code.code}] left out"
            )
    sectors = _unique(s for c in block.codes for s in c.sectors)
    if not sectors:
        why = "no code" if not block.codes else "no known sector"
        report.skip(block.name.line, f"{why} for agent {block.name.text}; entry left out")
        return None
    nouns = _unique(n for s in [block.name, *block.synonyms] for n in agent_forms(s))
    return {"kind": "agent", "nouns": nouns, "sectors": sectors}


def agent_forms(surface: Surface) -> list[str]:
    """Lowercase nouns for an agent pattern.

    ``SOLDIER`` -> soldier, soldiers (a regular plural of the last word, or ``{PLURAL}``);
    ``!minist!`` -> minist, minists, minister, ministers, ministry, ministries (the stem, its
    plural, and the stem + er, ers, ry, ries). Forms that are not words never match any text.
    """
    words = [w for w in surface.text.lower().split("_") if w]
    prefix, last = words[:-1], words[-1]
    if last.startswith("!") and last.endswith("!"):
        stem = last.strip("!")
        ends = [stem, _plural(stem), *(stem + e for e in STEM_ENDINGS)]
    elif surface.plural is not None:
        ends = [last, surface.plural.lower().replace("_", " ").split()[-1]]
    else:
        ends = [last, _plural(last)]
    return _unique(" ".join([*prefix, e]) for e in ends)


def _plural(word: str) -> str:
    """English regular plural; ``-man`` -> ``-men``; a word already ending in one ``s`` stays."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("ss", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"
