"""Holiday arrangements as the central server publishes them (docs/sync-protocol.md)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from onewindow_protocol.wire.common import Reply, Sha256


class CalendarYearRelease(Reply):
    year: int = Field(ge=1900, le=2200)
    version: int = Field(ge=1, description="Raised each time the province republishes the year.")
    sha256: Sha256 = Field(description="SHA-256 of the document's UTF-8 bytes.")
    published_at: dt.datetime
    document: str = Field(
        description="The year as a OneWindow calendar file (docs/calendar.md), canonical text: "
        "the State Council's whole arrangement (complete = true)."
    )


class CalendarSet(Reply):
    etag: str = Field(description="Changes whenever any year is published or republished.")
    years: list[CalendarYearRelease] = Field(description="The version in force of each year.")


class CalendarPublishOutcome(Reply):
    year: int
    version: int
    created: bool = Field(description="False: the same text was already the year's version.")
