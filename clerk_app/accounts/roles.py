"""Who a user is to the app: the roles and the signed-in user.

Apart from :mod:`clerk_app.accounts.auth` (signing in) so that
:mod:`clerk_app.accounts.authz` (the role checks) can build on them while the sign-in
service's own administration is guarded by it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    CLERK = "clerk"
    HELPER = "helper"  # 帮办代办员: helps applicants; records it on the case, decides nothing
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    # With separated duties (三员分立; see clerk_app.accounts.authz) instead of ``admin``:
    SYSADMIN = "sysadmin"  # users, catalogue, configuration
    SECADMIN = "secadmin"  # keys, roles, security settings
    AUDITADMIN = "auditadmin"  # the audit trail


@dataclass(frozen=True, slots=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role
