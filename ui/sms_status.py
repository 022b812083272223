"""How a text message (短信提醒/短信通知) went, in the clerk's words: the current ticket and the
case detail say it the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.sync.notifications import OptInState


def sms_text(state: OptInState | None) -> str:
    """``SMS: sent`` … for the clerk (短信：已发送/发送失败/未订阅 …)."""
    if state is None:
        return QCoreApplication.translate("SmsStatus", "SMS: not subscribed")
    texts = {
        "opted_in": QCoreApplication.translate("SmsStatus", "SMS: subscribed, not due yet"),
        "queued": QCoreApplication.translate("SmsStatus", "SMS: waiting to be sent"),
        "sent": QCoreApplication.translate("SmsStatus", "SMS: sent"),
        "delivered": QCoreApplication.translate("SmsStatus", "SMS: delivered"),
        "failed": QCoreApplication.translate("SmsStatus", "SMS: sending failed"),
        "dropped": QCoreApplication.translate(
            "SmsStatus", "SMS: not sent (called before it was due)"
        ),
    }
    return texts.get(state.status, state.status)
