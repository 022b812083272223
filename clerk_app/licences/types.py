"""What a licence lookup or verification found, and why nothing when it could not ask."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from clerk_app.credit.types import UnknownReason
from clerk_app.intake.checklist import LicenceProof, MaterialRecord


class LookupState(enum.StrEnum):
    FOUND = "found"  # the server holds licences of the holder (of the type)
    NONE = "none"  # it holds none
    UNKNOWN = "unknown"  # not asked or not answered: the clerk may type the number (待核验)


class LicenceCheck(enum.StrEnum):
    """Where a licence standing in for a material stands (``case_material.elicence_check``)."""

    VERIFIED = "verified"  # chosen from the registry, or a typed number the server confirmed
    TO_VERIFY = "to_verify"  # typed by hand (or offline): verified on the next sync (待核验)
    FAILED = "failed"  # the server said not found, revoked, expired or someone else's


class VerifyOutcome(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"
    HOLDER_MISMATCH = "holder_mismatch"


@dataclass(frozen=True, slots=True)
class Licence:
    id: str
    type_code: str
    type_name: str
    number: str
    holder_name: str
    holder_masked: str
    issuer: str
    valid_from: dt.date
    valid_until: dt.date | None
    status: str  # valid | revoked | expired, on the server's day
    source: str  # issued | imported
    copy_sha256: str | None
    copy_size: int | None

    @property
    def usable(self) -> bool:
        """Only a valid licence stands in for a material."""
        return self.status == VerifyOutcome.VALID.value


@dataclass(frozen=True, slots=True)
class LicenceLookup:
    state: LookupState
    holder_masked: str
    checked_ms: int
    licences: tuple[Licence, ...] = ()
    unknown_reason: UnknownReason | None = None


@dataclass(frozen=True, slots=True)
class Verification:
    """A verification's answer; ``outcome`` None when it could not be asked (``unknown_reason``)."""

    outcome: VerifyOutcome | None
    licence: Licence | None = None
    unknown_reason: UnknownReason | None = None


class NotUsable(Exception):  # noqa: N818 - an expected refusal with its reason
    """A revoked or expired licence cannot stand in for a material."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


def replacing_record(licence: Licence, copy_sha256: str | None) -> MaterialRecord:
    """The material's record once ``licence`` (chosen from a lookup) replaces it (免提交)."""
    if not licence.usable:
        raise NotUsable(licence.status)
    proof = LicenceProof(
        licence.type_code, licence.issuer, licence.valid_from, licence.valid_until, copy_sha256
    )
    return MaterialRecord(elicence_number=licence.number, elicence=proof)
