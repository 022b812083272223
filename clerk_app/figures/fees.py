"""The money of a period, per payment method and per item: the daily report's 收费统计 and
the hall figures' exports read the same sums.

Money is counted on the day it was taken (a fee paid at pickup counts on the pickup day);
waived and pay-later cases count with what was due, on the day they were recorded. Sums are
whole fen in SQL: no float touches money.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.db.fees_models import CasePayment
from clerk_app.db.intake_models import IntakeCase
from clerk_app.figures.types import FeeFigure, FeeFigures
from clerk_app.intake.fees import yuan, yuan_text
from printing.documents import FeeSum

METHOD_LABELS = {"cash": "现金", "nontax": "非税收入缴款码", "waived": "免缴", "pending": "待缴"}
TAKEN = ("cash", "nontax")  # money in hand; waived and pending count what was due


def fee_sums(session: Session, hall_id: int, start_ms: int, end_ms: int) -> FeeFigures:
    in_period = func.coalesce(CasePayment.paid_ms, CasePayment.recorded_ms)
    kind = func.coalesce(CasePayment.method, CasePayment.status)
    taken = func.coalesce(func.sum(CasePayment.paid_fen), 0)
    due = func.coalesce(func.sum(CasePayment.due_fen), 0)
    base = (
        select()
        .select_from(CasePayment)
        .join(IntakeCase, IntakeCase.id == CasePayment.case_id)
        .where(IntakeCase.hall_id == hall_id, in_period >= start_ms, in_period < end_ms)
    )
    found = {
        str(k): FeeFigure(str(k), int(n), int(t if k in TAKEN else d))
        for k, n, t, d in session.execute(
            base.add_columns(kind, func.count(), taken, due).group_by(kind)
        )
    }
    items = tuple(
        FeeFigure(str(name), int(n), int(t))
        for name, n, t in session.execute(
            base.add_columns(IntakeCase.item_name_zh, func.count(), taken)
            .where(CasePayment.status == "paid")
            .group_by(IntakeCase.item_name_zh)
            .order_by(IntakeCase.item_name_zh)
        )
    )
    return FeeFigures(tuple(found[k] for k in METHOD_LABELS if k in found), items)


def fee_sum(label: str, found: FeeFigure) -> FeeSum:
    """A report's line: the amount in yuan as the papers print it."""
    return FeeSum(label, found.cases, yuan_text(yuan(found.fen)))
