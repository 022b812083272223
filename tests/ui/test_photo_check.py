"""The photo check (人证核验) on the real intake form: the card read on the pty simulator, its
photo decoded by the fake vendor decoder, the clerk's verdict saved with the case.

The card read runs on a real background thread (waited on, never slept on); the saves run on
the inline runner. No camera exists here: the live view is a stand-in, or absent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.intake_models import CasePhotoCheck, IntakeCase
from clerk_app.db.models import Hall
from clerk_app.devices.idcard.card import CardKind
from clerk_app.devices.idcard.photo_check import PhotoCheckInput, PhotoCheckService
from clerk_app.devices.idcard.reader import IdCardReader
from clerk_app.devices.idcard.service import IdCardService
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    IdType,
    PhotoCheckResult,
    PhotoCheckView,
)
from clerk_app.scans.sane import SaneSource
from clerk_app.scans.sources import FolderSource
from clerk_app.settings import Settings
from clerk_app.settings_schema import ScannerSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock, to_datetime
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.conftest import SHANGHAI
from tests.devices.conftest import FakeSdk, fake_sdk  # noqa: F401 - the fixture, compiled once
from tests.devices.idcard_sim import RESIDENT, ModuleSimulator, Scenario
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.intake.photo_check_dialog import PhotoCheckDialog, PhotoCheckSources
from ui.intake.wiring import photo_sources, scan_sources
from ui.login import ClerkSession
from ui.scans.camera import CameraChoice
from ui.scans.live_camera import LiveCamera
from ui.scans.multimedia import CameraUnavailableError
from ui.scans.panel import ScanSources
from ui.tasks import TaskRunner

from .camera_stand_in import DOCUMENT_CAMERA, StandInMultimedia
from .helpers import show_active
from .intake_fixtures import ITEM, MASKED_ID, wait_until
from .test_intake_flow import attach_scans, pick_item, receive

TIMEOUT_S = 0.3
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
FAST_POLL_MS = 20


def _picture(fmt: str, colour: str, size: int = 16) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB888)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)  # type: ignore[call-overload]
    return bytes(data.data())


@pytest.fixture
def card_runner(qapp: QApplication) -> Iterator[TaskRunner]:
    background = TaskRunner()
    yield background
    background.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "photo-blobs", TEST_RING)


OpenPanel = Callable[..., IntakePanel]


@pytest.fixture
def open_panel(
    qtbot: QtBot,
    deps: IntakeDeps,
    db: Database,
    clock: FixedClock,
    runner: TaskRunner,
    card_runner: TaskRunner,
    clerk_session: ClerkSession,
    fake_sdk: FakeSdk,  # noqa: F811 - the imported fixture
) -> OpenPanel:
    """The intake panel with a reader on ``port`` (the fake decoder installed unless told
    otherwise) and the photo check with ``sources``."""

    def today() -> dt.date:
        return to_datetime(clock.now_ms(), SHANGHAI).date()

    def open_on(
        port: str,
        sources: PhotoCheckSources,
        *,
        decoder: bool = True,
        keep: BlobStore | None = None,
        scans: ScanSources | None = None,
    ) -> IntakePanel:
        reader = IdCardReader(
            port,
            timeout_s=TIMEOUT_S,
            today=today,
            photo_decoder=fake_sdk.decoder if decoder else None,
        )
        audit = AuditService(db, clock)
        hall_id = db.run_read(lambda s: s.scalar(select(Hall.id).where(Hall.code == "CC01")))
        checks = PhotoCheckService(db, audit, clock, hall_id=int(hall_id or 0), photos=keep)
        with_reader = IntakeDeps(
            papers=deps.papers,
            catalogue=deps.catalogue,
            pages=deps.pages,
            idcard=IdCardService(reader, audit, today),
            photo_checks=checks,
            photo_sources=sources,
            scan_sources=scans or ScanSources(),
        )
        panel = IntakePanel(with_reader, runner, clerk_session, card_runner=card_runner)
        qtbot.addWidget(panel)
        panel.resize(1400, 900)
        show_active(qtbot, panel)
        return panel

    return open_on


def _read(qtbot: QtBot, panel: IntakePanel) -> None:
    with qtbot.waitSignal(panel.applicant.card_done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_F12)


def _dialog(qtbot: QtBot, panel: IntakePanel) -> PhotoCheckDialog:
    wait_until(qtbot, lambda: panel.applicant.photo_dialog is not None)
    dialog = panel.applicant.photo_dialog
    assert dialog is not None
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def _answer(
    qtbot: QtBot, panel: IntakePanel, dialog: PhotoCheckDialog, key: Qt.Key
) -> PhotoCheckView:
    with qtbot.waitSignal(panel.applicant.photo_checked, timeout=10_000) as caught:
        qtbot.keyClick(dialog, key)
    view = caught.args[0]
    assert isinstance(view, PhotoCheckView)
    wait_until(qtbot, lambda: not dialog.isVisible())
    return view


def _rows(db: Database) -> list[CasePhotoCheck]:
    with db.read() as session:
        rows = list(session.scalars(select(CasePhotoCheck).order_by(CasePhotoCheck.id)))
        session.expunge_all()
    return rows


class FakeLiveCamera(QObject):
    """Stands in for :class:`LiveCamera` on a PC without a camera: one frame on start."""

    frame = Signal(QImage)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.image = QImage.fromData(_picture("PNG", "#3070c0"))
        self.running = False

    def start(self) -> None:
        self.running = True
        self.frame.emit(self.image)

    def stop(self) -> None:
        self.running = False

    def still(self) -> bytes:
        return _picture("JPG", "#3070c0")


def test_a_decoded_photo_opens_the_check_and_the_confirmation_is_saved_with_the_case(
    qtbot: QtBot,
    db: Database,
    open_panel: OpenPanel,
    tmp_path: Path,
) -> None:
    cameras: list[FakeLiveCamera] = []

    def camera() -> LiveCamera:
        cameras.append(FakeLiveCamera())
        return cast("LiveCamera", cameras[-1])

    bmp = _picture("BMP", "#c08040")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        sim.photo = bmp[2:]  # the fake decoder writes "BM" and then the card's bytes
        panel = open_panel(sim.port, PhotoCheckSources(live_camera=camera))
        _read(qtbot, panel)
    dialog = _dialog(qtbot, panel)  # opened by itself: the card had a decoded photo
    assert dialog.card_photo_shown()
    shown = dialog.card_picture.pixmap().size()
    assert min(shown.width(), shown.height()) >= 200  # the 16-pixel test photo, enlarged
    assert dialog.person_picture.pixmap() is not None and cameras[0].running
    assert MASKED_ID in " ".join(w.text() for w in dialog.findChildren(type(dialog.message)))
    assert "does not match faces" in " ".join(
        w.text() for w in dialog.findChildren(type(dialog.message))
    )
    view = _answer(qtbot, panel, dialog, Qt.Key.Key_1)
    assert not cameras[0].running  # the camera stops with the dialog
    assert view.result is PhotoCheckResult.CONFIRMED
    assert view.card_photo_shown and view.camera_compared and not view.photo_kept
    form = panel.applicant
    assert "same person, confirmed" in form.photo_check_status.text()
    assert MASKED_ID in form.photo_check_status.text()
    assert form.photo_check_ids() == (view.check_id,)
    [waiting] = _rows(db)
    assert waiting.case_id is None  # no case number yet

    with qtbot.waitActive(panel):  # back at the form
        panel.activateWindow()
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ACCEPT].click()
    [row] = _rows(db)
    with db.read() as session:
        case_id = session.scalar(
            select(IntakeCase.id).where(IntakeCase.case_number == panel.last_result.case_number)
        )
    assert (row.case_id, row.result, row.id_masked) == (case_id, "confirmed", MASKED_ID)
    assert (row.card_photo_sha256, row.camera_sha256) == (None, None)  # keep_photo is off
    entries = AuditService(db).entries(0, 2**62)
    [audited] = [e for e in entries if e.action == AuditAction.IDCARD_PHOTO_CHECK.value]
    assert '"confirmed"' in audited.detail


def test_without_a_decoded_photo_the_check_opens_on_f11_and_says_so(
    qtbot: QtBot,
    db: Database,
    open_panel: OpenPanel,
) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port, PhotoCheckSources(), decoder=False)
        form = panel.applicant
        assert not form.photo_check_button.isEnabled()  # nothing read yet
        _read(qtbot, panel)
    assert form.photo_dialog is None  # no photo: the clerk opens it if wanted
    assert form.photo_check_button.isEnabled() and "(F11)" in form.photo_check_button.text()
    qtbot.keyClick(panel, Qt.Key.Key_F11)
    dialog = _dialog(qtbot, panel)
    assert not dialog.card_photo_shown()
    assert dialog.card_picture.text() == "Card photo not available"
    assert "compare with the person at the counter" in dialog.person_picture.text()
    assert not dialog.still_button.isVisible()
    view = _answer(qtbot, panel, dialog, Qt.Key.Key_3)
    assert view.result is PhotoCheckResult.NOT_POSSIBLE
    assert not view.card_photo_shown and not view.camera_compared
    assert "could not be checked" in form.photo_check_status.text()
    [row] = _rows(db)
    assert row.result == "not_possible"


def test_without_a_camera_a_document_camera_still_is_compared_and_kept_sealed(
    qtbot: QtBot,
    db: Database,
    open_panel: OpenPanel,
    store: BlobStore,
    tmp_path: Path,
) -> None:
    def no_camera() -> LiveCamera:
        raise CameraUnavailableError("no camera is connected")

    folder = tmp_path / "document-camera"
    folder.mkdir()
    sources = PhotoCheckSources(
        live_camera=no_camera, stills=FolderSource(folder), still_poll_ms=FAST_POLL_MS
    )
    bmp = _picture("BMP", "#c08040")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        sim.photo = bmp[2:]
        panel = open_panel(sim.port, sources, keep=store)
        _read(qtbot, panel)
    dialog = _dialog(qtbot, panel)
    assert dialog.still_button.isVisible()
    assert "take a still with the document camera" in dialog.person_picture.text()
    still = _picture("JPG", "#3070c0", size=64)
    (folder / "IMG_0001.jpg").write_bytes(still)
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    wait_until(qtbot, lambda: dialog.camera_picture() is not None)
    assert dialog.person_picture.pixmap() is not None
    view = _answer(qtbot, panel, dialog, Qt.Key.Key_2)
    assert view.result is PhotoCheckResult.REFUSED
    assert view.camera_compared and view.photo_kept
    form = panel.applicant
    assert "NOT the same person" in form.photo_check_status.text()
    assert "b00020" in form.photo_check_status.styleSheet()  # a refusal shows in red
    [row] = _rows(db)
    assert row.card_photo_sha256 is not None and row.camera_sha256 is not None
    assert store.read_bytes(row.card_photo_sha256) == b"BM" + bmp[2:]
    assert store.read_bytes(row.camera_sha256) == still
    on_disk = b"".join(p.read_bytes() for p in store.root.rglob("*") if p.is_file())
    assert bmp[2:] not in on_disk and still not in on_disk  # sealed, not plain


def test_a_failing_camera_never_blocks_the_clerk(
    qtbot: QtBot,
    db: Database,
    open_panel: OpenPanel,
) -> None:
    failing: list[FakeLiveCamera] = []

    def camera() -> LiveCamera:
        failing.append(FakeLiveCamera())
        return cast("LiveCamera", failing[-1])

    bmp = _picture("BMP", "#c08040")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        sim.photo = bmp[2:]
        panel = open_panel(sim.port, PhotoCheckSources(live_camera=camera))
        _read(qtbot, panel)
    dialog = _dialog(qtbot, panel)
    failing[0].failed.emit("camera unplugged")
    assert not failing[0].running
    assert "compare with the person at the counter" in dialog.person_picture.text()
    assert dialog.camera_picture() is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closed without a verdict: nothing recorded
    wait_until(qtbot, lambda: panel.applicant.photo_dialog is None)
    assert _rows(db) == []
    form = panel.applicant
    with qtbot.waitActive(panel):
        panel.activateWindow()
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "13812345678")
    assert form.phone.text() == "13812345678"


def test_a_refused_check_shows_when_the_case_is_opened_again(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    clock: FixedClock,
    clerk_session: ClerkSession,
    open_panel: OpenPanel,
) -> None:
    intake = deps.papers.intake
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张三丰", IdType.RESIDENT_ID, RESIDENT.id_number, None, "北京市"
    )
    draft = CaseDraft(applicant, ITEM, "01", {"M01": GOT})
    case = intake.decide(draft, Decision.ONE_TIME_NOTICE, clerk_session.user, 1)
    hall_id = db.run_read(lambda s: s.scalar(select(Hall.id).where(Hall.code == "CC01")))
    checks = PhotoCheckService(db, AuditService(db, clock), clock, hall_id=int(hall_id or 0))
    by = Actor(clerk_session.user.user_id, clerk_session.user.display_name)
    check = PhotoCheckInput(PhotoCheckResult.REFUSED, CardKind.RESIDENT, RESIDENT.id_number)
    checks.record(by, check, case_number=case.case_number)
    with ModuleSimulator(Scenario.NO_CARD) as sim:
        panel = open_panel(sim.port, PhotoCheckSources())
    with qtbot.waitSignal(panel.loader.loaded, timeout=10_000):
        panel.open_case(case.case_number)
    status = panel.applicant.photo_check_status
    assert status.isVisibleTo(panel)
    assert "NOT the same person" in status.text() and MASKED_ID in status.text()
    assert "b00020" in status.styleSheet()


@pytest.mark.usefixtures("chinese")
def test_the_clerk_checks_in_chinese(qtbot: QtBot, open_panel: OpenPanel) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port, PhotoCheckSources(), decoder=False)
        _read(qtbot, panel)
    form = panel.applicant
    assert form.photo_check_button.text() == "人证核验 (F11)"
    form.photo_check_button.click()
    dialog = _dialog(qtbot, panel)
    assert dialog.card_picture.text() == "证件照片不可用"
    texts = [b.text() for b in (dialog.confirm_button, dialog.refuse_button)]
    assert texts == ["一致，确认 (1)", "不一致 (2)"]
    assert dialog.not_possible_button.text() == "无法核验 (3)"
    _answer(qtbot, panel, dialog, Qt.Key.Key_3)
    assert form.photo_check_status.text().startswith("人证核验：无法核验（110105********002X，")


def test_the_still_comes_from_the_scanner_folder_setting(tmp_path: Path) -> None:
    def sources(scanner: ScannerSettings) -> tuple[ScanSources, PhotoCheckSources]:
        scans = scan_sources(Settings(scanner=scanner))
        return scans, photo_sources(scans)

    scans, watched = sources(ScannerSettings(kind="folder", folder=str(tmp_path)))
    assert isinstance(watched.stills, FolderSource) and watched.stills.folder == tmp_path
    assert watched.stills is scans.folder  # the scan panel's folder, not a second watcher
    assert watched.live_camera is LiveCamera
    scans, unwatched = sources(ScannerSettings())
    assert unwatched.stills is None and scans == ScanSources()
    scans, _ = sources(ScannerSettings(kind="sane", device="fujitsu:fi-7160:1"))
    assert (
        isinstance(scans.scanner, SaneSource)
        and scans.scanner.settings.device == "fujitsu:fi-7160:1"
    )


# Converting a video frame offscreen: Qt finds no GPU (RHI) backend and says so, once a thread.
@pytest.mark.qt_log_ignore(r"No RHI backend\. Using CPU conversion")
def test_the_document_camera_as_the_only_camera_is_shared_not_opened_twice(
    qtbot: QtBot, open_panel: OpenPanel
) -> None:
    stand_in = StandInMultimedia(DOCUMENT_CAMERA)  # the PC's default and only camera
    scans = ScanSources(camera=CameraChoice(multimedia=stand_in))

    def own_camera() -> LiveCamera:
        return LiveCamera(multimedia=stand_in)

    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port, PhotoCheckSources(live_camera=own_camera), scans=scans)
        _read(qtbot, panel)
        panel.applicant.photo_check_button.click()
    dialog = _dialog(qtbot, panel)
    assert len(stand_in.cameras) == 1  # the scan panel's QCamera, and no second one
    camera = stand_in.cameras[0]
    assert camera.active
    camera.show(QImage.fromData(_picture("PNG", "#3070c0", size=64)))
    assert dialog.person_picture.pixmap() is not None
    assert not dialog.person_picture.pixmap().isNull()
    view = _answer(qtbot, panel, dialog, Qt.Key.Key_1)
    assert view.camera_compared
    assert camera.active  # the scan panel's viewfinder still shows it
