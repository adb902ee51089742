"""Dask clusters for batch coding: a local cluster of worker processes, or an existing
scheduler (SLURM through dask-jobqueue, Kubernetes through dask-kubernetes or the Dask Helm
chart), and the worker plugin that loads the pipeline once per worker process."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from ..config import Settings
from ..errors import ClusterError

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler before giving up.
CONNECT_TIMEOUT = 10.0
_ADDRESS = re.compile(r"^(tcp|tls|inproc|ws|wss)://[^\s/]+(:\d+)?/?$")

_PIPELINES: dict[str, Any] = {}


def pipeline_for(settings: Settings) -> Any:
    """The pipeline of ``settings`` in this process, loaded on first use and kept."""
    key = settings.model_dump_json()
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = _PIPELINES[key] = Pipeline(settings)
    return pipeline


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: each worker (and each replacement of a lost worker) loads the
    pipeline when it joins, before it takes any task."""

    name = "eventwire-pipeline"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        pipeline_for(self.settings)

    def teardown(self, worker: Any) -> None:
        _PIPELINES.clear()


@dataclass
class Cluster:
    """A connected Dask client, and the local cluster it started (if any)."""

    client: Client
    local: LocalCluster | None = None

    @property
    def dashboard(self) -> str | None:
        link = getattr(self.client, "dashboard_link", None)
        return str(link) if link else None

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))

    def prepare(self, settings: Settings) -> None:
        """Load the pipeline on every worker (now, and on any worker that joins later)."""
        try:
            self.client.register_plugin(PipelinePlugin(settings), name=PipelinePlugin.name)
        except Exception as exc:  # a worker failed to load the pipeline
            raise ClusterError(f"the workers cannot load the pipeline: {exc}") from None

    def close(self) -> None:
        try:
            self.client.close()  # type: ignore[no-untyped-call]
        finally:
            if self.local is not None:
                self.local.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    timeout: float = CONNECT_TIMEOUT,
    dashboard: str = "127.0.0.1:0",
) -> Cluster:
    """Start a local cluster of ``workers`` processes (one thread each), or connect to the
    scheduler at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``) within ``timeout`` seconds.

    Raises :class:`ClusterError` with the reason when neither works."""
    if scheduler is not None and workers is not None:
        raise ClusterError("give either a number of local workers or a scheduler, not both")
    if scheduler is not None:
        if not _ADDRESS.match(scheduler):
            raise ClusterError(
                f"{scheduler!r} is not a scheduler address (expected e.g. tcp://HOST:8786)"
            )
        try:
            client = Client(  # type: ignore[no-untyped-call]
                scheduler, timeout=timeout, set_as_default=False
            )
        except (OSError, TimeoutError) as exc:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s "
                f"({_reason(exc)})"
            ) from None
        return Cluster(client)
    n = workers or 1
    if n < 1:
        raise ClusterError(f"the number of workers must be at least 1 (got {n})")
    try:
        local = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=dashboard,
            silence_logs=logging.ERROR,
        )
        client = Client(local, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, RuntimeError) as exc:
        raise ClusterError(f"cannot start a local cluster of {n} workers: {exc}") from None
    return Cluster(client, local)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
