"""The papers of the counter's four decisions (docs/domain-rules.md, Administrative Licensing Law
art. 32): acceptance notice, one-time notice, deferral notice (two copies) and refusal notice; and
the back office's adverse decision (不予行政许可决定书, art. 38, or its type's instrument)."""

from __future__ import annotations

import dataclasses

from reportlab.lib.units import mm

from onewindow_protocol.masking import IdKind, mask_id, mask_phone
from printing.documents import (
    DeferralDoc,
    DenialDoc,
    DocumentKind,
    HallBranding,
    MaterialProblem,
    OneTimeNoticeDoc,
    Party,
    PaymentRecord,
    ReceiptDoc,
    RefusalDoc,
    Seal,
)
from printing.layout import CENTER, RIGHT, Cell, Flow, TextStyle
from printing.render.common import (
    BODY,
    KEEP_WITH_SEAL,
    TABLE,
    Page,
    cn_date,
    codes_block,
    fields,
    heading,
    seal_block,
    title_block,
)

INDENT = "\u3000\u3000"  # two ideographic spaces open a Chinese paragraph
PROBLEM_WORDS = {MaterialProblem.MISSING: "缺少", MaterialProblem.DEFECTIVE: "需补正"}
DEFERRAL_COPIES = ("第一联（申请人联）", "第二联（存档联）")
DECISION_RELIEF = (
    "如不服本决定，可以自收到本决定书之日起六十日内向{body}申请行政复议，"
    "或者自收到本决定书之日起六个月内依法向{court}提起行政诉讼。"
)
RELIEF = (
    "如对本通知不服，可以自收到本通知书之日起六十日内向{body}申请行政复议，"
    "或者自收到本通知书之日起六个月内依法向{court}提起行政诉讼。"
)


def party_fields(party: Party, *, role: str = "申请人") -> list[tuple[str, str]]:
    """The applicant's lines, ID number and phone masked (a credit code is printed whole)."""
    id_label = "信用代码" if party.id_kind is IdKind.CREDIT_CODE else "证件号码"
    pairs = [(role, party.name), (id_label, mask_id(party.id_number, party.id_kind))]
    if party.legal_representative:
        pairs.append(("法定代表人", party.legal_representative))
    if party.contact:
        pairs.append(("联系人", party.contact))
    pairs.append(("联系电话", mask_phone(party.phone)))
    if party.agent:
        pairs.append(("代理人", party.agent))
        if party.agent_id:
            pairs.append(("代理人证件号码", mask_id(party.agent_id)))
    if party.helpers:
        pairs.append(("帮办人", party.helpers))
    return pairs


def _salutation(flow: Flow, name: str, body: str) -> None:
    flow.paragraph(f"{name}：", BODY)
    flow.paragraph(INDENT + body, BODY)
    flow.gap(2 * mm)


def promise_words(doc: ReceiptDoc) -> tuple[str, str]:
    """The promise in the receipt's sentence and in its field. A date only when the calendar
    knew it; else the period in working days from acceptance. An on-the-spot item: 当场办结."""
    days = doc.promised_days
    if days == 0:
        return "当场办结", "当场办结（即办件）"
    if doc.promised_date is None:
        return f"将自受理之日起{days}个工作日内作出决定", f"自受理之日起{days}个工作日内"
    when = cn_date(doc.promised_date)
    return f"将于{when}前（{days}个工作日内）作出决定", f"{when}（{days}个工作日）"


def render_receipt(doc: ReceiptDoc, branding: HallBranding) -> bytes:
    number = doc.number or branding.document_number(
        DocumentKind.RECEIPT, doc.acceptance_date.year, doc.doc_seq
    )
    page = Page(branding, title=f"受理通知书 {doc.case_number}", subject=number)
    flow = page.flow
    title_block(flow, "受理通知书", number)
    codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    _salutation(
        flow,
        doc.applicant.name,
        f"你（单位）于{cn_date(doc.application_date)}提交的“{doc.item_name}”申请，申请材料齐全、"
        f"符合法定形式。根据{doc.legal_basis}，本机关决定予以受理，并{promise_words(doc)[0]}。",
    )
    pairs = [
        ("办件编号", doc.case_number),
        ("查询码", doc.query_code),
        ("申请事项*", doc.item_name),
        ("事项编码", doc.item_code),
        ("承办部门", doc.department),
        *party_fields(doc.applicant),
        ("申请日期", cn_date(doc.application_date)),
        ("受理日期", cn_date(doc.acceptance_date)),
        ("承诺办结", promise_words(doc)[1]),
        ("取件方式", doc.pickup_method),
        ("受理窗口", doc.clerk.window),
        ("受理人", doc.clerk.name),
        ("法律依据*", doc.legal_basis),
    ]
    fields(flow, pairs)
    heading(flow, "已收取材料")
    rows: list[list[Cell | str]] = [
        [
            Cell(str(i), align=CENTER),
            m.name,
            Cell(m.form, align=CENTER),
            Cell(str(m.copies), align=CENTER),
            m.note,
        ]
        for i, m in enumerate(doc.materials, 1)
    ]
    total = sum(m.copies for m in doc.materials)
    rows.append([Cell(f"共 {len(doc.materials)} 种材料，{total} 份", span=5, align=RIGHT)])
    flow.table(
        rows, [0.5, 4.2, 1.3, 0.7, 1.8], TABLE, header=["序号", "材料名称", "形式", "份数", "备注"]
    )
    if doc.fees:
        fee_section(flow, doc)
    flow.gap(2 * mm)
    flow.paragraph(
        "请妥善保管本通知书，凭本通知书或查询码领取办理结果。可扫描上方二维码或拨打咨询电话查询办理进度。",
        TextStyle(9.5),
        keep_with_next=KEEP_WITH_SEAL,
    )
    seal = _seal(doc.seal, branding)
    seal_block(flow, seal.body, doc.acceptance_date, seal.label, ("申请人",), doc.signature)
    return page.finish()


def fee_section(flow: Flow, doc: ReceiptDoc) -> None:
    """收费情况: each fee with its amount and basis, the total, and what was recorded."""
    heading(flow, "收费情况")
    rows: list[list[Cell | str]] = [
        [Cell(str(i), align=CENTER), f.name, Cell(f.amount or "按实收取", align=RIGHT), f.basis]
        for i, f in enumerate(doc.fees, 1)
    ]
    if doc.payment is not None:
        rows.append([Cell(f"应缴合计：{doc.payment.due} 元", span=4, align=RIGHT)])
    flow.table(
        rows, [0.5, 2.6, 1.2, 4.2], TABLE, header=["序号", "收费项目", "金额（元）", "收费依据"]
    )
    if doc.payment is not None:
        flow.gap(1 * mm)
        fields(flow, payment_fields(doc.payment))


def payment_fields(p: PaymentRecord) -> list[tuple[str, str]]:
    pairs = [("缴费状态", p.status), ("实收金额", f"{p.paid} 元")]
    if p.method:
        pairs.append(("缴费方式", p.method))
    if p.reference:
        pairs.append(("缴款码*", p.reference))
    if p.reason:
        pairs.append(("免缴理由*", p.reason))
    return pairs


def render_notice(doc: OneTimeNoticeDoc, branding: HallBranding) -> bytes:
    number = doc.number or branding.document_number(
        DocumentKind.NOTICE, doc.notice_date.year, doc.doc_seq
    )
    page = Page(branding, title="一次性告知书", subject=number)
    flow = page.flow
    title_block(flow, "一次性告知书", number)
    if doc.case_number:
        codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    _salutation(
        flow,
        doc.applicant.name,
        f"你（单位）于{cn_date(doc.notice_date)}申请办理“{doc.item_name}”，经审查，申请材料不齐全"
        f"或者不符合法定形式。根据{doc.legal_basis}的规定，"
        f"现一次性告知你需要补充或补正的全部材料（共{len(doc.materials)}项）如下：",
    )
    rows: list[list[Cell | str]] = [
        [
            Cell(str(i), align=CENTER),
            m.name,
            Cell(PROBLEM_WORDS[m.problem] + (f"：{m.detail}" if m.detail else "")),
            m.standard,
        ]
        for i, m in enumerate(doc.materials, 1)
    ]
    flow.table(rows, [0.5, 2.6, 2.2, 3.2], TABLE, header=["序号", "材料名称", "问题", "要求和标准"])
    flow.gap(2 * mm)
    by_when = f"请于{cn_date(doc.submit_by)}前补正。" if doc.submit_by else ""
    fields(
        flow,
        [
            ("补正方式*", doc.how_to_submit),
            ("补正期限*", by_when + "补正材料齐全、符合法定形式后，本机关即予受理。"),
            *party_fields(doc.applicant),
            ("经办人", f"{doc.clerk.name}（{doc.clerk.window}）"),
            ("咨询电话", doc.clerk.office_phone),
        ],
    )
    flow.gap(1 * mm)
    flow.paragraph(
        "本告知书所列以外的材料，本机关不得要求申请人补充提交。",
        TextStyle(9.5),
        keep_with_next=KEEP_WITH_SEAL,
    )
    seal = _seal(doc.seal, branding)
    seal_block(flow, seal.body, doc.notice_date, seal.label, ("申请人",), doc.signature)
    return page.finish()


def render_deferral(doc: DeferralDoc, branding: HallBranding) -> bytes:
    """One document in two copies (联), the applicant's and the file's, each to be signed:
    both carry the same document number, each its mark and its own page numbers."""
    number = doc.number or branding.document_number(
        DocumentKind.DEFERRAL, doc.acceptance_date.year, doc.doc_seq
    )
    page = Page(branding, title=f"容缺受理通知书 {doc.case_number}", subject=number)
    for copy in DEFERRAL_COPIES:
        page.new_copy(copy)
        _deferral_copy(page.flow, doc, branding, number, copy)
    return page.finish()


def _deferral_copy(
    flow: Flow, doc: DeferralDoc, branding: HallBranding, number: str, copy: str
) -> None:
    flow.paragraph(copy, TextStyle(9.5), align=RIGHT)
    title_block(flow, "容缺受理通知书", number)
    codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    _salutation(
        flow,
        doc.applicant.name,
        f"你（单位）于{cn_date(doc.acceptance_date)}申请办理的“{doc.item_name}”，主要申请材料齐全、"
        f"符合法定形式，部分次要材料暂缺。根据{doc.measure}，本机关决定予以容缺受理。"
        "请按下列要求补交容缺材料，办理结果在材料补齐后发放：",
    )
    rows: list[list[Cell | str]] = [
        [Cell(str(i), align=CENTER), m.name, m.how, Cell(cn_date(m.deadline), align=CENTER)]
        for i, m in enumerate(doc.deferred, 1)
    ]
    flow.table(
        rows, [0.5, 2.8, 3.2, 1.6], TABLE, header=["序号", "容缺材料", "补交方式", "补交期限"]
    )
    flow.gap(2 * mm)
    fields(
        flow,
        [
            ("办件编号", doc.case_number),
            ("受理人", f"{doc.clerk.name}（{doc.clerk.window}）"),
            *party_fields(doc.applicant),
            ("逾期后果*", doc.consequence),
        ],
    )
    flow.gap(1 * mm)
    flow.paragraph(
        INDENT
        + "申请人承诺：已知悉上述容缺材料及其补交方式和期限，保证按期补交，所提交材料真实有效；"
        "逾期未补交的，愿意承担相应后果。",
        BODY,
        keep_with_next=KEEP_WITH_SEAL,
    )
    seal = _seal(doc.seal, branding)
    seal_block(flow, seal.body, doc.acceptance_date, seal.label, ("申请人",), doc.signature)


def render_refusal(doc: RefusalDoc, branding: HallBranding) -> bytes:
    number = doc.number or branding.document_number(
        DocumentKind.REFUSAL, doc.decision_date.year, doc.doc_seq
    )
    page = Page(branding, title="不予受理通知书", subject=number)
    flow = page.flow
    title_block(flow, "不予受理通知书", number)
    if doc.case_number:
        codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    _salutation(
        flow,
        doc.applicant.name,
        f"你（单位）于{cn_date(doc.application_date)}提出的“{doc.item_name}”申请，经审查，"
        "本机关决定不予受理，理由如下：",
    )
    for i, reason in enumerate(doc.reasons, 1):
        flow.paragraph(f"{INDENT}{i}. {reason}", BODY)
    flow.paragraph(f"{INDENT}依据：{doc.legal_basis}", BODY)
    if doc.competent_agency:
        flow.paragraph(f"{INDENT}该申请事项请向{doc.competent_agency}提出申请。", BODY)
    flow.paragraph(INDENT + RELIEF.format(body=doc.reconsideration_body, court=doc.court), BODY)
    flow.gap(2 * mm)
    fields(
        flow,
        [
            *party_fields(doc.applicant),
            ("经办人", f"{doc.clerk.name}（{doc.clerk.window}）"),
            ("咨询电话", doc.clerk.office_phone),
        ],
        keep_with_next=KEEP_WITH_SEAL,
    )
    seal = _seal(doc.seal, branding)
    seal_block(flow, seal.body, doc.decision_date, seal.label, ("申请人/签收",), doc.signature)
    return page.finish()


def render_denial(doc: DenialDoc, branding: HallBranding) -> bytes:
    """A back office's adverse decision, sealed by the body that decided."""
    number = doc.number or branding.document_number(
        DocumentKind.DENIAL, doc.decision_date.year, doc.doc_seq
    )
    # The decision is the deciding body's: its name heads the paper the hall hands out.
    page = Page(
        dataclasses.replace(branding, agency_name=doc.decided_by),
        title=f"{doc.title} {doc.case_number}",
        subject=number,
    )
    flow = page.flow
    title_block(flow, doc.title, number)
    codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    _salutation(
        flow,
        doc.applicant.name,
        f"你（单位）于{cn_date(doc.application_date)}提出的“{doc.item_name}”申请（办件编号"
        f"{doc.case_number}），本机关已依法受理。经审查，该申请不符合法定条件、标准，理由如下：",
    )
    for i, reason in enumerate(doc.reasons, 1):
        flow.paragraph(f"{INDENT}{i}. {reason}", BODY)
    flow.paragraph(f"{INDENT}根据{doc.legal_basis}的规定，{doc.decided_by}决定{doc.verb}。", BODY)
    flow.paragraph(
        INDENT + DECISION_RELIEF.format(body=doc.reconsideration_body, court=doc.court), BODY
    )
    flow.gap(2 * mm)
    fields(
        flow,
        [
            *party_fields(doc.applicant),
            ("送达窗口", f"{doc.clerk.name}（{doc.clerk.window}）"),
            ("咨询电话", doc.consultation_phone),
        ],
        keep_with_next=KEEP_WITH_SEAL,
    )
    seal_block(flow, doc.seal.body, doc.decision_date, doc.seal.label, ("申请人/签收",))
    return page.finish()


def _seal(seal: Seal | None, branding: HallBranding) -> Seal:
    return seal or Seal(branding.agency_name, branding.seal_label)
