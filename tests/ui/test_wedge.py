"""The keyboard-wedge detector, fed real key events with controlled timestamps (no sleeps)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.wedge import WedgeDetector, WedgeSettings, make_scan_field

from .helpers import show_active


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.notes = QPlainTextEdit()
        make_scan_field(self.code)
        layout = QVBoxLayout(self)
        for field in (self.name, self.code, self.notes):
            layout.addWidget(field)
        self.submitted = 0
        self.name.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.submitted += 1


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    widget = Form()
    qtbot.addWidget(widget)
    show_active(qtbot, widget)
    return widget


@pytest.fixture
def detector(qapp: QApplication) -> Iterator[WedgeDetector]:
    wedge = WedgeDetector()
    wedge.install(qapp)
    yield wedge
    wedge.uninstall(qapp)


class Keyboard:
    """Types into the focused widget as the window system would, at chosen milliseconds."""

    def __init__(self, start_ms: int = 1_000_000) -> None:
        self.now = start_ms

    def press(self, key: Qt.Key, text: str = "", after_ms: int = 0) -> None:
        self.now += after_ms
        target = QApplication.focusWidget()
        assert target is not None
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(self.now)
            QApplication.sendEvent(target, event)

    def type(self, text: str, gap_ms: int) -> None:
        for ch in text:
            key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown
            self.press(key, ch, gap_ms)

    def enter(self, after_ms: int) -> None:
        self.press(Qt.Key.Key_Return, "\r", after_ms)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_leaves_the_field_as_it_was(
    form: Form, detector: WedgeDetector, qtbot: QtBot
) -> None:
    form.name.setFocus()
    keys = Keyboard()
    keys.type("Wang ", gap_ms=150)  # the clerk typing
    keys.now += 800  # the clerk picks up the scanner
    with qtbot.waitSignal(detector.scanned) as got:
        keys.type("CC01-20261124-0007", gap_ms=8)
        keys.enter(after_ms=8)
    assert got.args == ["CC01-20261124-0007"]
    assert form.name.text() == "Wang "
    assert form.submitted == 0  # the scanner's Enter submitted nothing


def test_human_typing_passes_untouched(form: Form, detector: WedgeDetector) -> None:
    form.name.setFocus()
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    keys = Keyboard()
    keys.type("Zhang Wei", gap_ms=120)
    keys.enter(after_ms=200)
    assert seen == []
    assert form.name.text() == "Zhang Wei"
    assert form.submitted == 1


def test_a_short_fast_burst_is_not_a_scan(form: Form, detector: WedgeDetector) -> None:
    form.name.setFocus()
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    keys = Keyboard()
    keys.type("abc", gap_ms=5)  # a key-repeat or a fast trigram, not a code
    keys.enter(after_ms=5)
    assert seen == []
    assert form.name.text() == "abc"
    assert form.submitted == 1


def test_a_burst_that_slows_down_is_not_a_scan(form: Form, detector: WedgeDetector) -> None:
    form.name.setFocus()
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    keys = Keyboard()
    keys.type("12345678", gap_ms=10)
    keys.enter(after_ms=150)  # Enter pressed by hand later
    assert seen == []
    assert form.name.text() == "12345678"


def test_a_scan_into_a_scan_field_and_a_text_box_is_taken_back(
    form: Form, detector: WedgeDetector
) -> None:
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    keys = Keyboard()
    form.code.setFocus()
    keys.type("YY-8K2Q7Z", gap_ms=4)
    keys.enter(after_ms=4)
    form.notes.setFocus()
    keys.type("note ", gap_ms=200)
    keys.now += 500
    keys.type("APT99812", gap_ms=4)
    keys.enter(after_ms=4)
    assert seen == ["YY-8K2Q7Z", "APT99812"]
    assert form.code.text() == ""
    assert form.notes.toPlainText() == "note "


def test_the_timing_and_suffix_are_configurable(form: Form, qapp: QApplication) -> None:
    slow_scanner = WedgeDetector(WedgeSettings(max_gap_ms=60, suffix_keys=(Qt.Key.Key_Tab,)))
    slow_scanner.install(qapp)
    seen: list[str] = []
    slow_scanner.scanned.connect(seen.append)
    try:
        form.code.setFocus()
        keys = Keyboard()
        keys.type("ABCD1234", gap_ms=50)
        keys.press(Qt.Key.Key_Tab, "\t", after_ms=50)
    finally:
        slow_scanner.uninstall(qapp)
    assert seen == ["ABCD1234"]


def test_the_injected_clock_decides_the_timing(form: Form, qapp: QApplication) -> None:
    ticks = iter(range(0, 10_000, 500))  # every key half a second after the last
    wedge = WedgeDetector(clock=lambda _event: next(ticks))
    wedge.install(qapp)
    seen: list[str] = []
    wedge.scanned.connect(seen.append)
    try:
        form.name.setFocus()
        keys = Keyboard()
        keys.type("ABCD1234", gap_ms=1)  # the events say 1 ms; the clock says 500
        keys.enter(after_ms=1)
    finally:
        wedge.uninstall(qapp)
    assert seen == []


def test_input_method_commits_are_never_taken_for_a_scan(
    form: Form, detector: WedgeDetector
) -> None:
    """With a Chinese input method on a name field, text arrives as composed commits."""
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    form.name.setFocus()
    assert form.name.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert not form.code.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    keys = Keyboard()
    for word in ("王", "小明", "同意", "办理"):
        commit = QInputMethodEvent()
        commit.setCommitString(word)
        QApplication.sendEvent(form.name, commit)
    keys.enter(after_ms=5)  # the clerk confirms the candidate with Enter right after
    assert seen == []
    assert form.name.text() == "王小明同意办理"
    assert form.submitted == 1


def test_a_commit_in_the_middle_of_a_burst_breaks_it(form: Form, detector: WedgeDetector) -> None:
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    form.name.setFocus()
    keys = Keyboard()
    keys.type("ab", gap_ms=5)
    commit = QInputMethodEvent()
    commit.setCommitString("编号")
    QApplication.sendEvent(form.name, commit)
    keys.type("cd", gap_ms=5)
    keys.enter(after_ms=5)
    assert seen == []


def test_shortcuts_break_a_burst(form: Form, detector: WedgeDetector) -> None:
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    form.name.setFocus()
    keys = Keyboard()
    keys.type("abcd", gap_ms=5)
    target = QApplication.focusWidget()
    assert target is not None
    event = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier, "\x03"
    )
    event.setTimestamp(keys.now + 5)
    QApplication.sendEvent(target, event)
    keys.now += 5
    keys.type("efgh", gap_ms=5)
    keys.enter(after_ms=5)
    assert seen == ["efgh"]
