"""What each printed paper says, as plain frozen values (no database, no Qt).

The core and the tests build these; ``printing.render`` turns them into PDF pages and
``printing.escpos`` into ticket-printer bytes. Personal data (ID numbers, phones) is held here
either as the mask the counter stored (papers of a saved case) or whole, kept out of ``repr``
so it never reaches a log; the renderers mask a whole value and print a stored mask as it is
(``onewindow_protocol.masking``). A certificate alone prints its holder's whole ID number: it is
the holder's own licence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from dataclasses import dataclass, field
from enum import StrEnum

from onewindow_protocol.masking import IdKind


class DocumentKind(StrEnum):
    TICKET = "ticket"
    RECEIPT = "receipt"
    NOTICE = "notice"
    DEFERRAL = "deferral"
    REFUSAL = "refusal"
    DENIAL = "denial"  # a back office's adverse decision: 不予行政许可决定书 …
    CERTIFICATE = "certificate"
    HANDOVER = "handover"
    COMMITMENT = "commitment"
    DAILY_REPORT = "daily-report"
    TEST_PAGE = "test-page"


# Papers that name no applicant: a PC without the hall key (the kiosk) may keep them.
WITHOUT_PERSONAL_DATA = frozenset({DocumentKind.TICKET, DocumentKind.TEST_PAGE})


# The type word in a document number, e.g. 示政服受字〔2026〕第00042号.
DEFAULT_TYPE_WORDS = {
    DocumentKind.RECEIPT: "受",
    DocumentKind.NOTICE: "补",
    DocumentKind.DEFERRAL: "容",
    DocumentKind.REFUSAL: "不受",
    DocumentKind.DENIAL: "不予",
    DocumentKind.HANDOVER: "出",
    DocumentKind.CERTIFICATE: "许",
    DocumentKind.COMMITMENT: "诺",
}
_NUMBER_FIELDS = {"agency", "type", "year", "series", "seq"}
# Placeholders a format must have: two PCs with their own databases number their papers in
# their own series, so a format without {series} could print one number twice in a hall.
_REQUIRED_NUMBER_FIELDS = ("series", "seq")


@dataclass(frozen=True)
class HallBranding:
    """What a hall configures about its papers; the defaults look like a real agency's."""

    agency_name: str = "示范市政务服务中心"
    agency_name_en: str = "Demo City Government Service Center"
    agency_short: str = "示政服"
    # Placeholders: {agency} {type} {year} {series} {seq}, e.g.
    # "{agency}{type}字〔{year}〕第{series}{seq:05d}号". {series} is empty on the hall's shared
    # database and "03-" on window 3's own (SQLite) database (docs/document-numbers.md).
    document_number_format: str = "{agency}{type}字〔{year}〕第{series}{seq:05d}号"
    type_words: tuple[tuple[str, str], ...] = tuple(DEFAULT_TYPE_WORDS.items())
    seal_label: str = "（盖章）"
    footer: str = "地址：示范市人民大街1号政务服务中心　咨询电话：12345"
    logo_png: bytes | None = field(default=None, repr=False)
    status_url: str = "https://zwfw.example.gov.cn/bj?no={case_number}"
    verify_url: str = "https://zwfw.example.gov.cn/zz?no={certificate_number}"

    def __post_init__(self) -> None:
        names = {f[1] for f in string.Formatter().parse(self.document_number_format) if f[1]}
        unknown = names - _NUMBER_FIELDS
        if unknown:
            raise ValueError(
                f"document number format {self.document_number_format!r} has unknown "
                f"placeholder(s) {sorted(unknown)}; use {sorted(_NUMBER_FIELDS)}"
            )
        missing = [n for n in _REQUIRED_NUMBER_FIELDS if n not in names]
        if missing:
            raise ValueError(
                f"document number format {self.document_number_format!r} lacks "
                + " and ".join("{" + n + "}" for n in missing)
                + ": without {series} two PCs with their own databases can print the same number"
            )
        self.document_number(DocumentKind.RECEIPT, 2026, 1)  # a bad format spec fails here
        for template, key in (
            (self.status_url, "case_number"),
            (self.verify_url, "certificate_number"),
        ):
            if "{" + key + "}" not in template:
                raise ValueError(f"URL template {template!r} must contain {{{key}}}")

    def document_number(self, kind: DocumentKind, year: int, seq: int, series: str = "") -> str:
        """The number as printed; ``series`` ("03") is printed with a hyphen ("03-00042")."""
        words = dict(self.type_words)
        return self.document_number_format.format(
            agency=self.agency_short,
            type=words.get(kind, ""),
            year=year,
            series=f"{series}-" if series else "",
            seq=seq,
        )

    def status_url_for(self, case_number: str) -> str:
        return self.status_url.format(case_number=case_number)

    def verify_url_for(self, certificate_number: str) -> str:
        return self.verify_url.format(certificate_number=certificate_number)


# ---------------------------------------------------------------------------- value types
@dataclass(frozen=True)
class Party:
    """An applicant, holder or recipient: a person or an organisation."""

    name: str
    id_number: str = field(default="", repr=False)
    id_kind: IdKind = IdKind.RESIDENT_ID
    phone: str = field(default="", repr=False)
    contact: str = ""  # contact person of an organisation
    legal_representative: str = ""
    address: str = field(default="", repr=False)
    agent: str = ""  # who applies on the party's behalf (代理人/经办人), when someone does
    agent_id: str = field(default="", repr=False)  # the agent's resident ID, printed masked
    helpers: str = ""  # 帮办人: the hall's assistance staff who helped (帮办代办), by name


@dataclass(frozen=True)
class Clerk:
    name: str
    window: str  # as printed: "3号窗口"
    department: str = ""  # the department that decides
    office_phone: str = ""  # the agency's number for questions (not personal data)


@dataclass(frozen=True)
class Seal:
    """The seal area of a paper: the body named under it and the words in the circle."""

    body: str  # 长春市政务服务中心 / 长春市市场监督管理局
    label: str  # 受理专用章 / 行政许可专用章


@dataclass(frozen=True)
class ReceivedMaterial:
    name: str
    form: str  # 原件 / 复印件 / 原件及复印件 / 电子
    copies: int
    note: str = ""


class MaterialProblem(StrEnum):
    MISSING = "missing"  # 缺少
    DEFECTIVE = "defective"  # 需补正


@dataclass(frozen=True)
class RequiredMaterial:
    """A material to add or correct, with the standard it must meet."""

    name: str
    problem: MaterialProblem
    standard: str
    detail: str = ""  # what is wrong with the one handed in


@dataclass(frozen=True)
class DeferredMaterial:
    name: str
    how: str
    deadline: dt.date


@dataclass(frozen=True)
class PaperSignature:
    """The applicant's handwritten signature taken on a signature pad: the ink as a PNG
    (transparent, cropped to the ink; personal data, kept out of ``repr``) and the day it was
    signed in the hall's time, printed beside it."""

    png: bytes = field(repr=False)
    signed_on: dt.date


@dataclass(frozen=True)
class FeeCharge:
    """One fee of the item, as printed: the amount in yuan with two decimals."""

    name: str
    amount: str  # "8.00"; "" when the catalogue sets it per case
    basis: str = ""  # 收费依据


@dataclass(frozen=True)
class PaymentRecord:
    """What the counter recorded of the payment, in the paper's words."""

    status: str  # 已缴费 / 待缴费（领取结果时缴纳） / 免缴
    due: str  # "8.00"
    paid: str  # "8.00"
    method: str = ""  # 现金 / 非税收入缴款码
    reference: str = ""  # the 20-digit 缴款码, printed whole (it is not personal data)
    reason: str = ""  # why it was waived


@dataclass(frozen=True)
class Waybill:
    """邮寄面单: what the courier's label needs. The recipient's phone is printed whole here
    only (the courier calls it); the paper is archived encrypted like every paper with
    personal data."""

    sender: str  # the hall
    sender_contact: str  # its address and phone, as the branding's footer says them
    recipient: str
    phone: str = field(repr=False)
    address: str = field(repr=False)
    postal_code: str = ""
    contents: str = ""  # 办理结果 and its number


# ---------------------------------------------------------------------------- documents
@dataclass(frozen=True)
class QueueTicketDoc:
    hall_name: str
    service_name_zh: str
    service_name_en: str
    number: str
    ahead: int
    eta_minutes: int
    issued_at: dt.datetime
    location: str = ""
    qr_url: str | None = None
    note: str = "请留意叫号，过号请到服务台重新取号。"


@dataclass(frozen=True)
class ReceiptDoc:
    """受理通知书 / 受理回执."""

    doc_seq: int
    case_number: str
    query_code: str
    item_name: str
    item_code: str
    department: str
    applicant: Party
    application_date: dt.date
    acceptance_date: dt.date
    materials: tuple[ReceivedMaterial, ...]
    legal_basis: str
    promised_days: int  # 0: an on-the-spot item (即办件), decided at the counter
    promised_date: dt.date | None  # None: it runs into a year the holiday calendar lacks
    clerk: Clerk
    pickup_method: str
    number: str = ""  # as allocated and stored; "" formats doc_seq (samples)
    seal: Seal | None = None  # None: the branding's agency and seal label
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign
    fees: tuple[FeeCharge, ...] = ()  # the item's fees in the case's situation; () free
    payment: PaymentRecord | None = None


@dataclass(frozen=True)
class OneTimeNoticeDoc:
    """一次性告知书: every missing or defective material, in one notice."""

    doc_seq: int
    item_name: str
    applicant: Party
    notice_date: dt.date
    materials: tuple[RequiredMaterial, ...]
    how_to_submit: str
    submit_by: dt.date | None
    clerk: Clerk
    case_number: str | None = None
    number: str = ""  # as allocated and stored; "" formats doc_seq (samples)
    seal: Seal | None = None
    # A licence's notice applies art. 32 (四); the other types cite the item's own basis.
    legal_basis: str = "《中华人民共和国行政许可法》第三十二条第一款第（四）项"
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign


@dataclass(frozen=True)
class DeferralDoc:
    """容缺受理通知书, printed twice: the applicant's copy and the file copy."""

    doc_seq: int
    case_number: str
    item_name: str
    applicant: Party
    acceptance_date: dt.date
    deferred: tuple[DeferredMaterial, ...]
    consequence: str
    clerk: Clerk
    number: str = ""  # as allocated and stored; "" formats doc_seq (samples)
    measure: str = "容缺受理的有关规定"  # the local measure cited: 《长春市…容缺受理办法》
    seal: Seal | None = None
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign


@dataclass(frozen=True)
class RefusalDoc:
    """不予受理通知书 with the reasons and the applicant's relief rights."""

    doc_seq: int
    item_name: str
    applicant: Party
    application_date: dt.date
    decision_date: dt.date
    reasons: tuple[str, ...]
    legal_basis: str
    competent_agency: str  # where to apply instead; "" when none
    reconsideration_body: str
    court: str
    clerk: Clerk
    case_number: str | None = None
    number: str = ""  # as allocated and stored; "" formats doc_seq (samples)
    seal: Seal | None = None
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign


@dataclass(frozen=True)
class DenialDoc:
    """A back office's adverse decision on an accepted case, in the instrument of the item's
    type: 不予行政许可决定书 (Administrative Licensing Law art. 38) for a licence, 不予确认决定书,
    不予给付决定书 … for the others; with its reasons, basis and the applicant's relief rights."""

    title: str  # 不予行政许可决定书
    verb: str  # what is refused, as the decision sentence says it: 不予行政许可 / 不予确认
    doc_seq: int
    case_number: str
    item_name: str
    applicant: Party
    application_date: dt.date
    decision_date: dt.date
    reasons: tuple[str, ...]
    legal_basis: str  # the item's own basis, and for a licence art. 38 of the Licensing Law
    decided_by: str  # the body that decided (named in the text and under the seal)
    reconsideration_body: str
    court: str
    consultation_phone: str
    clerk: Clerk  # who hands it out
    seal: Seal
    number: str = ""  # as allocated and stored; "" formats doc_seq


@dataclass(frozen=True)
class CertificateDoc:
    """证照 or 准予行政许可决定书; the number is assigned by the central system."""

    title: str  # the result name: 食品经营许可证, 准予行政许可决定书 …
    certificate_number: str
    holder: Party
    scope: str
    valid_from: dt.date
    valid_until: dt.date | None  # None: 长期
    issuing_authority: str
    issue_date: dt.date
    case_number: str
    particulars: tuple[tuple[str, str], ...] = ()  # further labelled lines (经营场所 …)
    # "许可范围" only on a licence (the result of a 行政许可 item); other results say what
    # their scope is in their own words (SCOPE_LABELS in clerk_app.results.papers).
    scope_label: str = "许可范围"


class HandoverMethod(StrEnum):
    PICKUP = "pickup"  # 窗口领取
    COURIER = "courier"  # 邮寄


@dataclass(frozen=True)
class HandoverDoc:
    """出件记录: who took the result, when, or which courier carries it."""

    doc_seq: int
    case_number: str
    item_name: str
    result_name: str
    certificate_number: str
    method: HandoverMethod
    handed_at: dt.datetime
    recipient: Party
    on_behalf: bool  # an agent collects for the applicant
    clerk: Clerk
    courier: str = ""
    tracking_number: str = ""
    number: str = ""  # as allocated and stored; "" formats doc_seq (samples)
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign
    waybill: Waybill | None = None  # mailed: the label's fields
    payment: PaymentRecord | None = None  # fees paid at the pickup window (after 待缴)


@dataclass(frozen=True)
class CommittedMaterial:
    """A material a signed commitment stands in for, with the condition it states is met."""

    name: str
    condition: str  # the acceptance standard the applicant commits to


@dataclass(frozen=True)
class CommitmentDoc:
    """告知承诺书 (国办发〔2020〕42号): the conditions stated in writing, what the applicant
    commits to instead of proving, the post-check and the consequence of a false commitment;
    signed by the applicant. Two copies: the applicant's and the file's."""

    doc_seq: int
    case_number: str
    item_name: str
    department: str
    applicant: Party
    acceptance_date: dt.date
    materials: tuple[CommittedMaterial, ...]
    post_check_days: int  # working days from acceptance
    post_check_due: dt.date | None  # None: the hall calendar lacks the year: not printed
    consequence: str
    clerk: Clerk
    seal: Seal | None = None  # the counter's seal ([papers]); None: the branding's
    number: str = ""  # as allocated and stored; "" formats doc_seq
    signature: PaperSignature | None = None  # signed on the pad; None: a blank line to sign


@dataclass(frozen=True)
class HourStat:
    hour: int  # 9 means 09:00–09:59
    arrivals: int
    served: int
    avg_wait_min: float
    max_wait_min: float


@dataclass(frozen=True)
class ServiceStat:
    name: str
    issued: int
    served: int
    no_show: int
    avg_wait_min: float
    p90_wait_min: float
    avg_service_min: float


@dataclass(frozen=True)
class WindowStat:
    window: str
    clerk: str
    served: int
    avg_service_min: float
    accepted: int
    notices: int
    refusals: int


@dataclass(frozen=True)
class AppointmentStat:
    """The day's bookings made online: booked (not cancelled), checked in, missed, cancelled."""

    booked: int = 0
    checked_in: int = 0
    no_show: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class FeeSum:
    """A line of the day's fees: a payment method, or an item; amounts in yuan as text."""

    label: str  # 现金 / 非税收入缴款码 / 免缴 / 待缴, or the item's name
    cases: int
    amount: str  # "16.00": what was taken (免缴 and 待缴: what was due)


@dataclass(frozen=True)
class DailyReportDoc:
    hall_name: str
    day: dt.date
    generated_at: dt.datetime
    hours: tuple[HourStat, ...]
    services: tuple[ServiceStat, ...]
    windows: tuple[WindowStat, ...]
    total: ServiceStat
    appointments: AppointmentStat = AppointmentStat()
    fees_by_method: tuple[FeeSum, ...] = ()  # the day's payments; () no fee taken or waived
    fees_by_item: tuple[FeeSum, ...] = ()  # the money taken, per item
    fees_total: str = ""  # the money taken that day, "16.00"


@dataclass(frozen=True)
class FiguresLine:
    """One row of the hall figures report, already formatted where it is a share or days."""

    label: str
    accepted: int
    notices: int
    deferrals: int
    refusals: int
    completed: int
    one_visit_share: str
    handed_over: int
    ratings: int
    satisfied_share: str
    avg_days: str
    p90_days: str
    on_the_spot_share: str = "—"  # 即办件当场办结 / 受理
    visits_per_case: str = "—"  # trips per case accepted, the pickup trip counted


@dataclass(frozen=True)
class OnceModeLine:
    """One month of the "once and for all" item share, from the catalogue in force then."""

    period: str  # 2026年11月
    version: str  # the catalogue version's label, or "—"
    share: str  # "88.4%（38 / 43 项）"
    demo_note: str = ""  # "41项跑动次数为演示值" when the figure rests on demo values


@dataclass(frozen=True)
class FiguresSection:
    heading: str
    first_column: str  # 日期 / 部门 / 事项 / 工作人员
    lines: tuple[FiguresLine, ...]


@dataclass(frozen=True)
class AssistanceLine:
    """帮办代办 of one helper and kind in the report's period."""

    helper: str
    kind: str  # 填表 / 材料准备 / 自助终端指导 / 全程代办
    cases: int
    sittings: int
    minutes: int


@dataclass(frozen=True)
class FiguresReportDoc:
    """The "once and for all" figures of a day or a month (日报 / 月报)."""

    title: str  # 政务服务"最多跑一次"日报
    hall_name: str
    period_label: str  # 2026年11月24日 / 2026年11月
    generated_at: dt.datetime
    totals: FiguresLine
    once_and_for_all_items: str  # "40%（12 / 30 项）"
    sections: tuple[FiguresSection, ...]
    # indicator name -> counts for levels 5..1
    satisfaction: tuple[tuple[str, tuple[int, ...]], ...]
    once_mode_trend: tuple[OnceModeLine, ...] = ()  # month by month, the last one last
    demo_notes: tuple[str, ...] = ()  # which figures rest on demo catalogue values
    fees_by_method: tuple[FeeSum, ...] = ()  # the period's payments; () no fee taken or waived
    fees_by_item: tuple[FeeSum, ...] = ()  # the money taken, per item
    fees_total: str = ""  # the money taken in the period, "16.00"
    assistance: tuple[AssistanceLine, ...] = ()  # 帮办代办 per helper and kind


@dataclass(frozen=True)
class TestPageDoc:
    printer_name: str
    printed_at: dt.datetime
    sample_name: str = "𠮷𡉃"  # proves the fallback fonts reach the printer


Document = (
    QueueTicketDoc
    | ReceiptDoc
    | OneTimeNoticeDoc
    | DeferralDoc
    | RefusalDoc
    | DenialDoc
    | CertificateDoc
    | HandoverDoc
    | CommitmentDoc
    | DailyReportDoc
    | TestPageDoc
)

SignableDocument = (
    ReceiptDoc | OneTimeNoticeDoc | DeferralDoc | RefusalDoc | HandoverDoc | CommitmentDoc
)
SIGNABLE = (ReceiptDoc, OneTimeNoticeDoc, DeferralDoc, RefusalDoc, HandoverDoc, CommitmentDoc)


def signable(doc: Document) -> SignableDocument | None:
    """The paper as one the applicant (or the recipient of a result) signs, or None where no
    applicant signs it (a ticket, a certificate, a report)."""
    return doc if isinstance(doc, SIGNABLE) else None


def with_signature(doc: SignableDocument, signature: PaperSignature) -> SignableDocument:
    """The same paper with the applicant's signature on their line."""
    return dataclasses.replace(doc, signature=signature)
