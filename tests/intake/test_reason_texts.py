"""One catalogue of the checklist's reasons: every code in Chinese and English, and a one-time
notice from the real counter flow that carries only Chinese."""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium
import pytest

from clerk_app.accounts.roles import UserInfo
from clerk_app.intake.checklist import APPLICANT_REASONS, MaterialRecord, Reason, ReasonCode
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.reason_texts import GROUNDS, REASONS, reason_text
from clerk_app.intake.rules import Decision, RefusalGround
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from onewindow_base.db.engine import Database
from onewindow_base.wording import Language, Wording, placeholders
from printing.documents import Clerk, MaterialProblem, OneTimeNoticeDoc, Party, RequiredMaterial
from printing.render import render_pdf
from tests.printing import literals as samples

ITEM = "22010001001700000017"  # 个体工商户注册登记: M01–M04
ASCII_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,:;'()-]+[A-Za-z]{2,})+")
CJK = re.compile(r"[\u4e00-\u9fff]")
EVERY_FIELD = Reason(
    ReasonCode.DEFECT_NOTED,
    "M01",
    have=1,
    need=2,
    text="未签字",
    on=dt.date(2026, 11, 26),
    limit=dt.date(2026, 11, 27),
)


def test_every_reason_code_and_ground_has_both_languages() -> None:
    assert set(REASONS) == set(ReasonCode)
    assert set(GROUNDS) == set(RefusalGround)
    for code, wording in [*REASONS.items(), *GROUNDS.items()]:
        assert isinstance(wording, Wording), code
        if code is ReasonCode.DEFECT_NOTED:  # the clerk's own words
            continue
        assert CJK.search(wording.zh), f"{code}: no Chinese"
        words = re.sub(r"\{\w+\}", "", wording.zh)
        assert not re.search(r"[A-Za-z]", words), f"{code}: Latin letters in {wording.zh!r}"
        assert re.search(r"[A-Za-z]{3,}", wording.en), f"{code}: no English"


def test_a_wording_missing_a_language_or_a_placeholder_is_refused() -> None:
    with pytest.raises(ValueError, match="both languages"):
        Wording("未提交", "")
    with pytest.raises(ValueError, match="different placeholders"):
        Wording("应交{need}份", "{have} of {need} copies")
    assert placeholders("{have} of {need}") == {"have", "need"}


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_reason_renders_in_each_language(code: ReasonCode) -> None:
    reason = Reason(
        code,
        EVERY_FIELD.material,
        EVERY_FIELD.have,
        EVERY_FIELD.need,
        "outside_remit" if "REFUSAL_GROUND" in code.name else EVERY_FIELD.text,
        EVERY_FIELD.on,
        EVERY_FIELD.limit,
    )
    names = {"M01": "申请书"}
    chinese = reason_text(reason, Language.ZH_CN, names)
    english = reason_text(reason, Language.EN, names)
    assert chinese.startswith("申请书：") and english.startswith("申请书: ")
    assert not re.search(r"[A-Za-z]", chinese), chinese
    assert "{" not in chinese + english
    bare = reason_text(reason, Language.ZH_CN, names, with_material=False)
    assert not bare.startswith("申请书")
    if "{on}" in REASONS[code].zh:
        assert "2026年11月26日" in chinese and "2026-11-26" in english


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_the_one_time_notice_states_every_problem_in_chinese_only(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    records = {
        # copies short and a defect the clerk noted
        "M01": MaterialRecord(received=True, copies=0, defects=("申请书未签字",)),
        # original and copy: the original was not shown
        "M02": MaterialRecord(received=True, original_checked=False, copies=1),
        # an e-licence this material does not accept
        "M03": MaterialRecord(elicence_number="2201-YY-0042"),
        # a required material cannot be deferred
        "M04": MaterialRecord(deferred=True, supply_by=dt.date(2026, 11, 26)),
    }
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, "11010519491231002X", "13812345678"
    )
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(("M01", "M02"), start=1)
    )
    draft = CaseDraft(applicant, ITEM, "01", records, pages)
    result = intake.decide(draft, Decision.ONE_TIME_NOTICE, clerk, window=3)
    problems = {r.code for m in result.assessment.notice_items for r in m.problems}
    # The real flow reaches every applicant reason of an item without notify-and-commit; the two
    # commitment reasons are reached on a 告知承诺 item in tests/intake/test_commitment.py, and
    # a failed e-licence verification only on a later visit, after a sync
    # (tests/sync/test_licences.py).
    commitment = {ReasonCode.NOT_COMMITTABLE, ReasonCode.COMMITMENT_EXCLUDED}
    later = {ReasonCode.ELICENCE_VERIFY_FAILED}
    assert problems == set(APPLICANT_REASONS) - commitment - later
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    settings = PaperSettings(samples.BRANDING)
    request = PaperRequest(
        case=detail,
        item=intake.item(ITEM, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=Decision.ONE_TIME_NOTICE,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    doc = paper_for(request, settings)
    assert isinstance(doc, OneTimeNoticeDoc)
    text = pdf_text(render_pdf(doc, settings.branding))
    flat = "".join(text.split())
    for reason in (r for m in result.assessment.notice_items for r in m.problems):
        if reason.code is ReasonCode.NOT_RECEIVED:
            assert "缺少" in flat  # the 问题 column's own word for a missing material
            continue
        words = reason_text(reason, Language.ZH_CN, with_material=False)
        assert "".join(words.split()) in flat, reason.code
    assert ASCII_SENTENCE.findall(text) == []
    assert "original" not in text and "e-licence" not in text


def test_every_reason_code_prints_in_chinese_on_a_notice() -> None:
    """Each code's Chinese words set on a one-time notice and read back from the PDF: every
    character has a glyph, and nothing English is left."""
    names = {"M01": "申请书"}
    rows: list[RequiredMaterial] = []
    for code in ReasonCode:
        text = "outside_remit" if "REFUSAL_GROUND" in code.name else "未签字"
        reason = Reason(code, "M01", 1, 2, text, dt.date(2026, 11, 26), dt.date(2026, 11, 27))
        words = reason_text(reason, Language.ZH_CN, names, with_material=False)
        rows.append(
            RequiredMaterial(f"材料{len(rows) + 1}", MaterialProblem.DEFECTIVE, "原件", words)
        )
    doc = OneTimeNoticeDoc(
        doc_seq=1,
        item_name="个体工商户注册登记",
        applicant=Party("张伟", "11010519491231002X", phone="13812345678"),
        notice_date=dt.date(2026, 11, 24),
        materials=tuple(rows),
        how_to_submit="携带上述材料到任一综合窗口补正",
        submit_by=None,
        clerk=Clerk("王芳", "3号窗口"),
    )
    text = pdf_text(render_pdf(doc, samples.BRANDING))
    flat = "".join(text.split())
    missing = [r.detail for r in rows if "".join(r.detail.split()) not in flat]
    assert missing == []
    assert ASCII_SENTENCE.findall(text) == []
