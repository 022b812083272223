"""The hall's daily report: totals, a chart of arrivals and waits per hour, and tables per
hour, service and window. The chart is drawn as vector shapes (no charting library)."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm

from printing.documents import DailyReportDoc, FeeSum, HallBranding, ServiceStat, TestPageDoc
from printing.layout import CENTER, LEFT, RIGHT, Cell, Flow, TextStyle, draw_line
from printing.render.common import (
    BODY,
    GREY,
    TABLE,
    Page,
    cn_date,
    cn_datetime,
    fields,
    heading,
    title_block,
)

BAR = Color(0.2, 0.4, 0.7)
LINE = Color(0.85, 0.35, 0.1)
AXIS = TextStyle(7.5, color=GREY)
CHART_H = 62 * mm


def _axis_top(value: float, ticks: int = 4) -> float:
    """The smallest round number of ``ticks`` equal steps at or above ``value``."""
    if value <= 0:
        return float(ticks)
    step = value / ticks
    power = 10 ** math.floor(math.log10(step))
    for nice in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step <= nice * power:
            return float(ticks * nice * power)
    return float(ticks * 10 * power)


def _minutes(value: float) -> str:
    return f"{value:.1f}"


def draw_chart(flow: Flow, doc: DailyReportDoc) -> None:
    """Bars: arrivals per hour (left axis); line: average wait in minutes (right axis)."""
    flow.need(CHART_H + 14 * mm)
    c = flow.canvas
    left, right = flow.left + 12 * mm, flow.right - 12 * mm
    bottom, top = flow.y - CHART_H, flow.y - 8 * mm
    hours = doc.hours or ()
    n = max(len(hours), 1)
    max_arrivals = _axis_top(max((h.arrivals for h in hours), default=0))
    max_wait = _axis_top(max((h.avg_wait_min for h in hours), default=0))
    c.setStrokeColor(GREY)
    c.setLineWidth(0.3)
    for i in range(5):
        y = bottom + (top - bottom) * i / 4
        c.line(left, y, right, y)
        draw_line(c, left - 1.5 * mm, y - 2.5, f"{max_arrivals * i / 4:g}", AXIS, RIGHT)
        draw_line(c, right + 1.5 * mm, y - 2.5, f"{max_wait * i / 4:g}", AXIS, LEFT)
    slot = (right - left) / n
    points: list[tuple[float, float]] = []
    for i, h in enumerate(hours):
        x = left + i * slot
        bar_h = (top - bottom) * h.arrivals / max_arrivals
        c.setFillColor(BAR)  # each label below sets its own colour
        c.rect(x + slot * 0.18, bottom, slot * 0.64, bar_h, stroke=0, fill=1)
        draw_line(c, x + slot / 2, bottom - 4 * mm, f"{h.hour:02d}", AXIS, CENTER)
        points.append((x + slot / 2, bottom + (top - bottom) * h.avg_wait_min / max_wait))
    c.setStrokeColor(LINE)
    c.setLineWidth(1.4)
    if len(points) > 1:
        path = c.beginPath()
        path.moveTo(*points[0])
        for p in points[1:]:
            path.lineTo(*p)
        c.drawPath(path, stroke=1, fill=0)
    c.setFillColor(LINE)
    for x, y in points:
        c.circle(x, y, 1.1, stroke=0, fill=1)
    legend_y = flow.y - 3 * mm
    c.setFillColor(BAR)
    c.rect(left, legend_y - 1, 4 * mm, 2.5 * mm, stroke=0, fill=1)
    draw_line(c, left + 5.5 * mm, legend_y, "每小时取号人数（左轴）", AXIS)
    c.setStrokeColor(LINE)
    c.line(left + 52 * mm, legend_y + 2, left + 57 * mm, legend_y + 2)
    draw_line(c, left + 58.5 * mm, legend_y, "平均等候分钟（右轴）", AXIS)
    draw_line(c, (left + right) / 2, bottom - 8.5 * mm, "时段（时）", AXIS, CENTER)
    c.setFillColor(black)
    c.setStrokeColor(black)
    flow.y = bottom - 12 * mm


def _service_row(s: ServiceStat, *, total: bool = False) -> list[Cell | str]:
    name: Cell | str = Cell(s.name, head=True) if total else s.name
    return [
        name,
        *(
            Cell(v, align=RIGHT)
            for v in (
                str(s.issued),
                str(s.served),
                str(s.no_show),
                _minutes(s.avg_wait_min),
                _minutes(s.p90_wait_min),
                _minutes(s.avg_service_min),
            )
        ),
    ]


def render_daily_report(doc: DailyReportDoc, branding: HallBranding) -> bytes:
    page = Page(branding, title=f"大厅日报 {doc.day.isoformat()}", subject=doc.hall_name)
    flow = page.flow
    title_block(flow, "政务服务大厅运行日报", f"{doc.hall_name}　{cn_date(doc.day)}")
    t = doc.total
    fields(
        flow,
        [
            ("取号总数", str(t.issued)),
            ("办结人数", str(t.served)),
            ("过号人数", str(t.no_show)),
            ("平均等候", f"{_minutes(t.avg_wait_min)} 分钟"),
            ("P90 等候", f"{_minutes(t.p90_wait_min)} 分钟"),
            ("平均办理", f"{_minutes(t.avg_service_min)} 分钟"),
        ],
        columns=3,
    )
    a = doc.appointments
    if a.booked or a.cancelled:
        fields(
            flow,
            [
                ("预约人数", str(a.booked)),
                ("预约签到", str(a.checked_in)),
                ("预约爽约", str(a.no_show)),
                ("预约取消", str(a.cancelled)),
            ],
            columns=4,
        )
    heading(flow, "分时段取号与等候")
    draw_chart(flow, doc)
    flow.table(
        [
            [
                Cell(f"{h.hour:02d}:00–{h.hour:02d}:59", align=CENTER),
                *(Cell(str(v), align=RIGHT) for v in (h.arrivals, h.served)),
                Cell(_minutes(h.avg_wait_min), align=RIGHT),
                Cell(_minutes(h.max_wait_min), align=RIGHT),
            ]
            for h in doc.hours
        ],
        [1.6, 1, 1, 1.2, 1.2],
        TABLE,
        header=["时段", "取号", "办结", "平均等候(分)", "最长等候(分)"],
    )
    heading(flow, "分事项统计")
    head = ["服务", "取号", "办结", "过号", "平均等候(分)", "90%等候(分)", "平均办理(分)"]
    rows = [_service_row(s) for s in doc.services] + [_service_row(t, total=True)]
    flow.table(rows, [2.6, 0.8, 0.8, 0.8, 1.3, 1.3, 1.3], TABLE, header=head)
    heading(flow, "分窗口统计")
    flow.table(
        [
            [
                w.window,
                w.clerk,
                *(Cell(str(v), align=RIGHT) for v in (w.served, w.accepted, w.notices, w.refusals)),
                Cell(_minutes(w.avg_service_min), align=RIGHT),
            ]
            for w in doc.windows
        ],
        [1.2, 1.4, 0.9, 0.9, 1.1, 1.1, 1.3],
        TABLE,
        header=["窗口", "工作人员", "办结", "受理", "一次性告知", "不予受理", "平均办理(分)"],
    )
    if doc.fees_by_method:
        fee_tables(flow, doc.fees_by_method, doc.fees_by_item, doc.fees_total)
    flow.gap(3 * mm)
    flow.paragraph(f"生成时间：{cn_datetime(doc.generated_at)}", TextStyle(9, color=GREY))
    return page.finish()


def fee_tables(
    flow: Flow, by_method: tuple[FeeSum, ...], by_item: tuple[FeeSum, ...], total: str
) -> None:
    """收费统计: per payment method (免缴 and 待缴 with what was due), then per item; the daily
    report and the figures report print the same tables."""
    heading(flow, "收费统计")
    head = ["缴费方式", "件数", "金额(元)"]
    rows = [_fee_row(f) for f in by_method]
    rows.append([Cell("实收合计", head=True), "", Cell(total, align=RIGHT)])
    flow.table(rows, [2.6, 1, 1.6], TABLE, header=head)
    if by_item:
        flow.gap(2 * mm)
        rows = [_fee_row(f) for f in by_item]
        flow.table(rows, [4.2, 1, 1.6], TABLE, header=["事项（实收）", "件数", "金额(元)"])


def _fee_row(f: FeeSum) -> list[Cell | str]:
    return [f.label, Cell(str(f.cases), align=RIGHT), Cell(f.amount, align=RIGHT)]


def render_test_page_a4(doc: TestPageDoc, branding: HallBranding) -> bytes:
    page = Page(branding, title="打印测试页", subject=doc.printer_name)
    flow = page.flow
    title_block(flow, "打印测试页　Test page")
    for text in (
        f"打印机 Printer：{doc.printer_name}",
        f"时间 Time：{doc.printed_at:%Y-%m-%d %H:%M:%S}",
        "中文标点：，。、；：？！“”‘’《》（）〔〕【】——……",
        f"生僻字（扩展B区）Rare characters (CJK Extension B)：{doc.sample_name}",
        "0123456789  ABCDEFGHIJKLMNOPQRSTUVWXYZ  abcdefghijklmnopqrstuvwxyz",
    ):
        flow.paragraph(text, BODY)
        flow.gap(2 * mm)
    c = flow.canvas
    c.setLineWidth(0.5)
    c.rect(flow.left, flow.y - 40 * mm, flow.width, 40 * mm)
    draw_line(c, flow.left + 2 * mm, flow.y - 5 * mm, "边框应完整可见", TextStyle(9))
    flow.y -= 42 * mm
    return page.finish()
