"""The province's figures: the back office's JSON endpoint, and the read-only page a provincial
officer opens in a browser (``central_server.figures_page``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from central_server.api.deps import ApproverPrincipal, Svc
from central_server.api.errors import responses
from central_server.services.figures import province_figures
from onewindow_protocol.wire.figures import Per, ProvinceFigures
from onewindow_protocol.wire.ratings import GroupBy

router = APIRouter(prefix="/v1/backoffice/figures", tags=["back office"])


@router.get(
    "/province",
    response_model=ProvinceFigures,
    responses=responses(401, 403),
    summary="The reform's figures per hall, department or item, per day or month",
)
def province(
    svc: Svc,
    _approver: ApproverPrincipal,
    date_from: Annotated[dt.date, Query(alias="from")],
    date_to: Annotated[dt.date, Query(alias="to")],
    by: GroupBy = GroupBy.HALL,
    per: Per = Per.MONTH,
) -> ProvinceFigures:
    """Days ``from``…``to`` (both included) in the halls' time zone; docs/figures.md defines
    each measure. ``to`` before ``from``, more than three years per day or ten per month, or a
    day before 1970: 422."""
    return province_figures(svc.ctx, date_from, date_to, by, per)
