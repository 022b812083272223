"""Recognise a keyboard-wedge barcode scanner among the keys the whole application receives.

A scanner "types" its code with keys a few milliseconds apart and ends it with Enter; a person
types at 100 ms or more between keys (docs/hardware.md). The detector, an event filter on the
QApplication, watches every key press without holding any back, so human typing is untouched.
When a burst of at least ``min_length`` characters, each at most ``max_gap_ms`` after the last,
ends in the suffix key, it emits :attr:`WedgeDetector.scanned`, swallows the suffix (no form is
submitted by it) and removes the burst's characters from the text field they landed in.

Input methods: a Chinese input method turns key presses into ``QInputMethodEvent`` commits,
which are not key presses and are never taken for a scan. A scanner typing into a field with an
active input method would be composed into Chinese, so fields meant for codes call
:func:`make_scan_field`, which switches the input method off for them alone.

The detector reads key timestamps from an injected clock (milliseconds), the event's own
timestamp by default; tests drive it with a fake clock, not sleeps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

log = logging.getLogger(__name__)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True, slots=True)
class WedgeSettings:
    max_gap_ms: int = 30  # between two keys of one scan
    min_length: int = 4  # characters before the suffix
    suffix_keys: tuple[Qt.Key, ...] = ENTER_KEYS  # some scanners end with Tab


KeyClock = Callable[[QKeyEvent], int]


def event_time(event: QKeyEvent) -> int:
    return int(event.timestamp())


class WedgeDetector(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        settings: WedgeSettings | None = None,
        clock: KeyClock = event_time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self._clock = clock
        self._burst: list[str] = []
        self._last_ms: int | None = None
        self._target: QWidget | None = None

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.InputMethod:
            self._reset()  # composed text (pinyin, handwriting) is a person, never a scanner
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not self._is_first_delivery(watched):
            return False
        return self._key(event, watched)

    def _is_first_delivery(self, watched: QObject) -> bool:
        """One key press reaches the filter once per receiver (window, widget, parents):
        count it at the widget that has the focus, or at the window when none has."""
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return isinstance(watched, QWidget) and watched.isWindow()

    def _key(self, event: QKeyEvent, watched: QObject) -> bool:
        now = self._clock(event)
        in_time = self._last_ms is not None and now - self._last_ms <= self.settings.max_gap_ms
        if event.key() in self.settings.suffix_keys:
            code = "".join(self._burst)
            recognised = in_time and len(code) >= self.settings.min_length
            target = self._target
            self._reset()
            if not recognised:
                return False
            _take_back(target, code)
            log.info("barcode scanned (%d characters)", len(code))
            self.scanned.emit(code)
            return True  # the Enter belongs to the scanner, not to the form
        text = event.text()
        if not text or not text.isprintable() or _has_command_modifier(event):
            self._reset()
            return False
        if not in_time:
            self._burst = []
            self._target = watched if isinstance(watched, QWidget) else None
        self._burst.append(text)
        self._last_ms = now
        return False

    def _reset(self) -> None:
        self._burst = []
        self._last_ms = None
        self._target = None


def _has_command_modifier(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    return bool(mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))


def _take_back(widget: QWidget | None, code: str) -> None:
    """Remove the scanned characters just before the text cursor of the field they reached."""
    editor = _text_field(widget)
    if isinstance(editor, QLineEdit):
        end = editor.cursorPosition()
        start = end - len(code)
        if start >= 0 and editor.text()[start:end] == code:
            editor.setSelection(start, len(code))
            editor.del_()
    elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
        cursor = editor.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(code)
        )
        if cursor.selectedText() == code:
            cursor.removeSelectedText()


def _text_field(widget: QWidget | None) -> QWidget | None:
    if widget is None or isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    return widget.findChild(QLineEdit)  # a spin box's or an editable combo box's field


def make_scan_field(field: QWidget) -> None:
    """A field for codes: no input method, so a scanner's keys arrive as typed."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, on=False)
