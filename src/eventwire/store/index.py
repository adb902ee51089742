"""An in-memory index of the events: the filters of :class:`QueryFilters` answered without a
query, for a server that owns its store and must answer pages in well under a millisecond.

One snapshot of the ``events`` table (taken in one transaction) becomes:

* the rows in page order (``event_date``, undated last, then ``id``) as numpy arrays of the
  filtered columns: the date as a day number, and each text filter's columns as integer codes
  into a dictionary of their distinct values (a filter is tested once per distinct value, then
  looked up for every row);
* the rows' latitudes sorted, for the radius filter (a band of latitudes, then the same
  great-circle test as the SQL);
* every row as one line of JSON (written by DuckDB into a file that is mapped into memory and
  removed at once), so a page is a concatenation of byte slices.

A date window is a binary search (rows are in date order); the rows matching the other
filters are computed once per distinct combination and kept (least recently used first out),
so a page of a filter seen before costs a few binary searches. The index answers exactly what
:func:`eventwire.store.query.where` selects, in the same order; it is a snapshot, so a
writer must build a new one after writing (see :class:`eventwire.api.service.Service`).
"""

from __future__ import annotations

import datetime as dt
import mmap
import os
import tempfile
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import numpy as np
import numpy.typing as npt

from ..errors import StoreError
from .query import EARTH_RADIUS_KM, QueryFilters, bounding_box, check_near
from .schema import EVENTS, quote

Rows = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]

ORDER = "ORDER BY event_date NULLS LAST, id"
UNDATED = np.iinfo(np.int32).max  # day number of an undated row: after every date
EPOCH = dt.date(1970, 1, 1)
CACHE_ROWS = 16_000_000  # row numbers kept for filter combinations (8 bytes each)
INLINE_ROWS = 100_000  # a radius testing fewer rows than this is answered at once

# the filtered columns, in groups tested together: each group's distinct values are numbered
# in DuckDB (so no column of text comes into Python but the ids)
GROUPS: dict[str, tuple[str, ...]] = {
    "source": ("source_code", "source_country", "lower(source_name)"),
    "target": ("target_code", "target_country", "lower(target_name)"),
    "country": ("source_country", "target_country", "place_country"),
    "kind": ("plover_type", "cameo", "status"),
    "article": ("article_id",),  # which rows a write replaces
}
# the rows of some articles only (an overlay's), or of all
_ONLY = "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"


def _order(columns: Sequence[str]) -> str:
    return ", ".join(f"{c} NULLS LAST" for c in columns)


_RANKS = ", ".join(
    f"(dense_rank() OVER (ORDER BY {_order(cols)}) - 1)::INTEGER AS {name}"
    for name, cols in GROUPS.items()
)
_KEYS_SQL = f"""
SELECT coalesce(date_diff('day', DATE '1970-01-01', event_date), {UNDATED})::INTEGER AS day,
    id, coalesce(place_lat, 'NaN'::DOUBLE) AS lat, coalesce(place_lon, 'NaN'::DOUBLE) AS lon,
    {_RANKS}
FROM events {{where}} {ORDER}
"""
_VALUES_SQL = {
    name: f"SELECT DISTINCT {', '.join(cols)} FROM events {{where}} ORDER BY {_order(cols)}"
    for name, cols in GROUPS.items()
}
# a NaN or infinite double is null, as the API's models write it (JSON has no NaN)
_JSON_COLUMNS = ", ".join(
    f"if(isfinite({quote(name)}), {quote(name)}, NULL) AS {quote(name)}"
    if kind == "DOUBLE"
    else quote(name)
    for name, kind in EVENTS
)
_JSON_SQL = f"COPY (SELECT {_JSON_COLUMNS} FROM events {{where}} {ORDER}) TO ? (FORMAT JSON)"


@dataclass(frozen=True)
class Codes:
    """One or more columns as integer codes into the tuple of their distinct values."""

    codes: npt.NDArray[np.int32]
    values: tuple[tuple[Any, ...], ...]

    def table(self, test: Callable[..., bool]) -> Mask:
        """For each distinct value, whether ``test(*value)`` holds."""
        return np.fromiter((test(*v) for v in self.values), dtype=np.bool_, count=len(self.values))


@dataclass(frozen=True)
class Selection:
    """The row numbers of one page, the number of rows matching in all, and whether more
    rows follow the page."""

    rows: Rows
    total: int
    more: bool


@dataclass(frozen=True)
class Matches:
    """The rows matching some filters, in page order: ``rows[lo:hi]``, or the range of row
    numbers ``lo..hi`` when ``rows`` is None (a date window alone)."""

    rows: Rows | None
    lo: int
    hi: int

    def __len__(self) -> int:
        return max(self.hi - self.lo, 0)

    def position(self, row: int) -> int:
        """How many matches come before row number ``row``."""
        if self.rows is None:
            return min(max(row, self.lo), max(self.hi, self.lo)) - self.lo
        return int(np.searchsorted(self.rows[self.lo : self.hi], row))

    def take(self, start: int, stop: int) -> Rows:
        """The row numbers of matches ``start`` to ``stop`` (positions, end excluded)."""
        stop = min(stop, len(self))
        if start >= stop:
            return np.zeros(0, dtype=np.int64)
        if self.rows is None:
            return np.arange(self.lo + start, self.lo + stop, dtype=np.int64)
        return self.rows[self.lo + start : self.lo + stop]

    def contains(self, rows: Rows) -> Mask:
        """Which of ``rows`` (sorted row numbers) are matches."""
        if self.rows is None:
            return (rows >= self.lo) & (rows < self.hi)
        mine = self.rows[self.lo : self.hi]
        if len(mine) == 0:
            return np.zeros(len(rows), dtype=np.bool_)
        at = np.searchsorted(mine, rows)
        found: Mask = (at < len(mine)) & (mine[np.minimum(at, len(mine) - 1)] == rows)
        return found


def _actor(value: str) -> Callable[..., bool]:
    """The test of :func:`eventwire.store.query._actor` on (code, country, lower(name))."""
    upper, lower = value.upper(), value.lower()

    def test(code: str | None, country: str | None, name: str | None) -> bool:
        return (
            (code is not None and code.startswith(upper))
            or country == upper
            or (name is not None and lower in name)
        )

    return test


def _kind(plover: str | None, cameo: str | None, status: str | None) -> Callable[..., bool]:
    """PLOVER type, CAMEO code prefix and status on (plover_type, cameo, status)."""

    def test(p: str | None, c: str | None, s: str | None) -> bool:
        return (
            (plover is None or p == plover)
            and (cameo is None or (c is not None and c.startswith(cameo)))
            and (status is None or s == status)
        )

    return test


def _country(code: str) -> Callable[..., bool]:
    """The country of the source, the target or the place, on those three."""

    def test(*countries: str | None) -> bool:
        return code in countries

    return test


_tests: dict[str, Callable[..., Callable[..., bool]]] = {
    "actor": _actor,
    "kind": _kind,
    "country": _country,
}


class EventIndex:
    """A snapshot of the ``events`` table for fast filtered pages; see the module text.
    Thread-safe for reads. Build it with :meth:`build`."""

    def __init__(self, keys: dict[str, Any], pages: mmap.mmap | None, offsets: Rows) -> None:
        self.size = len(keys["id"])
        self.days: npt.NDArray[np.int32] = np.asarray(keys["day"], dtype=np.int32)
        self.ids: list[str] = keys["id"]
        self.source: Codes = keys["source"]
        self.target: Codes = keys["target"]
        self.country: Codes = keys["country"]
        self.kind: Codes = keys["kind"]
        self.article: Codes = keys["article"]
        self.lat: npt.NDArray[np.float64] = np.asarray(keys["lat"], dtype=np.float64)
        self.lon: npt.NDArray[np.float64] = np.asarray(keys["lon"], dtype=np.float64)
        placed = np.flatnonzero(~np.isnan(self.lat))
        by_lat = placed[np.argsort(self.lat[placed], kind="stable")]
        self.by_lat: Rows = by_lat.astype(np.int64)
        self.lat_sorted = self.lat[by_lat]
        self.dated = int(np.searchsorted(self.days, np.int32(UNDATED)))  # rows with a date
        self._pages = pages
        self._offsets = offsets
        self._cache: OrderedDict[tuple[Any, ...], Rows] = OrderedDict()
        self._cached_rows = 0
        self._tables: dict[tuple[Any, ...], Mask] = {}
        self._lock = threading.Lock()

    # -- building -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        con: duckdb.DuckDBPyConnection,
        folder: str | Path | None = None,
        articles: Sequence[str] | None = None,
    ) -> EventIndex:
        """Index the events visible to ``con`` (a cursor of its own: the reads run in one
        transaction), or the events of ``articles`` only. The rows' JSON goes to a temporary
        file in ``folder`` (default: the system's), mapped into memory and removed at once;
        its disk space is freed when the index is dropped. Raises :class:`StoreError`."""
        where, params = ("", []) if articles is None else (_ONLY, [list(articles)])
        try:
            fd, name = tempfile.mkstemp(prefix="eventwire-pages-", suffix=".ndjson", dir=folder)
        except OSError as exc:
            raise StoreError(f"cannot index the events: {exc.strerror}: {folder}") from None
        os.close(fd)
        try:
            con.begin()
            try:
                con.execute(_JSON_SQL.format(where=where), [*params, name])
                keys = _fetch(con, where, params)
            finally:
                con.rollback()
            pages, offsets = _map_lines(name)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot index the events: {exc}") from None
        finally:
            os.unlink(name)
        if len(offsets) != len(keys["id"]) + 1:
            raise StoreError(
                f"cannot index the events: {len(offsets) - 1} JSON rows for {len(keys['id'])} ids"
            )
        return cls(keys, pages, offsets)

    # -- selecting ------------------------------------------------------------------------

    def select(
        self,
        filters: QueryFilters,
        *,
        limit: int,
        offset: int = 0,
        after: tuple[dt.date | None, str] | None = None,
    ) -> Selection:
        """The page :func:`eventwire.store.views.events_page` returns, as row numbers.
        Raises :class:`~eventwire.errors.QueryError` for filters that cannot be used."""
        found = self.matches(filters)
        first = 0 if after is None else found.position(self.after(*after))
        rows = found.take(first + offset, first + offset + limit + 1)
        return Selection(rows[:limit], len(found), len(rows) > limit)

    def matches(self, filters: QueryFilters) -> Matches:
        """Every row matching ``filters``, in page order."""
        point = check_near(filters)
        lo, hi = self._window(filters.since, filters.until)
        key = _static_key(filters)
        if point is not None:
            found = self._near(*point)
            found = found[(found >= lo) & (found < hi)]
            if key is not None:
                found = found[self._test(key, found)]
            return Matches(found, 0, len(found))
        if key is not None:
            every = self._matching(key)
            return Matches(every, int(np.searchsorted(every, lo)), int(np.searchsorted(every, hi)))
        return Matches(None, lo, hi)

    def answers_at_once(self, filters: QueryFilters) -> bool:
        """Whether a page of ``filters`` costs well under a millisecond: the filters other
        than dates seen before, or a radius whose band of latitudes holds few rows. A caller
        on an event loop runs the others in a thread."""
        if filters.near is not None:
            if filters.within_km is None:
                return True  # refused at once
            lo, hi = self._band(*bounding_box(*filters.near, filters.within_km)[:2])
            return hi - lo < INLINE_ROWS
        key = _static_key(filters)
        return key is None or key in self._cache

    def rows_of(self, articles: Iterable[str]) -> Rows:
        """The rows (sorted row numbers) of the events of ``articles``."""
        values = self.article.values
        known = len(values) - (values[-1:] == ((None,),))  # NULL sorts last; skip it
        codes = []
        for article_id in articles:
            at = bisect_left(values, (article_id,), 0, known)
            if at < known and values[at] == (article_id,):
                codes.append(at)
        if not codes:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(np.isin(self.article.codes, codes)).astype(np.int64)

    def _window(self, since: dt.date | None, until: dt.date | None) -> tuple[int, int]:
        """The rows (a range) whose date is within [since, until]; all rows when neither."""
        if since is None and until is None:
            return 0, self.size
        lo = 0 if since is None else self._day(since, "left")
        hi = self.dated if until is None else min(self.dated, self._day(until, "right"))
        return lo, hi

    def _day(self, day: dt.date, side: Literal["left", "right"]) -> int:
        """Where ``day`` goes in the rows' dates (searched as int32: another type would make
        numpy convert every date first)."""
        return int(np.searchsorted(self.days, np.int32((day - EPOCH).days), side=side))

    def after(self, day: dt.date | None, event_id: str) -> int:
        """The first row after the key (event_date, id) in page order."""
        if day is None:
            lo, hi = self.dated, self.size
        else:
            lo, hi = self._day(day, "left"), self._day(day, "right")
        return bisect_right(self.ids, event_id, lo, hi)

    def _near(self, lat: float, lon: float, km: float) -> Rows:
        """Rows (in page order) within ``km`` of the point: the SQL's bounding box and
        haversine distance (see :func:`eventwire.store.query._near`)."""
        south, north, lons = bounding_box(lat, lon, km)
        band = self.by_lat[slice(*self._band(south, north))]
        if lons is not None:
            west, east = lons
            along = self.lon[band]
            band = band[(along >= west) & (along <= east)]
        plat, plon = self.lat[band], self.lon[band]
        root = np.sqrt(
            np.power(np.sin(np.radians(plat - lat) / 2), 2)
            + np.cos(np.radians(lat)) * np.cos(np.radians(plat))
            * np.power(np.sin(np.radians(plon - lon) / 2), 2)
        )  # fmt: skip
        distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, root))
        return np.sort(band[distance <= km])

    def _band(self, south: float, north: float) -> tuple[int, int]:
        """The placed rows (a range of ``by_lat``) with a latitude in [south, north]."""
        lo = int(np.searchsorted(self.lat_sorted, south))
        return lo, int(np.searchsorted(self.lat_sorted, north, side="right"))

    def _matching(self, key: tuple[Any, ...]) -> Rows:
        """All rows (in page order) matching the filters other than dates and radius; kept
        for the next page of the same filters."""
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        found = np.flatnonzero(self._test(key, None)).astype(np.int64)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = found
                self._cached_rows += len(found)
            while self._cached_rows > CACHE_ROWS and len(self._cache) > 1:
                _, dropped = self._cache.popitem(last=False)
                self._cached_rows -= len(dropped)
        return found

    def _table(self, codes: Codes, test: tuple[Any, ...]) -> Mask:
        """For each distinct value of ``codes``, whether the filter ``test`` holds; kept (the
        filters of a server's clients repeat)."""
        key = (id(codes), *test)
        with self._lock:
            found = self._tables.get(key)
        if found is None:
            found = codes.table(_tests[test[0]](*test[1:]))
            with self._lock:
                if len(self._tables) > 4096:
                    self._tables.clear()
                self._tables[key] = found
        return found

    def _test(self, key: tuple[Any, ...], rows: Rows | None) -> Mask:
        """Which of ``rows`` (None: every row) pass the filters of ``key``."""
        source, target, dyad, plover, cameo, status, country = key

        def codes(c: Codes) -> npt.NDArray[np.int32]:
            return c.codes if rows is None else c.codes[rows]

        ok: Mask = np.ones(self.size if rows is None else len(rows), dtype=np.bool_)
        if plover is not None or cameo is not None or status is not None:
            ok &= self._table(self.kind, ("kind", plover, cameo, status))[codes(self.kind)]
        if country is not None:
            ok &= self._table(self.country, ("country", country))[codes(self.country)]
        if source is not None:
            ok &= self._table(self.source, ("actor", source))[codes(self.source)]
        if target is not None:
            ok &= self._table(self.target, ("actor", target))[codes(self.target)]
        if dyad is not None:
            a, b = dyad
            src, tgt = codes(self.source), codes(self.target)
            forward = self._table(self.source, ("actor", a))[src]
            forward &= self._table(self.target, ("actor", b))[tgt]
            backward = self._table(self.source, ("actor", b))[src]
            backward &= self._table(self.target, ("actor", a))[tgt]
            ok &= forward | backward
        return ok

    # -- answering ------------------------------------------------------------------------

    def json(self, rows: Sequence[int] | Rows) -> bytes:
        """The rows as a JSON array of objects (the columns of ``events``, in table order)."""
        return b"[" + b",".join(self.row_json(int(r)) for r in rows) + b"]"

    def row_json(self, row: int) -> bytes:
        """One row as a JSON object."""
        assert self._pages is not None
        return self._pages[self._offsets[row] : self._offsets[row + 1] - 1]

    def key(self, row: int) -> tuple[dt.date | None, str]:
        """The (event_date, id) of a row: what a cursor holds."""
        day = int(self.days[row])
        return (None if day == UNDATED else EPOCH + dt.timedelta(days=day)), self.ids[row]


class Overlay:
    """An index kept current after writes without building it again: the ``base`` index
    minus the rows of the articles written since (``hidden``), plus those articles' events
    as they are now (``delta``, a small :class:`EventIndex`). Answers as :class:`EventIndex`
    does; a delta row's number is ``-1 - n`` for its row ``n`` in the delta."""

    def __init__(self, base: EventIndex, delta: EventIndex, articles: frozenset[str]) -> None:
        self.base = base
        self.delta = delta
        self.articles = articles
        self.hidden = base.rows_of(articles)
        self.size = base.size - len(self.hidden) + delta.size
        # where each delta row goes among the base rows: before base row places[n]
        self.places: Rows = np.fromiter(
            (base.after(*delta.key(n)) for n in range(delta.size)), dtype=np.int64,
            count=delta.size,
        )  # fmt: skip

    @classmethod
    def build(
        cls,
        index: EventIndex | Overlay,
        con: duckdb.DuckDBPyConnection,
        articles: Iterable[str],
        folder: str | Path | None = None,
    ) -> Overlay:
        """``index`` with the events of ``articles`` (and of those written before) read again
        from the store. Raises :class:`StoreError`."""
        base = index.base if isinstance(index, Overlay) else index
        written = frozenset(articles) | (index.articles if isinstance(index, Overlay) else set())
        return cls(base, EventIndex.build(con, folder, sorted(written)), written)

    def select(
        self,
        filters: QueryFilters,
        *,
        limit: int,
        offset: int = 0,
        after: tuple[dt.date | None, str] | None = None,
    ) -> Selection:
        """As :meth:`EventIndex.select`: the base's matches that are not hidden, merged in
        page order with the delta's."""
        base, delta = self.base.matches(filters), self.delta.matches(filters)
        hidden = self.hidden[base.contains(self.hidden)]
        total = len(base) - len(hidden) + len(delta)
        start, delta_start = 0, 0
        if after is not None:
            row = self.base.after(*after)
            start = base.position(row)
            hidden = hidden[np.searchsorted(hidden, row) :]
            delta_start = delta.position(self.delta.after(*after))
        need = offset + limit + 1
        shown = base.take(start, start + need + len(hidden))
        shown = shown[~np.isin(shown, hidden)][:need]
        added = delta.take(delta_start, delta_start + need)
        # a delta row sorts just before the base row it goes before; base rows keep their order
        order = np.argsort(np.concatenate([shown * 2 + 1, self.places[added] * 2]), kind="stable")
        rows = np.concatenate([shown, -1 - added])[order][offset:need]
        return Selection(rows[:limit], total, len(rows) > limit)

    def answers_at_once(self, filters: QueryFilters) -> bool:
        return self.base.answers_at_once(filters)  # the delta is small

    def json(self, rows: Sequence[int] | Rows) -> bytes:
        return b"[" + b",".join(self._json(int(r)) for r in rows) + b"]"

    def _json(self, row: int) -> bytes:
        return self.base.row_json(row) if row >= 0 else self.delta.row_json(-1 - row)

    def key(self, row: int) -> tuple[dt.date | None, str]:
        return self.base.key(row) if row >= 0 else self.delta.key(-1 - row)


def _static_key(filters: QueryFilters) -> tuple[Any, ...] | None:
    """The filters other than the date window and the radius, normalised as the SQL compares
    them; None when there are none."""
    key = (
        filters.source,
        filters.target,
        filters.dyad,
        filters.plover.upper() if filters.plover is not None else None,
        filters.cameo,
        filters.status.lower() if filters.status is not None else None,
        filters.country.upper() if filters.country is not None else None,
    )
    return None if all(k is None for k in key) else key


def _fetch(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> dict[str, Any]:
    """The key columns in page order: dates, ids (a list), places, and each group as
    :class:`Codes`."""
    found = con.execute(_KEYS_SQL.format(where=where), params).fetchnumpy()
    out: dict[str, Any] = {
        "day": np.ma.getdata(found["day"]),
        "id": found["id"].tolist(),
        "lat": np.ma.getdata(found["lat"]),
        "lon": np.ma.getdata(found["lon"]),
    }
    for name, sql in _VALUES_SQL.items():
        values = tuple(
            tuple(row) for row in con.execute(sql.format(where=where), params).fetchall()
        )
        out[name] = Codes(np.ma.getdata(found[name]).astype(np.int32), values)
    return out


def _map_lines(name: str) -> tuple[mmap.mmap | None, Rows]:
    """The file mapped into memory, and the offsets where its lines start (and its end)."""
    size = os.path.getsize(name)
    if size == 0:
        return None, np.zeros(1, dtype=np.int64)
    with open(name, "rb") as f:
        pages = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    ends = []
    view = np.frombuffer(pages, dtype=np.uint8)
    step = 1 << 26
    for begin in range(0, size, step):
        ends.append(np.flatnonzero(view[begin : begin + step] == 0x0A) + begin + 1)
    del view  # the mapping cannot be closed while a numpy view holds it
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), *ends]).astype(np.int64)
    return pages, offsets
