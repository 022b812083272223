"""Every public operation of a service, classified where it is defined.

:func:`requires` guards a privileged operation with the :class:`Permission` it needs: before
the method runs, :func:`clerk_app.authz.require` reads the caller's role from the database and,
on a refusal, audits it and raises. :func:`open_to_clerks` declares an operation any signed-in
user may call (a clerk's own work, or a read). A test walks the services and fails on a public
method that carries neither, so a new operation cannot ship unclassified.

Apart from :mod:`clerk_app.authz` because the audit trail's own service is guarded too, and the
role checks build on the audit trail.
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

if TYPE_CHECKING:
    from clerk_app.audit.service import AuditService
    from clerk_app.authz import Operator
    from onewindow_base.db.engine import Database


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

    audit: AuditService
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
            from clerk_app.authz import require  # noqa: PLC0415 - authz builds on the audit trail

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
