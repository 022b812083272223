"""Role checks in the service layer: every path (GUI, CLI, API) goes through them.

Each administrator or supervisor operation names a :class:`Permission`; the service method asks
:func:`require` before it changes anything. A denial raises ``PermissionDenied`` and leaves an
``auth.access_denied`` audit record (outcome ``denied``) in a transaction of its own, so the
refusal is on record even though the refused action wrote nothing.

Separation of duties (三员分立, MLPS level 3) is a hall-wide switch kept in the database
(``security_setting``), so no PC's config file can loosen it. Off (the default), ``admin`` may
do all administration. On, ``admin`` may do none of it: the system administrator
(``sysadmin``: users, catalogue, configuration), the security administrator (``secadmin``:
keys, roles, the switch itself) and the audit administrator (``auditadmin``: audit export and
purge) each do only their own part; and the command line without ``--user`` (the host's
operator, see :class:`HostOperator`) may do none of it either.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select

from clerk_app.audit import Actor, AuditAction, AuditService, Outcome
from clerk_app.auth import Role, UserInfo
from clerk_app.db.engine import Database
from clerk_app.db.models import User
from clerk_app.db.security_models import SecuritySetting

SEPARATION_KEY = "separate_admin_duties"


class Permission(enum.StrEnum):
    CATALOGUE = "change the catalogue"
    CALENDAR = "change the holiday calendar"
    USERS = "manage user accounts"
    PASSWORD_RESET = "reset a password"  # noqa: S105 - an operation name
    UNLOCK = "unlock a user"
    ROLES = "change a role"
    SECURITY_SETTINGS = "change the security settings"
    KEYS = "manage the encryption keys"
    AUDIT_EXPORT = "export the audit trail"
    AUDIT_PURGE = "purge the audit trail"
    DATA_EXPORT = "export hall figures"
    QUEUE_SUPERVISION = "supervise the queue"
    OVERRIDE = "override a failed check"
    POST_CHECK = "record a notify-and-commit post-check"


_SUPERVISING = frozenset({Role.SUPERVISOR})
# Who may do what when duties are separated; ``admin`` additionally may do all of it when not.
_GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.CATALOGUE: frozenset({Role.SYSADMIN}),
    Permission.CALENDAR: frozenset({Role.SYSADMIN}),
    Permission.USERS: frozenset({Role.SYSADMIN}),
    Permission.PASSWORD_RESET: frozenset({Role.SYSADMIN}),
    Permission.UNLOCK: frozenset({Role.SYSADMIN, Role.SUPERVISOR}),
    Permission.ROLES: frozenset({Role.SECADMIN}),
    Permission.SECURITY_SETTINGS: frozenset({Role.SECADMIN}),
    Permission.KEYS: frozenset({Role.SECADMIN}),
    Permission.AUDIT_EXPORT: frozenset({Role.AUDITADMIN}),
    Permission.AUDIT_PURGE: frozenset({Role.AUDITADMIN}),
    Permission.DATA_EXPORT: frozenset({Role.SUPERVISOR, Role.SYSADMIN}),
    Permission.QUEUE_SUPERVISION: _SUPERVISING,
    Permission.OVERRIDE: _SUPERVISING,
    Permission.POST_CHECK: _SUPERVISING,
}
SEPARATED_ROLES = (Role.SYSADMIN, Role.SECADMIN, Role.AUDITADMIN)


@dataclass(frozen=True, slots=True)
class HostOperator:
    """The command line run without ``--user``: whoever holds this PC's database credentials
    and hall key file (the installer, the hall's IT staff). Trusted as an administrator while
    duties are not separated, refused for every administration once they are."""

    os_user: str

    @property
    def actor(self) -> Actor:
        return Actor(None, f"cli:{self.os_user}"[:100])


@dataclass(frozen=True, slots=True)
class Account:
    """A signed-in user known by id and name only (the supervisor behind a dashboard): the
    role is read from the database at every check anyway."""

    user_id: int
    display_name: str


Operator = UserInfo | HostOperator | Account


def actor_of(by: Operator) -> Actor:
    return by.actor if isinstance(by, HostOperator) else Actor(by.user_id, by.display_name)


class PermissionDenied(Exception):  # noqa: N818 - an expected refusal with its reason
    def __init__(self, action: str, role: str) -> None:
        self.action = action
        self.role = role
        super().__init__(f"a {role} may not {action}")


def duties_separated(db: Database) -> bool:
    value = db.run_read(
        lambda s: s.scalar(
            select(SecuritySetting.value).where(SecuritySetting.key == SEPARATION_KEY)
        )
    )
    return value == "on"


def allowed(role: Role, permission: Permission, *, separated: bool) -> bool:
    if role in _GRANTS[permission]:
        return True
    return role is Role.ADMIN and not separated


def require(audit: AuditService, db: Database, by: Operator, permission: Permission) -> None:
    """Return if ``by`` may; else audit the refusal and raise ``PermissionDenied``.

    A signed-in user's role is read from the database now, not taken from the caller's copy:
    a role changed or an account disabled since sign-in counts at once.
    """
    separated = duties_separated(db)
    if isinstance(by, HostOperator):
        if not separated:
            return
        role = "host operator"
    else:
        current = _current_role(db, by)
        if current is not None and allowed(Role(current), permission, separated=separated):
            return
        role = current or "disabled account"
    audit.record(
        AuditAction.ACCESS_DENIED,
        actor_of(by),
        outcome=Outcome.DENIED,
        target_kind="operation",
        target=permission.value,
        detail={"role": role, "separated": separated},
    )
    raise PermissionDenied(permission.value, role)


def _current_role(db: Database, user: UserInfo | Account) -> str | None:
    return db.run_read(
        lambda s: s.scalar(select(User.role).where(User.id == user.user_id, User.active.is_(True)))
    )


def require_role(audit: AuditService, user: UserInfo, action: str, *allowed: Role) -> None:
    """The older, fixed-role check (kept for its callers); prefer :func:`require`."""
    if user.role in allowed:
        return
    audit.record(
        AuditAction.ACCESS_DENIED,
        Actor(user.user_id, user.display_name),
        outcome=Outcome.DENIED,
        target_kind="operation",
        target=action,
        detail={"role": user.role.value},
    )
    raise PermissionDenied(action, user.role.value)
