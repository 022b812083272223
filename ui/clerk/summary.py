"""Two read-outs above the caller buttons: who works at which window, and who is waiting."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from clerk_app.queue import WindowState
from ui.clerk.state import PanelData
from ui.i18n import describe_pause_reason, pick_name, window_state_name

WAITING_POINT_SIZE = 20


class WindowHeader(QLabel):
    """Window name, clerk and the window's state (with the pause reason when paused)."""

    def show_window(self, data: PanelData, clerk_name: str) -> None:
        window = data.window
        name = pick_name(self.locale(), window.name_zh, window.name_en)
        state = window_state_name(window.state)
        if window.state is WindowState.PAUSED and window.pause_reason:
            reason = describe_pause_reason(window.pause_reason)
            state = self.tr("Paused: {reason}").format(reason=reason)
        self.setText(f"{name} · {clerk_name} · {state}")


class WaitingCount(QLabel):
    """People waiting for this window's services; the tooltip breaks it down per service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = self.font()
        font.setPointSize(WAITING_POINT_SIZE)
        self.setFont(font)

    def show_count(self, data: PanelData) -> None:
        self.setText(self.tr("%n people waiting", "", data.waiting))
        codes = data.window.service_codes
        line = self.tr("{prefix} {service}: {count} waiting")
        self.setToolTip(
            "\n".join(
                line.format(
                    prefix=s.prefix,
                    service=pick_name(self.locale(), s.name_zh, s.name_en),
                    count=s.waiting,
                )
                for s in data.hall.services
                if s.code in codes
            )
        )
