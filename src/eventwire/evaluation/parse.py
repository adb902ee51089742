"""Gold objects (article format and sentence format) checked and turned into typed records.

Every problem raises :class:`GoldError` naming the file (and line, for JSON Lines) and the
object inside it, e.g. ``gold.jsonl:3: events[1]: unknown CAMEO root '21' (roots are 01-20)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..coding.ontology import load_ontology
from ..ingest.text import article_id
from ..records import STATUSES
from .fields import Obj, Where
from .schema import GoldAmount, GoldArticle, GoldEvent, GoldPlace, GoldQuote

CAMEO_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))
# CAMEO actor codes that are not a country followed by a sector: matched on the whole code.
NON_STATE_PREFIXES = ("IGO", "NGO", "NGM", "MNC", "IMG")
_NO_ACTOR = frozenset(["", "---", "-", "NONE", "NULL"])
T = TypeVar("T")


@cache
def plover_types() -> frozenset[str]:
    return frozenset(load_ontology().plover)


def parse_article(raw: object, where: Where, *, base: Path, name: str) -> GoldArticle:
    """An article-format gold object. The text is ``text`` (JSON Lines) or the file named by
    ``article``, relative to ``base`` (the gold file's folder)."""
    obj = Obj(raw, "", where)
    text, aliases = _article_text(obj, base)
    events = obj.objects("events")
    if events is None:
        raise obj.fail("missing field 'events' (a list, possibly empty)")
    if obj.has("id"):
        aliases = (*aliases, str(obj.raw["id"]))
    return GoldArticle(
        path=Path(where.file),
        text=text,
        story_date=obj.story_date("story_date"),
        events=tuple(parse_event(e, i, where) for i, e in enumerate(events)),
        id=article_id(text),
        name=str(obj.raw.get("id", name)),
        aliases=aliases,
        quotations=_listed(obj, "quotations", _quote),
        amounts=_listed(obj, "amounts", _amount),
        places=_listed(obj, "places", lambda o: _place(o, need_name=True)),
    )


def _article_text(obj: Obj, base: Path) -> tuple[str, tuple[str, ...]]:
    if obj.has("text"):
        return obj.text("text"), ()
    rel = obj.text("article") if obj.has("article") else obj.need("article", " (or 'text')")
    path = base / rel
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise obj.fail(f"cannot read the article {rel!r}: {exc}") from None
    if not text.strip():
        raise obj.fail(f"the article {rel!r} is empty")
    return text, (Path(rel).name, Path(rel).stem)


def parse_event(raw: object, index: int, where: Where) -> GoldEvent:
    label = raw.get("id") if isinstance(raw, dict) else None
    obj = Obj(raw, f"events[{index}]" + (f" ({label})" if label else ""), where)
    roots = obj.texts("cameo_root", default=[])
    types = obj.texts("plover", default=[])
    if not roots and not types:
        raise obj.fail("missing field 'cameo_root' or 'plover' (the acceptable event types)")
    _check_codes(obj, roots, types)
    statuses = obj.texts("status", default=["asserted"])
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise obj.fail(f"unknown status {bad[0]!r} (one of {', '.join(STATUSES)})")
    sentence = obj.raw.get("sentence")
    return GoldEvent(
        id=str(label or f"E{index + 1}"),
        required=obj.flag("required", True),
        symmetric=obj.flag("symmetric", False),
        sentence=sentence if isinstance(sentence, int) else None,
        evidence=obj.opt_text("evidence"),
        source=_actor(obj, "source"),
        target=_actor(obj, "target"),
        roots=frozenset(roots),
        plover=frozenset(types),
        statuses=frozenset(statuses),
        date=obj.partial_date("date"),
        location=_location(obj),
        plover_order=tuple(types),
    )


def _check_codes(obj: Obj, roots: list[str], types: list[str]) -> None:
    for root in roots:
        if root not in CAMEO_ROOTS:
            raise obj.fail(f"unknown CAMEO root {root!r} (roots are 01-20)")
    for kind in types:
        if kind not in plover_types():
            known = ", ".join(sorted(plover_types()))
            raise obj.fail(f"unknown PLOVER type {kind!r} (one of {known})")


def _actor(obj: Obj, key: str) -> dict[str, Any] | None:
    value = obj.need(key, " (use null for no actor)")
    if value is None:
        return None
    actor = Obj(value, f"{obj.what}.{key}", obj.where)
    if not any(actor.raw.get(k) for k in ("country", "name", "code")):
        raise actor.fail("an actor needs 'country', 'name' or 'code' (or is null)")
    for k in ("country", "name", "code"):
        actor.opt_text(k)
    actor.texts("aliases", default=[])
    return dict(actor.raw)


def _location(obj: Obj) -> GoldPlace | None:
    value = obj.raw.get("location")
    if value is None:
        return None
    place = _place(Obj(value, f"{obj.what}.location", obj.where), need_name=False)
    if place.country is None and not place.has_point:
        raise obj.fail("'location' needs 'country' or 'lat' and 'lon'")
    return place


def _place(obj: Obj, *, need_name: bool) -> GoldPlace:
    name = obj.text("name") if need_name else obj.opt_text("name")
    lat, lon = obj.opt_number("lat"), obj.opt_number("lon")
    if (lat is None) != (lon is None):
        raise obj.fail("give both 'lat' and 'lon', or neither")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise obj.fail(f"coordinates out of range: {lat}, {lon}")
    return GoldPlace(name=name, country=obj.opt_text("country"), lat=lat, lon=lon)


def _quote(obj: Obj) -> GoldQuote:
    return GoldQuote(
        speaker=obj.text("speaker"),
        alternatives=tuple(obj.texts("speaker_alt", default=[])),
        contains=obj.text("contains"),
    )


def _amount(obj: Obj) -> GoldAmount:
    return GoldAmount(value=obj.number("value"), unit=obj.text("unit"), text=obj.text("text"))


def _listed(obj: Obj, key: str, build: Callable[[Obj], T]) -> tuple[T, ...] | None:
    items = obj.objects(key)
    if items is None:
        return None
    return tuple(build(Obj(item, f"{key}[{i}]", obj.where)) for i, item in enumerate(items))


# -- the sentence format ----------------------------------------------------------------


def is_sentence_object(raw: object) -> bool:
    """True for a sentence-format object: ``text`` and ``events`` whose items have ``cameo``."""
    if not isinstance(raw, dict) or "text" not in raw or not isinstance(raw.get("events"), list):
        return False
    return any(isinstance(e, dict) and "cameo" in e for e in raw["events"])


def parse_sentence(raw: object, where: Where) -> GoldArticle:
    """One sentence of a sentence-level validation suite, as a one-sentence gold article."""
    obj = Obj(raw, "", where)
    text = obj.text("text")
    sid = str(obj.raw.get("id", f"line {where.line}"))
    events = obj.objects("events")
    if events is None:
        raise obj.fail("missing field 'events' (a list, possibly empty)")
    return GoldArticle(
        path=Path(where.file),
        text=text,
        story_date=obj.story_date("date"),
        events=tuple(_sentence_event(e, i, sid, where) for i, e in enumerate(events)),
        id=article_id(text),
        name=sid,
        aliases=(sid,),
    )


def _sentence_event(raw: object, index: int, sid: str, where: Where) -> GoldEvent:
    obj = Obj(raw, f"events[{index}]", where)
    cameo = obj.text("cameo").strip()
    if not cameo.isdigit() or not 2 <= len(cameo) <= 4:
        raise obj.fail(f"'cameo' must be a CAMEO event code of 2-4 digits, got {cameo!r}")
    if cameo[:2] not in CAMEO_ROOTS:
        raise obj.fail(f"unknown CAMEO root {cameo[:2]!r} in {cameo!r} (roots are 01-20)")
    plover = load_ontology().to_plover(cameo)
    types = (plover.type,) if plover is not None else ()
    return GoldEvent(
        id=f"{sid}#{index + 1}",
        required=obj.flag("required", True),
        symmetric=obj.flag("symmetric", False),
        sentence=0,
        evidence=None,
        source=actor_from_code(obj, "source"),
        target=actor_from_code(obj, "target"),
        roots=frozenset([cameo[:2]]),
        plover=frozenset(types),
        statuses=frozenset(),
        plover_order=types,
    )


def actor_from_code(obj: Obj, key: str) -> dict[str, Any] | None:
    """A CAMEO-style actor code as a gold actor: the first three letters are the country
    (``USAGOV`` -> USA) except for non-state codes (IGO, NGO, NGM, MNC, IMG), which match on
    the whole code."""
    value = obj.need(key, ' (use null or "---" for no actor)')
    if value is None:
        return None
    if not isinstance(value, str):
        raise obj.fail(f"{key!r} must be a CAMEO actor code such as 'USA' or null")
    code = value.strip().upper()
    if code in _NO_ACTOR:
        return None
    if len(code) < 3 or not code[:3].isalpha():
        raise obj.fail(f"{key!r}: {value!r} is not a CAMEO actor code")
    if code.startswith(NON_STATE_PREFIXES):
        return {"code": code}
    return {"country": code[:3]}
