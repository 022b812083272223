"""Which printers a PC has and which one prints what, read from the ``[printers.NAME]`` and
``[printing.routes]`` tables of the config file (see README, "Printing").

A route key is ``ROLE.KIND`` (``kiosk.ticket``, ``window.receipt``), ``ROLE.*`` or ``*``;
the most specific match wins. Roles are ``kiosk`` (the ticket machine) and ``window`` (a
counter PC). Without any configuration everything goes to the system's default printer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from printing.backends.base import PayloadFormat, Printer
from printing.backends.cups import CupsPrinter
from printing.backends.files import FilePrinter
from printing.escpos import EscposMode, EscposOptions, QrMode, TextEncoding
from printing.render.ticket import Paper


class PrinterKind(StrEnum):
    SYSTEM = "system"  # CUPS lp (Linux); the Qt path on Windows (ui.printing)
    ESCPOS_NETWORK = "escpos-network"
    ESCPOS_USB = "escpos-usb"
    ESCPOS_SERIAL = "escpos-serial"
    FILE = "file"


@dataclass(frozen=True)
class PrinterConfig:
    name: str
    kind: PrinterKind = PrinterKind.SYSTEM
    queue: str | None = None  # system printer name; None: the default printer
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    directory: str = ""
    file_format: PayloadFormat = PayloadFormat.PDF
    timeout_s: float = 10.0
    status: bool = True  # a ticket printer answers ESC/POS real-time status (DLE EOT)
    status_timeout_s: float = 3.0  # its answer after a job; none in time: the job is unconfirmed
    escpos: EscposOptions = field(default_factory=EscposOptions)

    @property
    def status_wait_s(self) -> float | None:
        """How long a ticket printer's status answer is awaited; None: it is not asked."""
        return self.status_timeout_s if self.status else None

    @property
    def payload_format(self) -> PayloadFormat:
        if self.kind is PrinterKind.FILE:
            return self.file_format
        return PayloadFormat.PDF if self.kind is PrinterKind.SYSTEM else PayloadFormat.ESCPOS


DEFAULT_PRINTER = PrinterConfig("default")


@dataclass(frozen=True)
class PrintRoutes:
    routes: tuple[tuple[str, str], ...] = (("*", DEFAULT_PRINTER.name),)

    def printer_for(self, role: str, kind: str) -> str | None:
        table = dict(self.routes)
        for key in (f"{role}.{kind}", f"{role}.*", "*"):
            if key in table:
                return table[key]
        return None


SystemFactory = Callable[[PrinterConfig], Printer]


def build_printer(config: PrinterConfig, system: SystemFactory | None = None) -> Printer:
    """The backend for a configured printer; ``system`` overrides the system printer (the
    desktop app passes its Qt printer on Windows)."""
    if config.kind is PrinterKind.SYSTEM:
        return system(config) if system else CupsPrinter(config.name, config.queue)
    # python-escpos loads its printer capability database on import (~0.15 s of every start).
    from printing.backends.escpos_printers import (  # noqa: PLC0415
        network_printer,
        serial_printer,
        usb_printer,
    )

    wait = config.status_wait_s
    if config.kind is PrinterKind.ESCPOS_NETWORK:
        return network_printer(config.name, config.host, config.port, config.timeout_s, wait)
    if config.kind is PrinterKind.ESCPOS_USB:
        return usb_printer(
            config.name, config.usb_vendor, config.usb_product, config.timeout_s, wait
        )
    if config.kind is PrinterKind.ESCPOS_SERIAL:
        return serial_printer(
            config.name, config.serial_device, config.baudrate, config.timeout_s, wait
        )
    return FilePrinter(config.name, Path(config.directory), config.file_format)


# ---------------------------------------------------------------------------- config file
_TYPES: dict[str, type | tuple[type, ...]] = {
    "kind": str, "queue": str, "host": str, "port": int, "usb_vendor": int, "usb_product": int,
    "serial_device": str, "baudrate": int, "directory": str, "file_format": str,
    "timeout_s": (int, float), "status": bool, "status_timeout_s": (int, float), "paper": int,
    "mode": str, "encoding": str, "chinese_mode": bool, "qr": str,
}  # fmt: skip


def _choice(enum: Any, value: object, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(repr(e.value) for e in enum)
        raise ValueError(f"{where} must be one of {allowed}, not {value!r}") from None


def printer_from_table(name: str, table: Mapping[str, object]) -> PrinterConfig:
    """One ``[printers.NAME]`` table; raises ValueError with the offending key."""
    where = f"printers.{name}"
    for key, value in table.items():
        expected = _TYPES.get(key)
        if expected is None:
            raise ValueError(f"{where}.{key} is not a printer setting ({', '.join(_TYPES)})")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ValueError(f"{where}.{key} has the wrong type: {value!r}")
    t: dict[str, Any] = dict(table)
    kind = _choice(PrinterKind, t.pop("kind", "system"), f"{where}.kind")
    required = {
        PrinterKind.ESCPOS_NETWORK: "host",
        PrinterKind.ESCPOS_USB: "usb_vendor",
        PrinterKind.ESCPOS_SERIAL: "serial_device",
        PrinterKind.FILE: "directory",
    }.get(kind)
    if required and required not in t:
        raise ValueError(f"{where}: a {kind.value} printer needs {required}")
    escpos = EscposOptions(
        paper=_choice(Paper, t.pop("paper", 80), f"{where}.paper"),
        mode=_choice(EscposMode, t.pop("mode", "text"), f"{where}.mode"),
        encoding=_choice(TextEncoding, t.pop("encoding", "gb18030"), f"{where}.encoding"),
        chinese_mode=t.pop("chinese_mode", True),
        qr=_choice(QrMode, t.pop("qr", "native"), f"{where}.qr"),
    )
    if "file_format" in t:
        t["file_format"] = _choice(PayloadFormat, t["file_format"], f"{where}.file_format")
    for seconds in ("timeout_s", "status_timeout_s"):
        if seconds in t:
            t[seconds] = float(t[seconds])
            if t[seconds] <= 0:
                raise ValueError(f"{where}.{seconds} must be more than 0 seconds")
    return PrinterConfig(name=name, kind=kind, escpos=escpos, **t)


def routes_from_table(table: Mapping[str, object], printers: set[str]) -> PrintRoutes:
    routes = []
    for key, value in table.items():
        if not isinstance(value, str):
            raise ValueError(f"printing.routes.{key} must name a printer, not {value!r}")
        if value not in printers:
            raise ValueError(f"printing.routes.{key} names {value!r}, which is not a [printers.…]")
        routes.append((key, value))
    return PrintRoutes(tuple(routes)) if routes else PrintRoutes()
