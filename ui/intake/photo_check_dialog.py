"""The photo check (人证核验): the card photo beside the person, for the clerk to judge by eye.

The card photo (as the vendor's decoder made it, where one is installed) is shown beside a
live camera picture: frames from Qt Multimedia through a ``QVideoSink`` into a label
(:mod:`ui.scans.live_camera`; no QtMultimediaWidgets). When the default camera is the scan
panel's document camera (``[scanner] kind = "camera"``), the dialog watches that camera's
picture instead of opening the device a second time. Where there is no Qt Multimedia or no
camera, the clerk can take a still from the document camera's folder instead; with neither,
the clerk compares the card photo with the person at the counter. No photo, no camera, or a
camera that fails never blocks the clerk: the check can always be answered "cannot check",
or closed (Esc) without a record.

The verdict (1 same person, 2 not the same person, 3 cannot check) is saved through the core
service on the task runner; the dialog closes once it is saved. Nothing here compares faces,
and the dialog says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.audit.types import Actor
from clerk_app.devices.idcard.photo_check import PhotoCheckInput, PhotoCheckService
from clerk_app.devices.idcard.service import CardRead
from clerk_app.intake.types import PhotoCheckResult, PhotoCheckView
from clerk_app.scans.sources import ScanSource
from onewindow_protocol.masking import mask_id
from ui.scaling import scale_font
from ui.scans.live_camera import LiveFactory, LivePicture
from ui.scans.multimedia import CameraUnavailableError
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

PICTURE_SIZE = (240, 300)  # the card photo is 102 × 126: shown at twice its size and more
STILL_POLL_MS = 700
BIG_FONT_FACTOR = 1.5


@dataclass(frozen=True)
class PhotoCheckSources:
    """Where the person's picture comes from; either may be missing."""

    live_camera: LiveFactory | None = None  # None: no camera on this PC
    stills: ScanSource | None = None  # the document camera's folder
    still_poll_ms: int = STILL_POLL_MS


def _first_still(source: ScanSource) -> bytes | None:
    """One poll of the folder: the first picture that arrived, or None (the others wait)."""
    pages = source.acquire(lambda _done, _total: None, lambda: False)
    try:
        for raw in pages:
            return raw.data
        return None
    finally:
        close = getattr(pages, "close", None)
        if close is not None:
            close()


class PhotoCheckDialog(QDialog):
    recorded = Signal(object)  # PhotoCheckView

    def __init__(
        self,
        service: PhotoCheckService,
        runner: TaskRunner,
        by: Actor,
        read: CardRead,
        case_number: str | None,
        sources: PhotoCheckSources,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._by = by
        self._read = read
        self._case_number = case_number
        self._sources = sources
        self._camera: LivePicture | None = None
        self._still: bytes | None = None
        self._still_timer = QTimer(self)
        self._still_timer.setInterval(sources.still_poll_ms)
        self._still_timer.timeout.connect(self._poll_still)
        self._polling = False
        self.setWindowTitle(self.tr("Photo check"))
        self.card_picture = self._picture_label()
        self.person_picture = self._picture_label()
        self.still_button = QPushButton(self.tr("Take a still from the document camera (F5)"))
        self.still_button.clicked.connect(self.take_still)
        self.still_button.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.confirm_button = self._verdict_button(
            self.tr("Same person, confirm (1)"), PhotoCheckResult.CONFIRMED
        )
        self.refuse_button = self._verdict_button(
            self.tr("Not the same person (2)"), PhotoCheckResult.REFUSED
        )
        self.not_possible_button = self._verdict_button(
            self.tr("Cannot check (3)"), PhotoCheckResult.NOT_POSSIBLE
        )
        self._keys = {
            Qt.Key.Key_1: lambda: self.answer(PhotoCheckResult.CONFIRMED),
            Qt.Key.Key_2: lambda: self.answer(PhotoCheckResult.REFUSED),
            Qt.Key.Key_3: lambda: self.answer(PhotoCheckResult.NOT_POSSIBLE),
            Qt.Key.Key_F5: self.take_still,
        }
        self.finished.connect(self._stop_pictures)
        self._build()
        self._show_card_photo(read.photo)
        self._start_person_picture()

    # ------------------------------------------------------------------ layout
    def _picture_label(self) -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMinimumSize(*PICTURE_SIZE)
        label.setWordWrap(True)
        label.setStyleSheet("border: 1px solid #888; background: #f4f4f4;")
        return label

    def _verdict_button(self, text: str, result: PhotoCheckResult) -> QPushButton:
        button = QPushButton(text)
        scale_font(button, BIG_FONT_FACTOR)
        button.setMinimumHeight(button.sizeHint().height() * 2)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.answer(result))
        return button

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "Compare the card photo with the person by eye. The program does not match "
                "faces: the judgement is yours."
            )
        )
        note.setWordWrap(True)
        scale_font(note, BIG_FONT_FACTOR)
        card = QLabel(self.tr("Card {number}").format(number=mask_id(self._read.card.id_number)))
        card_box = QGroupBox(self.tr("Card photo"))
        QVBoxLayout(card_box).addWidget(self.card_picture)
        person_box = QGroupBox(self.tr("The person (camera)"))
        person_layout = QVBoxLayout(person_box)
        person_layout.addWidget(self.person_picture)
        person_layout.addWidget(self.still_button)
        pictures = QHBoxLayout()
        pictures.addWidget(card_box)
        pictures.addWidget(person_box)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.refuse_button, self.not_possible_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(card)
        layout.addLayout(pictures)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ pictures
    def _show_card_photo(self, photo: bytes | None) -> None:
        image = QImage.fromData(photo) if photo else QImage()
        if image.isNull():
            self.card_picture.setText(self.tr("Card photo not available"))
            return
        self._set_picture(self.card_picture, image)

    def card_photo_shown(self) -> bool:
        return self.card_picture.pixmap() is not None and not self.card_picture.pixmap().isNull()

    def _set_picture(self, label: QLabel, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image).scaled(
            label.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        label.setPixmap(pixmap)

    def _start_person_picture(self) -> None:
        if self._sources.live_camera is not None:
            try:
                camera = self._sources.live_camera()
            except CameraUnavailableError as exc:
                log.info("no live camera for the photo check: %s", exc)
            else:
                camera.setParent(self)
                camera.frame.connect(lambda image: self._set_picture(self.person_picture, image))
                camera.failed.connect(lambda _m: self._camera_failed())
                camera.start()
                self._camera = camera
                self.person_picture.setText(self.tr("Starting the camera…"))
                return
        self._no_live_camera()

    def _camera_failed(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera = None
        self._no_live_camera()

    def _no_live_camera(self) -> None:
        if self._sources.stills is not None:
            self.still_button.setVisible(True)
            self.person_picture.setText(
                self.tr("No camera picture: take a still with the document camera.")
            )
        else:
            self.person_picture.setText(
                self.tr("No camera here: compare with the person at the counter.")
            )

    def take_still(self) -> None:
        if self._sources.stills is None or self._camera is not None:
            return
        self.still_button.setEnabled(False)
        self.person_picture.setText(self.tr("Waiting for the document camera's picture…"))
        self._still_timer.start()
        self._poll_still()

    def _poll_still(self) -> None:
        source = self._sources.stills
        if source is None or self._polling:
            return
        self._polling = True
        self._runner.run(
            lambda: _first_still(source), self._still_arrived, self._still_failed, owner=self
        )

    def _still_arrived(self, data: bytes | None) -> None:
        self._polling = False
        if data is None:
            return  # nothing yet: the timer asks again
        self._still_timer.stop()
        self.still_button.setEnabled(True)
        image = QImage.fromData(data)
        if image.isNull():
            self.person_picture.setText(self.tr("The document camera's file is not a picture."))
            return
        self._still = data
        self._set_picture(self.person_picture, image)

    def _still_failed(self, error: Exception) -> None:
        self._polling = False
        self._still_timer.stop()
        self.still_button.setEnabled(True)
        log.warning("the document camera's still could not be taken: %s", type(error).__name__)
        self.person_picture.setText(self.tr("The document camera's picture could not be taken."))

    def camera_picture(self) -> bytes | None:
        """What the clerk compared the card photo with (JPEG or the still as saved), if any."""
        if self._camera is not None:
            return self._camera.still()
        return self._still

    # ------------------------------------------------------------------ the verdict
    def answer(self, result: PhotoCheckResult) -> None:
        if not self.confirm_button.isEnabled():
            return  # a verdict is being saved
        check = PhotoCheckInput(
            result,
            self._read.card.kind,
            self._read.card.id_number,
            self._read.photo if self.card_photo_shown() else None,
            self.camera_picture(),
        )
        self._set_busy(busy=True)
        self.message.clear()
        service, by, number = self._service, self._by, self._case_number
        self._runner.run(
            lambda: service.record(by, check, case_number=number),
            self._recorded,
            self._record_failed,
            owner=self,
        )

    def _set_busy(self, *, busy: bool) -> None:
        for button in (self.confirm_button, self.refuse_button, self.not_possible_button):
            button.setEnabled(not busy)

    def _recorded(self, view: PhotoCheckView) -> None:
        self.recorded.emit(view)
        self.accept()

    def _record_failed(self, error: Exception) -> None:
        log.error("the photo check could not be saved", exc_info=error)
        self._set_busy(busy=False)
        self.message.setText(self.tr("The check could not be saved; see the log. Try again."))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """1, 2, 3 answer and F5 takes a still: the buttons take no digits, so the keys reach
        the dialog whichever button has the focus (Tab, Enter and Esc work as usual)."""
        action = self._keys.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        action()

    def _stop_pictures(self) -> None:
        self._still_timer.stop()
        if self._camera is not None:
            self._camera.stop()
