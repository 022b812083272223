"""Appointments: the online booking service's API (a back-office token) and the hall
devices' pull of their days (conditional GET, like the calendars)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response

from central_server.api.catalogue import ETAG_HEADER, NOT_MODIFIED, IfNoneMatch
from central_server.api.deps import ApproverPrincipal, DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import appointments
from onewindow_protocol import paths
from onewindow_protocol.wire.appointments import (
    MAX_PULL_DAYS,
    AppointmentSet,
    Booking,
    BookingCancel,
    BookingList,
    BookingRequest,
)

router = APIRouter(tags=["appointments"])
NO_CACHE = {"Cache-Control": "private, no-cache"}

HallPath = Annotated[str, Path(pattern=r"^[A-Z0-9]{2,16}$")]
CodePath = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{4,16}$")]


@router.get(
    paths.APPOINTMENTS,
    response_model=AppointmentSet,
    responses={
        200: {"headers": ETAG_HEADER, "description": "The hall's bookings of these days"},
        **NOT_MODIFIED,
        **responses(401, 403, 426),
    },
    summary="The device's hall's bookings from a day on (conditional GET with If-None-Match)",
)
def hall_days(
    svc: Svc,
    principal: DevicePrincipal,
    from_date: Annotated[dt.date, Query(alias="from")],
    days: Annotated[int, Query(ge=1, le=MAX_PULL_DAYS)] = 7,
    if_none_match: IfNoneMatch = None,
) -> Response:
    assert principal.hall_code is not None
    reply = appointments.hall_set(
        svc.ctx, principal.hall_code, from_date, days, unless=if_none_match
    )
    if isinstance(reply, str):  # the counter holds these bookings
        return Response(status_code=304, headers={"ETag": reply, **NO_CACHE})
    return JSONResponse(reply.model_dump(mode="json"), headers={"ETag": reply.etag, **NO_CACHE})


@router.post(
    paths.BOOKINGS,
    status_code=201,
    response_model=Booking,
    responses=responses(401, 403, 404, 409),
    summary="Book a slot; the reply carries the booking code (409 slot_full, booking_closed, "
    "no_show_limit)",
)
def book(body: BookingRequest, svc: Svc, _booker: ApproverPrincipal) -> Booking:
    return appointments.book(svc.ctx, body)


@router.get(paths.BOOKINGS, response_model=BookingList, responses=responses(401, 403))
def list_bookings(
    svc: Svc,
    _booker: ApproverPrincipal,
    hall: Annotated[str, Query(pattern=r"^[A-Z0-9]{2,16}$")],
    date: dt.date | None = None,
) -> BookingList:
    return BookingList(bookings=appointments.list_bookings(svc.ctx, hall, date))


@router.post(
    paths.BOOKINGS + "/{hall}/{code}/cancel",
    response_model=Booking,
    responses=responses(401, 403, 404, 409),
    summary="Cancel by the applicant (with the ID number) or by the hall; twice is once",
)
def cancel(
    hall: HallPath, code: CodePath, body: BookingCancel, svc: Svc, _booker: ApproverPrincipal
) -> Booking:
    return appointments.cancel(svc.ctx, hall, code, body)
