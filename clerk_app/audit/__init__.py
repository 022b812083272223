"""The append-only, hash-chained audit trail (see ``clerk_app.db.audit_models``)."""

from clerk_app.audit.service import AuditService, RetentionRefused
from clerk_app.audit.types import (
    SYSTEM,
    Actor,
    AuditAction,
    AuditEntry,
    Outcome,
    PersonalDataInAudit,
    Problem,
    ProblemKind,
    VerifyReport,
)

__all__ = [
    "SYSTEM",
    "Actor",
    "AuditAction",
    "AuditEntry",
    "AuditService",
    "Outcome",
    "PersonalDataInAudit",
    "Problem",
    "ProblemKind",
    "RetentionRefused",
    "VerifyReport",
]
