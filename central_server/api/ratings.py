"""The back office's 好差评 figures: the ratings summary and the overdue follow-ups."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from central_server.api.deps import ApproverPrincipal, Svc
from central_server.api.errors import responses
from central_server.services import ratings
from onewindow_protocol.wire.ratings import GroupBy, OverdueList, RatingSummary

router = APIRouter(prefix="/v1/backoffice/ratings", tags=["back office"])

HallQuery = Annotated[str | None, Query(pattern=r"^[A-Z0-9]{2,16}$")]


@router.get(
    "/summary",
    response_model=RatingSummary,
    responses=responses(401, 403),
    summary="Ratings per hall, department or item over a period (days in the halls' zone)",
)
def summary(
    svc: Svc,
    _approver: ApproverPrincipal,
    date_from: Annotated[dt.date, Query(alias="from")],
    date_to: Annotated[dt.date, Query(alias="to")],
    by: GroupBy = GroupBy.HALL,
    hall: HallQuery = None,
) -> RatingSummary:
    return ratings.summary(svc.ctx, date_from, date_to, by, hall)


@router.get(
    "/overdue",
    response_model=OverdueList,
    responses=responses(401, 403),
    summary="Bad ratings whose follow-up deadline passed with no follow-up recorded, per hall",
)
def overdue(svc: Svc, _approver: ApproverPrincipal, hall: HallQuery = None) -> OverdueList:
    return ratings.overdue(svc.ctx, hall)
