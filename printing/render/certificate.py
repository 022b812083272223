"""The result papers: the certificate or approval decision, and the handover record."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from onewindow_protocol.masking import IdKind, mask_phone
from printing.codes import draw_qr
from printing.documents import (
    CertificateDoc,
    DocumentKind,
    HallBranding,
    HandoverDoc,
    HandoverMethod,
    Waybill,
)
from printing.fonts import Style
from printing.layout import CENTER, LEFT, RIGHT, Flow, TextStyle, draw_line, wrap
from printing.render.case_docs import party_fields, payment_fields
from printing.render.common import (
    BODY,
    KEEP_WITH_SEAL,
    PAGE_H,
    PAGE_W,
    Page,
    cn_date,
    cn_datetime,
    codes_block,
    fields,
    heading,
    seal_block,
    title_block,
)

FRAME = Color(0.55, 0.12, 0.08)
CERT_TITLE = TextStyle(30, Style.SONG, bold=True, color=FRAME)
CERT_LABEL = TextStyle(12.5, Style.SONG, bold=True)
CERT_VALUE = TextStyle(12.5, leading=21)
LABEL_W = 46 * mm


def _border(c: Canvas) -> None:
    """A double frame with corner squares, the look of a printed licence."""
    c.setStrokeColor(FRAME)
    outer, inner = 10 * mm, 13 * mm
    c.setLineWidth(2.4)
    c.rect(outer, outer, PAGE_W - 2 * outer, PAGE_H - 2 * outer)
    c.setLineWidth(0.7)
    c.rect(inner, inner, PAGE_W - 2 * inner, PAGE_H - 2 * inner)
    c.setFillColor(FRAME)
    s = 4 * mm
    for x in (outer - s / 2, PAGE_W - outer - s / 2):
        for y in (outer - s / 2, PAGE_H - outer - s / 2):
            c.rect(x, y, s, s, stroke=0, fill=1)
    c.setFillColor(Color(0, 0, 0))


def _spaced(text: str) -> str:
    """A short title letter-spaced with ideographic spaces, as certificates print it."""
    return "\u2002".join(text) if len(text) <= 10 else text


def _labelled(flow: Flow, label: str, value: str) -> None:
    lines = wrap(value, CERT_VALUE, flow.width - LABEL_W) or [""]
    lh = CERT_VALUE.line_height
    flow.need(lh * len(lines))
    c = flow.canvas
    draw_line(c, flow.left, flow.y - 14, label, CERT_LABEL, LEFT)
    for line in lines:
        draw_line(c, flow.left + LABEL_W, flow.y - 14, line, CERT_VALUE, LEFT)
        flow.y -= lh
    flow.y -= 2 * mm


def render_certificate(doc: CertificateDoc, branding: HallBranding) -> bytes:
    page = Page(
        branding,
        title=f"{doc.title} {doc.certificate_number}",
        subject=doc.case_number,
        red_header=False,
        footer=False,
    )
    c, flow = page.canvas, page.flow
    _border(c)
    flow.left, flow.right = 30 * mm, PAGE_W - 30 * mm
    flow.y = PAGE_H - 30 * mm
    draw_line(c, flow.right, flow.y, f"编号：{doc.certificate_number}", BODY, RIGHT)
    flow.y -= 28 * mm
    draw_line(c, PAGE_W / 2, flow.y, _spaced(doc.title), CERT_TITLE, CENTER)
    flow.y -= 20 * mm
    holder = doc.holder
    id_label = "统一社会信用代码" if holder.id_kind is IdKind.CREDIT_CODE else "证件号码"
    _labelled(flow, "持证主体", holder.name)
    # The holder's own licence: the whole number, as the holder's ID card shows it.
    _labelled(flow, id_label, holder.id_number)
    if holder.legal_representative:
        _labelled(flow, "法定代表人", holder.legal_representative)
    for label, value in doc.particulars:
        _labelled(flow, label, value)
    if doc.scope:
        _labelled(flow, doc.scope_label, doc.scope)
    until = cn_date(doc.valid_until) if doc.valid_until else "长期"
    _labelled(flow, "有效期限", f"{cn_date(doc.valid_from)}至{until}")
    _labelled(flow, "办件编号", doc.case_number)
    qr = 28 * mm
    url = branding.verify_url_for(doc.certificate_number)
    draw_qr(c, 30 * mm, 34 * mm, url, qr)
    draw_line(c, 30 * mm + qr / 2, 28 * mm, "扫码核验真伪", TextStyle(9), CENTER)
    flow.y = 78 * mm
    seal_block(flow, doc.issuing_authority, doc.issue_date, "发证机关（印章）")
    return page.finish()


def _waybill(flow: Flow, w: Waybill) -> None:
    """邮寄面单信息: the fields the courier's label is made from."""
    heading(flow, "邮寄面单信息")
    pairs = [
        ("寄件人*", w.sender),
        ("寄件地址*", w.sender_contact),
        ("收件人", w.recipient),
        ("收件电话", w.phone),
        ("收件地址*", w.address),
    ]
    if w.postal_code:
        pairs.append(("邮政编码", w.postal_code))
    if w.contents:
        pairs.append(("内件*", w.contents))
    fields(flow, pairs)


def render_handover(doc: HandoverDoc, branding: HallBranding) -> bytes:
    number = doc.number or branding.document_number(
        DocumentKind.HANDOVER, doc.handed_at.year, doc.doc_seq
    )
    page = Page(branding, title=f"出件记录 {doc.case_number}", subject=number)
    flow = page.flow
    title_block(flow, "办理结果出件记录", number)
    codes_block(flow, doc.case_number, branding.status_url_for(doc.case_number))
    pairs = [
        ("办件编号", doc.case_number),
        ("出件时间", cn_datetime(doc.handed_at)),
        ("申请事项*", doc.item_name),
        ("办理结果", doc.result_name),
        ("证照编号", doc.certificate_number),
    ]
    if doc.method is HandoverMethod.PICKUP:
        pairs += [("出件方式", "窗口领取（代领）" if doc.on_behalf else "窗口领取")]
        pairs += party_fields(doc.recipient, role="领取人")
    else:
        pairs += [
            ("出件方式", "邮寄送达"),
            ("快递公司", doc.courier),
            ("运单号", doc.tracking_number),
            ("收件人", doc.recipient.name),
            ("联系电话", mask_phone(doc.recipient.phone)),
            ("寄送地址*", doc.recipient.address),
        ]
    pairs += [("出件窗口", doc.clerk.window), ("出件人", doc.clerk.name)]
    if doc.payment is not None:
        pairs += payment_fields(doc.payment)
    fields(flow, pairs)
    if doc.waybill is not None:
        _waybill(flow, doc.waybill)
    flow.gap(3 * mm)
    confirm = (
        "已收到上述办理结果，核对无误。"
        if doc.method is HandoverMethod.PICKUP
        else ("办理结果已交寄，运单号如上，可凭运单号查询投递情况。")
    )
    flow.paragraph("\u3000\u3000" + confirm, BODY, keep_with_next=KEEP_WITH_SEAL)
    flow.gap(4 * mm)
    pickup = doc.method is HandoverMethod.PICKUP
    signers = ("领取人", "出件人") if pickup else ("出件人",)
    signature = doc.signature if pickup else None  # the recipient's: nobody signs a posting
    seal_block(
        flow, branding.agency_name, doc.handed_at.date(), branding.seal_label, signers, signature
    )
    return page.finish()
