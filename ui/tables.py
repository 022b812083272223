"""Tables whose columns fit what they show: a clerk should not have to widen a column to read a
case number or a certificate number."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

_Index = QModelIndex | QPersistentModelIndex

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


class RowsModel(QAbstractTableModel):
    """A read-only table of frozen rows: a subclass names its columns (``_headers``) and says
    what each cell shows (``data``); ``_set`` replaces every row at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[object, ...] = ()

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _set(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._headers())

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None
