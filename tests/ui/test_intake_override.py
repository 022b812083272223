"""A supervisor lets a real ID number with a failed check digit through, from the intake form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from ui.intake.applicant_form import ApplicantForm
from ui.intake.override_dialog import OverrideDialog
from ui.tasks import TaskRunner

WRONG_CHECK = "110105194912310021"  # only the check digit is wrong (it should be X)
pytestmark = pytest.mark.allow_log_warnings  # the clerk's try is refused


def _form(qtbot: QtBot, db: Database, runner: TaskRunner, clock: FixedClock) -> ApplicantForm:
    form = ApplicantForm(lambda: dt.date(2026, 11, 24))
    qtbot.addWidget(form)
    form.enable_overrides(runner, AuthService(db, clock=clock), clock.now_ms)
    form.show()
    form.name.setText("王五")
    form.id_number.setText(WRONG_CHECK)
    form.id_number.editingFinished.emit()
    return form


def _dialog(form: ApplicantForm) -> OverrideDialog:
    dialogs = form.findChildren(OverrideDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_supervisor_override_goes_into_the_applicant(
    qtbot: QtBot, qapp: QApplication, db: Database, runner: TaskRunner, clock: FixedClock
) -> None:
    form = _form(qtbot, db, runner, clock)
    assert form.errors["id_value"].isVisibleTo(form)
    assert form.override_button.isVisibleTo(form)
    form.override_button.click()
    dialog = _dialog(form)
    dialog.username.setText("clerk2")  # a clerk cannot vouch
    dialog.password.setText("clerk2-demo")
    dialog.reason.setText("原件核验无误")
    dialog.submit()
    assert dialog.message.text() == "Only a supervisor or administrator may do this."
    assert form.applicant_input().override is None
    dialog.username.setText("supervisor")
    dialog.password.setText("supervisor-demo")
    dialog.submit()
    override = form.applicant_input().override
    assert override is not None
    assert (override.supervisor_name, override.reason) == ("大厅值班长", "原件核验无误")
    assert "大厅值班长" in form.override_note.text()
    form.id_number.textEdited.emit("1")  # a changed number drops the override
    assert form.applicant_input().override is None


def test_an_override_needs_a_reason(
    qtbot: QtBot, qapp: QApplication, db: Database, runner: TaskRunner, clock: FixedClock
) -> None:
    form = _form(qtbot, db, runner, clock)
    form.override_button.click()
    dialog = _dialog(form)
    dialog.username.setText("supervisor")
    dialog.password.setText("supervisor-demo")
    dialog.submit()
    assert dialog.message.text() == "Please give the reason for the override."
    assert form.applicant_input().override is None
