"""The append-only, hash-chained audit trail (see ``clerk_app.db.audit_models``): the service
(:mod:`clerk_app.audit.service`), its values (:mod:`clerk_app.audit.types`) and the chain.
"""
