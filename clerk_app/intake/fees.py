"""An item's fees as the counter shows and charges them, and the payment the clerk records.

Amounts are ``Decimal`` yuan with two places (the catalogue stores whole fen); no float ever
touches money. A fee whose amount the catalogue leaves open ("depends on the case", see the
item's fee note) is charged at what the clerk enters.

The 非税收入缴款码 (non-tax payment reference) is the number the province's non-tax payment
platform prints on the payment notice; the applicant pays it at a bank or online and shows it at
the counter. Provinces publish it as 20 digits; its internal parts (region, year, sequence,
check) are not published uniformly, so the counter checks the shape only (20 digits after
spaces and dashes are removed). Whether it was actually paid is the platform's to confirm: the
counter is not connected to it, and the paper says the reference as given.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from clerk_app.catalogue.types import ItemDetail
from clerk_app.validation import Invalid, ProblemCode
from clerk_app.validation.problems import compact

CENT = Decimal("0.01")
FEN_PER_YUAN = 100
REFERENCE_DIGITS = 20
REASON_MAX = 200
MAX_FEN = 100_000_000_00  # the catalogue's own limit on a fee
_REFERENCE = re.compile(rf"^\d{{{REFERENCE_DIGITS}}}$")


def yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(CENT)


def fen_of(amount: Decimal) -> int:
    return int((amount * FEN_PER_YUAN).to_integral_value(ROUND_HALF_UP))


def yuan_text(amount: Decimal) -> str:
    """``8.00``: two places, no grouping (as a receipt prints it)."""
    return f"{amount.quantize(CENT):.2f}"


@dataclass(frozen=True, slots=True)
class FeeLine:
    name_zh: str
    name_en: str
    amount: Decimal | None  # None: set per case (the clerk enters the amount charged)
    basis: str | None  # 收费依据, as the catalogue states it


def fee_lines(item: ItemDetail, situation_code: str) -> tuple[FeeLine, ...]:
    """The fees charged in the situation (a fee names its situations, or applies to all)."""
    return tuple(
        FeeLine(f.name_zh, f.name_en, None if f.amount_fen is None else yuan(f.amount_fen), f.basis)
        for f in item.fees
        if f.applies_to(situation_code)
    )


def total_due(lines: Sequence[FeeLine]) -> Decimal | None:
    """The sum of the fixed amounts; None when a line's amount is set per case."""
    if any(line.amount is None for line in lines):
        return None
    return sum((line.amount for line in lines if line.amount is not None), Decimal("0.00"))


def lines_json(lines: Sequence[FeeLine]) -> str:
    return json.dumps(
        [
            {
                "name": line.name_zh,
                "amount_fen": None if line.amount is None else fen_of(line.amount),
                "basis": line.basis,
            }
            for line in lines
        ],
        ensure_ascii=False,
    )


class PaymentMethod(enum.StrEnum):
    CASH = "cash"  # 现金
    NONTAX = "nontax"  # 非税收入缴款码: paid on the province's platform
    WAIVED = "waived"  # 免缴 (减免), with the reason
    PENDING = "pending"  # 待缴: paid when the result is collected


class PaymentStatus(enum.StrEnum):
    PAID = "paid"
    PENDING = "pending"
    WAIVED = "waived"


class PaymentError(ProblemCode):
    REQUIRED = "payment_required"
    BAD_AMOUNT = "payment_bad_amount"
    WRONG_AMOUNT = "payment_wrong_amount"
    BAD_REFERENCE = "payment_bad_reference"
    NO_REASON = "payment_no_reason"
    REASON_TOO_LONG = "payment_reason_too_long"
    NOT_AT_PICKUP = "payment_not_at_pickup"

    @property
    def template(self) -> str:
        return {
            "payment_required": "the item has fees: record the payment, a waiver or pay later",
            "payment_bad_amount": "the amount is a positive number of yuan with at most two "
            "decimals (found {found})",
            "payment_wrong_amount": "the amount paid is {found}; the fees come to {expected}",
            "payment_bad_reference": "a non-tax payment reference has "
            f"{REFERENCE_DIGITS} digits (found {{found}})",
            "payment_no_reason": "a waiver needs its reason",
            "payment_reason_too_long": f"the reason has at most {REASON_MAX} characters",
            "payment_not_at_pickup": "pay later is not a payment: take the money or waive it",
        }[self.value]


@dataclass(frozen=True, slots=True)
class PaymentInput:
    """What the clerk recorded; ``amount`` is what was taken (cash or the reference's)."""

    method: PaymentMethod
    amount: Decimal | None = None
    reference: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CheckedPayment:
    status: PaymentStatus
    method: PaymentMethod
    due: Decimal | None  # None: set per case and nothing taken yet
    paid: Decimal
    reference: str | None
    reason: str | None

    @property
    def due_or_paid(self) -> Decimal:
        return self.paid if self.due is None else self.due


def parse_yuan(text: str) -> Decimal | Invalid[PaymentError]:
    """A typed amount (``8``, ``8.0``, ``８.００``, ``1,000.50``) as yuan with two places."""
    cleaned = compact(text).replace(",", "").removeprefix("¥").removesuffix("元")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return Invalid(PaymentError.BAD_AMOUNT, found=cleaned[:12])
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(CENT):
        return Invalid(PaymentError.BAD_AMOUNT, found=cleaned[:12])
    if fen_of(amount) > MAX_FEN:
        return Invalid(PaymentError.BAD_AMOUNT, found=cleaned[:12])
    return amount.quantize(CENT)


def normalise_reference(text: str) -> str:
    return compact(text).replace("-", "")


def check_reference(text: str) -> str | Invalid[PaymentError]:
    value = normalise_reference(text)
    if not _REFERENCE.match(value):
        return Invalid(PaymentError.BAD_REFERENCE, found=str(len(value)))
    return value


def _amount(payment: PaymentInput, due: Decimal | None) -> Decimal | Invalid[PaymentError]:
    amount = payment.amount if payment.amount is not None else due
    if amount is None or amount <= 0 or amount != amount.quantize(CENT):
        return Invalid(PaymentError.BAD_AMOUNT, found=str(amount))
    if due is not None and amount != due:
        return Invalid(PaymentError.WRONG_AMOUNT, found=yuan_text(amount), expected=yuan_text(due))
    return amount.quantize(CENT)


def _unpaid(
    payment: PaymentInput, due: Decimal | None, *, at_pickup: bool
) -> CheckedPayment | Invalid[PaymentError]:
    """Pay later (待缴) or a waiver (免缴, with its reason): nothing taken."""
    nothing = Decimal("0.00")
    if payment.method is PaymentMethod.PENDING:
        if at_pickup:
            return Invalid(PaymentError.NOT_AT_PICKUP)
        return CheckedPayment(PaymentStatus.PENDING, payment.method, due, nothing, None, None)
    reason = payment.reason.strip()
    if not reason:
        return Invalid(PaymentError.NO_REASON)
    if len(reason) > REASON_MAX:
        return Invalid(PaymentError.REASON_TOO_LONG)
    return CheckedPayment(PaymentStatus.WAIVED, payment.method, due, nothing, None, reason)


def check_payment(
    payment: PaymentInput | None, lines: Sequence[FeeLine], *, at_pickup: bool = False
) -> CheckedPayment | Invalid[PaymentError]:
    """The payment as it will be stored, or its first problem. Pay later is refused at pickup:
    the result is released against the money or a waiver."""
    due = total_due(lines)
    if payment is None:
        return Invalid(PaymentError.REQUIRED)
    if payment.method in (PaymentMethod.PENDING, PaymentMethod.WAIVED):
        return _unpaid(payment, due, at_pickup=at_pickup)
    amount = _amount(payment, due)
    if isinstance(amount, Invalid):
        return amount
    reference = None
    if payment.method is PaymentMethod.NONTAX:
        found = check_reference(payment.reference)
        if isinstance(found, Invalid):
            return found
        reference = found
    return CheckedPayment(PaymentStatus.PAID, payment.method, due, amount, reference, None)
