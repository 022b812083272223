"""The figures as the daily and monthly report PDF (text extracted from the real PDF) and from
``clerk-app stats --pdf``, on both databases."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from clerk_app.accounts.roles import UserInfo
from clerk_app.cli.main import main
from clerk_app.demo import DEMO_BRANDING
from clerk_app.figures.report import figures_report, is_whole_month, save_pdf
from clerk_app.figures.service import FiguresService
from clerk_app.intake.service import IntakeService
from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.printing.helpers import pdf_text
from tests.results.conftest import FakeSync
from tests.results.test_figures import DAY, _busy_day, figures  # noqa: F401 - the fixture


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_daily_report_pdf_shows_the_days_figures(
    db: Database,
    figures: FiguresService,  # noqa: F811
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
    tmp_path: Path,
) -> None:
    _busy_day(db, intake, clerk, pad, sync, clock, protector, queue)
    doc = figures_report(figures, DAY, DAY, now_ms=clock.now_ms())
    totals = figures.figures(DAY, DAY).totals
    assert (doc.totals.accepted, doc.totals.notices, doc.totals.deferrals) == (
        totals.accepted,
        totals.notices,
        totals.deferrals,
    )
    assert [s.heading for s in doc.sections] == ["分部门统计", "分事项统计", "分工作人员统计"]
    path = tmp_path / "daily.pdf"
    save_pdf(doc, DEMO_BRANDING, path)
    text = _squeezed(pdf_text(path.read_bytes()))
    assert "日报" in text and "2026年11月24日" in text
    assert _squeezed(figures.hall_name) in text
    assert f"受理件数{totals.accepted}" in text
    assert f"一次性告知{totals.notices}" in text
    assert "窗口3办事员" in text  # the clerk's line
    assert "服务态度" in text and "非常不满意" in text
    assert not list(tmp_path.glob("*.part"))


def test_stats_pdf_writes_the_monthly_report(
    db: Database,
    db_url: str,
    figures: FiguresService,  # noqa: F811
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _busy_day(db, intake, clerk, pad, sync, clock, protector, queue)
    pdf = tmp_path / "month.pdf"
    args = ["--db", db_url, "stats", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*args, "--pdf", str(pdf)]) == 0
    capsys.readouterr()
    text = _squeezed(pdf_text(pdf.read_bytes()))
    totals = figures.figures(dt.date(2026, 11, 1), dt.date(2026, 11, 30)).totals
    assert "月报" in text and "2026年11月" in text
    assert "分日统计" in text and "2026-11-24" in text and "2026-11-25" in text
    assert f"受理件数{totals.accepted}" in text and f"出件数{totals.handed_over}" in text


def test_which_periods_are_whole_months() -> None:
    assert is_whole_month(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert is_whole_month(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert not is_whole_month(dt.date(2026, 11, 1), dt.date(2026, 11, 29))
    assert not is_whole_month(dt.date(2026, 11, 2), dt.date(2026, 11, 30))
    assert not is_whole_month(dt.date(2026, 11, 1), dt.date(2026, 12, 31))
