"""查证照 on the intake screen, both databases: the applicant's resident ID card found in the
registry and chosen, the material then 免提交 with its number, issuer and validity and its PDF
copy kept (sealed); an expired licence listed but refused; offline the box says why and a typed
number is saved as 待核验 with a check queued for the next sync. The server is an in-process
stand-in (httpx's mock transport) behind the real LicenceService; tests/sync/test_licences.py
asks the real server."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.audit.service import AuditService
from clerk_app.db.intake_models import CaseMaterial, LicenceCheck
from clerk_app.db.sync_models import REFRESH_CREDENTIAL
from clerk_app.intake.checklist import MaterialStatus
from clerk_app.intake.rules import Decision
from clerk_app.licences.service import LicenceService
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, Transport
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from ui.intake import checklist_edits as ce
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .intake_fixtures import ID_NUMBER
from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive

SERVER = "http://central.test"
PDF = b"%PDF-1.4\n% resident ID card\n%%EOF\n"
LICENCE_ID = "6f1d6c3e-8d0a-4f7e-9a53-0b1b8c1d2e3f"


def _licence(number: str, until: str, status: str) -> dict[str, object]:
    return {
        "id": LICENCE_ID if status == "valid" else "0f1d6c3e-8d0a-4f7e-9a53-0b1b8c1d2e3f",
        "type": "CN.RESIDENT_ID",
        "type_name": "居民身份证",
        "number": number,
        "holder_name": "张伟",
        "holder_masked": "110105********002X",
        "issuer": "北京市公安局西城分局",
        "valid_from": "2016-05-01",
        "valid_until": until,
        "status": status,
        "source": "imported",
        "copy_sha256": hashlib.sha256(PDF).hexdigest() if status == "valid" else None,
        "copy_size": len(PDF) if status == "valid" else None,
    }


class StandIn:
    def __init__(self) -> None:
        self.down = False
        self.asked: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        path = request.url.path
        if path == "/v1/token":
            body = {"access_token": "t", "expires_in": 900, "expires_at": "2026-11-24T10:00:00Z"}
            return httpx.Response(200, json=body)
        if path == f"/v1/licences/{LICENCE_ID}/copy":
            return httpx.Response(200, content=PDF, headers={"content-type": "application/pdf"})
        self.asked.append(json.loads(request.content))
        licences = [
            _licence("OLD-2006", "2016-05-01", "expired"),
            _licence(ID_NUMBER, "2036-05-01", "valid"),
        ]
        return httpx.Response(200, json={"licences": licences, "as_of": "2026-11-24T09:00:00Z"})


@pytest.fixture
def stand_in() -> StandIn:
    return StandIn()


@pytest.fixture
def licence_store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", TEST_RING)


@pytest.fixture
def licence_deps(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataCipher,
    deps: IntakeDeps,
    stand_in: StandIn,
    licence_store: BlobStore,
) -> IntakeDeps:
    def enrolled(session: object) -> None:
        row = state.load(session, for_update=True)  # type: ignore[arg-type]
        row.server_url = SERVER
        row.refresh_enc = protector.encrypt("refresh", context=REFRESH_CREDENTIAL)

    db.run_write(enrolled)

    def transport(url: str, credentials: Credentials, _timeout: float) -> Transport:
        http = httpx.Client(base_url=url, transport=httpx.MockTransport(stand_in))
        return Transport(url, credentials, http=http)

    licences = LicenceService(
        db,
        protector,
        AuditService(db, clock),
        licence_store,
        clock=clock,
        timeout_s=1,
        transport=transport,
    )
    return dataclasses.replace(deps, licences=licences)


def _select(panel: IntakePanel, key: str) -> None:
    model = panel.checklist
    panel.table.setCurrentIndex(model.index(model.row_of(key), ce.MATERIAL))


def _ready(qtbot: QtBot, panel: IntakePanel, tmp_path: Path) -> None:
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M03", "M04"])


def _accept(qtbot: QtBot, panel: IntakePanel) -> None:
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    assert accept.isEnabled(), accept.toolTip()
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()


def test_a_found_licence_replaces_the_material(
    qtbot: QtBot,
    db: Database,
    licence_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
    licence_store: BlobStore,
    tmp_path: Path,
) -> None:
    panel = make_panel(qtbot, licence_deps, runner, clerk_session)
    box = panel.licences
    assert box is not None
    _ready(qtbot, panel, tmp_path)
    _select(panel, "M01")  # no e-licence type: nothing to look up
    assert not box.button.isEnabled()
    _select(panel, "M02")  # 经营者身份证明: CN.RESIDENT_ID
    assert box.button.isEnabled()
    box.button.click()
    assert stand_in.asked == [{"holder": ID_NUMBER, "type": "CN.RESIDENT_ID"}]
    assert box.list.count() == 2
    expired = box.list.item(0)
    assert not expired.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "expired: it cannot replace the material" in expired.text()
    assert box.list.currentRow() == 1  # the valid one, ready to choose
    box.choose_button.click()
    record = panel.checklist.record("M02")
    assert record.elicence_number == ID_NUMBER and record.elicence is not None
    assert record.elicence.issuer == "北京市公安局西城分局"
    assert record.elicence.copy_sha256 == hashlib.sha256(PDF).hexdigest()
    assert licence_store.read_bytes(record.elicence.copy_sha256) == PDF
    shown = panel.checklist.index(panel.checklist.row_of("M02"), ce.ELICENCE).data()
    assert shown == f"{ID_NUMBER} (no paper needed)"  # 免提交 in Chinese
    assert "No paper needed: 居民身份证" in box.status.text()
    assert panel.assessment is not None
    m02 = next(s for s in panel.assessment.materials if s.key == "M02")
    assert m02.status is MaterialStatus.REPLACED
    _accept(qtbot, panel)
    with db.read() as session:
        row = session.scalars(select(CaseMaterial).where(CaseMaterial.material_code == "M02")).one()
        checks = session.scalars(select(LicenceCheck)).all()
    assert (row.elicence_check, row.elicence_issuer) == ("verified", "北京市公安局西城分局")
    assert row.elicence_copy_sha256 == hashlib.sha256(PDF).hexdigest() and checks == []


def test_offline_a_typed_number_is_to_verify(
    qtbot: QtBot,
    db: Database,
    licence_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
    tmp_path: Path,
) -> None:
    stand_in.down = True
    panel = make_panel(qtbot, licence_deps, runner, clerk_session)
    box = panel.licences
    assert box is not None
    _ready(qtbot, panel, tmp_path)
    _select(panel, "M02")
    box.button.click()
    assert box.status.text().startswith(
        "E-licences could not be checked (the central server cannot be reached)."
    )
    assert not box.list.isVisibleTo(panel)
    model = panel.checklist
    index = model.index(model.row_of("M02"), ce.ELICENCE)
    assert model.setData(index, ID_NUMBER, Qt.ItemDataRole.EditRole)
    assert index.data() == f"{ID_NUMBER} (to verify)"  # 待核验 in Chinese
    _accept(qtbot, panel)
    with db.read() as session:
        row = session.scalars(select(CaseMaterial).where(CaseMaterial.material_code == "M02")).one()
        (check,) = session.scalars(select(LicenceCheck)).all()
    assert row.elicence_check == "to_verify" and row.elicence_type == "CN.RESIDENT_ID"
    assert (check.state, check.licence_number, check.material_code) == ("pending", ID_NUMBER, "M02")
