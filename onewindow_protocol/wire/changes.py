"""The changes feed: case status events and catalogue publications, by server sequence."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from pydantic import Field

from onewindow_protocol.wire.common import CaseStatus, Reply


class ChangeKind(enum.StrEnum):
    CASE_STATUS = "case.status"
    CATALOGUE_PUBLISHED = "catalogue.published"


class Certificate(Reply):
    """证照 / 准予行政许可决定书 data, numbered by the server in the approving transaction."""

    number: str = Field(description="e.g. 证字〔2026〕第000123号")
    number_ascii: str = Field(description="e.g. CERT-2026-000123")
    result_name: str
    holder: str
    scope: str | None = None
    valid_from: dt.date
    valid_until: dt.date | None = None
    issuing_authority: str
    issued_at: dt.datetime
    verification_code: str


class SupplementLine(Reply):
    material: str
    requirement: str | None = None


class SupplementRequest(Reply):
    lines: list[SupplementLine]
    note: str | None = None
    due_date: dt.date | None = None
    requested_by: str


class CaseEvent(Reply):
    case_id: uuid.UUID
    case_no: str
    status: CaseStatus
    version: int = Field(description="Counts the case's status changes; never goes backwards.")
    item_code: str
    item_version: int
    deferred_outstanding: bool = False
    certificate: Certificate | None = None
    reason: str | None = None
    supplement: SupplementRequest | None = None


class CatalogueEvent(Reply):
    release: int
    label: str
    etag: str


class Change(Reply):
    seq: int
    kind: ChangeKind
    at: dt.datetime
    case: CaseEvent | None = None
    catalogue: CatalogueEvent | None = None


class ChangesPage(Reply):
    epoch: str
    changes: list[Change]
    next_cursor: str = Field(description="Pass back as ?cursor= to read on; store with the data.")
    has_more: bool
