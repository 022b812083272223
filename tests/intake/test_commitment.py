"""告知承诺制 end to end on both databases: the catalogue flag, the rules, the saved case with
its post-check date, the outbox payload on the wire, and the commitment letter read back."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.cli.main import main
from clerk_app.config_check import check_config
from clerk_app.db.intake_models import CaseMaterial, IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import AlertKind
from clerk_app.intake.checklist import MaterialRecord, MaterialStatus, ReasonCode
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import (
    PaperRequest,
    PaperSettings,
    commitment_letter_for,
    paper_for,
)
from clerk_app.intake.post_check import PostCheckOutcome, PostCheckService
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService, requirements_of
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    IntakeRefused,
    PageRef,
)
from clerk_app.intake.workdays import HallCalendar
from clerk_app.settings import ConfigError, Settings, settings_from_toml
from clerk_app.sync.payload import to_wire
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import CaseAcceptV1
from printing.documents import CommitmentDoc, HallBranding
from printing.render import document_number, render_pdf

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
# 食品经营许可证（销售类）登记, version 2: M03 M05 M06 may be committed to; 20 days to check.
ITEM = "22010001000600000006"
COMMITTED = ("M03", "M05", "M06")
NO_COMMITMENT_ITEM = "22010001001700000017"  # 个体工商户注册登记
CREDIT_CODE = "91350100M000100Y43"
SETTINGS = PaperSettings(HallBranding())


def _draft(
    intake: IntakeService, item_code: str, committed: tuple[str, ...], **kw: object
) -> CaseDraft:
    """Every required or deferrable material handed in and scanned, except those committed."""
    item = intake.item(item_code)
    records: dict[str, MaterialRecord] = {}
    pages = []
    for n, req in enumerate(requirements_of(item, "01"), start=1):
        if req.key in committed:
            records[req.key] = MaterialRecord(committed=True)
        elif req.necessity.value != "optional":
            records[req.key] = MaterialRecord(received=True, original_checked=True, copies=9)
            pages.append(PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, req.key))
    applicant = ApplicantInput(
        ApplicantKind.COMPANY,
        "长春市惠民便利店有限公司",
        IdType.CREDIT_CODE,
        CREDIT_CODE,
        "13812345678",
        legal_representative="王芳",
        contact="刘洋",
    )
    return CaseDraft(applicant, item_code, "01", records, tuple(pages), **kw)  # type: ignore[arg-type]


def _letter(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    result: DecisionResult,
) -> CommitmentDoc | None:
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
    assert paper_for(request, SETTINGS) is not None  # the receipt as before
    return commitment_letter_for(request, SETTINGS)


def _pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return re.sub(r"\s+", "", "".join(pages))


def test_the_demo_catalogue_flags_business_licences_for_notify_and_commit(
    intake: IntakeService,
) -> None:
    item = intake.item(ITEM)
    assert (item.version, item.notify_commit, item.post_check_days) == (2, True, 20)
    assert tuple(m.code for m in item.materials if m.commitment) == COMMITTED
    assert {"notify_commit", "post_check_days"} <= set(item.demo_fields)
    other = intake.item(NO_COMMITMENT_ITEM)
    assert not other.notify_commit and not any(m.commitment for m in other.materials)


def test_a_commitment_accepts_the_case_saves_the_post_check_date_and_sends_it(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    protector: PersonalDataProtector,
) -> None:
    draft = _draft(intake, ITEM, COMMITTED)
    assessment = intake.assess(draft)
    assert assessment.recommended is Decision.ACCEPT
    assert [m.key for m in assessment.committed] == list(COMMITTED)
    accept = assessment.option(Decision.ACCEPT)
    assert {r.code for r in accept.reasons} >= {ReasonCode.ALL_COMPLETE, ReasonCode.COMMITTED}
    assert accept.warnings == ()  # 2026 is known: the post-check date is computed

    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    with db.read() as session:
        case = session.scalars(select(IntakeCase)).one()
        # 20 working days after Tuesday 2026-11-24
        assert (case.post_check_days, case.post_check_due) == (20, dt.date(2026, 12, 22))
        committed = session.scalars(
            select(CaseMaterial.material_code).where(CaseMaterial.committed.is_(True))
        ).all()
        assert sorted(committed) == list(COMMITTED)
        op = session.scalars(select(OutboxOperation)).one()
        stored = json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))
    wire = to_wire(op.kind, stored, op.created_ms)
    checked = CaseAcceptV1.model_validate(wire)  # the server's own schema takes it
    assert [m.code for m in checked.materials if m.status.value == "commitment"] == list(COMMITTED)
    assert checked.commitment is not None
    assert (checked.commitment.post_check_days, checked.commitment.post_check_date) == (
        20,
        dt.date(2026, 12, 22),
    )
    # Read back for a reprint, the case keeps its committed materials.
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    assert sorted(k for k, r in detail.records.items() if r.committed) == list(COMMITTED)
    assert detail.post_check_due == dt.date(2026, 12, 22)


def test_the_letter_states_conditions_check_consequence_and_signature(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    protector: PersonalDataProtector,
) -> None:
    result = intake.decide(_draft(intake, ITEM, COMMITTED), Decision.ACCEPT, clerk, window=3)
    letter = _letter(db, intake, protector, clerk, result)
    assert letter is not None
    branding = SETTINGS.branding
    text = _pdf_text(render_pdf(letter, branding))
    item = intake.item(ITEM)
    names = [m.name_zh for m in item.materials if m.code in COMMITTED]
    for expected in (
        "告知承诺书",
        str(document_number(letter, branding)),
        "国办发〔2020〕42号",
        result.case_number,
        "食品经营许可证（销售类）登记",
        "长春市惠民便利店有限公司",
        CREDIT_CODE,
        "5678",  # the phone masked (exactly 138****5678 once issue 15.5 masks once)
        *(re.sub(r"\s+", "", n) for n in names),
        "自受理之日起20个工作日内（2026年12月22日前）",
        "撤销",
        "记入申请人信用记录",
        "有严重失信记录或者曾作出虚假承诺的申请人，不适用告知承诺制",
        "本人（本单位）郑重承诺",
        "申请人（签字或盖章）：",
        "第一联（申请人联）",
        "第二联（存档联）",
    ):
        assert expected in text, expected
    assert "13812345678" not in text
    assert not re.search(r"[A-Za-z]{4,}", text.replace("https://zwfw.example.gov.cn", ""))


def test_no_letter_without_a_commitment(
    db: Database, intake: IntakeService, clerk: UserInfo, protector: PersonalDataProtector
) -> None:
    result = intake.decide(_draft(intake, ITEM, ()), Decision.ACCEPT, clerk, window=3)
    assert _letter(db, intake, protector, clerk, result) is None
    with db.read() as session:
        case = session.scalars(select(IntakeCase)).one()
        assert (case.post_check_days, case.post_check_due) == (None, None)


def test_bad_credit_excludes_notify_and_commit(intake: IntakeService, clerk: UserInfo) -> None:
    draft = _draft(intake, ITEM, COMMITTED, applicant_bad_credit=True)
    assessment = intake.assess(draft)
    assert not assessment.option(Decision.ACCEPT).allowed
    assert assessment.recommended is Decision.ONE_TIME_NOTICE
    excluded = {
        m.key
        for m in assessment.notice_items
        if any(r.code is ReasonCode.COMMITMENT_EXCLUDED for r in m.problems)
    }
    assert excluded == set(COMMITTED)
    with pytest.raises(IntakeRefused):
        intake.decide(draft, Decision.ACCEPT, clerk, window=3)


def test_an_item_without_notify_and_commit_takes_no_commitment(intake: IntakeService) -> None:
    draft = _draft(intake, NO_COMMITMENT_ITEM, ("M01",))
    assessment = intake.assess(draft)
    state = next(m for m in assessment.materials if m.key == "M01")
    assert state.status is MaterialStatus.MISSING
    assert ReasonCode.NOT_COMMITTABLE in {r.code for r in state.problems}
    assert not assessment.option(Decision.ACCEPT).allowed


def test_a_post_check_in_an_unknown_year_waits_and_is_never_guessed(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    protector: PersonalDataProtector,
) -> None:
    clock.set(dt.datetime(2026, 12, 10, 10, 0, tzinfo=SHANGHAI))  # 20 working days: 2027
    draft = _draft(intake, ITEM, COMMITTED)
    accept = intake.assess(draft).option(Decision.ACCEPT)
    assert accept.allowed
    assert ReasonCode.POST_CHECK_DATE_UNKNOWN in {w.code for w in accept.warnings}
    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    with db.read() as session:
        case = session.scalars(select(IntakeCase)).one()
        assert (case.post_check_days, case.post_check_due) == (20, None)
    letter = _letter(db, intake, protector, clerk, result)
    assert letter is not None and letter.post_check_due is None
    text = _pdf_text(render_pdf(letter, SETTINGS.branding))
    assert "核查期限为自受理之日起20个工作日内，" in text
    assert "2027年" not in text


def test_the_supervisor_sees_post_checks_due_and_undated_ones_dated_once_the_year_is_loaded(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock
) -> None:
    dated = intake.decide(_draft(intake, ITEM, COMMITTED), Decision.ACCEPT, clerk, window=3)
    clock.set(dt.datetime(2026, 12, 10, 10, 0, tzinfo=SHANGHAI))
    undated = intake.decide(_draft(intake, ITEM, COMMITTED), Decision.ACCEPT, clerk, window=3)

    def post_checks(calendar: HallCalendar) -> set[tuple[AlertKind, str | None, dt.date | None]]:
        figures = FiguresService(db, hall_code="CC01", calendar=calendar, clock=clock)
        return {
            (a.kind, a.case_number, a.due)
            for a in figures.alerts()
            if a.kind in (AlertKind.POST_CHECK_DUE, AlertKind.POST_CHECK_UNDATED)
        }

    # 2026-12-10: the first check (2026-12-22) is not yet within two working days.
    assert post_checks(shipped_calendar()) == {
        (AlertKind.POST_CHECK_UNDATED, undated.case_number, None)  # waits for 2027: no date
    }
    clock.set(dt.datetime(2026, 12, 21, 9, 0, tzinfo=SHANGHAI))
    assert (AlertKind.POST_CHECK_DUE, dated.case_number, dt.date(2026, 12, 22)) in post_checks(
        shipped_calendar()
    )
    # The hall loads 2027 (New Year's Day a holiday): the waiting date is computed.
    known = shipped_calendar()
    year_2027 = HallCalendar(
        holidays=known.holidays | {dt.date(2027, 1, 1)},
        workdays=known.workdays,
        complete_years=known.complete_years | {2027},
    )
    clock.set(dt.datetime(2027, 1, 6, 9, 0, tzinfo=SHANGHAI))
    assert post_checks(year_2027) == {
        (AlertKind.POST_CHECK_DUE, dated.case_number, dt.date(2026, 12, 22)),
        (AlertKind.POST_CHECK_DUE, undated.case_number, dt.date(2027, 1, 8)),
    }


def test_the_hall_default_post_check_period_is_a_checked_setting(tmp_path: Path) -> None:
    assert Settings().post_check_days == 20
    assert settings_from_toml({"hall": {"post_check_days": 15}}, tmp_path).post_check_days == 15
    with pytest.raises(ConfigError, match="post_check_days"):
        settings_from_toml({"hall": {"post_check_days": 0}}, tmp_path)
    config = tmp_path / "config.toml"
    config.write_text("[hall]\npost_check_days = 15\n", encoding="utf-8")
    assert not [p for p in check_config(config) if "post_check_days" in str(p)]


def test_a_false_commitment_found_at_post_check_excludes_the_applicant_next_time(
    db: Database,
    db_url: str,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = intake.decide(_draft(intake, ITEM, COMMITTED), Decision.ACCEPT, clerk, window=3)
    checks = PostCheckService(db, clock)
    with pytest.raises(PermissionDenied):
        checks.record(first.case_number, PostCheckOutcome.VERIFIED, by=clerk)
    # A supervisor records it from the command line: the case leaves the alerts.
    monkeypatch.setenv("ONEWINDOW_PASSWORD", "supervisor-demo")
    argv = ["--db", db_url, "--user", "supervisor", "case", "post-check", first.case_number]
    assert main([*argv, "--outcome", "false_commitment", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "false_commitment"
    assert main([*argv, "--outcome", "verified"]) == 1  # once
    assert "already_recorded" in capsys.readouterr().err
    clock.set(dt.datetime(2026, 12, 21, 9, 0, tzinfo=SHANGHAI))
    figures = FiguresService(db, hall_code="CC01", calendar=shipped_calendar(), clock=clock)
    assert AlertKind.DUE_SOON in {a.kind for a in figures.alerts()}  # its decision is due
    assert AlertKind.POST_CHECK_DUE not in {a.kind for a in figures.alerts()}
    audit = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.post_check"]
    assert [e.target for e in audit] == [first.case_number]
    # The same company again: notify-and-commit is closed to it, the proofs are missing.
    again = intake.assess(_draft(intake, ITEM, COMMITTED))
    assert not again.option(Decision.ACCEPT).allowed
    assert {
        m.key
        for m in again.notice_items
        if any(r.code is ReasonCode.COMMITMENT_EXCLUDED for r in m.problems)
    } == set(COMMITTED)
