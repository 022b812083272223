"""The pickup list as a table (``ui.tables.RowsModel``; its ``ROW_ROLE`` returns the row's
PickupEntry)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from clerk_app.intake.types import CaseState
from clerk_app.results.types import PickupEntry
from ui.tables import Column, RowsModel

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


class PickupModel(RowsModel[PickupEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Case number"),
                    lambda e: e.case_number,
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Applicant"),
                    lambda e: f"{e.applicant_name} {e.applicant_id_masked}",
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Item"), lambda e: e.item_name_zh
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Decision"),
                    lambda e: decision_name(e.state),
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Certificate number"),
                    lambda e: e.certificate_number or "—",
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Promised by"),
                    lambda e: e.promised_due.isoformat() if e.promised_due else "—",
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Waiting"),
                    lambda e: QCoreApplication.translate("Pickup", "{n} days").format(
                        n=e.waiting_days
                    ),
                ),
                Column(
                    lambda: QCoreApplication.translate("Pickup", "Deferred materials"),
                    lambda e: str(e.deferred_outstanding) if e.deferred_outstanding else "",
                ),
            ),
            parent,
            background=lambda e: LONG_WAIT if e.waiting_days >= WAITING_LONG_DAYS else None,
        )

    def set_entries(self, entries: Sequence[PickupEntry]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> PickupEntry:
        return self.row(row)
