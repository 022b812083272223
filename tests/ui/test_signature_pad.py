"""The signature pad fed real Qt input: a pen tablet's events with pressure, a touch screen's
touch points, the mouse; undo, redo and clear; the exported PNG; a blank pad or a dot refused;
the signing dialog worked from the keyboard."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.signatures.ink import InkPoint, InkProblem, strokes_from_json
from ui.signature.dialog import SigningDialog
from ui.signature.ink_paint import MAX_WIDTH, MIN_WIDTH, stroke_width
from ui.signature.pad import EXPORT_SIZE, MOUSE_PRESSURE, InkRefused, SignaturePad

PEN = QPointingDevice(
    "test pen",
    4711,
    QInputDevice.DeviceType.Stylus,
    QPointingDevice.PointerType.Pen,
    QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
    1,
    3,
)


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(720, 280)
    widget.show()
    return widget


def pen(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, pressure: float) -> bool:
    buttons = (
        Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    )
    event = QTabletEvent(
        kind,
        PEN,
        QPointF(x, y),
        QPointF(pad.mapToGlobal(QPoint(int(x), int(y)))),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        buttons,
    )
    QApplication.sendEvent(pad, event)
    return event.isAccepted()


def pen_stroke(pad: SignaturePad, points: list[tuple[float, float, float]]) -> None:
    (x, y, p), *rest = points
    assert pen(pad, QEvent.Type.TabletPress, x, y, p)
    for x, y, p in rest:
        pen(pad, QEvent.Type.TabletMove, x, y, p)
    pen(pad, QEvent.Type.TabletRelease, *points[-1][:2], 0.0)


def mouse_stroke(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    first, *rest = (QPoint(x, y) for x, y in points)
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for at in rest:
        # QTest.mouseMove carries no button: send the move as a drag makes it.
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(at),
            QPointF(pad.mapToGlobal(at)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(pad, move)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rest[-1])


def wave(x0: float, y: float, pressure: float, n: int = 12) -> list[tuple[float, float, float]]:
    return [(x0 + 25 * i, y + (20 if i % 2 else -20), pressure) for i in range(n)]


def test_a_pen_draws_a_stroke_with_its_pressure_and_width_follows_it(pad: SignaturePad) -> None:
    pen_stroke(pad, [(100 + 30 * i, 80, 0.1) for i in range(8)])
    pen_stroke(pad, [(100 + 30 * i, 200, 1.0) for i in range(8)])
    light, heavy = pad.strokes
    assert len(light) == 8 and [p.pressure for p in light] == pytest.approx([0.1] * 8)
    assert [p.pressure for p in heavy] == pytest.approx([1.0] * 8)
    assert (light[3].x, light[3].y) == (190.0, 80.0)
    assert stroke_width(0.1) < stroke_width(1.0) == MAX_WIDTH
    # what the pad shows: the firm stroke is drawn thicker than the light one
    image = pad.grab().toImage()
    thin = sum(1 for y in range(60, 100) if QColor(image.pixelColor(250, y)).red() < 120)
    thick = sum(1 for y in range(180, 220) if QColor(image.pixelColor(250, y)).red() < 120)
    assert thick >= thin + 3, (thin, thick)


def test_a_touch_screen_draws_with_one_finger(qtbot: QtBot, pad: SignaturePad) -> None:
    screen = QTest.createTouchDevice()
    QTest.touchEvent(pad, screen).press(0, QPoint(60, 100))
    for i in range(1, 10):
        QTest.touchEvent(pad, screen).move(0, QPoint(60 + 30 * i, 100 + (15 if i % 2 else 0)))
    # a second finger comes down meanwhile: ignored
    QTest.touchEvent(pad, screen).stationary(0).press(1, QPoint(500, 50))
    QTest.touchEvent(pad, screen).stationary(0).move(1, QPoint(520, 60))
    QTest.touchEvent(pad, screen).release(0, QPoint(330, 100)).release(1, QPoint(520, 60))
    (stroke,) = pad.strokes
    assert len(stroke) == 10
    assert all(p.x < 400 for p in stroke)  # nothing of the second finger
    assert pad.problem() is None


def test_the_mouse_draws_with_a_constant_pressure(qtbot: QtBot, pad: SignaturePad) -> None:
    with qtbot.waitSignal(pad.changed):
        mouse_stroke(qtbot, pad, [(50 + 40 * i, 120 + (10 if i % 2 else -10)) for i in range(8)])
    (stroke,) = pad.strokes
    assert len(stroke) >= 8
    assert {p.pressure for p in stroke} == {MOUSE_PRESSURE}


def test_undo_redo_and_clear(qtbot: QtBot, pad: SignaturePad) -> None:
    pen_stroke(pad, wave(40, 100, 0.5))
    pen_stroke(pad, wave(40, 200, 0.8))
    assert len(pad.strokes) == 2 and pad.can_undo() and not pad.can_redo()
    with qtbot.waitSignal(pad.changed):
        pad.undo()
    assert len(pad.strokes) == 1 and pad.strokes[0][0].y == 80 and pad.can_redo()
    pad.redo()
    assert len(pad.strokes) == 2 and pad.strokes[1][0].pressure == pytest.approx(0.8)
    pad.undo()
    pen_stroke(pad, wave(40, 150, 0.3))  # a new stroke forgets what was undone
    assert not pad.can_redo()
    pad.clear()
    assert pad.is_empty() and not pad.can_undo() and not pad.can_redo()


def test_the_export_is_a_transparent_png_cropped_to_the_ink(pad: SignaturePad) -> None:
    pen_stroke(pad, wave(200, 120, 0.9, n=10))  # from x 200 to 425, y 100 to 140
    ink = pad.export()
    image = Image.open(io.BytesIO(ink.png))
    assert image.format == "PNG" and image.mode == "RGBA"
    assert (image.width, image.height) == ink.image_size
    # scaled to fit 40 x 20 mm at 300 dpi; cropped: the ink's own proportions, not the pad's
    assert image.width == EXPORT_SIZE.width() or image.height == EXPORT_SIZE.height()
    assert image.width <= EXPORT_SIZE.width() and image.height <= EXPORT_SIZE.height()
    assert image.width / image.height > 720 / 280 + 1  # the pad is 720 x 280
    alpha = image.getchannel("A")
    assert alpha.getpixel((0, 0)) == 0 and alpha.getextrema() == (0, 255)
    left, top, right, bottom = alpha.getbbox() or (0, 0, 0, 0)
    assert 0 < left < 40 and 0 < top < 40  # a margin, and no more
    assert image.width - 40 < right < image.width and image.height - 40 < bottom < image.height
    assert ink.strokes == pad.strokes and ink.pad_size == (720, 280)
    assert strokes_from_json(ink.strokes_json()) == tuple(
        tuple(InkPoint(round(p.x, 2), round(p.y, 2), round(p.pressure, 3), p.t_ms) for p in s)
        for s in ink.strokes
    )


@pytest.mark.parametrize(
    ("points", "problem"),
    [
        ([], InkProblem.EMPTY),
        ([(300.0, 100.0, 0.5)], InkProblem.TOO_LITTLE),  # a dot
        ([(300.0, 100.0, 0.5), (306.0, 104.0, 0.5)], InkProblem.TOO_LITTLE),  # a tick
    ],
)
def test_a_blank_pad_or_a_dot_is_refused(
    pad: SignaturePad, points: list[tuple[float, float, float]], problem: InkProblem
) -> None:
    if points:
        pen_stroke(pad, points)
    with pytest.raises(InkRefused) as refused:
        pad.export()
    assert refused.value.problem is problem


def test_the_dialog_is_worked_from_the_keyboard_and_says_why_it_refuses(
    qtbot: QtBot, chinese: None
) -> None:
    dialog = SigningDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts reach the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.confirm_button.text() == "确认签名(&O)"
    assert [b.text() for b in (dialog.clear_button, dialog.undo_button, dialog.redo_button)] == [
        "清除(&C)",
        "撤销(&U)",
        "重做(&R)",
    ]
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # the default button: confirm, on a blank pad
    assert dialog.isVisible() and dialog.problem.text() == "尚未签名，请在框内签名。"
    pen_stroke(dialog.pad, wave(60, 100, 0.6))
    pen_stroke(dialog.pad, wave(60, 180, 0.6))
    assert dialog.undo_button.isEnabled() and not dialog.redo_button.isEnabled()
    with qtbot.waitSignal(dialog.pad.changed):  # a button's shortcut animates its click
        QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.pad.strokes) == 1 and dialog.redo_button.isEnabled()
    with qtbot.waitSignal(dialog.pad.changed):  # a button's shortcut animates its click
        QTest.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.pad.strokes) == 2
    with qtbot.waitSignal(dialog.pad.changed):  # a button's shortcut animates its click
        QTest.keyClick(dialog, Qt.Key.Key_Delete)
    assert dialog.pad.is_empty()
    pen_stroke(dialog.pad, wave(60, 100, 0.6))
    with qtbot.waitSignal(dialog.signed) as signed:
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert signed.args[0] is dialog.ink() and not dialog.isVisible()
    assert dialog.result() == SigningDialog.DialogCode.Accepted


def test_escape_cancels_without_ink(qtbot: QtBot) -> None:
    dialog = SigningDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pen_stroke(dialog.pad, wave(60, 100, 0.6))
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == SigningDialog.DialogCode.Rejected and dialog.ink() is None


def test_the_width_of_a_stroke_is_bounded() -> None:
    assert stroke_width(-1) == MIN_WIDTH and stroke_width(2) == MAX_WIDTH
