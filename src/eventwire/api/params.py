"""Query parameters: the event filters of ``eventwire query``, paging, and the refusal of
parameters an endpoint does not know. Every problem is a 422 naming the parameter."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from ..coding.ontology import load_ontology
from ..errors import QueryError
from ..geo.radius import parse_km, parse_point
from ..records import Status
from ..store import QueryFilters
from .models import IsoDate

EVENT_FILTERS = (
    "source", "target", "dyad", "type", "cameo", "status", "since", "until", "country", "near",
    "within",
)  # fmt: skip
PAGING = ("limit", "offset")
DEFAULT_WITHIN_KM = 50.0
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000


def invalid(name: str, message: str, where: str = "query") -> RequestValidationError:
    """A 422 for one parameter (or body field), in FastAPI's validation-error shape."""
    return RequestValidationError([{"type": "value_error", "loc": (where, name), "msg": message}])


def only(*allowed: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency refusing query parameters outside ``allowed`` and repeated ones."""
    known = frozenset(allowed)

    async def check(request: Request) -> None:  # async: no worker thread for a quick check
        names = [name for name, _ in request.query_params.multi_items()]
        unknown = sorted({n for n in names if n not in known})
        if unknown:
            listed = ", ".join(allowed) if allowed else "none"
            raise RequestValidationError(
                [
                    {
                        "type": "unknown_parameter",
                        "loc": ("query", name),
                        "msg": f"unknown query parameter {name!r} (allowed: {listed})",
                    }
                    for name in unknown
                ]
            )
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise invalid(repeated[0], f"{repeated[0]!r} is given more than once")

    return check


Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})")
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]


async def event_filters(
    source: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="source actor: code prefix, ISO3, name"),
    ] = None,
    target: Annotated[
        str | None, Query(min_length=1, max_length=200, description="target actor, as source")
    ] = None,
    dyad: Annotated[
        str | None,
        Query(
            max_length=401,
            pattern=r"^\s*[^,\s][^,]*,\s*[^,\s][^,]*$",
            description="A,B: source A and target B, in either direction",
        ),
    ] = None,
    plover: Annotated[
        str | None, Query(alias="type", min_length=1, max_length=40, description="PLOVER type")
    ] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code prefix, e.g. 19, 190")
    ] = None,
    status: Annotated[Status | None, Query(description="event status")] = None,
    since: Annotated[
        IsoDate | None, Query(description="event_date on or after, YYYY-MM-DD")
    ] = None,
    until: Annotated[IsoDate | None, Query(description="event_date on or before")] = None,
    country: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{3}$", description="ISO3 of the source, target or place"),
    ] = None,
    near: Annotated[
        str | None, Query(min_length=1, max_length=200, description="a place name or LAT,LON")
    ] = None,
    within: Annotated[
        str | None, Query(max_length=40, description="radius around near, e.g. 60km or 40mi")
    ] = None,
) -> QueryFilters:
    """The filters of ``eventwire query`` as query parameters."""
    if within is not None and near is None:
        raise invalid("within", "a radius (within) needs a point (near)")
    if since is not None and until is not None and since > until:
        raise invalid("until", f"until ({until}) is before since ({since})")
    return QueryFilters(
        source=source, target=target, dyad=_dyad(dyad) if dyad is not None else None,
        plover=_plover(plover) if plover is not None else None, cameo=cameo, status=status,
        since=since, until=until, country=country.upper() if country else None,
        near=_point(near) if near is not None else None,
        within_km=(_km(within) if within is not None else DEFAULT_WITHIN_KM) if near else None,
    )  # fmt: skip


def _dyad(value: str) -> tuple[str, str]:
    a, _, b = value.partition(",")
    if not a.strip() or not b.strip() or "," in b:
        raise invalid("dyad", "expected two actors separated by a comma, e.g. RUS,UKR")
    return a.strip(), b.strip()


def _plover(value: str) -> str:
    types = load_ontology().plover
    if value.upper() not in types:
        raise invalid("type", f"{value!r} is not a PLOVER type (one of {', '.join(types)})")
    return value.upper()


def _point(value: str) -> tuple[float, float]:
    try:
        return parse_point(value)
    except QueryError as exc:
        raise invalid("near", exc.reason) from None


def _km(value: str) -> float:
    try:
        return parse_km(value)
    except QueryError as exc:
        raise invalid("within", exc.reason) from None


# -- cursors: the (event_date, id) of the last row of a page, opaque to clients -----------------


def encode_cursor(event_date: dt.date | None, event_id: str) -> str:
    raw = json.dumps([event_date.isoformat() if event_date else None, event_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str) -> tuple[dt.date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        day, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not (day is None or isinstance(day, str)):
            raise ValueError("bad cursor")
        return (dt.date.fromisoformat(day) if day else None), event_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise invalid("cursor", "not a cursor returned by this API (use next_cursor)") from None


def names(*groups: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for group in groups for n in group)
