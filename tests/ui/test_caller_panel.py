"""The caller panel around a real queue, on SQLite and PostgreSQL, with an inline runner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import PauseReason
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from ui.clerk.caller_panel import CallerPanel
from ui.clerk.state import Action
from ui.clerk.ticket_model import COL_NUMBER, COL_STATE
from ui.login import ClerkSession
from ui.queue_dialogs import ParkDialog, PauseDialog, TransferDialog
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

from .helpers import show_active

# Dialogs and shortcut tests show top-level windows.

WINDOW = 1


def enabled(panel: CallerPanel) -> set[Action]:
    return {a for a, b in panel.buttons.items() if a is not Action.RESUME and b.isEnabled()}


def window_state(queue: QueueService) -> WindowState:
    return next(w.state for w in queue.status().windows if w.number == WINDOW)


def ticket_state(queue: QueueService, number: str) -> TicketState:
    return next(t.state for t in queue.window_tickets(WINDOW) if t.number == number)


def accept(dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_before_a_call_no_ticket_is_shown_and_only_call_and_pause_work(
    panel: CallerPanel,
) -> None:
    assert panel.current.number.text() == "—"
    assert panel.model.rowCount() == 0
    assert enabled(panel) == {Action.CALL_NEXT, Action.PAUSE}


def test_call_next_shows_the_number_and_offers_start_recall_and_no_show(
    panel: CallerPanel, queue: QueueService
) -> None:
    issued = queue.issue("BIZ").ticket
    panel.buttons[Action.CALL_NEXT].click()
    assert panel.current.number.text() == issued.number == "A001"
    assert panel.current.state.text() == "Called"
    assert f"Called {issued.number}." in panel.status_line.text()
    assert enabled(panel) == {
        Action.RECALL,
        Action.SKIP,
        Action.START,
        Action.TRANSFER,
        Action.PARK,
    }
    assert panel.model.index(0, COL_NUMBER).data() == "A001"


def test_call_next_with_nobody_waiting_says_so(panel: CallerPanel) -> None:
    panel.buttons[Action.CALL_NEXT].click()
    assert panel.status_line.text() == "Nobody is waiting for this window's services."
    assert panel.current.number.text() == "—"


def test_start_then_finish_serves_the_ticket_and_frees_the_window(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("SOCIAL")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.START].click()
    assert panel.current.state.text() == "Serving"
    assert enabled(panel) == {Action.FINISH, Action.TRANSFER, Action.PARK}
    panel.buttons[Action.FINISH].click()
    assert panel.current.number.text() == "—"
    assert window_state(queue) is WindowState.OPEN
    assert ticket_state(queue, "C001") is TicketState.DONE
    assert panel.model.index(0, COL_STATE).data() == "Done"
    assert Action.CALL_NEXT in enabled(panel)


def test_f_keys_call_start_and_finish(
    qtbot: QtBot, panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    show_active(qtbot, panel)
    # A button's shortcut "animates" the click: it lands a moment after the key press.
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: panel.current.number.text() == "A001")
    qtbot.keyClick(panel, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.current.state.text() == "Serving")
    qtbot.keyClick(panel, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: panel.current.number.text() == "—")
    assert ticket_state(queue, "A001") is TicketState.DONE


def test_pause_key_opens_the_pause_dialog(qtbot: QtBot, panel: CallerPanel) -> None:
    show_active(qtbot, panel)
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: panel.findChild(PauseDialog) is not None)


def test_no_show_releases_the_window(panel: CallerPanel, queue: QueueService) -> None:
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.SKIP].click()
    assert ticket_state(queue, "A001") is TicketState.NO_SHOW
    assert panel.status_line.text() == "A001 did not come: marked as a no-show."
    assert panel.current.number.text() == "—"


def test_recall_counts_the_recalls(panel: CallerPanel, queue: QueueService) -> None:
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.RECALL].click()
    assert panel.status_line.text() == "Recalled A001."
    assert panel.current.state.text() == "Called · recalled 1 time"
    assert queue.window_tickets(WINDOW)[0].recall_count == 1


def test_transfer_to_another_service_puts_the_ticket_in_its_queue(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.TRANSFER].click()
    dialog = panel.findChild(TransferDialog)
    assert dialog is not None
    dialog.service_box.setCurrentIndex(dialog.service_box.findData("PERMIT"))
    accept(dialog)
    status = queue.status()
    assert next(s.waiting for s in status.services if s.code == "PERMIT") == 1
    assert panel.status_line.text() == "A001 transferred to B Licences and permits."
    assert panel.current.number.text() == "—"


def test_transfer_to_a_window_offers_every_other_window(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.START].click()
    panel.buttons[Action.TRANSFER].click()
    dialog = panel.findChild(TransferDialog)
    assert dialog is not None
    numbers = [dialog.window_box.itemData(i) for i in range(dialog.window_box.count())]
    assert numbers == [2, 3, 4, 5, 6, 7, 8]
    dialog.to_window.setChecked(True)
    dialog.window_box.setCurrentIndex(dialog.window_box.findData(7))
    accept(dialog)
    assert ticket_state(queue, "A001") is TicketState.WAITING
    assert window_state(queue) is WindowState.OPEN


def test_park_sets_the_ticket_aside_for_the_chosen_minutes(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    panel.buttons[Action.PARK].click()
    dialog = panel.findChild(ParkDialog)
    assert dialog is not None
    dialog.minutes.setValue(15)
    accept(dialog)
    assert ticket_state(queue, "A001") is TicketState.PARKED
    assert panel.status_line.text() == "A001 parked; it can be called again in 15 min."
    assert enabled(panel) == {Action.CALL_NEXT, Action.PAUSE}


def test_pause_with_a_reason_then_resume(panel: CallerPanel, queue: QueueService) -> None:
    panel.buttons[Action.PAUSE].click()
    dialog = panel.findChild(PauseDialog)
    assert dialog is not None
    dialog.choose(PauseReason.MEETING)
    accept(dialog)
    assert window_state(queue) is WindowState.PAUSED
    assert "Paused: Meeting" in panel.header.text()
    assert panel.buttons[Action.RESUME].text() == "Resume service (F9)"
    assert enabled(panel) == {Action.PAUSE}  # the one pause/resume button
    panel.buttons[Action.RESUME].click()
    assert window_state(queue) is WindowState.OPEN
    assert panel.status_line.text() == "Service resumed."
    assert Action.CALL_NEXT in enabled(panel)


def test_pausing_for_another_reason_needs_the_clerks_words(
    panel: CallerPanel, queue: QueueService
) -> None:
    panel.buttons[Action.PAUSE].click()
    dialog = panel.findChild(PauseDialog)
    assert dialog is not None
    dialog.choose(PauseReason.OTHER)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.other_text.setText("取档案")
    assert ok.isEnabled()
    accept(dialog)
    assert "Paused: 取档案" in panel.header.text()
    assert next(w.pause_reason for w in queue.status().windows if w.number == 1) == "other: 取档案"


def test_a_refusal_is_shown_as_text_and_changes_nothing(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    queue.pause_window(WINDOW, PauseReason.SYSTEM)  # behind the panel's back
    panel.call_next()
    assert panel.status_line.text() == "Service is paused at this window."
    assert window_state(queue) is WindowState.PAUSED
    assert enabled(panel) == {Action.PAUSE}  # the panel re-read the window


def test_waiting_count_follows_tickets_issued_elsewhere(
    qtbot: QtBot, panel: CallerPanel, db_url: str, clock: FixedClock
) -> None:
    assert panel.waiting.text() == "0 people waiting"
    kiosk_db = Database(db_url)
    try:
        kiosk = QueueService(kiosk_db, clock=clock)
        kiosk.issue("BIZ")
        kiosk.issue("CIVIL")
        qtbot.waitUntil(lambda: panel.waiting.text() == "2 people waiting", timeout=5_000)
    finally:
        kiosk_db.dispose()


def test_waiting_count_counts_only_this_windows_services(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
) -> None:
    queue.open_window(8, clerk_session.user.user_id)  # window 8 serves PICKUP only
    queue.issue("BIZ")
    queue.issue("PICKUP")
    pickup = CallerPanel(queue, runner, ClerkSession(clerk_session.user, 8), watcher)
    qtbot.addWidget(pickup)
    assert pickup.waiting.text() == "1 person waiting"


def test_buttons_are_disabled_while_an_operation_runs(
    qtbot: QtBot,
    queue: QueueService,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
) -> None:
    queue.issue("BIZ")
    threaded = TaskRunner()
    try:
        panel = CallerPanel(queue, threaded, clerk_session, watcher)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: Action.CALL_NEXT in enabled(panel))
        panel.buttons[Action.CALL_NEXT].click()
        assert enabled(panel) == set()
        qtbot.waitUntil(lambda: panel.current.number.text() == "A001")
        assert Action.START in enabled(panel)
    finally:
        threaded.shutdown()


def test_calling_twice_calls_one_ticket_and_explains_why(
    panel: CallerPanel, queue: QueueService
) -> None:
    queue.issue("BIZ")
    queue.issue("BIZ")
    panel.call_next()
    panel.call_next()
    called = [t for t in queue.window_tickets(WINDOW) if t.state is TicketState.CALLED]
    assert [t.number for t in called] == ["A001"]
    assert panel.status_line.text() == (
        "The window already has a ticket: finish, skip or park it first."
    )
