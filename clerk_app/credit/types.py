"""What a credit check found, and why it found nothing when it could not ask."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class CreditState(enum.StrEnum):
    CLEAR = "clear"  # the server says: on no list in force
    LISTED = "listed"  # on the joint-punishment list: 容缺 and 告知承诺 are refused
    UNKNOWN = "unknown"  # not checked: those two need a supervisor's recorded override


class UnknownReason(enum.StrEnum):
    NOT_ENROLLED = "not_enrolled"  # this counter has no central server
    OFFLINE = "offline"  # the server could not be reached
    TIMEOUT = "timeout"  # it did not answer within the credit check's timeout
    INVALID_REPLY = "invalid_reply"  # it answered something that is not an answer
    REFUSED = "refused"  # it refused (a revoked device, an upgrade needed, an error)
    NOT_CHECKABLE = "not_checkable"  # not a resident ID number or credit code (a passport)
    PENDING = "pending"  # asked, no answer yet: nothing the answer could refuse is open


@dataclass(frozen=True, slots=True)
class Listing:
    reason: str
    measure: str
    source: str
    listed_since: dt.date
    until: dt.date | None


@dataclass(frozen=True, slots=True)
class CreditCheck:
    """One answer; ``checked_ms`` is this counter's time of it, ``server_as_of_ms`` the
    server's (None when the server gave none)."""

    state: CreditState
    identifier_masked: str
    checked_ms: int
    unknown_reason: UnknownReason | None = None
    listings: tuple[Listing, ...] = ()
    server_as_of_ms: int | None = None
    reused: bool = False  # a fresh earlier answer given again, not asked anew

    @property
    def source(self) -> str:
        """Where the answer came from, as recorded with the case."""
        return "central_server" if self.state is not CreditState.UNKNOWN else "none"

    def record(self) -> dict[str, object]:
        """The check as the case keeps it (the decision's detail) and the audit trail shows it."""
        return {
            "status": self.state.value,
            "checked_ms": self.checked_ms,
            "source": self.source,
            "unknown_reason": self.unknown_reason.value if self.unknown_reason else None,
            "server_as_of_ms": self.server_as_of_ms,
            "identifier": self.identifier_masked,
            "reasons": [listing.reason for listing in self.listings],
        }
