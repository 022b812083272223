"""Translated words for the sync status: the link, an operation's state and kind, times, skew."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime

from clerk_app.sync.status import ItemState, Link

CONTEXT = "SyncTexts"
SKEW_MINUTE_MS = 60_000


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def link_name(link: Link) -> str:
    names = {
        Link.NOT_ENROLLED: _t("Not connected to a central server"),
        Link.UNKNOWN: _t("Not synced yet"),
        Link.ONLINE: _t("Online"),
        Link.OFFLINE: _t("Offline"),
        Link.SYNCING: _t("Syncing…"),
    }
    return names[link]


def item_state_name(item_state: ItemState) -> str:
    names = {
        ItemState.PENDING: _t("Waiting"),
        ItemState.FAILED: _t("Failed, will retry"),
        ItemState.NEEDS_ATTENTION: _t("Needs attention"),
    }
    return names[item_state]


def operation_name(kind: str) -> str:
    names = {
        "case.accept": _t("Accepted case"),
        "case.notice": _t("One-time notice"),
        "case.defer": _t("Accepted with deferred materials"),
        "case.refuse": _t("Refusal"),
        "case.supplement_received": _t("Materials supplemented"),
        "handover.record": _t("Result handed over"),
        "rating.submit": _t("Applicant's rating"),
        "rating.follow_up": _t("Rating follow-up"),
    }
    return names.get(kind, kind)


def when(ms: int | None) -> str:
    if ms is None:
        return _t("never")
    return QDateTime.fromMSecsSinceEpoch(ms).toString("MM-dd HH:mm")


def skew_text(skew_ms: int) -> str:
    """The server's clock minus this PC's: positive means this PC is behind."""
    minutes = max(1, round(abs(skew_ms) / SKEW_MINUTE_MS))
    if skew_ms > 0:
        return _t("This PC's clock is {n} min behind the server's").format(n=minutes)
    return _t("This PC's clock is {n} min ahead of the server's").format(n=minutes)
