"""Log handlers for the desktop app, set up once in :func:`ui.app.run_app` (STYLE rule 7).

The file rotates in the platform's log directory so a counter PC never fills its disk; Qt's own
messages go to the same log instead of a console nobody reads.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from clerk_app.settings import APP_NAME
from onewindow_base import logsafety

LOG_FILE = "clerk-app.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def _forward_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category else ""
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def _keep_console_level(root: logging.Logger) -> None:
    """The file wants INFO; the console keeps the level ``-v`` chose for it."""
    for handler in root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(root.getEffectiveLevel())


def setup_logging(directory: Path | None = None) -> Path:
    """Add the rotating file handler (once) and route Qt's messages into logging."""
    folder = directory or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        _keep_console_level(root)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
        root.setLevel(min(root.getEffectiveLevel(), logging.INFO))
    logsafety.install(root)  # the file handler and the console one from main()
    qInstallMessageHandler(_forward_qt_message)
    return path
