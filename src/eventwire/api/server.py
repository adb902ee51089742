"""Run the API with uvicorn."""

from __future__ import annotations

import ipaddress
import logging
import sys
from pathlib import Path

import uvicorn

from ..config import Settings
from ..pipeline import Pipeline
from ..store import Store
from .app import create_app
from .settings import ApiSettings

log = logging.getLogger(__name__)
SWITCH_INTERVAL = 0.0005  # seconds


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    token: str | None = None,
    config: Path | None = None,
    max_body: int | None = None,
    cors_origins: tuple[str, ...] | None = None,
    model: str | None = None,
    index: bool | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API on ``host:port`` until interrupted. The token defaults to the ``[api]``
    table of ``config``, then ``$EVENTWIRE_TOKEN``. The pipeline is loaded and the database
    checked first, so a bad model or a busy file raises :class:`EventwireError` here."""
    settings = ApiSettings.load(
        config, db=Path(db), token=token, max_body=max_body, cors_origins=cors_origins,
        model=model, index=index,
    )  # fmt: skip
    pipeline = Pipeline(Settings.load(model=settings.model))
    Store.open(settings.db).close()
    if settings.token is not None and not _loopback(host):
        log.warning("serving on %s over plain HTTP: the token travels unencrypted", host)
    # requests are answered on one thread while an ingest codes articles on another; the
    # coder releases the GIL often (numpy, DuckDB) and waits a whole switch interval to get
    # it back each time, so under a heavy read load a 5 ms interval (Python's default) made
    # one POST /v1/articles take seconds
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = create_app(settings, pipeline=pipeline)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
