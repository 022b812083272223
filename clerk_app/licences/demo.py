"""The demo central server's e-licence registry (``make run``): a few imported licences of two
demo applicants, of the e-licence types the demo catalogue's materials take, so 查证照 finds one.

Their PDF copies are rendered by the app's own printing (the certificate layout the counter
prints for an approved case), then imported as any registry's file is
(``central-server licences import``, docs/licence-import.md). The ID number and credit code are
valid (check characters computed) but made up.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from onewindow_protocol.masking import IdKind
from printing.documents import CertificateDoc, HallBranding, Party
from printing.render import render_pdf

DEMO_PERSON = ("李明", "220102198503150015")  # 个体工商户注册登记: 经营者身份证明 (M02)
DEMO_COMPANY = ("长春示例餐饮有限公司", "91220102MA17XK8P3Y")  # 营业执照, 食品生产许可证
LICENCES_FILE = "demo-licences.json"


@dataclass(frozen=True, slots=True)
class DemoLicence:
    type: str
    type_name: str
    number: str
    holder: tuple[str, str]  # name, ID number or credit code
    issuer: str
    valid_from: dt.date
    valid_until: dt.date | None = None  # None: 长期
    scope: str = ""


DEMO_LICENCES: tuple[DemoLicence, ...] = (
    DemoLicence(
        "CN.RESIDENT_ID",
        "居民身份证",
        DEMO_PERSON[1],
        DEMO_PERSON,
        "长春市公安局朝阳分局",
        dt.date(2016, 5, 1),
        dt.date(2036, 5, 1),
    ),
    DemoLicence(
        "CN.HOUSEHOLD_REGISTER",
        "居民户口簿",
        "吉长朝户2201020018",
        DEMO_PERSON,
        "长春市公安局朝阳分局",
        dt.date(2012, 3, 9),
    ),
    DemoLicence(
        "CN.BUSINESS_LICENCE",
        "营业执照",
        DEMO_COMPANY[1],
        DEMO_COMPANY,
        "长春市市场监督管理局",
        dt.date(2019, 7, 1),
        scope="餐饮服务；食品销售",
    ),
    DemoLicence(
        "CN.FOOD_PRODUCTION_LICENCE",
        "食品生产许可证",
        "SC10122010200318",
        DEMO_COMPANY,
        "长春市市场监督管理局",
        dt.date(2022, 1, 10),
        dt.date(2027, 1, 9),
        scope="糕点；速冻食品",
    ),
    DemoLicence(  # the one before it: listed greyed, expired
        "CN.FOOD_PRODUCTION_LICENCE",
        "食品生产许可证",
        "SC10122010200117",
        DEMO_COMPANY,
        "长春市市场监督管理局",
        dt.date(2016, 12, 1),
        dt.date(2021, 11, 30),
        scope="糕点",
    ),
)


def _copy(licence: DemoLicence) -> bytes:
    name, number = licence.holder
    kind = IdKind.RESIDENT_ID if number[:17].isdigit() else IdKind.CREDIT_CODE
    doc = CertificateDoc(
        title=licence.type_name,
        certificate_number=licence.number,
        holder=Party(name, number, kind),
        scope=licence.scope or licence.type_name,
        valid_from=licence.valid_from,
        valid_until=licence.valid_until,
        issuing_authority=licence.issuer,
        issue_date=licence.valid_from,
        case_number="",
        scope_label="登记事项",
    )
    return render_pdf(doc, HallBranding())


def write_demo_licences(folder: Path) -> Path:
    """The import file and its PDF copies in ``folder``; the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for n, licence in enumerate(DEMO_LICENCES, 1):
        copy = f"demo-licence-{n}.pdf"
        (folder / copy).write_bytes(_copy(licence))
        entry = {
            "type": licence.type,
            "type_name": licence.type_name,
            "number": licence.number,
            "holder": licence.holder[1],
            "holder_name": licence.holder[0],
            "issuer": licence.issuer,
            "valid_from": licence.valid_from.isoformat(),
            "copy_file": copy,
        }
        if licence.valid_until is not None:  # none: no end (长期)
            entry["valid_until"] = licence.valid_until.isoformat()
        entries.append(entry)
    path = folder / LICENCES_FILE
    path.write_text(json.dumps({"licences": entries}, ensure_ascii=False, indent=1), "utf-8")
    return path
