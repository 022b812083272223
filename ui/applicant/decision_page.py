"""The clerk's decision in plain words: accepted (with the case number and the promised date),
a one-time notice with everything still to be supplied, accepted with materials to follow
(容缺, each with its date), or refused (the notice in hand says why and what relief there is).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from clerk_app.intake.rules import Decision
from clerk_app.intake.types import DecisionResult
from ui.scaling import set_px, set_rows


def day_text(day: dt.date) -> str:
    """A date as people read it (2026年12月7日星期一, Monday, December 7, 2026)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class DecisionPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.materials = QListWidget()
        self.materials.setWordWrap(True)
        self.materials.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.materials.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.materials, 1)

    def show_decision(self, result: DecisionResult) -> None:
        assessment = result.assessment
        self.materials.clear()
        decision = result.decision
        if decision is Decision.ACCEPT:
            self.heading.setText(self.tr("Accepted"))
            self.detail.setText(self._accepted(result))
        elif decision is Decision.ONE_TIME_NOTICE:
            self.heading.setText(self.tr("One-time notice: materials to supply"))
            self.detail.setText(
                self.tr(
                    "Your application cannot be accepted yet. Everything still needed is listed "
                    "below and on the notice you receive: bring it all next time."
                )
            )
            self.materials.addItems([f"✗  {m.requirement.name}" for m in assessment.notice_items])
        elif decision is Decision.DEFERRAL:
            self.heading.setText(self.tr("Accepted, with materials to follow"))
            self.detail.setText(self._accepted(result))
            self.materials.addItems(
                [
                    self._deferred(m.requirement.name, m.record.supply_by)
                    for m in assessment.deferred
                ]
            )
        else:
            self.heading.setText(self.tr("Not accepted"))
            self.detail.setText(
                self.tr(
                    "The application cannot be accepted here. The notice you receive gives "
                    "the reason, who can handle it, and your right to ask for a review or to "
                    "go to court."
                )
            )
        self.materials.setVisible(self.materials.count() > 0)

    def _accepted(self, result: DecisionResult) -> str:
        text = self.tr("Your case number is {case}.").format(case=result.case_number)
        if result.promised_due is not None:
            due = day_text(result.promised_due)
            text += " " + self.tr("It will be decided by {date}.").format(date=due)
        return text

    def _deferred(self, name: str, supply_by: dt.date | None) -> str:
        if supply_by is None:
            return f"○  {name}"
        day = day_text(supply_by)
        return "○  " + self.tr("{material}: supply it by {date}").format(material=name, date=day)

    def rows(self) -> list[str]:
        return [self.materials.item(i).text() for i in range(self.materials.count())]

    def scale(self, unit: float) -> None:
        set_px(self.heading, 80 * unit, bold=True)
        set_px(self.detail, 44 * unit)
        set_rows(self.materials, 44 * unit)
