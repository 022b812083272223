"""Users and sign-in: argon2id password hashes, roles."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

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


class LoginFailed(Exception):  # noqa: N818 - an expected outcome with a reason code
    def __init__(self, reason: LoginFailure) -> None:
        self.reason = reason
        super().__init__(reason.value)


@dataclass(frozen=True, slots=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, Role(user.role))


class AuthService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def authenticate(self, username: str, password: str) -> UserInfo:
        def work(session: Session) -> UserInfo:
            user = session.scalars(
                select(User).where(User.username == username.strip().lower())
            ).first()
            if user is None:
                _HASHER.hash(password)  # same cost as a real check: no timing oracle
                raise LoginFailed(LoginFailure.UNKNOWN_OR_WRONG)
            try:
                _HASHER.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                log.info("failed login for user id %d", user.id)
                raise LoginFailed(LoginFailure.UNKNOWN_OR_WRONG) from None
            if not user.active:
                raise LoginFailed(LoginFailure.DISABLED)
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            log.info("user id %d signed in", user.id)
            return _info(user)

        return self._db.run_write(work)

    def list_users(self) -> list[UserInfo]:
        def work(session: Session) -> list[UserInfo]:
            users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.id))
            return [_info(u) for u in users]

        return self._db.run_read(work)
