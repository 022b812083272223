"""The case as the applicant sees it: the item, their name masked, and each material with what
the clerk has made of it so far (received, to be supplied, ...), in words and a mark.

The marks follow the clerk's record of each row as it is ticked, not the assessment that comes
back from the service a moment later: the applicant sees the tick when the clerk makes it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clerk_app.catalogue.types import Necessity
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement
from ui.scaling import set_px, set_rows


class Mark(enum.Enum):
    RECEIVED = "received"
    REPLACED = "replaced"  # an e-licence stands in for it
    COMMITTED = "committed"  # the applicant's signed commitment stands in for it
    DEFERRED = "deferred"  # 容缺: accepted now, supplied later
    OPTIONAL = "optional"  # not brought, and not needed
    MISSING = "missing"


SYMBOLS = {
    Mark.RECEIVED: "✓",
    Mark.REPLACED: "✓",
    Mark.COMMITTED: "✓",
    Mark.DEFERRED: "○",
    Mark.OPTIONAL: "–",
    Mark.MISSING: "✗",
}
COLOURS = {Mark.MISSING: "#b00020", Mark.DEFERRED: "#8a4b00", Mark.OPTIONAL: "#555555"}
GOOD = "#1b6e20"


def mark_of(requirement: MaterialRequirement, record: MaterialRecord) -> Mark:
    if record.received:
        return Mark.RECEIVED
    if record.elicence_number:
        return Mark.REPLACED
    if record.committed and requirement.commitment:
        return Mark.COMMITTED
    if record.deferred:
        return Mark.DEFERRED
    if requirement.necessity is Necessity.OPTIONAL:
        return Mark.OPTIONAL
    return Mark.MISSING


def mask_name(name: str) -> str:
    """The name as the screen may show it: first and last character kept (张*三, 张*)."""
    text = "".join(name.split())
    if len(text) <= 1:
        return "*" * len(text)
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


@dataclass(frozen=True, slots=True)
class MaterialRow:
    name: str
    mark: Mark


class CasePage(QWidget):
    """Item, masked name and the material list; :meth:`show_case` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = QLabel()
        self.item.setWordWrap(True)
        self.applicant = QLabel()
        self.heading = QLabel(self.tr("Your materials"))
        self.materials = QListWidget()
        self.materials.setWordWrap(True)
        self.materials.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing here takes input
        self.materials.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.item, self.applicant, self.heading):
            layout.addWidget(widget)
        layout.addWidget(self.materials, 1)
        layout.addWidget(self.summary)

    def mark_text(self, mark: Mark) -> str:
        return {
            Mark.RECEIVED: self.tr("received"),
            Mark.REPLACED: self.tr("not needed: an e-licence stands in for it"),
            Mark.COMMITTED: self.tr("your signed commitment stands in for it"),
            Mark.DEFERRED: self.tr("accepted now, to be supplied later"),
            Mark.OPTIONAL: self.tr("optional"),
            Mark.MISSING: self.tr("missing: please supply it"),
        }[mark]

    def show_case(self, item: str, applicant: str, rows: Sequence[MaterialRow]) -> None:
        self.item.setText(self.tr("Item: {item}").format(item=item))
        masked = mask_name(applicant)
        self.applicant.setText(self.tr("Applicant: {name}").format(name=masked) if masked else "")
        self.materials.clear()
        for row in rows:
            entry = QListWidgetItem(f"{SYMBOLS[row.mark]}  {row.name} — {self.mark_text(row.mark)}")
            entry.setForeground(QBrush(QColor(COLOURS.get(row.mark, GOOD))))
            self.materials.addItem(entry)
        missing = sum(row.mark is Mark.MISSING for row in rows)
        done = sum(row.mark not in (Mark.MISSING, Mark.OPTIONAL) for row in rows)
        self.summary.setText(
            self.tr("{done} in order, {missing} missing").format(done=done, missing=missing)
        )

    def rows(self) -> list[str]:
        """The list as shown, one line per material (what the tests read)."""
        return [self.materials.item(i).text() for i in range(self.materials.count())]

    def scale(self, unit: float) -> None:
        set_px(self.item, 64 * unit, bold=True)
        set_px(self.applicant, 44 * unit)
        set_px(self.heading, 44 * unit, bold=True)
        set_rows(self.materials, 44 * unit)
        set_px(self.summary, 40 * unit)
