"""The encrypted columns: what a key rotation re-encrypts and counts.

A model declares an encrypted column where it declares the column, once, with the context its
values are bound to::

    id_enc: Mapped[str] = mapped_column(Text, info=encrypted(ID_NUMBER))

and :meth:`EncryptedColumns.declared_in` reads the declarations from the models' metadata (no
registry filled as a side effect of importing a module). Encrypted columns are named ``*_enc``
(their lookup hashes ``*_lookup``), and :meth:`~EncryptedColumns.unregistered` finds an
``*_enc`` column declared without a context: a key is never retired while such a column
exists, because its values could be under that key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, MetaData, Table
from sqlalchemy.orm import ColumnProperty, QueryableAttribute

SUFFIX = "_enc"
CONTEXT_INFO = "encryption_context"  # the key in a column's ``info`` that declares it encrypted


def encrypted(context: str) -> dict[str, Any]:
    """A column's ``info`` declaring it encrypted under ``context`` (``"applicant.id_number"``)."""
    return {CONTEXT_INFO: context}


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

    @classmethod
    def declared_in(cls, *metadata: MetaData) -> EncryptedColumns:
        """Every column of the tables of ``metadata`` declared with :func:`encrypted`."""
        found = cls()
        for meta in metadata:
            for table in meta.sorted_tables:
                for column in table.columns:
                    context = column.info.get(CONTEXT_INFO)
                    if context is not None:
                        found.register(column, context=context)
        return found

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

    def __iter__(self) -> Iterator[EncryptedColumn]:
        return iter(sorted(self._columns.values(), key=lambda c: c.name))

    def unregistered(self, metadata: MetaData) -> list[str]:
        """``*_enc`` columns of ``metadata`` that are not among these."""
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
