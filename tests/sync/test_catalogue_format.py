"""A catalogue release of a format newer than the counter reads: the counter keeps its
catalogue and says it needs an upgrade (not a list of unknown fields)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.models import CatalogueRelease
from clerk_app.catalogue.format import FORMAT_VERSION, document_json
from clerk_app.catalogue.store import CatalogueStore
from clerk_app.sync import state
from tests.sync.conftest import World


def _active(w: World) -> list[str]:
    return [v.label for v in CatalogueStore(w.db).versions() if v.active]


def test_a_release_of_a_newer_format_asks_for_an_upgrade_and_keeps_the_catalogue(
    world: World,
) -> None:
    w = world
    assert w.sync().ok
    held = _active(w)
    raw = document_json(CatalogueStore(w.db).export_document())
    w.server.publish({**raw, "version": "2027.01"})

    def newer_server_wrote_it(s: Session) -> None:
        newest = s.scalars(select(CatalogueRelease).order_by(CatalogueRelease.release.desc()))
        row = newest.first()
        assert row is not None
        row.header = {**row.header, "format_version": FORMAT_VERSION + 1}

    w.server.services.ctx.db.run_write(newer_server_wrote_it)
    report = w.sync()
    assert report.error_kind == "upgrade"
    assert report.error is not None and "newer version of OneWindow" in report.error
    assert w.db.run_read(state.status).last_error_code == "upgrade/catalogue_newer_format"
    assert _active(w) == held
