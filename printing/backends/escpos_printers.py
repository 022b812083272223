"""Thermal ticket printers over TCP 9100, USB or a serial port (python-escpos transports).

Only the transports are python-escpos's: the bytes are built in ``printing.escpos``. A
printer that cannot be reached fails the job as ``offline``; one whose connection breaks
while the bytes go out fails it as ``interrupted``, and the job can be sent again.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Network, Serial, Usb

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob, check_format

log = logging.getLogger(__name__)
Device = Any  # an escpos.escpos.Escpos transport with open(), _raw() and close()


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


class EscposPrinter:
    format = PayloadFormat.ESCPOS

    def __init__(self, name: str, where: str, make_device: Callable[[], Device]) -> None:
        self._name = name
        self.where = where
        self._make_device = make_device

    @property
    def name(self) -> str:
        return self._name

    def send(self, job: PrintJob) -> None:
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


def network_printer(
    name: str, host: str, port: int = 9100, timeout_s: float = 10.0
) -> EscposPrinter:
    return EscposPrinter(
        name, f"{host}:{port}", lambda: ClosingNetwork(host, port, timeout=timeout_s)
    )


def usb_printer(name: str, vendor: int, product: int, timeout_s: float = 10.0) -> EscposPrinter:
    where = f"USB {vendor:04x}:{product:04x}"
    return EscposPrinter(name, where, lambda: Usb(vendor, product, timeout=int(timeout_s * 1000)))


def serial_printer(
    name: str, device: str, baudrate: int = 9600, timeout_s: float = 10.0
) -> EscposPrinter:
    return EscposPrinter(
        name, device, lambda: Serial(device, baudrate=baudrate, timeout=timeout_s, dsrdtr=False)
    )
