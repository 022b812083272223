"""An operational failure (a full disk, a damaged, locked or unreachable database, a missing key
file) in a window: its one translated line, logged once without a traceback.

The text comes from the core's catalogue (:mod:`onewindow_base.failures`), in both languages, so
the command line and the app say the same thing; anything else is a bug, left to the caller
to log with its traceback.
"""

from __future__ import annotations

import logging

from onewindow_base.failures import Surroundings, explain
from onewindow_base.wording import Language
from ui.i18n import ui_language

log = logging.getLogger(__name__)


def failure_text(exc: BaseException, database: str) -> str | None:
    """The clerk's line for ``exc`` if it is an operational failure, else None."""
    failure = explain(exc, Surroundings(database=database))
    if failure is None:
        return None
    log.error("%s", failure.message(Language.EN))  # the log file's language is English
    return failure.message(ui_language())
