"""Unacknowledged outbox operations as a read-only table, filtered to one kind of state."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from clerk_app.sync.status import ItemState, OutboxItem
from ui.sync.texts import item_state_name, operation_name, when
from ui.tables import RowsModel

COL_CASE, COL_OPERATION, COL_STATE, COL_ATTEMPTS, COL_CREATED, COL_REASON = range(6)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's OutboxItem

_Index = QModelIndex | QPersistentModelIndex


class OutboxItemsModel(RowsModel):
    def __init__(self, states: Collection[ItemState], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._states = frozenset(states)

    def set_items(self, items: tuple[OutboxItem, ...]) -> None:
        mine = tuple(i for i in items if i.state in self._states)
        if mine != self._rows:  # an unchanged refresh keeps the selection
            self._set(mine)

    def item(self, row: int) -> OutboxItem:
        item = self._rows[row]
        assert isinstance(item, OutboxItem)
        return item

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"),
            self.tr("Operation"),
            self.tr("State"),
            self.tr("Attempts"),
            self.tr("Made"),
            self.tr("Reason"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index.row())
        if role == ITEM_ROLE:
            return item
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        values = {
            COL_CASE: item.case_number or "—",
            COL_OPERATION: operation_name(item.kind),
            COL_STATE: item_state_name(item.state),
            COL_ATTEMPTS: str(item.attempts),
            COL_CREATED: when(item.created_ms),
            COL_REASON: item.reason or "",
        }
        return values[column]
