"""What the server owns while it runs: one open store, one loaded pipeline, the locks that
serialise their use across the worker threads requests run in, and the in-memory event index
(:mod:`eventwire.store.index`) that answers pages of events while it is current."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

import duckdb

from ..config import Settings
from ..errors import InputError, StoreError
from ..ingest.text import article_from_text
from ..pipeline import Pipeline
from ..records import Article, ArticleResult, Skipped
from ..store import Store
from ..store.index import EventIndex
from .ingest import IngestRun, ingest_articles
from .models import ArticleIn
from .settings import ApiSettings

log = logging.getLogger(__name__)
T = TypeVar("T")
IndexState = Literal["ready", "building", "failed", "off"]


class Service:
    """The store and pipeline of one server. Reads run in parallel, each worker thread on its
    own cursor of the one open database (DuckDB's MVCC keeps them consistent with writes);
    writes (the ingest) hold the store lock; the pipeline codes one batch at a time."""

    def __init__(self, settings: ApiSettings, store: Store, pipeline: Pipeline) -> None:
        self.settings = settings
        self.store = store
        self.pipeline = pipeline
        self.store_lock = threading.Lock()
        self.pipeline_lock = threading.Lock()
        self.ingest_lock = threading.Lock()  # one ingest at a time: the dedup index is per run
        self.closed = False
        self._local = threading.local()
        self._readers: list[Store] = []
        self.index: EventIndex | None = None  # current, or None (building, or off)
        self._index_lock = threading.Lock()
        self._index_version = 0  # bumped by every write
        self._indexer: threading.Thread | None = None
        self._index_con: duckdb.DuckDBPyConnection | None = None
        self._index_failed = False

    @classmethod
    def start(cls, settings: ApiSettings, pipeline: Pipeline | None = None) -> Service:
        """Load the pipeline (unless given) and open the store; raises EventwireError."""
        if pipeline is None:
            pipeline = Pipeline(Settings.load(model=settings.model))
        store = Store.open(settings.db)
        log.info("serving %s", store.path)
        service = cls(settings, store, pipeline)
        if settings.index:
            service.reindex()
        return service

    def close(self) -> None:
        with self._index_lock:  # the builder closes its cursor holding this lock
            self.closed = True
            indexer = self._indexer
            self.index = None
            if self._index_con is not None:
                self._index_con.interrupt()
        if indexer is not None:
            indexer.join(60)
        with self.store_lock:
            for reader in self._readers:
                reader.close()
            self.store.close()

    # -- the event index ------------------------------------------------------------------

    @property
    def index_state(self) -> IndexState:
        if not self.settings.index:
            return "off"
        if self.index is not None:
            return "ready"
        return "failed" if self._index_failed else "building"

    def reindex(self) -> None:
        """Drop the index (reads go to the database until a new one is ready) and build a
        new one in the background; called after every write."""
        if not self.settings.index:
            return
        with self._index_lock:
            self._index_version += 1
            self.index = None
            if self._indexer is None and not self.closed:
                self._indexer = threading.Thread(
                    target=self._build_index, name="eventwire-index", daemon=True
                )
                self._indexer.start()

    def _build_index(self) -> None:
        """Build until an index is as new as the last write (a write during a build makes
        that build stale), then publish it."""
        while True:
            with self._index_lock:
                version = self._index_version
                if self.closed:
                    self._indexer = None
                    return
                with self.store_lock:
                    con = self._index_con = self.store._con.cursor()
            built: EventIndex | None = None
            try:
                built = EventIndex.build(con, self.settings.index_dir)
            except StoreError as exc:
                if not self.closed:
                    log.warning("event index not built, reads use the database: %s", exc)
            except Exception:  # a bug: the server goes on without the index
                log.exception("event index not built, reads use the database")
            with self._index_lock:
                con.close()
                self._index_con = None
                self._index_failed = built is None
                if self.closed or built is None or version == self._index_version:
                    if not self.closed and built is not None:
                        self.index = built
                        log.info("event index ready (%d events)", built.size)
                    self._indexer = None
                    return

    def read(self, query: Callable[[Store], T]) -> T:
        """Run ``query`` on this thread's read cursor of the store."""
        return query(self._reader())

    def _reader(self) -> Store:
        reader: Store | None = getattr(self._local, "store", None)
        if reader is None:
            with self.store_lock:
                if self.closed:
                    raise StoreError("the server is shutting down")
                reader = Store(self.store._con.cursor(), self.store.path, read_only=True)
                self._readers.append(reader)
            self._local.store = reader
        return reader

    def code(self, article: Article) -> ArticleResult:
        """Code one validated article (nothing is stored)."""
        with self.pipeline_lock:
            return self.pipeline.code(article)

    def validate(
        self,
        text: str,
        *,
        source: str,
        title: str | None = None,
        url: str | None = None,
        published: dt.date | None = None,
    ) -> Article:
        """An :class:`Article` from posted text, or :class:`InputError` (empty, binary, too
        large, not English)."""
        settings = self.pipeline.settings
        return article_from_text(
            text, source=source, max_bytes=settings.max_bytes,
            min_english=settings.min_english, title=title, url=url, published=published,
        )  # fmt: skip

    def ingest(self, posted: Sequence[ArticleIn]) -> tuple[IngestRun, list[Article | Skipped]]:
        """Validate, deduplicate, code and store posted articles; the run and the items."""
        items: list[Article | Skipped] = []
        for index, a in enumerate(posted):
            source = a.source or "api"
            try:
                items.append(
                    self.validate(
                        a.text, source=source, title=a.title, url=a.url, published=a.published
                    )
                )
            except InputError as exc:
                items.append(Skipped(source, f"item {index}: {exc.reason}"))
        with self.ingest_lock:
            run = ingest_articles(
                items,
                self.store,
                self.pipeline,
                batch_size=self.pipeline.settings.batch_size,
                store_lock=self.store_lock,
                pipeline_lock=self.pipeline_lock,
            )
        if run.report.coded or run.report.duplicates:
            self.reindex()
        return run, items
