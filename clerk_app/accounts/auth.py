"""Users and sign-in: argon2id password hashes, roles, lockout, password changes and expiry.

Failed attempts and the lockout are stored on the user row, so restarting the app does not
reset them; every sign-in, failure, lockout, screen unlock and password change is an audit
record. Hashing is slow on purpose (argon2id, 64 MiB), so it runs between a short read and a
short write transaction, never inside the write: on SQLite the write lock is the whole hall's.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.accounts.password_policy import CommonPasswords, PasswordPolicy, PasswordProblem
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction, Outcome
from clerk_app.db.models import User
from clerk_app.db.security_models import PasswordHistory
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

__all__ = [
    "AuthService",
    "LockoutPolicy",
    "LoginFailed",
    "LoginFailure",
    "PasswordRejected",
    "Role",
    "UserInfo",
    "hash_password",
]

log = logging.getLogger(__name__)

# argon2id with the library's recommended parameters (RFC 9106's low-memory profile: 64 MiB,
# 3 passes): what a hall's new hashes cost, read when a hash is made or an AuthService built.
# A test process lowers it for itself (tests/passwords.py), as Django's test settings do; a hall
# never does, and a hash keeps the cost it was made with (an account's next sign-in rehashes a
# cheaper one, ``check_needs_rehash``).
DEFAULT_HASHER = PasswordHasher()


class LoginFailure(enum.StrEnum):
    UNKNOWN_OR_WRONG = "unknown_or_wrong"  # never tell which, so usernames cannot be probed
    DISABLED = "disabled"
    LOCKED = "locked"  # too many failures; ``LoginFailed.locked_until_ms`` says until when
    # The right password, but it must be changed to go on: too old, or set by an administrator.
    PASSWORD_EXPIRED = "password_expired"  # noqa: S105 - a reason code
    PASSWORD_MUST_CHANGE = "password_must_change"  # noqa: S105 - a reason code


class LoginFailed(Exception):  # noqa: N818 - an expected outcome with a reason code
    def __init__(self, reason: LoginFailure, locked_until_ms: int | None = None) -> None:
        self.reason = reason
        self.locked_until_ms = locked_until_ms
        super().__init__(reason.value)

    def __reduce__(self) -> tuple[type[LoginFailed], tuple[LoginFailure, int | None]]:
        # Pickled with its own arguments (Exception's default passes ``args``, the reason's text,
        # which __init__ cannot take): a sign-in refused in a worker process reaches its parent.
        return LoginFailed, (self.reason, self.locked_until_ms)


class PasswordRejected(Exception):  # noqa: N818 - an expected outcome with reason codes
    """The new password breaks the policy; ``problems`` lists every rule it breaks."""

    def __init__(self, problems: list[PasswordProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(", ".join(p.value for p in problems))


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """MLPS-style defaults: five failures lock the account for 30 minutes."""

    max_failures: int = 5
    lock_minutes: int = 30


AuditItem = tuple[AuditAction, Outcome, dict[str, object]]


@dataclass(frozen=True, slots=True)
class _Account:
    """What the slow checks need, read in a short transaction before them."""

    user_id: int
    password_hash: str
    locked_until_ms: int | None
    history: tuple[str, ...]


@dataclass(slots=True)
class _Verdict:
    info: UserInfo | None = None
    failure: Exception | None = None
    audit: list[AuditItem] = field(default_factory=list)


Decision = Callable[[Session, User, int], _Verdict]
# Reads and checks of one sign-in when the stored hash keeps changing under it (each change is
# another sign-in's or an administrator's write; three in the time of one check is not a race)
_CHANGED_MEANWHILE_ATTEMPTS = 3


def hash_password(password: str, hasher: PasswordHasher | None = None) -> str:
    return (hasher or DEFAULT_HASHER).hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, Role(user.role))


def _denied(reason: str, failure: LoginFailure, until: int | None = None) -> _Verdict:
    return _Verdict(
        failure=LoginFailed(failure, until),
        audit=[(AuditAction.LOGIN_FAILED, Outcome.DENIED, {"reason": reason})],
    )


class AuthService:
    def __init__(
        self,
        db: Database,
        *,
        clock: Clock | None = None,
        audit: AuditService | None = None,
        lockout: LockoutPolicy | None = None,
        policy: PasswordPolicy | None = None,
        common: CommonPasswords | None = None,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._db = db
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)
        self._lockout = lockout or LockoutPolicy()
        self.policy = policy or PasswordPolicy.mlps()
        if common is None and self.policy.refuse_common:
            common = CommonPasswords.load()
        self._common = common
        self._hasher = hasher or DEFAULT_HASHER

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @open_to_clerks
    def hash(self, password: str) -> str:
        """A new password hash with this service's parameters (for new accounts)."""
        return self._hasher.hash(password)

    # ---------------------------------------------------------------- signing in
    @open_to_clerks
    def authenticate(self, username: str, password: str) -> UserInfo:
        """The user, or ``LoginFailed``; the failure count and lockout are committed either way.

        A right but expired password (or one an administrator set) fails with
        ``PASSWORD_EXPIRED`` / ``PASSWORD_MUST_CHANGE``: the UI then asks for a new one and
        calls :meth:`change_password`.
        """
        return self._sign_in(username, password, AuditAction.LOGIN, check_age=True)

    @open_to_clerks
    def unlock_screen(self, user: UserInfo, password: str) -> None:
        """Re-authenticate the signed-in clerk at the idle lock; failures count toward lockout."""
        self._sign_in(user.username, password, AuditAction.SCREEN_UNLOCK, check_age=False)

    @open_to_clerks
    def lock_screen(self, user: UserInfo) -> None:
        self._audit.record(
            AuditAction.SCREEN_LOCK,
            Actor(user.user_id, user.display_name),
            target_kind="user",
            target=user.username,
        )

    def _sign_in(
        self, username: str, password: str, action: AuditAction, *, check_age: bool
    ) -> UserInfo:
        name = username.strip().lower()

        def check(account: _Account | None) -> Decision:
            ok, rehash = self._check_password(account, password)

            def decide(_session: Session, user: User, now: int) -> _Verdict:
                if not ok:
                    return self._failed(user, now)
                if not user.active:
                    return _denied("disabled", LoginFailure.DISABLED)
                user.failed_logins, user.locked_until_ms = 0, None
                if rehash is not None:
                    user.password_hash = rehash
                if check_age and user.must_change_password:
                    return _denied("password_must_change", LoginFailure.PASSWORD_MUST_CHANGE)
                if check_age and self.policy.expired(user.password_changed_ms, now):
                    return _denied("password_expired", LoginFailure.PASSWORD_EXPIRED)
                log.info("user id %d signed in", user.id)
                return _Verdict(info=_info(user), audit=[(action, Outcome.OK, {})])

            return decide

        verdict = self._checked(name, check, history=False)
        if verdict.failure is not None:
            raise verdict.failure
        assert verdict.info is not None
        return verdict.info

    def _read_account(self, name: str, *, history: bool) -> _Account | None:
        def work(session: Session) -> _Account | None:
            user = session.scalars(select(User).where(User.username == name)).first()
            if user is None:
                return None
            old: tuple[str, ...] = ()
            if history:
                rows = session.scalars(
                    select(PasswordHistory.password_hash)
                    .where(PasswordHistory.user_id == user.id)
                    .order_by(PasswordHistory.replaced_ms.desc(), PasswordHistory.id.desc())
                )
                old = tuple(rows)
            return _Account(user.id, user.password_hash, user.locked_until_ms, old)

        return self._db.run_read(work)

    def _check_password(self, account: _Account | None, password: str) -> tuple[bool, str | None]:
        """(right?, a fresh hash when the stored one uses outdated parameters)."""
        if account is None:
            self._hasher.hash(password)  # same cost as a real check: no timing oracle
            return False, None
        if account.locked_until_ms is not None and account.locked_until_ms > self._clock.now_ms():
            return False, None  # not even checked: a locked account's guesses tell nothing
        if not self._matches(account.password_hash, password):
            return False, None
        if self._hasher.check_needs_rehash(account.password_hash):
            return True, self._hasher.hash(password)
        return True, None

    def _matches(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def _checked(
        self, name: str, check: Callable[[_Account | None], Decision], *, history: bool
    ) -> _Verdict:
        """Read the account, ``check`` the password against it outside any transaction (the
        slow part), then write what it decided. When the stored hash changed in between (the
        same clerk signing in at a second PC upgraded it, an administrator reset it), it is
        read and checked again: a sign-in is judged on the password stored, never refused
        for the race; only a hash that keeps changing is refused, and the clerk tries again."""
        for attempt in range(1, _CHANGED_MEANWHILE_ATTEMPTS + 1):
            account = self._read_account(name, history=history)
            verdict = self._write(
                name, account, check(account), last=attempt == _CHANGED_MEANWHILE_ATTEMPTS
            )
            if verdict is not None:
                return verdict
        raise AssertionError("unreachable: the last attempt always decides")

    def _write(
        self, name: str, account: _Account | None, decide: Decision, *, last: bool
    ) -> _Verdict | None:
        """The short write: lock state as it is now, then ``decide``, then the audit records;
        None (nothing written) when the hash changed since ``account`` was read, unless
        ``last``."""

        def work(session: Session) -> _Verdict | None:
            now = self._clock.now_ms()
            user = session.scalars(select(User).where(User.username == name)).first()
            if user is None or account is None or user.id != account.user_id:
                verdict = _denied("unknown_user", LoginFailure.UNKNOWN_OR_WRONG)
            elif user.locked_until_ms is not None and user.locked_until_ms > now:
                verdict = _denied("locked", LoginFailure.LOCKED, user.locked_until_ms)
            elif user.password_hash != account.password_hash:
                # Changed since it was read: judge nothing, count nothing; read it again.
                if not last:
                    return None
                verdict = _denied("password_changed_meanwhile", LoginFailure.UNKNOWN_OR_WRONG)
            else:
                verdict = decide(session, user, now)
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

        return self._db.run_write(work)

    def _failed(self, user: User, now: int) -> _Verdict:
        log.info("failed login for user id %d", user.id)
        user.failed_logins = (user.failed_logins or 0) + 1
        audit: list[AuditItem] = [
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

    # ---------------------------------------------------------------- passwords
    @open_to_clerks
    def change_password(self, username: str, old: str, new: str) -> None:
        """The user's own change: ``LoginFailed`` for a wrong old password (counted toward the
        lockout), ``PasswordRejected`` with every broken rule for a bad new one."""
        name = username.strip().lower()

        def check(account: _Account | None) -> Decision:
            ok, _ = self._check_password(account, old)
            problems: list[PasswordProblem] = []
            new_hash = None
            if ok and account is not None:
                problems = self.policy.problems(new, username=name, common=self._common)
                if self._reused(account, new):
                    problems.append(PasswordProblem.REUSED)
                if not problems:
                    new_hash = self._hasher.hash(new)

            def decide(session: Session, user: User, now: int) -> _Verdict:
                if not ok:
                    return self._failed(user, now)
                user.failed_logins, user.locked_until_ms = 0, None
                if new_hash is None:
                    detail: dict[str, object] = {"problems": [p.value for p in problems]}
                    return _Verdict(
                        failure=PasswordRejected(problems),
                        audit=[(AuditAction.PASSWORD_CHANGE, Outcome.DENIED, detail)],
                    )
                self._store(session, user, new_hash, now, must_change=False)
                return _Verdict(
                    info=_info(user), audit=[(AuditAction.PASSWORD_CHANGE, Outcome.OK, {})]
                )

            return decide

        verdict = self._checked(name, check, history=True)
        if verdict.failure is not None:
            raise verdict.failure

    def _reused(self, account: _Account, new: str) -> bool:
        if self.policy.history <= 0:
            return False
        recent = (account.password_hash, *account.history[: self.policy.history - 1])
        return any(self._matches(stored, new) for stored in recent)

    def _store(
        self, session: Session, user: User, new_hash: str, now: int, *, must_change: bool
    ) -> None:
        """Replace the hash; the old one joins the history, which keeps ``history - 1``."""
        keep = self.policy.history - 1
        if keep > 0:
            session.add(
                PasswordHistory(user_id=user.id, password_hash=user.password_hash, replaced_ms=now)
            )
            session.flush()
        kept = (
            select(PasswordHistory.id)
            .where(PasswordHistory.user_id == user.id)
            .order_by(PasswordHistory.replaced_ms.desc(), PasswordHistory.id.desc())
            .limit(max(keep, 0))
        )
        session.execute(
            delete(PasswordHistory).where(
                PasswordHistory.user_id == user.id,
                PasswordHistory.id.not_in(kept.scalar_subquery()),
            )
        )
        user.password_hash = new_hash
        user.password_changed_ms = now
        user.must_change_password = must_change

    @requires(Permission.PASSWORD_RESET)
    def set_password(self, username: str, new: str, by: Operator) -> None:
        """An administrator sets (resets) a password: checked against the policy, the lockout
        lifted, and the user must choose their own at the next sign-in."""
        name = username.strip().lower()
        problems = self.policy.problems(new, username=name, common=self._common)
        if problems:
            raise PasswordRejected(problems)
        new_hash = self._hasher.hash(new)

        def work(session: Session) -> None:
            user = session.scalars(select(User).where(User.username == name)).one()
            self._store(session, user, new_hash, self._clock.now_ms(), must_change=True)
            user.failed_logins, user.locked_until_ms = 0, None
            self._audit.append(
                session, AuditAction.PASSWORD_RESET, actor_of(by), target_kind="user", target=name
            )

        self._db.run_write(work)

    # ---------------------------------------------------------------- administration
    @requires(Permission.UNLOCK)
    def unlock(self, username: str, by: Operator) -> None:
        """Lift a lockout before it expires (supervisors and administrators only)."""
        name = username.strip().lower()

        def work(session: Session) -> None:
            user = session.scalars(select(User).where(User.username == name)).one()
            user.failed_logins, user.locked_until_ms = 0, None
            self._audit.append(
                session, AuditAction.UNLOCK, actor_of(by), target_kind="user", target=name
            )

        self._db.run_write(work)

    @open_to_clerks
    def logout(self, user: UserInfo) -> None:
        self._audit.record(
            AuditAction.LOGOUT,
            Actor(user.user_id, user.display_name),
            target_kind="user",
            target=user.username,
        )

    @open_to_clerks
    def list_users(self) -> list[UserInfo]:
        def work(session: Session) -> list[UserInfo]:
            users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.id))
            return [_info(u) for u in users]

        return self._db.run_read(work)
