"""The 会话 menu's actions every signed-in window has: 退出登录 (Ctrl+L) and 退出 (quit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

SIGN_OUT_SHORTCUT = "Ctrl+L"


def session_menu(window: QMainWindow) -> QMenu:
    return window.menuBar().addMenu(QCoreApplication.translate("SessionMenu", "&Session"))


def sign_out_action(window: QMainWindow, sign_out: Callable[[], object]) -> QAction:
    action = QAction(QCoreApplication.translate("SessionMenu", "Sign &out"), window)
    action.setShortcut(QKeySequence(SIGN_OUT_SHORTCUT))
    action.triggered.connect(sign_out)
    return action


def quit_action(window: QMainWindow) -> QAction:
    action = QAction(QCoreApplication.translate("SessionMenu", "&Quit"), window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
    action.triggered.connect(window.close)
    return action
