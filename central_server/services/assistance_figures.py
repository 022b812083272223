"""帮办代办 figures over the cases the counters sent: per helper and kind, the cases assisted,
the sittings and the minutes given, for days in the server's time zone."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from sqlalchemy import select

from central_server.context import ServerContext
from central_server.models import Case, CaseAssistance
from onewindow_protocol.wire.backoffice import AssistanceFigure, AssistanceFigures


def assistance_figures(
    ctx: ServerContext, date_from: dt.date, date_to: dt.date, hall_code: str | None = None
) -> AssistanceFigures:
    zone = ZoneInfo(ctx.settings.timezone)
    start = dt.datetime.combine(date_from, dt.time(), zone)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)
    query = (
        select(
            CaseAssistance.helper,
            CaseAssistance.helper_name,
            CaseAssistance.kinds,
            CaseAssistance.case_id,
            CaseAssistance.minutes,
        )
        .join(Case, Case.id == CaseAssistance.case_id)
        .where(
            CaseAssistance.assisted_at_ms >= int(start.timestamp() * 1000),
            CaseAssistance.assisted_at_ms < int(end.timestamp() * 1000),
        )
    )
    if hall_code is not None:
        query = query.where(Case.hall_code == hall_code)
    cases: dict[tuple[str, str], set[str]] = defaultdict(set)
    sittings: dict[tuple[str, str], int] = defaultdict(int)
    minutes: dict[tuple[str, str], int] = defaultdict(int)
    names: dict[str, str] = {}
    with ctx.db.read() as session:
        for helper, name, kinds, case_id, spent in session.execute(query):
            names[helper] = name
            for kind in kinds:  # a sitting of several kinds counts for each
                key = (helper, kind)
                cases[key].add(case_id)
                sittings[key] += 1
                minutes[key] += spent or 0
    rows = [
        AssistanceFigure(
            helper=helper,
            helper_name=names[helper],
            kind=kind,
            cases=len(cases[(helper, kind)]),
            sittings=sittings[(helper, kind)],
            minutes=minutes[(helper, kind)],
        )
        for helper, kind in sorted(cases)
    ]
    return AssistanceFigures(date_from=date_from, date_to=date_to, hall_code=hall_code, rows=rows)
