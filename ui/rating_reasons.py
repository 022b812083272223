"""The reasons of a bad rating (差评原因) in words: the rating pad's tick-boxes and the
supervisor's follow-up list say them alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from onewindow_protocol.wire.ops import BadReason


def reason_name(reason: BadReason) -> str:
    names = {
        BadReason.LONG_WAIT: QCoreApplication.translate("RatingReasons", "Long wait"),
        BadReason.SLOW_HANDLING: QCoreApplication.translate("RatingReasons", "Slow handling"),
        BadReason.ATTITUDE: QCoreApplication.translate("RatingReasons", "Unfriendly attitude"),
        BadReason.NOT_TOLD_ONCE: QCoreApplication.translate(
            "RatingReasons", "Not told everything at once"
        ),
        BadReason.TOO_MANY_MATERIALS: QCoreApplication.translate(
            "RatingReasons", "Too many materials asked"
        ),
        BadReason.REPEAT_VISITS: QCoreApplication.translate(
            "RatingReasons", "Had to come several times"
        ),
        BadReason.SYSTEM_FAULT: QCoreApplication.translate("RatingReasons", "System fault"),
        BadReason.OTHER: QCoreApplication.translate("RatingReasons", "Other"),
    }
    return names[reason]


def reasons_line(reasons: tuple[BadReason, ...], words: str) -> str:
    """``Long wait, Unfriendly attitude: "…"`` — the ticks, then the applicant's words."""
    line = ", ".join(reason_name(r) for r in reasons)
    if words:
        quoted = QCoreApplication.translate("RatingReasons", "“{words}”").format(words=words)
        line = f"{line}: {quoted}" if line else quoted
    return line
