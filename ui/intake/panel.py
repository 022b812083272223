"""The intake screen: applicant, item and situation, checklist, scans, decision and paper.

Every change re-assesses the draft through the intake service (off the GUI thread; a newer
change makes an older answer stale, so it is dropped) and the decision bar shows what the
rules allow. A decision is saved through the service, then its paper is printed. A case
number typed in the case box, or scanned anywhere, continues a case waiting for materials.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.auth import AuthService
from clerk_app.assistance.service import AssistanceService
from clerk_app.audit.types import Actor
from clerk_app.catalogue.service import CatalogueService
from clerk_app.credit.service import CreditService
from clerk_app.devices.idcard.photo_check import PhotoCheckService
from clerk_app.devices.idcard.service import IdCardService
from clerk_app.intake.fees import fee_lines
from clerk_app.intake.rules import Assessment, Decision, Refusal
from clerk_app.intake.service import requirements_of
from clerk_app.intake.types import (
    AssistanceView,
    CaseDraft,
    DecisionResult,
    IdType,
    IntakeRefused,
    PageRef,
)
from clerk_app.licences.service import LicenceService
from clerk_app.scans.store import PageIntake
from clerk_app.sync.notifications import Notifications, OptInState, PhoneInvalidError
from ui.assistance_text import assistance_text
from ui.fees_box import FeesBox
from ui.intake.applicant_form import ApplicantForm
from ui.intake.case_loader import CaseLoader, LoadedCase, page_refs
from ui.intake.checklist_model import ChecklistModel
from ui.intake.credit_box import CreditBox
from ui.intake.decision_bar import DecisionBar
from ui.intake.delivery_box import DeliveryBox
from ui.intake.item_picker import ItemPicker
from ui.intake.licence_box import LicenceBox
from ui.intake.messages import refusal_text
from ui.intake.paper_bar import PaperBar, PaperSources
from ui.intake.photo_check_dialog import PhotoCheckSources
from ui.login import ClerkSession
from ui.results.pickup_panel import ResultsDeps
from ui.scans.live_camera import LiveCamera, sharing
from ui.scans.panel import ScanPanel, ScanSources
from ui.sms_status import sms_text
from ui.tasks import TaskRunner
from ui.wedge import make_scan_field

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeDeps:
    """What the intake screen works with, built once by the launcher."""

    papers: PaperSources
    catalogue: CatalogueService
    pages: PageIntake
    scan_sources: ScanSources = field(default_factory=ScanSources)
    auth: AuthService | None = None  # supervisor overrides of a failed check character
    results: ResultsDeps | None = None  # the pickup window (decisions, papers, handovers)
    idcard: IdCardService | None = None  # the counter's ID-card reader ([idcard] port)
    credit: CreditService | None = None  # the credit check against the central server
    photo_checks: PhotoCheckService | None = None  # 人证核验 after a card read
    # The person's picture for the photo check; None: the PC's camera, else the scan folder's
    photo_sources: PhotoCheckSources | None = None
    assistance: AssistanceService | None = None  # 帮办代办 given to the ticket's applicant
    licences: LicenceService | None = None  # 查证照 in the central server's registry
    notifications: Notifications | None = None  # 短信通知: texts about the case, and 短信提醒


class IntakePanel(QWidget):
    decided = Signal(object)  # DecisionResult

    def __init__(
        self,
        deps: IntakeDeps,
        runner: TaskRunner,
        session: ClerkSession,
        parent: QWidget | None = None,
        *,
        scan_runner: TaskRunner | None = None,
        card_runner: TaskRunner | None = None,
        credit_runner: TaskRunner | None = None,
        licence_runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._deps = deps
        self._intake = deps.papers.intake
        self._runner = runner
        self._session = session
        self._generation = 0
        self._continuing: str | None = None
        self._refusal: Refusal | None = None
        self.ticket_id: int | None = None
        self.assessment: Assessment | None = None
        self._unsaved = False
        actor = Actor(session.user.user_id, session.user.display_name)
        self.applicant = ApplicantForm(self._intake.today, self)
        if deps.auth is not None:
            self.applicant.enable_overrides(runner, deps.auth, deps.papers.intake.now_ms)
        if deps.idcard is not None:
            # A read waits on the reader (seconds when it is silent): its own thread, so the
            # assessments and the papers never queue behind it.
            self._card_runner = card_runner or TaskRunner(inline=runner.inline)
            self.applicant.enable_card_reader(
                self._card_runner,
                deps.idcard,
                actor,
                lambda: self._continuing,
            )
            if deps.photo_checks is not None:
                sources = deps.photo_sources or PhotoCheckSources(
                    live_camera=LiveCamera, stills=deps.scan_sources.folder
                )
                # One QCamera per device: the scan panel's document camera is shared.
                shared = sharing(lambda: self.scans.camera, sources.live_camera)
                sources = replace(sources, live_camera=shared)
                self.applicant.enable_photo_check(runner, deps.photo_checks, sources)
        self.credit: CreditBox | None = None
        if deps.credit is not None:
            # The lookup may take its whole timeout: its own thread, like the card reader.
            self._credit_runner = credit_runner or TaskRunner(inline=runner.inline)
            self.credit = CreditBox(
                deps.credit,
                self._credit_runner,
                actor,
                lambda: self._continuing,
                self,
            )
            if deps.auth is not None:
                self.credit.enable_overrides(
                    runner, deps.auth, deps.papers.intake.now_ms, self._intake.today
                )
        self.licences: LicenceBox | None = None
        if deps.licences is not None:
            # A lookup may take its whole timeout: its own thread, like the credit check.
            self._licence_runner = licence_runner or TaskRunner(inline=runner.inline)
            self.licences = LicenceBox(
                deps.licences,
                self._licence_runner,
                actor,
                self._licence_holder,
                lambda: self._continuing,
                self,
            )
        self.picker = ItemPicker(deps.catalogue, runner, self)
        self.fees = FeesBox(self)
        self.delivery = DeliveryBox(self)
        self.checklist = ChecklistModel(self)
        self.scans = ScanPanel(deps.pages, scan_runner or runner, deps.scan_sources, parent=self)
        self.decision_bar = DecisionBar(self)
        self.paper = PaperBar(
            deps.papers,
            runner,
            (session.user.display_name, session.window_number),
            self,
            by=actor,
        )
        self.loader = CaseLoader(deps.papers.lookup, self._intake, runner, self)
        self._build()
        self._connect()
        self.picker.load_index()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.case_box = QLineEdit()
        make_scan_field(self.case_box)
        self.case_box.setPlaceholderText(self.tr("Case number (type or scan)"))
        self.open_button = QPushButton(self.tr("&Open case"))
        self.new_button = QPushButton(self.tr("&New case"))
        self.case_label = QLabel()
        self.assisted = QLabel()  # 帮办：帮办员王五（填表、材料准备）
        self.assisted.setWordWrap(True)
        self.assisted.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        top = QHBoxLayout()
        top.addWidget(self.case_box, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        top.addWidget(self.case_label, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.applicant)
        self.sms_status = QLabel()
        self.sms_status.setWordWrap(True)
        left_layout.addWidget(self.sms_status)
        self.applicant.enable_sms(enabled=self._deps.notifications is not None)
        if self.credit is not None:
            left_layout.addWidget(self.credit)
        left_layout.addWidget(self.picker)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self._build_right())
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.assisted)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.decision_bar)
        layout.addWidget(self.paper)

    def _build_right(self) -> QSplitter:
        """The checklist (with 查证照 under it), the scans, then fees and delivery."""
        self.table = QTableView()
        self.table.setModel(self.checklist)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        right = QSplitter(Qt.Orientation.Vertical)
        if self.licences is not None:
            checklist = QWidget()
            checklist_layout = QVBoxLayout(checklist)
            checklist_layout.setContentsMargins(0, 0, 0, 0)
            checklist_layout.addWidget(self.table, 1)
            checklist_layout.addWidget(self.licences)
            right.addWidget(checklist)
        else:
            right.addWidget(self.table)
        right.addWidget(self.scans)
        money_and_mail = QWidget()  # fees and delivery side by side, under the scans
        row = QHBoxLayout(money_and_mail)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fees, 1)
        row.addWidget(self.delivery, 1)
        right.addWidget(money_and_mail)
        return right

    def _connect(self) -> None:
        self.case_box.returnPressed.connect(lambda: self.open_case(self.case_box.text()))
        self.open_button.clicked.connect(lambda: self.open_case(self.case_box.text()))
        self.new_button.clicked.connect(self.new_case)
        self.decision_bar.refusal_changed.connect(self.set_refusal)
        self.picker.situation_chosen.connect(self._situation_chosen)
        self.checklist.records_changed.connect(self.reassess)
        self.applicant.changed.connect(self.message.clear)
        self.applicant.changed.connect(self._mark_unsaved)
        self.picker.situation_chosen.connect(self._mark_unsaved)
        self.checklist.records_changed.connect(self._mark_unsaved)
        self.fees.changed.connect(self._mark_unsaved)
        self.delivery.changed.connect(self._mark_unsaved)
        self.delivery.mail.toggled.connect(self._suggest_recipient)
        pages = self.scans.model
        for signal in (pages.rowsInserted, pages.rowsRemoved, pages.rowsMoved, pages.dataChanged):
            signal.connect(self._pages_changed)
        pages.modelReset.connect(self._pages_changed)
        self.decision_bar.decided.connect(self.decide)
        self.loader.loaded.connect(self._case_loaded)
        self.loader.failed.connect(self._show_refusal)
        if self.credit is not None:
            self.applicant.changed.connect(self._applicant_changed)
            self.credit.changed.connect(self.reassess)
        if self.licences is not None:
            self.table.selectionModel().currentRowChanged.connect(self._material_selected)
            self.checklist.modelReset.connect(self._checklist_reset)
            self.licences.chosen.connect(self.checklist.set_record)

    def _checklist_reset(self) -> None:  # connected only where the counter has 查证照
        assert self.licences is not None
        self.licences.set_requirement(None)

    def _material_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        assert self.licences is not None  # connected only where the counter has 查证照
        requirements = self.checklist.requirements
        row = current.row()
        self.licences.set_requirement(requirements[row] if 0 <= row < len(requirements) else None)

    def _licence_holder(self) -> str | None:
        """The applicant's ID number or credit code, when the form holds one (a passport has
        no licences in the registry)."""
        applicant = self.applicant.applicant_input()
        if applicant.id_type is IdType.PASSPORT:
            return None
        return applicant.id_value.strip() or None

    # ------------------------------------------------------------------ the draft
    def _situation_chosen(self, situation: str) -> None:
        item = self.picker.item
        if item is None:
            return
        keep = self.checklist.records() if self._continuing else {}
        requirements = requirements_of(item, situation)
        self.checklist.set_checklist(requirements, keep)
        self.scans.set_materials([(r.key, r.name) for r in requirements])
        self.fees.set_fees(fee_lines(item, situation))
        self._pages_changed()

    def _suggest_recipient(self, mailed: bool) -> None:
        if mailed:
            applicant = self.applicant.applicant_input()
            self.delivery.suggest(applicant.name, applicant.phone)

    def _mark_unsaved(self, *_args: Any) -> None:
        self._unsaved = True

    def has_unsaved_work(self) -> bool:
        """Whether the form holds anything typed, picked, ticked or scanned since it was last
        saved or cleared: signing out would drop it (what was saved stays, whoever signs in)."""
        return self._unsaved

    def _pages_changed(self, *_args: Any) -> None:
        if self.scans.model.rowCount():
            self._unsaved = True
        counts: dict[str, int] = {}
        for entry in self.scans.model.pages.entries:
            if entry.material:
                counts[entry.material] = counts.get(entry.material, 0) + 1
        self.checklist.set_scans(counts)
        self.reassess()

    def _applicant_changed(self) -> None:
        if self.credit is not None:
            self.credit.applicant_changed(self.applicant.applicant_input())

    def page_refs(self) -> tuple[PageRef, ...]:
        return page_refs(self.scans.model.pages.entries)

    def draft(self) -> CaseDraft | None:
        item, situation = self.picker.item, self.picker.situation_code
        if item is None or situation is None:
            return None
        return CaseDraft(
            applicant=self.applicant.applicant_input(),
            item_code=item.code,
            situation_code=situation,
            records=self.checklist.records(),
            pages=self.page_refs(),
            agent=self.applicant.agent_input(),
            refusal=self._refusal,
            credit=self.credit.draft_check(self._intake.now_ms()) if self.credit else None,
            credit_override=self.credit.override if self.credit else None,
            continuing=self._continuing,
            ticket_id=self.ticket_id,
            photo_checks=self.applicant.photo_check_ids(),
            payment=self.fees.payment(),
            mailing=self.delivery.mailing(),
        )

    def reassess(self) -> None:
        draft = self.draft()
        self._generation += 1
        if draft is None:
            self._show_assessment(None)
            return
        generation, intake = self._generation, self._intake
        self._runner.run(
            lambda: intake.assess(draft),
            lambda found: self._assessed(generation, found),
            lambda error: self._assess_failed(generation, error),
            owner=self,
        )

    def _assessed(self, generation: int, assessment: Assessment) -> None:
        if generation == self._generation:
            self._show_assessment(assessment)

    def _assess_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._show_assessment(None)
            self._show_refusal(error)

    def _show_assessment(self, assessment: Assessment | None) -> None:
        self.assessment = assessment
        names = {r.key: r.name for r in self.checklist.requirements}
        self.checklist.set_states(assessment.materials if assessment else ())
        self.decision_bar.show_assessment(assessment, names)

    # ------------------------------------------------------------------ deciding
    def set_refusal(self, refusal: Refusal | None) -> None:
        self._refusal = refusal
        self.reassess()

    def decide(self, decision: Decision) -> None:
        draft = self.draft()
        if draft is None:
            return
        if self.scans.model.pages.awaiting_confirmation():
            self.message.setText(self.tr("Some pages look blank: keep or remove them first."))
            return
        self.applicant.clear_errors()
        self.message.clear()
        self.decision_bar.set_busy(True)
        intake, user, window = self._intake, self._session.user, self._session.window_number
        self._runner.run(
            lambda: intake.decide(draft, decision, user, window),
            self._decided,
            self._decide_failed,
            owner=self,
        )

    def _decided(self, result: DecisionResult) -> None:
        refusal = self._refusal
        self.case_label.setText(
            self.tr("Case {case}: saved (visit {visit}).").format(
                case=result.case_number, visit=result.visit
            )
        )
        self.last_result = result
        self._unsaved = False
        self.decision_bar.show_assessment(None, {})
        self.decided.emit(result)
        self._opt_in_sms(result)
        self.paper.paper_for(result, refusal)

    def _opt_in_sms(self, result: DecisionResult) -> None:
        """The 短信通知 tick: the server texts the applicant when the result is ready or a
        supplement is needed (recorded once per case, sent with the next sync)."""
        notifications = self._deps.notifications
        phone = self.applicant.applicant_input().phone
        if notifications is None or not self.applicant.sms.isChecked() or not phone:
            return
        self._runner.run(
            lambda: notifications.opt_in_case(result.case_uuid, phone),
            lambda _: self.sms_status.setText(
                self.tr("SMS notice: the applicant will get a text when the result is ready.")
            ),
            self._sms_failed,
            owner=self,
        )

    def _show_sms_choice(self, case_uuid: str) -> None:
        """A continued case opted in at an earlier visit shows it (the consent stands)."""
        notifications = self._deps.notifications
        if notifications is None:
            return
        self._runner.run(
            lambda: notifications.case_state(case_uuid),
            self._sms_choice_read,
            self._sms_failed,
            owner=self,
        )

    def _sms_choice_read(self, state: OptInState | None) -> None:
        if state is not None and self._continuing is not None:
            self.applicant.sms_already()
            self.sms_status.setText(
                self.tr(
                    "SMS notice: the applicant opted in at an earlier visit ({status})."
                ).format(status=sms_text(state))
            )

    def _sms_failed(self, exc: Exception) -> None:
        if isinstance(exc, PhoneInvalidError):
            self.sms_status.setText(
                self.tr("SMS notice not set up: the phone is not a mainland mobile number.")
            )
            return
        log.error("recording the SMS notice failed", exc_info=exc)
        self.sms_status.setText(self.tr("SMS notice not set up; see the log."))

    def _decide_failed(self, error: Exception) -> None:
        self._show_refusal(error)
        self.reassess()

    def _show_refusal(self, error: Exception) -> None:
        if not isinstance(error, IntakeRefused):
            log.error("intake failed", exc_info=error)
            self.message.setText(self.tr("Something went wrong; see the log."))
            return
        text = refusal_text(error)
        self.message.setText(text)
        boxes = {"payment": self.fees.problem, "mailing": self.delivery.problem}
        if error.field_name in boxes:
            boxes[error.field_name].setText(text)
        elif error.field_name:
            self.applicant.show_error(error.field_name, text)

    # ------------------------------------------------------------------ 帮办代办
    def set_ticket(self, ticket_id: int | None) -> None:
        """The ticket called to this window: the help its applicant had while waiting."""
        self.ticket_id = ticket_id
        self.show_assistance(())
        service = self._deps.assistance
        if ticket_id is not None and service is not None:
            self._runner.run(
                lambda: service.for_ticket(ticket_id),
                self.show_assistance,
                _assistance_unread,
                owner=self,
            )

    def show_assistance(self, views: Sequence[AssistanceView]) -> None:
        self.assisted.setText(assistance_text(views))
        self.assisted.setVisible(bool(views))

    # ------------------------------------------------------------------ cases
    def new_case(self) -> None:
        self._continuing, self._refusal = None, None
        self.applicant.reset()
        if self.credit is not None:
            self.credit.reset()
        self.picker.reset()
        self.picker.set_locked(False)
        self.checklist.set_checklist(())
        self.fees.set_fees(())
        self.delivery.reset()
        for row in reversed(range(self.scans.model.rowCount())):
            self.scans.model.remove_row(row)
        self.scans.set_materials([])
        self.case_label.clear()
        self.message.clear()
        self.sms_status.clear()
        self.paper.clear()
        self._unsaved = False
        self.applicant.id_number.setFocus()

    def open_case(self, number: str) -> None:
        if number.strip():
            self.loader.load(number)

    def _case_loaded(self, case: LoadedCase) -> None:
        self.new_case()
        self.case_box.clear()
        detail = case.detail
        self._continuing = detail.summary.case_number
        masked = {"id": detail.summary.applicant_id_masked, "phone": detail.applicant_phone_masked}
        self.applicant.show_continued(case.applicant, masked)
        self._applicant_changed()
        self.applicant.show_photo_checks(detail.photo_checks)
        if detail.assistance:
            self.show_assistance(detail.assistance)
        self.case_label.setText(
            self.tr("Continuing case {case} (visit {visit})").format(
                case=self._continuing, visit=detail.summary.visits + 1
            )
        )
        self.picker.set_locked(True)
        situation = detail.situation_code or ""
        requirements = requirements_of(case.item, situation)
        self.picker.show_item(case.item, situation)
        self.checklist.set_checklist(requirements, detail.records)
        self.fees.set_fees(fee_lines(case.item, situation))
        self.delivery.restore(case.mailing, detail.mailing.phone_masked if detail.mailing else "")
        self._show_sms_choice(detail.case_uuid)
        for page in case.pages:
            self.scans.model.add_pages([page.record], page.material)
        self._pages_changed()


def _assistance_unread(exc: Exception) -> None:
    """Only the line above the intake is missing; the clerk's work goes on."""
    log.warning("the assistance given to the ticket's applicant could not be read", exc_info=exc)
