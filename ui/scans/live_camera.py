"""A live camera picture without QtMultimediaWidgets: frames from a ``QVideoSink``.

The bundle leaves QtMultimediaWidgets out (installer/bundle.py), so there is no
``QVideoWidget``: the capture session feeds a ``QVideoSink`` and each frame arrives as a
``QImage`` for a plain ``QLabel``. Qt Multimedia is imported only when a live camera is made
(:mod:`ui.scans.multimedia`), and a PC without it (or without a camera) raises
:class:`~ui.scans.multimedia.CameraUnavailableError`, which callers turn into a fallback.

One device, one ``QCamera``: the camera runs while anyone holds it (:meth:`LiveCamera.hold`),
and a second user of the same device watches through a :class:`SharedView` instead of opening
it again (two ``QCamera`` objects on one device fight for it: the second fails, or takes the
device from the first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel

from ui.scans.multimedia import (
    Multimedia,
    device_key,
    encode_still,
    multimedia_module,
    pick_device,
)

log = logging.getLogger(__name__)

CONVERSION_SHARE = 5  # a throttled camera waits five times a frame's conversion before the next


class LiveCamera(QObject):
    frame = Signal(QImage)  # each new picture, on the GUI thread
    failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        device: str | None = None,
        multimedia: Multimedia = multimedia_module,
        frame_interval_ms: int = 0,
    ) -> None:
        """``device``: a substring of the camera's description or id (None: the default one);
        ``frame_interval_ms``: frames closer together are dropped, and the gap grows so that
        converting frames takes at most a fifth of the GUI thread (a document camera's 8 Mpx
        frame took 35 ms to convert on the CPU here: 30 a second would freeze the screen)."""
        super().__init__(parent)
        self._multimedia = multimedia()
        self.device: Any = pick_device(self._multimedia, device)
        self._camera: Any = self._multimedia.QCamera(self.device, self)
        self._sink: Any = self._multimedia.QVideoSink(self)
        self._session: Any = self._multimedia.QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.errorOccurred.connect(self._on_error)
        self._last: QImage | None = None
        self._interval = frame_interval_ms
        self._gap = frame_interval_ms
        self._since_frame = QElapsedTimer()
        self._holders: set[object] = set()

    def hold(self, holder: object) -> None:
        """Keep the camera running for ``holder`` (a viewfinder on screen, a pending still)."""
        self._holders.add(holder)
        self._camera.start()

    def release(self, holder: object) -> None:
        self._holders.discard(holder)
        if not self._holders:
            self._camera.stop()

    @property
    def running(self) -> bool:
        return bool(self._camera.isActive())

    def start(self) -> None:
        self.hold(self)

    def stop(self) -> None:
        self.release(self)

    def is_default_device(self) -> bool:
        """Whether this camera is the one a plain :class:`LiveCamera` would open."""
        default = self._multimedia.QMediaDevices.defaultVideoInput()
        return not default.isNull() and device_key(default) == device_key(self.device)

    def still(self) -> bytes | None:
        """The picture on screen now as JPEG (what the clerk compared), or None before any."""
        return None if self._last is None else encode_still(self._last)

    def _on_frame(self, video_frame: Any) -> None:
        clock = self._since_frame
        if self._gap and clock.isValid() and clock.elapsed() < self._gap:
            return
        clock.start()
        image = video_frame.toImage()
        if self._interval:
            self._gap = max(self._interval, CONVERSION_SHARE * clock.elapsed())
        if image.isNull():
            return
        self._last = image
        self.frame.emit(image)

    def _on_error(self, _error: object, message: str) -> None:
        log.warning("live camera: %s", message)
        self.failed.emit(message)


class SharedView(QObject):
    """Another user's window onto a running camera: the same frames, the camera held while
    this view is started (it has the interface of :class:`LiveCamera` the photo check uses)."""

    frame = Signal(QImage)
    failed = Signal(str)

    def __init__(self, camera: LiveCamera, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera = camera
        camera.frame.connect(self.frame)
        camera.failed.connect(self.failed)

    def start(self) -> None:
        self._camera.hold(self)

    def stop(self) -> None:
        self._camera.release(self)

    def still(self) -> bytes | None:
        return self._camera.still()


LivePicture = LiveCamera | SharedView
LiveFactory = Callable[[], LivePicture]


def sharing(camera: Callable[[], LiveCamera | None], own: LiveFactory | None) -> LiveFactory | None:
    """The photo check's live picture beside a document camera (``camera()``, when one is
    open): a view onto it when the photo check's camera (the default one) is the same device,
    else the photo check's own camera, ``own``, as without a document camera."""
    if own is None:
        return None

    def make() -> LivePicture:
        document = camera()
        if document is not None and document.is_default_device():
            return SharedView(document)
        return own()

    return make


def show_picture(label: QLabel, image: QImage) -> None:
    """A frame fitted into ``label`` (fast scaling: a live picture is replaced at once)."""
    pixmap = QPixmap.fromImage(image).scaled(
        label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
    label.setPixmap(pixmap)
