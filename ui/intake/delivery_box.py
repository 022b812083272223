"""How the applicant gets the result: at the window (窗口领取) or by mail (邮寄送达).

Mailing asks for the recipient, a mainland mobile number, province, city and district, the
detailed address and, if known, the postal code; the intake service checks them before the
case is saved (clerk_app.intake.mailing) and the form shows its answer as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.intake.mailing import MailingInput, check_mailing
from clerk_app.validation import Invalid
from ui.intake.messages import problem_text


class DeliveryBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Result delivery"))
        self.at_window = QRadioButton(self.tr("Collect at the &window"))
        self.mail = QRadioButton(self.tr("&Mail it (邮寄送达)"))
        self.at_window.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.at_window)
        group.addButton(self.mail)
        choice = QHBoxLayout()
        choice.addWidget(self.at_window)
        choice.addWidget(self.mail)
        self.recipient = QLineEdit()
        self.phone = QLineEdit()
        self.province = QLineEdit()
        self.city = QLineEdit()
        self.district = QLineEdit()
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setMaxLength(6)
        region = QHBoxLayout()
        for field, hint in (
            (self.province, self.tr("Province")),
            (self.city, self.tr("City")),
            (self.district, self.tr("District")),
        ):
            field.setPlaceholderText(hint)
            region.addWidget(field)
        form = QFormLayout()
        form.addRow(self.tr("Re&cipient"), self.recipient)
        form.addRow(self.tr("Mo&bile"), self.phone)
        form.addRow(self.tr("Region"), region)
        form.addRow(self.tr("A&ddress"), self.address)
        form.addRow(self.tr("Postal code"), self.postal_code)
        self.address_rows = QWidget()
        self.address_rows.setLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.address_rows)
        layout.addWidget(self.problem)
        self.mail.toggled.connect(self._toggled)
        for field in self._fields():
            field.editingFinished.connect(self._check)
            field.textChanged.connect(self.changed)
        self._kept_phone = ("", "")  # a continued case's phone: (masked as shown, stored)
        self._toggled(mailed=False)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (
            self.recipient,
            self.phone,
            self.province,
            self.city,
            self.district,
            self.address,
            self.postal_code,
        )

    def _toggled(self, mailed: bool) -> None:
        self.address_rows.setVisible(mailed)
        self.problem.clear()
        self.changed.emit()

    def suggest(self, name: str, phone: str | None) -> None:
        """The applicant as the default recipient, where the clerk typed nothing yet."""
        if not self.recipient.text():
            self.recipient.setText(name)
        if phone and not self.phone.text():
            self.phone.setText(phone)

    def _check(self) -> None:
        found = self.mailing()
        if found is None:
            return
        checked = check_mailing(found)
        self.problem.setText(problem_text(checked) if isinstance(checked, Invalid) else "")

    def mailing(self) -> MailingInput | None:
        if not self.mail.isChecked():
            return None
        shown, kept = self._kept_phone
        phone = kept if shown and self.phone.text() == shown else self.phone.text()
        return MailingInput(
            self.recipient.text(),
            phone,
            self.province.text(),
            self.city.text(),
            self.district.text(),
            self.address.text(),
            self.postal_code.text(),
        )

    def restore(self, mailing: MailingInput | None, phone_masked: str = "") -> None:
        """A continued case: its last choice, the address filled in for the clerk to change;
        the stored phone shown masked, and kept unless the clerk types another."""
        self.reset()
        if mailing is None:
            return
        m = mailing
        shown = phone_masked or m.phone
        values = (m.recipient, shown, m.province, m.city, m.district, m.address, m.postal_code)
        for field, value in zip(self._fields(), values, strict=True):
            field.setText(value)
        self._kept_phone = (shown, m.phone)
        self.mail.setChecked(True)

    def reset(self) -> None:
        self._kept_phone = ("", "")
        for field in self._fields():
            field.clear()
        self.at_window.setChecked(True)
