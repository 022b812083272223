"""The app's read-only tables: one rows model whose columns are declared (:class:`RowsModel`),
and columns that fit what they show (a clerk should not have to widen a column to read a case
number or a certificate number)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's own value, for whoever needs more than text

# Above this many rows the fit reads only the rows on screen (Qt's own sampling would still read
# every row of a long outbox); the widest case numbers and names are alike anyway.
FIT_ALL_ROWS = 500


def fit_columns(view: QTableView) -> None:
    """Size every column to its contents now and after every reset of the view's model; the
    last section keeps stretching where the view says so. The clerk may still drag a column."""
    model = view.model()
    assert model is not None, "set the model first"

    def fit() -> None:
        if model.rowCount() <= FIT_ALL_ROWS:
            view.resizeColumnsToContents()
            return
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            header.resizeSection(column, max(header.sectionSizeHint(column), 60))

    model.modelReset.connect(fit)
    fit()


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column of a :class:`RowsModel`: its header (translated each time it is shown, so a
    change of language shows at once), the text of a row's cell and how the cell looks."""

    header: Callable[[], str]
    text: Callable[[R], str]
    align: Qt.AlignmentFlag | None = None
    background: Callable[[R], QColor | None] | None = None  # instead of the row's
    tooltip: Callable[[R], str | None] | None = None


def numbered(columns: Mapping[int, Column[R]]) -> tuple[Column[R], ...]:
    """Columns declared under their module's named constants (``COL_NUMBER: Column(…)``), in
    the constants' order; the constants must number the columns 0, 1, 2 … without a gap."""
    assert sorted(columns) == list(range(len(columns))), "number the columns 0, 1, 2 …"
    return tuple(columns[n] for n in range(len(columns)))


class RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen rows, its columns declared (:class:`Column`).

    :data:`ROW_ROLE` returns the row itself; ``background`` colours a whole row; ``roles``
    answers any further role of a row. A new reading equal to the last changes nothing; one
    with as many rows only signals ``dataChanged``, so a selection survives the refresh that
    every queue change brings; any other resets the model.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        background: Callable[[R], QColor | None] | None = None,
        roles: Mapping[int, Callable[[R], object]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._background = background
        self._roles = dict(roles or {})
        self._rows: tuple[R, ...] = ()

    @property
    def rows(self) -> tuple[R, ...]:
        return self._rows

    def row(self, row: int) -> R:
        return self._rows[row]

    def set_rows(self, rows: Sequence[R]) -> None:
        rows = tuple(rows)
        if rows == self._rows:
            return
        if rows and len(rows) == len(self._rows):
            self._rows = rows
            self.repaint()
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def repaint(self) -> None:
        """Every cell asks again (a colour that depends on more than the row has changed)."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._columns[section].header() if 0 <= section < len(self._columns) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = column.background(row) if column.background else None
            if colour is None and self._background is not None:
                colour = self._background(row)
            return QBrush(colour) if colour is not None else None
        answer = {
            Qt.ItemDataRole.DisplayRole: column.text,
            Qt.ItemDataRole.ToolTipRole: column.tooltip,
            ROW_ROLE: _itself,
        }.get(role) or self._roles.get(role)
        if answer is not None:
            return answer(row)
        return column.align if role == Qt.ItemDataRole.TextAlignmentRole else None


def _itself(row: object) -> object:
    return row
