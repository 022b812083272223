"""The one way blocking work leaves the GUI thread (STYLE rule 3).

Widgets hand a plain callable to :class:`TaskRunner`; it runs on a worker thread of a private
``QThreadPool`` and the result or the exception comes back through a queued signal, so every
callback runs on the GUI thread and the worker never touches a widget. The pool has one thread
by default: results then arrive in the order the work was submitted, so a status read never
overtakes the operation submitted before it.

Tests construct the runner with ``inline=True``: the work runs at once on the calling thread
and the callbacks run before :meth:`TaskRunner.run` returns, so a test needs no waiting.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
FailureHandler = Callable[[Exception], None]
SHUTDOWN_WAIT_MS = 10_000


@dataclass(frozen=True, slots=True)
class _Pending:
    on_success: Callable[[Any], None]
    on_failure: FailureHandler | None
    owner: QObject | None


class _Job(QRunnable):
    """Runs the work on a pool thread and reports through the runner's signal."""

    def __init__(self, runner: TaskRunner, task_id: int, work: Callable[[], object]) -> None:
        super().__init__()
        self._runner = runner
        self._task_id = task_id
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._runner.finished.emit(self._task_id, None, exc)
        else:
            self._runner.finished.emit(self._task_id, result, None)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their outcome on it."""

    # task id, result, exception (one of the last two is None); emitted on the worker thread,
    # delivered to the runner's own (GUI) thread by Qt's queued connection.
    finished = Signal(int, object, object)

    def __init__(self, *, inline: bool = False, max_threads: int = 1) -> None:
        super().__init__()
        self._inline = inline
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._pool: QThreadPool | None = None
        if not inline:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(max_threads)
        self.finished.connect(self._deliver)

    @property
    def inline(self) -> bool:
        return self._inline

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: FailureHandler | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``work`` in the background; call one of the handlers on the GUI thread.

        Without ``on_failure`` an exception is logged as an error: an unexpected failure must
        be seen, never swallowed. When ``owner`` (usually the widget whose methods the handlers
        are) has been deleted by the time the work ends, the handlers are not called.
        """
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure, owner)
        if self._pool is None:
            _Job(self, task_id, work).run()
            return
        self._pool.start(_Job(self, task_id, work))

    def shutdown(self) -> None:
        """Drop queued work, wait for running work and forget every callback (app exit)."""
        self._pending.clear()
        if self._pool is not None:
            self._pool.clear()
            if not self._pool.waitForDone(SHUTDOWN_WAIT_MS):
                log.error("background work still running after %d ms", SHUTDOWN_WAIT_MS)

    def _deliver(self, task_id: int, result: object, error: object) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return  # shut down in the meantime: nobody wants the answer any more
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            log.debug("task %d finished after its owner was deleted", task_id)
            return
        if not isinstance(error, Exception):
            pending.on_success(result)
        elif pending.on_failure is not None:
            pending.on_failure(error)
        else:
            log.error("background task failed", exc_info=error)
