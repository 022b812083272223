"""Translations: which language, loading the catalogues, and the words for core codes.

The core returns enums and refusal codes (STYLE rule 6); this module is the one place that turns
them into text the clerk reads. Every string is a literal inside ``QCoreApplication.translate``
so that ``make lupdate`` finds it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clerk_app.accounts.auth import LoginFailure
from clerk_app.accounts.password_policy import PasswordPolicy, PasswordProblem
from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.types import PauseReason, RefusalCode
from onewindow_base.wording import Language
from ui.hall_time import hall_time_of_day

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
CATALOGUE_PREFIX = "onewindow_"
# A pause for "other" reasons is stored as this prefix followed by the clerk's own words.
OTHER_PREFIX = "other: "


def translations_dir() -> Path:
    """``resources/translations`` at the repository root, found from this file."""
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def choose_language(cli: str | None, configured: str | None, system: QLocale) -> str:
    """``--lang`` wins over the config file; otherwise Chinese on a Chinese system."""
    for choice in (cli, configured):
        if choice in LANGUAGES:
            return str(choice)
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def install_translators(
    app: QCoreApplication, language: str, directory: Path | None = None
) -> list[QTranslator]:
    """Load our catalogue and Qt's own, and make ``language`` the default locale.

    The translators are children of ``app``; the returned list lets a caller remove them again.
    """
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    folder = directory or translations_dir()
    if ours.load(f"{CATALOGUE_PREFIX}{language}", str(folder)):
        installed.append(ours)
    elif language != "en":  # English is the source language: the texts are there anyway
        log.warning(
            "no %s%s.qm in %s (run `make translations`)", CATALOGUE_PREFIX, language, folder
        )
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def is_chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def ui_language() -> Language:
    """The core's language for the UI's (texts the core words itself, ``onewindow_base.wording``):
    Chinese when the default locale is."""
    return Language.ZH_CN if is_chinese(QLocale()) else Language.EN


def pick_name(locale: QLocale, name_zh: str, name_en: str) -> str:
    """Halls name their services and windows in both languages; show the clerk's one."""
    return name_zh if is_chinese(locale) or not name_en else name_en


def refusal_message(code: RefusalCode) -> str:
    texts = {
        RefusalCode.UNKNOWN_SERVICE: QCoreApplication.translate(
            "Refusal", "This service does not exist."
        ),
        RefusalCode.SERVICE_INACTIVE: QCoreApplication.translate(
            "Refusal", "This service is not offered now."
        ),
        RefusalCode.UNKNOWN_WINDOW: QCoreApplication.translate(
            "Refusal", "There is no window with this number."
        ),
        RefusalCode.UNKNOWN_TICKET: QCoreApplication.translate(
            "Refusal", "There is no ticket with this number today."
        ),
        RefusalCode.WINDOW_CLOSED: QCoreApplication.translate("Refusal", "The window is closed."),
        RefusalCode.WINDOW_PAUSED: QCoreApplication.translate(
            "Refusal", "Service is paused at this window."
        ),
        RefusalCode.WINDOW_BUSY: QCoreApplication.translate(
            "Refusal", "The window already has a ticket: finish, skip or park it first."
        ),
        RefusalCode.NO_ACTIVE_TICKET: QCoreApplication.translate(
            "Refusal", "The window has no current ticket."
        ),
        RefusalCode.WRONG_STATE: QCoreApplication.translate(
            "Refusal", "The ticket's state does not allow this."
        ),
        RefusalCode.HALL_CLOSED: QCoreApplication.translate("Refusal", "The hall is closed now."),
        RefusalCode.PAST_CUTOFF: QCoreApplication.translate(
            "Refusal", "No more tickets today: past the cut-off time."
        ),
        RefusalCode.DAILY_LIMIT: QCoreApplication.translate(
            "Refusal", "No more tickets today: the daily limit is reached."
        ),
        RefusalCode.NOT_SERVED_HERE: QCoreApplication.translate(
            "Refusal", "This window does not serve that service."
        ),
        RefusalCode.GRACE_EXPIRED: QCoreApplication.translate(
            "Refusal", "The no-show grace period has passed."
        ),
        RefusalCode.INVALID_ARGUMENT: QCoreApplication.translate(
            "Refusal", "The request is not valid."
        ),
        RefusalCode.UNKNOWN_APPOINTMENT: QCoreApplication.translate(
            "Refusal", "No appointment has this code. Please check the code or ask at the desk."
        ),
        RefusalCode.APPOINTMENT_NOT_TODAY: QCoreApplication.translate(
            "Refusal", "This appointment is for another day."
        ),
        RefusalCode.ALREADY_CHECKED_IN: QCoreApplication.translate(
            "Refusal", "This appointment has already been checked in."
        ),
        RefusalCode.APPOINTMENT_CANCELLED: QCoreApplication.translate(
            "Refusal", "This appointment was cancelled."
        ),
        RefusalCode.APPOINTMENT_TOO_EARLY: QCoreApplication.translate(
            "Refusal", "Too early to check in for this appointment."
        ),
        RefusalCode.APPOINTMENT_TOO_LATE: QCoreApplication.translate(
            "Refusal", "Too late: this appointment's time and grace period are over."
        ),
        RefusalCode.APPOINTMENT_OTHER_SERVICE: QCoreApplication.translate(
            "Refusal", "This appointment is for another service."
        ),
        RefusalCode.NO_APPOINTMENT_FOR_CARD: QCoreApplication.translate(
            "Refusal", "No appointment today in this hall for this ID card."
        ),
        RefusalCode.NOT_PERMITTED: QCoreApplication.translate(
            "Refusal", "Only a supervisor or administrator may do this."
        ),
    }
    return texts[code]


def login_failure_message(reason: LoginFailure, locked_until: str = "") -> str:
    if reason is LoginFailure.LOCKED:
        return QCoreApplication.translate(
            "LoginFailure",
            "Too many failed attempts: this account is locked until %1. "
            "A supervisor or administrator can unlock it sooner.",
        ).replace("%1", locked_until)
    texts = {
        LoginFailure.UNKNOWN_OR_WRONG: QCoreApplication.translate(
            "LoginFailure", "Wrong username or password."
        ),
        LoginFailure.DISABLED: QCoreApplication.translate(
            "LoginFailure", "This account is disabled. Please contact the administrator."
        ),
        LoginFailure.PASSWORD_EXPIRED: QCoreApplication.translate(
            "LoginFailure", "Your password has expired. Please choose a new one."
        ),
        LoginFailure.PASSWORD_MUST_CHANGE: QCoreApplication.translate(
            "LoginFailure", "The administrator set this password. Please choose your own."
        ),
    }
    return texts[reason]


def locked_until_text(locked_until_ms: int | None) -> str:
    """The time a lockout ends, as the clerk's locale writes a time of day."""
    if locked_until_ms is None:
        return ""
    return hall_time_of_day(locked_until_ms)


def password_problem_message(problem: PasswordProblem, policy: PasswordPolicy) -> str:
    texts = {
        PasswordProblem.TOO_SHORT: QCoreApplication.translate(
            "PasswordProblem", "It must have at least %1 characters."
        ).replace("%1", str(policy.min_length)),
        PasswordProblem.TOO_LONG: QCoreApplication.translate(
            "PasswordProblem", "It may have at most %1 characters."
        ).replace("%1", str(policy.max_length)),
        PasswordProblem.CONTROL_CHARACTER: QCoreApplication.translate(
            "PasswordProblem", "It contains a control or invisible character."
        ),
        PasswordProblem.TOO_FEW_CHARACTER_CLASSES: QCoreApplication.translate(
            "PasswordProblem",
            "It must mix at least %1 of: capital letters, small letters, digits, symbols.",
        ).replace("%1", str(policy.min_character_classes)),
        PasswordProblem.CONTAINS_USERNAME: QCoreApplication.translate(
            "PasswordProblem", "It must not contain your username."
        ),
        PasswordProblem.COMMON: QCoreApplication.translate(
            "PasswordProblem", "It is on the list of common or leaked passwords."
        ),
        PasswordProblem.REUSED: QCoreApplication.translate(
            "PasswordProblem", "It was one of your last %1 passwords."
        ).replace("%1", str(policy.history)),
    }
    return texts[problem]


def ticket_transferred_name() -> str:
    return QCoreApplication.translate("TicketState", "Transferred")


def ticket_state_name(state: TicketState) -> str:
    texts = {
        TicketState.WAITING: QCoreApplication.translate("TicketState", "Waiting"),
        TicketState.CALLED: QCoreApplication.translate("TicketState", "Called"),
        TicketState.SERVING: QCoreApplication.translate("TicketState", "Serving"),
        TicketState.DONE: QCoreApplication.translate("TicketState", "Done"),
        TicketState.NO_SHOW: QCoreApplication.translate("TicketState", "No-show"),
        TicketState.PARKED: QCoreApplication.translate("TicketState", "Parked"),
        TicketState.CANCELLED: QCoreApplication.translate("TicketState", "Cancelled"),
    }
    return texts[state]


def window_state_name(state: WindowState) -> str:
    texts = {
        WindowState.CLOSED: QCoreApplication.translate("WindowState", "Closed"),
        WindowState.OPEN: QCoreApplication.translate("WindowState", "Open, idle"),
        WindowState.CALLING: QCoreApplication.translate("WindowState", "Calling"),
        WindowState.SERVING: QCoreApplication.translate("WindowState", "Serving"),
        WindowState.PAUSED: QCoreApplication.translate("WindowState", "Paused"),
    }
    return texts[state]


def pause_reason_name(reason: PauseReason) -> str:
    texts = {
        PauseReason.BREAK: QCoreApplication.translate("PauseReason", "Break"),
        PauseReason.MEETING: QCoreApplication.translate("PauseReason", "Meeting"),
        PauseReason.SYSTEM: QCoreApplication.translate("PauseReason", "System fault"),
        PauseReason.OTHER: QCoreApplication.translate("PauseReason", "Other"),
    }
    return texts[reason]


def stored_pause_reason(reason: PauseReason, other_text: str = "") -> str:
    """What :meth:`QueueService.pause_window` records: the code, or "other: " and the words."""
    if reason is PauseReason.OTHER:
        return OTHER_PREFIX + other_text.strip()
    return reason.value


def describe_pause_reason(stored: str | None) -> str:
    """The translated reason for a stored one; free text (from any client) is shown as is."""
    if not stored:
        return ""
    if stored.startswith(OTHER_PREFIX):
        return stored.removeprefix(OTHER_PREFIX)
    try:
        return pause_reason_name(PauseReason(stored))
    except ValueError:
        return stored
