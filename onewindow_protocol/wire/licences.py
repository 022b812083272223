"""The e-licence registry (电子证照库) as a counter asks it (docs/sync-protocol.md).

The holder's identifier travels in a POST body, never in a URL: URLs end up in access logs. A
licence is named in URLs only by its opaque id.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated

from pydantic import Field, StringConstraints

from onewindow_protocol.wire.common import CaseNo, Reply, Request, Sha256
from onewindow_protocol.wire.credit import Subject

# The catalogue's e-licence type codes (``onewindow_protocol.catalogue.models.LICENCE_TYPE``).
LicenceType = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_.-]{1,64}$")]
LicenceNumber = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{1,80}$")]


class LicenceStatus(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"  # withdrawn by its issuer
    EXPIRED = "expired"  # past its last valid day (the server's day)


class LicenceSource(enum.StrEnum):
    ISSUED = "issued"  # a certificate of a case this server approved
    IMPORTED = "imported"  # brought in by ``central-server licences import``


class VerifyOutcome(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"  # no licence of this type and number
    HOLDER_MISMATCH = "holder_mismatch"  # it exists, held by someone else (invalid for them)


class LicenceLookupRequest(Request):
    holder: Subject = Field(description="The holder's resident ID number or credit code.")
    type: LicenceType | None = Field(None, description="Only licences of this type.")


class LicenceOut(Reply):
    id: uuid.UUID = Field(description="Opaque; names the licence's PDF copy.")
    type: str = Field(description="The e-licence type code, as in the catalogue.")
    type_name: str = Field(description="The type's name, e.g. 营业执照.")
    number: str
    holder_name: str
    holder_masked: str = Field(description="The holder's identifier, masked.")
    issuer: str
    valid_from: dt.date
    valid_until: dt.date | None = Field(None, description="Last valid day; null: no end.")
    status: LicenceStatus = Field(description="On the server's day of the answer.")
    source: LicenceSource
    copy_sha256: Sha256 | None = Field(None, description="The PDF copy's SHA-256; null: none.")
    copy_size: int | None = None


class LicenceLookupReply(Reply):
    licences: list[LicenceOut] = Field(description="Every licence of the holder (and type).")
    as_of: dt.datetime = Field(description="The server's time of the answer.")


class LicenceVerifyRequest(Request):
    type: LicenceType
    number: LicenceNumber
    holder: Subject
    case_no: CaseNo | None = Field(
        None,
        description="The case whose material the number stands in for (待核验, verified on "
        "sync): the server records the outcome on that material of its copy of the case, "
        "when the case is of the asking device's hall.",
    )
    material: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = Field(
        None, description="The material's code in that case (with ``case_no``)."
    )


class LicenceVerifyReply(Reply):
    outcome: VerifyOutcome
    licence: LicenceOut | None = Field(
        None, description="The licence, when it is the holder's (any outcome but the two misses)."
    )
    as_of: dt.datetime


class LicenceIn(Request):
    """One licence of ``central-server licences import`` (the command line, not the HTTP API);
    the file format is docs/licence-import.md."""

    type: LicenceType
    type_name: Annotated[
        str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)
    ]
    number: LicenceNumber
    holder: Subject
    holder_name: Annotated[
        str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)
    ]
    issuer: Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
    valid_from: dt.date
    valid_until: dt.date | None = None
    revoked: bool = False
    copy_file: str | None = Field(None, description="The PDF copy's path, relative to the file.")
