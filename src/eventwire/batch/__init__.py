"""Batch coding on a Dask cluster: ``eventwire ingest --workers/--scheduler`` (shards loaded
by the one writer of the store) and ``eventwire batch`` (lake mode, Parquet in and out).

Importing this package imports Dask; the rest of eventwire does not need it.
"""

from .cluster import CONNECT_TIMEOUT, Cluster, PipelinePlugin, connect, pipeline_for
from .ingest import ClusterStats, ingest_on_cluster
from .lake import BatchReport, list_partitions, read_partition, run_batch

__all__ = [
    "CONNECT_TIMEOUT",
    "BatchReport",
    "Cluster",
    "ClusterStats",
    "PipelinePlugin",
    "connect",
    "ingest_on_cluster",
    "list_partitions",
    "pipeline_for",
    "read_partition",
    "run_batch",
]
