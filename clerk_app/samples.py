"""Sample papers from the real counter flow: ``clerk-app print sample KIND`` and ``make samples``.

Each paper is what the counter really prints: a throwaway demo hall (a temporary SQLite
database seeded by ``clerk_app.demo``) is driven through the services the app uses
(``clerk_app.services``: intake, papers, the print service; the queue service for the ticket
and the daily report), on a clock set to the acceptance date asked for. The papers the back
office decides (certificate, rejection, supplement request, and the handover at pickup) come
from the reference central server (``central_server``, run in this process on a loopback port):
the hall is enrolled, the case pushed by the real sync engine, decided with the server's
back-office service and pulled back. Nothing here fills in a paper by hand: a wrong paper here
is a wrong paper at the counter.

The sample bytes are the print job's own payload (the PDF, or the ticket printer's ESC/POS).
The reference server is part of a development checkout, not of the installed counter: there
the back-office kinds are refused with a clear message.
"""

from __future__ import annotations

import datetime as dt
import enum
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from clerk_app.accounts.roles import UserInfo
from clerk_app.bootstrap import open_database
from clerk_app.catalogue.types import ItemDetail, MaterialForm, Necessity
from clerk_app.counter import CounterServices, decision_papers
from clerk_app.demo import DEMO_BRANDING, DEMO_HALL_CODE, DEMO_PAPERS, seed_demo
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision, Refusal, RefusalGround
from clerk_app.intake.service import requirements_of
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    IntakeRefused,
    PageRef,
)
from clerk_app.printjobs.service import ticket_document
from clerk_app.printjobs.types import PrintJobView, PrintRefused
from clerk_app.queue.daily_report import daily_report
from clerk_app.queue.types import QueueRefused
from clerk_app.results.types import (
    HandoverMethod,
    HandoverRequest,
    Recipient,
    ResultRefused,
)
from clerk_app.services import build_services
from clerk_app.settings import PrintingSettings, Settings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from printing.backends.base import PayloadFormat
from printing.config import FilePrinterConfig, PrintRoutes
from printing.documents import Document
from printing.escpos import EscposMode
from printing.render.ticket import Paper

if TYPE_CHECKING:
    from central_server.composition import Services
    from central_server.runner import ServerThread


class SampleKind(enum.StrEnum):
    TICKET = "ticket"
    RECEIPT = "receipt"  # accepted at the counter
    NOTICE = "notice"  # one-time notice at the counter
    DEFERRAL = "deferral"  # accepted with deferred (容缺) materials
    COMMITMENT = "commitment"  # 告知承诺书: accepted on the applicant's signed commitment
    REFUSAL = "refusal"  # refused at the counter (不予受理)
    CERTIFICATE = "certificate"  # approved by the back office, printed at pickup
    REJECTION = "rejection"  # rejected by the back office
    SUPPLEMENT = "supplement"  # the back office asks for more materials
    HANDOVER = "handover"  # the result handed over at pickup
    DAILY_REPORT = "daily-report"


BACK_OFFICE = frozenset(
    {SampleKind.CERTIFICATE, SampleKind.REJECTION, SampleKind.SUPPLEMENT, SampleKind.HANDOVER}
)
DEFAULT_DATE = dt.date(2026, 11, 24)  # a Tuesday: the hall is open
# 个体工商户注册登记 (3 working days; M03 may be deferred): every counter decision applies.
DEFAULT_ITEM = "22010001001700000017"
# 食品经营许可证（销售类）登记: offers 告知承诺 for three of its proofs.
COMMITMENT_ITEM = "22010001000600000006"
DEFAULT_ITEMS: dict[SampleKind, str] = dict.fromkeys(SampleKind, DEFAULT_ITEM) | {
    SampleKind.COMMITMENT: COMMITMENT_ITEM
}

# The demo applicants: on paper the masks are exactly 220102********1234 and 138****5678.
APPLICANT = ApplicantInput(
    ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, "220102199001021234", "13812345678"
)
COMPANY = ApplicantInput(
    ApplicantKind.COMPANY,
    "长春市味道餐饮管理有限公司",
    IdType.CREDIT_CODE,
    "91350100M000100Y43",
    "13812345678",
    "长春市朝阳区人民大街100号",
    legal_representative="王芳",
    contact="刘洋",
)
CLERK_USERNAME, CLERK_PASSWORD, WINDOW = "clerk3", "clerk3-demo", 3
PICKUP_USERNAME, PICKUP_PASSWORD, PICKUP_WINDOW = "clerk8", "clerk8-demo", 8
OPENS = dt.time(9, 0)
REPORT_AT = dt.time(17, 30)


class SampleError(Exception):
    """The sample cannot be made as asked (an unknown item, a date the hall is closed, …)."""


@dataclass(frozen=True, slots=True)
class Sample:
    kind: SampleKind
    document: Document
    payload: bytes  # what the printer was sent: a PDF, or ESC/POS for an ESC/POS ticket
    payload_format: PayloadFormat
    case_number: str = ""


@dataclass(frozen=True, slots=True)
class TicketFormat:
    """How the kiosk's ticket printer is set up: a PDF roll or ESC/POS, its paper and mode."""

    payload: PayloadFormat = PayloadFormat.PDF
    paper: Paper = Paper.MM80
    mode: EscposMode = EscposMode.TEXT


def _printing(out: Path, ticket: TicketFormat) -> PrintingSettings:
    """A4 papers and tickets to files: the print service's real rendering, nothing sent."""
    return PrintingSettings(
        printers=(
            FilePrinterConfig(name="a4", directory=str(out / "a4")),
            FilePrinterConfig(
                name="ticket",
                directory=str(out / "ticket"),
                file_format=ticket.payload,
                paper=ticket.paper,
                mode=ticket.mode,
            ),
        ),
        routes=PrintRoutes((("kiosk.*", "ticket"), ("*", "a4"))),
        branding=DEMO_BRANDING,
    )


class SampleHall:
    """A throwaway demo hall on a temporary SQLite database; ``make`` drives one kind's flow.

    Use as a context manager. The reference server starts on the first back-office kind.
    """

    def __init__(self, acceptance: dt.date = DEFAULT_DATE) -> None:
        self.acceptance = acceptance
        self._stack = ExitStack()
        self._root = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="ow-")))
        self.db: Database = open_database(f"sqlite:///{self._root / 'hall.sqlite3'}")
        self._stack.callback(self.db.dispose)
        seed_demo(self.db)
        self.tz = ZoneInfo("Asia/Shanghai")
        self.clock = FixedClock(dt.datetime.combine(acceptance, OPENS, self.tz))
        printing = _printing(self._root / "out", TicketFormat())
        self.services = build_services(
            Settings(),
            self.db,
            hall_code=DEMO_HALL_CODE,
            clock=self.clock,
            key_ring=new_ring(Algorithm.SM4_GCM, self.clock.now_ms()),
            printing=printing,
            papers=DEMO_PAPERS,  # the Changchun demo hall's bodies, seals and wording
            blob_dir=self._root / "blobs",
        )
        self.store = self.services.blobs
        self.counter: CounterServices = self.services.counter
        self.queue = self.services.queue
        auth = self.services.auth
        self.clerk: UserInfo = auth.authenticate(CLERK_USERNAME, CLERK_PASSWORD)
        self.pickup_clerk: UserInfo = auth.authenticate(PICKUP_USERNAME, PICKUP_PASSWORD)
        self._server: _ReferenceServer | None = None
        self._open: set[int] = set()
        self._applicant = APPLICANT

    def __enter__(self) -> SampleHall:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    # ------------------------------------------------------------------ one kind
    def make(
        self,
        kind: SampleKind | str,
        item: str | None = None,
        ticket: TicketFormat | None = None,
        applicant: ApplicantInput = APPLICANT,
    ) -> Sample:
        """Drive ``kind``'s flow on the hall (with ``item``, default per kind): its paper."""
        kind = SampleKind(kind)
        self._applicant = applicant
        try:
            return self._make(kind, item or DEFAULT_ITEMS[kind], ticket or TicketFormat())
        except (IntakeRefused, QueueRefused, ResultRefused, PrintRefused) as exc:
            raise SampleError(f"{kind.value}: the counter refused: {exc}") from exc

    def accept(self, item: str | None = None) -> DecisionResult:
        """A case accepted at window 3, its papers not built yet: where the clerk's paper bar
        starts (the signing bench)."""
        self._at(self.clock_time())
        result, _ = self._decide(item or DEFAULT_ITEMS[SampleKind.RECEIPT], Decision.ACCEPT)
        return result

    def _make(self, kind: SampleKind, item: str, ticket: TicketFormat) -> Sample:
        self._at(self.clock_time())
        if kind is SampleKind.TICKET:
            return self._ticket(ticket)
        if kind is SampleKind.DAILY_REPORT:
            return self._daily_report(item)
        if kind in BACK_OFFICE:
            return self._back_office(kind, item)
        decision = {
            SampleKind.RECEIPT: Decision.ACCEPT,
            SampleKind.NOTICE: Decision.ONE_TIME_NOTICE,
            SampleKind.DEFERRAL: Decision.DEFERRAL,
            SampleKind.REFUSAL: Decision.REFUSE,
            SampleKind.COMMITMENT: Decision.ACCEPT,
        }[kind]
        result, refusal = self._decide(item, decision, commit=kind is SampleKind.COMMITMENT)
        doc, letter = decision_papers(
            self.counter.intake,
            self.counter.lookup,
            self.counter.papers,
            result,
            refusal,
            (self.clerk.display_name, WINDOW),
        )
        job = self.counter.printer.print_document(doc, owner=result.case_number)
        if kind is SampleKind.COMMITMENT:
            if letter is None:
                raise SampleError(f"item {item} took no commitment")
            owner = f"case:{result.case_number}:commitment"
            job = self.counter.printer.print_document(letter, owner=owner)
            return self._sample(kind, letter, job, result.case_number)
        return self._sample(kind, doc, job, result.case_number)

    def move_to(self, day: dt.date) -> None:
        """Later visits are accepted on ``day`` (not before the hall's clock)."""
        if day < self.clock_time().date():
            raise SampleError(f"the hall is already at {self.clock_time():%Y-%m-%d}")
        self.acceptance = day
        self.clock.set(dt.datetime.combine(day, OPENS, self.tz))

    def clock_time(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock.now_ms() / 1000, self.tz)

    def _at(self, when: dt.datetime) -> None:
        """Never back in time; a new step a few minutes after the last, on the given day."""
        start = dt.datetime.combine(self.acceptance, OPENS, self.tz)
        self.clock.set(max(when, start) + dt.timedelta(minutes=3))

    def _sample(
        self, kind: SampleKind, doc: Document, job: PrintJobView, case_number: str = ""
    ) -> Sample:
        if not job.printed:
            raise SampleError(f"{kind.value}: printing failed: {job.error_message}")
        payload = self.store.get(job.payload_sha256)
        return Sample(kind, doc, payload, job.payload_format, case_number)

    # ------------------------------------------------------------------ the queue
    def _serve(self, service: str = "BIZ", window: int = WINDOW) -> int:
        """A ticket issued, called, served and finished at the clerk's window: its id."""
        if window not in self._open:
            self.queue.open_window(window, user_id=self.clerk.user_id)
            self._open.add(window)
        issued = self.queue.issue(service)
        while True:
            called = self.queue.call_next(window, user_id=self.clerk.user_id)
            if called is None:
                raise SampleError(f"window {window} found no ticket to call")
            self.queue.start(window, user_id=self.clerk.user_id)
            self.clock.advance(minutes=4)
            done = self.queue.finish(window, user_id=self.clerk.user_id)
            if done.ticket_id == issued.ticket.ticket_id:
                return done.ticket_id

    def _ticket(self, ticket: TicketFormat) -> Sample:
        status = self.queue.status()
        waiting = next(s.waiting for s in status.services if s.code == "BIZ")
        for _ in range(3 - waiting):  # a morning queue: people ahead of the sample's ticket
            self.queue.issue("BIZ")
            self.clock.advance(minutes=1)
        issued = self.queue.issue("BIZ")
        doc = ticket_document(self.queue.rules, issued)  # what the kiosk prints (ui.kiosk)
        # The kiosk PC's own print service: its tickets go to the ticket printer.
        kiosk = replace(self.services, printing=_printing(self._root / "out", ticket)).kiosk_printer
        job = kiosk.print_ticket(doc, ticket_id=issued.ticket.ticket_id)
        return self._sample(SampleKind.TICKET, doc, job)

    def _daily_report(self, item: str) -> Sample:
        """The day's report after a few real visits (accepted, notice, refusal)."""
        for decision in (Decision.ACCEPT, Decision.ONE_TIME_NOTICE, Decision.REFUSE):
            self._decide(item, decision)
        end = dt.datetime.combine(self.acceptance, REPORT_AT, self.tz)
        self.clock.set(max(end, self.clock_time()))
        doc = daily_report(self.queue, self.acceptance)
        job = self.counter.printer.print_document(doc, owner=f"report-{self.acceptance}")
        return self._sample(SampleKind.DAILY_REPORT, doc, job)

    # ------------------------------------------------------------------ the counter
    def _item(self, code: str) -> ItemDetail:
        try:
            return self.counter.intake.item(code)
        except IntakeRefused as exc:
            raise SampleError(f"item {code} is not in the demo catalogue") from exc

    def _draft(self, item: ItemDetail, decision: Decision, *, commit: bool = False) -> CaseDraft:
        situation = item.situations[0].code
        needed = [
            r for r in requirements_of(item, situation) if r.necessity is not Necessity.OPTIONAL
        ]
        records: dict[str, MaterialRecord] = {}
        scanned: list[str] = []
        deferred = [r for r in needed if r.necessity is Necessity.DEFERRABLE]
        if decision is Decision.DEFERRAL and not deferred:
            raise SampleError(f"item {item.code} has no material that may be deferred")
        # on a notice, the last original the clerk must see was not shown
        unchecked = next((r for r in reversed(needed[2:]) if r.original_check), None)
        for n, req in enumerate(needed):
            if commit and req.commitment:  # the signed commitment stands in for the proof
                records[req.key] = MaterialRecord(committed=True)
                continue
            if decision is Decision.DEFERRAL and req is deferred[0]:
                due = self.acceptance + dt.timedelta(days=2)
                records[req.key] = MaterialRecord(deferred=True, supply_by=due)
                continue
            notice = decision is Decision.ONE_TIME_NOTICE
            if notice and n == 0:
                continue  # not brought: the notice asks for it
            paper = req.form is not MaterialForm.ELECTRONIC
            defects = ("缺少申请人签字",) if notice and n == 1 else ()
            records[req.key] = MaterialRecord(
                received=True,
                original_checked=req.original_check and not (notice and req is unchecked),
                copies=req.copies if paper else 0,
                defects=defects,
            )
            scanned.append(req.key)
        pages = tuple(
            PageRef(
                self.store.put_bytes(f"scan {item.code} {key}".encode()),
                "image/png",
                2480,
                3508,
                200_000,
                300,
                None,
                key,
            )
            for key in scanned
        )
        refusal = None
        if decision is Decision.REFUSE:
            refusal = Refusal(
                RefusalGround.OUTSIDE_REMIT,
                "申请人所申请的经营范围涉及危险化学品经营，依法由应急管理部门许可。",
                competent_agency="长春市应急管理局",
            )
        return CaseDraft(self._applicant, item.code, situation, records, pages, refusal=refusal)

    def _decide(
        self, code: str, decision: Decision, *, commit: bool = False
    ) -> tuple[DecisionResult, Refusal | None]:
        item = self._item(code)
        if commit and not item.notify_commit:
            raise SampleError(f"item {code} does not offer notify-and-commit (告知承诺)")
        draft = replace(self._draft(item, decision, commit=commit), ticket_id=self._serve())
        result = self.counter.intake.decide(draft, decision, self.clerk, WINDOW)
        return result, draft.refusal

    # ------------------------------------------------------------------ the back office
    def _back_office(self, kind: SampleKind, item: str) -> Sample:
        server = self._reference_server()
        result, _ = self._decide(item, Decision.ACCEPT)
        server.sync(self, "push")
        self.clock.advance(minutes=20)
        case_no = result.case_number
        if kind is SampleKind.REJECTION:
            server.reject(case_no, "经实地核查，经营场所与申请材料所述不符，不符合登记条件。")
        elif kind is SampleKind.SUPPLEMENT:
            server.supplement(case_no, self.acceptance + dt.timedelta(days=5))
        else:
            server.approve(case_no)
        server.sync(self, "pull")
        self.clock.advance(minutes=10)
        papers = self.counter.result_papers
        job = papers.print_result(result.case_id, self.pickup_clerk, PICKUP_WINDOW)
        doc = papers.document(result.case_id, self.pickup_clerk, PICKUP_WINDOW)
        if kind is not SampleKind.HANDOVER:
            return self._sample(kind, doc, job, case_no)
        self.counter.results.hand_over(
            HandoverRequest(
                result.case_id,
                HandoverMethod.PICKUP,
                Recipient(self._applicant.name, self._applicant.id_value),
            ),
            self.pickup_clerk,
        )
        # What the pickup window prints right after the handover (ui.results.pickup_panel).
        job = papers.print_handover(result.case_id, self.pickup_clerk, PICKUP_WINDOW)
        paper = papers.handover_document(result.case_id, PICKUP_WINDOW)
        return self._sample(kind, paper, job, case_no)

    def _reference_server(self) -> _ReferenceServer:
        if self._server is None:
            self._server = self._stack.enter_context(
                _ReferenceServer.running(self._root / "central", self)
            )
        return self._server


class _ReferenceServer:
    """The reference central server in this process, on a loopback port, on the hall's clock;
    the hall enrolled with it and the demo catalogue published."""

    def __init__(self, services: Services, thread: ServerThread) -> None:
        self.services = services
        self.url = thread.base_url

    @classmethod
    @contextmanager
    def running(cls, root: Path, hall: SampleHall) -> Iterator[_ReferenceServer]:
        try:
            from central_server.app import build_app  # noqa: PLC0415
            from central_server.composition import create_services  # noqa: PLC0415
            from central_server.runner import ServerThread  # noqa: PLC0415
            from central_server.services import auth, catalogue  # noqa: PLC0415
            from central_server.settings import ServerSettings  # noqa: PLC0415
        except ImportError as exc:  # the installed counter has no central server
            raise SampleError(
                "the back office's papers need the reference central server (a checkout)"
            ) from exc
        from clerk_app.catalogue.demo import demo_catalogue_path  # noqa: PLC0415
        from clerk_app.sync.enrolment import enrol  # noqa: PLC0415

        settings = ServerSettings(db_url=f"sqlite:///{root / 'central.sqlite3'}", data_dir=root)
        root.mkdir(parents=True, exist_ok=True)
        services = create_services(settings, hall.clock)
        try:
            with ServerThread(build_app(services)) as thread:
                import json  # noqa: PLC0415

                catalogue.publish(
                    services.ctx, json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
                )
                code = auth.create_enrolment_code(services.ctx, DEMO_HALL_CODE).code
                enrol(
                    hall.db,
                    hall.services.cipher,
                    thread.base_url,
                    code,
                    device_name="sample counter",
                    window_code=f"W{WINDOW:02d}",
                )
                yield cls(services, thread)
        finally:
            services.ctx.db.dispose()

    def sync(self, hall: SampleHall, what: str) -> None:
        engine = hall.services.sync
        try:
            report = engine.run_cycle(force=True)
        finally:
            engine.close()
        if not report.ok:
            raise SampleError(f"sync ({what}) failed: {report.error}")

    def approve(self, case_no: str) -> None:
        from onewindow_protocol.wire.backoffice import ApproveRequest  # noqa: PLC0415

        self.services.backoffice.approve(case_no, ApproveRequest(approver="approver1"))

    def reject(self, case_no: str, reason: str) -> None:
        from onewindow_protocol.wire.backoffice import RejectRequest  # noqa: PLC0415

        self.services.backoffice.reject(case_no, RejectRequest(approver="approver1", reason=reason))

    def supplement(self, case_no: str, due: dt.date) -> None:
        from onewindow_protocol.wire.backoffice import (  # noqa: PLC0415
            SupplementLineIn,
            SupplementRequestIn,
        )

        lines: list[Any] = [
            SupplementLineIn(material="经营场所使用证明", requirement="房屋租赁合同原件及复印件"),
            SupplementLineIn(material="经营者身份证明", requirement="身份证正反面复印件"),
        ]
        self.services.backoffice.request_supplement(
            case_no,
            SupplementRequestIn(
                approver="approver1",
                lines=lines,
                note="请携带上述材料到任一综合窗口补正。",
                due_date=due,
            ),
        )


def make_sample(
    kind: SampleKind | str,
    acceptance: dt.date = DEFAULT_DATE,
    item: str | None = None,
    ticket: TicketFormat | None = None,
) -> Sample:
    """One sample paper, on its own throwaway hall."""
    with SampleHall(acceptance) as hall:
        return hall.make(kind, item, ticket)
