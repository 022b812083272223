"""Every paper carries the fields docs/domain-rules.md requires, and personal data only masked."""

from __future__ import annotations

import dataclasses
import re

import pytest

from onewindow_protocol.masking import IdKind, mask_id, mask_phone
from printing.documents import AppointmentStat, DocumentKind, HallBranding, HandoverMethod
from printing.pages import page_count
from printing.render import render_pdf
from tests.printing import literals
from tests.printing.helpers import pdf_text

B = literals.BRANDING


def text_of(kind: DocumentKind) -> str:
    return pdf_text(render_pdf(literals.literal(kind), B))


def squeeze(text: str) -> str:
    """Text extraction may split a line or add spaces between runs of different fonts."""
    return re.sub(r"\s+", "", text)


def assert_has(text: str, *needles: str) -> None:
    flat = squeeze(text)
    missing = [n for n in needles if squeeze(n) not in flat]
    assert not missing, f"missing {missing}"


def assert_masked(text: str, raw_ids: tuple[str, ...], raw_phones: tuple[str, ...]) -> None:
    flat = squeeze(text)
    for raw in raw_ids + raw_phones:
        assert raw not in flat, f"unmasked personal data {raw[:3]}… on paper"
    for raw in raw_ids:
        assert squeeze(mask_id(raw)) in flat
    for raw in raw_phones:
        assert mask_phone(raw) in flat


def test_receipt_fields() -> None:
    doc = literals.receipt()
    text = text_of(DocumentKind.RECEIPT)
    assert_has(
        text,
        "受理通知书",
        "长政服受字〔2026〕第00042号",  # agency short name + type + [year] + sequence
        doc.case_number,
        doc.query_code,
        doc.applicant.name,
        doc.applicant.contact,
        doc.applicant.legal_representative,
        doc.applicant.id_number,  # a credit code is public and printed whole
        doc.item_name,
        doc.item_code,
        doc.department,
        "申请日期",
        "受理日期",
        "2026年11月28日",
        "2026年12月11日（10个工作日）",
        doc.legal_basis,
        doc.clerk.name,
        doc.clerk.window,
        doc.pickup_method,
        "扫码查询办件进度",
        "（盖章）",
        "申请人（签字）",
        "日期：",
        B.agency_name,
        B.footer,
    )
    for material in doc.materials:
        assert_has(text, material.name, material.form)
    assert_has(text, "共6种材料，7份")
    assert_masked(text, (), (doc.applicant.phone,))


def test_one_time_notice_lists_every_material_with_its_standard() -> None:
    doc = literals.notice()
    text = text_of(DocumentKind.NOTICE)
    assert_has(
        text, "一次性告知书", "长政服补字〔2026〕第00017号", doc.item_name, doc.applicant.name
    )
    assert_has(text, "2026年11月28日", "共3项", doc.how_to_submit, "请于2026年12月11日前补正")
    for m in doc.materials:
        assert_has(text, m.name, m.standard, m.detail)
    assert_has(
        text, "缺少", "需补正", doc.clerk.name, doc.clerk.office_phone, "（盖章）", "申请人（签字）"
    )
    assert_masked(text, (doc.applicant.id_number,), (doc.applicant.phone,))


def test_deferral_notice_has_two_signed_copies() -> None:
    doc = literals.deferral()
    pdf = render_pdf(doc, B)
    assert page_count(pdf) == 2
    text = pdf_text(pdf)
    assert_has(text, "第一联（申请人联）", "第二联（存档联）")
    assert squeeze(text).count("容缺受理通知书") == 2
    assert squeeze(text).count("申请人（签字）") == 2
    for m in doc.deferred:
        assert_has(text, m.name, m.how, "2026年12月8日")
    assert_has(text, doc.consequence, doc.case_number, "长政服容字〔2026〕第00005号")
    assert_masked(text, (), (doc.applicant.phone,))


def test_refusal_names_reasons_competent_agency_and_relief_rights() -> None:
    doc = literals.refusal()
    text = text_of(DocumentKind.REFUSAL)
    assert_has(text, "不予受理通知书", "长政服不受字〔2026〕第00003号", *doc.reasons)
    assert_has(text, doc.competent_agency, doc.legal_basis, "（盖章）", "2026年11月28日")
    assert_has(
        text, "六十日内", doc.reconsideration_body, "行政复议", "六个月内", doc.court, "行政诉讼"
    )
    assert_masked(text, (doc.applicant.id_number,), (doc.applicant.phone,))


def test_certificate_fields() -> None:
    doc = literals.certificate()
    text = text_of(DocumentKind.CERTIFICATE)
    assert_has(text, doc.certificate_number, doc.holder.name, doc.holder.id_number, doc.scope)
    assert_has(text, "2026年12月10日至2031年12月9日", doc.issuing_authority, "扫码核验真伪")
    assert_has(text, doc.case_number, *(value for _, value in doc.particulars))
    for char in doc.title:
        assert char in text


def test_certificate_of_a_person_shows_the_holders_whole_id_and_says_long_term() -> None:
    """The holder's own licence: the whole ID number, as on the holder's ID card."""
    doc = dataclasses.replace(literals.certificate(), holder=literals.PERSON, valid_until=None)
    text = pdf_text(render_pdf(doc, B))
    assert_has(text, "长期", literals.PERSON.name, "证件号码" + literals.PERSON.id_number)


@pytest.mark.parametrize("method", list(HandoverMethod))
def test_handover_record(method: HandoverMethod) -> None:
    doc = dataclasses.replace(
        literals.handover(), method=method, courier="中国邮政EMS", tracking_number="1234567890123"
    )
    text = pdf_text(render_pdf(doc, B))
    assert_has(text, "出件记录", doc.case_number, doc.result_name, doc.certificate_number)
    assert_has(text, "2026年12月11日14:20", doc.recipient.name, doc.clerk.name)
    if method is HandoverMethod.PICKUP:
        assert_has(text, "窗口领取（代领）", "领取人（签字）")
        assert_masked(text, (doc.recipient.id_number,), (doc.recipient.phone,))
    else:
        assert_has(text, "邮寄送达", "中国邮政EMS", "1234567890123")
        assert_masked(text, (), (doc.recipient.phone,))
        assert doc.recipient.id_number not in squeeze(text)


def test_daily_report_tables_and_chart_legend() -> None:
    doc = literals.daily_report()
    text = text_of(DocumentKind.DAILY_REPORT)
    assert_has(text, "政务服务大厅运行日报", "2026年11月28日", "每小时取号人数", "平均等候分钟")
    for h in doc.hours:
        assert_has(text, f"{h.hour:02d}:00–{h.hour:02d}:59")
    for s in doc.services:
        assert_has(text, s.name)
    for w in doc.windows:
        assert_has(text, w.window, w.clerk)
    assert_has(text, "351", "334", "13.6分钟")
    assert "预约" not in squeeze(text)  # a day without bookings has no bookings line


def test_daily_report_counts_the_days_bookings() -> None:
    stat = AppointmentStat(booked=12, checked_in=9, no_show=3, cancelled=2)
    doc = dataclasses.replace(literals.daily_report(), appointments=stat)
    text = pdf_text(render_pdf(doc, B))
    assert_has(text, "预约人数12", "预约签到9", "预约爽约3", "预约取消2")


def test_ticket_fields() -> None:
    doc = literals.ticket()
    text = text_of(DocumentKind.TICKET)
    assert_has(text, doc.hall_name, doc.service_name_zh, doc.service_name_en, doc.number)
    assert_has(text, "前面还有7人等候", "预计等候约25分钟", "2026-11-28 09:31", doc.location)


def test_branding_is_configurable() -> None:
    branding = HallBranding(
        agency_name="示例县政务服务中心",
        agency_short="示县政",
        document_number_format="{agency}〔{year}〕{type}{series}{seq:03d}号",
        footer="示例县 一窗通",
        seal_label="（专用章）",
    )
    text = pdf_text(render_pdf(literals.receipt(), branding))
    assert_has(text, "示例县政务服务中心", "示县政〔2026〕受042号", "示例县一窗通", "（专用章）")


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("{agency}{nope}", "unknown placeholder"),
        ("{series}{seq:q}", "Unknown format code"),
        ("{agency}〔{year}〕第{seq:05d}号", "lacks {series}: without {series} two PCs"),
        ("{agency}{series}", "lacks {seq}"),
    ],
)
def test_bad_document_number_format_is_refused(fmt: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HallBranding(document_number_format=fmt)


def test_masking_rules() -> None:
    assert mask_id("220102199003071235") == "220102********1235"
    assert mask_id("22010219900307123x") == "220102********123X"
    assert mask_id("220102900307123") == "220102*****7123"
    assert mask_id("91350100M000100Y43", IdKind.CREDIT_CODE) == "91350100M000100Y43"
    assert mask_id("E12345678", IdKind.OTHER) == "E1*****78"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "138****5678"
    assert mask_phone("0431-88886666") == "0431-****6666"
    assert mask_phone("") == ""
