"""What the audit trail records and what its verification reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class AuditAction(enum.StrEnum):
    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    LOCKOUT = "auth.lockout"
    LOGOUT = "auth.logout"
    UNLOCK = "auth.unlock"
    SCREEN_LOCK = "auth.screen_lock"
    SCREEN_UNLOCK = "auth.screen_unlock"
    PASSWORD_CHANGE = "auth.password_change"  # noqa: S105 - an action name
    PASSWORD_RESET = "auth.password_reset"  # noqa: S105 - an administrator set it
    ACCESS_DENIED = "auth.access_denied"
    USER_CREATE = "user.create"
    ROLE_CHANGE = "user.role_change"
    USER_DISABLE = "user.disable"
    DECISION = "case.decision"
    OVERRIDE = "case.override"
    POST_CHECK = "case.post_check"  # 告知承诺: what the post-check found
    PRINT = "doc.print"
    REPRINT = "doc.reprint"  # any paper printed again as a copy
    PRINT_CHECK = "doc.print_check"  # a clerk's look at an unconfirmed job's paper
    PAPER_SIGNED = "paper.signed"  # signed on a pad: which paper, who, the hashes (no image)
    HANDOVER = "case.handover"
    CREDIT_CHECK = "credit.check"  # a joint-punishment list lookup: masked identifier, result
    LICENCE_LOOKUP = "licence.lookup"  # an e-licence lookup: masked holder, type, numbers found
    LICENCE_VERIFIED = "licence.verified"  # a typed licence number confirmed on sync
    LICENCE_FAILED = "licence.failed"  # a typed licence number the registry did not confirm
    IDCARD_READ = "idcard.read"  # a card read at intake: its kind and masked number only
    IDCARD_PHOTO_CHECK = "idcard.photo_check"  # the clerk's verdict on card photo and person
    CASE_ASSISTANCE = "case.assistance"  # 帮办代办: a helper's work for an applicant
    EXPORT = "data.export"
    CONFIG_CHANGE = "config.change"
    CATALOGUE_CHANGE = "catalogue.change"
    CALENDAR_CHANGE = "calendar.change"
    QUEUE_SUPERVISION = "queue.supervision"
    AUDIT_EXPORT = "audit.export"
    AUDIT_PURGE = "audit.purge"
    KEY_ROTATION = "crypto.key_rotation"
    DB_RESTORE = "db.restore"  # an SQLite hall restored from a backup (maintenance restore)
    # An outbox operation the server answered ``conflict`` or ``rejected``, one parked because
    # its scan is gone from this PC, and a person putting a parked one back in line.
    SYNC_CONFLICT = "sync.conflict"
    SYNC_REJECTED = "sync.rejected"
    SYNC_PARKED = "sync.parked"
    SYNC_RETRY = "sync.retry"


class Outcome(enum.StrEnum):
    OK = "ok"
    DENIED = "denied"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One record as read back (the detail is its JSON text, as stored and hashed)."""

    seq: int
    at_ms: int
    actor_id: int | None
    actor: str
    action: str
    outcome: str
    target_kind: str | None
    target: str | None
    detail: str


class ProblemKind(enum.StrEnum):
    EDITED = "edited"  # the record's own hash does not match its content
    LINK_BROKEN = "link_broken"  # it does not link to the record before it (inserted or deleted)
    GAP = "gap"  # numbers missing (records deleted)
    TAIL_MISSING = "tail_missing"  # the head names a later record than the last one found
    HEAD_MISSING = "head_missing"  # records exist but the head row is gone


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    seq: int | None
    detail: str

    def __str__(self) -> str:
        where = f"record {self.seq}: " if self.seq is not None else ""
        return f"{where}{self.kind.value} ({self.detail})"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    checked: int
    first_seq: int | None
    last_seq: int | None
    problems: tuple[Problem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


class PersonalDataInAudit(ValueError):  # noqa: N818 - a programming error, named for what it is
    """A detail value looked like an ID number or a phone: the audit trail must not hold them."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did it: a signed-in user, or the system itself (``user_id`` None)."""

    user_id: int | None
    name: str


SYSTEM = Actor(None, "system")
