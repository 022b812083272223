"""帮办代办 in the hall figures: per helper and kind, from the helpers' records finished in the
period (a sitting of several kinds counts for each of them)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CaseAssistance
from clerk_app.figures.types import AssistanceFigure

# The papers' (Chinese) names of the kinds: the report PDF and the XLSX; the screens translate.
KIND_NAMES_ZH = {
    "form_filling": "填表",
    "materials": "材料准备",
    "self_service": "自助终端指导",
    "proxy": "全程代办",
}

_Key = tuple[str, int | None, str]  # helper name, helper id, kind: the name first for the order


def assistance_figures(
    session: Session, hall_id: int, start_ms: int, end_ms: int
) -> tuple[AssistanceFigure, ...]:
    rows = session.execute(
        select(
            CaseAssistance.helper_id,
            CaseAssistance.helper_name,
            CaseAssistance.kinds,
            CaseAssistance.case_id,
            CaseAssistance.minutes,
        ).where(
            CaseAssistance.hall_id == hall_id,
            CaseAssistance.finished_ms >= start_ms,
            CaseAssistance.finished_ms < end_ms,
        )
    )
    cases: dict[_Key, set[int]] = defaultdict(set)
    sittings: dict[_Key, int] = defaultdict(int)
    minutes: dict[_Key, int] = defaultdict(int)
    for helper, name, kinds, case_id, spent in rows:
        for kind in kinds.split(","):
            key = (name, helper, kind)
            sittings[key] += 1
            minutes[key] += spent or 0
            if case_id is not None:
                cases[key].add(case_id)
    return tuple(
        AssistanceFigure(key[0], key[2], len(cases[key]), sittings[key], spent)
        for key, spent in sorted(
            minutes.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0, kv[0][2])
        )
    )
