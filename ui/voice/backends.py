"""Voice backends, chosen at start by what the PC has (docs/hardware.md, voice announcements):
Qt's text-to-speech when a Mandarin voice exists, else the clip pack, else the chime alone.

Sounds are played with ``QSoundEffect`` (uncompressed WAV, low latency); a sentence from the
clip pack is joined into one WAV file in a private temporary folder first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTemporaryDir, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect

from ui.voice.announcer import VoiceBackend
from ui.voice.phrases import (
    Announcement,
    clip_file,
    en_clips,
    en_text,
    join_wavs,
    missing_clips,
    zh_clips,
    zh_text,
)

log = logging.getLogger(__name__)

CHIME_FILE = "chime.wav"


def voice_dir() -> Path:
    """``resources/voice`` at the repository root (replaceable by the hall's recordings)."""
    return Path(__file__).resolve().parent.parent.parent / "resources" / "voice"


class SoundPlayer(QObject):
    """One WAV at a time; :attr:`finished` when it stops, fails or cannot load."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect_: QSoundEffect | None = None
        self._started = False

    @property
    def _effect(self) -> QSoundEffect:
        """Made on first use: opening the audio device is slow and noisy on a PC without one."""
        if self._effect_ is None:
            self._effect_ = QSoundEffect(self)
            self._effect_.playingChanged.connect(self._playing_changed)
            self._effect_.statusChanged.connect(self._status_changed)
        return self._effect_

    def play(self, path: Path) -> None:
        self._started = False
        url = QUrl.fromLocalFile(str(path))
        effect = self._effect
        if effect.source() == url and effect.status() == QSoundEffect.Status.Ready:
            self._start()
            return
        effect.setSource(url)  # plays once loaded (statusChanged)

    def _start(self) -> None:
        self._started = True
        self._effect.play()

    def _status_changed(self) -> None:
        status = self._effect.status()
        if status == QSoundEffect.Status.Ready and not self._started:
            self._start()
        elif status == QSoundEffect.Status.Error:
            log.warning("cannot play %s", self._effect.source().toLocalFile())
            self.finished.emit()

    def _playing_changed(self) -> None:
        if self._started and not self._effect.isPlaying():
            self._started = False
            self.finished.emit()


class ChimeOnlyBackend(VoiceBackend):
    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._player = SoundPlayer(self)
        self._player.finished.connect(self.finished)

    def chime(self) -> None:
        self._player.play(self._root / CHIME_FILE)

    def say(self, announcement: Announcement, language: str) -> None:
        raise ValueError(f"the chime-only backend cannot say {announcement} in {language}")

    def play(self, path: Path) -> None:
        self._player.play(path)


class ClipBackend(ChimeOnlyBackend):
    """Sentences joined from recorded (or synthesised) words of the clip pack."""

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(root, parent)
        self._languages = tuple(lang for lang in ("zh", "en") if not missing_clips(root, lang))
        self._scratch = QTemporaryDir()  # removed with the backend
        self._turn = 0

    def languages(self) -> tuple[str, ...]:
        return self._languages

    def say(self, announcement: Announcement, language: str) -> None:
        names = zh_clips(announcement) if language == "zh" else en_clips(announcement)
        # Two files in turn: QSoundEffect may still hold the previous one open.
        self._turn ^= 1
        target = Path(self._scratch.path()) / f"call-{self._turn}.wav"
        join_wavs([clip_file(self._root, language, n) for n in names], target)
        self.play(target)


class TtsBackend(ChimeOnlyBackend):
    """Qt's text-to-speech (speech-dispatcher on Linux, SAPI/WinRT on Windows)."""

    def __init__(self, root: Path, engine: object, parent: QObject | None = None) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - optional module

        super().__init__(root, parent)
        assert isinstance(engine, QTextToSpeech)
        self._tts = engine
        self._tts.setParent(self)
        locales = self._tts.availableLocales()
        self._locales = {
            lang: next((loc for loc in locales if loc.language() == qt_lang), None)
            for lang, qt_lang in (
                ("zh", QLocale.Language.Chinese),
                ("en", QLocale.Language.English),
            )
        }
        self._speaking = False
        self._tts.stateChanged.connect(self._state_changed)

    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, loc in self._locales.items() if loc is not None)

    def say(self, announcement: Announcement, language: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415

        locale = self._locales.get(language)
        assert locale is not None
        self._tts.setLocale(locale)
        self._speaking = True
        text = zh_text(announcement) if language == "zh" else en_text(announcement)
        self._tts.say(text)
        if self._tts.state() == QTextToSpeech.State.Error:
            self._state_changed(QTextToSpeech.State.Error)

    def _state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415

        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._speaking = False
            self.finished.emit()


def mandarin_tts() -> object | None:
    """A text-to-speech engine with a Chinese voice, or None (Qt's test engine never counts)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415
    except ImportError:
        return None
    for name in QTextToSpeech.availableEngines():
        if name == "mock":
            continue
        engine = QTextToSpeech(name)
        if engine.state() != QTextToSpeech.State.Error and any(
            loc.language() == QLocale.Language.Chinese for loc in engine.availableLocales()
        ):
            log.info("voice: text-to-speech engine %s", name)
            return engine
        engine.deleteLater()
    return None


def choose_backend(root: Path, mode: str = "auto", parent: QObject | None = None) -> VoiceBackend:
    """``mode``: "auto" (TTS, else clips, else chime), "tts", "clips" or "chime"."""
    if mode in ("auto", "tts"):
        engine = mandarin_tts()
        if engine is not None:
            return TtsBackend(root, engine, parent)
    if mode in ("auto", "tts", "clips") and not missing_clips(root, "zh"):
        log.info("voice: clip pack in %s", root)
        return ClipBackend(root, parent)
    log.warning("voice: no Mandarin voice and no complete clip pack in %s; chime only", root)
    return ChimeOnlyBackend(root, parent)
