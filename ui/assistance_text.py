"""帮办代办 as the screens say it: "帮办：帮办员王五（填表、材料准备）" on the clerk's intake and
the helper's own list (shared by ui.intake and ui.helper)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.types import AssistanceKind, AssistanceView

_CONTEXT = "Assistance"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_name(kind: AssistanceKind) -> str:
    names = {
        AssistanceKind.FORM_FILLING: _tr("form filling"),
        AssistanceKind.MATERIALS: _tr("material preparation"),
        AssistanceKind.SELF_SERVICE: _tr("self-service guidance"),
        AssistanceKind.PROXY: _tr("whole procedure by proxy"),
    }
    return names[kind]


def assistance_line(view: AssistanceView) -> str:
    """One record: 代办 where the helper took the procedure over, else 帮办."""
    prefix = _tr("By proxy") if AssistanceKind.PROXY in view.kinds else _tr("Assisted")
    kinds = _tr(", ").join(kind_name(k) for k in view.kinds)
    return _tr("{prefix}: {name} ({kinds})").format(
        prefix=prefix, name=view.helper_name, kinds=kinds
    )


def assistance_text(views: Iterable[AssistanceView]) -> str:
    return _tr("; ").join(assistance_line(v) for v in views)
