"""The status-bar indicator: the link, what waits in the outbox, the last success and a clock
warning. A flat button, so it takes focus and Enter or a click opens the sync panel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QToolButton, QWidget

from clerk_app.sync.status import Link, SyncSnapshot
from ui.sync.texts import error_text, link_name, skew_text, when

MARKS = {
    Link.NOT_ENROLLED: "○",
    Link.UNKNOWN: "○",
    Link.ONLINE: "●",
    Link.OFFLINE: "✕",
    Link.SYNCING: "⟳",
}


class SyncIndicator(QToolButton):
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setAccessibleName(self.tr("Sync status"))
        self.clicked.connect(self.open_requested.emit)
        self.snapshot: SyncSnapshot | None = None
        self.setText(self.tr("Sync: …"))

    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        parts = [f"{MARKS[snapshot.link]} {link_name(snapshot.link)}"]
        if snapshot.link is not Link.NOT_ENROLLED:
            parts.append(self.tr("{n} to send").format(n=snapshot.pending))
            if snapshot.attention:
                parts.append(self.tr("{n} need attention").format(n=snapshot.attention))
            if snapshot.licence_failures:
                parts.append(
                    "⚠ "
                    + self.tr("{n} e-licences not confirmed").format(n=snapshot.licence_failures)
                )
            if snapshot.last_success_ms is None:
                parts.append(self.tr("never synced"))
            else:
                parts.append(
                    self.tr("last sync {time}").format(time=when(snapshot.last_success_ms))
                )
        if snapshot.skew_warning and snapshot.skew_ms is not None:
            parts.append("⚠ " + skew_text(snapshot.skew_ms))
        self.setText(" · ".join(parts))
        tip = [self.tr("Open the sync panel (Ctrl+Shift+Y)")]
        if snapshot.server_url:
            tip.insert(0, self.tr("Central server: {url}").format(url=snapshot.server_url))
        if snapshot.link is Link.OFFLINE and snapshot.last_error:
            error = error_text(snapshot.last_error_code, snapshot.last_error)
            tip.insert(1, self.tr("Last error: {error}").format(error=error))
        self.setToolTip("\n".join(tip))
