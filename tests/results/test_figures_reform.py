"""The reform's figures on both databases, counted by hand: the on-the-spot (即办) share, visits
per case with the pickup trip, and the share of items in "once and for all" mode from the
catalogue version in force in each period, with the demo-valued fields flagged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import CatalogueDocument, load_file
from clerk_app.catalogue.store import CatalogueStore
from clerk_app.cli.main import main
from clerk_app.db.catalogue_models import CatalogueActivation, CatalogueVersion
from clerk_app.figures.report import figures_report, save_pdf
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import TREND_MONTHS, Dimension, Period
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.workdays import HallCalendar
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.intake.test_reason_texts import pdf_text  # pypdfium2
from tests.printing import literals as samples
from tests.results.conftest import ID_NUMBER, ITEM, FakeSync, accept, draft, page

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 24)
ON_THE_SPOT_ITEM = "22010007002300000023"  # 生育服务证登记: 即办件 (published), visits 0
# The demo catalogue: 43 items, 38 of them with visits 0 or 1; 41 items' visits are demo values.
DEMO_ITEMS, DEMO_ONCE, DEMO_VISITS_DEMO = 43, 38, 41


@pytest.fixture
def figures(db: Database, clock: FixedClock) -> FiguresService:
    return FiguresService(db, hall_code="CC01", calendar=HallCalendar(), clock=clock)


def _hall_day(
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    db: Database,
) -> None:
    """Tuesday: A a notice then an acceptance, picked up at the window (3 trips); B accepted
    and mailed (1); C a 即办件 accepted and finished on the spot (1); D accepted with a
    deferral (1). Four accepted, one on the spot; A, B and D are of an item whose handling
    is a demo value."""
    notice = dataclasses.replace(draft(), records={}, pages=())
    first = intake.decide(notice, Decision.ONE_TIME_NOTICE, clerk, window=3)
    a = intake.decide(
        dataclasses.replace(draft(), continuing=first.case_number), Decision.ACCEPT, clerk, 3
    )
    b = accept(intake, clerk)
    both = MaterialRecord(received=True, original_checked=True, copies=2)
    spot = dataclasses.replace(
        draft(), item_code=ON_THE_SPOT_ITEM, records={"M01": both}, pages=(page(9, "M01"),)
    )
    intake.decide(spot, Decision.ACCEPT, clerk, window=3)
    accept(intake, clerk, deferred=True)
    clock.advance(minutes=24 * 60)
    sync.approve(a.case_id)
    sync.approve(b.case_id)
    results = ResultsService(db, protector, hall_code="CC01", clock=clock)
    pickup = HandoverRequest(a.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER))
    results.hand_over(pickup, clerk)
    mail = HandoverRequest(
        b.case_id,
        HandoverMethod.MAIL,
        mail_to="张𠮷 长春市",
        courier="EMS",
        tracking_no="1234567890123",
    )
    results.hand_over(mail, clerk)


def test_on_the_spot_share_and_visits_per_case_counted_by_hand(
    db: Database,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
) -> None:
    _hall_day(intake, clerk, sync, clock, protector, db)
    result = figures.figures(DAY, DAY + dt.timedelta(days=1))
    tuesday = {r.period: r for r in result.rows}[DAY.isoformat()]
    assert (tuesday.accepted, tuesday.notices, tuesday.on_the_spot) == (4, 1, 1)
    assert tuesday.on_the_spot_share == 0.25
    assert tuesday.on_the_spot_demo == 3  # A, B, D: the share rests on demo values
    # A: notice + acceptance + pickup = 3; B mailed = 1; C = 1; D = 1.
    assert (tuesday.visit_cases, tuesday.visit_trips, tuesday.visits_per_case) == (4, 6, 1.5)
    t = result.totals
    assert (t.on_the_spot_share, t.visits_per_case, t.on_the_spot_demo) == (0.25, 1.5, 3)

    per_item = figures.figures(DAY, DAY, dimension=Dimension.ITEM)
    assert [
        (r.key, r.accepted, r.on_the_spot, r.visit_cases, r.visit_trips) for r in per_item.rows
    ] == [
        (ITEM, 3, 0, 3, 5),
        (ON_THE_SPOT_ITEM, 1, 1, 1, 1),
    ]
    per_clerk = figures.figures(DAY, DAY, dimension=Dimension.CLERK)
    assert [(r.key, r.on_the_spot, r.visits_per_case) for r in per_clerk.rows] == [
        ("clerk3", 1, 1.5)
    ]


def test_stats_prints_the_new_figures(
    db: Database,
    db_url: str,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
    protector: PersonalDataCipher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _hall_day(intake, clerk, sync, clock, protector, db)
    args = ["--db", db_url, "stats", "--from", "2026-11-24", "--to", "2026-11-24"]
    assert main([*args, "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert (totals["on_the_spot_share"], totals["visits_per_case"]) == (0.25, 1.5)
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "on the spot 1 of 4 accepted (25%; rests on demo values" in text
    assert "visits per case 1.50 (6 trips for 4 cases" in text


def _without_demo_visits(doc: CatalogueDocument, label: str, stricter: int) -> CatalogueDocument:
    """A new catalogue version: the visits of every item published (no longer demo values),
    and ``stricter`` of the once-mode items now needing two visits."""
    items, left = [], stricter
    for item in doc.items:
        visits = item.visits
        if left and visits <= 1:
            visits, left = 2, left - 1
        demo = tuple(f for f in item.demo_fields if f != "visits")
        items.append(
            item.model_copy(
                update={"version": item.version + 1, "visits": visits, "demo_fields": demo}
            )
        )
    return doc.model_copy(update={"version": label, "items": tuple(items)})


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def history(db: Database, clock: FixedClock) -> FixedClock:
    """The hall's history of the version in force, made by this test alone: demo-2026.12 was
    activated when the test database was built (on the real clock), so that row goes first.
    Then v2 on 10 September, the demo catalogue again on 20 October, v2 again on 20 November,
    and now is 2 December."""
    db.run_write(lambda s: s.execute(delete(CatalogueActivation)))
    store = CatalogueStore(db, clock)
    demo = load_file(demo_catalogue_path())
    demo_id = db.run_read(
        lambda s: s.scalar(
            select(CatalogueVersion.id).where(CatalogueVersion.label == demo.version)
        )
    )
    assert demo_id is not None
    v2 = _without_demo_visits(demo, "hall-2026.09", stricter=8)
    clock.set(at(dt.date(2026, 9, 10)))
    store.import_document(v2)
    clock.set(at(dt.date(2026, 10, 20)))
    store.activate(demo_id)
    clock.set(at(dt.date(2026, 11, 20)))
    store.import_document(v2)  # the same version again: a switch back to it
    clock.set(at(dt.date(2026, 12, 2)))
    return clock


def test_the_once_mode_share_follows_the_version_in_force_each_month(
    figures: FiguresService, history: FixedClock
) -> None:
    trend = figures.once_mode_trend(dt.date(2026, 12, 2), months=5)
    assert [(s.period, s.version_label, s.items, s.once_and_for_all) for s in trend] == [
        ("2026-08", None, 0, 0),  # before the history starts: no figure
        ("2026-09", "hall-2026.09", DEMO_ITEMS, DEMO_ONCE - 8),
        ("2026-10", "demo-2026.12", DEMO_ITEMS, DEMO_ONCE),
        ("2026-11", "hall-2026.09", DEMO_ITEMS, DEMO_ONCE - 8),
        ("2026-12", "hall-2026.09", DEMO_ITEMS, DEMO_ONCE - 8),  # in force now
    ]
    assert trend[0].share is None and trend[2].share == pytest.approx(38 / 43)
    assert [s.demo_valued for s in trend] == [0, 0, DEMO_VISITS_DEMO, 0, 0]
    assert [s.rests_on_demo_values for s in trend] == [False, False, True, False, False]


def test_the_figures_carry_the_share_of_each_of_their_periods(
    figures: FiguresService, history: FixedClock
) -> None:
    days = figures.figures(dt.date(2026, 10, 19), dt.date(2026, 10, 21))
    assert [(s.period, s.version_label) for s in days.once_mode] == [
        ("2026-10-19", "hall-2026.09"),
        ("2026-10-20", "demo-2026.12"),  # in force from 10:00 that day: by its end
        ("2026-10-21", "demo-2026.12"),
    ]
    months = figures.figures(dt.date(2026, 9, 15), dt.date(2026, 10, 10), period=Period.MONTH)
    # September's share from its end; October's from the range's end, 10 October.
    assert [(s.period, s.version_label) for s in months.once_mode] == [
        ("2026-09", "hall-2026.09"),
        ("2026-10", "hall-2026.09"),
    ]


def test_a_hall_with_no_history_yet_records_the_first_import(
    db: Database, clock: FixedClock
) -> None:
    db.run_write(lambda s: s.execute(delete(CatalogueActivation)))
    doc = _without_demo_visits(load_file(demo_catalogue_path()), "hall-2026.12", stricter=0)
    outcome = CatalogueStore(db, clock).import_document(doc)
    rows = db.run_read(
        lambda s: [(r.version_id, r.activated_ms) for r in s.scalars(select(CatalogueActivation))]
    )
    assert rows == [(outcome.version.version_id, clock.now_ms())]


def test_the_monthly_report_prints_the_new_figures_the_trend_and_the_demo_notes(
    db: Database,
    figures: FiguresService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    history: FixedClock,
    protector: PersonalDataCipher,
    tmp_path: Path,
) -> None:
    history.set(at(DAY, 9))  # v2 has been in force since 20 November
    _hall_day(intake, clerk, sync, history, protector, db)
    november = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    doc = figures_report(figures, *november, now_ms=history.now_ms())
    assert (doc.totals.on_the_spot_share, doc.totals.visits_per_case) == ("25.0%", "1.50")
    assert len(doc.once_mode_trend) == TREND_MONTHS
    assert [(m.period, m.version, m.demo_note) for m in doc.once_mode_trend[-3:]] == [
        ("2026年9月", "hall-2026.09", ""),
        ("2026年10月", "demo-2026.12", f"{DEMO_VISITS_DEMO}项跑动次数为演示值"),
        ("2026年11月", "hall-2026.09", ""),
    ]
    assert doc.once_mode_trend[0].version == "—"
    path = tmp_path / "monthly.pdf"
    save_pdf(doc, samples.BRANDING, path)
    text = re.sub(r"\s+", "", pdf_text(path.read_bytes()))
    assert "即办件当场办结率25.0%" in text and "每件跑动次数（含取件）1.50" in text
    assert "2026年10月demo-2026.1288.4%（38/43项）41项跑动次数为演示值" in text
    assert "到现场次数含演示值" in text  # October's share rests on demo values
    assert "受理件中有3件，其事项的办件类型（即办件或承诺件）为演示值" in text
    assert "即办率" in text and "人均跑动" in text  # the breakdown tables' new columns
