"""帮办代办 as the screens say it: "帮办：帮办员王五（填表、材料准备）" on the clerk's intake and
the helper's own list (shared by ui.intake, ui.helper and ui.supervisor)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.types import AssistanceKind, AssistanceView


def kind_name(kind: AssistanceKind) -> str:
    translate = QCoreApplication.translate
    names = {
        AssistanceKind.FORM_FILLING: translate("Assistance", "form filling"),
        AssistanceKind.MATERIALS: translate("Assistance", "material preparation"),
        AssistanceKind.SELF_SERVICE: translate("Assistance", "self-service guidance"),
        AssistanceKind.PROXY: translate("Assistance", "whole procedure by proxy"),
    }
    return names[kind]


def assistance_line(view: AssistanceView) -> str:
    """One record: 代办 where the helper took the procedure over, else 帮办."""
    translate = QCoreApplication.translate
    if AssistanceKind.PROXY in view.kinds:
        prefix = translate("Assistance", "By proxy")
    else:
        prefix = translate("Assistance", "Assisted")
    kinds = translate("Assistance", ", ").join(kind_name(k) for k in view.kinds)
    return translate("Assistance", "{prefix}: {name} ({kinds})").format(
        prefix=prefix, name=view.helper_name, kinds=kinds
    )


def assistance_text(views: Iterable[AssistanceView]) -> str:
    return QCoreApplication.translate("Assistance", "; ").join(assistance_line(v) for v in views)
