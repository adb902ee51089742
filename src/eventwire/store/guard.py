"""The read-only guard of ``Store.sql``.

A statement is accepted only when DuckDB's own parser says it is exactly one statement of type
SELECT (which covers ``WITH ... SELECT``, ``SHOW``, ``DESCRIBE``, ``SUMMARIZE`` and ``FROM x``)
or an EXPLAIN of such a statement. Everything else (INSERT, UPDATE, DELETE, CREATE, DROP,
ALTER, COPY, ATTACH, PRAGMA, SET, INSTALL/LOAD, CALL, transactions, several statements) is
refused. The store then runs the accepted statement on a read-only connection or inside a
transaction that is always rolled back, so even a statement the parser misjudged writes nothing.
"""

from __future__ import annotations

import re

import duckdb

from ..errors import ReadOnlyViolation

_EXPLAIN = re.compile(r"^\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?", re.IGNORECASE)
ALLOWED = "a single SELECT, WITH, SHOW, DESCRIBE or EXPLAIN statement"


def read_statement(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.Statement:
    """The one read-only statement in ``sql``; raise :class:`ReadOnlyViolation` otherwise."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ReadOnlyViolation(f"the statement does not parse: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise ReadOnlyViolation(f"only {ALLOWED} is allowed; got {len(statements)} statements")
    statement = statements[0]
    kind = statement.type
    if kind == duckdb.StatementType.EXPLAIN:
        inner = _EXPLAIN.sub("", statement.query, count=1)
        if inner == statement.query:
            raise ReadOnlyViolation(f"only {ALLOWED} is allowed")
        read_statement(con, inner)
        return statement
    if kind != duckdb.StatementType.SELECT:
        raise ReadOnlyViolation(f"only {ALLOWED} is allowed; got {kind.name}")
    return statement


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
