"""A clerk cannot do administrator or supervisor work by any path, on both databases.

Inventory (every such operation the GUI, the CLI or a script can reach; each service method
carries its permission, ``clerk_app.accounts.authz.requires``, and
tests/security/test_classified_operations.py finds any public service method left
unclassified):

==========================  ==========================================  =======================
operation                   service method                              command line
==========================  ==========================================  =======================
catalogue import            CatalogueService.import_file / _document    catalog import
catalogue roll-back         CatalogueService.activate                   catalog activate
holiday calendar import     CalendarService.import_file / _text         calendar import
key ring create             KeyManager.init                             keys init
key rotation                KeyManager.rotate                           keys rotate
re-encryption               KeyManager.reencrypt                        keys reencrypt
key retirement              KeyManager.retire                           keys retire
user create                 UserAdmin.create_user                       users create
role change                 UserAdmin.change_role                       users role
account disable             UserAdmin.disable                           users disable
password reset              AuthService.set_password                    users reset-password
lockout lifted              AuthService.unlock                          users unlock
separation of duties        UserAdmin.separate_duties                   users separation
audit export                AuditService.export                         audit export
audit purge                 AuditService.purge                          audit purge
figures export              FiguresService.export                       stats --xlsx/--csv
figures report              FiguresService.export_report                stats --pdf
queue supervision           SupervisorDesk (every change)               (dashboard only)
ticket cancel               QueueService.cancel                         queue cancel
queue statistics export     SupervisorDesk.export                       (dashboard only)
rating follow-up closed     RatingService.close_follow_up               (dashboard only)
failed-check override       IntakeService.decide (the override)         (intake only)
==========================  ==========================================  =======================

Each case: the clerk is refused, an ``auth.access_denied`` record with outcome ``denied``
names the clerk, and the database (audit trail aside) and the files are as they were. Configuration
is the hall's config file, protected by the operating system (read by the app, never written);
``clerk-app config init`` refuses to overwrite one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.accounts.users import UserAdmin
from clerk_app.audit.service import AuditService
from clerk_app.calendars.service import CalendarService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.cli.main import main
from clerk_app.crypto.rotation import KeyManager
from clerk_app.figures.service import FiguresService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, IdType
from clerk_app.queue.export import write_csv
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.queue.types import QueueRefused, RefusalCode
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import FollowUpAction, RatingRefused
from clerk_app.validation import override_resident_id
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, FileKeyStore
from printing.documents import HallBranding
from tests.calendars.helpers import YEAR_2027
from tests.intake.test_service import _complete
from tests.security.halls import Hall, keys_of


def _figures(h: Hall) -> FiguresService:
    return FiguresService(h.db, hall_code="CC01", calendar=shipped_calendar(), clock=h.clock)


def _export_figures(h: Hall, by: UserInfo) -> None:
    service = _figures(h)
    figures = service.figures(dt.date(2026, 11, 23), dt.date(2026, 11, 24))
    service.export(figures, h.tmp / "figures.xlsx", by=by)


def _report_figures(h: Hall, by: UserInfo) -> None:
    day = dt.date(2026, 11, 24)
    _figures(h).export_report(day, day, h.tmp / "daily.pdf", HallBranding(), by=by)


def _override(h: Hall, by: UserInfo) -> None:
    """A clerk putting their own id on an override of a failed check digit."""
    wrong_check = "110105194912310021"
    override = override_resident_id(
        wrong_check, today=dt.date(2026, 11, 24), supervisor_id=by.user_id,
        supervisor_name=by.display_name, reason="自称核验无误", at_ms=h.clock.now_ms(),
    ).override  # fmt: skip
    assert override is not None
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "王五", IdType.RESIDENT_ID, wrong_check, override=override
    )
    intake = IntakeService(
        h.db, CatalogueService(h.db), _protector(h), hall_code="CC01",
        calendar=shipped_calendar(), clock=h.clock,
    )  # fmt: skip
    intake.decide(replace(_complete(), applicant=applicant), Decision.ACCEPT, by, window=3)


def _calendar_file(h: Hall) -> Path:
    """A whole year to import, beside the hall's folder (whose files are compared)."""
    path = h.tmp.parent / "calendar-2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    return path


def _protector(h: Hall) -> PersonalDataCipher:
    return PersonalDataCipher(FileKeyStore(h.key_file).load())


def _supervise(h: Hall, by: UserInfo) -> None:
    desk = SupervisorDesk(QueueService(h.db, "CC01"), Supervisor(by.user_id, by.display_name))
    try:
        desk.open_window(5)
    except QueueRefused as exc:
        if exc.code is RefusalCode.NOT_PERMITTED:
            raise PermissionDenied("queue supervision", by.role.value) from None
        raise


def _export_queue_statistics(h: Hall, by: UserInfo) -> None:
    queue = QueueService(h.db, "CC01")
    desk = SupervisorDesk(queue, Supervisor(by.user_id, by.display_name))
    day = dt.date(2026, 11, 24)
    try:
        desk.export(
            h.tmp / "stats.csv",
            lambda path: write_csv(queue.stats(day, day), path),
            what="queue statistics",
            detail={"format": "csv"},
        )
    except QueueRefused as exc:
        if exc.code is RefusalCode.NOT_PERMITTED:
            raise PermissionDenied("data export", by.role.value) from None
        raise


def _close_follow_up(h: Hall, by: UserInfo) -> None:
    ratings = RatingService(
        h.db, _protector(h), hall_code="CC01", calendar=shipped_calendar(), clock=h.clock
    )
    try:
        ratings.close_follow_up(1, FollowUpAction.REVISIT, "已回访", by)
    except RatingRefused as exc:
        raise PermissionDenied("close a follow-up", by.role.value) from exc


Operation = Callable[[Hall, UserInfo], object]
DIRECT: dict[str, Operation] = {
    "catalogue import": lambda h, u: CatalogueService(h.db).import_file(h.catalogue_file, by=u),
    "catalogue roll-back": lambda h, u: CatalogueService(h.db).activate(1, by=u),
    "holiday calendar import": lambda h, u: CalendarService(h.db).import_file(
        _calendar_file(h), by=u
    ),
    "key ring create": lambda h, u: KeyManager(h.db, FileKeyStore(h.tmp / "second.json")).init(
        Algorithm.SM4_GCM, u
    ),
    "key rotation": lambda h, u: keys_of(h).rotate(Algorithm.AES_256_GCM, u),
    "re-encryption": lambda h, u: keys_of(h).reencrypt(u),
    "key retirement": lambda h, u: keys_of(h).retire("0" * 16, u),
    "user create": lambda h, u: UserAdmin(h.db, h.auth()).create_user(
        "mole", "内应", Role.ADMIN, "Xy7!plenty-long", by=u
    ),
    "own role raised": lambda h, u: UserAdmin(h.db, h.auth()).change_role(
        u.username, Role.ADMIN, by=u
    ),
    "account disable": lambda h, u: UserAdmin(h.db, h.auth()).disable("admin", by=u),
    "password reset": lambda h, u: h.auth().set_password("admin", "Xy7!plenty-long", u),
    "lockout lifted": lambda h, u: h.auth().unlock("clerk2", u),
    "separation of duties": lambda h, u: UserAdmin(h.db, h.auth()).separate_duties(False, by=u),
    "audit export": lambda h, u: AuditService(h.db).export(0, 2**62, u),
    "audit purge": lambda h, u: AuditService(h.db).purge(400, u, retention_days=180),
    "figures export": _export_figures,
    "figures report": _report_figures,
    "queue supervision": _supervise,
    "ticket cancel": lambda h, u: QueueService(h.db, "CC01", clock=h.clock).cancel("A001", by=u),
    "queue statistics export": _export_queue_statistics,
    "rating follow-up closed": _close_follow_up,
    "failed-check override": _override,
}


@pytest.mark.parametrize("operation", list(DIRECT))
def test_a_clerk_calling_the_service_directly_is_denied_audited_and_changes_nothing(
    hall: Hall, operation: str
) -> None:
    clerk = hall.user("clerk1")
    before, denied_before = hall.state(), hall.denials()
    with pytest.raises(PermissionDenied):
        DIRECT[operation](hall, clerk)
    assert hall.state() == before
    new = hall.denials()[len(denied_before) :]
    assert len(new) == 1 and new[0][:2] == (clerk.user_id, "denied"), new
    assert AuditService(hall.db).verify().intact


CLI: dict[str, tuple[str, ...]] = {
    "catalogue import": ("catalog", "import", "{catalogue}"),
    "catalogue roll-back": ("catalog", "activate", "{label}"),
    "holiday calendar import": ("calendar", "import", "{calendar}"),
    "key rotation": ("keys", "rotate", "--file", "{key_file}"),
    "re-encryption": ("keys", "reencrypt", "--file", "{key_file}"),
    "key retirement": ("keys", "retire", "0000000000000000", "--file", "{key_file}"),
    "key ring create": ("keys", "init", "--file", "{tmp}/second.json"),
    "user create": ("users", "create", "mole", "--name", "内应", "--role", "admin"),
    "own role raised": ("users", "role", "clerk1", "admin"),
    "account disable": ("users", "disable", "admin"),
    "password reset": ("users", "reset-password", "admin"),
    "lockout lifted": ("users", "unlock", "clerk2"),
    "separation of duties": ("users", "separation", "off"),
    "audit export": ("audit", "export", "--from", "2026-01-01", "--to", "2026-12-31"),
    "audit purge": ("audit", "purge", "--older-than-days", "400"),
    "ticket cancel": ("queue", "cancel", "A001"),
    "figures export": (
        "stats",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-24",
        "--xlsx",
        "{tmp}/f.xlsx",
    ),
    "figures report": (
        "stats",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
        "--pdf",
        "{tmp}/f.pdf",
    ),
}


@pytest.fixture
def as_clerk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ONEWINDOW_PASSWORD", "clerk1-demo")
    monkeypatch.setenv("ONEWINDOW_NEW_PASSWORD", "Xy7!plenty-long")
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))


@pytest.mark.parametrize("operation", list(CLI))
def test_a_clerk_signed_in_on_the_command_line_is_denied_audited_and_changes_nothing(
    hall: Hall, operation: str, as_clerk: None, capsys: pytest.CaptureFixture[str]
) -> None:
    clerk = hall.user("clerk1")
    label = CatalogueService(hall.db).versions()[0].label
    args = [
        a.format(
            catalogue=hall.catalogue_file,
            calendar=_calendar_file(hall),
            key_file=hall.key_file,
            tmp=hall.tmp,
            label=label,
        )
        for a in CLI[operation]
    ]
    before, denied_before = hall.state(), hall.denials()
    code = main(["--db", hall.db.url, "--user", "clerk1", *args])
    err = capsys.readouterr().err
    assert code == 1 and "not permitted" in err, err
    assert hall.state() == before
    new = hall.denials()[len(denied_before) :]
    assert len(new) == 1 and new[0][:2] == (clerk.user_id, "denied"), new


def test_every_command_line_administration_is_in_the_inventory() -> None:
    assert set(CLI) <= set(DIRECT)
    dashboard_only = {
        "queue supervision",
        "queue statistics export",
        "rating follow-up closed",
        "failed-check override",
    }
    assert set(DIRECT) - set(CLI) == dashboard_only


def test_a_wrong_password_on_the_command_line_runs_nothing(
    hall: Hall, as_clerk: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ONEWINDOW_PASSWORD", "guess")
    code = main(["--db", hall.db.url, "--user", "admin", "users", "disable", "clerk1"])
    assert code == 1 and "sign-in as admin failed" in capsys.readouterr().err
    assert hall.user("clerk1").username == "clerk1"  # still active: it can sign in


def test_an_administrator_signed_in_on_the_command_line_may(
    hall: Hall, as_clerk: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ONEWINDOW_PASSWORD", "admin-demo")
    code = main(["--db", hall.db.url, "--user", "admin", "users", "role", "clerk2", "supervisor"])
    assert code == 0, capsys.readouterr().err
    assert hall.user("clerk2").role is Role.SUPERVISOR
    changes = [e for e in AuditService(hall.db).entries(0, 2**62) if e.action == "user.role_change"]
    assert [(c.actor, c.target) for c in changes] == [("系统管理员", "clerk2")]
    assert json.loads(changes[0].detail) == {"from": "clerk", "to": "supervisor"}
