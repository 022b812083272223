"""A deterministic synthetic catalogue of any size (1,300 items: a district hall) for scale tests.

Names are built from real department, subject and action vocabularies, so pinyin and initials
behave as they do on real names; every item has situations and a material checklist. The same
``count`` and ``seed`` always give the same document.
"""

from __future__ import annotations

import random

from clerk_app.catalogue.types import (
    ApplicantKind,
    Channel,
    CheckMethod,
    ELicence,
    Handling,
    ItemStatus,
    ItemType,
    MaterialForm,
    MaterialSource,
    Necessity,
    ResultKind,
)
from onewindow_protocol.catalogue.models import CatalogueDocument, Item, Material, Result, Situation

# department zh, en, subjects (zh, en)
DEPARTMENTS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "市场监督管理局",
        "Market Regulation Bureau",
        (
            ("食品经营许可", "food business licence"),
            ("食品生产许可", "food production licence"),
            ("药品零售许可", "retail pharmacy licence"),
            ("医疗器械经营备案", "medical device trade filing"),
            ("个体工商户登记", "individual business registration"),
            ("企业设立登记", "company registration"),
            ("特种设备使用登记", "special equipment registration"),
            ("计量器具检定", "measuring instrument verification"),
            ("营业执照", "business licence"),
            ("农民专业合作社登记", "farmers' cooperative registration"),
        ),
    ),
    (
        "卫生健康委员会",
        "Health Commission",
        (
            ("公共场所卫生许可", "public venue hygiene licence"),
            ("医师执业注册", "physician practice registration"),
            ("护士执业注册", "nurse practice registration"),
            ("医疗机构执业登记", "medical institution registration"),
            ("放射诊疗许可", "radiological diagnosis licence"),
            ("生活饮用水供水单位卫生许可", "drinking water supplier hygiene licence"),
            ("母婴保健技术服务许可", "maternal and infant care licence"),
            ("出生医学证明补发", "birth certificate reissue"),
            ("消毒产品生产企业卫生许可", "disinfectant manufacturer hygiene licence"),
            ("职业健康检查机构备案", "occupational health check filing"),
        ),
    ),
    (
        "住房和城乡建设局",
        "Housing and Urban-Rural Development Bureau",
        (
            ("建筑工程施工许可", "construction permit"),
            ("建设工程竣工验收备案", "completion acceptance filing"),
            ("商品房预售许可", "pre-sale permit for commercial housing"),
            ("建筑业企业资质", "construction enterprise qualification"),
            ("房地产开发企业资质", "real-estate developer qualification"),
            ("燃气经营许可", "gas business licence"),
            ("城市建筑垃圾处置核准", "construction waste disposal approval"),
            ("物业服务企业备案", "property management filing"),
            ("白蚁防治备案", "termite control filing"),
            ("施工图审查备案", "construction drawing review filing"),
        ),
    ),
    (
        "交通运输局",
        "Transport Bureau",
        (
            ("出租汽车驾驶员从业资格", "taxi driver qualification"),
            ("网络预约出租汽车运输证", "ride-hailing vehicle permit"),
            ("道路货物运输经营许可", "road freight licence"),
            ("道路旅客运输经营许可", "road passenger licence"),
            ("机动车维修经营备案", "vehicle repair filing"),
            ("驾驶员培训机构备案", "driving school filing"),
            ("公路超限运输许可", "oversize transport permit"),
            ("占用挖掘公路许可", "road occupation and excavation permit"),
            ("港口经营许可", "port operation licence"),
            ("道路运输证配发", "road transport certificate issue"),
        ),
    ),
    (
        "民政局",
        "Civil Affairs Bureau",
        (
            ("结婚登记", "marriage registration"),
            ("离婚登记", "divorce registration"),
            ("社会团体登记", "social organisation registration"),
            ("民办非企业单位登记", "private non-enterprise registration"),
            ("最低生活保障认定", "minimum subsistence determination"),
            ("临时救助", "temporary assistance"),
            ("特困人员认定", "extreme-poverty support determination"),
            ("收养登记", "adoption registration"),
            ("养老机构备案", "elderly care institution filing"),
            ("殡葬服务", "funeral services"),
        ),
    ),
    (
        "人力资源和社会保障局",
        "Human Resources and Social Security Bureau",
        (
            ("失业登记", "unemployment registration"),
            ("就业登记", "employment registration"),
            ("社会保障卡申领", "social security card application"),
            ("城乡居民养老保险参保登记", "residents' pension enrolment"),
            ("职工参保登记", "employee insurance enrolment"),
            ("养老保险关系转移", "pension transfer"),
            ("工伤认定", "work injury determination"),
            ("劳务派遣经营许可", "labour dispatch licence"),
            ("人力资源服务许可", "human resources service licence"),
            ("职业技能鉴定", "vocational skill appraisal"),
        ),
    ),
    (
        "税务局",
        "Taxation Bureau",
        (
            ("发票领用", "invoice collection"),
            ("增值税一般纳税人登记", "general VAT taxpayer registration"),
            ("税务登记信息变更", "tax registration change"),
            ("纳税证明开具", "tax payment certificate"),
            ("出口退税备案", "export rebate filing"),
            ("个人所得税专项附加扣除", "individual income tax deduction"),
            ("跨区域涉税事项报告", "cross-region tax report"),
            ("税收优惠备案", "tax incentive filing"),
            ("车船税减免", "vehicle and vessel tax relief"),
            ("房产税申报", "property tax return"),
        ),
    ),
    (
        "城市管理局",
        "Urban Management Bureau",
        (
            ("户外广告设置", "outdoor advertising installation"),
            ("临时占用城市道路", "temporary road occupation"),
            ("挖掘城市道路", "urban road excavation"),
            ("城镇污水排入排水管网许可", "sewage discharge permit"),
            ("城市绿地占用", "green space occupation"),
            ("砍伐城市树木", "urban tree felling"),
        ),
    ),
    (
        "自然资源和规划局",
        "Natural Resources and Planning Bureau",
        (
            ("建设工程规划许可", "construction planning permit"),
            ("乡村建设规划许可", "rural construction planning permit"),
            ("建设用地规划许可", "land-use planning permit"),
            ("不动产登记", "real-estate registration"),
            ("临时用地审批", "temporary land-use approval"),
            ("测绘资质", "surveying qualification"),
        ),
    ),
    (
        "水务局",
        "Water Affairs Bureau",
        (
            ("取水许可", "water abstraction permit"),
            ("水土保持方案审批", "soil and water conservation plan approval"),
            ("河道管理范围内建设项目审批", "river-area project approval"),
            ("入河排污口设置审批", "river outfall approval"),
        ),
    ),
    (
        "文化广电和旅游局",
        "Culture, Radio, Television and Tourism Bureau",
        (
            ("娱乐场所经营许可", "entertainment venue licence"),
            ("互联网上网服务营业场所许可", "internet café licence"),
            ("营业性演出许可", "commercial performance licence"),
            ("旅行社设立许可", "travel agency licence"),
        ),
    ),
    (
        "医疗保障局",
        "Healthcare Security Bureau",
        (
            ("城乡居民医保参保登记", "residents' medical insurance enrolment"),
            ("异地就医备案", "out-of-area medical care filing"),
            ("医疗费用零星报销", "medical expense reimbursement"),
            ("门诊慢特病待遇认定", "chronic disease benefit determination"),
        ),
    ),
)

# action zh, en, item type, result kind
ACTIONS: tuple[tuple[str, str, ItemType, ResultKind], ...] = (
    ("新办", "new application", ItemType.LICENCE, ResultKind.LICENCE),
    ("变更", "change", ItemType.LICENCE, ResultKind.LICENCE),
    ("延续", "renewal", ItemType.LICENCE, ResultKind.LICENCE),
    ("注销", "cancellation", ItemType.OTHER_POWER, ResultKind.APPROVAL),
    ("补证", "replacement", ItemType.PUBLIC_SERVICE, ResultKind.LICENCE),
    ("信息查询", "information request", ItemType.PUBLIC_SERVICE, ResultKind.OTHER),
)
QUALIFIERS = (
    ("", "", ApplicantKind.LEGAL_PERSON),
    ("（个人）", " (individuals)", ApplicantKind.NATURAL_PERSON),
    ("（分支机构）", " (branches)", ApplicantKind.LEGAL_PERSON),
)

ID_CARD = ELicence(
    type_code="CN.RESIDENT_ID", name_zh="居民身份证", name_en="Resident identity card"
)
BUSINESS_LICENCE = ELicence(
    type_code="CN.BUSINESS_LICENCE", name_zh="营业执照", name_en="Business licence"
)
# zh, en, form, necessity, source, e-licence, situation codes
COMMON: tuple[
    tuple[str, str, MaterialForm, Necessity, MaterialSource, ELicence | None, tuple[str, ...]], ...
] = (
    (
        "申请人身份证明",
        "Applicant's identity document",
        MaterialForm.ORIGINAL_AND_COPY,
        Necessity.REQUIRED,
        MaterialSource.GOVERNMENT,
        ID_CARD,
        (),
    ),
    (
        "营业执照",
        "Business licence",
        MaterialForm.COPY,
        Necessity.REQUIRED,
        MaterialSource.GOVERNMENT,
        BUSINESS_LICENCE,
        (),
    ),
    (
        "授权委托书",
        "Power of attorney",
        MaterialForm.ORIGINAL,
        Necessity.REQUIRED,
        MaterialSource.APPLICANT,
        None,
        ("02",),
    ),
    (
        "受托人身份证明",
        "Agent's identity document",
        MaterialForm.ORIGINAL_AND_COPY,
        Necessity.REQUIRED,
        MaterialSource.GOVERNMENT,
        ID_CARD,
        ("02",),
    ),
    (
        "场所使用证明",
        "Proof of the right to use the premises",
        MaterialForm.COPY,
        Necessity.DEFERRABLE,
        MaterialSource.APPLICANT,
        None,
        (),
    ),
    (
        "平面布局图",
        "Floor plan",
        MaterialForm.ORIGINAL,
        Necessity.REQUIRED,
        MaterialSource.APPLICANT,
        None,
        (),
    ),
    (
        "管理制度文本",
        "Management rules",
        MaterialForm.ORIGINAL,
        Necessity.OPTIONAL,
        MaterialSource.APPLICANT,
        None,
        (),
    ),
    (
        "近期免冠照片",
        "Recent bareheaded photo",
        MaterialForm.ORIGINAL,
        Necessity.REQUIRED,
        MaterialSource.APPLICANT,
        None,
        (),
    ),
    (
        "原许可证件",
        "The existing licence",
        MaterialForm.ORIGINAL,
        Necessity.REQUIRED,
        MaterialSource.GOVERNMENT,
        None,
        (),
    ),
    (
        "分支机构负责人任职文件",
        "Appointment of the branch manager",
        MaterialForm.COPY,
        Necessity.DEFERRABLE,
        MaterialSource.APPLICANT,
        None,
        ("03",),
    ),
)
SITUATIONS = (
    Situation(code="01", name_zh="申请人本人办理", name_en="Applicant in person"),
    Situation(code="02", name_zh="委托代理人办理", name_en="Through an authorised agent"),
    Situation(code="03", name_zh="分支机构申请", name_en="Application by a branch"),
)


def _material(
    index: int,
    spec: tuple[
        str, str, MaterialForm, Necessity, MaterialSource, ELicence | None, tuple[str, ...]
    ],
    situations: tuple[str, ...],
) -> Material:
    zh, en, form, necessity, source, licence, applies = spec
    return Material(
        code=f"M{index:02d}",
        name_zh=zh,
        name_en=en,
        form=form,
        copies=1,
        paper_size="A4",
        necessity=necessity,
        source=source,
        e_licence=licence,
        acceptance_standard="内容完整、清晰，与原件一致"
        if form is not MaterialForm.ORIGINAL
        else None,
        notes=None,
        check=CheckMethod.CHECK_ORIGINAL_KEEP_COPY
        if form is not MaterialForm.ORIGINAL
        else CheckMethod.KEEP_ORIGINAL,
        blank_form=None,
        sample=None,
        legal_basis=None,
        situations=tuple(s for s in applies if s in situations),
        demo_fields=(),
    )


def _item(n: int, rng: random.Random, dept: int, subject: int, action: int, qualifier: int) -> Item:
    dept_zh, dept_en, subjects = DEPARTMENTS[dept]
    subject_zh, subject_en = subjects[subject]
    action_zh, action_en, item_type, result_kind = ACTIONS[action]
    qual_zh, qual_en, applicant = QUALIFIERS[qualifier]
    situations = SITUATIONS[: rng.choice((1, 2, 2, 3))]
    codes = tuple(s.code for s in situations)
    application = (
        "申请表",
        "Application form",
        MaterialForm.ORIGINAL,
        Necessity.REQUIRED,
        MaterialSource.APPLICANT,
        None,
        (),
    )
    picked = [application, *rng.sample(COMMON, rng.randint(2, 7))]
    materials = tuple(
        _material(i + 1, spec, codes)
        for i, spec in enumerate(picked)
        if not spec[6] or set(spec[6]) & set(codes)
    )
    on_the_spot = rng.random() < 0.25
    statutory = rng.choice((10, 15, 20, 20, 30))
    basic = (
        f"{list(ItemType).index(item_type):02d}{dept:02d}{subject:02d}{action:02d}{qualifier}000"
    )
    result_en = "certificate" if result_kind is ResultKind.LICENCE else "decision"
    return Item(
        code=f"2201{dept:02d}{basic}{n:04d}",
        basic_code=basic,
        local_code=None,
        version=1,
        status=ItemStatus.IN_FORCE,
        name_zh=f"{subject_zh}{action_zh}{qual_zh}",
        name_en=f"{subject_en[0].upper()}{subject_en[1:]}: {action_en}{qual_en}",
        item_type=item_type,
        department_zh=dept_zh,
        department_en=dept_en,
        region=None,
        applicant_kinds=(applicant,),
        statutory_limit_days=statutory,
        promised_limit_days=0 if on_the_spot else rng.randint(1, statutory),
        handling=Handling.ON_THE_SPOT if on_the_spot else Handling.PROMISED,
        visits=rng.choice((0, 1, 1, 1, 2)),
        channels=(Channel.WINDOW, Channel.ONLINE),
        fees=(),
        fee_note=None,
        result=Result(
            name_zh=f"{subject_zh}{'证' if result_kind is ResultKind.LICENCE else '决定书'}",
            name_en=f"{subject_en} {result_en}",
            kind=result_kind,
        ),
        legal_basis=None,
        sources=(),
        situations=situations,
        materials=materials,
        demo_fields=(),
    )


def combinations() -> list[tuple[int, int, int, int]]:
    return [
        (d, s, a, q)
        for d, (_, _, subjects) in enumerate(DEPARTMENTS)
        for s in range(len(subjects))
        for a in range(len(ACTIONS))
        for q in range(len(QUALIFIERS))
    ]


def generate(count: int = 1300, seed: int = 2026, label: str | None = None) -> CatalogueDocument:
    """``count`` distinct items (at most ``len(combinations())``), the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    every = combinations()
    if not 1 <= count <= len(every):
        raise ValueError(f"count must be between 1 and {len(every)}")
    chosen = sorted(rng.sample(every, count))
    items = tuple(_item(n, rng, *combo) for n, combo in enumerate(chosen))
    return CatalogueDocument(
        version=label or f"generated-{count}-{seed}",
        source="synthetic catalogue for scale tests (clerk_app.catalogue.generate)",
        note="Generated: names are built from real vocabularies, every other value is invented.",
        items=items,
    )
