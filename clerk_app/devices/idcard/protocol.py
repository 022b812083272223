"""The security module's serial frame protocol (the SAM of every second-generation reader).

Sources agree on this (softs.im "身份证阅读器通信协议", an excerpt of the Ministry's
"身份证阅读器接口使用说明"; Yangyuanxin/BearPi ``IDReader.h``; the replies quoted on softs.im
``nfc读取身份证``, e.g. ``AA AA AA 96 69 00 04 00 00 41 45``):

* request: preamble ``AA AA AA 96 69``, a 2-byte big-endian length of what follows it
  (command, parameter, data, checksum), the command and parameter bytes, the data, and one
  checksum byte: the XOR of every byte after the preamble up to the last data byte (the length
  bytes included);
* reply: the same preamble, the 2-byte length (status, data, checksum), SW1 SW2 (the card's
  APDU status, forwarded) and SW3 (the module's own status), the data, the XOR checksum.

Where SW1/SW2 are not zero (the Ministry's table gives ``XX XX 41`` and ``XX XX 81``) the
module's verdict is SW3 alone, so a status is classified by SW3 and the first two are kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import reduce

PREAMBLE = bytes.fromhex("AAAAAA9669")
LENGTH_BYTES = 2
# The longest reply is read-base's: 3 status + 4 lengths + 256 text + 1024 photo + checksum;
# read-base-with-fingerprints adds 1024. Anything longer is garbage, not a frame.
MAX_LENGTH = 3 + 4 + 256 + 1024 + 1024 + 1
TEXT_LENGTH = 256
PHOTO_LENGTH = 1024


def checksum(data: bytes) -> int:
    """XOR of every byte (the length bytes through the last data byte)."""
    return reduce(lambda a, b: a ^ b, data, 0)


def frame(body: bytes) -> bytes:
    """Preamble, length, ``body`` and its checksum: the one way both directions are framed."""
    length = (len(body) + 1).to_bytes(LENGTH_BYTES, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


class Command(enum.Enum):
    """Command and parameter byte of each request the driver sends."""

    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_BASE = (0x30, 0x01)

    @classmethod
    def from_bytes(cls, cmd: int, para: int) -> Command | None:
        return next((c for c in cls if c.value == (cmd, para)), None)


class Status(enum.IntEnum):
    """SW3, the module's own verdict."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    FIND_FAILED = 0x80  # no card on the reader
    SELECT_FAILED = 0x81
    READ_FAILED = 0x41
    CHECKSUM_ERROR = 0x10  # the module got a request with a bad checksum
    LENGTH_ERROR = 0x11
    UNKNOWN_COMMAND = 0x21


@dataclass(frozen=True, slots=True)
class Request:
    command: Command
    data: bytes = b""

    def encode(self) -> bytes:
        return frame(bytes(self.command.value) + self.data)

    @classmethod
    def decode(cls, body: bytes) -> Request | None:
        """The request a frame's body holds, or None for an unknown command."""
        if len(body) < 2:
            return None
        command = Command.from_bytes(body[0], body[1])
        return None if command is None else cls(command, body[2:])


@dataclass(frozen=True, slots=True)
class Reply:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = field(default=b"", repr=False)  # a card's data: never in a repr or log

    @classmethod
    def of(cls, status: Status, data: bytes = b"") -> Reply:
        return cls(0, 0, int(status), data)

    @property
    def status(self) -> Status | None:
        """SW3 as a known status, or None (see :attr:`status_text`)."""
        try:
            return Status(self.sw3)
        except ValueError:
            return None

    @property
    def status_text(self) -> str:
        """``00 00 9F``: the three status bytes as the manuals print them."""
        return bytes((self.sw1, self.sw2, self.sw3)).hex(" ").upper()

    def encode(self) -> bytes:
        return frame(bytes((self.sw1, self.sw2, self.sw3)) + self.data)

    @classmethod
    def decode(cls, body: bytes) -> Reply | None:
        if len(body) < 3:
            return None
        return cls(body[0], body[1], body[2], body[3:])


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame found on the line: its body (length and checksum removed)."""

    body: bytes = field(repr=False)
    checksum_ok: bool


class ParserState(enum.Enum):
    PREAMBLE = "preamble"  # looking for AA AA AA 96 69
    LENGTH = "length"
    BODY = "body"


class FrameParser:
    """Takes bytes as they arrive, in any chunks, and hands out whole frames.

    Bytes before a preamble are dropped, and so is a frame whose length is impossible (the
    search starts again one byte after its preamble). A frame whose checksum does not match is
    handed out with ``checksum_ok=False``: the caller decides (the reader reports it).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.state = ParserState.PREAMBLE
        self._length = 0

    def feed(self, chunk: bytes) -> list[Frame]:
        """The frames ``chunk`` completes, in order (often none)."""
        self._buffer += chunk
        frames: list[Frame] = []
        while (found := self._step()) is not None:
            if isinstance(found, Frame):
                frames.append(found)
        return frames

    def _step(self) -> Frame | bool | None:
        """One transition: a frame, True when the state moved, None when bytes are missing."""
        if self.state is ParserState.PREAMBLE:
            return self._seek_preamble()
        if self.state is ParserState.LENGTH:
            return self._take_length()
        return self._take_body()

    def _seek_preamble(self) -> bool | None:
        at = self._buffer.find(PREAMBLE)
        if at < 0:
            # Keep a tail that may be the start of a preamble split across chunks.
            del self._buffer[: max(0, len(self._buffer) - (len(PREAMBLE) - 1))]
            return None
        del self._buffer[:at]
        self.state = ParserState.LENGTH
        return True

    def _take_length(self) -> bool | None:
        head = len(PREAMBLE) + LENGTH_BYTES
        if len(self._buffer) < head:
            return None
        self._length = int.from_bytes(self._buffer[len(PREAMBLE) : head], "big")
        if not 1 <= self._length <= MAX_LENGTH:
            del self._buffer[:1]  # not a frame after all: look again past this byte
            self.state = ParserState.PREAMBLE
        else:
            self.state = ParserState.BODY
        return True

    def _take_body(self) -> Frame | None:
        end = len(PREAMBLE) + LENGTH_BYTES + self._length
        if len(self._buffer) < end:
            return None
        checked = bytes(self._buffer[len(PREAMBLE) : end - 1])
        received = self._buffer[end - 1]
        del self._buffer[:end]
        self.state = ParserState.PREAMBLE
        return Frame(checked[LENGTH_BYTES:], checksum(checked) == received)


@dataclass(frozen=True, slots=True)
class BaseInfo:
    """Read-base's data: the 256-byte text block and the photo (WLT, kept opaque)."""

    text: bytes = field(repr=False)
    photo: bytes = field(repr=False)

    def encode(self) -> bytes:
        return (
            len(self.text).to_bytes(2, "big")
            + len(self.photo).to_bytes(2, "big")
            + self.text
            + self.photo
        )

    @classmethod
    def decode(cls, data: bytes) -> BaseInfo:
        """Raises ValueError when the lengths do not add up."""
        if len(data) < 4:
            raise ValueError(f"read-base data of {len(data)} bytes has no lengths")
        text_length = int.from_bytes(data[0:2], "big")
        photo_length = int.from_bytes(data[2:4], "big")
        if text_length != TEXT_LENGTH:
            raise ValueError(f"text length {text_length}, expected {TEXT_LENGTH}")
        if len(data) != 4 + text_length + photo_length:
            raise ValueError(
                f"read-base data of {len(data)} bytes, its lengths say "
                f"{4 + text_length + photo_length}"
            )
        return cls(data[4 : 4 + text_length], data[4 + text_length :])
