"""The demo hall: 8 windows, 6 services, clerks, a supervisor, an admin, a helper (帮办代办)
and the demo catalogue.

Idempotent."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.auth import hash_password
from clerk_app.bootstrap import install_shipped_calendars
from clerk_app.catalogue.demo import seed_demo_catalogue
from clerk_app.db.models import ChangeCounter, Hall, Service, User, Window, WindowService
from clerk_app.settings import OfficeSettings, PapersSettings, Settings
from onewindow_base.db.engine import Database
from printing.documents import HallBranding

DEMO_HALL_CODE = "CC01"

# The demo hall's papers (``[printing.branding]`` of a real hall's config file).
DEMO_BRANDING = HallBranding(
    agency_name="长春市政务服务中心（演示）",
    agency_name_en="Changchun Government Service Center (demo)",
    agency_short="长政服",
    footer="地址：长春市人民大街示范路1号　咨询电话：0431-12345　网址：zwfw.example.gov.cn",
)

# code, zh, en, prefix, default service seconds
DEMO_SERVICES: tuple[tuple[str, str, str, str, int], ...] = (
    ("BIZ", "企业开办", "Business start-up", "A", 900),
    ("PERMIT", "许可审批", "Licences and permits", "B", 1200),
    ("SOCIAL", "社保医保", "Social and medical insurance", "C", 480),
    ("CIVIL", "民政婚姻", "Civil affairs and marriage", "D", 600),
    ("BUILD", "工程建设", "Construction projects", "E", 1500),
    ("PICKUP", "统一出件", "Results pickup", "F", 180),
)

# window number -> service codes (None: every service, a comprehensive window)
DEMO_WINDOWS: dict[int, tuple[str, ...] | None] = {
    1: None,
    2: None,
    3: None,
    4: None,
    5: None,
    6: None,
    7: ("BUILD", "PERMIT"),
    8: ("PICKUP",),
}


# 复议机关 of a city department (docs/domain-rules.md, 2023 revision)
CITY_GOVERNMENT = "长春市人民政府"
CITY_COURT = "长春铁路运输法院"  # first-instance administrative cases of Changchun's departments


def _department(body: str, seal: str = "") -> OfficeSettings:
    return OfficeSettings(licensing_body=body, decision_seal=seal or f"{body}行政许可专用章")


# What the demo hall's papers say ([papers] in a hall's config): the center seals the counter's
# papers; decisions are the departments', keyed by the catalogue's department names. Items
# licensed under the relatively centralised licensing reform are decided by the city's
# administrative approval bureau (the hall's default); a vertically managed agency (tax) is
# reviewed by the next-higher department, not by the city government.
DEMO_PAPERS = PapersSettings(
    hall=OfficeSettings(
        licensing_body="长春市政务服务和数字化建设管理局",
        counter_seal="长春市政务服务中心受理专用章",
        decision_seal="长春市政务服务和数字化建设管理局行政审批专用章",
        reconsideration_body=CITY_GOVERNMENT,
        court=CITY_COURT,
        consultation_phone="0431-12345",
        deferral_measure="《长春市政务服务事项容缺受理办法》",
        pickup_wording="统一出件窗口（8号窗口）领取，或选择免费邮寄送达",
    ),
    departments=(
        ("市场监督管理局", _department("长春市市场监督管理局")),
        ("住房和城乡建设局", _department("长春市住房和城乡建设局")),
        ("卫生健康委员会", _department("长春市卫生健康委员会")),
        ("水利局", _department("长春市水利局")),
        ("市交通局", _department("长春市交通运输局")),
        (
            "荥阳市国家税务局（办税服务厅）",
            OfficeSettings(
                licensing_body="国家税务总局长春市税务局",
                decision_seal="国家税务总局长春市税务局（印章）",
                reconsideration_body="国家税务总局吉林省税务局",
                consultation_phone="12366",
            ),
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    display_name: str
    role: str
    password: str


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    *(DemoAccount(f"clerk{n}", f"窗口{n}办事员", "clerk", f"clerk{n}-demo") for n in range(1, 9)),
    DemoAccount("supervisor", "大厅值班长", "supervisor", "supervisor-demo"),
    DemoAccount("admin", "系统管理员", "admin", "admin-demo"),
    DemoAccount("helper1", "帮办员王五", "helper", "helper1-demo"),  # 帮办代办员
)


@dataclass(frozen=True, slots=True)
class DemoSeed:
    hall_code: str
    created: bool
    accounts: tuple[DemoAccount, ...]
    catalogue_version: str = ""


def seed_demo(db: Database) -> DemoSeed:
    seed = _seed_hall(db)
    catalogue = seed_demo_catalogue(db)
    install_shipped_calendars(db)  # done on migrate already; a no-op read then
    return DemoSeed(seed.hall_code, seed.created, seed.accounts, catalogue.version.label)


def _seed_hall(db: Database) -> DemoSeed:
    def work(session: Session) -> DemoSeed:
        if session.scalar(select(Hall.id).where(Hall.code == DEMO_HALL_CODE)) is not None:
            return DemoSeed(DEMO_HALL_CODE, created=False, accounts=DEMO_ACCOUNTS)
        hall = Hall(
            code=DEMO_HALL_CODE,
            name_zh="长春市政务服务中心（演示）",
            name_en="Changchun Government Service Center (demo)",
            timezone="Asia/Shanghai",
            location_zh="一楼综合受理区",
            location_en="Ground floor, comprehensive counters",
        )
        session.add(hall)
        session.flush()
        session.add(ChangeCounter(hall_id=hall.id, value=0))
        services = {}
        for order, (code, zh, en, prefix, seconds) in enumerate(DEMO_SERVICES):
            services[code] = Service(
                hall_id=hall.id,
                code=code,
                name_zh=zh,
                name_en=en,
                prefix=prefix,
                start_number=1,
                default_service_s=seconds,
                sort_order=order,
            )
            session.add(services[code])
        session.flush()
        for number, codes in DEMO_WINDOWS.items():
            comprehensive = codes is None
            window = Window(
                hall_id=hall.id,
                number=number,
                name_zh=f"{number}号{'综合' if comprehensive else '专业'}窗口",
                name_en=f"Window {number}" + (" (comprehensive)" if comprehensive else ""),
                state="closed",
                state_since_ms=0,
            )
            session.add(window)
            session.flush()
            for code in codes or tuple(services):
                session.add(
                    WindowService(window_id=window.id, service_id=services[code].id, weight=1)
                )
        for account in DEMO_ACCOUNTS:
            session.add(
                User(
                    hall_id=hall.id,
                    username=account.username,
                    display_name=account.display_name,
                    role=account.role,
                    password_hash=hash_password(account.password),
                )
            )
        return DemoSeed(DEMO_HALL_CODE, created=True, accounts=DEMO_ACCOUNTS)

    return db.run_write(work)


def hall_papers(settings: Settings, *, demo: bool) -> PapersSettings:
    """The config's ``[papers]``; the demo hall's own when it runs as the demo without any."""
    if demo and not settings.papers.configured:
        return DEMO_PAPERS
    return settings.papers
