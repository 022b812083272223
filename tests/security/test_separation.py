"""Separation of administrator duties (三员分立), on both databases.

With the hall-wide switch on, the system administrator manages users and the catalogue, the
security administrator keys, roles and the switch, the audit administrator the audit trail;
none can do another's work, and neither the all-round ``admin`` nor the command line's host
operator can do any of it. Turning it on needs all three administrators to exist.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clerk_app.accounts.authz import HostOperator, Operator, PermissionDenied, duties_separated
from clerk_app.accounts.roles import Role
from clerk_app.accounts.users import UserAdmin, UserRefused
from clerk_app.audit.service import AuditService
from clerk_app.catalogue.service import CatalogueService
from clerk_app.cli.main import main
from onewindow_base.crypto.keys import Algorithm
from tests.security.halls import HOST, Hall, keys_of

PASSWORD = "Xy7!plenty-long"

Work = Callable[[Hall, Operator], object]
WORK: dict[str, tuple[Role, Work]] = {
    "catalogue import": (
        Role.SYSADMIN,
        lambda h, by: CatalogueService(h.db).import_file(h.catalogue_file, by=by),
    ),
    "user create": (
        Role.SYSADMIN,
        lambda h, by: UserAdmin(h.db, h.auth()).create_user(
            "newclerk", "新办事员", Role.CLERK, PASSWORD, by=by
        ),
    ),
    "password reset": (Role.SYSADMIN, lambda h, by: h.auth().set_password("clerk1", PASSWORD, by)),
    "key rotation": (Role.SECADMIN, lambda h, by: keys_of(h).rotate(Algorithm.AES_256_GCM, by)),
    "role change": (
        Role.SECADMIN,
        lambda h, by: UserAdmin(h.db, h.auth()).change_role("clerk2", Role.SUPERVISOR, by=by),
    ),
    "separation off": (
        Role.SECADMIN,
        lambda h, by: UserAdmin(h.db, h.auth()).separate_duties(False, by=by),
    ),
    "audit export": (Role.AUDITADMIN, lambda h, by: AuditService(h.db).export(0, 2**62, by)),
    "audit purge": (
        Role.AUDITADMIN,
        lambda h, by: AuditService(h.db).purge(400, by, retention_days=180),
    ),
}
OPERATORS = ("admin", "sysadmin", "secadmin", "auditadmin", "host")


def _administrators(h: Hall) -> dict[str, Operator]:
    admin = UserAdmin(h.db, h.auth())
    made: dict[str, Operator] = {"admin": h.user("admin"), "host": HostOperator("root")}
    for role in (Role.SYSADMIN, Role.SECADMIN, Role.AUDITADMIN):
        made[role.value] = admin.create_user(
            f"the{role.value}", f"{role.value} 管理员", role, PASSWORD, by=HOST
        )
    return made


def test_separation_needs_all_three_administrators_first(hall: Hall) -> None:
    admin = UserAdmin(hall.db, hall.auth())
    with pytest.raises(UserRefused, match="sysadmin, secadmin, auditadmin"):
        admin.separate_duties(True, by=HOST)
    assert not duties_separated(hall.db)


@pytest.mark.parametrize("who", OPERATORS)
@pytest.mark.parametrize("work", list(WORK))
def test_with_duties_separated_each_administrator_does_only_their_own_work(
    hall: Hall, work: str, who: str
) -> None:
    people = _administrators(hall)
    UserAdmin(hall.db, hall.auth()).separate_duties(True, by=people["secadmin"])
    assert duties_separated(hall.db)
    owner, do = WORK[work]
    denied_before = _denials(hall)
    if who == owner.value:
        do(hall, people[who])
        assert _denials(hall) == denied_before
    else:
        before = hall.state()
        with pytest.raises(PermissionDenied):
            do(hall, people[who])
        assert hall.state() == before
        assert _denials(hall) == denied_before + 1


def test_with_duties_not_separated_admin_does_everything_and_the_others_their_part(
    hall: Hall,
) -> None:
    people = _administrators(hall)
    assert not duties_separated(hall.db)
    with pytest.raises(PermissionDenied):
        WORK["key rotation"][1](hall, people["sysadmin"])
    with pytest.raises(PermissionDenied):
        WORK["catalogue import"][1](hall, people["auditadmin"])
    for _, do in WORK.values():
        do(hall, people["admin"])
    assert not duties_separated(hall.db)


def test_the_command_line_needs_a_named_administrator_once_duties_are_separated(
    hall: Hall, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    people = _administrators(hall)
    UserAdmin(hall.db, hall.auth()).separate_duties(True, by=people["secadmin"])
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(hall.tmp / "none.toml"))
    catalog = ["--db", hall.db.url, "catalog", "import", str(hall.catalogue_file)]
    assert main(catalog) == 1  # no --user: the host's operator is no administrator now
    assert "not permitted" in capsys.readouterr().err
    # The system administrator chooses a password at first sign-in, then may.
    hall.auth().change_password("thesysadmin", PASSWORD, PASSWORD + "2")
    monkeypatch.setenv("ONEWINDOW_PASSWORD", PASSWORD + "2")
    user = ["--db", hall.db.url, "--user", "thesysadmin"]
    assert main([*user, "catalog", "import", str(hall.catalogue_file)]) == 0
    assert main([*user, "audit", "export", "--from", "2026-01-01", "--to", "2026-12-31"]) == 1
    assert "not permitted" in capsys.readouterr().err


def _denials(h: Hall) -> int:
    return len(h.denials())
