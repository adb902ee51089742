"""The server's event index (:mod:`eventwire.store.index`), kept current with its store.

At start a full index is built in a background thread; until it is ready pages come from the
database. After each write the written articles' events are read again into an
:class:`~eventwire.store.index.Overlay` of the current index (a few milliseconds to a few
hundred for a large overlay), so the next read sees the write. Once an overlay holds many
events a new full index is built in the background; when it is ready, the writes made while
it was built are laid over it, and it replaces the current one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import duckdb

from ..errors import StoreError
from ..store import Store
from ..store.index import EventIndex, Overlay

log = logging.getLogger(__name__)

IndexState = Literal["ready", "building", "failed", "off"]
REBUILD_EVENTS = 20_000  # an overlay of this many events (or a tenth of the index) is rebuilt


class LiveIndex:
    """An index of one store that follows the writes made through :meth:`written`."""

    def __init__(
        self, store: Store, store_lock: threading.Lock, folder: Path | None, enabled: bool
    ) -> None:
        self.store = store
        self.store_lock = store_lock
        self.folder = folder
        self.enabled = enabled
        self.current: EventIndex | Overlay | None = None  # None: building, failed or off
        self._lock = threading.Lock()  # guards everything below and every publication
        self._closed = False
        self._failed = False
        self._version = 0  # of the last write
        self._writes: list[tuple[int, frozenset[str]]] = []  # made while a build runs
        self._builder: threading.Thread | None = None
        self._building: duckdb.DuckDBPyConnection | None = None
        self._again = False  # the build under way is stale: build again when it ends

    @property
    def state(self) -> IndexState:
        if not self.enabled or self._closed:
            return "off"
        if self.current is not None:
            return "ready"
        return "failed" if self._failed else "building"

    def rebuild(self) -> None:
        """Build a full index in the background (the current one answers meanwhile)."""
        with self._lock:
            if self.enabled and self._builder is None and not self._closed:
                self._failed = False
                self._builder = threading.Thread(
                    target=self._build, name="eventwire-index", daemon=True
                )
                self._builder.start()

    def written(self, articles: Iterable[str]) -> None:
        """A write committed: the events of ``articles`` (new, or changed) are read again."""
        written = frozenset(articles)
        if not self.enabled or not written:
            return
        with self._lock:
            self._version += 1
            if self._builder is not None:  # the build must lay this write over its snapshot
                self._writes.append((self._version, written))
            if self.current is None or self._closed:
                rebuild = self._failed
            else:
                updated = self._overlay(self.current, written)
                self.current = updated
                rebuild = updated is None or updated.delta.size >= min(
                    REBUILD_EVENTS, max(100, updated.base.size // 10)
                )
        if rebuild:
            self.rebuild()

    def reset(self) -> None:
        """Writes of unknown extent were made: drop the index (reads use the database) and
        build a new one (after the build under way, whose snapshot may have missed them)."""
        with self._lock:
            self.current = None
            self._writes.clear()
            self._again = self._builder is not None
        self.rebuild()

    def close(self) -> None:
        """Stop a build under way and drop the index."""
        with self._lock:
            self._closed = True
            self.current = None
            builder = self._builder
        deadline = time.monotonic() + 60
        while builder is not None and builder.is_alive() and time.monotonic() < deadline:
            with self._lock:  # a build reads in several queries: stop whichever runs
                if self._building is not None:
                    self._building.interrupt()
            builder.join(0.1)

    def _build(self) -> None:
        try:
            while self._build_once():
                pass
        except Exception:  # a bug: the server goes on without the index
            log.exception("event index not built, reads use the database")
            with self._lock:
                self._failed = True
        finally:
            with self._lock:
                if self._builder is threading.current_thread():
                    self._builder = None

    def _build_once(self) -> bool:
        """Build a full index and publish it with the later writes laid over it; True when
        it must be built again (writes of unknown extent came meanwhile)."""
        with self._lock:
            if self._closed:
                return False
            version = self._version
            with self.store_lock:
                con = self._building = self.store._con.cursor()
        built: EventIndex | None = None
        try:
            built = EventIndex.build(con, self.folder)
        except StoreError as exc:
            if not self._closed:
                log.warning("event index not built, reads use the database: %s", exc)
        except Exception:  # a bug: the server goes on without the index
            log.exception("event index not built, reads use the database")
        with self._lock:
            con.close()
            self._building = None
            later = frozenset().union(*(a for v, a in self._writes if v > version))
            self._writes.clear()
            if self._closed:
                return False
            if self._again:
                self._again = False
                return True
            self._builder = None
            ready = self._overlay(built, later) if built is not None and later else built
            self._failed = ready is None
            if ready is not None:
                self.current = ready
                log.info("event index ready (%d events)", ready.size)
            return False

    def _overlay(self, index: EventIndex | Overlay, articles: frozenset[str]) -> Overlay | None:
        """``index`` with ``articles`` read again; None (reads use the database) on failure.
        Called holding the lock."""
        try:
            with self.store_lock:
                con = self.store._con.cursor()
            try:
                return Overlay.build(index, con, articles, self.folder)
            finally:
                con.close()
        except StoreError as exc:
            log.warning("event index dropped after a write, reads use the database: %s", exc)
        except Exception:  # a bug: the write is stored, the server goes on without the index
            log.exception("event index dropped after a write, reads use the database")
        self._failed = True
        return None
