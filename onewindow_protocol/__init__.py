"""What the counter and the central server both speak: shared by ``clerk_app`` and
``central_server``, importing neither (an import-linter contract holds it).

- :mod:`onewindow_protocol.wire`: the pydantic models of every request and reply of the sync
  protocol (``docs/sync-protocol.md``), one module per area (auth, backoffice, blobs, calendars,
  catalogue, changes, common, ops); the server's API and the counter's sync client both use them.
- :mod:`onewindow_protocol.version`: the protocol's header and the versions each side accepts.
- :mod:`onewindow_protocol.catalogue`: the catalogue file (``docs/catalogue-format.md``).
"""
