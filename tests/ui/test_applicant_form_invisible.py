"""The intake form checks what the clerk pasted as the service will: an ID number, a credit code
or a phone copied with a zero-width character or a byte-order mark shows no error."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.intake.types import IdType
from ui.intake.applicant_form import ApplicantForm

CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def _pasted(value: str, char: str) -> str:
    middle = len(value) // 2
    return char + value[:middle] + char + value[middle:]


def _typed(form: ApplicantForm, field: QLineEdit, text: str) -> None:
    field.setText(text)
    field.editingFinished.emit()


@pytest.mark.parametrize("char", CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_pasted_identity_fields_show_no_error(qtbot: QtBot, qapp: QApplication, char: str) -> None:
    form = ApplicantForm(lambda: dt.date(2026, 11, 24))
    qtbot.addWidget(form)
    form.show()
    _typed(form, form.name, _pasted("张伟", char))
    _typed(form, form.id_number, _pasted("11010519491231002X", char))
    _typed(form, form.phone, _pasted("13812345678", char))
    form.agent.setChecked(True)
    _typed(form, form.agent_id, _pasted("440524188001010014", char))
    for key in ("name", "id_value", "phone", "agent_id_value"):
        assert not form.errors[key].isVisibleTo(form), (key, form.errors[key].text())
    form.id_type.setCurrentIndex(form.id_type.findData(IdType.PASSPORT))
    _typed(form, form.id_number, _pasted("E12345678", char))
    assert not form.errors["id_value"].isVisibleTo(form), form.errors["id_value"].text()
    form.kind.setCurrentIndex(1)  # a company: its credit code
    assert form.id_type.currentData() == IdType.CREDIT_CODE
    _typed(form, form.id_number, _pasted("91350100M000100Y43", char))
    assert not form.errors["id_value"].isVisibleTo(form), form.errors["id_value"].text()
    _typed(form, form.id_number, _pasted("91350100M000100Y4", char))  # a character short
    assert form.errors["id_value"].isVisibleTo(form)
    assert "17" in form.errors["id_value"].text()  # counts what the clerk sees
