"""What the server owns while it runs: one open store, one loaded pipeline, the locks that
serialise their use across the worker threads requests run in, and the in-memory event index
(:mod:`eventwire.store.index`) that answers pages of events while it is current."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..config import Settings
from ..errors import InputError, StoreError
from ..ingest.text import article_from_text
from ..pipeline import Pipeline
from ..records import Article, ArticleResult, Skipped
from ..store import NearDuplicates, Store, views
from ..store.index import EventIndex, Overlay
from .ingest import IngestRun, ingest_articles
from .live import LiveIndex
from .models import ArticleIn
from .settings import ApiSettings

log = logging.getLogger(__name__)
T = TypeVar("T")


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
        self.ingest_lock = threading.Lock()  # one ingest at a time; guards the dedup index
        self._dedup: NearDuplicates | None = None  # the stored canonical articles, once read
        self.closed = False
        self._local = threading.local()
        self._readers: list[Store] = []
        self.events = LiveIndex(store, self.store_lock, settings.index_dir, settings.index)

    @classmethod
    def start(cls, settings: ApiSettings, pipeline: Pipeline | None = None) -> Service:
        """Load the pipeline (unless given) and open the store; raises EventwireError."""
        if pipeline is None:
            pipeline = Pipeline(Settings.load(model=settings.model))
        store = Store.open(settings.db)
        log.info("serving %s", store.path)
        service = cls(settings, store, pipeline)
        service.events.rebuild()
        return service

    @property
    def index(self) -> EventIndex | Overlay | None:
        """The event index when it is ready (see :mod:`.live`)."""
        return self.events.current

    def close(self) -> None:
        self.events.close()
        with self.store_lock:
            if not self.closed:
                self.closed = True
                for reader in self._readers:
                    reader.close()
                self.store.close()

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
            try:
                run = ingest_articles(
                    items,
                    self.store,
                    self.pipeline,
                    batch_size=self.pipeline.settings.batch_size,
                    store_lock=self.store_lock,
                    pipeline_lock=self.pipeline_lock,
                    dedup=self._stored_articles(),
                )
            except BaseException:
                self._dedup = None  # it may hold articles that were not stored: read again
                self.events.reset()  # some batches may be stored: index them all again
                raise
            self.events.written(self._changed(run))
        return run, items

    def _stored_articles(self) -> NearDuplicates:
        """The near-duplicate index of the stored articles: read from the store at the first
        ingest (about 0.7 ms an article), then kept current by the ingests (this server is the
        store's only writer). Called holding the ingest lock."""
        if self._dedup is None:
            dedup = NearDuplicates()
            with self.store_lock:
                dedup.load(self.store)
            self._dedup = dedup
        return self._dedup

    def _changed(self, run: IngestRun) -> set[str]:
        """The articles whose events a run added or changed: those it coded, and the
        canonical articles of its near-duplicates (their events' counts change)."""
        coded = {a.id for a in run.articles if a.outcome == "coded"}
        copies = [a.id for a in run.articles if a.outcome == "duplicate"]
        with self.store_lock:
            return coded | views.canonical_ids(self.store, copies)
