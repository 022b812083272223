"""The services of one server process, built once: by each worker of ``serve`` (the app,
``central_server.app``) and by every other ``central-server`` command, which need no web
framework (the CLI imports the app only to serve or to write its OpenAPI document)."""

from __future__ import annotations

from dataclasses import dataclass

from central_server.blob_key import server_blob_store
from central_server.context import ServerContext
from central_server.db import open_central_database
from central_server.services.backoffice import BackOffice
from central_server.services.epoch import EpochGuard, check_at_start
from central_server.services.message_dispatch import Dispatcher
from central_server.services.ops import OperationService
from central_server.settings import ServerSettings
from onewindow_base.clock import Clock, SystemClock


@dataclass(frozen=True, slots=True)
class Services:
    ctx: ServerContext
    guard: EpochGuard
    ops: OperationService
    backoffice: BackOffice
    dispatcher: Dispatcher  # the process's text-message sender, run by the app's lifespan


def create_services(settings: ServerSettings, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    blobs = server_blob_store(settings, clock.now_ms())
    db = open_central_database(settings.db_url, ring=blobs.ring)
    ctx = ServerContext(db=db, settings=settings, clock=clock, blobs=blobs)
    guard = EpochGuard(settings.data_dir)
    try:
        check_at_start(ctx, guard)
    except BaseException:
        db.dispose()  # a refused start closes its connections, not the garbage collector
        raise
    dispatcher = Dispatcher(ctx)
    return Services(
        ctx=ctx,
        guard=guard,
        ops=OperationService(ctx, guard, dispatcher.kick),
        backoffice=BackOffice(ctx, guard, dispatcher.kick),
        dispatcher=dispatcher,
    )
