"""The material checklist of the chosen item and situation, with the clerk's record per row.

One row per material of the situation, in the catalogue's order. The clerk's columns are
editable (check boxes for received, original checked, deferred and, where the catalogue
allows 告知承诺, committed; numbers and text for the
rest); every edit keeps the record consistent (a material is received, deferred or replaced by
an e-licence, never two of them) and emits :attr:`ChecklistModel.records_changed`, on which the
panel re-assesses the draft. The scans column counts the pages assigned to the material.

Roles: ``DisplayRole``/``EditRole`` the value, ``CheckStateRole`` the three check boxes,
``ToolTipRole`` the translated reasons of the row's state, :data:`KEY_ROLE` the material key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from clerk_app.catalogue.types import MaterialForm, Necessity
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement, MaterialState
from ui.intake.checklist_edits import (
    COLUMN_COUNT,
    COMMITTED,
    COPIES,
    COPIES_NEEDED,
    DEFECTS,
    DEFERRED,
    ELICENCE,
    FORM,
    MATERIAL,
    NECESSITY,
    ORIGINAL,
    RECEIVED,
    SCANS,
    SUPPLY_BY,
    checked,
    committed,
    deferred,
    edited_text,
    received,
)
from ui.intake.reasons import reason_text, status_name

_Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

CHECK_COLUMNS = (RECEIVED, ORIGINAL, DEFERRED, COMMITTED)
EDIT_COLUMNS = (COPIES, ELICENCE, SUPPLY_BY, DEFECTS)


class ChecklistModel(QAbstractTableModel):
    records_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._requirements: tuple[MaterialRequirement, ...] = ()
        self._records: dict[str, MaterialRecord] = {}
        self._states: dict[str, MaterialState] = {}

    # ------------------------------------------------------------------ content
    def set_checklist(
        self,
        requirements: Sequence[MaterialRequirement],
        records: Mapping[str, MaterialRecord] | None = None,
    ) -> None:
        self.beginResetModel()
        self._requirements = tuple(requirements)
        keys = {r.key for r in self._requirements}
        self._records = {k: v for k, v in (records or {}).items() if k in keys}
        self._states = {}
        self.endResetModel()
        self.records_changed.emit()

    @property
    def requirements(self) -> tuple[MaterialRequirement, ...]:
        return self._requirements

    def records(self) -> dict[str, MaterialRecord]:
        """The clerk's records, scans left to the pages (the service counts them)."""
        return {
            k: dataclasses.replace(r, scans=0)
            for k, r in self._records.items()
            if dataclasses.replace(r, scans=0) != MaterialRecord()
        }

    def record(self, key: str) -> MaterialRecord:
        return self._records.get(key, MaterialRecord())

    def set_record(self, key: str, record: MaterialRecord) -> None:
        """A record decided outside the table (an e-licence chosen by 查证照)."""
        self._records[key] = dataclasses.replace(record, scans=self.record(key).scans)
        row = self.row_of(key)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.records_changed.emit()

    def row_of(self, key: str) -> int:
        return next(i for i, r in enumerate(self._requirements) if r.key == key)

    def set_scans(self, counts: Mapping[str, int]) -> None:
        for req in self._requirements:
            self._records[req.key] = dataclasses.replace(
                self.record(req.key), scans=counts.get(req.key, 0)
            )
        self._changed_column(SCANS)

    def set_states(self, states: Sequence[MaterialState]) -> None:
        """The assessment's view of each row (tool tips and status)."""
        self._states = {s.key: s for s in states}
        self._changed_column(MATERIAL)

    def _changed_column(self, column: int) -> None:
        if self._requirements:
            last = len(self._requirements) - 1
            self.dataChanged.emit(self.index(0, column), self.index(last, column))

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._requirements)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Material"),
            self.tr("Form"),
            self.tr("Copies needed"),
            self.tr("Necessity"),
            self.tr("Received"),
            self.tr("Original checked"),
            self.tr("Copies"),
            self.tr("Scans"),
            self.tr("E-licence no."),
            self.tr("Deferred"),
            self.tr("Supply by"),
            self.tr("Defects"),
            self.tr("Committed"),
        ][section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COMMITTED and not self._requirements[index.row()].commitment:
            return base  # the catalogue takes no commitment for this material
        if index.column() in CHECK_COLUMNS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in EDIT_COLUMNS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        req = self._requirements[index.row()]
        rec = self.record(req.key)
        column = index.column()
        if role == KEY_ROLE:
            return req.key
        if role == Qt.ItemDataRole.CheckStateRole and column in CHECK_COLUMNS:
            return self._check_state(req, rec, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(req.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(req, rec, column, role)
        return None

    @staticmethod
    def _check_state(
        req: MaterialRequirement, rec: MaterialRecord, column: int
    ) -> Qt.CheckState | None:
        if column == COMMITTED and not req.commitment:
            return None  # no box: the catalogue takes no commitment for this material
        ticked = {RECEIVED: rec.received, ORIGINAL: rec.original_checked, COMMITTED: rec.committed}
        on = ticked.get(column, rec.deferred)
        return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked

    def _tooltip(self, key: str) -> str | None:
        state = self._states.get(key)
        if state is None:
            return None
        names = {r.key: r.name for r in self._requirements}
        lines = [status_name(state.status)]
        lines += [reason_text(r, names) for r in (*state.reasons, *state.clerk_tasks)]
        return "\n".join(lines)

    def _value(self, req: MaterialRequirement, rec: MaterialRecord, column: int, role: int) -> Any:
        values: dict[int, Any] = {
            MATERIAL: req.name,
            FORM: self._form_name(req.form),
            COPIES_NEEDED: 0 if req.form is MaterialForm.ELECTRONIC else req.copies,
            NECESSITY: self._necessity_name(req.necessity),
            COPIES: rec.copies,
            SCANS: rec.scans,
            ELICENCE: self._elicence_text(rec)
            if role == Qt.ItemDataRole.DisplayRole
            else rec.elicence_number or "",
            SUPPLY_BY: rec.supply_by.isoformat() if rec.supply_by else "",
            DEFECTS: "; ".join(rec.defects),
        }
        if column in CHECK_COLUMNS and role == Qt.ItemDataRole.DisplayRole:
            return None
        return values.get(column)

    def _elicence_text(self, rec: MaterialRecord) -> str:
        """The number, and whether the registry vouched for it (免提交) or will (待核验)."""
        if rec.elicence_number is None:
            return ""
        if rec.elicence_check == "failed":
            note = self.tr("verification failed")
        elif rec.elicence is not None or rec.elicence_check == "verified":
            note = self.tr("免提交")
        else:
            note = self.tr("待核验")
        return f"{rec.elicence_number} ({note})"

    def _form_name(self, form: MaterialForm) -> str:
        return {
            MaterialForm.ORIGINAL: self.tr("Original"),
            MaterialForm.COPY: self.tr("Copy"),
            MaterialForm.ELECTRONIC: self.tr("Electronic"),
            MaterialForm.ORIGINAL_AND_COPY: self.tr("Original and copy"),
        }[form]

    def _necessity_name(self, necessity: Necessity) -> str:
        return {
            Necessity.REQUIRED: self.tr("Required"),
            Necessity.OPTIONAL: self.tr("Optional"),
            Necessity.DEFERRABLE: self.tr("Deferrable"),
        }[necessity]

    def setData(  # noqa: N802 - Qt API
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        req = self._requirements[index.row()]
        updated = self._edited(req, self.record(req.key), index.column(), value, role)
        if updated is None:
            return False
        self._records[req.key] = updated
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.records_changed.emit()
        return True

    # ------------------------------------------------------------------ edits
    def _edited(
        self, req: MaterialRequirement, rec: MaterialRecord, column: int, value: Any, role: int
    ) -> MaterialRecord | None:
        if role == Qt.ItemDataRole.CheckStateRole and column in CHECK_COLUMNS:
            on = checked(value)
            if column == RECEIVED:
                return received(req, rec, on=on)
            if column == ORIGINAL:
                return (
                    received(req, rec, on=True)
                    if on and not rec.received
                    else (dataclasses.replace(rec, original_checked=on))
                )
            if column == COMMITTED:
                return committed(req, rec, on=on)
            return deferred(rec, on=on)
        if role != Qt.ItemDataRole.EditRole:
            return None
        return edited_text(req, rec, column, value)
