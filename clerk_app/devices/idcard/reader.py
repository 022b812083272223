"""Reading a card on a reader that speaks the security module's protocol over a serial port.

``read_card`` opens the port, asks the module to find the card, select it and read its base
information, and closes the port again (a reader unplugged between two reads is found out on
the next one). Each step waits at most ``timeout_s`` for its reply.

The second backend, the vendors' Windows SDK through ctypes, is :mod:`.sdk`.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterator
from typing import Protocol

import serial

from clerk_app.devices.idcard.card import CardData, decode_text_block
from clerk_app.devices.idcard.errors import (
    CardRemoved,
    ChecksumError,
    DeviceSilent,
    NoCard,
    PortGone,
    ProtocolError,
)
from clerk_app.devices.idcard.protocol import (
    BaseInfo,
    Command,
    FrameParser,
    Reply,
    Request,
    Status,
)
from clerk_app.devices.idcard.vendor import INTF_SERIAL, PhotoDecoder

# A port that vanished (a USB-serial reader unplugged) shows up as any of these; on POSIX
# pyserial's ``in_waiting`` lets termios' own error through, which is no OSError.
if sys.platform == "win32":
    PORT_ERRORS: tuple[type[BaseException], ...] = (serial.SerialException, OSError)
else:
    import termios

    PORT_ERRORS = (serial.SerialException, OSError, termios.error)

DEFAULT_BAUDRATE = 115200
DEFAULT_TIMEOUT_S = 3.0
POLL_S = 0.05  # the longest a single read of the port blocks

# What each step accepts as success, and what its failure means.
_ACCEPTED = {
    Command.FIND_CARD: {Status.CARD_FOUND, Status.SUCCESS},
    Command.SELECT_CARD: {Status.SUCCESS},
    Command.READ_BASE: {Status.SUCCESS},
}


class CardReader(Protocol):
    """Anything that reads one card on demand."""

    def read_card(self) -> CardData: ...


class IdCardReader:
    """The serial-port backend of :class:`CardReader`."""

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        *,
        today: Callable[[], dt.date],
        photo_decoder: str | None = None,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.timeout_s = timeout_s
        self.today = today
        # The vendor's WltRS GetBmp, where the hall installed one (clerk_app.devices.idcard.vendor)
        self._decoder = PhotoDecoder(photo_decoder, INTF_SERIAL) if photo_decoder else None

    def read_card(self) -> CardData:
        try:
            with serial.Serial(self.port, self.baudrate, timeout=POLL_S) as line:
                line.reset_input_buffer()
                self._ask(line, Command.FIND_CARD)
                self._ask(line, Command.SELECT_CARD)
                reply = self._ask(line, Command.READ_BASE)
        except PORT_ERRORS as exc:
            raise PortGone(self.port, _short(exc)) from exc
        try:
            info = BaseInfo.decode(reply.data)
        except ValueError as exc:
            raise ProtocolError(self.port, str(exc)) from None
        card = decode_text_block(info.text, info.photo or None, today=self.today())
        if info.photo and self._decoder is not None:
            bmp = self._decoder.decode(info.photo)
            if bmp is not None:
                card = card.model_copy(update={"photo_bmp": bmp})
        return card

    def _ask(self, line: serial.Serial, command: Command) -> Reply:
        line.write(Request(command).encode())
        line.flush()
        reply = self._reply(line)
        status = reply.status
        if status in _ACCEPTED[command]:
            return reply
        if status is Status.FIND_FAILED:
            raise NoCard(self.port)
        if status in (Status.SELECT_FAILED, Status.READ_FAILED):
            raise CardRemoved(self.port)
        if status is Status.CHECKSUM_ERROR:
            raise ChecksumError(self.port)
        name = "unknown status" if status is None else status.name.lower().replace("_", " ")
        raise ProtocolError(self.port, f"{name} {reply.status_text} to {command.name}")

    def _reply(self, line: serial.Serial) -> Reply:
        parser = FrameParser()
        for chunk in self._chunks(line):
            for found in parser.feed(chunk):
                if not found.checksum_ok:
                    raise ChecksumError(self.port)
                reply = Reply.decode(found.body)
                if reply is None:
                    raise ProtocolError(self.port, "a reply without its status bytes")
                return reply
        raise DeviceSilent(self.port, self.timeout_s)

    def _chunks(self, line: serial.Serial) -> Iterator[bytes]:
        """What arrives until the deadline (bytes already there first, then one at a time)."""
        deadline = time.monotonic() + self.timeout_s
        while time.monotonic() < deadline:
            chunk = line.read(max(1, line.in_waiting))
            if chunk:
                yield chunk


def _short(exc: BaseException) -> str:
    """The system's reason in a few words (pyserial prefixes its own, with the port)."""
    args = exc.args
    if len(args) == 2 and isinstance(args[0], int) and isinstance(args[1], str):
        return args[1]  # (errno, strerror): termios' and OSError's
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
