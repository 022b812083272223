"""Holiday arrangements for the halls: the province publishes a year, every hall syncs it.

A calendar file (the counter's format, docs/calendar.md, read by the counter's own parser so
there is one definition of it) may hold several years, each the State Council's whole
arrangement. Each year is kept as numbered versions of its canonical text; the highest is in
force. Publishing a year's current text again changes nothing. The set's ETag is the SHA-256
of every year's ``year:version:sha256`` in year order.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import CalendarRelease
from central_server.services.common import ms_to_datetime, sha256_text
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.calendar.format import dump_year, read_arrangements
from onewindow_protocol.calendar.types import CalendarRefused
from onewindow_protocol.wire.calendars import (
    CalendarPublishOutcome,
    CalendarSet,
    CalendarYearRelease,
)


def _current(session: Session) -> list[CalendarRelease]:
    latest = (
        select(CalendarRelease.year, func.max(CalendarRelease.version).label("version"))
        .group_by(CalendarRelease.year)
        .subquery()
    )
    query = (
        select(CalendarRelease)
        .join(
            latest,
            (latest.c.year == CalendarRelease.year) & (latest.c.version == CalendarRelease.version),
        )
        .order_by(CalendarRelease.year)
    )
    return list(session.scalars(query))


def _etag(rows: Sequence[CalendarRelease] | Sequence[Row[int, int, str]]) -> str:
    return '"' + sha256_text(";".join(f"{r.year}:{r.version}:{r.sha256}" for r in rows)) + '"'


def _latest_versions() -> Select[int, int, str]:
    latest = (
        select(CalendarRelease.year, func.max(CalendarRelease.version).label("version"))
        .group_by(CalendarRelease.year)
        .subquery()
    )
    return (
        select(CalendarRelease.year, CalendarRelease.version, CalendarRelease.sha256)
        .join(
            latest,
            (latest.c.year == CalendarRelease.year) & (latest.c.version == CalendarRelease.version),
        )
        .order_by(CalendarRelease.year)
    )


# Built once: every hello runs it, and needs the versions, not the documents' text.
_LATEST_VERSIONS = _latest_versions()


def current_etag(session: Session) -> str | None:
    rows = session.execute(_LATEST_VERSIONS).all()
    return _etag(rows) if rows else None


def calendar_set(ctx: ServerContext) -> CalendarSet:
    with ctx.db.read() as session:
        rows = _current(session)
    return CalendarSet(
        etag=_etag(rows),
        years=[
            CalendarYearRelease(
                year=r.year,
                version=r.version,
                sha256=r.sha256,
                published_at=ms_to_datetime(r.published_ms),
                document=r.document,
            )
            for r in rows
        ],
    )


def publish_text(ctx: ServerContext, text: str) -> list[CalendarPublishOutcome]:
    try:
        arrangements = read_arrangements(text)
    except CalendarRefused as exc:
        raise Refused(Refusal.CALENDAR_INVALID, str(exc)) from None
    now = ctx.now_ms()

    def work(session: Session) -> list[CalendarPublishOutcome]:
        outcomes = []
        for arrangement in arrangements:
            document = dump_year(arrangement)
            digest = sha256_text(document)
            held = session.scalars(
                select(CalendarRelease)
                .where(CalendarRelease.year == arrangement.year)
                .order_by(CalendarRelease.version.desc())
                .limit(1)
                .with_for_update()
            ).first()
            if held is not None and held.sha256 == digest:
                outcomes.append(
                    CalendarPublishOutcome(year=held.year, version=held.version, created=False)
                )
                continue
            version = 1 if held is None else held.version + 1
            session.add(
                CalendarRelease(
                    year=arrangement.year,
                    version=version,
                    document=document,
                    sha256=digest,
                    published_ms=now,
                )
            )
            outcomes.append(
                CalendarPublishOutcome(year=arrangement.year, version=version, created=True)
            )
        return outcomes

    return ctx.db.run_write(work)
