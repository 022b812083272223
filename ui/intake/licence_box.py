"""查证照: the applicant's e-licences for the selected checklist material, from the central
server's registry. A valid one chosen replaces the material (免提交) with its number, issuer and
validity, its PDF copy kept with the case; a revoked or expired one is listed, greyed, with why.
When the registry cannot be asked the box says why: the clerk may type the number in the
checklist's e-licence column, and the next sync verifies it (待核验).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.audit.types import Actor
from clerk_app.credit.types import UnknownReason
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement
from clerk_app.licences.service import LicenceService
from clerk_app.licences.types import Licence, LicenceLookup, LookupState, replacing_record
from ui.intake.reasons import unknown_reason_text
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LIST_ROWS = 4  # the licences shown without scrolling


class LicenceBox(QWidget):
    """``chosen(key, record)`` when a licence replaces the material ``key``."""

    chosen = Signal(str, object)  # material key, MaterialRecord

    def __init__(
        self,
        licences: LicenceService,
        runner: TaskRunner,
        by: Actor,
        holder: Callable[[], str | None],
        case_number: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._licences, self._runner, self._by = licences, runner, by
        self._holder, self._case_number = holder, case_number
        self._requirement: MaterialRequirement | None = None
        self._generation = 0
        self.found: LicenceLookup | None = None
        self.button = QPushButton(self.tr("查证照"))
        self.button.setToolTip(self.tr("Look up the applicant's e-licence for this material"))
        self.choose_button = QPushButton(self.tr("Use this licence"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setVisible(False)
        # A holder has a few licences of a type: the checklist above keeps its rows.
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * LIST_ROWS + 8)
        self.choose_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.choose_button)
        self.button.clicked.connect(self.look_up)
        self.choose_button.clicked.connect(self.choose_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.choose_selected())
        self.set_requirement(None)

    def set_requirement(self, requirement: MaterialRequirement | None) -> None:
        """The selected checklist row; 查证照 only where an e-licence may replace it."""
        if requirement != self._requirement:
            self._clear()
        self._requirement = requirement
        usable = requirement is not None and requirement.elicence_type is not None
        self.button.setEnabled(usable)

    def _clear(self) -> None:
        self._generation += 1
        self.found = None
        self.list.clear()
        self.list.setVisible(False)
        self.choose_button.setVisible(False)
        self.status.clear()

    def look_up(self) -> None:
        req, holder = self._requirement, self._holder()
        if req is None or req.elicence_type is None:
            return
        if holder is None:
            self.status.setText(self.tr("Enter the applicant's ID number or credit code first."))
            return
        self._clear()
        generation, type_code = self._generation, req.elicence_type
        service, by, case = self._licences, self._by, self._case_number()
        self.status.setText(self.tr("Looking up e-licences…"))
        self._runner.run(
            lambda: service.lookup(holder, type_code, by=by, case_number=case),
            lambda found: self._found(generation, req, found),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _found(self, generation: int, req: MaterialRequirement, found: LicenceLookup) -> None:
        if generation != self._generation:
            return
        self.found = found
        if found.state is LookupState.UNKNOWN:
            self.status.setText(self._unknown_text(found.unknown_reason))
            return
        if found.state is LookupState.NONE:
            self.status.setText(
                self.tr("No e-licence of this type in the registry: the material is needed.")
            )
            return
        self.status.setText(self.tr("Choose the licence that replaces %1.").replace("%1", req.name))
        for licence in found.licences:
            item = QListWidgetItem(self._line(licence))
            item.setData(Qt.ItemDataRole.UserRole, licence)
            if not licence.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self._status_name(licence.status))
            self.list.addItem(item)
        self.list.setVisible(True)
        self.choose_button.setVisible(True)
        first = next((i for i in range(self.list.count()) if self._usable_row(i)), None)
        if first is not None:
            self.list.setCurrentRow(first)

    def _usable_row(self, row: int) -> bool:
        licence = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return isinstance(licence, Licence) and licence.usable

    def choose_selected(self) -> None:
        item, req = self.list.currentItem(), self._requirement
        if item is None or req is None:
            return
        licence = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(licence, Licence):
            return
        if not licence.usable:
            self.status.setText(self._status_name(licence.status))
            return
        generation, service = self._generation, self._licences
        self.status.setText(self.tr("Fetching the licence's PDF copy…"))
        self._runner.run(
            lambda: service.fetch_copy(licence),
            lambda sha: self._copied(generation, req.key, licence, sha),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _copied(self, generation: int, key: str, licence: Licence, sha: object) -> None:
        if generation != self._generation:
            return
        record: MaterialRecord = replacing_record(licence, sha if isinstance(sha, str) else None)
        self._clear()
        text = self.tr("免提交: %1 %2 (%3)").replace("%1", licence.type_name)
        text = text.replace("%2", licence.number).replace("%3", licence.issuer)
        if not isinstance(sha, str):
            text += " " + self.tr("— no PDF copy could be kept.")
        self.status.setText(text)
        self.chosen.emit(key, record)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            log.error("the e-licence lookup failed", exc_info=error)
            self.status.setText(self.tr("The e-licence lookup failed; see the log."))

    def _line(self, licence: Licence) -> str:
        until = licence.valid_until.isoformat() if licence.valid_until else self.tr("no end")
        return (
            f"{licence.type_name}  {licence.number}  {licence.issuer}  "
            f"{licence.valid_from.isoformat()} – {until}  [{self._status_name(licence.status)}]"
        )

    def _status_name(self, status: str) -> str:
        return {
            "valid": self.tr("valid"),
            "revoked": self.tr("revoked: it cannot replace the material"),
            "expired": self.tr("expired: it cannot replace the material"),
        }.get(status, status)

    def _unknown_text(self, reason: UnknownReason | None) -> str:
        return self.tr(
            "E-licences could not be checked (%1). Type the licence number in the "
            "E-licence column: it is accepted as to verify (待核验) and verified on the next sync."
        ).replace("%1", unknown_reason_text(reason))
