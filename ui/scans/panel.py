"""The scan panel of a case: acquire pages, see them, order them, assign them to materials.

Acquisition runs through the task runner (give the panel a runner of its own: a feeder batch
takes a while and should not hold up database work). Each file's outcome travels back by a
queued signal as soon as it is settled, so pages appear while the feeder still runs; Cancel
stops between pages. A watched folder is polled by a timer, one poll per task.

A document camera (``ScanSources.camera``) is opened here, on the GUI thread, with a live
viewfinder beside the pages; it runs only while the panel is on screen (the intake tab shown,
the window not minimised or closed at sign-out), and "Take from camera" (F10; F2-F9 are the
caller panel's) waits for it to be ready. Its stills are taken in like any scan. A PC without
Qt Multimedia or the camera says so in the viewfinder, and the other sources work as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.scans.checks import Rejection
from clerk_app.scans.page_list import PageList
from clerk_app.scans.sane import ScanError
from clerk_app.scans.sources import FileImportSource, ScanSource
from clerk_app.scans.store import Accepted, FileOutcome, IntakeBatch, PageIntake
from onewindow_base.blobs import StorageFullError
from ui.scans.camera import CameraChoice, CameraSource
from ui.scans.live_camera import show_picture
from ui.scans.messages import camera_problem_message, rejection_message, scan_error_message
from ui.scans.multimedia import CameraProblem, CameraUnavailableError
from ui.scans.page_model import ICON_SIZE, PageListModel
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

FOLDER_POLL_MS = 1000
UNKNOWN_TOTAL = -1
CAMERA_KEY = Qt.Key.Key_F10  # F2-F9 are the caller panel's, F11 and F12 the applicant form's
VIEWFINDER_SIZE = (320, 240)


@dataclass(frozen=True, slots=True)
class ScanSources:
    """The sources this PC has; any of them may be absent."""

    scanner: ScanSource | None = None
    folder: ScanSource | None = None
    camera: CameraChoice | None = None  # [scanner] kind = "camera": opened by the panel
    folder_poll_ms: int = FOLDER_POLL_MS


class _Relay(QObject):
    """Carries a worker's reports to the GUI thread (queued across threads)."""

    outcome = Signal(object)
    progress = Signal(int, int)


class ScanPanel(QWidget):
    busy_changed = Signal(bool)
    batch_finished = Signal(object)  # IntakeBatch

    def __init__(
        self,
        intake: PageIntake,
        runner: TaskRunner,
        sources: ScanSources,
        pages: PageList | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._intake = intake
        self._runner = runner
        self._sources = sources
        self._cancel = threading.Event()
        self._busy = False
        self._quiet = False  # a folder poll shows no progress and reports only what it found
        self._relay = _Relay(self)
        self._relay.outcome.connect(self._on_outcome)
        self._relay.progress.connect(self._on_progress)
        self.model = PageListModel(pages or PageList(), intake.thumbnail, runner, self)
        self._folder_timer = QTimer(self)
        self._folder_timer.setInterval(sources.folder_poll_ms)
        self._folder_timer.timeout.connect(self._poll_folder)
        self.camera: CameraSource | None = None
        self._build()
        if sources.camera is not None:
            self._open_camera(sources.camera)
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.clicked.connect(self.scan)
        self.scan_button.setVisible(self._sources.scanner is not None)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.import_button.clicked.connect(self._choose_files)
        self.watch_button = QPushButton(self.tr("Watch scan folder"))
        self.watch_button.setCheckable(True)
        self.watch_button.toggled.connect(self.watch_folder)
        self.watch_button.setVisible(self._sources.folder is not None)
        key = QKeySequence(CAMERA_KEY)
        label = self.tr("Take from camera")
        self.camera_button = QPushButton(
            f"{label} ({key.toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self.camera_button.setShortcut(key)
        self.camera_button.clicked.connect(self.take_from_camera)
        self.camera_button.setVisible(self._sources.camera is not None)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        top = QHBoxLayout()
        for button in (self.scan_button, self.import_button, self.watch_button):
            top.addWidget(button)
        top.addWidget(self.camera_button)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        pictures = QHBoxLayout()
        pictures.addWidget(self._build_view(), 1)
        pictures.addWidget(self._build_viewfinder())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pictures, 1)
        layout.addLayout(self._build_editing())
        self._build_reports(layout)

    def _build_view(self) -> QListView:
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(ICON_SIZE)
        self.view.setGridSize(ICON_SIZE + ICON_SIZE / 4)
        self.view.setUniformItemSizes(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Snap)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._add_shortcuts()
        return self.view

    def _build_viewfinder(self) -> QLabel:
        self.viewfinder = QLabel()
        self.viewfinder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.viewfinder.setFixedSize(*VIEWFINDER_SIZE)
        self.viewfinder.setWordWrap(True)
        self.viewfinder.setStyleSheet("border: 1px solid #888; background: #f4f4f4;")
        self.viewfinder.setVisible(self._sources.camera is not None)
        return self.viewfinder

    def _build_editing(self) -> QHBoxLayout:
        self.material = QComboBox()
        self.assign_button = QPushButton(self.tr("Assign to material"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.earlier_button = QPushButton(self.tr("Move earlier"))
        self.earlier_button.clicked.connect(lambda: self.move_selected(-1))
        self.later_button = QPushButton(self.tr("Move later"))
        self.later_button.clicked.connect(lambda: self.move_selected(1))
        self.keep_button = QPushButton(self.tr("Not blank: keep"))
        self.keep_button.clicked.connect(self.confirm_selected)
        self.remove_button = QPushButton(self.tr("Remove page"))
        self.remove_button.clicked.connect(self.remove_selected)
        edit = QHBoxLayout()
        edit.addWidget(self.material, 1)
        for button in (
            self.assign_button,
            self.earlier_button,
            self.later_button,
            self.keep_button,
            self.remove_button,
        ):
            edit.addWidget(button)
        return edit

    def _build_reports(self, layout: QVBoxLayout) -> None:
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.refused_label = QLabel(self.tr("Refused files"))
        self.refused = QListWidget()
        self.refused.setMaximumHeight(110)
        self.refused_label.setVisible(False)
        self.refused.setVisible(False)
        layout.addWidget(self.status)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused)

    def _add_shortcuts(self) -> None:
        bindings = (
            ("Ctrl+Left", lambda: self.move_selected(-1)),
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Right", lambda: self.move_selected(1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
            ("Delete", self.remove_selected),
        )
        for keys, slot in bindings:
            action = QAction(self.view)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)

    # ------------------------------------------------------------------ materials
    def set_materials(self, materials: Sequence[tuple[str, str]]) -> None:
        """The case's materials as (key, label), in checklist order."""
        self.material.clear()
        self.material.addItem(self.tr("Not assigned"), None)
        for key, label in materials:
            self.material.addItem(label, key)
        self.model.set_materials(materials)
        self._update_buttons()

    # ------------------------------------------------------------------ acquiring
    @property
    def busy(self) -> bool:
        return self._busy

    def scan(self) -> None:
        if self._sources.scanner is not None:
            self._acquire(self._sources.scanner)

    def take_from_camera(self) -> None:
        """Ask the camera for a still, once it is ready; it is taken in when it arrives
        (:meth:`_camera_still`)."""
        if self.camera is None or self.camera.pending:
            return
        self.status.setText(self.tr("Taking a picture with the camera…"))
        self.camera.capture()

    def _open_camera(self, choice: CameraChoice) -> None:
        try:
            camera = CameraSource(choice, self)
        except CameraUnavailableError as exc:
            log.info("no document camera: %s", exc)
            self.viewfinder.setText(camera_problem_message(exc.problem, choice.device))
            return
        camera.frame.connect(self._camera_frame)
        camera.captured.connect(self._camera_still)
        camera.problem.connect(self._camera_problem)
        self.viewfinder.setText(self.tr("Starting the camera…"))
        self.camera = camera

    def _camera_frame(self, image: QImage) -> None:
        show_picture(self.viewfinder, image)

    def _camera_still(self) -> None:
        if self.camera is not None:
            self._acquire(self.camera)

    def _camera_problem(self, problem: CameraProblem) -> None:
        text = camera_problem_message(problem)
        if problem is CameraProblem.STOPPED:
            self.viewfinder.setText(text)  # no picture comes: the last one would mislead
        self.status.setText(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """The camera runs while its picture is on screen (see :meth:`hideEvent`)."""
        super().showEvent(event)
        if self.camera is not None:
            self.camera.hold(self)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        """Another tab, a minimised or closed window (sign-out): the camera stops (a still
        asked for keeps it until it arrives)."""
        super().hideEvent(event)
        if self.camera is not None:
            self.camera.release(self)

    def import_files(self, paths: Iterable[Path]) -> None:
        self._acquire(FileImportSource(list(paths), self._intake.limits))

    def watch_folder(self, on: bool) -> None:
        if on and self._sources.folder is not None:
            self._folder_timer.start()
            self._poll_folder()
        else:
            self._folder_timer.stop()
        if self.watch_button.isChecked() != on:
            self.watch_button.setChecked(on)

    def cancel(self) -> None:
        self._cancel.set()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import scanned pages"),
            "",
            self.tr("Scans (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.pdf);;All files (*)"),
        )
        if names:
            self.import_files(Path(name) for name in names)

    def _poll_folder(self) -> None:
        if self._sources.folder is not None and not self._busy:
            self._acquire(self._sources.folder, quiet=True)

    def _acquire(self, source: ScanSource, *, quiet: bool = False) -> None:
        if self._busy:
            return
        self._quiet = quiet
        self._set_busy(busy=True)
        self._cancel.clear()
        intake, relay, cancel = self._intake, self._relay, self._cancel

        def report(done: int, total: int | None) -> None:
            relay.progress.emit(done, UNKNOWN_TOTAL if total is None else total)

        def work() -> IntakeBatch:
            return intake.take_all(source, report, cancel.is_set, relay.outcome.emit)

        self._runner.run(work, self._finished, self._failed, owner=self)

    def _on_outcome(self, outcome: FileOutcome) -> None:
        if isinstance(outcome, Accepted):
            self.model.add_pages(outcome.pages)
        elif isinstance(outcome, Rejection):
            self.refused.addItem(rejection_message(outcome))
            self.refused_label.setVisible(True)
            self.refused.setVisible(True)

    def _on_progress(self, done: int, total: int) -> None:
        if total == UNKNOWN_TOTAL:
            self.progress.setRange(0, 0)  # busy indicator
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, batch: IntakeBatch) -> None:
        quiet = self._quiet
        self._set_busy(busy=False)
        pages, refused = len(batch.pages), len(batch.rejected)
        if batch.cancelled:
            self.status.setText(self.tr("Stopped: %n page(s) taken before cancelling.", "", pages))
        elif not quiet or pages or refused:
            self.status.setText(
                self.tr("%n page(s) taken", "", pages)
                + self.tr(", %n file(s) refused", "", refused) * bool(refused)
                + self._awaiting_text()
            )
        self.batch_finished.emit(batch)
        if self.camera is not None and self.camera.has_stills():
            self._camera_still()  # a still arrived while another batch ran

    def _failed(self, error: Exception) -> None:
        self._set_busy(busy=False)
        if isinstance(error, ScanError):
            self.status.setText(scan_error_message(error.code))
            log.info("scan failed: %s", error.code.value)
            return
        if isinstance(error, StorageFullError):  # no page was half-kept
            log.warning("a scanned page was not saved: %s", error.strerror)
            self.status.setText(
                self.tr(
                    "The disk of this PC is full: the last page was not saved (the pages "
                    "listed are safe). Ask for space to be freed, then scan or import it again."
                )
            )
            return
        log.error("scanning failed", exc_info=error)
        self.status.setText(self.tr("Scanning failed unexpectedly; see the log."))

    def _set_busy(self, *, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy and not self._quiet)
        self.progress.setRange(0, 0)
        self._update_buttons()
        self.busy_changed.emit(busy)

    # ------------------------------------------------------------------ editing
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedIndexes())

    def select_row(self, row: int) -> None:
        # Explicit command: setCurrentIndex would read Ctrl (held for the move) as "toggle".
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def assign_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.model.assign(rows, self.material.currentData())

    def move_selected(self, step: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        target = rows[0] + step
        if self.model.move_row(rows[0], target):
            self.select_row(target)
            self._update_buttons()  # the selection moved with its page: no selection signal

    def remove_selected(self) -> None:
        for row in reversed(self.selected_rows()):
            self.model.remove_row(row)
        self._update_buttons()

    def confirm_selected(self) -> None:
        for row in self.selected_rows():
            self.model.confirm(row)
        self.status.setText(self._awaiting_text().lstrip("; "))
        self._update_buttons()

    def _awaiting_text(self) -> str:
        waiting = len(self.model.pages.awaiting_confirmation())
        if not waiting:
            return ""
        return "; " + self.tr("%n page(s) look blank: keep or remove them.", "", waiting)

    def _update_buttons(self) -> None:
        rows = self.selected_rows() if hasattr(self, "view") else []
        idle = not self._busy
        for button in (self.scan_button, self.import_button):
            button.setEnabled(idle)
        self.camera_button.setEnabled(idle and self.camera is not None)
        self.cancel_button.setEnabled(self._busy)
        self.assign_button.setEnabled(bool(rows) and self.material.count() > 0)
        self.earlier_button.setEnabled(len(rows) == 1 and rows[0] > 0)
        self.later_button.setEnabled(len(rows) == 1 and rows[0] < self.model.rowCount() - 1)
        self.remove_button.setEnabled(bool(rows))
        needs = [r for r in rows if self.model.pages[r].needs_confirmation]
        self.keep_button.setEnabled(bool(needs))
