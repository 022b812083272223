"""Role checks in the service layer: every path (GUI, CLI, API) goes through them.

A denial raises ``PermissionDenied`` and leaves an audit record in a transaction of its own, so
the refusal is on record even though the refused action wrote nothing.
"""

from __future__ import annotations

from clerk_app.audit import Actor, AuditAction, AuditService, Outcome
from clerk_app.auth import Role, UserInfo


class PermissionDenied(Exception):  # noqa: N818 - an expected refusal with its reason
    def __init__(self, action: str, role: Role) -> None:
        self.action = action
        self.role = role
        super().__init__(f"a {role.value} may not {action}")


def require_role(audit: AuditService, user: UserInfo, action: str, *allowed: Role) -> None:
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
    raise PermissionDenied(action, user.role)
