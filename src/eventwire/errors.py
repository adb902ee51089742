"""Errors raised by the eventwire library.

Every error has a short code (``E001`` ...) and one message. Only the CLI and API edges turn
these into exit codes or HTTP statuses; the library never prints or exits.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of all errors eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = message
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{message}")


class InputError(EventwireError):
    """An input could not be read or is not a usable English news text."""

    code = "E001"


class EmptyInput(InputError):
    code = "E002"


class BinaryInput(InputError):
    code = "E003"


class EncodingInput(InputError):
    code = "E004"


class InputTooLarge(InputError):
    code = "E005"


class NotEnglish(InputError):
    code = "E006"


class MissingInput(InputError):
    code = "E007"


class ConfigError(EventwireError):
    """Settings, a model name or a knowledge-base file is invalid."""

    code = "E010"


class ModelNotFound(ConfigError):
    code = "E011"


class KnowledgeBaseError(ConfigError):
    code = "E012"


class DataError(EventwireError):
    """A bundled data file is broken (a packaging bug, not a user error)."""

    code = "E020"


class StoreError(EventwireError):
    """The event store cannot be opened, written or queried."""

    code = "E030"


class StoreBusy(StoreError):
    """Another process holds the database file (DuckDB allows one process per file)."""

    code = "E031"


class ReadOnlyViolation(StoreError):
    """A statement given to the read-only SQL entry point could change something."""

    code = "E032"


class QueryError(StoreError):
    """Event query filters that cannot be used together or are out of range."""

    code = "E033"


class ClusterError(EventwireError):
    """A Dask cluster cannot be started or reached, or a batch run cannot go on."""

    code = "E040"
