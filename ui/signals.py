"""The app ends cleanly on SIGTERM and SIGINT (a desktop session logging out, ``kill``, Ctrl+C
in a terminal): the event loop is asked to quit, and what runs after it (``flow.shutdown()``:
the watcher, the sync, the demo central server, the database) runs as on a normal close.

Python runs a signal handler only between bytecodes, and the Qt event loop is C++ that may
sleep for minutes. ``signal.set_wakeup_fd`` makes the C-level handler write a byte to a socket;
a ``QSocketNotifier`` on the other end wakes the loop, and the Python handler then runs.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

EXIT_SIGNALLED = 128  # plus the signal's number, as a shell reports a process ended by it
SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGINT", None)) if s is not None
)


class QuitOnSignals(QObject):
    """Installed for the app's lifetime; ``received`` is the signal that ended it, or None."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.settimeout(0.0)  # non-blocking
        self._writer.settimeout(0.0)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {s: signal.signal(s, self._handle) for s in SIGNALS}

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        if self.received is None:
            self.received = number
        self._app.quit()

    def _drain(self) -> None:
        """The wakeup bytes; the Python handler has run (or runs right after this slot)."""
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def exit_code(self, code: int) -> int:
        return EXIT_SIGNALLED + self.received if self.received is not None else code

    def uninstall(self) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
