"""The pickup list as a table: named columns; :data:`ROW_ROLE` returns the row's PickupEntry."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.intake.types import CaseState
from clerk_app.results.types import PickupEntry
from ui.tables import RowsModel

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER, APPLICANT, ITEM, DECISION, CERTIFICATE, PROMISED, WAITING, DEFERRED = range(8)
WAITING_LONG_DAYS = 10  # a result uncollected this long is shown in colour
LONG_WAIT = QColor("#fff3cd")


def decision_name(state: CaseState) -> str:
    return {
        CaseState.APPROVED: QCoreApplication.translate("Pickup", "Approved"),
        CaseState.REJECTED: QCoreApplication.translate("Pickup", "Rejected"),
        CaseState.SUPPLEMENT_REQUESTED: QCoreApplication.translate(
            "Pickup", "Supplement requested"
        ),
    }.get(state, state.value)


class PickupModel(RowsModel):
    def set_entries(self, entries: Sequence[PickupEntry]) -> None:
        self._set(entries)

    def entry(self, row: int) -> PickupEntry:
        entry = self._rows[row]
        assert isinstance(entry, PickupEntry)
        return entry

    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("Pickup", "Case number"),
            QCoreApplication.translate("Pickup", "Applicant"),
            QCoreApplication.translate("Pickup", "Item"),
            QCoreApplication.translate("Pickup", "Decision"),
            QCoreApplication.translate("Pickup", "Certificate number"),
            QCoreApplication.translate("Pickup", "Promised by"),
            QCoreApplication.translate("Pickup", "Waiting"),
            QCoreApplication.translate("Pickup", "Deferred materials"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        if role == ROW_ROLE:
            return entry
        if role == Qt.ItemDataRole.BackgroundRole and entry.waiting_days >= WAITING_LONG_DAYS:
            return QBrush(LONG_WAIT)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        return None

    def _text(self, e: PickupEntry, column: int) -> str:
        texts = (
            e.case_number,
            f"{e.applicant_name} {e.applicant_id_masked}",
            e.item_name_zh,
            decision_name(e.state),
            e.certificate_number or "—",
            e.promised_due.isoformat() if e.promised_due else "—",
            QCoreApplication.translate("Pickup", "{n} days").format(n=e.waiting_days),
            str(e.deferred_outstanding) if e.deferred_outstanding else "",
        )
        return texts[column]
