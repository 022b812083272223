"""The figures as the daily or monthly report PDF (日报 / 月报), like the queue's daily report.

One day gives a daily report broken down by department, item and clerk; a whole calendar month
a monthly report that adds a line per day; any other period a report of that period. The PDF
is written beside its name and moved into place, so a reader never sees half a report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from clerk_app.figures.assistance import KIND_NAMES_ZH
from clerk_app.figures.fees import METHOD_LABELS, fee_sum
from clerk_app.figures.types import (
    INDICATORS,
    LEVELS,
    TREND_MONTHS,
    CatalogueShare,
    Dimension,
    FigureRow,
    Figures,
    OnceModeShare,
    Period,
)
from clerk_app.intake.fees import yuan, yuan_text
from onewindow_base.clock import to_datetime
from printing.documents import (
    AssistanceLine,
    FiguresLine,
    FiguresReportDoc,
    FiguresSection,
    HallBranding,
    OnceModeLine,
)
from printing.render.figures_report import render_figures_report


class FigureSource(Protocol):
    """What a report reads its figures from (:class:`clerk_app.figures.service.FiguresService`,
    which builds its report with this module)."""

    hall_name: str

    @property
    def zone(self) -> ZoneInfo: ...

    def figures(
        self,
        date_from: dt.date,
        date_to: dt.date,
        *,
        period: Period = ...,
        dimension: Dimension = ...,
    ) -> Figures: ...

    def once_mode_trend(
        self, last_day: dt.date, months: int = ...
    ) -> tuple[OnceModeShare, ...]: ...


INDICATOR_NAMES = {
    "overall": "总体评价",
    "efficiency": "办事效率",
    "competence": "业务能力",
    "attitude": "服务态度",
}
BREAKDOWNS = (
    (Dimension.DEPARTMENT, "分部门统计", "部门"),
    (Dimension.ITEM, "分事项统计", "事项"),
    (Dimension.CLERK, "分工作人员统计", "工作人员"),
)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _visits(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _month(period: str) -> str:
    year, month = period.split("-")[:2]
    return f"{int(year)}年{int(month)}月"


def once_mode_line(share: OnceModeShare) -> OnceModeLine:
    counts = f"{_share(share.share)}（{share.once_and_for_all} / {share.items} 项）"
    demo = f"{share.demo_valued}项跑动次数为演示值" if share.rests_on_demo_values else ""
    return OnceModeLine(_month(share.period), share.version_label or "—", counts, demo)


def demo_notes(
    totals: FigureRow, active: CatalogueShare, trend: tuple[OnceModeShare, ...]
) -> tuple[str, ...]:
    """Which figures rest on demo catalogue values (fields the published guides leave open)."""
    notes = []
    if active.demo_valued or any(s.rests_on_demo_values for s in trend):
        notes.append(
            "“最多跑一次”事项占比依据的到现场次数含演示值（服务指南未公布，演示目录填写），"
            "不是正式统计数据。"
        )
    if totals.on_the_spot_demo:
        notes.append(
            f"即办件当场办结率涉及的受理件中有{totals.on_the_spot_demo}件，其事项的办件类型"
            "（即办件或承诺件）为演示值。"
        )
    return tuple(notes)


def line(row: FigureRow, label: str) -> FiguresLine:
    return FiguresLine(
        label=label,
        accepted=row.accepted,
        notices=row.notices,
        deferrals=row.deferrals,
        refusals=row.refusals,
        completed=row.completed,
        one_visit_share=_share(row.one_visit_share),
        handed_over=row.handed_over,
        ratings=row.ratings,
        satisfied_share=_share(row.satisfied_share),
        avg_days=_days(row.days_to_decision_avg),
        p90_days=_days(row.days_to_decision_p90),
        on_the_spot_share=_share(row.on_the_spot_share),
        visits_per_case=_visits(row.visits_per_case),
    )


def is_whole_month(date_from: dt.date, date_to: dt.date) -> bool:
    after = date_to + dt.timedelta(days=1)
    return date_from.day == 1 and after.day == 1 and (after - date_from).days <= 31


def _title_and_label(date_from: dt.date, date_to: dt.date) -> tuple[str, str]:
    if date_from == date_to:
        return "政务服务“最多跑一次”日报", f"{date_from.year}年{date_from.month}月{date_from.day}日"
    if is_whole_month(date_from, date_to):
        return "政务服务“最多跑一次”月报", f"{date_from.year}年{date_from.month}月"
    return "政务服务“最多跑一次”统计报表", f"{date_from.isoformat()} 至 {date_to.isoformat()}"


def _section(figures: Figures, heading: str, column: str) -> FiguresSection:
    """A line per key; over several periods each line names its period too."""
    several = len({r.period for r in figures.rows}) > 1
    lines = tuple(
        line(r, f"{r.period} {r.label or r.key or '—'}" if several else r.label or r.key or "—")
        for r in figures.rows
    )
    return FiguresSection(heading, column, lines)


def _days_section(figures: Figures) -> FiguresSection:
    return FiguresSection("分日统计", "日期", tuple(line(r, r.period) for r in figures.rows))


def figures_report(
    service: FigureSource, date_from: dt.date, date_to: dt.date, *, now_ms: int
) -> FiguresReportDoc:
    """The report of ``date_from``..``date_to``; ``now_ms`` is when it is generated."""
    title, label = _title_and_label(date_from, date_to)
    sections = []
    period = Period.DAY if date_from == date_to else Period.MONTH
    by_day = service.figures(date_from, date_to, period=Period.DAY)
    if date_from != date_to:
        sections.append(_days_section(by_day))
    for dim, heading, column in BREAKDOWNS:
        part = service.figures(date_from, date_to, period=period, dimension=dim)
        sections.append(_section(part, heading, column))
    share = by_day.catalogue_total
    items = f"{_share(share.share)}（{share.once_and_for_all} / {share.items} 项）"
    satisfaction = tuple(
        (INDICATOR_NAMES[i], tuple(by_day.totals.satisfaction[i][str(lv)] for lv in LEVELS))
        for i in INDICATORS
    )
    trend = service.once_mode_trend(date_to, TREND_MONTHS)
    fees = by_day.fees
    return FiguresReportDoc(
        title=title,
        hall_name=service.hall_name,
        period_label=label,
        generated_at=to_datetime(now_ms, service.zone),
        totals=line(by_day.totals, "合计"),
        once_and_for_all_items=items,
        sections=tuple(sections),
        satisfaction=satisfaction,
        once_mode_trend=tuple(once_mode_line(s) for s in trend),
        demo_notes=demo_notes(by_day.totals, share, trend),
        fees_by_method=tuple(fee_sum(METHOD_LABELS[f.key], f) for f in fees.by_method),
        fees_by_item=tuple(fee_sum(f.key, f) for f in fees.by_item),
        fees_total=yuan_text(yuan(fees.taken_fen)),
        assistance=tuple(
            AssistanceLine(
                a.helper_name, KIND_NAMES_ZH.get(a.kind, a.kind), a.cases, a.sittings, a.minutes
            )
            for a in by_day.assistance
        ),
    )


def save_pdf(doc: FiguresReportDoc, branding: HallBranding, path: Path) -> None:
    pdf = render_figures_report(doc, branding)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(pdf)
    partial.replace(path)
