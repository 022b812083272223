"""The registry of encrypted columns: what a key rotation re-encrypts and counts.

A model module declares its encrypted columns next to the model, once::

    ENCRYPTED_COLUMNS.register(Applicant.id_number_enc, context="applicant.id_number")

Encrypted columns are named ``*_enc`` (their lookup hashes ``*_lookup``), and
:func:`unregistered` finds an ``*_enc`` column nobody registered: a key is never retired while
such a column exists, because its values could be under that key. Model modules are imported
by ``clerk_app.db``, so the registry is complete wherever the database is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, MetaData, Table
from sqlalchemy.orm import ColumnProperty, QueryableAttribute

SUFFIX = "_enc"


@dataclass(frozen=True, slots=True)
class EncryptedColumn:
    column: Column[Any]
    context: str  # bound to every value as associated data: "applicant.id_number"

    @property
    def table(self) -> Table:
        table = self.column.table
        assert isinstance(table, Table)
        return table

    @property
    def name(self) -> str:
        return f"{self.table.name}.{self.column.name}"

    @property
    def primary_key(self) -> Column[Any]:
        [pk] = self.table.primary_key.columns
        return pk


class EncryptedColumns:
    def __init__(self) -> None:
        self._columns: dict[str, EncryptedColumn] = {}

    def register(
        self, attribute: Column[Any] | QueryableAttribute[Any], *, context: str
    ) -> EncryptedColumn:
        column = _column(attribute)
        entry = EncryptedColumn(column, context)
        if not column.name.endswith(SUFFIX):
            raise ValueError(f"{entry.name}: encrypted columns are named *{SUFFIX}")
        if len(entry.table.primary_key.columns) != 1:
            raise ValueError(f"{entry.name}: the table needs a single-column primary key")
        known = self._columns.get(entry.name)
        if known is not None and known.context != context:
            raise ValueError(f"{entry.name} is already registered with context {known.context}")
        self._columns[entry.name] = entry
        return entry

    def unregister(self, attribute: Column[Any] | QueryableAttribute[Any]) -> None:
        """For tests that register a table of their own."""
        column = _column(attribute)
        self._columns.pop(f"{column.table.name}.{column.name}", None)

    def __iter__(self) -> Iterator[EncryptedColumn]:
        return iter(sorted(self._columns.values(), key=lambda c: c.name))

    def unregistered(self, metadata: MetaData) -> list[str]:
        """``*_enc`` columns of ``metadata`` that nobody registered."""
        return [
            f"{table.name}.{column.name}"
            for table in metadata.sorted_tables
            for column in table.columns
            if column.name.endswith(SUFFIX) and f"{table.name}.{column.name}" not in self._columns
        ]


def _column(attribute: Column[Any] | QueryableAttribute[Any]) -> Column[Any]:
    if isinstance(attribute, Column):
        return attribute
    prop = attribute.property
    if not isinstance(prop, ColumnProperty) or not isinstance(prop.columns[0], Column):
        raise TypeError(f"{attribute} is not a mapped column")
    return prop.columns[0]


ENCRYPTED_COLUMNS = EncryptedColumns()
