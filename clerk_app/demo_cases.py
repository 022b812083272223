"""Realistic accepted cases with synthetic scans, for demos, benchmarks and the sync tests; and
the few cases ``make run`` shows fees and mailing with.

Each case goes through the real intake service (applicant checked, checklist assessed, the case,
its pages and its outbox operation saved in one transaction); its scans are stored first in the
blob store, as the scanner screen does. The applicants' ID numbers are valid (GB 11643 check
digit) but made up.
"""

from __future__ import annotations

import dataclasses
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.live import hall_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.db.fees_models import CasePayment
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.fees import PaymentInput, PaymentMethod
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database
from printing.documents import HallBranding

DEMO_ITEM = "22010001001700000017"  # 个体工商户注册登记 in the demo catalogue
DEMO_MATERIALS = ("M01", "M02", "M03", "M04")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def resident_id(rng: random.Random) -> str:
    body = (
        f"2201{rng.randint(1, 6):02d}{rng.randint(1960, 1985)}"
        f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    return body + _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def synthetic_scan(rng: random.Random, label: str, size_bytes: int | None = None) -> bytes:
    """A PNG page: a small legible form, or noise of about ``size_bytes`` (incompressible)."""
    if size_bytes is None:
        image = Image.new("L", (620, 877), 255)
        draw = ImageDraw.Draw(image)
        draw.rectangle((30, 30, 590, 847), outline=0, width=3)
        draw.text((60, 60), f"OneWindow demo scan {label}", fill=0)
        for line in range(12):
            y = 120 + line * 50
            draw.line((60, y, 60 + rng.randint(200, 500), y), fill=80, width=2)
    else:
        side = max(8, int((size_bytes / 3) ** 0.5))
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=0 if size_bytes else 6)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class DemoCases:
    case_numbers: tuple[str, ...]
    scans: int
    scan_bytes: int


def demo_clerk(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")


def create_demo_cases(
    db: Database,
    protector: PersonalDataProtector,
    store: BlobStore,
    count: int,
    *,
    clock: Clock | None = None,
    scans_per_case: int = 4,
    scan_bytes: int | None = None,
    seed: int = 2026,
    window: int = 3,
    clerk: UserInfo | None = None,
    branding: HallBranding | None = None,
) -> DemoCases:
    """``count`` accepted cases of the demo item in the demo hall (run ``seed_demo`` first),
    taken by ``clerk`` (the demo clerk signs in when none is given)."""
    clock = clock or SystemClock()
    rng = random.Random(seed)  # noqa: S311 - demo data
    intake = IntakeService(
        db,
        CatalogueService(db),
        protector,
        hall_code="CC01",
        calendar=hall_calendar(db),
        clock=clock,
        scans_required=scans_per_case >= len(DEMO_MATERIALS),  # fewer: scans not enforced
        branding=branding,  # whose agency and number format the receipts are numbered in
    )
    clerk = clerk or demo_clerk(db)
    numbers: list[str] = []
    scans = total = 0
    got = MaterialRecord(received=True, original_checked=True, copies=1)
    for n in range(count):
        pages = []
        for i in range(scans_per_case):
            data = synthetic_scan(rng, f"{n}-{i}", scan_bytes)
            sha = store.put_bytes(data)
            material = DEMO_MATERIALS[i % len(DEMO_MATERIALS)]
            pages.append(PageRef(sha, "image/png", 620, 877, len(data), 150, None, material))
            scans += 1
            total += len(data)
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
        applicant = ApplicantInput(
            ApplicantKind.PERSON,
            name,
            IdType.RESIDENT_ID,
            resident_id(rng),
            f"13{rng.randint(100000000, 999999999)}",
            "长春市南关区人民大街",
        )
        records = dict.fromkeys(DEMO_MATERIALS, got)
        draft = CaseDraft(applicant, DEMO_ITEM, "01", records, tuple(pages))
        result = intake.decide(draft, Decision.ACCEPT, clerk, window=window)
        numbers.append(result.case_number)
    return DemoCases(tuple(numbers), scans, total)


FEE_DEMO_ITEM = "22010002002600000026"  # 内地居民离婚登记: 离婚证工本费 8.00
FEE_DEMO_REFERENCE = "22010026120000012345"  # a 非税收入缴款码 of the shape provinces print
MAIL_DEMO = MailingInput(
    "王芳", "13912345678", "吉林省", "长春市", "南关区", "人民大街1号3单元", "130022"
)


def create_fee_and_mail_demo(
    db: Database,
    protector: PersonalDataProtector,
    store: BlobStore,
    *,
    clock: Clock | None = None,
    branding: HallBranding | None = None,
    window: int = 1,
) -> tuple[str, ...]:
    """Three cases that show fees and mailing (``make run``): a fee paid with a 非税缴款码, a
    fee left to pay at pickup, and a result to be mailed. Made once: nothing when the hall
    already has a case with a payment."""
    if db.run_read(lambda s: s.scalar(select(CasePayment.case_id).limit(1))) is not None:
        return ()
    clock = clock or SystemClock()
    rng = random.Random(19)  # noqa: S311 - demo data
    intake = IntakeService(
        db,
        CatalogueService(db),
        protector,
        hall_code="CC01",
        calendar=hall_calendar(db),
        clock=clock,
        branding=branding,
    )
    clerk = demo_clerk(db)
    got = MaterialRecord(received=True, original_checked=True, copies=1)

    def case(item: str, materials: tuple[str, ...], name: str, **kw: object) -> str:
        pages = []
        for i, material in enumerate(materials):
            data = synthetic_scan(rng, f"{name}-{i}")
            sha = store.put_bytes(data)
            pages.append(PageRef(sha, "image/png", 620, 877, len(data), 150, None, material))
        records = dict.fromkeys(materials, got)
        if item == FEE_DEMO_ITEM:
            records["M02"] = dataclasses.replace(got, copies=2)  # both parties' ID cards
        applicant = ApplicantInput(
            ApplicantKind.PERSON,
            name,
            IdType.RESIDENT_ID,
            resident_id(rng),
            f"13{rng.randint(100000000, 999999999)}",
            "长春市南关区人民大街",
        )
        draft = CaseDraft(applicant, item, "01", records, tuple(pages), **kw)  # type: ignore[arg-type]
        return intake.decide(draft, Decision.ACCEPT, clerk, window=window).case_number

    fee_materials = ("M01", "M02", "M03")
    paid = PaymentInput(PaymentMethod.NONTAX, reference=FEE_DEMO_REFERENCE)
    return (
        case(FEE_DEMO_ITEM, fee_materials, "李娜", payment=paid),
        case(FEE_DEMO_ITEM, fee_materials, "赵强", payment=PaymentInput(PaymentMethod.PENDING)),
        case(DEMO_ITEM, DEMO_MATERIALS, "王芳", mailing=MAIL_DEMO),
    )
