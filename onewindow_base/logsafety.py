"""A last line of defence: ID numbers and mobile numbers masked in every log record.

The rule stays that personal data is never logged; this filter, installed on the root logger's
handlers in ``main()`` (CLI and GUI), masks anything that still looks like a resident ID number
or a mainland mobile number, in the message, its arguments, an exception's traceback and a
stack dump, before any handler writes it. Masks are those of printed documents:
``110105********002X`` and ``138****5678``.
"""

from __future__ import annotations

import logging
import re

# 18 characters (17 digits and a digit or X), also grouped 6-8-4 with spaces or hyphens;
# \d also matches full-width digits. A legacy 15-digit number is masked too.
_ID = re.compile(
    r"(?<![\dA-Za-z])(\d{6})[ -]?(\d{8})[ -]?(\d{3}[\dXxＸｘ])(?![\dA-Za-z])"
    r"|(?<![\dA-Za-z])(\d{6})(\d{5})(\d{4})(?![\dA-Za-z])"
)
# 1[3-9] and 9 digits, optionally after +86 / 0086 and grouped 3-4-4.
_MOBILE = re.compile(r"(?<![\d])((?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")


def _mask_id(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1) + "*" * 8 + match.group(3)[-4:]
    return match.group(4) + "*" * 5 + match.group(6)


def _mask_mobile(match: re.Match[str]) -> str:
    return (match.group(1) or "") + match.group(2) + "****" + match.group(4)


def mask_personal_data(text: str) -> str:
    return _MOBILE.sub(_mask_mobile, _ID.sub(_mask_id, text))


class PersonalDataFilter(logging.Filter):
    """Rewrites a record in place (every handler then sees the masked text); never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class RowDumpFilter(logging.Filter):
    """Drops SQLAlchemy's result-row dumps (``Row (...)``, logged at DEBUG): rows hold names.

    Statements stay loggable for a diagnosis; their values are hidden by the engines
    (``hide_parameters=True``), so SQL logging never shows what was stored or looked up.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith("Row "))


# Libraries whose INFO/DEBUG output is SQL, HTTP traffic or protocol detail: kept at WARNING
# unless a diagnosis raises them on purpose (the row filter and hidden parameters still hold).
QUIET_LIBRARIES = ("sqlalchemy.engine", "sqlalchemy.pool", "httpcore", "urllib3", "hpack")
SQL_ENGINE_LOGGER = "sqlalchemy.engine.Engine"


def install(logger: logging.Logger | None = None) -> None:
    """Add the filter to every handler of ``logger`` (the root logger) that lacks it, and make
    the libraries' own logs safe (see :data:`QUIET_LIBRARIES`)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
    for name in QUIET_LIBRARIES:
        library = logging.getLogger(name)
        if library.level == logging.NOTSET:
            library.setLevel(logging.WARNING)
    engine_log = logging.getLogger(SQL_ENGINE_LOGGER)
    if not any(isinstance(f, RowDumpFilter) for f in engine_log.filters):
        engine_log.addFilter(RowDumpFilter())
