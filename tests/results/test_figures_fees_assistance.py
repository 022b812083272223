"""The hall figures' exports carry the period's fees (per payment method and per item, as the
daily report sums them) and the 帮办代办 per helper and kind: the XLSX read back with openpyxl,
the report PDF's text read back with PDFium, on both databases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.assistance.service import AssistanceInput, AssistanceService
from clerk_app.audit.service import AuditService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.figures.export import figures_json
from clerk_app.figures.service import FiguresService
from clerk_app.intake.fees import PaymentInput, PaymentMethod
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import AssistanceKind
from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.pdf_read import pdfium_text
from tests.results.test_fees_mailing import REFERENCE, fee_draft
from tests.results.test_figures import figures  # noqa: F401 - the fixture


@pytest.fixture
def filled_day(
    db: Database,
    intake: IntakeService,
    queue: QueueService,
    clerk: UserInfo,
    clock: FixedClock,
    protector: PersonalDataCipher,
) -> None:
    """Two cash fees, one 非税 payment, one waived, one pay-later; a helper's two sittings."""
    for payment in (
        PaymentInput(PaymentMethod.CASH),
        PaymentInput(PaymentMethod.CASH),
        PaymentInput(PaymentMethod.NONTAX, reference=REFERENCE),
        PaymentInput(PaymentMethod.WAIVED, reason="低保对象减免"),
        PaymentInput(PaymentMethod.PENDING),
    ):
        case = intake.decide(fee_draft(payment=payment), Decision.ACCEPT, clerk, window=3)
    helper = AuthService(db).authenticate("helper1", "helper1-demo")
    helping = AssistanceService(db, AuditService(db, clock), clock, protector, rules=queue.rules)
    now = helping.now_ms()
    ticket = queue.issue("BIZ").ticket
    form = (AssistanceKind.FORM_FILLING,)
    helping.record(helper, AssistanceInput(form, now, ticket_number=ticket.number, minutes=5))
    proxy = (AssistanceKind.PROXY,)
    helping.record(
        helper,
        AssistanceInput(
            proxy, now, case_number=case.case_number, minutes=30, authorisation_seen=True
        ),
    )


@pytest.mark.usefixtures("filled_day")
def test_the_xlsx_has_the_fees_and_the_assistance(
    figures: FiguresService,  # noqa: F811
    supervisor: UserInfo,
    intake: IntakeService,
    tmp_path: Path,
) -> None:
    day = intake.today()
    shown = figures.figures(day, day)
    path = tmp_path / "figures.xlsx"
    figures.export(shown, path, by=supervisor)
    book = load_workbook(path)
    fees = [tuple(r) for r in book["fees"].iter_rows(values_only=True)]
    assert fees == [
        ("缴费方式 method", "件数 cases", "金额(元) amount (yuan)"),
        ("现金 cash", 2, 16),
        ("非税收入缴款码 nontax", 1, 8),
        ("免缴 waived", 1, 8),
        ("待缴 pending", 1, 8),
        ("实收合计 taken", None, 24),
        (None, None, None),
        ("事项（实收）item (taken)", "件数 cases", "金额(元) amount (yuan)"),
        ("内地居民离婚登记", 3, 24),
    ]
    assert book["fees"]["C2"].number_format == "0.00"
    helped = [tuple(r) for r in book["assistance"].iter_rows(min_row=2, values_only=True)]
    assert helped == [
        ("帮办员王五", "填表 form_filling", 0, 1, 5),
        ("帮办员王五", "全程代办 proxy", 1, 1, 30),
    ]
    body = figures_json(shown)
    assert body["fees"]["taken"] == "24.00"
    assert body["fees"]["by_method"][0] == {"key": "cash", "cases": 2, "amount": "16.00"}
    assert [a["kind"] for a in body["assistance"]] == ["form_filling", "proxy"]


@pytest.mark.usefixtures("filled_day")
def test_the_report_pdf_has_the_fees_and_the_assistance(
    figures: FiguresService,  # noqa: F811
    supervisor: UserInfo,
    intake: IntakeService,
    tmp_path: Path,
) -> None:
    day = intake.today()
    path = tmp_path / "daily.pdf"
    figures.export_report(day, day, path, DEMO_BRANDING, by=supervisor)
    text = pdfium_text(path.read_bytes())
    for line in (
        "收费统计",
        "现金216.00",
        "非税收入缴款码18.00",
        "免缴18.00",
        "待缴18.00",
        "实收合计24.00",
        "内地居民离婚登记324.00",
        "帮办代办统计",
        "帮办员王五填表015",
        "帮办员王五全程代办1130",
    ):
        assert line in text, line


def test_a_period_without_fees_or_assistance_exports_empty_tables(
    figures: FiguresService,  # noqa: F811
    supervisor: UserInfo,
    intake: IntakeService,
    tmp_path: Path,
) -> None:
    day = intake.today()
    shown = figures.figures(day, day)
    assert shown.fees.by_method == () and shown.assistance == ()
    path = tmp_path / "empty.xlsx"
    figures.export(shown, path, by=supervisor)
    book = load_workbook(path)
    assert book["fees"]["A2"].value == "实收合计 taken"
    assert book["fees"]["C2"].value == Decimal(0) or book["fees"]["C2"].value == 0
    assert book["assistance"].max_row == 1
    pdf = tmp_path / "empty.pdf"
    figures.export_report(day, day, pdf, DEMO_BRANDING, by=supervisor)
    assert "收费统计" not in pdfium_text(pdf.read_bytes())
