"""Test doubles behind the real interfaces: a voice backend and a ticket printer."""

from __future__ import annotations

from printing.documents import QueueTicketDoc
from ui.kiosk.printer import TicketPrintFailed
from ui.voice.announcer import VoiceBackend
from ui.voice.phrases import Announcement


class FakeVoice(VoiceBackend):
    """Records what it is asked to play; finishes only when the test says so (or at once)."""

    def __init__(self, languages: tuple[str, ...] = ("zh", "en"), *, instant: bool = False) -> None:
        super().__init__()
        self._languages = languages
        self.instant = instant
        self.log: list[str] = []
        self.playing = False
        self.overlaps = 0

    def languages(self) -> tuple[str, ...]:
        return self._languages

    def _begin(self, what: str) -> None:
        if self.playing:
            self.overlaps += 1
        self.playing = True
        self.log.append(what)
        if self.instant:
            self.complete()

    def chime(self) -> None:
        self._begin("chime")

    def say(self, announcement: Announcement, language: str) -> None:
        self._begin(f"{language}:{announcement.number}@{announcement.window}")

    def complete(self) -> None:
        """The sound being played has ended."""
        assert self.playing
        self.playing = False
        self.finished.emit()


class FakePrinter:
    """A ticket printer that keeps what it printed and fails while told to."""

    def __init__(self) -> None:
        self.printed: list[QueueTicketDoc] = []
        self.fail_with: str | None = None

    def print_ticket(self, ticket: QueueTicketDoc, ticket_id: int) -> None:
        del ticket_id
        if self.fail_with is not None:
            raise TicketPrintFailed(self.fail_with)
        self.printed.append(ticket)
