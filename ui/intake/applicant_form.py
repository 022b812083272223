"""Who applies: person or company, identity, contact, and an agent with an authorisation.

A company also names its legal representative (法定代表人) and the contact person (联系人) for
this application; the phone is then the contact's. Both rows show only for a company.

Each field is checked as the clerk leaves it, by the same validators the intake service runs;
the problem shows under the field in the clerk's language. The ID fields take no input method,
so a scanner or fast typing arrives as typed. A continued case shows the stored applicant
masked and read-only; the identity itself stays in memory for the next decision.

Where the counter has an ID-card reader (``[idcard] port``), a Read ID card button (F12)
reads the card in the background and fills the applicant's fields, or the agent's when the
form applies through an agent, as if the clerk had typed them: the same checks run. An expired
card fills with a warning; a failed read says why in one line and leaves the fields as they
were. The core service audits each read; nothing of the card is logged.

Where the counter also does photo checks (人证核验, :mod:`ui.intake.photo_check_dialog`), a card
read with a decoded photo opens the check at once, and the Photo check button (F11) opens it
again for the last card read (with or without a photo). The verdict shows under the button;
a check made before the case has its number is saved with the visit's case.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.types import Actor
from clerk_app.devices.idcard.card import CardData, CardKind
from clerk_app.devices.idcard.errors import IdCardError
from clerk_app.devices.idcard.photo_check import PhotoCheckService
from clerk_app.devices.idcard.service import CardRead, IdCardService
from clerk_app.intake.applicants import check_passport
from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    IdType,
    PhotoCheckResult,
    PhotoCheckView,
)
from clerk_app.validation import (
    Invalid,
    SupervisorOverride,
    TextKind,
    normalise_text,
    validate_credit_code,
    validate_phone,
    validate_resident_id,
)
from ui.hall_time import hall_text
from ui.i18n import ui_language
from ui.intake.messages import problem_text
from ui.intake.override_dialog import OverrideDialog
from ui.intake.photo_check_dialog import PhotoCheckDialog, PhotoCheckSources
from ui.tasks import TaskRunner
from ui.wedge import make_scan_field

log = logging.getLogger(__name__)

Check = Callable[[str], object]
READ_CARD_KEY = Qt.Key.Key_F12  # F2-F9 are the caller panel's
PHOTO_CHECK_KEY = Qt.Key.Key_F11
WARNING_STYLE = "color: #9a5b00;"
ERROR_STYLE = "color: #b00020;"


class ApplicantForm(QWidget):
    changed = Signal()
    card_done = Signal()  # a card read ended, filled or failed (its line is in card_status)
    photo_checked = Signal(object)  # PhotoCheckView: a photo check was saved

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._continued: ApplicantInput | None = None
        self.errors: dict[str, QLabel] = {}
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Person"), ApplicantKind.PERSON)
        self.kind.addItem(self.tr("Company or organisation"), ApplicantKind.COMPANY)
        self.id_type = QComboBox()
        self.id_type.addItem(self.tr("Resident ID card"), IdType.RESIDENT_ID)
        self.id_type.addItem(self.tr("Unified social credit code"), IdType.CREDIT_CODE)
        self.id_type.addItem(self.tr("Passport"), IdType.PASSPORT)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_number = QLineEdit()
        make_scan_field(self.id_number)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        make_scan_field(self.phone)
        self.address = QLineEdit()
        self.legal_representative = QLineEdit()
        self.contact = QLineEdit()
        self._rows: dict[str, QWidget] = {}
        self.agent = QGroupBox(self.tr("Applying through an agent"))
        self.agent.setCheckable(True)
        self.agent.setChecked(False)
        self.agent_name = QLineEdit()
        self.agent_id = QLineEdit()
        make_scan_field(self.agent_id)
        self.authorisation = QLineEdit()
        self.override_button = QPushButton(self.tr("Supervisor &override…"))
        self.override_button.setVisible(False)
        self.override_button.clicked.connect(self.request_override)
        self.override_note = QLabel()
        self.override_note.setWordWrap(True)
        self._override: SupervisorOverride | None = None
        self._override_source: tuple[TaskRunner, AuthService, Callable[[], int]] | None = None
        self.read_card_button = QPushButton(self.tr("Read ID card"))
        self.read_card_button.setToolTip(
            self.tr("Read the card on the ID-card reader into the form ({key})").format(
                key=QKeySequence(READ_CARD_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.read_card_button.setVisible(False)
        self.read_card_button.clicked.connect(self.read_card)
        self.card_status = QLabel()
        self.card_status.setObjectName("cardStatus")
        self.card_status.setWordWrap(True)
        self.card_status.setVisible(False)
        self._card_source: tuple[TaskRunner, IdCardService, Actor, Callable[[], str | None]] | None
        self._card_source = None
        self._photo_check_parts()
        self._checks: dict[str, tuple[QLineEdit, Check]] = {}
        self._layout()
        self._connect()
        self._show_company_rows(company=False)

    def _photo_check_parts(self) -> None:
        self.photo_check_button = QPushButton(self.tr("Photo check"))
        self.photo_check_button.setVisible(False)
        self.photo_check_button.setEnabled(False)  # until a card is read
        self.photo_check_button.clicked.connect(self.open_photo_check)
        self.photo_check_status = QLabel()
        self.photo_check_status.setObjectName("photoCheckStatus")
        self.photo_check_status.setWordWrap(True)
        self.photo_check_status.setVisible(False)
        self._photo_source: tuple[TaskRunner, PhotoCheckService, PhotoCheckSources] | None = None
        self._last_read: CardRead | None = None
        self._photo_checks: list[int] = []  # saved before the case had a number
        self.photo_dialog: PhotoCheckDialog | None = None

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Applicant &type"), self.kind)
        form.addRow(self.tr("I&D type"), self.id_type)
        self._add(form, self.tr("ID &number"), self.id_number, "id_value")
        self._add(form, self.tr("N&ame"), self.name, "name")
        self._add(
            form,
            self.tr("&Legal representative"),
            self.legal_representative,
            "legal_representative",
        )
        self._add(form, self.tr("&Contact person"), self.contact, "contact")
        self._add(form, self.tr("&Phone"), self.phone, "phone")
        self.sms = self._sms_tick()
        form.addRow("", self.sms)
        self._add(form, self.tr("Add&ress"), self.address, "address")
        self._form = form
        agent_form = QFormLayout(self.agent)
        self._add(agent_form, self.tr("Agent name"), self.agent_name, "agent_name")
        self._add(agent_form, self.tr("Agent ID number"), self.agent_id, "agent_id_value")
        self._add(agent_form, self.tr("Authorisation"), self.authorisation, "agent")
        self.authorisation.setPlaceholderText(self.tr("What the authorisation letter says"))
        layout = QVBoxLayout(self)
        card_row = QHBoxLayout()
        card_row.addWidget(self.read_card_button)
        card_row.addWidget(self.card_status, 1)
        layout.addLayout(card_row)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_check_button)
        photo_row.addWidget(self.photo_check_status, 1)
        layout.addLayout(photo_row)
        layout.addLayout(form)
        layout.addWidget(self.override_button)
        layout.addWidget(self.override_note)
        layout.addWidget(self.agent)
        layout.addStretch(1)

    def _add(self, form: QFormLayout, label: str, field: QLineEdit, key: str) -> None:
        error = QLabel()
        error.setObjectName("fieldError")
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.setVisible(False)
        self.errors[key] = error
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(field)
        column.addWidget(error)
        holder = QWidget()
        holder.setLayout(column)
        self._rows[key] = holder
        form.addRow(label, holder)
        form.labelForField(holder).setBuddy(field)  # type: ignore[attr-defined]

    def _connect(self) -> None:
        self._checks = {
            "id_value": (self.id_number, self._check_id),
            "name": (self.name, self._check_name),
            "phone": (self.phone, lambda v: validate_phone(v) if v.strip() else None),
            "address": (
                self.address,
                lambda v: normalise_text(v, TextKind.ADDRESS) if v.strip() else None,
            ),
            "agent_id_value": (self.agent_id, self._check_agent_id),
            "legal_representative": (self.legal_representative, _person_name),
            "contact": (self.contact, _person_name),
        }
        for key, (field, check) in self._checks.items():
            field.editingFinished.connect(
                lambda k=key, f=field, c=check: self._show(k, c(f.text()))
            )
            field.textEdited.connect(lambda _t, k=key: self.show_error(k, None))
            field.textChanged.connect(self._emit_changed)
        self.id_number.textEdited.connect(lambda _t: self._drop_override())
        self.id_type.currentIndexChanged.connect(lambda _i: self._drop_override())
        for widget in (self.agent_name, self.authorisation):
            widget.textChanged.connect(self._emit_changed)
        self.agent.toggled.connect(self._emit_changed)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ checks
    def _check_id(self, value: str) -> object:
        if self._continued is not None:
            return None
        kind = IdType(self.id_type.currentData())
        if kind is IdType.RESIDENT_ID:
            return validate_resident_id(value, today=self._today())
        if kind is IdType.CREDIT_CODE:
            return validate_credit_code(value)
        return check_passport(value)

    def _check_name(self, value: str) -> object:
        person = ApplicantKind(self.kind.currentData()) is ApplicantKind.PERSON
        kind = TextKind.PERSON_NAME if person else TextKind.ORGANISATION_NAME
        return normalise_text(value, kind)

    def _check_agent_id(self, value: str) -> object:
        return validate_resident_id(value, today=self._today()) if value.strip() else None

    def _show(self, key: str, outcome: object) -> None:
        self.show_error(key, problem_text(outcome) if isinstance(outcome, Invalid) else None)
        if key == "id_value":
            overridable = isinstance(outcome, Invalid) and bool(outcome.code.overridable)
            self.override_button.setVisible(overridable and self._override_source is not None)

    # ------------------------------------------------------------------ the card reader
    def enable_card_reader(
        self,
        runner: TaskRunner,
        service: IdCardService,
        by: Actor,
        case_number: Callable[[], str | None],
    ) -> None:
        """Show the Read ID card button; reads run on ``runner``, for ``by``, on the open case."""
        self._card_source = (runner, service, by, case_number)
        label = self.tr("Read ID card")
        key = QKeySequence(READ_CARD_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.read_card_button.setText(f"{label} ({key})")
        self.read_card_button.setShortcut(QKeySequence(READ_CARD_KEY))  # setText replaced it
        self.read_card_button.setVisible(True)

    def read_card(self) -> None:
        if self._card_source is None or not self.read_card_button.isEnabled():
            return
        if not self.agent.isChecked() and self._continued is not None:
            self._card_message(
                self.tr(
                    "The applicant of a continued case cannot change; to read an agent's card, "
                    "tick Applying through an agent first."
                ),
                ERROR_STYLE,
            )
            return
        company = ApplicantKind(self.kind.currentData()) is ApplicantKind.COMPANY
        if not self.agent.isChecked() and company:
            self._card_message(
                self.tr(
                    "A company applies with its credit code: to read a person's card, choose "
                    "Person, or tick Applying through an agent for the agent's card."
                ),
                ERROR_STYLE,
            )
            return
        runner, service, by, case_number = self._card_source
        number = case_number()
        self.read_card_button.setEnabled(False)
        self._card_message(self.tr("Place the card on the reader… reading"), "")
        runner.run(
            lambda: service.read(by, case_number=number),
            self._card_read,
            self._card_failed,
            owner=self,
        )

    def _card_read(self, read: CardRead) -> None:
        self.read_card_button.setEnabled(True)
        self._show_card(read)
        self.card_done.emit()
        if self._photo_source is not None:
            self._last_read = read
            self.photo_check_button.setEnabled(True)
            if read.photo is not None:
                self.open_photo_check()

    def _show_card(self, read: CardRead) -> None:
        card = read.card
        if card.kind is CardKind.FOREIGN_PERMANENT_2017:
            self._card_message(
                self.tr(
                    "This card's 15-character number is none of the form's ID types: enter the "
                    "details by hand."
                ),
                ERROR_STYLE,
            )
            return
        if self.agent.isChecked():
            self._fill("agent_name", self.agent_name, _card_name(card))
            self._fill("agent_id_value", self.agent_id, card.id_number)
        else:
            self.id_type.setCurrentIndex(self.id_type.findData(IdType.RESIDENT_ID))
            self._fill("id_value", self.id_number, card.id_number)
            self._fill("name", self.name, _card_name(card))
            if card.address:
                self._fill("address", self.address, card.address)
        if read.expired and card.valid_to is not None:
            self._card_message(
                self.tr("This card expired on {date}: check another valid ID document.").format(
                    date=card.valid_to.isoformat()
                ),
                WARNING_STYLE,
            )
        else:
            self._card_message(self.tr("Card read."), "")

    def _card_failed(self, error: Exception) -> None:
        self.read_card_button.setEnabled(True)
        if isinstance(error, IdCardError):
            self._card_message(error.message(ui_language()), ERROR_STYLE)
        else:
            log.error("reading the ID card failed", exc_info=error)  # a bug: seen, not swallowed
            self._card_message(
                self.tr("The card could not be read: enter the details by hand."), ERROR_STYLE
            )
        self.card_done.emit()

    # ------------------------------------------------------------------ the photo check
    def enable_photo_check(
        self, runner: TaskRunner, service: PhotoCheckService, sources: PhotoCheckSources
    ) -> None:
        """Offer the photo check after a card read (needs the card reader enabled first)."""
        self._photo_source = (runner, service, sources)
        label = self.tr("Photo check")
        key = QKeySequence(PHOTO_CHECK_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.photo_check_button.setText(f"{label} ({key})")
        self.photo_check_button.setShortcut(QKeySequence(PHOTO_CHECK_KEY))
        self.photo_check_button.setToolTip(
            self.tr("The card photo beside the person, for you to compare by eye")
        )
        self.photo_check_button.setVisible(True)

    def open_photo_check(self) -> None:
        read, photo, card = self._last_read, self._photo_source, self._card_source
        if read is None or photo is None or card is None or self.photo_dialog is not None:
            return
        runner, service, sources = photo
        _runner, _service, by, case_number = card
        number = case_number()
        dialog = PhotoCheckDialog(service, runner, by, read, number, sources, self)
        dialog.recorded.connect(lambda view: self._photo_recorded(view, linked=number is not None))
        dialog.finished.connect(lambda _r: self._photo_dialog_closed(dialog))
        self.photo_dialog = dialog
        dialog.open()

    def _photo_dialog_closed(self, dialog: PhotoCheckDialog) -> None:
        if self.photo_dialog is dialog:
            self.photo_dialog = None
        dialog.deleteLater()

    def _photo_recorded(self, view: PhotoCheckView, *, linked: bool) -> None:
        if not linked:
            self._photo_checks.append(view.check_id)
        self._show_photo_check(view)
        self.photo_checked.emit(view)

    def photo_check_ids(self) -> tuple[int, ...]:
        """The checks of this visit that wait for its case (saved with the decision)."""
        return tuple(self._photo_checks)

    def show_photo_checks(self, checks: tuple[PhotoCheckView, ...]) -> None:
        """A continued case's photo checks: the latest shows (a refusal in red)."""
        if checks:
            self._show_photo_check(checks[-1])

    def _show_photo_check(self, view: PhotoCheckView) -> None:
        verdicts = {
            PhotoCheckResult.CONFIRMED: self.tr("same person, confirmed"),
            PhotoCheckResult.REFUSED: self.tr("NOT the same person"),
            PhotoCheckResult.NOT_POSSIBLE: self.tr("could not be checked"),
        }
        text = self.tr("Photo check: {verdict} ({card}, {time}, {clerk})").format(
            verdict=verdicts[view.result],
            card=view.id_masked,
            time=hall_text(view.at_ms),
            clerk=view.user_name,
        )
        refused = view.result is PhotoCheckResult.REFUSED
        self.photo_check_status.setStyleSheet(ERROR_STYLE if refused else "")
        self.photo_check_status.setText(text)
        self.photo_check_status.setVisible(True)

    def _card_message(self, text: str, style: str) -> None:
        self.card_status.setStyleSheet(style)
        self.card_status.setText(text)
        self.card_status.setVisible(bool(text))

    def _fill(self, key: str, field: QLineEdit, value: str) -> None:
        """Put ``value`` in ``field`` as typing it would: edits drop an override, the check runs."""
        if field is self.id_number:
            self._drop_override()
        field.setText(value)
        if key == "agent_name":
            return  # checked by the service on saving, as when typed
        _field, check = self._checks[key]
        self._show(key, check(value))

    # ------------------------------------------------------------------ overrides
    def enable_overrides(
        self, runner: TaskRunner, auth: AuthService, now_ms: Callable[[], int]
    ) -> None:
        """Offer a supervisor override when only the check character is wrong."""
        self._override_source = (runner, auth, now_ms)

    def request_override(self) -> None:
        if self._override_source is None:
            return
        runner, auth, now_ms = self._override_source
        dialog = OverrideDialog(
            runner,
            auth,
            IdType(self.id_type.currentData()),
            self.id_number.text(),
            self._today,
            now_ms,
            self,
        )
        dialog.granted.connect(self._overridden)
        dialog.open()

    def _overridden(self, override: SupervisorOverride) -> None:
        self._override = override
        self.show_error("id_value", None)
        self.override_button.setVisible(False)
        self.override_note.setText(
            self.tr("Check character overridden by {name}: {reason}").format(
                name=override.supervisor_name, reason=override.reason
            )
        )
        self.changed.emit()

    def _drop_override(self) -> None:
        if self._override is not None:
            self._override = None
            self.override_note.clear()

    def show_error(self, key: str | None, text: str | None) -> None:
        label = self.errors.get(key or "")
        if label is None:
            return
        label.setText(text or "")
        label.setVisible(bool(text))

    def clear_errors(self) -> None:
        for key in self.errors:
            self.show_error(key, None)

    def _kind_changed(self) -> None:
        company = ApplicantKind(self.kind.currentData()) is ApplicantKind.COMPANY
        self.id_type.setCurrentIndex(1 if company else 0)
        self._show_company_rows(company=company)

    def _show_company_rows(self, *, company: bool) -> None:
        for key in ("legal_representative", "contact"):
            self._form.setRowVisible(self._rows[key], company)
        phone_label = self._form.labelForField(self._rows["phone"])
        if isinstance(phone_label, QLabel):
            phone_label.setText(self.tr("Contact &phone") if company else self.tr("&Phone"))

    # ------------------------------------------------------------------ values
    def applicant_input(self) -> ApplicantInput:
        if self._continued is not None:
            return self._continued
        return ApplicantInput(
            kind=ApplicantKind(self.kind.currentData()),
            name=self.name.text(),
            id_type=IdType(self.id_type.currentData()),
            id_value=self.id_number.text(),
            phone=self.phone.text() or None,
            address=self.address.text() or None,
            override=self._override,
            legal_representative=self.legal_representative.text() or None,
            contact=self.contact.text() or None,
        )

    def agent_input(self) -> AgentInput | None:
        if not self.agent.isChecked():
            return None
        return AgentInput(self.agent_name.text(), self.agent_id.text(), self.authorisation.text())

    def show_continued(self, applicant: ApplicantInput, masked: dict[str, Any]) -> None:
        """A continued case's applicant: masked, read-only; the identity kept for the draft."""
        self._continued = applicant
        self.kind.setCurrentIndex(self.kind.findData(applicant.kind))
        self.id_type.setCurrentIndex(self.id_type.findData(applicant.id_type))
        self.id_number.setText(str(masked.get("id", "")))
        self.name.setText(applicant.name)
        self.phone.setText(str(masked.get("phone", "")))
        self.address.setText(applicant.address or "")
        self.legal_representative.setText(applicant.legal_representative or "")
        self.contact.setText(applicant.contact or "")
        self._set_locked(locked=True)
        # 短信通知 as at a new intake, to the stored phone (never shown: the field is masked)
        self.sms.setChecked(False)
        self.sms.setEnabled(bool(applicant.phone))
        self.clear_errors()

    def _sms_tick(self) -> QCheckBox:
        tick = QCheckBox(self.tr("SMS notice (短信通知): text the applicant about the result"))
        tick.setVisible(False)
        return tick

    def enable_sms(self, *, enabled: bool) -> None:
        """The 短信通知 tick beside the phone, where texts can be sent (a central server)."""
        self._form.setRowVisible(self.sms, enabled)
        self.sms.setVisible(enabled)

    def sms_already(self) -> None:
        """A continued case already opted in: ticked, and recorded once per case."""
        self.sms.setChecked(True)
        self.sms.setEnabled(False)

    def reset(self) -> None:
        self._continued = None
        self.sms.setChecked(False)
        self._set_locked(locked=False)
        for field in self._applicant_fields():
            field.clear()
        for field in (self.agent_name, self.agent_id, self.authorisation):
            field.clear()
        self.agent.setChecked(False)
        self.kind.setCurrentIndex(0)
        self.clear_errors()
        self._card_message("", "")
        self._last_read = None
        self._photo_checks.clear()
        self.photo_check_button.setEnabled(False)
        self.photo_check_status.clear()
        self.photo_check_status.setVisible(False)

    def _set_locked(self, *, locked: bool) -> None:
        for field in self._applicant_fields():
            field.setReadOnly(locked)
        self.sms.setEnabled(not locked)
        self.kind.setEnabled(not locked)
        self.id_type.setEnabled(not locked)

    def _applicant_fields(self) -> tuple[QLineEdit, ...]:
        return (
            self.id_number,
            self.name,
            self.phone,
            self.address,
            self.legal_representative,
            self.contact,
        )


def _card_name(card: CardData) -> str:
    """The name as the form takes it: the Chinese one, else (a foreign card) the English."""
    return card.name or card.english_name or ""


def _person_name(value: str) -> object:
    """A company's legal representative or contact: optional, a person's name when given."""
    return normalise_text(value, TextKind.PERSON_NAME) if value.strip() else None
