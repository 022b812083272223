"""The counter's sync engine: push the outbox, pull status changes and the catalogue
(docs/sync-rules.md, docs/sync-protocol.md). ``engine.SyncEngine.run_cycle`` is one sync; the CLI
and the app call it.
"""
