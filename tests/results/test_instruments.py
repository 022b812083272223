"""A back office's rejection, pulled by sync, prints the instrument of the item's type with the
item's legal basis and the relief rights naming the hall's configured bodies (both databases;
the text read back from the real PDF)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import load_file
from clerk_app.catalogue.types import ItemType
from clerk_app.db.models import Hall
from clerk_app.demo import DEMO_PAPERS
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.results.papers import ResultPapers
from clerk_app.settings import OfficeSettings, PapersSettings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from printing.documents import DenialDoc
from printing.render import render_pdf
from tests.printing import literals as samples
from tests.printing.pdfium_text import page_texts
from tests.results.conftest import FakeSync, accept
from tests.results.retype import retype_item

DEPARTMENT = "昆明市呈贡区市场监督管理局"  # the demo item's implementing department
ITEM_BASIS = "《市场主体登记管理条例》第十九条"
PAPERS = dataclasses.replace(
    DEMO_PAPERS,
    departments=(
        (
            DEPARTMENT,
            OfficeSettings(
                licensing_body="长春市市场监督管理局", decision_seal="长春市市场监督管理局（印章）"
            ),
        ),
    ),
)


def _text(doc: DenialDoc) -> str:
    return re.sub(r"\s+", "", "".join(page_texts(render_pdf(doc, samples.BRANDING))))


def _rejected_paper(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    papers: PapersSettings,
    detail: dict[str, object] | None = None,
) -> DenialDoc:
    case = accept(intake, clerk)
    sync.pull(case.case_id, "rejected", detail={"reason": "经营场所不符合规定", **(detail or {})})
    doc = ResultPapers(db, protector, printer, papers=papers).document(case.case_id, clerk, 8)
    assert isinstance(doc, DenialDoc)
    return doc


def test_a_rejected_licence_is_a_decision_not_to_license_under_article_38(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    retype_item(db, ItemType.LICENCE, ITEM_BASIS)
    doc = _rejected_paper(db, protector, printer, audit, intake, clerk, sync, PAPERS)
    text = _text(doc)
    assert "不予行政许可决定书" in text and "不予受理" not in text
    assert "《中华人民共和国行政许可法》第三十八条第二款及" + ITEM_BASIS in text
    assert "第三十二条" not in text
    assert "长春市市场监督管理局决定不予行政许可" in text
    assert "六十日内向长春市人民政府申请行政复议" in text
    assert "六个月内依法向长春铁路运输法院提起行政诉讼" in text
    assert "长春市市场监督管理局（印章）" in text and "0431-12345" in text
    assert "示范市" not in text and "未设置" not in text and "经营场所不符合规定" in text


@pytest.mark.parametrize(
    ("item_type", "title", "verb"),
    [
        (ItemType.CONFIRMATION, "不予确认决定书", "不予确认"),
        (ItemType.BENEFIT, "不予给付决定书", "不予给付"),
        (ItemType.PUBLIC_SERVICE, "不予办理决定书", "不予办理"),
    ],
)
def test_other_types_get_their_own_wording_and_the_items_basis(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    item_type: ItemType,
    title: str,
    verb: str,
) -> None:
    basis = "《社会救助暂行办法》第十一条"
    retype_item(db, item_type, basis)
    text = _text(_rejected_paper(db, protector, printer, audit, intake, clerk, sync, PAPERS))
    assert title in text and f"决定{verb}" in text
    assert f"根据{basis}的规定" in text
    assert "行政许可法" not in text and "不予行政许可" not in text


def test_missing_settings_are_said_on_the_paper_never_invented(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    retype_item(db, ItemType.BENEFIT, None)
    doc = _rejected_paper(
        db, protector, printer, audit, intake, clerk, sync, PapersSettings(), {"legal_basis": ""}
    )
    text = _text(doc)
    missing_settings = ("行政复议机关", "管辖法院", "作出决定的行政机关", "决定机关印章")
    assert "〔本事项的法律依据未在事项目录中载明〕" in text
    for missing in (f"〔{name}未设置〕" for name in missing_settings):
        assert missing in text
    assert "人民政府" not in text and "人民法院" not in text


def test_the_demo_catalogue_carries_each_items_basis_onto_the_decision(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    text = _text(_rejected_paper(db, protector, printer, audit, intake, clerk, sync, PAPERS))
    assert (
        "第三十八条第二款及《促进个体工商户发展条例》、《中华人民共和国市场主体登记管理条例》"
        in text
    )
    demo = load_file(demo_catalogue_path())
    assert all(item.legal_basis and "legal_basis" in item.demo_fields for item in demo.items)


def test_the_decision_is_dated_in_the_halls_time_zone(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
) -> None:
    """A hall on Urumqi time: a rejection pulled at 00:30 Beijing time is still the evening
    before there, and both dates on the paper are the hall's (not a fixed UTC+8)."""
    urumqi = ZoneInfo("Asia/Urumqi")
    db.run_write(lambda s: s.execute(update(Hall).values(timezone="Asia/Urumqi")))
    clock.set(dt.datetime(2026, 11, 24, 23, 50, tzinfo=urumqi))  # 01:50 the 25th in Beijing
    case = accept(intake, clerk)
    clock.set(dt.datetime(2026, 11, 25, 22, 30, tzinfo=urumqi))  # 00:30 the 26th in Beijing
    sync.pull(case.case_id, "rejected", detail={"reason": "经营场所不符合规定"})
    doc = ResultPapers(db, protector, printer, papers=PAPERS).document(case.case_id, clerk, 8)
    assert isinstance(doc, DenialDoc)
    assert (doc.application_date, doc.decision_date) == (
        dt.date(2026, 11, 24),
        dt.date(2026, 11, 25),
    )
