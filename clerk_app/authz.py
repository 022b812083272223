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

Services carry the check as a decorator, :func:`clerk_app.guards.requires` (re-exported here).
"""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass, field

from sqlalchemy import select

from clerk_app.audit import Actor, AuditAction, AuditService, Outcome
from clerk_app.db.models import User
from clerk_app.db.security_models import SecuritySetting
from clerk_app.guards import (
    OPEN_TO_CLERKS,
    Gate,
    Permission,
    PermissionDenied,
    classification,
    open_to_clerks,
    requires,
)
from clerk_app.roles import Role, UserInfo
from onewindow_base.db.engine import Database

__all__ = [
    "OPEN_TO_CLERKS",
    "SEPARATED_ROLES",
    "SEPARATION_KEY",
    "Account",
    "Gate",
    "HostOperator",
    "Operator",
    "Permission",
    "PermissionDenied",
    "actor_of",
    "allowed",
    "classification",
    "duties_separated",
    "open_to_clerks",
    "require",
    "requires",
]

SEPARATION_KEY = "separate_admin_duties"


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
    duties are not separated, refused for every administration once they are.

    Its audit records name the OS user and the host (``cli:ops@hall-pc-3``), so a change made
    this way stays attributable to an account on a machine."""

    os_user: str
    host: str = field(default_factory=socket.gethostname)

    @classmethod
    def here(cls) -> HostOperator:
        """The account running this process on this machine; an account the OS has no name
        for (a container or service user without a passwd entry) by its numeric id."""
        try:
            user = getpass.getuser()
        except (OSError, KeyError):  # KeyError up to Python 3.12, OSError from 3.13
            user = f"uid{os.getuid()}"
        return cls(user)

    @property
    def actor(self) -> Actor:
        return Actor(None, f"cli:{self.os_user}@{self.host}"[:100])


@dataclass(frozen=True, slots=True)
class Account:
    """A signed-in user known by id and name only (the supervisor behind a dashboard): the
    role is read from the database at every check anyway."""

    user_id: int
    display_name: str


Operator = UserInfo | HostOperator | Account


def actor_of(by: Operator) -> Actor:
    return by.actor if isinstance(by, HostOperator) else Actor(by.user_id, by.display_name)


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


def require(
    audit: AuditService,
    db: Database,
    by: Operator,
    permission: Permission,
    *,
    operation: str | None = None,
) -> None:
    """Return if ``by`` may; else audit the refusal and raise ``PermissionDenied``.

    A signed-in user's role is read from the database now, not taken from the caller's copy:
    a role changed or an account disabled since sign-in counts at once. ``operation`` names the
    refused method in the record (e.g. ``QueueService.cancel``).
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
    detail: dict[str, object] = {"role": role, "separated": separated}
    if operation is not None:
        detail["operation"] = operation
    audit.record(
        AuditAction.ACCESS_DENIED,
        actor_of(by),
        outcome=Outcome.DENIED,
        target_kind="operation",
        target=permission.value,
        detail=detail,
    )
    raise PermissionDenied(permission.value, role)


def _current_role(db: Database, user: UserInfo | Account) -> str | None:
    return db.run_read(
        lambda s: s.scalar(select(User.role).where(User.id == user.user_id, User.active.is_(True)))
    )
