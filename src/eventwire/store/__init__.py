"""The embedded event store: coded articles in one DuckDB file, queried and exported.

```python
from eventwire.store import NearDuplicates, QueryFilters, Store

with Store.open("events.duckdb") as store:
    store.write_batch(results, skipped, duplicates, texts={a.id: a.text for a in articles})
    for row in store.query(QueryFilters(dyad=("RUS", "UKR"), since=date(2024, 1, 1))):
        ...
    store.export("gdelt", Path("events.tsv"))
    columns, rows = store.sql("SELECT plover_type, count(*) FROM events GROUP BY 1")
```

DuckDB lets one process open a database file at a time: opening a file another process holds
raises :class:`~eventwire.errors.StoreBusy`. Writes are idempotent (an article id already
stored adds nothing) and each batch is one transaction, so an interrupted run can simply be run
again. ``Store.sql`` runs one read-only statement (see :mod:`.guard`).

Tables (``start``/``end`` are character offsets into the article text):

* ``articles``: ``id`` (primary key), ``canonical_id`` (the article this one near-duplicates,
  NULL for a canonical article), ``source``, ``url``, ``title``, ``published`` (DATE),
  ``dateline``, ``text`` (when given to ``write_batch``), ``n_events``, ``coded_at`` (UTC).
* ``events``: ``id`` (primary key), ``article_id``, ``sentence``, ``text`` (the sentence),
  ``trigger_text``/``trigger_start``/``trigger_end``; for the ``source_`` and ``target_``
  actor: ``text``, ``start``, ``end``, ``name``, ``type``, ``country`` (ISO3), ``sectors``
  (VARCHAR[]), ``code``, ``role``; ``cameo``, ``cameo_root``, ``cameo_name``, ``quad_class``,
  ``goldstein``, ``plover_type``, ``plover_mode``, ``status``; ``date_value``,
  ``date_precision``, ``date_text``, ``date_basis``; ``event_date`` (DATE: ``date_value``,
  the first day of the month or year for coarser precision, else the article's published
  date); ``place_name``, ``place_country``, ``place_admin1``, ``place_kind``, ``place_lat``,
  ``place_lon``, ``place_geonameid``; ``confidence``; ``n_articles`` (this article and its
  near-duplicates) and ``n_sources`` (their distinct URL hosts, or source names).
* ``actors``: ``article_id``, ``start``, ``end``, ``text``, ``name``, ``type``, ``country``,
  ``sectors``, ``code``, ``role``, ``entity`` (every resolved actor mention).
* ``places``: ``article_id``, ``start``, ``end``, ``text``, ``name``, ``country``, ``admin1``,
  ``lat``, ``lon``, ``geonameid``, ``kind``.
* ``quotations``: ``article_id``, ``start``, ``end``, ``text``, ``speaker_name``,
  ``speaker_code``.
* ``amounts``: ``article_id``, ``event_id`` (one row per event holding the amount; NULL for
  an amount no event holds), ``start``, ``end``, ``text``, ``value``, ``unit``, ``counts``.
* ``problems``: ``source``, ``reason``, ``article_id`` (NULL for an input that never became an
  article), ``recorded_at`` (UTC). A row with the same source, reason and article adds
  nothing.
* ``meta``: ``key``, ``value`` (``schema_version``).

Views:

* ``events_with_articles``: every ``events`` column plus ``article_source``, ``article_url``,
  ``article_title``, ``article_published``, ``article_coded_at``.
* ``duplicates``: ``article_id``, ``canonical_id``, ``source``, ``url``, ``canonical_source``,
  ``canonical_url`` of every near-duplicate article.

Indexes: ``events (source_country, target_country, event_date)``, ``events (event_date)``,
``events (article_id)``, ``events (place_country, place_lat, place_lon)``,
``events (place_lat)``, ``articles (canonical_id)``, ``places (country)``.
"""

from __future__ import annotations

from .database import Store
from .dedup import NearDuplicates
from .export import FORMATS, ExportFormat
from .query import QueryFilters

__all__ = ["FORMATS", "ExportFormat", "NearDuplicates", "QueryFilters", "Store"]
