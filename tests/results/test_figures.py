"""The hall figures on both databases: a small hall's day counted by hand, the same figures from
``clerk-app stats --json``, the deadline alerts, and spreadsheets that run no formulas."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.cli.main import main
from clerk_app.figures.export import save_csv, save_xlsx
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import (
    AlertKind,
    CatalogueShare,
    Dimension,
    FigureRow,
    OnceModeShare,
    Period,
)
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import Indicator, RatingInput
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import BadReason
from tests.results.conftest import ID_NUMBER, FakeSync, accept, draft
from tests.results.test_ratings import WAIT, served

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def figures(db: Database, clock: FixedClock) -> FiguresService:
    return FiguresService(db, hall_code="CC01", calendar=shipped_calendar(), clock=clock)


def _busy_day(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
) -> None:
    """Tuesday: 2 accepted, 1 deferral, 1 notice; approved 1 and 2 days later; one handover;
    a rating of 5 and one of 2 on attitude."""
    first, second = accept(intake, clerk), accept(intake, clerk)
    accept(intake, clerk, deferred=True)
    notice = dataclasses.replace(draft(), records={}, pages=())
    intake.decide(notice, Decision.ONE_TIME_NOTICE, clerk, window=3)
    ratings = RatingService(
        db, protector, hall_code="CC01", calendar=shipped_calendar(), clock=clock
    )
    ratings.submit(RatingInput(served(queue, clerk), dict.fromkeys(Indicator, 5)), pad)
    bad = dict.fromkeys(Indicator, 4) | {Indicator.ATTITUDE: 2}
    reasons = WAIT | {BadReason.ATTITUDE}
    rated = RatingInput(served(queue, clerk), bad, reasons=reasons, reason_text="等了一个多小时")
    ratings.submit(rated, pad)
    clock.advance(minutes=24 * 60)
    sync.approve(first.case_id)
    results = ResultsService(db, protector, hall_code="CC01", clock=clock)
    request = HandoverRequest(first.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER))
    results.hand_over(request, clerk)
    clock.advance(minutes=24 * 60)
    sync.pull(second.case_id, "rejected", detail={"reason": "不符合条件"})


def test_a_days_figures_counted_by_hand(
    db: Database,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
) -> None:
    _busy_day(db, intake, clerk, pad, sync, clock, protector, queue)
    result = figures.figures(DAY, DAY + dt.timedelta(days=2))
    by_day = {r.period: r for r in result.rows}
    tuesday, wednesday, thursday = (by_day[str(DAY + dt.timedelta(days=n))] for n in range(3))
    assert (tuesday.accepted, tuesday.deferrals, tuesday.notices, tuesday.refusals) == (3, 1, 1, 0)
    assert (tuesday.ratings, tuesday.satisfaction["attitude"]["2"]) == (2, 1)
    assert tuesday.satisfaction["overall"] == {"5": 1, "4": 1, "3": 0, "2": 0, "1": 0}
    assert (wednesday.completed, wednesday.handed_over, wednesday.days_to_decision_avg) == (
        1,
        1,
        1.0,
    )
    assert (thursday.completed, thursday.completed_one_visit) == (1, 1)
    t = result.totals
    assert (t.accepted, t.completed, t.one_visit_share, t.handed_over) == (3, 2, 1.0, 1)
    assert (t.days_to_decision_avg, t.days_to_decision_p90, t.satisfied_share) == (1.5, 2.0, 1.0)
    assert result.catalogue_total.items == 43
    assert 0 < result.catalogue_total.once_and_for_all <= 43

    month = figures.figures(DAY, DAY + dt.timedelta(days=2), period=Period.MONTH)
    assert [(r.period, r.accepted, r.completed) for r in month.rows] == [("2026-11", 3, 2)]
    per_clerk = figures.figures(DAY, DAY + dt.timedelta(days=2), dimension=Dimension.CLERK)
    assert {r.key for r in per_clerk.rows} == {"clerk3"}
    per_item = figures.figures(DAY, DAY, dimension=Dimension.ITEM)
    # Ratings of services that opened no case count under no item ("").
    assert [(r.key, r.label, r.accepted, r.ratings) for r in per_item.rows] == [
        ("", "", 0, 2),
        ("22010001001700000017", "个体工商户注册登记", 3, 0),
    ]
    per_department = figures.figures(DAY, DAY, dimension=Dimension.DEPARTMENT)
    assert [(r.key, r.accepted) for r in per_department.rows if r.accepted] == [
        ("昆明市呈贡区市场监督管理局", 3)
    ]


def test_stats_json_returns_the_same_figures(
    db: Database,
    db_url: str,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    _busy_day(db, intake, clerk, pad, sync, clock, protector, queue)
    xlsx = tmp_path / "figures.xlsx"
    args = ["--db", db_url, "stats", "--from", "2026-11-24", "--to", "2026-11-26", "--json"]
    assert main([*args, "--xlsx", str(xlsx)]) == 0
    printed = json.loads(capsys.readouterr().out)
    totals = figures.figures(DAY, DAY + dt.timedelta(days=2)).totals
    assert printed["totals"]["accepted"] == totals.accepted == 3
    assert printed["totals"]["days_to_decision_p90"] == totals.days_to_decision_p90
    assert printed["catalogue_total"]["items"] == 43
    assert [r["period"] for r in printed["rows"]] == ["2026-11-24", "2026-11-25", "2026-11-26"]
    assert load_workbook(xlsx)["figures"].max_row == 2 + 3 + 1  # title, header, days, totals
    assert main(["--db", db_url, "stats", "--from", "2026-11-26", "--to", "2026-11-24"]) == 2
    assert "before it starts" in capsys.readouterr().err


def test_spreadsheets_keep_formula_like_text_as_text(
    tmp_path: Path, figures: FiguresService
) -> None:
    result = figures.figures(DAY, DAY)
    hostile = FigureRow("2026-11-24", '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", 1)
    poisoned = dataclasses.replace(
        result,
        rows=(hostile,),
        catalogue=(CatalogueShare("@SUM(1)", "-1+1", 4, 3),),
        once_mode=(OnceModeShare("2026-11-24", "\t=v1", 4, 3, 0),),
    )
    save_xlsx(poisoned, tmp_path / "f.xlsx")
    book = load_workbook(tmp_path / "f.xlsx")
    for cell, text in (
        (book["figures"]["B3"], '=HYPERLINK("http://x")'),
        (book["figures"]["C3"], "+cmd|' /C calc'!A0"),
        (book["catalogue"]["A2"], "@SUM(1)"),
        (book["catalogue"]["B2"], "-1+1"),
        (book["once_mode"]["B2"], "\t=v1"),
    ):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    for cell, number in (
        (book["figures"]["D3"], 1),
        (book["catalogue"]["C2"], 4),
        (book["catalogue"]["E2"], 0.75),
        (book["once_mode"]["C2"], 4),
    ):
        assert (cell.value, cell.data_type) == (number, "n")
    save_csv(poisoned, tmp_path / "f.csv")
    assert "'=HYPERLINK" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")


def test_deadline_alerts(
    db: Database,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
) -> None:
    accepted = accept(intake, clerk)  # due Friday 27 November (3 working days)
    deferred = accept(intake, clerk, deferred=True)  # M03 to be supplied by 26 November
    late = accept(intake, clerk)
    ratings = RatingService(
        db, protector, hall_code="CC01", calendar=shipped_calendar(), clock=clock
    )
    ratings.submit(
        RatingInput(served(queue, clerk), dict.fromkeys(Indicator, 1), reasons=WAIT), pad
    )
    # Tuesday: nothing due within two working days; only the warning that 2027 is missing
    assert [a.kind for a in figures.alerts()] == [AlertKind.CALENDAR_MISSING]
    # Wednesday 2 December, the sixth working day after receipt: the supplement notice is late;
    # the follow-up overdue.
    clock.set(dt.datetime(2026, 12, 2, 9, 0, tzinfo=SHANGHAI))
    sync.pull(late.case_id, "supplement_requested", detail={"supplement": {"lines": []}})
    alerts = {(a.kind, a.case_number) for a in figures.alerts()}
    assert (AlertKind.DUE_SOON, accepted.case_number) in alerts
    assert (AlertKind.DEFERRED_OVERDUE, deferred.case_number) in alerts
    assert (AlertKind.NOTICE_LATE, late.case_number) in alerts
    assert AlertKind.FOLLOW_UP_OVERDUE in {kind for kind, _ in alerts}
    overdue = next(a for a in figures.alerts() if a.kind is AlertKind.DEFERRED_OVERDUE)
    assert (overdue.subject, overdue.days) == ("M03", -6)
