"""The papers the counter really prints, read back out of the PDF (pypdfium2), for every kind.

One throwaway demo hall per module drives the real flow (``clerk_app.samples``): the counter's
four decisions, the back office's three through the reference server and real sync, the
handover at pickup, the queue ticket and the daily report. Each paper must carry every field
docs/domain-rules.md lists for it ("Printed documents and their fields"), no English sentence on
a Chinese paper, and personal data masked exactly as ``220102********1234`` and ``138****5678``.

``FIELDS`` is the one table of what each paper must show (a regular expression over the text
with its whitespace removed). A check of a known gap carries ``fixed_on``, saying why: it is
an expected failure (strict), so the day it is fixed the mark has to go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest

from clerk_app.samples import COMPANY, SampleHall, SampleKind

K = SampleKind
CASE = "{case}"  # stands for the sample's own case number
ID_MASKED, PHONE_MASKED = "220102********1234", "138****5678"
ID_FULL = "220102199001021234"


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # as docs/domain-rules.md names it
    pattern: str  # a regular expression over the paper's text, whitespace removed
    fixed_on: str = ""  # why the check fails today (a known gap): a strict expected failure


SEAL, SIGNED = (
    Field("seal", r"(专用章|（盖章）)"),
    Field("applicant signature", r"申请人（签字）：日期："),
)
HANDLER_PHONE = Field("handler's phone", r"咨询电话0\d{2,3}-\d{5,8}")
NAMED_BODY = Field("reconsideration body named", r"向长春市人民政府申请行政复议")
NAMED_COURT = Field("court named", r"向长春[^，。]*法院提起行政诉讼")
RELIEF = (
    Field("reconsideration within 60 days", r"六十日内.*行政复议"),
    Field("lawsuit within 6 months", r"六个月内.*行政诉讼"),
)

FIELDS: dict[str, tuple[Field, ...]] = {
    "receipt": (
        Field("title", r"受理通知书"),
        Field("document number", r"长政服受字〔2026〕第(\d{2}-)?\d{5}号"),
        Field("case number", r"办件编号" + CASE),
        Field("applicant", r"申请人张伟"),
        Field("phone", r"联系电话138\*{4}5678"),
        Field("item", r"申请事项个体工商户注册登记"),
        Field("application date", r"申请日期2026年11月24日"),
        Field("acceptance date", r"受理日期2026年11月24日"),
        Field("materials received with counts", r"共4种材料，4份"),
        Field("legal basis", r"法律依据《中华人民共和国行政许可法》"),
        Field("promised decision date", r"承诺办结2026年11月27日"),
        Field("clerk", r"受理人窗口3办事员"),
        Field("window", r"受理窗口3号窗口"),
        Field("department", r"承办部门昆明市呈贡区市场监督管理局"),
        Field("status query code", r"查询码[0-9A-Z]{6}"),
        Field("QR", r"扫码查询办件进度"),
        Field("pickup method", r"取件方式统一出件窗口"),
        SEAL,
        SIGNED,
    ),
    "receipt-company": (
        Field("applicant", r"申请人长春市味道餐饮管理有限公司"),
        Field("credit code printed whole", r"91350100M000100Y43"),
        Field("legal representative", r"法定代表人\S"),
        Field("contact", r"联系人\S"),
        Field("phone", r"联系电话138\*{4}5678"),
    ),
    "notice": (
        Field("title", r"一次性告知书"),
        Field("document number", r"长政服补字〔2026〕第(\d{2}-)?\d{5}号"),
        Field("item", r"个体工商户注册登记"),
        Field("applicant", r"申请人张伟"),
        Field("date", r"2026年11月24日"),
        Field("material missing", r"个体工商户开业登记申请书缺少"),
        Field("material to correct", r"经营者身份证明需补正：缺少申请人签字"),
        Field("standard of each material", r"要求和标准"),
        Field("how", r"补正方式携带上述材料"),
        Field("by when", r"补正期限"),
        Field("handler", r"经办人窗口3办事员（3号窗口）"),
        HANDLER_PHONE,
        Field("phone", r"联系电话138\*{4}5678"),
        SEAL,
        SIGNED,
    ),
    "deferral": (
        Field("title on both copies", r"容缺受理通知书.*容缺受理通知书"),
        Field("two copies", r"第一联.*第二联"),
        Field("document number", r"长政服容字〔2026〕第(\d{2}-)?\d{5}号"),
        Field("deferred material", r"经营场所使用证明原件，到任一综合窗口提交2026年11月26日"),
        Field("how", r"补交方式"),
        Field("deadline", r"补交期限"),
        Field("consequence", r"逾期后果逾期未补齐容缺材料的"),
        Field("applicant", r"申请人张伟"),
        Field("phone", r"联系电话138\*{4}5678"),
        SEAL,
        SIGNED,
    ),
    "commitment": (
        Field("title on both copies", r"告知承诺书.*告知承诺书"),
        Field("two copies", r"第一联（申请人联）.*第二联（存档联）"),
        Field("document number", r"长政服诺字〔2026〕第(03-)?\d{5}号"),
        Field("item", r"食品经营许可证（销售类）登记"),
        Field("conditions stated in writing", r"告知承诺制"),
        Field("post-check period", r"自受理之日起\d+个工作日内"),
        Field("consequence of a false commitment", r"撤销"),
        Field("applicant signs", r"申请人（签字或盖章）"),
    ),
    "refusal": (
        Field("title", r"不予受理通知书"),
        Field("document number", r"长政服不受字〔2026〕第(\d{2}-)?\d{5}号"),
        Field("reason", r"理由如下：.*危险化学品经营"),
        Field("competent agency", r"请向长春市应急管理局提出申请"),
        *RELIEF,
        NAMED_BODY,
        NAMED_COURT,
        Field("phone", r"联系电话138\*{4}5678"),
        SEAL,
        Field("date", r"2026年11月24日"),
    ),
    "certificate": (
        Field("result name", r"营业执照"),
        Field("number assigned by the central server", r"编号：证字〔2026〕第\d{6}号"),
        Field("holder", r"持证主体张伟"),
        Field("holder's full ID", ID_FULL),  # the holder's own licence
        Field("validity", r"有效期限2026年11月24日至"),
        Field("issuing authority", r"发证机关（印章）昆明市呈贡区市场监督管理局"),
        Field("verification QR", r"扫码核验真伪"),
    ),
    "rejection": (
        Field("title", r"不予行政许可决定书"),
        Field("reason", r"经营场所与申请材料所述不符"),
        *RELIEF,
        NAMED_BODY,
        NAMED_COURT,
        SEAL,
        Field("date", r"2026年11月24日"),
    ),
    "supplement": (
        Field("title", r"一次性告知书|补正材料通知书"),
        Field("item", r"个体工商户注册登记"),
        Field("applicant", r"申请人张伟"),
        Field("material with its standard", r"经营场所使用证明需补正房屋租赁合同原件及复印件"),
        Field("how", r"补正方式请携带上述材料到任一综合窗口补正"),
        Field("by when", r"请于2026年11月29日前补正"),
        Field("handler", r"经办人窗口8办事员（8号窗口）"),
        HANDLER_PHONE,
        SEAL,
        SIGNED,
    ),
    "handover": (
        Field("title", r"出件记录"),
        Field("case number", r"办件编号" + CASE),
        Field("pickup time", r"出件时间2026年11月24日\d{2}:\d{2}"),
        Field("result and its number", r"办理结果营业执照证照编号证字〔2026〕第\d{6}号"),
        Field("recipient", r"领取人张伟"),
        Field("recipient's ID", r"证件号码220102\*{8}1234"),
        Field("recipient signs", r"领取人（签字）"),
    ),
    "ticket": (
        Field("hall", r"长春市政务服务中心（演示）"),
        Field("service", r"企业开办Businessstart-up"),
        Field("number", r"A004"),
        Field("people ahead", r"前面还有3人等候"),
        Field("time issued", r"取号时间2026-11-2409:\d{2}"),
        Field("estimated wait", r"预计等候约\d+分钟"),
        Field("location", r"办理地点：一楼综合受理区"),
    ),
    "daily-report": (
        Field("title", r"政务服务大厅运行日报"),
        Field("hall and day", r"长春市政务服务中心（演示）2026年11月24日"),
        Field("per hour", r"09:00–09:59"),
        Field("per service", r"企业开办\d+\d+"),
        Field("per window with its decisions", r"3窗口3办事员\d+\d+\d+\d+"),
        Field("generated", r"生成时间：2026年11月24日"),
    ),
}


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        document.close()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True, slots=True)
class Paper:
    text: str
    case_number: str


@pytest.fixture(scope="module")
def papers() -> Iterator[dict[str, Paper]]:
    """Every kind from one throwaway hall (the reference server started once), plus a
    company's receipt."""
    with SampleHall(dt.date(2026, 11, 24)) as hall:
        made = {kind.value: hall.make(kind) for kind in SampleKind}
        made["receipt-company"] = hall.make(K.RECEIPT, applicant=COMPANY)
        yield {
            name: Paper(pdf_text(sample.payload), sample.case_number)
            for name, sample in made.items()
        }


def _cases() -> Iterator[object]:
    for kind, fields in FIELDS.items():
        for field in fields:
            marks = (
                [pytest.mark.xfail(strict=True, reason=field.fixed_on)] if field.fixed_on else []
            )
            yield pytest.param(kind, field, marks=marks, id=f"{kind}-{field.name}")


def test_the_table_covers_every_kind() -> None:
    assert {k.value for k in SampleKind} <= set(FIELDS)


@pytest.mark.parametrize(("kind", "field"), list(_cases()))
def test_paper_shows_its_domain_field(papers: dict[str, Paper], kind: str, field: Field) -> None:
    paper = papers[kind]
    pattern = field.pattern.replace(CASE, re.escape(paper.case_number))
    assert re.search(pattern, squeeze(paper.text)), f"{kind}: no {field.name} ({pattern})"


ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[\s,;:'-]+[A-Za-z]{2,}){2,}")
CHINESE_PAPERS = [k.value for k in SampleKind if k is not K.TICKET]  # the ticket is bilingual


@pytest.mark.parametrize(
    "kind",
    list(CHINESE_PAPERS),
)
def test_no_english_sentence_on_a_chinese_paper(papers: dict[str, Paper], kind: str) -> None:
    flat = re.sub(r"\s+", " ", papers[kind].text)
    assert not ENGLISH_SENTENCE.findall(flat)


PERSONAL = ["receipt", "notice", "deferral", "refusal", "rejection", "supplement", "handover"]


@pytest.mark.parametrize("kind", PERSONAL)
def test_the_applicants_id_is_masked_exactly(papers: dict[str, Paper], kind: str) -> None:
    flat = squeeze(papers[kind].text)
    assert ID_FULL not in flat
    masks = re.findall(r"\d*\*{5,}[\dX]*", flat)  # an ID's mask (a phone's has 4 stars)
    assert masks and set(masks) == {ID_MASKED}


@pytest.mark.parametrize(
    "kind",
    ["receipt", "notice", "deferral", "refusal", "receipt-company"],
)
def test_the_phone_is_masked_exactly_once(papers: dict[str, Paper], kind: str) -> None:
    flat = squeeze(papers[kind].text).replace(ID_MASKED, "")
    masks = re.findall(r"[\d-]*\*+\d+", flat)
    assert masks and set(masks) == {PHONE_MASKED}
    assert "13812345678" not in flat


@pytest.fixture(scope="module")
def year_end() -> Iterator[dict[str, Paper]]:
    """Two first receipts of the day in December, on one hall: the 29th and the 30th."""
    with SampleHall(dt.date(2026, 12, 29)) as hall:
        first = hall.make(K.RECEIPT)
        hall.move_to(dt.date(2026, 12, 30))
        second = hall.make(K.RECEIPT)
        yield {
            "29": Paper(pdf_text(first.payload), first.case_number),
            "30": Paper(pdf_text(second.payload), second.case_number),
        }


def test_the_acceptance_date_asked_for_is_printed(year_end: dict[str, Paper]) -> None:
    assert year_end["30"].case_number == "CC01-W03-20261230-0001"
    assert "受理日期2026年12月30日" in squeeze(year_end["30"].text)


def test_no_promised_date_the_calendar_does_not_know(year_end: dict[str, Paper]) -> None:
    flat = squeeze(year_end["30"].text)
    assert "自受理之日起3个工作日内" in flat
    assert "将于2026年12月30日前" not in flat


def test_document_numbers_do_not_repeat_across_days(year_end: dict[str, Paper]) -> None:
    numbers = [
        re.search(r"长政服受字〔2026〕第(\d{2}-)?\d{5}号", squeeze(p.text))
        for p in year_end.values()
    ]
    assert all(numbers)
    assert len({n.group() for n in numbers if n}) == 2
