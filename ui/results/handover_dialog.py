"""Recording a handover (出件): to the applicant or an authorised agent after an ID check, or
by mail with courier (EMS by default) and tracking number, checked per courier as typed. A case
whose applicant chose mailing opens on mail, addressed as at intake; a case whose fees were left
to pay at pickup (待缴) asks for the payment first.

The ID number is checked here first (a typing error is caught at once); the service checks the
whole handover again in its transaction. A refusal is shown in the dialog and changes nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.roles import UserInfo
from clerk_app.intake.fees import (
    PaymentError,
    PaymentInput,
    PaymentMethod,
    parse_yuan,
    yuan,
    yuan_text,
)
from clerk_app.results.couriers import COURIER_NAMES, DEFAULT_COURIER, Courier, check_tracking
from clerk_app.results.service import ResultsService
from clerk_app.results.types import (
    HandoverMethod,
    HandoverRequest,
    HandoverResult,
    PickupEntry,
    Recipient,
    ResultRefusal,
    ResultRefused,
)
from clerk_app.validation import Invalid, validate_resident_id
from ui.fee_messages import fee_problem_text
from ui.fees_box import FeesBox
from ui.results.messages import refusal_text
from ui.tasks import TaskRunner
from ui.wedge import make_scan_field

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b00020;"


class HandoverDialog(QDialog):
    handed_over = Signal(object)  # HandoverResult

    def __init__(
        self,
        entry: PickupEntry,
        results: ResultsService,
        runner: TaskRunner,
        clerk: UserInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entry, self._results, self._runner, self._clerk = entry, results, runner, clerk
        self.setWindowTitle(self.tr("Hand over {case}").format(case=entry.case_number))
        self.summary = QLabel(
            self.tr("{item}\nApplicant: {name} ({id})\nCertificate number: {number}").format(
                item=entry.item_name_zh,
                name=entry.applicant_name,
                id=entry.applicant_id_masked,
                number=entry.certificate_number or "—",
            )
        )
        self.pickup = QRadioButton(self.tr("&Collected at the window"))
        self.mail = QRadioButton(self.tr("&Mailed"))
        self.pickup.setChecked(True)
        self._methods = QButtonGroup(self)
        self._methods.addButton(self.pickup)
        self._methods.addButton(self.mail)
        self.recipient_name = QLineEdit(entry.applicant_name)
        self.id_number = QLineEdit()
        make_scan_field(self.id_number)
        self.authorisation = QLineEdit()
        self.authorisation.setPlaceholderText(self.tr("Only for an agent not named in the case"))
        self.mail_to = QLineEdit()
        self.mail_to.setPlaceholderText(self.tr("Addressee as written on the parcel"))
        self.courier = QComboBox()
        for courier, name in COURIER_NAMES.items():
            self.courier.addItem(name, courier)
        self.courier.setCurrentIndex(self.courier.findData(DEFAULT_COURIER))
        self.tracking_no = QLineEdit()
        make_scan_field(self.tracking_no)
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.fees = FeesBox(self)
        self.fees.setTitle(self.tr("Fees to pay before handing over"))
        self.fees.method.removeItem(self.fees.method.findData(PaymentMethod.PENDING))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(
            self.tr("&Record handover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.pickup.toggled.connect(self._method_changed)
        self._layout()
        self._for_case(entry)
        self._method_changed()

    def _for_case(self, entry: PickupEntry) -> None:
        """Mail where the applicant chose it at intake; the fees left to pay, if any."""
        m = entry.mailing
        if m is not None:
            self.mail.setChecked(True)
            self.mail_to.setText(m.recipient)
            self.address.setText(f"{m.province}{m.city}{m.district}{m.address}　{m.phone_masked}")
        self.address.setVisible(m is not None)
        pending = entry.fees_pending_fen
        self.fees.setVisible(pending is not None)
        if pending is not None:
            amount = yuan_text(yuan(pending))
            self.fees.summary.setText(
                self.tr("Left to pay at pickup: {amount} yuan").format(amount=amount)
            )
            self.fees.payment_rows.show()
            self.fees.amount.setPlaceholderText(amount)
            self.fees.lines = ()  # the service holds the case's fee lines

    def _layout(self) -> None:
        methods = QHBoxLayout()
        methods.addWidget(self.pickup)
        methods.addWidget(self.mail)
        methods.addStretch(1)
        self.pickup_box = QGroupBox(self.tr("Recipient"))
        who = QFormLayout(self.pickup_box)
        who.addRow(self.tr("&Name"), self.recipient_name)
        who.addRow(self.tr("&ID number"), self.id_number)
        who.addRow(self.tr("&Authorisation letter"), self.authorisation)
        self.mail_box = QGroupBox(self.tr("Mailing"))
        parcel = QFormLayout(self.mail_box)
        parcel.addRow(self.tr("A&ddressee"), self.mail_to)
        parcel.addRow(self.tr("Address"), self.address)
        parcel.addRow(self.tr("C&ourier"), self.courier)
        parcel.addRow(self.tr("&Tracking number"), self.tracking_no)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(methods)
        layout.addWidget(self.pickup_box)
        layout.addWidget(self.mail_box)
        layout.addWidget(self.fees)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _method_changed(self) -> None:
        by_mail = self.mail.isChecked()
        self.pickup_box.setVisible(not by_mail)
        self.mail_box.setVisible(by_mail)
        (self.courier if by_mail else self.id_number).setFocus()

    def request(self) -> HandoverRequest | None:
        """The handover as typed; None (with the reason shown) when it cannot be sent."""
        payment = self._payment()
        if isinstance(payment, Invalid):
            self.say(fee_problem_text(payment))
            return None
        if self.mail.isChecked():
            return self._mail_request(payment)
        name, number = self.recipient_name.text().strip(), self.id_number.text().strip()
        if not name:
            self.say(self.tr("Enter the name of the person collecting."))
            return None
        if isinstance(validate_resident_id(number, today=self._results.today()), Invalid):
            self.say(refusal_text(ResultRefused(ResultRefusal.INVALID_ID)))
            self.id_number.selectAll()
            self.id_number.setFocus()
            return None
        recipient = Recipient(name, number, self.authorisation.text().strip())
        return HandoverRequest(
            self._entry.case_id, HandoverMethod.PICKUP, recipient, payment=payment
        )

    def _payment(self) -> PaymentInput | Invalid[PaymentError] | None:
        """The fees left to pay at pickup, as typed (the service checks them again)."""
        if self._entry.fees_pending_fen is None:
            return None
        typed = parse_yuan(self.fees.amount.text()) if self.fees.amount.text().strip() else None
        if isinstance(typed, Invalid):
            return typed
        fees = self.fees
        return PaymentInput(fees.current_method(), typed, fees.reference.text(), fees.reason.text())

    def _mail_request(self, payment: PaymentInput | None) -> HandoverRequest | None:
        courier = Courier(self.courier.currentData())
        if not self.tracking_no.text().strip():
            self.say(refusal_text(ResultRefused(ResultRefusal.MISSING_COURIER)))
            return None
        checked = check_tracking(courier, self.tracking_no.text())
        if isinstance(checked, Invalid):
            self.say(fee_problem_text(checked))
            self.tracking_no.setFocus()
            return None
        return HandoverRequest(
            self._entry.case_id,
            HandoverMethod.MAIL,
            mail_to=self.mail_to.text().strip(),
            courier=courier.value,
            tracking_no=checked,
            payment=payment,
        )

    def submit(self) -> None:
        request = self.request()
        if request is None:
            return
        results, clerk = self._results, self._clerk
        self.record_button.setEnabled(False)
        self.say(self.tr("Recording the handover…"), error=False)
        self._runner.run(
            lambda: results.hand_over(request, clerk), self._done, self._failed, owner=self
        )

    def _done(self, result: HandoverResult) -> None:
        self.handed_over.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.record_button.setEnabled(True)
        if isinstance(exc, ResultRefused):
            self.say(refusal_text(exc))
            return
        log.error("handover failed", exc_info=exc)
        self.say(self.tr("The handover could not be recorded. Please try again."))

    def say(self, text: str, *, error: bool = True) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
