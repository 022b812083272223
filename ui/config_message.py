"""The config file's problems in a window: the desktop app is started from a desktop icon,
and nobody reads a console on a counter PC."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import choose_language, install_translators


def config_problems_box(path: Path, lines: list[str]) -> QMessageBox:
    text = QCoreApplication.translate(
        "ConfigMessage",
        "OneWindow cannot start: the configuration file %1 has problems. Please ask the "
        "administrator to correct it; the details below list each one.",
    ).replace("%1", str(path))
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("ConfigMessage", "OneWindow"), text
    )
    box.setDetailedText("\n".join(lines))
    return box


def show_config_problems(path: Path, lines: list[str]) -> None:
    """Blocks until the message is closed; makes the QApplication when there is none."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translators(app, choose_language(None, None, QLocale.system()))
    config_problems_box(path, lines).exec()
