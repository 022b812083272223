"""The coalesced refresh the caller panel, the dashboard and the hall display read through: a
burst of changes during a read costs one more read, a change during a read is never lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.refresh import CoalescedRefresh
from ui.tasks import TaskRunner


class Reads:
    """A read that waits for the test to let it end; counts reads, results and failures."""

    def __init__(self) -> None:
        self.started = 0
        self.applied: list[int] = []
        self.failures: list[Exception] = []
        self.fail_next = False
        self._gates: list[threading.Event] = []
        self._lock = threading.Lock()

    def read(self) -> int:
        gate = threading.Event()
        with self._lock:
            self.started += 1
            number = self.started
            self._gates.append(gate)
            fail, self.fail_next = self.fail_next, False
        gate.wait(timeout=30)
        if fail:
            raise OSError("the network is gone")
        return number

    def release(self) -> None:
        """Let every read started so far end."""
        with self._lock:
            gates, self._gates = self._gates, []
        for gate in gates:
            gate.set()

    def waiting(self) -> int:
        with self._lock:
            return len(self._gates)


@pytest.fixture
def threaded(qapp: object) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def reads() -> Iterator[Reads]:
    counter = Reads()
    yield counter
    counter.release()  # never leave a worker waiting


def coalesced(runner: TaskRunner, reads: Reads, owner: QObject) -> CoalescedRefresh[int]:
    return CoalescedRefresh(runner, reads.read, reads.applied.append, reads.failures.append, owner)


def test_a_burst_during_a_read_costs_exactly_one_more_read(
    qtbot: QtBot, threaded: TaskRunner, reads: Reads
) -> None:
    owner = QObject()
    refresh = coalesced(threaded, reads, owner)
    refresh.request()
    qtbot.waitUntil(lambda: reads.waiting() == 1)
    for _ in range(10):  # ten changes while the first read is under way
        refresh.request()
    assert reads.started == 1 and refresh.in_flight
    reads.release()
    qtbot.waitUntil(lambda: reads.waiting() == 1 and reads.applied == [1])
    assert reads.started == 2  # the one more read, started once the first was applied
    reads.release()
    qtbot.waitUntil(lambda: reads.applied == [1, 2] and not refresh.in_flight)
    assert reads.started == 2


def test_a_change_during_the_second_read_brings_one_third(
    qtbot: QtBot, threaded: TaskRunner, reads: Reads
) -> None:
    owner = QObject()
    refresh = coalesced(threaded, reads, owner)
    refresh.request()
    qtbot.waitUntil(lambda: reads.waiting() == 1)
    refresh.request()
    reads.release()
    qtbot.waitUntil(lambda: reads.started == 2 and reads.waiting() == 1)
    refresh.request()  # arrives while the follow-up read is under way
    reads.release()
    qtbot.waitUntil(lambda: reads.started == 3 and reads.waiting() == 1)
    reads.release()
    qtbot.waitUntil(lambda: reads.applied == [1, 2, 3] and not refresh.in_flight)


def test_requests_while_idle_each_read_at_once(qapp: object) -> None:
    inline = TaskRunner(inline=True)
    applied: list[int] = []
    try:
        owner = QObject()
        refresh = CoalescedRefresh(
            inline, lambda: 7, applied.append, lambda error: pytest.fail(str(error)), owner
        )
        refresh.request()
        refresh.request()
        assert applied == [7, 7] and not refresh.in_flight
    finally:
        inline.shutdown()


def test_a_failed_read_is_reported_and_forgets_the_requests_made_meanwhile(
    qtbot: QtBot, threaded: TaskRunner, reads: Reads
) -> None:
    owner = QObject()
    refresh = coalesced(threaded, reads, owner)
    reads.fail_next = True
    refresh.request()
    qtbot.waitUntil(lambda: reads.waiting() == 1)
    refresh.request()
    reads.release()
    qtbot.waitUntil(lambda: len(reads.failures) == 1 and not refresh.in_flight)
    assert reads.started == 1 and reads.applied == []
    refresh.request()  # the next change reads again
    qtbot.waitUntil(lambda: reads.waiting() == 1)
    reads.release()
    qtbot.waitUntil(lambda: reads.applied == [2])


def test_an_owner_deleted_during_a_read_is_never_called_back(
    qtbot: QtBot, threaded: TaskRunner, reads: Reads
) -> None:
    owner = QObject()
    refresh = coalesced(threaded, reads, owner)
    refresh.request()
    qtbot.waitUntil(lambda: reads.waiting() == 1)
    owner.deleteLater()
    with qtbot.waitSignal(owner.destroyed):
        pass
    with qtbot.waitSignal(threaded.finished):  # the runner's own handler is connected first
        reads.release()
    assert reads.applied == [] and reads.failures == []
