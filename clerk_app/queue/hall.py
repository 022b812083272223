"""The hall's rules as one immutable value, read once per service object."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.models import Hall, OpeningHours
from clerk_app.queue.types import QueueRefused, RefusalCode


@dataclass(frozen=True, slots=True)
class HallRules:
    hall_id: int
    code: str
    name_zh: str
    name_en: str
    location_zh: str  # where in the building the hall is, printed on tickets
    location_en: str
    tz: ZoneInfo
    fairness_mode: str
    priority_ratio: int
    priority_head_start_s: int
    appointment_head_start_s: int
    max_recalls: int
    no_show_grace_min: int
    return_keeps_arrival: bool
    transfer_keeps_arrival: bool
    recent_service_window_min: int
    opening_hours: dict[int, tuple[int, int]]  # weekday -> (opens_min, closes_min)

    def local(self, now_ms: int) -> dt.datetime:
        return dt.datetime.fromtimestamp(now_ms / 1000, self.tz)

    def day(self, now_ms: int) -> dt.date:
        return self.local(now_ms).date()

    def minute_of_day(self, now_ms: int) -> int:
        local = self.local(now_ms)
        return local.hour * 60 + local.minute

    def hours_today(self, now_ms: int) -> tuple[int, int] | None:
        """Opening and closing minute today; None when the hall keeps no hours (always open)."""
        if not self.opening_hours:
            return None
        return self.opening_hours.get(self.local(now_ms).weekday(), (0, 0))

    def day_bounds_ms(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        start = dt.datetime.combine(first, dt.time(0), self.tz)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), self.tz)
        return int(start.timestamp() * 1000), int(end.timestamp() * 1000)


def enrolled_rules(session: Session, hall_code: str | None) -> HallRules:
    """The enrolled hall's rules; the database's only hall when its code differs from the
    server's (the sync's steps)."""
    found = session.scalar(select(Hall.id).where(Hall.code == hall_code)) if hall_code else None
    return load_rules(session, hall_code if found is not None else None)


def load_rules(session: Session, hall_code: str | None) -> HallRules:
    query = select(Hall)
    if hall_code is not None:
        query = query.where(Hall.code == hall_code)
    halls = session.scalars(query.order_by(Hall.id).limit(2)).all()
    if not halls:
        detail = hall_code or "the database has no hall yet (run `clerk-app demo`)"
        raise QueueRefused(RefusalCode.INVALID_ARGUMENT, f"unknown hall {detail}")
    if hall_code is None and len(halls) > 1:
        raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "several halls: name one with --hall")
    hall = halls[0]
    hours = {
        row.weekday: (row.opens_min, row.closes_min)
        for row in session.scalars(select(OpeningHours).where(OpeningHours.hall_id == hall.id))
    }
    return HallRules(
        hall_id=hall.id,
        code=hall.code,
        name_zh=hall.name_zh,
        name_en=hall.name_en,
        location_zh=hall.location_zh,
        location_en=hall.location_en,
        tz=ZoneInfo(hall.timezone),
        fairness_mode=hall.fairness_mode,
        priority_ratio=hall.priority_ratio,
        priority_head_start_s=hall.priority_head_start_s,
        appointment_head_start_s=hall.appointment_head_start_s,
        max_recalls=hall.max_recalls,
        no_show_grace_min=hall.no_show_grace_min,
        return_keeps_arrival=hall.return_keeps_arrival,
        transfer_keeps_arrival=hall.transfer_keeps_arrival,
        recent_service_window_min=hall.recent_service_window_min,
        opening_hours=hours,
    )
