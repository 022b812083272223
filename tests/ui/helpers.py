"""Small helpers shared by the widget tests."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.figures.types import Alert
from ui.tables import ROW_ROLE


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window: window shortcuts (F-keys) only reach that one."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def qt_tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found next to {sys.executable} or on PATH")
    return found


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item at ``row``, ``column`` of ``table``, which the test expects to be filled."""
    item = table.item(row, column)
    assert item is not None, f"no item at ({row}, {column})"
    return item


def alert_at(model: QAbstractItemModel, row: int) -> Alert:
    """The alert a row of an alerts table carries (its ``ROW_ROLE``)."""
    alert = model.data(model.index(row, 0), ROW_ROLE)
    assert isinstance(alert, Alert)
    return alert
