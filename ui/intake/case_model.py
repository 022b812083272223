"""Cases found at the counter, one row each (for the lookup dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from clerk_app.intake.types import CaseSummary
from ui.hall_time import hall_text
from ui.i18n import pick_name
from ui.intake.messages import state_name

_Index = QModelIndex | QPersistentModelIndex
NUMBER, APPLICANT, ID_MASKED, ITEM, STATE, VISITS, UPDATED = range(7)
COLUMN_COUNT = 7
CASE_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseResultsModel(QAbstractTableModel):
    """Roles: ``DisplayRole`` the cell, :data:`CASE_NUMBER_ROLE` the row's case number."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cases: tuple[CaseSummary, ...] = ()

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        self.beginResetModel()
        self._cases = tuple(cases)
        self.endResetModel()

    def case(self, row: int) -> CaseSummary:
        return self._cases[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Case number"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Item"),
            self.tr("State"),
            self.tr("Visits"),
            self.tr("Last change"),
        ][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._cases[index.row()]
        if role == CASE_NUMBER_ROLE:
            return case.case_number
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            case.case_number,
            case.applicant_name,
            case.applicant_id_masked,
            pick_name(QLocale(), case.item_name_zh, case.item_name_en),
            state_name(case.state),
            case.visits,
            hall_text(case.updated_ms),
        ][index.column()]
