"""The app's background sync: a timer starts a cycle of the sync engine through a task runner of
its own (an upload of scans must not hold up the queue's work), one at a time, and publishes a
fresh :class:`SyncSnapshot` after each cycle and each local change.

Single flight: while a cycle runs, a timer tick is dropped and a manual "retry now" is queued to
run once right after it (the engine's lock is the backstop across processes). The timer's cycles
honour the engine's backoff; a manual one overrides it.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_app.accounts.roles import UserInfo
from clerk_app.sync.engine import CycleReport, SyncEngine
from clerk_app.sync.status import Link, SyncMonitor, SyncSnapshot
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 30_000


class SyncController(QObject):
    snapshot_changed = Signal(object)  # SyncSnapshot
    items_loaded = Signal(object)  # tuple[OutboxItem, ...]
    licence_failures_loaded = Signal(object)  # tuple[FailedCheck, ...]
    cycle_started = Signal()
    cycle_finished = Signal(object)  # CycleReport
    catalogue_arrived = Signal(str)  # the label of the catalogue version installed now

    def __init__(
        self,
        engine: SyncEngine,
        monitor: SyncMonitor,
        runner: TaskRunner,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._monitor = monitor
        self._runner = runner
        self._running = False
        self._queued_force = False
        self.snapshot: SyncSnapshot | None = None
        self.last_report: CycleReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """The first cycle now, then one per interval."""
        self.timer.start()
        self.refresh()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        """A timer cycle: skipped while one runs; inside the backoff the engine sends nothing.
        A counter known not to be enrolled only reads its status again (enrolment from the
        command line is noticed at the next tick)."""
        if self._running:
            return
        if self.snapshot is not None and self.snapshot.link is Link.NOT_ENROLLED:
            self.refresh()
            return
        self._run(force=False)

    def sync_now(self) -> None:
        """A manual cycle ("retry now"), past the backoff; after the running one if any."""
        if self._running:
            self._queued_force = True
            return
        self._run(force=True)

    def local_change(self) -> None:
        """A case was saved at this counter: show it waiting, and send it without waiting for
        the timer (inside a backoff the engine still sends nothing)."""
        self.refresh()
        self.tick()

    def _run(self, *, force: bool) -> None:
        self._running = True
        if self.snapshot is not None and self.snapshot.link is not Link.NOT_ENROLLED:
            self._publish(dataclasses.replace(self.snapshot, link=Link.SYNCING))
        self.cycle_started.emit()
        engine = self._engine
        self._runner.run(
            lambda: engine.run_cycle(force=force), self._finished, self._crashed, owner=self
        )

    def _finished(self, report: CycleReport) -> None:
        self._running = False
        self.last_report = report
        if report.catalogue:
            self.catalogue_arrived.emit(report.catalogue)
        self.cycle_finished.emit(report)
        self.refresh()
        if self._queued_force:
            self._queued_force = False
            self._run(force=True)

    def _crashed(self, exc: Exception) -> None:
        log.error("sync cycle crashed", exc_info=exc)
        self._running = False
        self._queued_force = False
        self.refresh()

    def refresh(self) -> None:
        """Read the snapshot again (after a cycle, or a case saved at this counter)."""
        self._runner.run(self._monitor.snapshot, self._got_snapshot, self._read_failed, owner=self)

    def load_items(self) -> None:
        """The outbox's operations, and the e-licence numbers the registry did not confirm."""
        self._runner.run(self._monitor.items, self.items_loaded.emit, self._read_failed, owner=self)
        self._runner.run(
            self._monitor.licence_failures,
            self.licence_failures_loaded.emit,
            self._read_failed,
            owner=self,
        )

    def retry_item(self, seq: int, by: UserInfo) -> None:
        """Put a parked operation back in line (an audit record of ``by``), then run a cycle
        for it."""
        monitor = self._monitor

        def done(_changed: bool) -> None:
            self.load_items()
            self.sync_now()

        self._runner.run(lambda: monitor.retry(seq, by), done, self._read_failed, owner=self)

    def _got_snapshot(self, snapshot: SyncSnapshot) -> None:
        if self._running and snapshot.link is not Link.NOT_ENROLLED:
            snapshot = dataclasses.replace(snapshot, link=Link.SYNCING)
        self._publish(snapshot)

    def _publish(self, snapshot: SyncSnapshot) -> None:
        self.snapshot = snapshot
        self.snapshot_changed.emit(snapshot)

    def _read_failed(self, exc: Exception) -> None:
        log.warning("cannot read the sync status: %s", type(exc).__name__)

    def shutdown(self) -> None:
        """App exit: no new cycles; the caller shuts the runner down, then closes the engine."""
        self.stop()
        self._queued_force = False
