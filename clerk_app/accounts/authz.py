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

Every public operation of a service is classified where it is defined: :func:`requires` guards
a privileged operation with the :class:`Permission` it needs (before the method runs,
:func:`require` reads the caller's role from the database and, on a refusal, audits it and
raises); :func:`open_to_clerks` declares an operation any signed-in user may call (a clerk's
own work, or a read). A test walks the services and fails on a public method that carries
neither, so a new operation cannot ship unclassified.

The audit trail's own service is guarded too: this module records a refusal through the
:class:`AuditTrail` it is given and imports only the audit trail's types.
"""

from __future__ import annotations

import enum
import functools
import getpass
import inspect
import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import select

from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.audit.types import Actor, AuditAction, Outcome
from clerk_app.db.models import User
from clerk_app.db.security_models import SecuritySetting
from onewindow_base.db.engine import Database


class AuditTrail(Protocol):
    """Where a refusal is recorded (:class:`clerk_app.audit.service.AuditService`)."""

    def record(
        self,
        action: AuditAction,
        actor: Actor = ...,
        *,
        outcome: Outcome = ...,
        target_kind: str | None = None,
        target: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> int: ...


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
    DECIDE = "decide a case at the counter"
    ASSIST = "record assistance given to an applicant"


class PermissionDenied(Exception):  # noqa: N818 - an expected refusal with its reason
    def __init__(self, action: str, role: str) -> None:
        self.action = action
        self.role = role
        super().__init__(f"a {role} may not {action}")


OPEN_TO_CLERKS = "open to clerks"
OPERATOR_PARAMETER = "by"
_CLASSIFICATION = "__authz__"


@dataclass(frozen=True, slots=True)
class Gate:
    """What a guarded service gives :func:`requires`: where to check and record; ``operator``
    for a service bound to one user (the supervisor's desk), whose methods take no ``by``."""

    audit: AuditTrail
    db: Database
    operator: Operator | None = None


class Guarded(Protocol):
    def _gate(self) -> Gate: ...


S = TypeVar("S", bound=Guarded)
P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., object])
Refusal = Callable[["Operator"], Exception]


def requires(
    permission: Permission, *, operator: str = OPERATOR_PARAMETER, refused: Refusal | None = None
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Guard a service method: the check runs before it, for the operator passed as the
    argument named ``operator`` (else the service's :attr:`Gate.operator`). A refusal is
    audited, then raised as ``PermissionDenied``, or as ``refused(operator)`` where the
    service's callers expect a refusal of its own type."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        signature = inspect.signature(method)
        takes_operator = operator in signature.parameters
        name = method.__qualname__

        @functools.wraps(method)
        def guarded(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            gate = self._gate()
            by = (
                signature.bind(self, *args, **kwargs).arguments.get(operator)
                if takes_operator
                else gate.operator
            )
            if by is None:
                raise TypeError(f"{name} needs the operator who calls it")
            try:
                require(gate.audit, gate.db, by, permission, operation=name)
            except PermissionDenied:
                if refused is None:
                    raise
                raise refused(by) from None
            return method(self, *args, **kwargs)

        setattr(guarded, _CLASSIFICATION, permission)
        return guarded

    return decorate


def open_to_clerks(method: F) -> F:
    """Declare a public service method callable by any signed-in user (a clerk's work, or a
    read); nothing is checked."""
    setattr(method, _CLASSIFICATION, OPEN_TO_CLERKS)
    return method


def classification(method: object) -> Permission | str | None:
    """The permission a method requires, :data:`OPEN_TO_CLERKS`, or None (unclassified)."""
    value = getattr(method, _CLASSIFICATION, None)
    return value if isinstance(value, (Permission, str)) else None


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
    # Accept, notice, defer, refuse: the window's clerk (a supervisor standing in); never the
    # assistance staff (帮办代办员), whose help is recorded on the case they do not decide.
    Permission.DECIDE: frozenset({Role.CLERK, Role.SUPERVISOR}),
    Permission.ASSIST: frozenset({Role.HELPER, Role.SUPERVISOR}),
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
    audit: AuditTrail,
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
