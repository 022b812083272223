"""Who the counter's papers name, driven through the real intake service on both databases:
ID numbers and phones masked once from the stored value, a company's legal representative and
contact, the agent, and the first visit's date on a receipt after a one-time notice. The text
is read back out of the rendered PDF with PDFium."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from sqlalchemy import func, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.db.intake_models import Applicant, IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    IntakeRefusal,
    IntakeRefused,
    PageRef,
)
from clerk_app.sync.payload import to_wire
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import CaseAcceptV1
from printing.documents import ReceiptDoc
from printing.render import render_pdf
from tests.conftest import SHANGHAI
from tests.pdf_read import pdfium_text
from tests.printing import literals as samples

PERSON_ITEM = "22010001001700000017"  # 个体工商户注册登记: M01 M02 M04 required, M03 deferrable
COMPANY_ITEM = "22010001000400000004"  # 生产建设项目水土保持方案审批: M01 M02, legal persons
RESIDENT_ID = "220102199001021234"
CREDIT_CODE = "91350100M000100Y43"
AGENT_ID = "440524188001010014"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
SETTINGS = PaperSettings(samples.BRANDING)


def _draft(
    applicant: ApplicantInput,
    item: str,
    materials: tuple[str, ...],
    *,
    agent: AgentInput | None = None,
    continuing: str | None = None,
) -> CaseDraft:
    records = dict.fromkeys(materials, GOT)
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(materials, start=1)
    )
    return CaseDraft(applicant, item, "01", records, pages, agent=agent, continuing=continuing)


def _person(phone: str) -> ApplicantInput:
    return ApplicantInput(ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, RESIDENT_ID, phone)


def _paper_text(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    result: DecisionResult,
) -> tuple[ReceiptDoc, str]:
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(detail.summary.item_code, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=result.decision,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    doc = paper_for(request, SETTINGS)
    assert isinstance(doc, ReceiptDoc)
    return doc, pdfium_text(render_pdf(doc, SETTINGS.branding))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("138 1234 5678", "138****5678"),  # a mobile: network prefix and the last four
        ("0431-87654321", "0431-****4321"),  # a landline keeps its area code
        ("(0431)87654321", "0431-****4321"),
        ("010 12345678", "010-****5678"),
    ],
)
def test_phones_and_id_numbers_are_masked_once_from_the_stored_value(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    caplog: pytest.LogCaptureFixture,
    typed: str,
    printed: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    draft = _draft(_person(typed), PERSON_ITEM, ("M01", "M02", "M03", "M04"))
    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    with db.read() as s:
        stored = s.scalars(select(Applicant)).one()
        assert (stored.id_masked, stored.phone_masked) == ("220102********1234", printed)
    doc, text = _paper_text(db, intake, protector, clerk, result)
    assert "证件号码220102********1234" in text
    assert f"联系电话{printed}" in text
    whole = "".join(ch for ch in typed if ch.isdigit())
    assert RESIDENT_ID not in text and whole not in text.replace("-", "")
    assert RESIDENT_ID not in repr(doc) and whole not in repr(doc)
    assert RESIDENT_ID not in caplog.text and whole not in caplog.text


def test_a_company_receipt_names_its_legal_representative_contact_and_agent(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    company = ApplicantInput(
        ApplicantKind.COMPANY,
        "示范市建工集团有限公司",
        IdType.CREDIT_CODE,
        CREDIT_CODE,
        "13812345678",
        legal_representative="王𠮷",
        contact="李明",
    )
    agent = AgentInput("赵六", AGENT_ID, "授权委托书 2026-007")
    draft = _draft(company, COMPANY_ITEM, ("M01", "M02"), agent=agent)
    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    doc, text = _paper_text(db, intake, protector, clerk, result)
    assert doc.applicant.legal_representative == "王𠮷" and doc.applicant.contact == "李明"
    for line in (
        f"信用代码{CREDIT_CODE}",
        "法定代表人王𠮷",
        "联系人李明",
        "联系电话138****5678",
        "代理人赵六",
        "代理人证件号码440524********0014",
    ):
        assert line in text
    assert AGENT_ID not in text
    # Stored with the applicant, and sent to the central server in the protocol's fields.
    with db.read() as s:
        row = s.scalars(select(Applicant)).one()
        assert (row.legal_representative, row.contact_name) == ("王𠮷", "李明")
        op = s.scalars(select(OutboxOperation)).one()
        stored = json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))
        wire = to_wire(op.kind, stored, op.created_ms)
    sent = CaseAcceptV1.model_validate(wire).applicant
    assert (sent.legal_representative, sent.contact, sent.phone) == ("王𠮷", "李明", "13812345678")


def test_a_person_has_no_legal_representative_on_paper(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    person = ApplicantInput(
        ApplicantKind.PERSON,
        "张伟",
        IdType.RESIDENT_ID,
        RESIDENT_ID,
        "13812345678",
        legal_representative="王芳",
        contact="李明",
    )
    draft = _draft(person, PERSON_ITEM, ("M01", "M02", "M03", "M04"))
    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    _doc, text = _paper_text(db, intake, protector, clerk, result)
    assert "法定代表人" not in text and "联系人" not in text and "代理人" not in text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("legal_representative", "王芳2"),
        ("legal_representative", None),  # a new company case names both
        ("contact", "李\x07明"),
        ("contact", "李" * 65),
        ("contact", " "),
    ],
)
def test_a_bad_legal_representative_or_contact_is_refused_and_nothing_is_saved(
    db: Database, intake: IntakeService, clerk: UserInfo, field: str, value: str | None
) -> None:
    names = {"legal_representative": "王芳", "contact": "李明", field: value}
    company = ApplicantInput(
        ApplicantKind.COMPANY,
        "示范市建工集团有限公司",
        IdType.CREDIT_CODE,
        CREDIT_CODE,
        legal_representative=names["legal_representative"],
        contact=names["contact"],
    )
    with pytest.raises(IntakeRefused) as refused:
        intake.decide(_draft(company, COMPANY_ITEM, ("M01", "M02")), Decision.ACCEPT, clerk, 3)
    assert refused.value.code is IntakeRefusal.INVALID_APPLICANT
    assert refused.value.field_name == field
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(IntakeCase)) == 0
        assert s.scalar(select(func.count()).select_from(Applicant)) == 0


def test_a_receipt_after_a_one_time_notice_keeps_the_first_visits_application_date(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    clock: FixedClock,
) -> None:
    first = intake.decide(
        _draft(_person("13812345678"), PERSON_ITEM, ("M01", "M02")),
        Decision.ONE_TIME_NOTICE,
        clerk,
        window=3,
    )
    clock.set(dt.datetime(2026, 11, 26, 14, 0, tzinfo=SHANGHAI))  # two days later
    applicant = CaseLookup(db, protector, hall_code="CC01").applicant_of(first.case_number)
    again = _draft(
        applicant, PERSON_ITEM, ("M01", "M02", "M03", "M04"), continuing=first.case_number
    )
    second = intake.decide(again, Decision.ACCEPT, clerk, window=3)
    assert (second.case_number, second.visit) == (first.case_number, 2)
    doc, text = _paper_text(db, intake, protector, clerk, second)
    assert (doc.application_date, doc.acceptance_date) == (
        dt.date(2026, 11, 24),
        dt.date(2026, 11, 26),
    )
    assert "申请日期2026年11月24日" in text and "受理日期2026年11月26日" in text
    assert "于2026年11月24日提交" in text


def test_a_company_case_saved_before_the_names_were_asked_for_continues_without_them(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    company = ApplicantInput(
        ApplicantKind.COMPANY,
        "示范市建工集团有限公司",
        IdType.CREDIT_CODE,
        CREDIT_CODE,
        legal_representative="王芳",
        contact="李明",
    )
    first = intake.decide(
        _draft(company, COMPANY_ITEM, ("M01",)), Decision.ONE_TIME_NOTICE, clerk, window=3
    )
    with db.write() as s:  # as migration 0019 leaves an applicant saved before it
        row = s.scalars(select(Applicant)).one()
        row.legal_representative = row.contact_name = None
    applicant = CaseLookup(db, protector, hall_code="CC01").applicant_of(first.case_number)
    assert (applicant.legal_representative, applicant.contact) == (None, None)
    again = _draft(applicant, COMPANY_ITEM, ("M01", "M02"), continuing=first.case_number)
    second = intake.decide(again, Decision.ACCEPT, clerk, window=3)
    _doc, text = _paper_text(db, intake, protector, clerk, second)
    assert "法定代表人" not in text and f"信用代码{CREDIT_CODE}" in text


INVISIBLE_CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def _pasted(value: str, char: str) -> str:
    """As pasted from a chat app: ``char`` first (a BOM's place) and in the middle."""
    middle = len(value) // 2
    return char + value[:middle] + char + value[middle:]


@pytest.mark.parametrize("char", INVISIBLE_CHARS, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_pasted_into_identity_fields_are_dropped(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    char: str,
) -> None:
    company = ApplicantInput(
        ApplicantKind.COMPANY,
        "示范市建工集团有限公司",
        IdType.CREDIT_CODE,
        _pasted(CREDIT_CODE, char),
        _pasted("13812345678", char),
        legal_representative=_pasted("王𠮷", char),
        contact="李明",
    )
    agent = AgentInput("赵六", _pasted(AGENT_ID, char), "授权委托书 2026-007")
    accepted = intake.decide(
        _draft(company, COMPANY_ITEM, ("M01", "M02"), agent=agent), Decision.ACCEPT, clerk, window=3
    )
    person = ApplicantInput(
        ApplicantKind.PERSON,
        _pasted("张伟", char),
        IdType.RESIDENT_ID,
        _pasted(RESIDENT_ID, char),
        _pasted("0431-87654321", char),
    )
    second = intake.decide(
        _draft(person, PERSON_ITEM, ("M01", "M02", "M03", "M04")), Decision.ACCEPT, clerk, window=3
    )
    with db.read() as s:
        rows = {r.id_type: r for r in s.scalars(select(Applicant))}
        ops = s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        sent = [
            CaseAcceptV1.model_validate(
                to_wire(op.kind, json.loads(protector.decrypt(op.payload_enc, context=OUTBOX)), 0)
            )
            for op in ops
        ]
    assert rows[IdType.CREDIT_CODE.value].id_masked == CREDIT_CODE
    assert rows[IdType.RESIDENT_ID.value].id_masked == "220102********1234"
    assert rows[IdType.RESIDENT_ID.value].phone_masked == "0431-****4321"
    assert (sent[0].applicant.id_number, sent[0].applicant.phone) == (CREDIT_CODE, "13812345678")
    assert sent[0].applicant.legal_representative == "王𠮷"
    assert (sent[1].applicant.id_number, sent[1].applicant.phone) == (RESIDENT_ID, "0431-87654321")
    assert sent[1].applicant.name == "张伟"
    lookup = CaseLookup(db, protector, hall_code="CC01")
    found = lookup.search(id_number=_pasted(RESIDENT_ID, char))
    assert [c.case_number for c in found] == [second.case_number]
    assert [c.case_number for c in lookup.search(id_number=CREDIT_CODE)] == [accepted.case_number]
