"""The task runner: work off the GUI thread, outcomes back on it, inline mode for tests."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner


def test_inline_runner_delivers_the_result_before_run_returns(runner: TaskRunner) -> None:
    results: list[int] = []
    runner.run(lambda: 6 * 7, results.append)
    assert results == [42]


def test_inline_runner_hands_an_exception_to_the_failure_handler(runner: TaskRunner) -> None:
    errors: list[Exception] = []

    def work() -> int:
        raise ValueError("boom")

    runner.run(work, lambda _: pytest.fail("no success expected"), errors.append)
    assert [str(e) for e in errors] == ["boom"]


def test_threaded_runner_works_off_the_gui_thread_and_answers_on_it(
    qapp: QApplication, qtbot: QtBot
) -> None:
    threaded = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> str:
        seen["worker_is_gui"] = QThread.currentThread() is gui_thread
        return threading.current_thread().name

    def done(name: str) -> None:
        seen["callback_is_gui"] = QThread.currentThread() is gui_thread
        seen["worker"] = name

    try:
        threaded.run(work, done)
        assert "worker" not in seen  # the answer travels through the event loop
        qtbot.waitUntil(lambda: "worker" in seen)
    finally:
        threaded.shutdown()
    assert seen["worker_is_gui"] is False
    assert seen["callback_is_gui"] is True
    assert seen["worker"] != threading.current_thread().name


def _constant(n: int) -> Callable[[], int]:
    return lambda: n


def test_threaded_runner_answers_in_submission_order(qtbot: QtBot) -> None:
    threaded = TaskRunner()
    order: list[int] = []
    try:
        for n in range(5):
            threaded.run(_constant(n), order.append)
        qtbot.waitUntil(lambda: len(order) == 5)
    finally:
        threaded.shutdown()
    assert order == [0, 1, 2, 3, 4]


@pytest.mark.allow_log_warnings
def test_a_failure_without_handler_is_logged_as_an_error(
    runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise RuntimeError("unexpected")

    runner.run(work, lambda _: None)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].exc_info is not None
    assert str(errors[0].exc_info[1]) == "unexpected"


def test_handlers_of_a_deleted_owner_are_not_called(qtbot: QtBot) -> None:
    threaded = TaskRunner()
    owner = QWidget()
    called: list[object] = []
    release = threading.Event()
    try:
        threaded.run(lambda: release.wait(5), called.append, called.append, owner=owner)
        with qtbot.waitSignal(owner.destroyed):
            owner.deleteLater()
        with qtbot.waitSignal(threaded.finished):
            release.set()
    finally:
        threaded.shutdown()
    assert called == []


def test_shutdown_forgets_pending_callbacks(qapp: QApplication) -> None:
    threaded = TaskRunner()
    called: list[object] = []
    threaded.run(lambda: 1, called.append)
    threaded.shutdown()
    qapp.processEvents()
    assert called == []
