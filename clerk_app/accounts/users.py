"""Account administration: create users, change roles, disable accounts, separate duties.

Every administration names the operator and is guarded with its permission
(``clerk_app.accounts.authz.requires``); the change and its audit record commit together. Password
resets and unlocks are :class:`clerk_app.accounts.auth.AuthService`'s (they need the hasher and the
lockout rules).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.accounts.auth import AuthService, PasswordRejected
from clerk_app.accounts.authz import (
    SEPARATED_ROLES,
    SEPARATION_KEY,
    Gate,
    HostOperator,
    Operator,
    Permission,
    actor_of,
    duties_separated,
    open_to_clerks,
    require,
    requires,
)
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.db.models import Hall, User
from clerk_app.db.security_models import SecuritySetting
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database


class UserRefused(ValueError):  # noqa: N818 - an expected refusal with its reason
    pass


class UserAdmin:
    def __init__(self, db: Database, auth: AuthService, *, clock: Clock | None = None) -> None:
        self._db = db
        self._auth = auth
        self._clock = clock or SystemClock()
        self._audit = AuditService(db, self._clock)

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @requires(Permission.USERS)
    def create_user(
        self, username: str, display_name: str, role: Role, password: str, *, by: Operator
    ) -> UserInfo:
        """A new account; it must choose its own password at the first sign-in. Any role but
        clerk also needs the permission to give roles."""
        if role is not Role.CLERK:
            require(self._audit, self._db, by, Permission.ROLES, operation="UserAdmin.create_user")
        name = username.strip().lower()
        if not name or not display_name.strip():
            raise UserRefused("a user needs a name and a display name")
        problems = self._auth.policy.problems(password, username=name)
        if problems:
            raise PasswordRejected(problems)
        password_hash = self._auth.hash(password)

        def work(session: Session) -> UserInfo:
            if session.scalar(select(User.id).where(User.username == name)) is not None:
                raise UserRefused(f"the user {name} exists")
            hall_id = session.scalar(select(func.min(Hall.id)))
            if hall_id is None:
                raise UserRefused("set up the hall first (clerk-app demo, or the installer)")
            user = User(
                hall_id=hall_id,
                username=name,
                display_name=display_name.strip(),
                role=role.value,
                password_hash=password_hash,
                active=True,
                must_change_password=True,
                password_changed_ms=self._clock.now_ms(),
            )
            session.add(user)
            session.flush()
            self._audit.append(
                session,
                AuditAction.USER_CREATE,
                actor_of(by),
                target_kind="user",
                target=name,
                detail={"role": role.value},
            )
            return UserInfo(user.id, name, user.display_name, role)

        return self._db.run_write(work)

    @requires(Permission.ROLES)
    def change_role(self, username: str, role: Role, *, by: Operator) -> None:
        name = username.strip().lower()

        def work(session: Session) -> None:
            user = self._user(session, name)
            old = user.role
            user.role = role.value
            self._audit.append(
                session,
                AuditAction.ROLE_CHANGE,
                actor_of(by),
                target_kind="user",
                target=name,
                detail={"from": old, "to": role.value},
            )

        self._db.run_write(work)

    @requires(Permission.USERS)
    def disable(self, username: str, *, by: Operator) -> None:
        name = username.strip().lower()

        def work(session: Session) -> None:
            self._user(session, name).active = False
            self._audit.append(
                session, AuditAction.USER_DISABLE, actor_of(by), target_kind="user", target=name
            )

        self._db.run_write(work)

    @requires(Permission.SECURITY_SETTINGS)
    def separate_duties(self, on: bool, *, by: Operator) -> None:
        """Turn separation of duties on or off (a security administrator's decision).

        Turning it on is refused unless an active system, security and audit administrator
        exist: otherwise nobody could administer the hall, or turn it off again.
        """

        def work(session: Session) -> None:
            if on:
                present = set(
                    session.scalars(
                        select(User.role).where(
                            User.active.is_(True),
                            User.role.in_([r.value for r in SEPARATED_ROLES]),
                        )
                    )
                )
                missing = [r.value for r in SEPARATED_ROLES if r.value not in present]
                if missing:
                    raise UserRefused(f"create these administrators first: {', '.join(missing)}")
            row = session.get(SecuritySetting, SEPARATION_KEY)
            if row is None:
                row = SecuritySetting(key=SEPARATION_KEY, value="", changed_ms=0)
                session.add(row)
            row.value = "on" if on else "off"
            row.changed_ms = self._clock.now_ms()
            row.changed_by = None if isinstance(by, HostOperator) else by.user_id
            self._audit.append(
                session,
                AuditAction.CONFIG_CHANGE,
                actor_of(by),
                target_kind="security_setting",
                target=SEPARATION_KEY,
                detail={"value": row.value},
            )

        self._db.run_write(work)

    @open_to_clerks
    def duties_separated(self) -> bool:
        return duties_separated(self._db)

    @staticmethod
    def _user(session: Session, name: str) -> User:
        user = session.scalars(select(User).where(User.username == name)).first()
        if user is None:
            raise UserRefused(f"no user {name}")
        return user
