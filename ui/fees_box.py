"""The fees of the chosen item and situation, and the payment the clerk records.

Each fee shows its amount (yuan, two decimals) and its basis (收费依据), then the total; an
item without fees says 免费 and asks nothing. For a fee item the clerk records how it was paid:
cash, the province's 非税收入缴款码 (20 digits, checked as typed), waived (免缴, with the
reason) or pay later (待缴: paid when the result is collected). The intake service refuses to
accept a fee item's case without one of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.intake.fees import (
    FeeLine,
    PaymentInput,
    PaymentMethod,
    check_reference,
    parse_yuan,
    total_due,
    yuan_text,
)
from clerk_app.validation import Invalid
from ui.fee_messages import fee_problem_text


def method_name(method: PaymentMethod) -> str:
    names = {
        PaymentMethod.CASH: QCoreApplication.translate("FeesBox", "Cash"),
        PaymentMethod.NONTAX: QCoreApplication.translate("FeesBox", "Non-tax payment reference"),
        PaymentMethod.WAIVED: QCoreApplication.translate("FeesBox", "Waived (with the reason)"),
        PaymentMethod.PENDING: QCoreApplication.translate(
            "FeesBox", "Pay later, when collecting the result"
        ),
    }
    return names[method]


class FeesBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Fees"))
        self.lines: tuple[FeeLine, ...] = ()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem(method_name(method), method)
        self.amount = QLineEdit()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("20 digits"))
        self.reason = QLineEdit()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Payment"), self.method)
        self.form.addRow(self.tr("&Amount (yuan)"), self.amount)
        self.form.addRow(self.tr("&Reference"), self.reference)
        self.form.addRow(self.tr("Re&ason"), self.reason)
        self.payment_rows = QWidget()
        self.payment_rows.setLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.payment_rows)
        layout.addWidget(self.problem)
        self.method.currentIndexChanged.connect(self._method_changed)
        for field in (self.amount, self.reference, self.reason):
            field.textChanged.connect(self._edited)
        self.set_fees(())

    def set_fees(self, lines: Sequence[FeeLine]) -> None:
        """The fees of the item in the chosen situation (none: 免费)."""
        self.lines = tuple(lines)
        self.method.setCurrentIndex(0)
        for field in (self.amount, self.reference, self.reason):
            field.clear()
        self.problem.clear()
        self.summary.setText(self._summary())
        self.payment_rows.setVisible(bool(self.lines))
        due = total_due(self.lines)
        self.amount.setPlaceholderText(yuan_text(due) if due is not None else "")
        self._method_changed()

    def _summary(self) -> str:
        if not self.lines:
            return self.tr("Free of charge (免费)")
        rows = []
        for line in self.lines:
            amount = (
                self.tr("{amount} yuan").format(amount=yuan_text(line.amount))
                if line.amount is not None
                else self.tr("amount set per case")
            )
            basis = self.tr("Basis: {basis}").format(basis=line.basis) if line.basis else ""
            rows.append(f"{line.name_zh}: {amount}" + (f"\n    {basis}" if basis else ""))
        due = total_due(self.lines)
        if due is not None:
            rows.append(self.tr("Total: {amount} yuan").format(amount=yuan_text(due)))
        return "\n".join(rows)

    def _method_changed(self) -> None:
        method = self.current_method()
        self.form.setRowVisible(self.amount, method in (PaymentMethod.CASH, PaymentMethod.NONTAX))
        self.form.setRowVisible(self.reference, method is PaymentMethod.NONTAX)
        self.form.setRowVisible(self.reason, method is PaymentMethod.WAIVED)
        self._edited()

    def current_method(self) -> PaymentMethod:
        return PaymentMethod(self.method.currentData())

    def _edited(self) -> None:
        self.problem.setText(self._problem() or "")
        self.changed.emit()

    def _problem(self) -> str | None:
        """What is wrong with what is typed so far (the service checks again on saving)."""
        method = self.current_method()
        if method is PaymentMethod.NONTAX and self.reference.text().strip():
            found = check_reference(self.reference.text())
            if isinstance(found, Invalid):
                return fee_problem_text(found)
        if self.amount.text().strip():
            amount = parse_yuan(self.amount.text())
            if isinstance(amount, Invalid):
                return fee_problem_text(amount)
        return None

    def payment(self) -> PaymentInput | None:
        """The payment as recorded; None for a fee-free item."""
        if not self.lines:
            return None
        amount: Decimal | None = None
        if self.amount.text().strip():
            parsed = parse_yuan(self.amount.text())
            amount = None if isinstance(parsed, Invalid) else parsed
        return PaymentInput(
            self.current_method(), amount, self.reference.text(), self.reason.text()
        )
