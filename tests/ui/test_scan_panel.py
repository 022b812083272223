"""The scan panel around a real intake and blob store, with the task runner inline."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk_app.scans.checks import check_file
from clerk_app.scans.page_list import PageList
from clerk_app.scans.sane import SaneSettings, SaneSource, virtual_scanner_env
from clerk_app.scans.sources import FolderSource
from clerk_app.scans.store import Accepted, PageIntake
from clerk_app.scans.types import CheckedFile, RawPage
from clerk_app.services import build_services
from clerk_app.settings_schema import ScannerSettings, Settings
from onewindow_base.blobs import BlobStore
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.diskfull import full_blob_store
from tests.scans import samples
from ui.intake.wiring import build_intake, scan_sources
from ui.scans.camera import CameraChoice
from ui.scans.multimedia import camera_available, encode_still
from ui.scans.page_model import MIME_ROWS, NEEDS_CONFIRMATION_ROLE
from ui.scans.panel import ScanPanel, ScanSources
from ui.tasks import TaskRunner

from .helpers import show_active

MATERIALS = [("id-card", "Resident ID card"), ("licence", "Business licence")]


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", TEST_RING)


@pytest.fixture
def intake(blobs: BlobStore) -> PageIntake:
    return PageIntake(blobs)


def make_panel(
    qtbot: QtBot,
    intake: PageIntake,
    runner: TaskRunner,
    sources: ScanSources | None = None,
    pages: PageList | None = None,
) -> ScanPanel:
    panel = ScanPanel(intake, runner, sources or ScanSources(), pages)
    panel.set_materials(MATERIALS)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    return panel


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def stored(intake: PageIntake, *texts: str) -> list[Accepted]:
    outcomes = [
        intake.take(RawPage(f"{t}.jpg", samples.jpeg(150, text=f"Received {t}"))) for t in texts
    ]
    assert all(isinstance(o, Accepted) for o in outcomes)
    return outcomes  # type: ignore[return-value]


def captions(panel: ScanPanel) -> list[str]:
    model = panel.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_imported_files_become_pages_and_refusals_are_listed(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, tmp_path: Path, blobs: BlobStore
) -> None:
    panel = make_panel(qtbot, intake, runner)
    files = [
        write(tmp_path, "id-front.jpg", samples.jpeg(300, text="front")),
        write(tmp_path, "setup.jpg", samples.windows_exe()),
        write(tmp_path, "bomb.png", samples.png_bomb(8000, 8000)),
        write(tmp_path, "fax.jpg", samples.jpeg(100)),
        write(tmp_path, "broken.jpg", samples.jpeg(200)[:3000]),
    ]
    panel.import_files(files)
    assert captions(panel) == ["1. Not assigned"]
    refused = [panel.refused.item(i).text() for i in range(panel.refused.count())]
    assert refused == [
        (
            "setup.jpg: This file is a Windows executable program, not a scan: only JPEG, PNG, "
            "TIFF, BMP and PDF are taken."
        ),
        (
            "bomb.png: The picture declares 8000 × 8000 pixels, more than the 50 million "
            "allowed (a damaged or malicious file)."
        ),
        "fax.jpg: The resolution is 100 dpi; at least 150 dpi is needed. Scan it again.",
        "broken.jpg: The file is damaged or incomplete and cannot be opened.",
    ]
    assert panel.status.text() == "1 page taken, 4 files refused"
    assert not panel.busy


def test_thumbnails_arrive_after_the_first_paint(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    pages = PageList()
    pages.add(page for accepted in stored(intake, "a", "b", "c") for page in accepted.pages)
    panel = make_panel(qtbot, intake, runner, pages=pages)
    model = panel.model
    assert not any(model.thumbnail_ready(e.page) for e in pages.entries)
    with qtbot.waitSignal(model.thumbnails_loaded):
        panel.show()
    qtbot.waitUntil(lambda: all(model.thumbnail_ready(e.page) for e in pages.entries))
    icon = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert max(icon.width(), icon.height()) == 160  # the icon size, scaled off the GUI thread


def test_pages_are_assigned_reordered_and_removed(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    pages = PageList()
    pages.add(page for accepted in stored(intake, "a", "b", "c") for page in accepted.pages)
    first_sha = pages[0].page.sha256
    panel = make_panel(qtbot, intake, runner, pages=pages)
    panel.select_row(0)
    panel.material.setCurrentIndex(panel.material.findData("licence"))
    panel.assign_button.click()
    assert captions(panel)[0] == "1. Business licence"
    show_active(qtbot, panel)
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert pages[1].page.sha256 == first_sha
    assert panel.selected_rows() == [1]
    panel.later_button.click()
    assert pages[2].page.sha256 == first_sha
    assert not panel.later_button.isEnabled()
    panel.earlier_button.click()
    assert pages[1].page.sha256 == first_sha
    QTest.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(pages) == 2
    assert first_sha not in {e.page.sha256 for e in pages.entries}


def test_a_dragged_page_lands_where_it_is_dropped(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    pages = PageList()
    pages.add(page for accepted in stored(intake, "a", "b", "c", "d") for page in accepted.pages)
    order = [e.page.sha256 for e in pages.entries]
    panel = make_panel(qtbot, intake, runner, pages=pages)
    model = panel.model
    mime: QMimeData = model.mimeData([model.index(0)])
    assert mime.hasFormat(MIME_ROWS)
    # Dropped before row 3: the first page becomes the third.
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [e.page.sha256 for e in pages.entries] == [order[1], order[2], order[0], order[3]]
    # Dropped onto the end (row -1, no parent): last.
    model.dropMimeData(
        model.mimeData([model.index(0)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    assert [e.page.sha256 for e in pages.entries][-1] == order[1]


def test_a_page_that_looks_blank_must_be_confirmed(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, tmp_path: Path
) -> None:
    panel = make_panel(qtbot, intake, runner)
    panel.import_files([write(tmp_path, "back.jpg", samples.jpeg(200, text=None))])
    assert panel.model.index(0).data(NEEDS_CONFIRMATION_ROLE) is True
    assert captions(panel) == ["1. Not assigned\nLooks blank: confirm"]
    assert panel.status.text() == "1 page taken; 1 page looks blank: keep or remove it."
    panel.select_row(0)
    assert panel.keep_button.isEnabled()
    panel.keep_button.click()
    assert panel.model.pages.awaiting_confirmation() == ()
    assert captions(panel) == ["1. Not assigned"]


def test_a_watched_folder_is_polled_by_a_timer(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write(inbox, "cam001.jpg", samples.jpeg(200, text="camera"))
    sources = ScanSources(folder=FolderSource(inbox), folder_poll_ms=10)
    panel = make_panel(qtbot, intake, runner, sources)
    panel.watch_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.watch_button.click()
    assert not (inbox / "cam001.jpg").exists()
    assert panel.status.text() == "1 page taken"


@pytest.mark.skipif(
    shutil.which("scanimage") is None, reason="scanimage (sane-utils) not installed"
)
def test_scanning_from_the_feeder_off_the_gui_thread(
    qtbot: QtBot, intake: PageIntake, tmp_path: Path
) -> None:
    env = virtual_scanner_env(tmp_path / "sane")
    settings = SaneSettings(
        device="test:0",
        source="Automatic Document Feeder",
        options=("--test-picture=Color pattern",),
    )
    threaded = TaskRunner()
    try:
        panel = make_panel(
            qtbot, intake, threaded, ScanSources(scanner=SaneSource(settings, env=env))
        )
        assert panel.scan_button.isVisible() or not panel.isVisible()
        with qtbot.waitSignal(panel.batch_finished, timeout=30_000) as done:
            panel.scan_button.click()
            assert panel.busy
            assert panel.cancel_button.isEnabled()
    finally:
        threaded.shutdown()
    assert len(done.args[0].pages) == 10
    assert panel.model.rowCount() == 1  # ten identical sheets are one page
    assert not panel.busy


def test_a_missing_scanner_is_explained(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    source = SaneSource(SaneSettings(), scanimage="no-such-scanimage")
    panel = make_panel(qtbot, intake, runner, ScanSources(scanner=source))
    panel.scan()
    assert panel.status.text() == (
        "Scanning is not installed on this PC (SANE's scanimage is missing)."
    )
    assert not panel.busy


def test_sources_this_pc_lacks_have_no_button(
    qtbot: QtBot, intake: PageIntake, runner: TaskRunner
) -> None:
    panel = make_panel(qtbot, intake, runner)
    panel.show()
    assert not panel.scan_button.isVisible()
    assert not panel.watch_button.isVisible()
    assert not panel.camera_button.isVisible()
    assert panel.import_button.isVisible()


# Qt Multimedia's FFmpeg backend probes for optional hardware-video libraries (VA-API,
# PipeWire) that a headless test machine does not have, and says so at warning level.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) (pipewire|va)")
def test_a_camera_still_is_encoded_for_the_same_checks(qapp: object) -> None:
    still = QImage(2480, 3508, QImage.Format.Format_RGB32)  # what a document camera gives
    still.fill(QColor("white"))
    verdict = check_file(RawPage("camera-001.jpg", encode_still(still)))
    assert isinstance(verdict, CheckedFile)
    assert verdict.pages[0].dpi == 300  # judged by its pixels: an A4 page at 300 dpi
    assert verdict.pages[0].blank_suspected
    # This environment has no Qt Multimedia (PySide6-Addons is not a dependency): no camera.
    has_multimedia = importlib.util.find_spec("PySide6.QtMultimedia") is not None
    assert camera_available() is False or has_multimedia


FULL_DISK = {
    "en": (
        "The disk of this PC is full: the last page was not saved (the pages listed are safe). "
        "Ask for space to be freed, then scan or import it again."
    ),
    "zh_CN": (
        "本机磁盘已满：最后一页未能保存（列表中已有的页面不受影响）。"
        "请联系管理员清理磁盘空间后，重新扫描或导入该页。"
    ),
}


@pytest.mark.allow_log_warnings  # the panel logs the full disk
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_full_disk_is_explained_and_no_page_is_listed(
    qtbot: QtBot,
    runner: TaskRunner,
    tmp_path: Path,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    page = write(tmp_path, "id-front.jpg", samples.jpeg(300, text="front"))
    with full_blob_store(tmp_path / "disk") as store:
        panel = make_panel(qtbot, PageIntake(store), runner)
        panel.import_files([page])
        assert captions(panel) == []
        assert list(store.files()) == []
    assert panel.status.text() == FULL_DISK[language]
    assert not panel.busy


def test_the_counter_builds_its_scan_panel_from_the_scanner_settings(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # [scanner] was read by config check but the app gave the scan panel no source (the panel
    # showed only "Import files…"); the real start now hands it the configured folder.
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    inbox = tmp_path / "gaopaiyi"
    settings = Settings(scanner=ScannerSettings(kind="folder", folder=str(inbox)))
    deps = build_intake(build_services(settings, db, hall_code="CC01"), demo=True)
    assert deps is not None and isinstance(deps.scan_sources.folder, FolderSource)
    assert deps.scan_sources.folder.folder == inbox
    assert deps.photo_sources is not None and deps.photo_sources.stills is deps.scan_sources.folder


def test_the_counter_builds_its_document_camera_from_the_scanner_settings(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    runner: TaskRunner,
) -> None:
    # The scan panel had a "Take from camera" button, but nothing ever made the camera: the
    # settings had no camera kind and the counter's start built none.
    assert scan_sources(Settings(scanner=ScannerSettings(kind="camera"))) == ScanSources(
        camera=CameraChoice()
    )
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    settings = Settings(scanner=ScannerSettings(kind="camera", camera="Eloam"))
    deps = build_intake(build_services(settings, db, hall_code="CC01"), demo=True)
    assert deps is not None and deps.scan_sources.camera == CameraChoice(device="Eloam")
    panel = make_panel(qtbot, deps.pages, runner, deps.scan_sources)
    panel.show()
    assert panel.camera_button.isVisible() and panel.viewfinder.isVisible()
    # No camera on this machine (or no Qt Multimedia): said where the picture would be.
    assert panel.viewfinder.text() in {
        (
            "No document camera matching Eloam is connected ([scanner] camera). Other sources "
            "still work."
        ),
        (
            "The document camera cannot work here: Qt Multimedia is not installed. Other "
            "sources still work."
        ),
    }
    assert not panel.camera_button.isEnabled() and panel.import_button.isEnabled()
