"""Users and sign-in: argon2id password hashes, roles, lockout after repeated failures.

Failed attempts and the lockout are stored on the user row, so restarting the app does not
reset them; every sign-in, failure and lockout is an audit record.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.audit import Actor, AuditAction, AuditService, Outcome
from clerk_app.clock import Clock, SystemClock
from clerk_app.db.engine import Database
from clerk_app.db.models import User

log = logging.getLogger(__name__)

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


class Role(enum.StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class LoginFailure(enum.StrEnum):
    UNKNOWN_OR_WRONG = "unknown_or_wrong"  # never tell which, so usernames cannot be probed
    DISABLED = "disabled"
    LOCKED = "locked"  # too many failures; ``LoginFailed.locked_until_ms`` says until when


@dataclass(frozen=True, slots=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role


class LoginFailed(Exception):  # noqa: N818 - an expected outcome with a reason code
    def __init__(self, reason: LoginFailure, locked_until_ms: int | None = None) -> None:
        self.reason = reason
        self.locked_until_ms = locked_until_ms
        super().__init__(reason.value)


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """MLPS-style defaults: five failures lock the account for 30 minutes."""

    max_failures: int = 5
    lock_minutes: int = 30


@dataclass(frozen=True, slots=True)
class _Verdict:
    info: UserInfo | None = None
    failure: LoginFailed | None = None
    audit: list[tuple[AuditAction, Outcome, dict[str, object]]] = field(default_factory=list)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, Role(user.role))


class AuthService:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        audit: AuditService | None = None,
        lockout: LockoutPolicy | None = None,
    ) -> None:
        self._db = db
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)
        self._lockout = lockout or LockoutPolicy()

    def authenticate(self, username: str, password: str) -> UserInfo:
        """The user, or ``LoginFailed``; the failure count and lockout are committed either way."""
        name = username.strip().lower()

        def work(session: Session) -> _Verdict:
            user = session.scalars(select(User).where(User.username == name)).first()
            verdict = self._check(user, password)
            actor = Actor(user.id, user.display_name) if user else Actor(None, name[:100])
            for action, outcome, detail in verdict.audit:
                self._audit.append(
                    session,
                    action,
                    actor,
                    outcome=outcome,
                    target_kind="user",
                    target=name[:120],
                    detail=detail,
                )
            return verdict

        verdict = self._db.run_write(work)
        if verdict.failure is not None:
            raise verdict.failure
        assert verdict.info is not None
        return verdict.info

    def _check(self, user: User | None, password: str) -> _Verdict:
        now = self._clock.now_ms()
        if user is None:
            _HASHER.hash(password)  # same cost as a real check: no timing oracle
            return _Verdict(
                failure=LoginFailed(LoginFailure.UNKNOWN_OR_WRONG),
                audit=[(AuditAction.LOGIN_FAILED, Outcome.DENIED, {"reason": "unknown_user"})],
            )
        if user.locked_until_ms is not None and user.locked_until_ms > now:
            return _Verdict(
                failure=LoginFailed(LoginFailure.LOCKED, user.locked_until_ms),
                audit=[(AuditAction.LOGIN_FAILED, Outcome.DENIED, {"reason": "locked"})],
            )
        try:
            _HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return self._failed(user, now)
        if not user.active:
            return _Verdict(
                failure=LoginFailed(LoginFailure.DISABLED),
                audit=[(AuditAction.LOGIN_FAILED, Outcome.DENIED, {"reason": "disabled"})],
            )
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.failed_logins, user.locked_until_ms = 0, None
        log.info("user id %d signed in", user.id)
        return _Verdict(info=_info(user), audit=[(AuditAction.LOGIN, Outcome.OK, {})])

    def _failed(self, user: User, now: int) -> _Verdict:
        log.info("failed login for user id %d", user.id)
        user.failed_logins = (user.failed_logins or 0) + 1
        audit: list[tuple[AuditAction, Outcome, dict[str, object]]] = [
            (
                AuditAction.LOGIN_FAILED,
                Outcome.DENIED,
                {"reason": "wrong_password", "failures": user.failed_logins},
            )
        ]
        if user.failed_logins < self._lockout.max_failures:
            return _Verdict(failure=LoginFailed(LoginFailure.UNKNOWN_OR_WRONG), audit=audit)
        user.failed_logins = 0
        user.locked_until_ms = now + self._lockout.lock_minutes * 60_000
        log.warning("user id %d locked after repeated failed logins", user.id)
        audit.append((AuditAction.LOCKOUT, Outcome.OK, {"minutes": self._lockout.lock_minutes}))
        return _Verdict(failure=LoginFailed(LoginFailure.LOCKED, user.locked_until_ms), audit=audit)

    def unlock(self, username: str, by: UserInfo) -> None:
        """Lift a lockout before it expires (supervisors and administrators only)."""
        from clerk_app.authz import require_role  # noqa: PLC0415 - authz builds on this module

        require_role(self._audit, by, "unlock a user", Role.SUPERVISOR, Role.ADMIN)
        name = username.strip().lower()

        def work(session: Session) -> None:
            user = session.scalars(select(User).where(User.username == name)).one()
            user.failed_logins, user.locked_until_ms = 0, None
            self._audit.append(
                session,
                AuditAction.UNLOCK,
                Actor(by.user_id, by.display_name),
                target_kind="user",
                target=name,
            )

        self._db.run_write(work)

    def logout(self, user: UserInfo) -> None:
        self._audit.record(
            AuditAction.LOGOUT,
            Actor(user.user_id, user.display_name),
            target_kind="user",
            target=user.username,
        )

    def list_users(self) -> list[UserInfo]:
        def work(session: Session) -> list[UserInfo]:
            users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.id))
            return [_info(u) for u in users]

        return self._db.run_read(work)
