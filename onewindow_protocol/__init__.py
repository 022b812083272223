"""What the counter and the central server both speak: shared by ``clerk_app`` and
``central_server``, importing neither (an import-linter contract holds it).

It holds the catalogue file (:mod:`onewindow_protocol.catalogue`) and the protocol's header
and versions (:mod:`onewindow_protocol.version`).
"""
