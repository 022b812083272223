"""E-licences (电子证照) against the real reference server over HTTP, through the fault proxy:
lookups found and none, unknown with its reason when the server is down, too slow or answers
nonsense; the PDF copy kept sealed; a typed number accepted offline (待核验) and verified on the
next sync exactly once, however the sync is retried or killed; a failure reaching the clerk's
list, the supervisor's alerts and the audit trail. The counter keeps deciding throughout."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from central_server.models import Case as ServerCase
from central_server.services.licence_import import import_file
from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.credit.types import UnknownReason
from clerk_app.db.intake_models import CaseMaterial, LicenceCheck
from clerk_app.intake.checklist import LicenceProof, MaterialRecord, MaterialStatus, ReasonCode
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType
from clerk_app.licences.checks import LicenceFailures
from clerk_app.licences.service import LicenceService
from clerk_app.licences.types import LookupState
from onewindow_base.crashpoint import EXIT_CODE
from tests.sync.conftest import CLIENT_TIMEOUT_S, World
from tests.sync.proxy import Rule
from tests.sync.test_credit import SLOW_TIMEOUT_S, Switch, _dead_url

HOLDER = "440524188001010014"
OTHER = "11010519491231002X"
ITEM, SITUATION = "22010001001700000017", "01"  # M02 经营者身份证明 takes CN.RESIDENT_ID
LOOKUP, VERIFY = "/v1/licences/lookup", "/v1/licences/verify"
CLERK = Actor(3, "窗口三")
PDF = b"%PDF-1.4\n% resident ID card copy\n%%EOF\n"


@pytest.fixture
def switch() -> Switch:
    return Switch()


def _service(w: World, switch: Switch) -> Iterator[LicenceService]:
    found = LicenceService(
        w.db,
        w.cipher,
        AuditService(w.db, w.clock),
        w.store,
        clock=w.clock,
        timeout_s=CLIENT_TIMEOUT_S,
        transport=switch.transport,
    )
    yield found
    found.close()


@pytest.fixture
def service(any_world: World, switch: Switch) -> Iterator[LicenceService]:
    yield from _service(any_world, switch)


@pytest.fixture
def sqlite_service(world: World, switch: Switch) -> Iterator[LicenceService]:
    yield from _service(world, switch)


def _import(w: World, tmp_path: Path, *entries: dict[str, object]) -> None:
    (tmp_path / "id.pdf").write_bytes(PDF)
    path = tmp_path / "licences.json"
    path.write_text(json.dumps({"licences": list(entries)}, ensure_ascii=False), "utf-8")
    report = import_file(w.server.services.ctx, path)
    assert not report.errors, report.errors


def _id_card(number: str = HOLDER, holder: str = HOLDER, **kw: object) -> dict[str, object]:
    return {
        "type": "CN.RESIDENT_ID",
        "type_name": "居民身份证",
        "number": number,
        "holder": holder,
        "holder_name": "李四",
        "issuer": "潮安县公安局",
        "valid_from": "2016-05-01",
        "valid_until": "2036-05-01",
        "copy_file": "id.pdf",
        **kw,
    }


def _audit(w: World, action: str) -> list[dict[str, object]]:
    entries = AuditService(w.db).entries(0, 2**62)
    return [json.loads(e.detail) for e in entries if e.action == action]


def test_lookup_found_none_and_the_copy_sealed(
    any_world: World, service: LicenceService, tmp_path: Path
) -> None:
    w = any_world
    _import(w, tmp_path, _id_card(), _id_card("OLD-1", valid_until="2020-01-01", copy_file=None))
    found = service.lookup(HOLDER, "CN.RESIDENT_ID", by=CLERK)
    assert found.state is LookupState.FOUND and found.holder_masked == "440524********0014"
    assert [(x.number, x.status, x.usable) for x in found.licences] == [
        (HOLDER, "valid", True),
        ("OLD-1", "expired", False),
    ]
    none = service.lookup(OTHER, by=CLERK)
    assert (none.state, none.licences) == (LookupState.NONE, ())
    sha = service.fetch_copy(found.licences[0])
    assert sha is not None and w.store.read_bytes(sha) == PDF
    sealed = b"".join(p.read_bytes() for p in Path(w.store.root).rglob("*") if p.is_file())
    assert PDF not in sealed  # encrypted at rest, like the scans
    assert service.fetch_copy(found.licences[1]) is None  # it has none
    trail = _audit(w, "licence.lookup")
    assert [t["status"] for t in trail] == ["found", "none"]
    assert HOLDER not in json.dumps([t["holder"] for t in trail])


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("down", UnknownReason.OFFLINE),
        ("slow", UnknownReason.TIMEOUT),
        ("html", UnknownReason.INVALID_REPLY),
        ("truncate_json", UnknownReason.INVALID_REPLY),
        ("status", UnknownReason.OFFLINE),
    ],
)
def test_a_fault_gives_unknown_with_its_reason(
    world: World,
    sqlite_service: LicenceService,
    switch: Switch,
    tmp_path: Path,
    fault: str,
    reason: UnknownReason,
) -> None:
    w = world
    _import(w, tmp_path, _id_card())
    if fault == "down":
        switch.down = _dead_url()
    elif fault == "slow":
        switch.timeout_s = SLOW_TIMEOUT_S
        w.proxy.add(Rule("hold", "POST", LOOKUP))
    else:
        w.proxy.add(Rule(fault, "POST", LOOKUP, status=503))
    found = sqlite_service.lookup(HOLDER, "CN.RESIDENT_ID", by=CLERK)
    assert (found.state, found.unknown_reason) == (LookupState.UNKNOWN, reason)
    w.proxy.release()
    switch.down, switch.timeout_s = None, CLIENT_TIMEOUT_S
    w.proxy.clear()
    assert sqlite_service.lookup(HOLDER, by=CLERK).state is LookupState.FOUND


def _intake(w: World) -> IntakeService:
    return IntakeService(
        w.db,
        CatalogueService(w.db),
        w.cipher,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=w.clock,
        scans_required=False,
    )


GOT = MaterialRecord(received=True, original_checked=True, copies=1)


def _accept(w: World, m02: MaterialRecord, holder: str = HOLDER) -> str:
    intake = _intake(w)
    clerk = AuthService(w.db).authenticate("clerk3", "clerk3-demo")
    applicant = ApplicantInput(ApplicantKind.PERSON, "李四", IdType.RESIDENT_ID, holder)
    records = {"M01": GOT, "M02": m02, "M03": GOT, "M04": GOT}
    draft = CaseDraft(applicant, ITEM, SITUATION, records)
    m02_state = next(s for s in intake.assess(draft).materials if s.key == "M02")
    assert m02_state.status is MaterialStatus.REPLACED
    return intake.decide(draft, Decision.ACCEPT, clerk, window=3).case_number


def _on_server(w: World, case: str, material: str = "M02") -> dict[str, object] | None:
    """What the server's copy of the case records of the material's e-licence."""
    with w.server.services.ctx.db.read() as s:
        row = s.scalars(select(ServerCase).where(ServerCase.case_no == case)).one()
        found = next(m for m in row.materials if m.get("code") == material)
    return found.get("e_licence")


def _m02(w: World) -> CaseMaterial:
    with w.db.read() as s:
        return s.scalars(select(CaseMaterial).where(CaseMaterial.material_code == "M02")).one()


def test_a_chosen_licence_is_verified_at_once(world: World, tmp_path: Path) -> None:
    w = world
    _import(w, tmp_path, _id_card())
    proof = LicenceProof("CN.RESIDENT_ID", "潮安县公安局", dt.date(2016, 5, 1), dt.date(2036, 5, 1))
    _accept(w, MaterialRecord(elicence_number=HOLDER, elicence=proof))
    assert _m02(w).elicence_check == "verified" and _m02(w).elicence_issuer == "潮安县公安局"
    assert w.db.run_read(lambda s: s.scalars(select(LicenceCheck)).all()) == []


def test_a_typed_number_offline_is_verified_on_sync_exactly_once(
    any_world: World, tmp_path: Path, switch: Switch
) -> None:
    """Server down at the counter: the number is typed, the case accepted (待核验). The first
    sync's verify reply is cut (asked, not recorded); the next one records it, once."""
    w = any_world
    _import(w, tmp_path, _id_card())
    offline = next(_service(w, switch))
    switch.down = _dead_url()
    assert offline.lookup(HOLDER, "CN.RESIDENT_ID", by=CLERK).state is LookupState.UNKNOWN
    case = _accept(w, MaterialRecord(elicence_number=f" {HOLDER} "))
    assert _m02(w).elicence_check == "to_verify"
    w.proxy.add(Rule("drop_mid_response", "POST", VERIFY))
    cut = w.sync()
    assert not cut.ok and case in w.server_cases()  # the case went; the verification waits
    assert _m02(w).elicence_check == "to_verify"
    report = w.sync()
    assert report.ok and (report.licences_verified, report.licences_failed) == (1, 0), report
    assert w.sync().licences_verified == 0  # nothing left to ask
    assert len(w.proxy.requests("POST", VERIFY)) == 2
    assert _m02(w).elicence_check == "verified" and _m02(w).elicence_issuer == "潮安县公安局"
    assert [a["number"] for a in _audit(w, "licence.verified")] == ["440524********0014"]
    on_server = _on_server(w, case)  # the outcome reached the server's case with the check
    assert on_server is not None
    assert {k: on_server[k] for k in ("type", "number", "check", "outcome")} == {
        "type": "CN.RESIDENT_ID",
        "number": HOLDER,
        "check": "verified",
        "outcome": "valid",
    }
    assert w.audit_intact()


def test_a_sync_killed_after_asking_records_the_answer_once(world: World, tmp_path: Path) -> None:
    w = world
    _import(w, tmp_path, _id_card())
    _accept(w, MaterialRecord(elicence_number=HOLDER))
    assert w.child("licences.before_record") == EXIT_CODE  # asked, killed before recording
    assert _m02(w).elicence_check == "to_verify"
    assert w.sync().licences_verified == 1
    assert w.sync().licences_verified == 0
    assert len(_audit(w, "licence.verified")) == 1


@pytest.mark.allow_log_warnings  # a failed verification is logged as a warning (no ID in it)
@pytest.mark.parametrize(
    ("entry", "typed", "outcome"),
    [
        (None, "NO-SUCH-1", "not_found"),
        ({"revoked": True}, HOLDER, "revoked"),
        ({"valid_until": "2020-12-31"}, HOLDER, "expired"),
        ({"holder": OTHER}, HOLDER, "holder_mismatch"),
    ],
)
def test_a_failure_reaches_the_clerk_the_supervisor_and_the_audit(
    world: World,
    tmp_path: Path,
    entry: dict[str, Any] | None,
    typed: str,
    outcome: str,
) -> None:
    w = world
    if entry is not None:
        _import(w, tmp_path, _id_card(**entry))
    case = _accept(w, MaterialRecord(elicence_number=typed))
    report = w.sync()
    assert report.ok and report.licences_failed == 1, report
    assert _m02(w).elicence_check == "failed"
    failures = LicenceFailures(w.db, AuditService(w.db, w.clock), w.clock)
    (failed,) = failures.failures()
    assert (failed.case_number, failed.material_code, failed.outcome) == (case, "M02", outcome)
    assert [(a["outcome"], a["material"]) for a in _audit(w, "licence.failed")] == [
        (outcome, "M02")
    ]
    on_server = _on_server(w, case)
    assert on_server is not None and (on_server["check"], on_server["outcome"]) == (
        "failed",
        outcome,
    )
    # The case, continued, no longer counts the material as replaced.
    from clerk_app.intake.lookup import CaseLookup  # noqa: PLC0415

    records = CaseLookup(w.db, w.cipher, hall_code="CC01").by_number(case).records
    assert records["M02"].elicence_check == "failed"
    supervisor = AuthService(w.db).authenticate("supervisor", "supervisor-demo")
    failures.acknowledge(failed.id, by=supervisor)
    assert failures.failures() == []
    assert w.sync().licences_failed == 0  # recorded once


def test_a_failed_number_no_longer_replaces_the_material() -> None:
    from clerk_app.catalogue.types import Necessity  # noqa: PLC0415
    from clerk_app.intake.checklist import MaterialRequirement, material_state  # noqa: PLC0415

    req = MaterialRequirement(
        "M02", "经营者身份证明", Necessity.REQUIRED, elicence_type="CN.RESIDENT_ID"
    )
    failed = material_state(req, MaterialRecord(elicence_number="X", elicence_check="failed"))
    assert failed.status is MaterialStatus.MISSING
    assert ReasonCode.ELICENCE_VERIFY_FAILED in {r.code for r in failed.problems}
    verified = material_state(req, MaterialRecord(elicence_number="X", elicence_check="verified"))
    assert verified.status is MaterialStatus.REPLACED
    assert ReasonCode.ELICENCE_TO_VERIFY not in {r.code for r in verified.reasons}
