"""The counter's papers take the hall's [papers] settings (a department's over the hall's):
the center's acceptance seal, the pickup wording, the local 容缺 measure, the consultation
phone and, on a refusal, the configured 复议机关 and court; read back from the real PDFs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from clerk_app.accounts.roles import UserInfo
from clerk_app.catalogue.types import ItemType
from clerk_app.demo import DEMO_PAPERS
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision, Refusal, RefusalGround
from clerk_app.intake.service import IntakeService
from clerk_app.settings import OfficeSettings
from onewindow_base.db.engine import Database
from printing.render import render_pdf
from tests.intake.test_papers import GOT, ITEM, draft
from tests.printing import literals as samples
from tests.printing.pdfium_text import page_texts
from tests.results.retype import retype_item

DEPARTMENT = "昆明市呈贡区市场监督管理局"  # the demo item's implementing department
SETTINGS = PaperSettings(
    samples.BRANDING,
    dataclasses.replace(
        DEMO_PAPERS,
        departments=((DEPARTMENT, OfficeSettings(consultation_phone="0431-88886666")),),
    ),
)


def _text(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    records: dict[str, MaterialRecord],
    decision: Decision,
    settings: PaperSettings = SETTINGS,
    **kw: object,
) -> str:
    case = draft(records, **kw)
    result = intake.decide(case, decision, clerk, window=3)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        detail,
        intake.item(ITEM, detail.catalogue_version_id),
        result.assessment,
        decision,
        clerk.display_name,
        3,
        intake.today(),
        case.refusal,
    )
    pdf = render_pdf(paper_for(request, settings), settings.branding)
    return re.sub(r"\s+", "", "".join(page_texts(pdf)))


def test_the_deferral_notice_cites_the_local_measure_and_the_centers_seal(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    later = MaterialRecord(deferred=True, supply_by=dt.date(2026, 11, 26))
    records = {"M01": GOT, "M02": GOT, "M03": later, "M04": GOT}
    text = _text(db, intake, protector, clerk, records, Decision.DEFERRAL)
    assert "根据《长春市政务服务事项容缺受理办法》，本机关决定予以容缺受理" in text
    assert text.count("长春市政务服务中心受理专用章") == 2  # both copies
    assert "容缺受理的有关规定" not in text and "未设置" not in text


def test_the_receipt_takes_the_pickup_wording_and_the_departments_phone(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    records = dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    text = _text(db, intake, protector, clerk, {"M01": GOT}, Decision.ONE_TIME_NOTICE)
    assert "0431-88886666" in text  # the department's number over the hall's
    text = _text(db, intake, protector, clerk, records, Decision.ACCEPT)
    assert "统一出件窗口（8号窗口）领取，或选择免费邮寄送达" in text
    assert "长春市政务服务中心受理专用章" in text


def test_a_refusal_names_the_configured_bodies_or_says_they_are_not_set(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    refusal = Refusal(
        RefusalGround.OUTSIDE_REMIT, "燃气经营由省住建厅许可", "吉林省住房和城乡建设厅"
    )
    text = _text(db, intake, protector, clerk, {}, Decision.REFUSE, refusal=refusal)
    assert "向长春市人民政府申请行政复议" in text and "向长春铁路运输法院提起行政诉讼" in text
    bare = PaperSettings(samples.BRANDING)
    text = _text(db, intake, protector, clerk, {}, Decision.REFUSE, bare, refusal=refusal)
    assert "〔行政复议机关未设置〕" in text and "〔管辖法院未设置〕" in text
    assert "本级人民政府" not in text and "有管辖权的人民法院" not in text


def test_a_notice_for_an_item_that_is_no_licence_does_not_cite_the_licensing_law(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
) -> None:
    text = _text(db, intake, protector, clerk, {"M01": GOT}, Decision.ONE_TIME_NOTICE)
    assert "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定" in text
    retype_item(db, ItemType.CONFIRMATION, "《婚姻登记条例》第五条")
    text = _text(db, intake, protector, clerk, {"M01": GOT}, Decision.ONE_TIME_NOTICE)
    assert "根据《婚姻登记条例》第五条的规定" in text and "行政许可法" not in text
