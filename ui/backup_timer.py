"""Online backups of an SQLite hall while the desktop app runs (``[backup] every_hours``).

The timer only asks, every few minutes, whether a copy is due (the newest one older than
``every_hours``); the copy itself, its check and the pruning run in the background
(:meth:`clerk_app.db.backup.Backups.write`), on a runner of their own so the queue's work never
waits behind a large copy. A hall PC that is switched off at night gets its copy soon after it
starts; ``clerk-app maintenance backup`` from the OS scheduler covers the hours it is not open.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_app.db.backup import BackupReport, Backups
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ASK_EVERY_MS = 10 * 60 * 1000


class BackupTimer(QObject):
    written = Signal(object)  # the BackupReport of a copy made
    failed = Signal(str)  # why a copy could not be made (also in the log)

    def __init__(
        self,
        runner: TaskRunner,
        backups: Backups,
        every: dt.timedelta,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._backups = backups
        self._every = every
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(ASK_EVERY_MS)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._runner.run(self._copy_if_due, self._done, self._failed, owner=self)

    def _copy_if_due(self) -> BackupReport | None:
        return self._backups.write() if self._backups.due(self._every) else None

    def _done(self, report: BackupReport | None) -> None:
        self._busy = False
        if report is not None:
            self.written.emit(report)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        log.error("the database backup failed: %s", exc)
        self.failed.emit(str(exc))
