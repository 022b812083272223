"""Signing in: the password is checked and the window opened in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.queue import WindowState
from clerk_app.queue.service import QueueService
from ui.login import ClerkSession, LoginDialog
from ui.tasks import TaskRunner


def make_dialog(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner, window: int = 1
) -> LoginDialog:
    dialog = LoginDialog(auth, queue, runner, window)
    qtbot.addWidget(dialog)
    return dialog


def sign_in(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_window_number_is_prefilled(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    assert make_dialog(qtbot, auth, queue, runner, window=5).window_number.value() == 5


def test_signing_in_opens_the_window_for_the_clerk(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, auth, queue, runner)
    dialog.window_number.setValue(3)
    with qtbot.waitSignal(dialog.signed_in) as signal:
        sign_in(dialog, "clerk3", "clerk3-demo")
    session = signal.args[0]
    assert isinstance(session, ClerkSession)
    assert (session.user.username, session.window_number) == ("clerk3", 3)
    assert dialog.result() == QDialog.DialogCode.Accepted
    window = next(w for w in queue.status().windows if w.number == 3)
    assert window.state is WindowState.OPEN
    assert window.user_display_name == "窗口3办事员"


def test_a_wrong_password_is_refused_with_a_message(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, auth, queue, runner)
    sign_in(dialog, "clerk1", "not-the-password")
    assert dialog.message.text() == "Wrong username or password."
    assert dialog.password.text() == ""
    assert dialog.session is None
    assert dialog.buttons.isEnabled()
    assert next(w for w in queue.status().windows if w.number == 1).state is WindowState.CLOSED


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, auth, queue, runner)
    sign_in(dialog, "nobody", "whatever")
    assert dialog.message.text() == "Wrong username or password."


def test_a_window_that_does_not_exist_is_refused(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, auth, queue, runner)
    dialog.window_number.setValue(99)
    sign_in(dialog, "clerk1", "clerk1-demo")
    assert dialog.message.text() == "There is no window with this number."
    assert dialog.session is None


def test_an_empty_username_is_asked_for_without_a_database_call(
    qtbot: QtBot, auth: AuthService, queue: QueueService
) -> None:
    class NoRunner(TaskRunner):
        def run(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("nothing should run")

    dialog = make_dialog(qtbot, auth, queue, NoRunner(inline=True))
    sign_in(dialog, "  ", "x")
    assert dialog.message.text() == "Please enter your username."


def test_inputs_are_disabled_while_the_password_is_checked(
    qtbot: QtBot, auth: AuthService, queue: QueueService
) -> None:
    threaded = TaskRunner()
    try:
        dialog = make_dialog(qtbot, auth, queue, threaded)
        with qtbot.waitSignal(dialog.signed_in):
            sign_in(dialog, "clerk2", "clerk2-demo")
            assert not dialog.password.isEnabled()
            assert not dialog.buttons.isEnabled()
    finally:
        threaded.shutdown()


def test_a_supervisor_signs_in_without_opening_a_window(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, auth, queue, runner, window=2)
    with qtbot.waitSignal(dialog.signed_in) as signal:
        sign_in(dialog, "supervisor", "supervisor-demo")
    assert signal.args[0].user.role.value == "supervisor"  # the flow shows the dashboard
    assert next(w for w in queue.status().windows if w.number == 2).state is WindowState.CLOSED
