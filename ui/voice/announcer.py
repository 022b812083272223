"""Calls are announced one at a time, in the order they were made, never over each other.

:class:`Announcer` is a small state machine driven by its backend's ``finished`` signal: each
announcement is a list of steps (chime, the sentence in each language the backend speaks, the
sentences once more); the next step starts only when the backend reports the last one done.
It never sleeps. A watchdog moves on if a backend never reports (a stuck audio device), so one
bad call cannot silence the hall for the rest of the day.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ui.voice.phrases import Announcement

log = logging.getLogger(__name__)

STEP_TIMEOUT_MS = 15_000
REPEATS = 2  # the sentence is said twice ("repeated once")


class VoiceBackend(QObject):
    """Plays one sound at a time and emits :attr:`finished` when it is over."""

    finished = Signal()

    def languages(self) -> tuple[str, ...]:
        """The languages it can say a call in ("zh", "en"); empty: the chime alone."""
        return ()

    def chime(self) -> None:
        raise NotImplementedError

    def say(self, announcement: Announcement, language: str) -> None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Step:
    kind: str  # "chime" or "say"
    language: str = ""


def steps_for(languages: tuple[str, ...], *, english: bool) -> list[Step]:
    spoken = [Step("say", lang) for lang in languages if english or lang != "en"]
    return [Step("chime"), *(spoken * REPEATS)]


class Announcer(QObject):
    started = Signal(object)  # Announcement, when its chime begins
    done = Signal(object)  # Announcement, when its last step ended
    idle = Signal()  # nothing left to say

    def __init__(
        self,
        backend: VoiceBackend,
        *,
        english: bool = True,
        step_timeout_ms: int = STEP_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._english = english
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._steps: deque[Step] = deque()
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(step_timeout_ms)
        self._watchdog.timeout.connect(self._stuck)
        backend.finished.connect(self._step_done)

    @property
    def backend(self) -> VoiceBackend:
        return self._backend

    @property
    def busy(self) -> bool:
        return self._current is not None

    def pending(self) -> tuple[Announcement, ...]:
        return tuple(self._queue)

    def announce(self, announcement: Announcement) -> None:
        """Queue a call; the same call already waiting is not queued twice."""
        if announcement in self._queue:
            return
        self._queue.append(announcement)
        if self._current is None:
            self._begin_next()

    def clear(self) -> None:
        """Forget calls not yet begun (the one being said finishes)."""
        self._queue.clear()

    def _begin_next(self) -> None:
        if not self._queue:
            self._current = None
            self.idle.emit()
            return
        self._current = self._queue.popleft()
        self._steps = deque(steps_for(self._backend.languages(), english=self._english))
        self.started.emit(self._current)
        self._run_step()

    def _run_step(self) -> None:
        assert self._current is not None
        if not self._steps:
            finished, self._current = self._current, None
            self.done.emit(finished)
            self._begin_next()
            return
        step = self._steps.popleft()
        self._watchdog.start()
        if step.kind == "chime":
            self._backend.chime()
        else:
            self._backend.say(self._current, step.language)

    def _step_done(self) -> None:
        if self._current is None:
            return  # a late report after the watchdog moved on
        self._watchdog.stop()
        self._run_step()

    def _stuck(self) -> None:
        log.warning(
            "voice output did not finish within %d ms; moving on", self._watchdog.interval()
        )
        self._run_step()
