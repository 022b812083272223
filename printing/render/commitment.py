"""告知承诺书, the notify-and-commit letter (国办发〔2020〕42号), in two copies: the agency states
the conditions in writing, the applicant commits that they are met instead of proving them,
and signs; the letter says when the agency checks (事中事后核查) and what a false commitment
costs."""

from __future__ import annotations

from reportlab.lib.units import mm

from printing.documents import CommitmentDoc, DocumentKind, HallBranding, Seal
from printing.layout import CENTER, RIGHT, Cell, Flow, TextStyle
from printing.render.case_docs import INDENT, party_fields
from printing.render.common import (
    BODY,
    TABLE,
    Page,
    cn_date,
    fields,
    heading,
    seal_block,
    title_block,
)

BASIS = (
    "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》"
    "（国办发〔2020〕42号）"
)
PLEDGES = (
    "本人（本单位）已经知晓本机关告知的全部内容；",
    "本人（本单位）已经符合上述条件，所填写的信息和所作承诺真实、准确、完整；",
    "愿意配合本机关在核查期限内的核查，如实提供有关情况；",
    "承诺不实的，愿意承担撤销行政决定、记入信用记录等相应法律责任。",
)
EXCLUSION = "有严重失信记录或者曾作出虚假承诺的申请人，不适用告知承诺制。"


def post_check_text(days: int, due_text: str | None) -> str:
    """The post-check period; its last day only when the hall calendar knows it."""
    period = f"自受理之日起{days}个工作日内"
    return f"{period}（{due_text}前）" if due_text else period


# One document in two copies (联), like the deferral notice: one number, each copy marked.
COMMITMENT_COPIES = ("第一联（申请人联）", "第二联（存档联）")


def render_commitment(doc: CommitmentDoc, branding: HallBranding) -> bytes:
    number = doc.number or branding.document_number(
        DocumentKind.COMMITMENT, doc.acceptance_date.year, doc.doc_seq
    )
    page = Page(branding, title=f"告知承诺书 {doc.case_number}", subject=number)
    for copy in COMMITMENT_COPIES:
        page.new_copy(copy)
        _copy(page.flow, doc, branding, number, copy)
    return page.finish()


def _copy(flow: Flow, doc: CommitmentDoc, branding: HallBranding, number: str, copy: str) -> None:
    """One copy on one page: the case number is printed in the fields (no barcode block, so
    the signature and seal stay on the page of the text they sign)."""
    flow.paragraph(copy, TextStyle(9.5), align=RIGHT)
    title_block(flow, "告知承诺书", number)
    due = cn_date(doc.post_check_due) if doc.post_check_due else None
    check = post_check_text(doc.post_check_days, due)
    flow.paragraph(f"{doc.applicant.name}：", BODY)
    flow.paragraph(
        f"{INDENT}你（单位）申请办理的“{doc.item_name}”适用告知承诺制。根据{BASIS}，"
        "本机关将办理该事项应当具备的条件书面告知如下：",
        BODY,
    )
    heading(flow, "一、以承诺代替证明的材料及应当具备的条件")
    rows: list[list[Cell | str]] = [
        [Cell(str(i), align=CENTER), m.name, m.condition] for i, m in enumerate(doc.materials, 1)
    ]
    flow.table(rows, [0.5, 3.0, 4.5], TABLE, header=["序号", "材料名称", "应当具备的条件"])
    heading(flow, "二、核查与责任")
    for line in (
        (
            f"1. 本机关对承诺内容进行事中事后核查，核查期限为{check}，"
            "可以采取书面核查、现场核查、部门间信息共享等方式。"
        ),
        f"2. 作出虚假承诺的后果：{doc.consequence}",
        f"3. {EXCLUSION}",
    ):
        flow.paragraph(INDENT + line, BODY)
    heading(flow, "三、申请人承诺")
    pledges = "".join(f"（{n}）{p}" for n, p in zip("一二三四", PLEDGES, strict=True))
    flow.paragraph(f"{INDENT}本人（本单位）郑重承诺：{pledges}", BODY)
    flow.gap(2 * mm)
    fields(
        flow,
        [
            ("办件编号", doc.case_number),
            ("受理日期", cn_date(doc.acceptance_date)),
            *party_fields(doc.applicant),
            ("承办部门", doc.department),
            ("经办人", f"{doc.clerk.name}（{doc.clerk.window}）"),
        ],
    )
    seal = doc.seal or Seal(branding.agency_name, branding.seal_label)
    seal_block(
        flow, seal.body, doc.acceptance_date, seal.label, ("申请人/签字或盖章",), doc.signature
    )
