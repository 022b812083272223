"""A stand-in for ``PySide6.QtMultimedia`` where no camera exists (every build machine).

Only the camera, its capture and the session are stood in for; the video sink is Qt's own
``QVideoSink``, fed real ``QVideoFrame`` objects made from pictures, so the code under test
converts and paints frames exactly as with a real camera. A still is delivered after the event
loop turns (as Qt Multimedia does, never inside ``capture()``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoSink


class Format:
    def __init__(self, width: int, height: int, fps: float = 15.0) -> None:
        self._size = QSize(width, height)
        self._fps = fps

    def resolution(self) -> QSize:
        return self._size

    def maxFrameRate(self) -> float:
        return self._fps


class Device:
    def __init__(self, key: bytes = b"", description: str = "", formats: tuple[Format, ...] = ()):
        self.key = key
        self._description = description
        self._formats = formats

    def id(self) -> QByteArray:
        return QByteArray(self.key)

    def description(self) -> str:
        return self._description

    def isNull(self) -> bool:
        return not self.key

    def videoFormats(self) -> list[Format]:
        return list(self._formats)


class Session(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera: Camera | None = None
        self.capture: ImageCapture | None = None
        self.sink: QVideoSink | None = None

    def setCamera(self, camera: Camera) -> None:
        self.camera = camera
        camera.session = self

    def setImageCapture(self, capture: ImageCapture) -> None:
        self.capture = capture

    def setVideoSink(self, sink: QVideoSink) -> None:
        self.sink = sink


class Camera(QObject):
    errorOccurred = Signal(object, str)  # noqa: N815 - Qt API

    def __init__(self, module: StandInMultimedia, device: Device, parent: QObject) -> None:
        super().__init__(parent)
        self._module = module
        self.device = device
        self.session: Session | None = None
        self.format: Format | None = None
        self.active = False
        self.starts = 0
        module.cameras.append(self)

    def setCameraFormat(self, fmt: Format) -> None:
        self.format = fmt

    def isActive(self) -> bool:
        return self.active

    def start(self) -> None:
        if self.active:
            return
        self.active = True
        self.starts += 1
        if self._module.ready_on_start:
            self.make_ready()

    def stop(self) -> None:
        self.active = False
        if self._capture is not None:
            self._capture.set_ready(ready=False)

    # ------------------------------------------------------------------ driven by the tests
    @property
    def _capture(self) -> ImageCapture | None:
        return None if self.session is None else self.session.capture

    def make_ready(self) -> None:
        if self._capture is not None:
            self._capture.set_ready(ready=True)

    def show(self, image: QImage) -> None:
        """The camera sends ``image`` as a video frame."""
        assert self.active and self.session is not None and self.session.sink is not None
        self.session.sink.setVideoFrame(QVideoFrame(image))

    def unplug(self) -> None:
        self.stop()
        self.errorOccurred.emit(object(), "The camera was disconnected")


class ImageCapture(QObject):
    readyForCaptureChanged = Signal(bool)  # noqa: N815 - Qt API
    imageCaptured = Signal(int, QImage)  # noqa: N815 - Qt API
    errorOccurred = Signal(int, object, str)  # noqa: N815 - Qt API

    def __init__(self, module: StandInMultimedia, parent: QObject) -> None:
        super().__init__(parent)
        self._module = module
        self._ready = False
        self.requests = 0

    def isReadyForCapture(self) -> bool:
        return self._ready

    def set_ready(self, *, ready: bool) -> None:
        if ready != self._ready:
            self._ready = ready
            self.readyForCaptureChanged.emit(ready)

    def capture(self) -> int:
        assert self._ready, "Qt refuses a capture before the camera is ready"
        self.requests += 1
        request, picture = self.requests, self._module.picture
        QTimer.singleShot(0, self, lambda: self.imageCaptured.emit(request, picture))
        return request


def white_page(width: int = 2480, height: int = 3508) -> QImage:
    page = QImage(width, height, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    return page


class StandInMultimedia:
    """The names of ``PySide6.QtMultimedia`` the cameras use; ``picture`` is what a still
    shows; ``devices[0]`` is the default camera."""

    def __init__(self, *devices: Device, ready_on_start: bool = True) -> None:
        self.devices = list(devices)
        self.ready_on_start = ready_on_start
        self.picture = white_page()
        self.cameras: list[Camera] = []
        self.QMediaDevices = _devices_of(self)
        self.QVideoSink = QVideoSink

    def __call__(self) -> StandInMultimedia:
        """The module seam: ``CameraChoice(multimedia=stand_in)``."""
        return self

    def QCamera(self, device: Device, parent: QObject) -> Camera:
        return Camera(self, device, parent)

    def QImageCapture(self, parent: QObject) -> ImageCapture:
        return ImageCapture(self, parent)

    def QMediaCaptureSession(self, parent: QObject) -> Session:
        return Session(parent)


def _devices_of(module: StandInMultimedia) -> Any:
    class MediaDevices:
        @staticmethod
        def videoInputs() -> list[Device]:
            return list(module.devices)

        @staticmethod
        def defaultVideoInput() -> Device:
            return module.devices[0] if module.devices else Device()

    return MediaDevices


DOCUMENT_CAMERA = Device(
    b"/dev/video2",
    "Eloam S1000 document camera",
    (Format(640, 480, 30), Format(3264, 2448, 15), Format(1920, 1080, 30)),
)
WEBCAM = Device(b"/dev/video0", "Integrated Webcam", (Format(1280, 720, 30),))
