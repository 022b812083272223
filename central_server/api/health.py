"""``GET /v1/health``: for the reverse proxy and the operator, no token needed.

It says which worker process answered (``serve --workers N`` runs N of them behind one port)
and whether that worker reaches the database: 503 when it does not, so a proxy's health check
takes the server out of rotation until the database is back.
"""

from __future__ import annotations

import logging
import os

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from central_server import __version__
from central_server.api.deps import Svc

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["operations"])


class Health(BaseModel):
    status: str = Field(description="ok, or database_unreachable (then HTTP 503)")
    version: str = Field(description="the server's version")
    worker: int = Field(description="the process id of the worker that answered")


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database does not answer"}},
    summary="Liveness for a reverse proxy: this worker and its database answer",
)
def health(svc: Svc) -> JSONResponse:
    try:
        with svc.ctx.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        log.info("health check: the database does not answer (%s)", type(exc).__name__)
        reply = Health(status="database_unreachable", version=__version__, worker=os.getpid())
        return JSONResponse(reply.model_dump(), status_code=503)
    reply = Health(status="ok", version=__version__, worker=os.getpid())
    return JSONResponse(reply.model_dump())
