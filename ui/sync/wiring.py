"""Building the app's sync from the settings: the engine (with the hall key ring, which holds
the device credential), the demo central server when ``--with-server`` asks for it, and the
controller with a task runner of its own."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject

from clerk_app.services import Services
from clerk_app.settings import data_dir
from clerk_app.sync.demo_server import DemoServer, start_demo_server
from clerk_app.sync.engine import SyncEngine
from clerk_app.sync.status import SyncMonitor
from onewindow_base.crypto.keys import KeyStoreError
from onewindow_base.db.engine import Database
from ui.sync.controller import SyncController
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEMO_SERVER_DIR = "central-demo"


@dataclass(frozen=True, slots=True)
class BuiltSync:
    engine: SyncEngine | None = None
    server: DemoServer | None = None


def build_sync(services: Services, *, with_server: bool) -> BuiltSync:
    """Runs in the background at start. Without a hall key ring there is no sync (the device
    credential is kept encrypted with it); the log says so."""
    try:
        engine = services.sync
    except KeyStoreError as exc:
        log.info("no background sync: %s", exc)
        return BuiltSync()
    if not with_server:
        return BuiltSync(engine)
    server = start_demo_server(
        services.db, engine.protector, services.hall.code, data_dir() / DEMO_SERVER_DIR
    )
    return BuiltSync(engine, server)


@dataclass
class SyncParts:
    """What the app keeps while it runs; ``shutdown`` after the event loop, in this order."""

    controller: SyncController
    runner: TaskRunner
    engine: SyncEngine
    server: DemoServer | None = None

    def shutdown(self) -> None:
        self.controller.shutdown()
        self.runner.shutdown()  # waits for a running cycle
        self.engine.close()
        if self.server is not None:
            self.server.stop()


def start_sync(
    engine: SyncEngine,
    server: DemoServer | None,
    db: Database,
    parent: QObject,
    *,
    hall_id: int | None = None,
) -> SyncParts:
    """``hall_id``: the panel lists failed e-licence verifications of this hall's cases."""
    runner = TaskRunner()
    monitor = SyncMonitor(db, hall_id=hall_id)
    controller = SyncController(engine, monitor, runner, parent=parent)
    controller.start()
    return SyncParts(controller, runner, engine, server)
