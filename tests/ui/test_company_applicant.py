"""A company at the intake screen, real services on both databases: its legal representative
and contact person asked for (only for a company), checked as typed, and printed on the
receipt with the contact's phone masked once and the agent (read back with PDFium)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.db.intake_models import Applicant
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import IdType
from onewindow_base.db.engine import Database
from tests.pdf_read import pdfium_text
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .intake_fixtures import ID_NUMBER
from .test_intake_flow import attach_scans, make_panel, pick_item, receive

CREDIT_CODE = "91350100M000100Y43"
AGENT_ID = "440524188001010014"


def _pdfs(out_dir: Path) -> list[str]:
    return [pdfium_text(p.read_bytes()) for p in sorted(out_dir.glob("*.pdf"))]


def test_a_company_names_its_legal_representative_and_contact_on_the_receipt(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    form = panel.applicant
    assert not form.legal_representative.isVisibleTo(panel)  # a person has neither
    assert not form.contact.isVisibleTo(panel)
    form.kind.setCurrentIndex(1)  # Company or organisation
    assert form.legal_representative.isVisibleTo(panel) and form.contact.isVisibleTo(panel)
    assert form.id_type.currentData() == IdType.CREDIT_CODE
    form.id_number.setText(CREDIT_CODE)
    form.name.setText("示范市建工集团有限公司")
    form.legal_representative.setFocus()
    form.legal_representative.setText("王芳")
    qtbot.keyClicks(form.legal_representative, "2")
    qtbot.keyClick(form.legal_representative, Qt.Key.Key_Tab)
    error = form.errors["legal_representative"]
    assert error.isVisibleTo(panel) and "digit" in error.text()
    form.legal_representative.setText("王𠮷")
    form.contact.setText("李明")
    form.phone.setText("0431-87654321")
    form.agent.setChecked(True)
    form.agent_name.setText("赵六")
    form.agent_id.setText(AGENT_ID)
    form.authorisation.setText("授权委托书 2026-007")
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ACCEPT].click()
    [receipt] = _pdfs(out_dir)
    for line in (
        f"信用代码{CREDIT_CODE}",
        "法定代表人王𠮷",
        "联系人李明",
        "联系电话0431-****4321",
        "代理人赵六",
        "代理人证件号码440524********0014",
    ):
        assert line in receipt
    assert "87654321" not in receipt and AGENT_ID not in receipt and ID_NUMBER not in receipt
    with db.read() as s:
        row = s.scalars(select(Applicant)).one()
        assert (row.kind, row.legal_representative, row.contact_name) == ("company", "王𠮷", "李明")
    form.reset()
    assert not form.legal_representative.isVisibleTo(panel) and not form.contact.text()
