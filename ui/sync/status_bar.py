"""Sync in a main window: the indicator in the status bar, a "Sync" menu with the panel on
Ctrl+Shift+Y, and a notice in the status bar when a new catalogue version arrives.

Attached from outside (the app's flow), so the clerk and supervisor windows need no sync code.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from clerk_app.accounts.roles import UserInfo
from ui.elide import ElidedLabel
from ui.sync.controller import SyncController
from ui.sync.indicator import SyncIndicator
from ui.sync.panel import SyncPanel

PANEL_SHORTCUT = "Ctrl+Shift+Y"


class SyncStatusBar(QObject):
    open_case_requested = Signal(str)  # from the panel's failed e-licence verifications

    def __init__(self, window: QMainWindow, controller: SyncController, user: UserInfo) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._user = user  # signed in to ``window``
        self.panel: SyncPanel | None = None
        self.indicator = SyncIndicator(window)
        self.catalogue_notice = ElidedLabel(parent=window)
        self.catalogue_notice.setVisible(False)
        bar = window.statusBar()
        bar.addWidget(self.catalogue_notice)
        bar.addPermanentWidget(self.indicator)
        self.indicator.open_requested.connect(self.open_panel)
        self.open_action = QAction(self.tr("Sync &status…"), window)
        self.open_action.setShortcut(QKeySequence(PANEL_SHORTCUT))
        self.open_action.triggered.connect(self.open_panel)
        self.sync_action = QAction(self.tr("Sync &now"), window)
        self.sync_action.triggered.connect(controller.sync_now)
        menu = window.menuBar().addMenu(self.tr("S&ync"))
        menu.addAction(self.open_action)
        menu.addAction(self.sync_action)
        controller.snapshot_changed.connect(self.indicator.show_snapshot)
        controller.catalogue_arrived.connect(self.show_catalogue_notice)
        if controller.snapshot is not None:
            self.indicator.show_snapshot(controller.snapshot)

    def open_panel(self) -> SyncPanel:
        if self.panel is None:
            self.panel = SyncPanel(self._controller, self._user, self._window)
            self.panel.open_case_requested.connect(self.open_case_requested)
        else:
            self._controller.load_items()
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel

    def show_catalogue_notice(self, label: str) -> None:
        self.catalogue_notice.set_full_text(
            self.tr(
                "New catalogue version {label} received from the central server; it is in use now."
            ).format(label=label)
        )
        self.catalogue_notice.setVisible(True)
