"""The scan panel's document camera (``[scanner] kind = "camera"``) around a real intake and
blob store, driven through the Qt Multimedia seam by a stand-in camera (no camera exists
here): real ``QVideoSink`` frames in the viewfinder, stills through the real checks."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.scans.store import PageIntake
from onewindow_base.blobs import BlobStore
from tests.blob_ring import TEST_RING
from tests.scans import samples
from ui.scans.camera import CameraChoice
from ui.scans.live_camera import LiveCamera, SharedView, sharing
from ui.scans.multimedia import camera_available
from ui.scans.panel import ScanPanel, ScanSources
from ui.tasks import TaskRunner

from .camera_stand_in import DOCUMENT_CAMERA, WEBCAM, Camera, Device, StandInMultimedia
from .helpers import show_active

# Converting a video frame offscreen: Qt finds no GPU (RHI) backend and says so, once a thread.
pytestmark = pytest.mark.qt_log_ignore(r"No RHI backend\. Using CPU conversion")

STOPPED = (
    "The document camera stopped (unplugged or used by another program). Reconnect it and "
    "take the picture again; other sources still work."
)


@pytest.fixture
def intake(tmp_path: Path) -> PageIntake:
    return PageIntake(BlobStore(tmp_path / "blobs", TEST_RING))


def camera_panel(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, choice: CameraChoice
) -> ScanPanel:
    panel = ScanPanel(intake, runner, ScanSources(camera=choice))
    panel.set_materials([("id-card", "Resident ID card")])
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    return panel


def page_picture(text: str) -> QImage:
    """What the document camera sees: an A4 page filling its 2480 × 3508 picture."""
    return QImage.fromData(samples.jpeg(300, text=text))


def only_camera(stand_in: StandInMultimedia) -> Camera:
    assert len(stand_in.cameras) == 1  # one QCamera on the device, whoever watches it
    return stand_in.cameras[0]


def test_the_viewfinder_runs_only_while_the_panel_is_on_screen(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    stand_in = StandInMultimedia(WEBCAM, DOCUMENT_CAMERA)
    window = QTabWidget()
    qtbot.addWidget(window)
    panel = ScanPanel(intake, runner, ScanSources(camera=CameraChoice("eloam", stand_in)))
    window.addTab(QWidget(), "Queue")
    window.addTab(panel, "Intake")
    camera = only_camera(stand_in)
    assert camera.device is DOCUMENT_CAMERA  # picked by a part of its name, not the default
    assert camera.format is not None and camera.format.resolution().width() == 3264
    assert not camera.active  # built, not shown
    window.show()
    assert not camera.active  # the queue tab is in front
    window.setCurrentWidget(panel)
    assert camera.active and panel.camera_button.isVisible()
    assert panel.viewfinder.text() == "Starting the camera…"
    camera.show(page_picture("live"))
    pixmap = panel.viewfinder.pixmap()
    assert not pixmap.isNull() and pixmap.height() == panel.viewfinder.height()  # fitted in
    window.setCurrentIndex(0)
    assert not camera.active  # another tab
    window.setCurrentWidget(panel)
    assert camera.active and camera.starts == 2
    window.close()  # the clerk's window closes at sign-out
    assert not camera.active


def test_a_still_is_taken_through_the_checks_with_the_key(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(multimedia=stand_in))
    show_active(qtbot, panel)
    assert panel.camera_button.text() == "Take from camera (F10)"
    stand_in.picture = page_picture("licence")
    with qtbot.waitSignal(panel.batch_finished) as taken:
        QTest.keyClick(panel, Qt.Key.Key_F10)  # the button's shortcut clicks a moment later
    assert [a.file_name for a in taken.args[0].accepted] == ["camera-001.jpg"]
    assert panel.model.rowCount() == 1 and panel.status.text() == "1 page taken"
    assert taken.args[0].pages[0].dpi == 300  # judged by its pixels against A4
    stand_in.picture = QImage(640, 480, QImage.Format.Format_RGB32)  # a coarse still
    stand_in.picture.fill(QColor("white"))
    with qtbot.waitSignal(panel.batch_finished):
        panel.camera_button.click()
    assert panel.model.rowCount() == 1
    assert panel.refused.item(0).text().startswith("camera-002.jpg: The resolution is ")


def test_taking_waits_until_the_camera_is_ready(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA, ready_on_start=False)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(multimedia=stand_in))
    panel.show()
    stand_in.picture = page_picture("form")
    panel.take_from_camera()
    panel.take_from_camera()  # pressed twice while waiting: one still
    assert panel.camera is not None and panel.camera.pending
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Taking a picture with the camera…"
    with qtbot.waitSignal(panel.batch_finished):
        only_camera(stand_in).make_ready()
    assert panel.model.rowCount() == 1 and not panel.camera.pending
    assert panel.status.text() == "1 page taken"


@pytest.mark.allow_log_warnings  # a camera that never gets ready is logged
def test_a_camera_that_never_gets_ready_is_said(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA, ready_on_start=False)
    choice = CameraChoice(multimedia=stand_in, ready_timeout_ms=20)
    panel = camera_panel(qtbot, intake, runner, choice)
    panel.take_from_camera()  # even hidden: the still keeps the camera running
    camera = only_camera(stand_in)
    assert camera.active
    qtbot.waitUntil(
        lambda: (
            panel.status.text() == "The document camera did not get ready; take the picture again."
        )
    )
    assert not camera.active and panel.model.rowCount() == 0


@pytest.mark.allow_log_warnings  # the unplugged camera is logged
def test_an_unplugged_camera_is_said_and_the_other_sources_still_work(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, tmp_path: Path
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA, ready_on_start=False)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(multimedia=stand_in))
    panel.show()
    camera = only_camera(stand_in)
    camera.show(page_picture("live"))
    panel.take_from_camera()
    camera.unplug()
    assert panel.viewfinder.text() == STOPPED and panel.status.text() == STOPPED
    assert panel.camera is not None and not panel.camera.pending  # the still is given up
    page = tmp_path / "id-front.jpg"
    page.write_bytes(samples.jpeg(300, text="front"))
    panel.import_files([page])
    assert panel.model.rowCount() == 1 and panel.status.text() == "1 page taken"
    camera.make_ready()  # plugged in again: taking starts the camera again
    stand_in.picture = page_picture("after")
    with qtbot.waitSignal(panel.batch_finished):
        panel.take_from_camera()
    assert panel.model.rowCount() == 2


@pytest.mark.parametrize(
    ("devices", "wanted", "line"),
    [
        ((), None, "No document camera is connected to this PC. Other sources still work."),
        (
            (WEBCAM,),
            "eloam",
            (
                "No document camera matching eloam is connected ([scanner] camera). "
                "Other sources still work."
            ),
        ),
    ],
)
def test_a_missing_camera_is_said_in_the_viewfinder(
    qtbot: QtBot,
    intake: PageIntake,
    runner: TaskRunner,
    tmp_path: Path,
    devices: tuple[Device, ...],
    wanted: str | None,
    line: str,
) -> None:
    stand_in = StandInMultimedia(*devices)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(wanted, stand_in))
    panel.show()
    assert panel.camera is None and stand_in.cameras == []  # never another camera
    assert panel.viewfinder.text() == line
    assert panel.camera_button.isVisible() and not panel.camera_button.isEnabled()
    page = tmp_path / "id-front.jpg"
    page.write_bytes(samples.jpeg(300, text="front"))
    panel.import_files([page])
    assert panel.model.rowCount() == 1


def test_without_qt_multimedia_the_panel_says_so(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda _name: None)
    panel = camera_panel(qtbot, intake, runner, CameraChoice())
    assert panel.viewfinder.text() == (
        "The document camera cannot work here: Qt Multimedia is not installed. "
        "Other sources still work."
    )


@pytest.mark.skipif(camera_available(), reason="this machine has a camera")
def test_the_real_qt_multimedia_without_a_camera(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    panel = camera_panel(qtbot, intake, runner, CameraChoice())
    assert panel.camera is None
    assert panel.viewfinder.text().startswith("No document camera is connected")


def test_the_photo_check_shares_the_document_camera_on_the_same_device(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(multimedia=stand_in))
    panel.show()
    own: list[LiveCamera] = []

    def own_camera() -> LiveCamera:
        own.append(LiveCamera(multimedia=stand_in))
        return own[-1]

    make = sharing(lambda: panel.camera, own_camera)
    assert make is not None
    view = make()
    assert isinstance(view, SharedView) and own == []
    camera = only_camera(stand_in)
    view.start()
    with qtbot.waitSignal(view.frame):
        camera.show(page_picture("face"))
    assert view.still() is not None
    view.stop()
    assert camera.active  # the viewfinder still holds it
    panel.hide()
    assert not camera.active
    stand_in.devices.insert(0, WEBCAM)  # a webcam is the default: the photo check's own
    assert not isinstance(make(), SharedView) and len(own) == 1
    assert own[0].device is WEBCAM and len(stand_in.cameras) == 2


@pytest.mark.usefixtures("chinese")
@pytest.mark.allow_log_warnings  # the unplugged camera is logged
def test_the_camera_speaks_chinese(qtbot: QtBot, intake: PageIntake, runner: TaskRunner) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA)
    panel = camera_panel(qtbot, intake, runner, CameraChoice(multimedia=stand_in))
    panel.show()
    assert panel.camera_button.text() == "高拍仪拍摄 (F10)"
    assert panel.viewfinder.text() == "正在打开高拍仪……"
    only_camera(stand_in).unplug()
    assert panel.viewfinder.text() == (
        "高拍仪已停止工作（可能已拔出或被其他程序占用）。请重新连接后再拍摄；"
        "仍可用其他方式扫描或导入材料。"
    )
