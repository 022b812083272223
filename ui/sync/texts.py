"""Translated words for the sync status: the link, an operation's state and kind, times, skew."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.sync.status import ItemState, Link
from ui.hall_time import hall_text

SKEW_MINUTE_MS = 60_000


def link_name(link: Link) -> str:
    names = {
        Link.NOT_ENROLLED: QCoreApplication.translate(
            "SyncTexts", "Not connected to a central server"
        ),
        Link.UNKNOWN: QCoreApplication.translate("SyncTexts", "Not synced yet"),
        Link.ONLINE: QCoreApplication.translate("SyncTexts", "Online"),
        Link.OFFLINE: QCoreApplication.translate("SyncTexts", "Offline"),
        Link.SYNCING: QCoreApplication.translate("SyncTexts", "Syncing…"),
    }
    return names[link]


def item_state_name(item_state: ItemState) -> str:
    names = {
        ItemState.PENDING: QCoreApplication.translate("SyncTexts", "Waiting"),
        ItemState.FAILED: QCoreApplication.translate("SyncTexts", "Failed, will retry"),
        ItemState.NEEDS_ATTENTION: QCoreApplication.translate("SyncTexts", "Needs attention"),
    }
    return names[item_state]


def operation_name(kind: str) -> str:
    names = {
        "case.accept": QCoreApplication.translate("SyncTexts", "Accepted case"),
        "case.notice": QCoreApplication.translate("SyncTexts", "One-time notice"),
        "case.defer": QCoreApplication.translate("SyncTexts", "Accepted with deferred materials"),
        "case.refuse": QCoreApplication.translate("SyncTexts", "Refusal"),
        "case.supplement_received": QCoreApplication.translate(
            "SyncTexts", "Materials supplemented"
        ),
        "handover.record": QCoreApplication.translate("SyncTexts", "Result handed over"),
        "rating.submit": QCoreApplication.translate("SyncTexts", "Applicant's rating"),
        "rating.follow_up": QCoreApplication.translate("SyncTexts", "Rating follow-up"),
    }
    return names.get(kind, kind)


def when(ms: int | None) -> str:
    if ms is None:
        return QCoreApplication.translate("SyncTexts", "never")
    return hall_text(ms, "%m-%d %H:%M")


def skew_text(skew_ms: int) -> str:
    """The server's clock minus this PC's: positive means this PC is behind."""
    minutes = max(1, round(abs(skew_ms) / SKEW_MINUTE_MS))
    if skew_ms > 0:
        return QCoreApplication.translate(
            "SyncTexts", "This PC's clock is {n} min behind the server's"
        ).format(n=minutes)
    return QCoreApplication.translate(
        "SyncTexts", "This PC's clock is {n} min ahead of the server's"
    ).format(n=minutes)


def error_text(code: str | None, detail: str | None) -> str:
    """What went wrong at the last sync, in the clerk's words (the technical detail after it,
    for whoever is called to fix it); "—" when nothing did."""
    if code is None and detail is None:
        return "—"
    sentences = {
        "retryable": QCoreApplication.translate(
            "SyncTexts", "The central server cannot be reached; the app keeps trying."
        ),
        "permanent": QCoreApplication.translate(
            "SyncTexts", "The central server refused a request; see the details."
        ),
        "revoked": QCoreApplication.translate(
            "SyncTexts", "This PC's registration was withdrawn by the central server: enrol again."
        ),
        "upgrade": QCoreApplication.translate(
            "SyncTexts", "The central server needs a newer version of this app."
        ),
        "disk_full": QCoreApplication.translate(
            "SyncTexts", "The disk is full: what the central server sent could not be saved."
        ),
        "tls_untrusted": QCoreApplication.translate(
            "SyncTexts", "The central server's certificate is not trusted: check the hall CA."
        ),
        "insecure_url": QCoreApplication.translate(
            "SyncTexts", "The central server's address must start with https://."
        ),
        "ca_file_unusable": QCoreApplication.translate(
            "SyncTexts", "The hall CA file in the settings cannot be read."
        ),
    }
    kind, _, specific = (code or "").partition("/")
    sentence = sentences.get(specific) or sentences.get(kind)
    sentence = sentence or QCoreApplication.translate("SyncTexts", "The last sync failed.")
    return f"{sentence}\n({detail})" if detail else sentence
