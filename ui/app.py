"""``clerk-app run``: the desktop app's main function."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clerk_app.settings import Settings
from ui.compat import broken_binding_message, drops_references
from ui.i18n import choose_language, install_translators
from ui.logs import setup_logging
from ui.signals import QuitOnSignals
from ui.startup import watch_startup
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.flow import ClerkFlow
    from ui.screens import ScreenFlow

log = logging.getLogger(__name__)

APP_NAME = "OneWindow"
EXIT_BROKEN_BINDING = 1
MIN_POINT_SIZE = 12  # counter PCs are read from arm's length


def run_app(url: str, settings: Settings, args: argparse.Namespace) -> int:
    """Set up logging, Qt and the translations, then hand over to :class:`ClerkFlow`."""
    log_file = setup_logging()
    if drops_references():
        log.critical("%s", broken_binding_message())  # on the console and in the log file
        return EXIT_BROKEN_BINDING
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    # Every window's end is handled explicitly (sign-in cancelled, main window closed, a fatal
    # message acknowledged), so the app never quits between two windows.
    app.setQuitOnLastWindowClosed(False)
    language = choose_language(args.lang, settings.language, QLocale.system())
    install_translators(app, language)  # parented to the app: they live as long as it
    font = app.font()
    font.setPointSize(max(font.pointSize(), MIN_POINT_SIZE))
    app.setFont(font)
    log.info("clerk app starting (language %s, log %s)", language, log_file)
    runner = TaskRunner()
    flow: ClerkFlow | ScreenFlow
    # Each mode loads only its own screens (a counter PC's start-up is the sign-in dialog).
    if args.mode in ("kiosk", "display", "rating"):
        from ui.screens import ScreenFlow  # noqa: PLC0415

        flow = ScreenFlow(app, runner, url, settings, args)
    else:  # clerk and supervisor: the sign-in dialog, then each role's own screen
        from ui.flow import ClerkFlow  # noqa: PLC0415

        flow = ClerkFlow(app, runner, url, settings, args)
    flow.start()
    if getattr(args, "measure_startup", False):
        watch_startup(app, args.mode)
    signals = QuitOnSignals(app)
    try:
        return signals.exit_code(app.exec())
    finally:
        flow.shutdown()
        signals.uninstall()
