"""Which system printer backend the desktop app hands the composition root
(``build_services(system_printer=…)``): the Qt path (``ui.printing.qt_printer``) on Windows,
where there is no ``lp``; None elsewhere (CUPS ``lp`` prints PDFs as they are).

This module is light on purpose: every mode passes it at start, and the Qt print path (Qt
Print Support, PDFium, Pillow) is loaded only when a job first goes to a system printer.
"""

from __future__ import annotations

import sys

from printing.backends.base import Printer
from printing.config import SystemFactory, SystemPrinterConfig


def qt_system_printer(config: SystemPrinterConfig) -> Printer:
    from ui.printing.qt_printer import QtPrinter  # noqa: PLC0415 - see the docstring

    return QtPrinter.from_config(config)


def system_printer_factory(platform: str = sys.platform) -> SystemFactory | None:
    return qt_system_printer if platform == "win32" else None
