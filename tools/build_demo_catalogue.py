"""Build resources/catalogue/demo-catalogue.json from the reference catalogue.

    .venv/bin/python tools/build_demo_catalogue.py [--reference FILE] [-o FILE]

Everything the published guides state is kept as published (names, departments, limits,
situations, materials and their form, copies, necessity, source and notes). What a guide does
not publish is filled with a plausible demo value and the field is listed in that item's or
material's ``demo_fields``. English names come from ``demo_catalogue_names.py`` and
``demo_catalogue_items.py``, written for this catalogue; the build stops if one is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from demo_catalogue_bases import BASES
from demo_catalogue_items import COMMITMENTS, FEES, ITEMS, Fill
from demo_catalogue_names import MATERIALS, SITUATIONS

from clerk_app.catalogue.format import dumps, loads
from clerk_app.catalogue.types import (
    ApplicantKind,
    Channel,
    CheckMethod,
    ELicence,
    Fee,
    Handling,
    ItemStatus,
    ItemType,
    MaterialForm,
    MaterialSource,
    Necessity,
    ResultKind,
)
from onewindow_protocol.catalogue.models import (
    CatalogueDocument,
    Item,
    Material,
    Result,
    Situation,
)

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (also from a worktree one level further down).
REFERENCES = [
    base / "shared" / "data" / "catalogue-reference.json" for base in (ROOT.parent, ROOT.parents[1])
]
OUTPUT = ROOT / "resources" / "catalogue" / "demo-catalogue.json"
VERSION = "demo-2026.12"  # .12: legal bases (item version 2), 告知承诺 flags on three items

NOTE = (
    "Demo catalogue for OneWindow, built by tools/build_demo_catalogue.py from "
    "catalogue-reference.json: 43 items copied by hand from published service guides of "
    "county, district, city and provincial governments (see each item's sources). Names, "
    "departments, regions, time limits, fees, situations and materials are as published. "
    "Fields a guide does not publish hold plausible DEMO values and are listed in the item's "
    "or material's demo_fields: item codes, item type, missing time limits, handling, visits, "
    "applicant kinds, channels, result, legal basis, missing fees, and for materials missing "
    "form, copies, necessity, source, check method, the e-licence that can replace the paper, "
    "and the acceptance standard. A situation the guide does not name is called 一般情形 (standard "
    "case). Blank forms and samples are not included. English names were written for this "
    "catalogue. The guides date from 2012 to 2025 and describe local practice at the time; "
    "this is realistic demo data, not current legal requirements. Three business licences "
    "offer notify-and-commit (告知承诺制; notify_commit, the materials flagged commitment and "
    "post_check_days are demo values): their version 2 adds it. The two items whose guides "
    "publish a fee carry it with the guide's fee text as its basis and, where the guide says "
    "so, the situations charged: their version 3 adds these."
)

FORMS = {
    "原件": MaterialForm.ORIGINAL,
    "原件（纸质）": MaterialForm.ORIGINAL,
    "纸质": MaterialForm.ORIGINAL,
    "复印件": MaterialForm.COPY,
    "复印件（纸质）": MaterialForm.COPY,
    "原件及复印件": MaterialForm.ORIGINAL_AND_COPY,
    "原件、复印件": MaterialForm.ORIGINAL_AND_COPY,
    "原件和复印件": MaterialForm.ORIGINAL_AND_COPY,
    "原件和复印件（纸质、电子）": MaterialForm.ORIGINAL_AND_COPY,
    "原件和复印件（纸质和电子）": MaterialForm.ORIGINAL_AND_COPY,
    "电子（上传）": MaterialForm.ELECTRONIC,
    "电子（扫描件）": MaterialForm.ELECTRONIC,
    "电子（在线填写）": MaterialForm.ELECTRONIC,
    "原件（照片上传）": MaterialForm.ELECTRONIC,
}
SOURCES = {
    "申请人自备": MaterialSource.APPLICANT,
    "自备": MaterialSource.APPLICANT,
    "网上下载或窗口索取": MaterialSource.APPLICANT,
    "政府部门核发": MaterialSource.GOVERNMENT,
}
# (keyword, e-licence): a short material naming one of these documents can be replaced by it.
E_LICENCES = (
    (
        "身份证",
        ELicence(
            type_code="CN.RESIDENT_ID", name_zh="居民身份证", name_en="Resident identity card"
        ),
    ),
    (
        "户口",
        ELicence(
            type_code="CN.HOUSEHOLD_REGISTER", name_zh="居民户口簿", name_en="Household register"
        ),
    ),
    (
        "营业执照",
        ELicence(type_code="CN.BUSINESS_LICENCE", name_zh="营业执照", name_en="Business licence"),
    ),
    (
        "结婚证",
        ELicence(
            type_code="CN.MARRIAGE_CERTIFICATE", name_zh="结婚证", name_en="Marriage certificate"
        ),
    ),
    (
        "残疾人证",
        ELicence(
            type_code="CN.DISABILITY_CERTIFICATE",
            name_zh="残疾人证",
            name_en="Disability certificate",
        ),
    ),
    (
        "驾驶证",
        ELicence(type_code="CN.DRIVING_LICENCE", name_zh="机动车驾驶证", name_en="Driving licence"),
    ),
    (
        "行驶证",
        ELicence(
            type_code="CN.VEHICLE_REGISTRATION",
            name_zh="机动车行驶证",
            name_en="Vehicle registration",
        ),
    ),
    (
        "医师资格证书",
        ELicence(
            type_code="CN.PHYSICIAN_QUALIFICATION",
            name_zh="医师资格证书",
            name_en="Physician qualification",
        ),
    ),
    (
        "食品生产许可证",
        ELicence(
            type_code="CN.FOOD_PRODUCTION_LICENCE",
            name_zh="食品生产许可证",
            name_en="Food production licence",
        ),
    ),
)
GOVERNMENT_WORDS = (
    "身份证",
    "户口",
    "执照",
    "证书",
    "许可证",
    "结婚证",
    "离婚证",
    "残疾人证",
    "批文",
    "批准",
    "审查意见",
    "行驶证",
    "驾驶证",
    "通知书",
    "证件",
    "合格证",
    "登记证",
)
THIRD_PARTY_WORDS = ("检测报告", "体检", "公证书", "评定表", "监测结果", "合格证明", "检验证明")
# Notes that make a material conditional ("… must also provide", "only for …"): optional.
CONDITIONAL = re.compile(
    r"(?<![无必])(应当|须|需|需要|还需)(同时)?(提供|提交|准备)|者(提交|提供)|的提供|办理时提供"
    r"|项目提供|如有"
    r"|非必要|不再提交|不需要|再婚的|现役军人|加盟连锁药店提交"
)
OTHER_MATERIALS = re.compile(r"^(其他|其它)|(其他|其它)(材料|资料)")
DEFERRABLE_WORDS = (
    "使用证明",
    "产权",
    "平面",
    "布局",
    "布置图",
    "体检",
    "管理制度",
    "制度文本",
    "规章制度",
    "地形图",
    "施工计划",
)
PHOTO = re.compile(r"照片|彩照|合影")
CHECK_WORDS = ("验原件", "比对原件", "原件备验", "核对原件")


def _english(table: dict[str, str], zh: str, what: str) -> str:
    if zh not in table:
        sys.exit(f"no English name for {what} {zh!r}: add it to tools/demo_catalogue_names.py")
    return table[zh]


def _licence(name: str) -> ELicence | None:
    bare = name.strip("《》")
    if "、" in bare or len(bare) > 12:
        return None  # a bundle of documents: no single e-licence replaces it
    return next((lic for word, lic in E_LICENCES if word in bare), None)


def _form(name: str) -> MaterialForm:
    if "复印件" in name:
        return MaterialForm.COPY
    if any(w in name for w in ("身份证", "户口", "执照", "证书")):
        return MaterialForm.ORIGINAL_AND_COPY
    return MaterialForm.ORIGINAL


def _necessity(name: str, notes: str | None) -> Necessity:
    if CONDITIONAL.search(notes or "") or OTHER_MATERIALS.search(name):
        return Necessity.OPTIONAL
    if any(w in name for w in DEFERRABLE_WORDS):
        return Necessity.DEFERRABLE
    return Necessity.REQUIRED


def _source(name: str) -> MaterialSource:
    if any(w in name for w in THIRD_PARTY_WORDS):
        return MaterialSource.THIRD_PARTY
    if any(w in name for w in GOVERNMENT_WORDS) and "申请" not in name:
        return MaterialSource.GOVERNMENT
    return MaterialSource.APPLICANT


def _check(form: MaterialForm) -> CheckMethod:
    if form in (MaterialForm.COPY, MaterialForm.ORIGINAL_AND_COPY):
        return CheckMethod.CHECK_ORIGINAL_KEEP_COPY
    return CheckMethod.KEEP_ORIGINAL


def _material(raw: dict[str, Any], code: str, situations: tuple[str, ...]) -> Material:
    name, notes = raw["name_zh"], raw["notes"]
    demo: list[str] = []

    def published(field: str, value: Any, demo_value: Any) -> Any:
        if value is not None:
            return value
        demo.append(field)
        return demo_value

    form = published("form", FORMS.get(raw["form"] or ""), _form(name))
    necessity = published(
        "necessity", raw["necessity"] and Necessity(raw["necessity"]), _necessity(name, notes)
    )
    source = published("source", SOURCES.get(raw["source"] or ""), _source(name))
    says_check = any(w in (notes or "") for w in CHECK_WORDS)
    check = published(
        "check", CheckMethod.CHECK_ORIGINAL_KEEP_COPY if says_check else None, _check(form)
    )
    licence = _licence(name)
    if licence is not None:
        demo.append("e_licence")
    standard = {
        MaterialForm.ORIGINAL: "原件真实有效；表格按要求如实填写，签字（盖章）齐全，无涂改",
        MaterialForm.COPY: "复印件清晰完整，与原件一致，由申请人签字或加盖公章确认",
        MaterialForm.ORIGINAL_AND_COPY: "原件真实有效且在有效期内；复印件清晰，与原件一致",
        MaterialForm.ELECTRONIC: "扫描件或照片清晰完整，PDF或JPG格式",
    }[form]
    if PHOTO.search(name):
        standard = "近期免冠彩色照片，尺寸和底色按注明要求，未经修饰"
    return Material(
        code=code,
        name_zh=name,
        name_en=_english(MATERIALS, name, "material"),
        form=form,
        copies=published("copies", raw["copies"], 1),
        paper_size="A4" if "A4" in f"{name}{notes}" else None,
        necessity=necessity,
        source=source,
        e_licence=licence,
        acceptance_standard=published("acceptance_standard", None, standard),
        notes=notes,
        check=check,
        blank_form=None,
        sample=None,
        legal_basis=None,
        situations=situations,
        demo_fields=tuple(demo),
    )


def _materials(raw_item: dict[str, Any], codes: tuple[str, ...]) -> tuple[Material, ...]:
    """Materials listed under several situations become one material naming them."""
    keys = ("name_zh", "form", "copies", "necessity", "source", "notes")
    merged: dict[tuple[Any, ...], tuple[dict[str, Any], list[str]]] = {}
    for code, situation in zip(codes, raw_item["situations"], strict=True):
        for material in situation["materials"]:
            key = tuple(material[k] for k in keys)
            merged.setdefault(key, (material, []))[1].append(code)
    return tuple(
        _material(raw, f"M{n:02d}", () if len(applies) == len(codes) else tuple(applies))
        for n, (raw, applies) in enumerate(merged.values(), start=1)
    )


def _situations(raw_item: dict[str, Any]) -> tuple[Situation, ...]:
    return tuple(
        Situation(
            code=f"{n:02d}",
            name_zh="一般情形" if s["name_zh"] == "默认" else s["name_zh"],
            name_en=_english(SITUATIONS, s["name_zh"], "situation"),
        )
        for n, s in enumerate(raw_item["situations"], start=1)
    )


def _item(index: int, raw: dict[str, Any], fill: Fill) -> Item:
    demo: list[str] = ["code"]
    item_type = ItemType.LICENCE
    if raw["type"] is not None:
        item_type = {"行政许可": ItemType.LICENCE, "公共服务": ItemType.PUBLIC_SERVICE}[raw["type"]]
    else:
        item_type = ItemType(fill.item_type)
        demo.append("type")
    department = raw["department"]
    if department is None:
        department = fill.department_zh
        demo.append("department_zh")
    statutory = raw["legal_limit_days"]
    if statutory is None and fill.statutory is not None:
        statutory = fill.statutory
        demo.append("statutory_limit_days")
    promised = raw["promised_limit_days"]
    if promised is None:
        promised = fill.promised
        demo.append("promised_limit_days")
    if raw["instant"]:
        handling = Handling.ON_THE_SPOT
    else:
        handling = Handling.ON_THE_SPOT if promised == 0 else Handling.PROMISED
        demo.append("handling")
    visits = raw["visits"]
    if visits is None:
        visits = fill.visits
        demo.append("visits")
    fee_items = FEES.get(index, ())
    if raw["fee"] is None:
        demo.append("fees")
    demo += ["applicant_kinds", "channels", "result", "legal_basis"]
    basic_code = raw["code"] if raw["code"] and len(raw["code"]) == 12 else None
    local_code = raw["code"] if raw["code"] and len(raw["code"]) != 12 else None
    if basic_code is None:
        basic_code = f"{list(ItemType).index(item_type) + 1:02d}{index + 1:04d}000000"
        demo.append("basic_code")
    situations = _situations(raw)
    return Item(
        code=f"220100{basic_code}{index + 1:02d}",  # region, basic code, sequence: demo
        basic_code=basic_code,
        local_code=local_code,
        version=3 if fee_items else 2,  # see FEES
        status=ItemStatus.IN_FORCE,
        name_zh=raw["name_zh"],
        name_en=fill.name_en,
        item_type=item_type,
        department_zh=department,
        department_en=fill.department_en,
        region=raw["region"],
        applicant_kinds=tuple(
            {"P": ApplicantKind.NATURAL_PERSON, "L": ApplicantKind.LEGAL_PERSON}[k]
            for k in fill.applicants
        ),
        statutory_limit_days=statutory,
        promised_limit_days=promised,
        handling=handling,
        visits=visits,
        channels=tuple(
            {"W": Channel.WINDOW, "O": Channel.ONLINE, "M": Channel.MAIL, "K": Channel.KIOSK}[c]
            for c in fill.channels
        ),
        fees=tuple(
            Fee(
                name_zh=zh,
                name_en=en,
                amount_fen=fen,
                basis=basis,
                **({"situations": situations} if situations else {}),
            )
            for zh, en, fen, basis, situations in fee_items
        ),
        fee_note=raw["fee"],
        result=Result(
            name_zh=fill.result_zh, name_en=fill.result_en, kind=ResultKind(fill.result_kind)
        ),
        legal_basis=BASES[index],
        sources=tuple(raw["sources"]),
        situations=situations,
        materials=_materials(raw, tuple(s.code for s in situations)),
        demo_fields=tuple(demo),
    )


def _with_commitment(index: int, item: Item) -> Item:
    """告知承诺制 where the demo offers it (demo values, see ``COMMITMENTS``)."""
    found = COMMITMENTS.get(index)
    if found is None:
        return item
    materials = tuple(
        m.model_copy(update={"commitment": True, "demo_fields": (*m.demo_fields, "commitment")})
        if m.code in found.materials
        else m
        for m in item.materials
    )
    if sum(m.commitment for m in materials) != len(found.materials):
        sys.exit(f"item {index}: commitment names materials it does not have: {found.materials}")
    return item.model_copy(
        update={
            "version": 2,
            "materials": materials,
            "notify_commit": True,
            "post_check_days": found.post_check_days,
            "demo_fields": (*item.demo_fields, "notify_commit", "post_check_days"),
        }
    )


def build(reference: Path) -> CatalogueDocument:
    raw = json.loads(reference.read_text(encoding="utf-8"))
    if not len(raw["items"]) == len(ITEMS) == len(BASES):
        sys.exit(
            f"{reference} has {len(raw['items'])} items; the fill table has {len(ITEMS)}, "
            f"the legal bases {len(BASES)}"
        )
    items = tuple(
        _with_commitment(n, _item(n, item, ITEMS[n])) for n, item in enumerate(raw["items"])
    )
    return CatalogueDocument(
        version=VERSION,
        source="catalogue-reference.json (published service guides; see each item's sources)",
        note=NOTE,
        items=items,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    found = next((p for p in REFERENCES if p.exists()), REFERENCES[0])
    parser.add_argument("--reference", type=Path, default=found)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    doc = build(args.reference)
    text = dumps(doc)
    if loads(text) != doc:  # the file must read back as built, and pass every check
        sys.exit("the built catalogue does not read back unchanged")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    materials = sum(len(item.materials) for item in doc.items)
    print(f"{args.output}: {len(doc.items)} items, {materials} materials")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
