"""The hall's "once and for all" figures report (日报 / 月报): totals, satisfaction by level and
indicator, then one table per breakdown (days, departments, items, clerks)."""

from __future__ import annotations

from reportlab.lib.units import mm

from printing.documents import FiguresLine, FiguresReportDoc, FiguresSection, HallBranding
from printing.layout import RIGHT, Cell, Flow, TextStyle
from printing.render.common import GREY, RED, TABLE, Page, cn_datetime, fields, heading, title_block
from printing.render.report import fee_tables

LEVEL_NAMES = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
HEAD = (
    "受理",
    "告知",
    "容缺",
    "不予受理",
    "办结",
    "一次办结率",
    "出件",
    "评价",
    "满意率",
    "平均天数",
    "P90天数",
    "即办率",
    "人均跑动",
)
WIDTHS = (2.4, 0.8, 0.8, 0.8, 0.9, 0.8, 1.0, 0.8, 0.8, 0.9, 0.9, 0.9, 0.8, 0.9)


def _numbers(line: FiguresLine) -> list[Cell | str]:
    values = (
        line.accepted,
        line.notices,
        line.deferrals,
        line.refusals,
        line.completed,
        line.one_visit_share,
        line.handed_over,
        line.ratings,
        line.satisfied_share,
        line.avg_days,
        line.p90_days,
        line.on_the_spot_share,
        line.visits_per_case,
    )
    return [Cell(str(v), align=RIGHT) for v in values]


def _section(flow: Flow, section: FiguresSection, totals: FiguresLine) -> None:
    heading(flow, section.heading)
    rows = [[line.label, *_numbers(line)] for line in section.lines]
    rows.append([Cell("合计", head=True), *_numbers(totals)])
    flow.table(rows, WIDTHS, TextStyle(8.5, leading=11.5), header=[section.first_column, *HEAD])


def _assistance(flow: Flow, doc: FiguresReportDoc) -> None:
    heading(flow, "帮办代办统计")
    flow.table(
        [
            [
                a.helper,
                a.kind,
                *(Cell(str(n), align=RIGHT) for n in (a.cases, a.sittings, a.minutes)),
            ]
            for a in doc.assistance
        ],
        [1.8, 1.6, 1, 1, 1.2],
        TABLE,
        header=["帮办代办员", "类型", "办件", "人次", "用时(分)"],
    )


def render_figures_report(doc: FiguresReportDoc, branding: HallBranding) -> bytes:
    page = Page(branding, title=f"{doc.title} {doc.period_label}", subject=doc.hall_name)
    flow = page.flow
    title_block(flow, doc.title, f"{doc.hall_name}　{doc.period_label}")
    t = doc.totals
    fields(
        flow,
        [
            ("“最多跑一次”事项占比", doc.once_and_for_all_items),
            ("受理件数", str(t.accepted)),
            ("一次性告知", str(t.notices)),
            ("容缺受理", str(t.deferrals)),
            ("不予受理", str(t.refusals)),
            ("办结件数", str(t.completed)),
            ("一次办结率", t.one_visit_share),
            ("出件数", str(t.handed_over)),
            ("评价数", str(t.ratings)),
            ("满意率", t.satisfied_share),
            ("平均办结天数", t.avg_days),
            ("P90 办结天数", t.p90_days),
            ("即办件当场办结率", t.on_the_spot_share),
            ("每件跑动次数（含取件）", t.visits_per_case),
        ],
        columns=3,
    )
    for note in doc.demo_notes:
        flow.paragraph(f"注：{note}", TextStyle(9, color=RED))
    if doc.once_mode_trend:
        heading(flow, "“最多跑一次”事项占比：按月趋势（依当月末施行的事项目录）")
        flow.table(
            [
                [m.period, m.version, Cell(m.share, align=RIGHT), m.demo_note]
                for m in doc.once_mode_trend
            ],
            [1.2, 1.6, 1.6, 1.8],
            TABLE,
            header=["月份", "目录版本", "占比", "演示值"],
        )
    heading(flow, "好差评：按指标和等级")
    flow.table(
        [[name, *(Cell(str(n), align=RIGHT) for n in counts)] for name, counts in doc.satisfaction],
        [1.6, 1, 1, 1, 1, 1],
        TABLE,
        header=["指标", *LEVEL_NAMES],
    )
    for section in doc.sections:
        _section(flow, section, t)
    if doc.fees_by_method:
        fee_tables(flow, doc.fees_by_method, doc.fees_by_item, doc.fees_total)
    if doc.assistance:
        _assistance(flow, doc)
    flow.gap(3 * mm)
    flow.paragraph(f"生成时间：{cn_datetime(doc.generated_at)}", TextStyle(9, color=GREY))
    return page.finish()
