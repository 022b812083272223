"""Unacknowledged outbox operations as a read-only table, filtered to one kind of state."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QCoreApplication, QObject

from clerk_app.sync.status import ItemState, OutboxItem
from ui.sync.texts import item_state_name, operation_name, when
from ui.tables import Column, RowsModel, numbered

COL_CASE, COL_OPERATION, COL_STATE, COL_ATTEMPTS, COL_CREATED, COL_REASON = range(6)


class OutboxItemsModel(RowsModel[OutboxItem]):
    def __init__(self, states: Collection[ItemState], parent: QObject | None = None) -> None:
        def column(
            header: Callable[[], str], text: Callable[[OutboxItem], str]
        ) -> Column[OutboxItem]:
            return Column(header, text, tooltip=text)  # a long reason is read in full there

        super().__init__(
            numbered(
                {
                    COL_CASE: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "Case"),
                        lambda i: i.case_number or "—",
                    ),
                    COL_OPERATION: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "Operation"),
                        lambda i: operation_name(i.kind),
                    ),
                    COL_STATE: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "State"),
                        lambda i: item_state_name(i.state),
                    ),
                    COL_ATTEMPTS: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "Attempts"),
                        lambda i: str(i.attempts),
                    ),
                    COL_CREATED: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "Made"),
                        lambda i: when(i.created_ms),
                    ),
                    COL_REASON: column(
                        lambda: QCoreApplication.translate("OutboxItemsModel", "Reason"),
                        lambda i: i.reason or "",
                    ),
                }
            ),
            parent,
        )
        self._states = frozenset(states)

    def set_items(self, items: tuple[OutboxItem, ...]) -> None:
        self.set_rows(tuple(i for i in items if i.state in self._states))

    def item(self, row: int) -> OutboxItem:
        return self.row(row)
