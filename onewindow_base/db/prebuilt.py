"""Statements built once and compiled to SQL text, run on the driver's connection itself.

The queue's hot statements are large (call-next reads the head of every line a window serves)
and run many times a minute at every window. Executing a SQLAlchemy statement costs, each
time, a cache key computed over the whole statement tree; psycopg then rewrites the query's
named placeholders with a regular expression, which it caches only for queries under 4 kB and
50 parameters. Compiled here once per hall and window, a statement costs neither: SQLite gets
``?`` placeholders for ``sqlite3``, PostgreSQL ``$1, $2 …`` for psycopg's raw cursor, which
sends the text as it is and prepares it on the server.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any, cast

from sqlalchemy import ClauseElement, Dialect
from sqlalchemy.sql.compiler import SQLCompiler


@functools.cache
def dollar_dialect() -> Dialect:
    """PostgreSQL (psycopg) with ``$n`` placeholders, for :class:`Prebuilt` statements."""
    from sqlalchemy.dialects.postgresql.psycopg import dialect  # noqa: PLC0415 - PostgreSQL only

    build: Callable[..., Dialect] = dialect
    return build(paramstyle="numeric_dollar")


class Prebuilt:
    """A statement compiled once to positional SQL; the bound ``p_…`` values come with each run."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        assert compiled.positional, "a prebuilt statement needs a positional paramstyle"
        self.sql = compiled.string
        # An IN list of bound values is spliced in at each run: write such a filter out instead.
        assert "__[POSTCOMPILE_" not in self.sql, "a prebuilt statement cannot expand IN lists"
        self._names = tuple(compiled.positiontup or ())
        # Values fixed when the statement was built; the bound ones (p_…) come with each run.
        self._constants = dict(compiled.construct_params(_check=False))
        processors = compiled._bind_processors
        self._processors: dict[str, Callable[[Any], Any]] = {
            name: cast("Callable[[Any], Any]", processors[name])
            for name in self._names
            if name in processors
        }

    def args(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        values = []
        for name in self._names:
            value = params[name] if name in params else self._constants[name]
            processor = self._processors.get(name)
            values.append(
                processor(value) if processor is not None and value is not None else value
            )
        return tuple(values)

    def run(self, conn: sqlite3.Connection, params: Mapping[str, Any]) -> sqlite3.Cursor:
        """Run on an ``sqlite3`` connection (the caller holds the transaction)."""
        return conn.execute(self.sql, self.args(params))

    def run_many(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        conn.executemany(self.sql, [self.args(row) for row in rows])
