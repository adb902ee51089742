"""The HTTP API: ``create_app(ApiSettings(...))`` gives a FastAPI app; ``serve(db)`` runs it.

```python
from eventwire.api import ApiSettings, create_app, serve

app = create_app(ApiSettings(db=Path("events.duckdb"), token="s3cret"))  # for any ASGI server
serve("events.duckdb", port=8000)                                          # uvicorn, blocking
```

While it runs the server owns the database file (DuckDB allows one process per file). The
endpoints are under ``/v1`` and documented at ``/docs`` and ``/openapi.json``.
"""

from __future__ import annotations

from .app import create_app
from .ingest import Ingested, IngestRun, ingest_articles
from .server import serve
from .settings import ApiSettings

__all__ = ["ApiSettings", "IngestRun", "Ingested", "create_app", "ingest_articles", "serve"]
