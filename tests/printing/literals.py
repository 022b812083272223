"""Literal documents for the renderer's unit tests (layout, fonts, barcodes, ESC/POS, print
jobs): values to render, filled in by hand. They are not samples: the papers the counter really
prints come from ``clerk_app.samples`` (the real flow) and are checked in ``tests/samples``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from clerk_app.demo import DEMO_BRANDING
from onewindow_protocol.masking import IdKind
from printing.documents import (
    CertificateDoc,
    Clerk,
    CommitmentDoc,
    CommittedMaterial,
    DailyReportDoc,
    DeferralDoc,
    DeferredMaterial,
    DenialDoc,
    Document,
    DocumentKind,
    HandoverDoc,
    HandoverMethod,
    HourStat,
    MaterialProblem,
    OneTimeNoticeDoc,
    Party,
    QueueTicketDoc,
    ReceiptDoc,
    ReceivedMaterial,
    RefusalDoc,
    RequiredMaterial,
    Seal,
    ServiceStat,
    TestPageDoc,
    WindowStat,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 11, 28)
CASE_NUMBER = "CC01-W03-20261128-0042"

BRANDING = DEMO_BRANDING

PERSON = Party(name="张伟", id_number="220102199003071235", phone="13812345678")
COMPANY = Party(
    name="长春市味道餐饮管理有限公司",
    id_number="91350100M000100Y43",
    id_kind=IdKind.CREDIT_CODE,
    phone="13912345678",
    contact="刘洋",
    legal_representative="王芳",
    address="长春市朝阳区人民大街100号",
)
CLERK = Clerk(
    name="赵敏",
    window="3号综合窗口",
    department="长春市市场监督管理局",
    office_phone="0431-88886666",
)


def ticket() -> QueueTicketDoc:
    return QueueTicketDoc(
        hall_name="长春市政务服务中心（演示）",
        service_name_zh="企业开办",
        service_name_en="Business start-up",
        number="A012",
        ahead=7,
        eta_minutes=25,
        issued_at=dt.datetime(2026, 11, 28, 9, 31, tzinfo=SHANGHAI),
        location="一楼综合受理区",
        qr_url="https://zwfw.example.gov.cn/pd?t=A012&d=20261128",
    )


def receipt() -> ReceiptDoc:
    return ReceiptDoc(
        doc_seq=42,
        case_number=CASE_NUMBER,
        query_code="7K3M9Q",
        item_name="食品经营许可（新办）",
        item_code="11220100MB1234567X4000117004000",
        department="长春市市场监督管理局",
        applicant=COMPANY,
        application_date=DAY,
        acceptance_date=DAY,
        materials=(
            ReceivedMaterial("食品经营许可申请书", "原件", 1),
            ReceivedMaterial("营业执照", "复印件", 1, "已核验原件"),
            ReceivedMaterial("法定代表人身份证明", "复印件", 1),
            ReceivedMaterial("经营场所平面布局图", "原件", 1),
            ReceivedMaterial("食品安全管理制度文本", "原件", 1),
            ReceivedMaterial("主要设备设施清单", "原件", 2),
        ),
        legal_basis="《中华人民共和国食品安全法》第三十五条、《食品经营许可和备案管理办法》第十三条",
        promised_days=10,
        promised_date=dt.date(2026, 12, 11),
        clerk=CLERK,
        pickup_method="统一出件窗口（8号窗口）领取",
    )


def notice() -> OneTimeNoticeDoc:
    return OneTimeNoticeDoc(
        doc_seq=17,
        item_name="个体工商户设立登记",
        applicant=PERSON,
        notice_date=DAY,
        materials=(
            RequiredMaterial(
                "经营者身份证复印件",
                MaterialProblem.DEFECTIVE,
                "正反面复印在同一页，字迹清晰",
                "复印件字迹模糊",
            ),
            RequiredMaterial(
                "经营场所使用证明", MaterialProblem.MISSING, "房屋产权证明或租赁合同，原件及复印件"
            ),
            RequiredMaterial(
                "个体工商户登记申请书",
                MaterialProblem.DEFECTIVE,
                "经营者本人签字",
                "缺少经营者签字",
            ),
        ),
        how_to_submit="携带上述材料到任一综合窗口补正，或在“长春市政务服务网”上传电子材料",
        submit_by=dt.date(2026, 12, 11),
        clerk=CLERK,
        case_number="CC01-W03-20261128-0043",
    )


def deferral() -> DeferralDoc:
    return DeferralDoc(
        doc_seq=5,
        case_number="CC01-W03-20261128-0044",
        item_name="建筑工程施工许可证核发",
        applicant=Party(
            name="长春示范建设集团有限公司",
            id_number="91440101MA5CJQ4N59",
            id_kind=IdKind.CREDIT_CODE,
            phone="0431-85551234",
            contact="孙强",
            legal_representative="周建国",
        ),
        acceptance_date=DAY,
        deferred=(
            DeferredMaterial(
                "施工图设计文件审查合格书", "原件，到任一综合窗口提交", dt.date(2026, 12, 8)
            ),
            DeferredMaterial("建设资金已落实承诺书", "原件，可邮寄至本中心", dt.date(2026, 12, 8)),
        ),
        consequence="逾期未补齐的，本机关将终止审批程序，已作出的决定不予发证，并依法记入信用记录。",
        clerk=Clerk("钱进", "7号专业窗口", "长春市住房和城乡建设局", "0431-88887777"),
    )


def refusal() -> RefusalDoc:
    return RefusalDoc(
        doc_seq=3,
        item_name="燃气经营许可",
        applicant=PERSON,
        application_date=DAY,
        decision_date=DAY,
        reasons=("该事项依法由省级住房和城乡建设主管部门实施，不属于本机关职权范围。",),
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        competent_agency="吉林省住房和城乡建设厅（长春市示范路88号）",
        reconsideration_body="长春市人民政府",
        court="长春市朝阳区人民法院",
        clerk=CLERK,
        case_number="CC01-W03-20261128-0045",
    )


def denial() -> DenialDoc:
    return DenialDoc(
        title="不予行政许可决定书",
        verb="不予行政许可",
        doc_seq=5,
        case_number=CASE_NUMBER,
        item_name="食品经营许可（新办）",
        applicant=COMPANY,
        application_date=DAY,
        decision_date=dt.date(2026, 12, 8),
        reasons=("经营场所与食品经营许可审查通则的要求不符。",),
        legal_basis="《中华人民共和国行政许可法》第三十八条第二款",
        decided_by="长春市市场监督管理局",
        reconsideration_body="长春市人民政府",
        court="长春市朝阳区人民法院",
        consultation_phone="0431-88886666",
        clerk=CLERK,
        seal=Seal("长春市市场监督管理局", "行政许可专用章"),
    )


def commitment() -> CommitmentDoc:
    return CommitmentDoc(
        doc_seq=6,
        case_number=CASE_NUMBER,
        item_name="食品经营许可（新办）",
        department="长春市市场监督管理局",
        applicant=COMPANY,
        acceptance_date=DAY,
        materials=(CommittedMaterial("经营场所使用证明", "场所权属清晰，可用于食品经营"),),
        post_check_days=20,
        post_check_due=dt.date(2026, 12, 28),
        consequence="承诺不实的，依法撤销许可，并记入信用记录。",
        clerk=CLERK,
    )


def certificate() -> CertificateDoc:
    return CertificateDoc(
        title="食品经营许可证",
        certificate_number="JY12201020012345",
        holder=COMPANY,
        scope="热食类食品制售；冷食类食品制售；自制饮品制售",
        valid_from=dt.date(2026, 12, 10),
        valid_until=dt.date(2031, 12, 9),
        issuing_authority="长春市市场监督管理局",
        issue_date=dt.date(2026, 12, 10),
        case_number=CASE_NUMBER,
        particulars=(
            ("经营场所", "长春市朝阳区人民大街100号一层"),
            ("主体业态", "餐饮服务经营者（中型餐馆）"),
        ),
    )


def handover() -> HandoverDoc:
    return HandoverDoc(
        doc_seq=88,
        case_number=CASE_NUMBER,
        item_name="食品经营许可（新办）",
        result_name="食品经营许可证（正本、副本）",
        certificate_number="JY12201020012345",
        method=HandoverMethod.PICKUP,
        handed_at=dt.datetime(2026, 12, 11, 14, 20, tzinfo=SHANGHAI),
        recipient=Party(name="刘洋", id_number="110105198504125675", phone="13698765432"),
        on_behalf=True,
        clerk=Clerk("孙丽", "8号统一出件窗口"),
    )


def daily_report() -> DailyReportDoc:
    arrivals = (12, 46, 58, 41, 18, 22, 49, 53, 37, 15)
    waits = (4.5, 14.2, 21.8, 17.3, 8.1, 9.4, 18.7, 23.5, 12.6, 5.2)
    hours = tuple(
        HourStat(8 + i, a, max(a - 3, 0), w, round(w * 2.1, 1))
        for i, (a, w) in enumerate(zip(arrivals, waits, strict=True))
    )
    services = (
        ServiceStat("企业开办", 96, 91, 3, 16.4, 31.0, 14.2),
        ServiceStat("许可审批", 71, 66, 4, 18.9, 35.5, 19.8),
        ServiceStat("社保医保", 83, 80, 2, 9.7, 19.0, 7.9),
        ServiceStat("民政婚姻", 38, 36, 1, 7.2, 14.5, 9.6),
        ServiceStat("工程建设", 22, 20, 1, 21.3, 40.2, 24.1),
        ServiceStat("统一出件", 41, 41, 0, 3.1, 6.0, 2.8),
    )
    total = ServiceStat("合计", 351, 334, 11, 13.6, 28.4, 12.9)
    windows = tuple(
        WindowStat(f"{n}号窗口", name, served, svc, acc, nt, rf)
        for n, name, served, svc, acc, nt, rf in (
            (1, "李娜", 52, 12.1, 30, 6, 1),
            (2, "王磊", 49, 13.4, 27, 8, 0),
            (3, "赵敏", 55, 11.8, 33, 5, 1),
            (4, "陈静", 47, 12.9, 25, 7, 0),
            (5, "杨帆", 44, 14.0, 24, 6, 2),
            (6, "黄勇", 46, 12.5, 28, 4, 0),
            (7, "钱进", 20, 24.1, 15, 3, 1),
            (8, "孙丽", 41, 2.8, 0, 0, 0),
        )
    )
    return DailyReportDoc(
        hall_name="长春市政务服务中心（演示）",
        day=DAY,
        generated_at=dt.datetime(2026, 11, 28, 17, 35, tzinfo=SHANGHAI),
        hours=hours,
        services=services,
        windows=windows,
        total=total,
    )


def printer_test_page(printer_name: str = "demo") -> TestPageDoc:
    return TestPageDoc(printer_name, dt.datetime(2026, 11, 28, 9, 0, tzinfo=SHANGHAI))


LITERALS: dict[DocumentKind, Callable[[], Document]] = {
    DocumentKind.TICKET: ticket,
    DocumentKind.RECEIPT: receipt,
    DocumentKind.NOTICE: notice,
    DocumentKind.DEFERRAL: deferral,
    DocumentKind.REFUSAL: refusal,
    DocumentKind.CERTIFICATE: certificate,
    DocumentKind.HANDOVER: handover,
    DocumentKind.DAILY_REPORT: daily_report,
    DocumentKind.DENIAL: denial,
    DocumentKind.COMMITMENT: commitment,
    DocumentKind.TEST_PAGE: printer_test_page,
}


def literal(kind: DocumentKind | str) -> Document:
    return LITERALS[DocumentKind(kind)]()
