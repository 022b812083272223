"""Fees and mailing on the clerk's screens around the real services, on both databases: the fee
and its basis shown, a payment entered (a wrong reference explained and nothing saved), the
receipt printed with the payment; mailing chosen at intake; a mailed handover with its tracking
number checked and its waybill printed."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.accounts.roles import UserInfo
from clerk_app.db.fees_models import CaseMailing, CasePayment
from clerk_app.db.intake_models import IntakeCase
from clerk_app.intake.fees import FeeLine, PaymentInput, PaymentMethod
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.results.couriers import Courier, TrackingError, check_tracking
from clerk_app.results.papers import handover_owner_key
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod
from clerk_app.validation import Invalid
from onewindow_base.db.engine import Database
from tests.pdf_read import pdfium_text
from tests.results.conftest import (  # noqa: F401 - fixtures
    FakeSync,
    audit,
    clerk,
    draft,
    intake,
    printer,
    sync,
)
from tests.results.test_fees_mailing import fee_draft
from tests.results.test_results import papers, results  # noqa: F401 - fixtures
from tests.ui.test_pickup import _dialog, pickup  # noqa: F401 - fixtures
from ui.fee_messages import fee_problem_text
from ui.fees_box import FeesBox
from ui.intake import checklist_edits as ce
from ui.intake.delivery_box import DeliveryBox
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.results.pickup_panel import PickupPanel
from ui.tasks import TaskRunner

from .intake_fixtures import pdf_texts, squeeze
from .test_intake_flow import attach_scans, count, fill_applicant, make_panel, pick_item, receive

REFERENCE = "22010026120000012345"


def pick_divorce(qtbot: QtBot, panel: IntakePanel) -> None:
    search = panel.picker.search
    search.setFocus()
    qtbot.keyClicks(search, "ndjmlhdj")  # 内地居民离婚登记
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(panel.picker.hits, Qt.Key.Key_Return)
    assert panel.picker.item is not None and panel.picker.item.name_zh == "内地居民离婚登记"


def copies(panel: IntakePanel, key: str, n: int) -> None:
    model = panel.checklist
    model.setData(model.index(model.row_of(key), ce.COPIES), n, Qt.ItemDataRole.EditRole)


def test_the_fee_is_shown_paid_by_reference_and_printed_on_the_receipt(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_divorce(qtbot, panel)
    fees = panel.fees
    assert "离婚证工本费（每对）: 8.00 yuan" in fees.summary.text()
    assert "Basis: 邓州市民政局婚姻登记处" in fees.summary.text()
    assert "Total: 8.00 yuan" in fees.summary.text()
    assert fees.payment_rows.isVisibleTo(panel)
    receive(qtbot, panel, "M01", "M02", "M03")
    copies(panel, "M02", 2)
    attach_scans(panel, tmp_path, ["M01", "M02", "M03"])
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    assert accept.isEnabled()
    fees.method.setCurrentIndex(fees.method.findData(PaymentMethod.NONTAX))
    assert fees.reference.isVisibleTo(panel) and not fees.reason.isVisibleTo(panel)
    qtbot.keyClicks(fees.reference, REFERENCE[:-1])
    assert fees.problem.text() == "A non-tax payment reference has 20 digits, not 19"
    accept.click()
    assert panel.message.text() == "A non-tax payment reference has 20 digits, not 19"
    assert count(db, IntakeCase) == 0 and count(db, CasePayment) == 0
    qtbot.keyClicks(fees.reference, REFERENCE[-1])
    assert fees.problem.text() == ""
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    [receipt] = pdf_texts(out_dir)
    flat = squeeze(receipt)
    for line in (
        "收费情况",
        "离婚证工本费（每对）",
        "应缴合计：8.00元",
        "实收金额8.00元",
        f"缴款码{REFERENCE}",
        "缴费方式非税收入缴款码",
    ):
        assert line in flat, line
    # The next case starts free of fees until its item says otherwise.
    panel.new_case()
    assert fees.summary.text() == "Free of charge (免费)" and fees.payment() is None


def test_mailing_is_chosen_at_intake_and_the_receipt_says_where(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    assert panel.fees.summary.text() == "Free of charge (免费)"
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    box = panel.delivery
    assert not box.address_rows.isVisibleTo(panel)
    box.mail.click()
    assert box.address_rows.isVisibleTo(panel)
    assert (box.recipient.text(), box.phone.text()) == ("张伟", "13812345678")  # the applicant
    box.province.setText("吉林省")
    box.city.setText("长春市")
    box.district.setText("南关区")
    box.address.setText("1号")
    box.address.editingFinished.emit()
    assert box.problem.text() == "Enter the full street address"
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    accept.click()
    assert count(db, IntakeCase) == 0  # refused: the address cannot be used
    box.address.setText("人民大街1号3单元")
    box.postal_code.setText("130022")
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    flat = squeeze(pdf_texts(out_dir)[0])
    assert "邮寄送达：吉林省长春市南关区人民大街1号3单元（130022），收件人张伟，138****5678" in flat
    assert "13812345678" not in flat
    assert count(db, CaseMailing) == 1


def test_a_mailed_result_is_handed_over_as_mailed_and_its_waybill_printed(
    pickup: PickupPanel,  # noqa: F811
    results: ResultsService,  # noqa: F811
    printer: PrintService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    mail = MailingInput("王芳", "13912345678", "吉林省", "长春市", "南关区", "人民大街1号3单元")
    case = intake.decide(dataclasses.replace(draft(), mailing=mail), Decision.ACCEPT, clerk, 3)
    sync.approve(case.case_id)
    pickup.refresh()
    dialog = _dialog(pickup, case.case_number)
    assert dialog.mail.isChecked()  # chosen at intake
    assert dialog.mail_to.text() == "王芳"
    assert dialog.address.text() == "吉林省长春市南关区人民大街1号3单元　139****5678"
    assert dialog.courier.currentText() == "中国邮政EMS" and not dialog.fees.isVisibleTo(dialog)
    dialog.tracking_no.setText("EA123456784CN")
    dialog.submit()
    assert dialog.status.text() == (
        "The check digit of this EMS number is 4, it should be 5: check the number"
    )
    assert results.handover_of(case.case_id) is None
    dialog.tracking_no.setText("EA123456785CN")
    dialog.submit()
    done = results.handover_of(case.case_id)
    assert done is not None and done.method is HandoverMethod.MAIL and done.mailed
    assert pickup.status.text() == (
        f"{case.case_number}: mailed, recorded. The handover record is printed."
    )
    [record] = printer.jobs(owner=handover_owner_key(case.case_number))
    text = squeeze(pdfium_text(printer.archived_pdf(record.id)))
    for line in (
        "出件方式邮寄送达",
        "快递公司中国邮政EMS",
        "运单号EA123456785CN",
        "邮寄面单信息",
        "收件电话13912345678",
        "收件地址吉林省长春市南关区人民大街1号3单元",
    ):
        assert line in text, line


def test_fees_and_their_problems_read_in_chinese(qtbot: QtBot, chinese: None) -> None:
    box = FeesBox()
    qtbot.addWidget(box)
    box.set_fees([FeeLine("离婚证工本费（每对）", "Fee", Decimal("8.00"), "办事指南")])
    assert box.summary.text() == (
        "离婚证工本费（每对）: 8.00 元\n    收费依据：办事指南\n合计：8.00 元"
    )
    assert box.method.currentText() == "现金"
    box.method.setCurrentIndex(box.method.findData(PaymentMethod.NONTAX))
    box.reference.setText("1234")
    assert box.problem.text() == "非税收入缴款码应为 20 位数字，现为 4 位"
    box.set_fees(())
    assert box.summary.text() == "免费"


def test_mailing_problems_read_in_chinese(qtbot: QtBot, chinese: None) -> None:
    box = DeliveryBox()
    qtbot.addWidget(box)
    box.mail.click()
    box.suggest("王芳", "0431-88881234")
    for field, text in ((box.province, "吉林省"), (box.city, "长春市"), (box.district, "南关区")):
        field.setText(text)
    box.address.setText("人民大街1号")
    box.address.editingFinished.emit()
    assert box.problem.text() == "邮寄须留手机号码（11 位，以 1 开头）"
    box.phone.setText("13912345678")
    box.postal_code.setText("1300")
    box.postal_code.editingFinished.emit()
    assert box.problem.text() == "邮政编码应为 6 位数字"
    assert (
        fee_problem_text(check_tracking_problem())
        == "该 EMS 运单号的校验位为 4，应为 5：请核对运单号"
    )


def check_tracking_problem() -> Invalid[TrackingError]:
    found = check_tracking(Courier.EMS, "EA123456784CN")
    assert isinstance(found, Invalid)
    return found


def test_fees_left_to_pay_are_taken_in_the_handover_dialog(
    db: Database,
    pickup: PickupPanel,  # noqa: F811
    results: ResultsService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    later = fee_draft(payment=PaymentInput(PaymentMethod.PENDING))
    case = intake.decide(later, Decision.ACCEPT, clerk, 3)
    sync.approve(case.case_id)
    pickup.refresh()
    dialog = _dialog(pickup, case.case_number)
    assert dialog.fees.isVisibleTo(dialog) and not dialog.mail.isChecked()
    assert dialog.fees.summary.text() == "Left to pay at pickup: 8.00 yuan"
    assert dialog.fees.method.findData(PaymentMethod.PENDING) == -1  # no paying later again
    dialog.fees.amount.setText("8.001")
    dialog.recipient_name.setText("张𠮷")
    dialog.id_number.setText("11010519491231002X")
    dialog.submit()
    assert dialog.status.text() == "The amount is yuan with at most two decimals, e.g. 8 or 8.50"
    assert results.handover_of(case.case_id) is None
    dialog.fees.amount.setText("8")
    dialog.submit()
    assert results.handover_of(case.case_id) is not None
    with db.read() as session:
        paid = session.get_one(CasePayment, case.case_id)
        assert (paid.status, paid.method, paid.paid_fen) == ("paid", "cash", 800)
