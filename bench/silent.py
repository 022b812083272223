"""A voice backend for benchmarks: every sound "ends" on the next turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ui.voice.announcer import VoiceBackend
from ui.voice.phrases import Announcement


class SilentVoice(VoiceBackend):
    def languages(self) -> tuple[str, ...]:
        return ("zh", "en")

    def chime(self) -> None:
        QTimer.singleShot(0, self.finished.emit)

    def say(self, announcement: Announcement, language: str) -> None:
        del announcement, language
        QTimer.singleShot(0, self.finished.emit)
