"""Thermal ticket printers over TCP 9100, USB or a serial port (python-escpos transports).

Only the transports are python-escpos's: the bytes are built in ``printing.escpos``. A
printer that cannot be reached fails the job as ``offline`` (nothing printed). Once bytes have
gone out the outcome is the printer's to tell: after the job it is asked its real-time status
(DLE EOT, ``printing.escpos_status``), and the job is printed only when the answer names no
problem. A connection that breaks (a printer that resets after reading part of the job), a
printer that does not answer within ``status_timeout_s`` and one that reports paper out, an
open cover, offline or an error all raise a :class:`PrintError` whose reason is
``paper_uncertain``: the job is unconfirmed and someone looks at the paper. A printer
configured without status support (``status_timeout_s`` None) is taken at its transport's word.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import Any

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Network, Serial, Usb

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob, check_format
from printing.escpos_status import QUERIES, STATUS_QUERY, NotAStatus, PrinterStatus, decode

log = logging.getLogger(__name__)
Device = Any  # an escpos.escpos.Escpos transport with open(), _raw() and close()
# Bytes the printer sent within the time given (b"" if none); OSError when the link broke.
ReadSome = Callable[[Device, float], bytes]


class ClosingNetwork(Network):  # type: ignore[misc]  # python-escpos is untyped
    """python-escpos's TCP transport, opened with ``socket.create_connection``.

    Workaround: python-escpos 3.1 ``Network.open`` drops the socket of a refused connection
    without closing it (a ResourceWarning per offline attempt, a descriptor until collected).
    """

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            connection = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            self.device = None
            if not raise_not_found:
                log.info("network printer %s not found: %s", self.host, exc)
                return
            raise DeviceNotFoundError(f"Could not open socket for {self.host}:\n{exc}") from exc
        self.device = connection


def read_network(device: Device, timeout_s: float) -> bytes:
    sock: socket.socket = device.device
    sock.settimeout(timeout_s)
    try:
        data = sock.recv(16)
    except TimeoutError:
        return b""
    if not data:
        raise ConnectionAbortedError("the printer closed the connection")
    return data


def read_serial(device: Device, timeout_s: float) -> bytes:
    device.device.timeout = timeout_s
    return bytes(device.device.read(16))


def read_usb(device: Device, timeout_s: float) -> bytes:
    import usb.core  # type: ignore[import-untyped]  # noqa: PLC0415 - pyusb is untyped, loaded for USB only

    try:
        return bytes(device.device.read(device.in_ep, 64, max(1, round(timeout_s * 1000))))
    except usb.core.USBTimeoutError:
        return b""


class EscposPrinter:
    format = PayloadFormat.ESCPOS

    def __init__(
        self,
        name: str,
        where: str,
        make_device: Callable[[], Device],
        read_some: ReadSome,
        status_timeout_s: float | None = 3.0,
    ) -> None:
        self._name = name
        self.where = where
        self._make_device = make_device
        self._read_some = read_some
        self.status_timeout_s = status_timeout_s  # None: the printer does not answer DLE EOT

    @property
    def name(self) -> str:
        return self._name

    def send(self, job: PrintJob) -> PrinterStatus | None:
        check_format(self, job)
        try:
            device = self._make_device()
            device.open()
        except DeviceNotFoundError as exc:
            detail = str(exc).strip().splitlines()[-1]
            raise PrintError(
                FailureReason.OFFLINE,
                f"ticket printer {self.name} ({self.where}) is offline: {detail}",
            ) from None
        except Exception as exc:  # noqa: BLE001 - pyusb/pyserial raise their own kinds
            raise PrintError(
                FailureReason.OFFLINE,
                f"ticket printer {self.name} ({self.where}) is offline: {exc}",
            ) from None
        try:
            for _ in range(job.copies):
                device._raw(job.payload)
            return None if self.status_timeout_s is None else self._status(device)
        except (OSError, ValueError) as exc:
            raise PrintError(
                FailureReason.INTERRUPTED,
                f"ticket printer {self.name} ({self.where}) lost the connection mid-job: {exc}",
            ) from None
        finally:
            try:
                device.close()
            except OSError as exc:
                log.info("closing ticket printer %s: %s", self.name, exc)

    def _status(self, device: Device) -> PrinterStatus:
        """Ask DLE EOT 1–4 and read the four answers; raises PrintError unless all is well."""
        timeout = self.status_timeout_s or 0.0
        device._raw(STATUS_QUERY)
        answers = bytearray()
        deadline = time.monotonic() + timeout
        while len(answers) < len(QUERIES) and (left := deadline - time.monotonic()) > 0:
            answers += self._read_some(device, left)
        here = f"ticket printer {self.name} ({self.where})"
        if len(answers) < len(QUERIES):
            raise PrintError(
                FailureReason.NO_STATUS,
                f"{here} took the job but did not answer the status query in {timeout:g} s",
            )
        try:
            status = decode(bytes(answers[: len(QUERIES)]))
        except NotAStatus as exc:
            raise PrintError(FailureReason.NO_STATUS, f"{here}: {exc}") from None
        if not status.ok:
            problems = ", ".join(sorted(status.problems))
            raise PrintError(
                FailureReason.PRINTER_PROBLEM, f"{here} reports {problems}", status=status
            )
        return status


def network_printer(
    name: str,
    host: str,
    port: int = 9100,
    timeout_s: float = 10.0,
    status_timeout_s: float | None = 3.0,
) -> EscposPrinter:
    return EscposPrinter(
        name,
        f"{host}:{port}",
        lambda: ClosingNetwork(host, port, timeout=timeout_s),
        read_network,
        status_timeout_s,
    )


def usb_printer(
    name: str,
    vendor: int,
    product: int,
    timeout_s: float = 10.0,
    status_timeout_s: float | None = 3.0,
) -> EscposPrinter:
    where = f"USB {vendor:04x}:{product:04x}"
    return EscposPrinter(
        name,
        where,
        lambda: Usb(vendor, product, timeout=int(timeout_s * 1000)),
        read_usb,
        status_timeout_s,
    )


def serial_printer(
    name: str,
    device: str,
    baudrate: int = 9600,
    timeout_s: float = 10.0,
    status_timeout_s: float | None = 3.0,
) -> EscposPrinter:
    return EscposPrinter(
        name,
        device,
        lambda: Serial(device, baudrate=baudrate, timeout=timeout_s, dsrdtr=False),
        read_serial,
        status_timeout_s,
    )
