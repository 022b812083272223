"""A security module on a pseudo-terminal, byte for byte, for the reader's tests.

The driver opens ``sim.port`` (the pty's slave) with pyserial as it would a USB-serial reader;
the simulator answers on the master side in its own thread, as the scenario says. Given a
``baud`` rate, it paces its replies as a serial line at that rate would (10 bits a byte: a start
bit, 8 data bits, a stop bit), so a 1,295-byte base-information reply takes ~0.11 s at 115,200;
without one it answers at once (the tests).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import fcntl
import os
import select
import termios
import threading
import time
import tty
from types import TracebackType

from clerk_app.devices.idcard.card import CardData, CardKind, encode_text_block
from clerk_app.devices.idcard.protocol import (
    PHOTO_LENGTH,
    BaseInfo,
    Command,
    FrameParser,
    Reply,
    Request,
    Status,
)

# A realistic resident card (the ID number is the GB 11643 standard's own example).
RESIDENT = CardData(
    kind=CardKind.RESIDENT,
    name="张三丰",
    sex="1",
    ethnicity="01",
    birth_date=dt.date(1949, 12, 31),
    address="北京市东城区景山前街4号",
    id_number="11010519491231002X",
    authority="北京市公安局东城分局",
    valid_from=dt.date(2019, 3, 1),
    valid_to=None,
    photo=bytes(range(256)) * 4,
)
TODAY = dt.date(2026, 12, 7)
CHUNK = 7
BITS_PER_BYTE = 10  # 8N1: start, eight data bits, stop
PACE_CHUNK = 64  # a paced reply is written in pieces of this many bytes, each on time
GARBAGE = b"\x00\xff\xaa\xaa\x13"  # line noise, even a partial preamble, before the reply


class Scenario(enum.Enum):
    CARD_PRESENT = "card_present"
    NO_CARD = "no_card"
    REMOVED_AT_SELECT = "removed_at_select"
    REMOVED_AT_READ = "removed_at_read"
    BAD_CHECKSUM = "bad_checksum"
    PARTIAL_FRAMES = "partial_frames"  # noise, then the replies in 7-byte pieces with pauses
    SILENT = "silent"
    VANISHES = "vanishes"  # the master closes when read-base arrives: the reader is unplugged
    UNKNOWN_STATUS = "unknown_status"


class ModuleSimulator:
    def __init__(
        self, scenario: Scenario, text: bytes | None = None, *, baud: int | None = None
    ) -> None:
        self.scenario = scenario
        self.baud = baud
        self.text = encode_text_block(RESIDENT) if text is None else text
        self.photo = RESIDENT.photo or bytes(PHOTO_LENGTH)
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no CR/LF translation: a plain byte pipe
        self.port = os.ttyname(self._slave)
        self.requests: list[Command] = []
        self.vanished = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> ModuleSimulator:
        self._thread.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._close()

    def _close(self) -> None:
        with self._lock:  # once: a closed descriptor's number may be reused at once
            if self._closed:
                return
            self._closed = True
            os.close(self._master)
            os.close(self._slave)

    def _serve(self) -> None:
        parser = FrameParser()
        while not self._stop.is_set() and not self.vanished.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.02)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 4096)
            except OSError:
                return
            for found in parser.feed(chunk):
                request = Request.decode(found.body)
                if not found.checksum_ok:
                    self._send(Reply.of(Status.CHECKSUM_ERROR).encode())
                    continue
                if request is None:
                    self._send(Reply.of(Status.UNKNOWN_COMMAND).encode())
                    continue
                self.requests.append(request.command)
                self._answer(request.command)

    def _answer(self, command: Command) -> None:
        s = self.scenario
        if s is Scenario.SILENT:
            return
        if s is Scenario.VANISHES and command is Command.READ_BASE:
            self.vanished.set()
            self._close()
            return
        reply = self._reply(command)
        wire = reply.encode()
        if s is Scenario.BAD_CHECKSUM and command is Command.READ_BASE:
            wire = wire[:-1] + bytes([wire[-1] ^ 0xFF])
        if s is Scenario.PARTIAL_FRAMES:
            self._send(GARBAGE)
            for at in range(0, len(wire), CHUNK):
                self._send(wire[at : at + CHUNK])
                self._wait_taken()  # the driver read this piece alone: a partial frame
            return
        self._send(wire)

    def _reply(self, command: Command) -> Reply:
        s = self.scenario
        if command is Command.FIND_CARD:
            if s is Scenario.NO_CARD:
                return Reply.of(Status.FIND_FAILED)
            return Reply.of(Status.CARD_FOUND, bytes(4))
        if command is Command.SELECT_CARD:
            if s is Scenario.REMOVED_AT_SELECT:
                return Reply(0x6A, 0x82, Status.SELECT_FAILED)  # SW1 SW2 forwarded, SW3 rules
            return Reply.of(Status.SUCCESS, bytes(8))
        if s is Scenario.REMOVED_AT_READ:
            return Reply.of(Status.READ_FAILED)
        if s is Scenario.UNKNOWN_STATUS:
            return Reply(0, 0, 0x66)  # "reader not authorised": not one the driver knows
        return Reply.of(Status.SUCCESS, BaseInfo(self.text, self.photo).encode())

    def _wait_taken(self) -> None:
        """Until the driver has read everything sent so far (nothing left on its side of the
        pty), or the test ends."""
        waiting = bytearray(4)
        while not self._stop.is_set():
            try:
                fcntl.ioctl(self._slave, termios.FIONREAD, waiting)
            except OSError:
                return  # closed: the port is gone
            if int.from_bytes(waiting, "little") == 0:
                return
            self._stop.wait(0.0005)

    def _send(self, data: bytes) -> None:
        if self.baud is None:
            with contextlib.suppress(OSError):
                os.write(self._master, data)
            return
        started = time.monotonic()
        for at in range(0, len(data), PACE_CHUNK):
            piece = data[at : at + PACE_CHUNK]
            # each piece is out when its last bit would have left the wire (the line's own
            # time, not a wait for anything); a test that ends meanwhile stops the reply
            due = started + (at + len(piece)) * BITS_PER_BYTE / self.baud
            if self._stop.wait(max(0.0, due - time.monotonic())):
                return
            with contextlib.suppress(OSError):
                os.write(self._master, piece)
