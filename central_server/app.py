"""The app factory: settings (database URL, data dir, token lifetimes), a clock → FastAPI app.

``create_app`` opens and migrates the database, checks the epoch guard (a restored database
gets a new epoch) and wires the services; ``build_app`` alone assembles the routes, which is
all ``central-server openapi`` needs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central_server import __version__
from central_server.api import (
    appointments,
    backoffice,
    blobs,
    calendars,
    catalogue,
    credit,
    device,
    figures,
    figures_page,
    health,
    licences,
    notifications,
    ops,
    ratings,
)
from central_server.api.errors import install
from central_server.composition import Services, create_services
from central_server.settings import ServerSettings, settings_from_environment
from onewindow_base import logsafety
from onewindow_base.clock import Clock
from onewindow_protocol.version import CURRENT_PROTOCOL, PROTOCOL_HEADER
from onewindow_protocol.wire.notifications import DeliveryReports
from onewindow_protocol.wire.ops import PAYLOADS

# Bodies an endpoint reads as bytes first (a signature over them), then validates itself.
BODIES_READ_RAW = (DeliveryReports,)
APP_FACTORY = "central_server.app:app_from_environment"
LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"  # which worker

DESCRIPTION = """The reference central approval server that OneWindow counters sync with.

The wire protocol is described in `docs/sync-protocol.md`. Device endpoints need the
`OneWindow-Protocol: 1` header and a device access token; back-office endpoints a back-office
token. Operation payloads are checked per operation against the schema named in
`x-operation-payloads` (`kind@schema_version` → schema).
"""


class ProtocolHeader:
    """Every response names the protocol version the server speaks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((PROTOCOL_HEADER.lower().encode(), str(CURRENT_PROTOCOL).encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_header)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    mapping: dict[str, str] = {}
    for (kind, version), model in PAYLOADS.items():
        schema = TypeAdapter(model).json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
        mapping[f"{kind.value}@{version}"] = f"#/components/schemas/{model.__name__}"
    spec["x-operation-payloads"] = mapping
    for model in BODIES_READ_RAW:
        schema = TypeAdapter(model).json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    app.openapi_schema = spec
    return spec


def build_app(services: Services | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if services is not None:
            services.dispatcher.start()
        yield
        if services is not None:
            services.dispatcher.stop()
            services.ctx.db.dispose()

    app = FastAPI(
        title="OneWindow central approval server",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.services = services
    install(app)
    for module in (device, blobs, ops, catalogue, calendars, credit, licences, backoffice, ratings):
        app.include_router(module.router)
    app.include_router(appointments.router)
    app.include_router(notifications.router)
    app.include_router(health.router)
    app.include_router(figures.router)
    app.include_router(figures_page.router)
    app.add_middleware(ProtocolHeader)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def create_app(settings: ServerSettings, *, clock: Clock | None = None) -> FastAPI:
    return build_app(create_services(settings, clock))


def app_from_environment() -> FastAPI:
    """The app of one ``central-server serve --workers N`` worker: uvicorn starts each worker
    as a fresh interpreter and calls this by name (``APP_FACTORY``), so the settings come from
    the environment ``serve`` prepared (``settings_from_environment``) and logging is set up
    here, as ``main()`` would. Workers share nothing but the database and the data directory;
    starting N at once is safe (``docs/sync-protocol.md``, "Several servers")."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logsafety.install()
    return create_app(settings_from_environment())
