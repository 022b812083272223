"""Every public operation of every service is classified: guarded with the permission it needs
(``clerk_app.accounts.authz.requires``) or declared open to clerks (``open_to_clerks``).

The services are found, not listed: every class of ``clerk_app`` whose constructor takes the
hall database or another service. A new service, or a new public method on one, that carries
no classification fails :func:`test_every_public_service_operation_is_classified`.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import clerk_app
from clerk_app.accounts.authz import OPEN_TO_CLERKS, Permission, classification

# Classes that take the database but are parts under a service, not operations anybody calls:
# each is reached only through the service named.
NOT_SERVICES = {
    "clerk_app.catalogue.store.CatalogueStore": "CatalogueService's storage",
    "clerk_app.intake.case_numbers.CaseNumbers": "IntakeService's number book",
    "clerk_app.queue.notify.SqlitePollingListener": "the change signal screens wait on",
    "clerk_app.queue.notify.PostgresNotifyListener": "the change signal screens wait on",
    "clerk_app.calendars.live.LiveCalendar": "the calendar the services count days with",
    "clerk_app.sync.engine.SingleFlight": "SyncEngine's lock",
    "clerk_app.sync.pull.Puller": "SyncEngine's pull",
    "clerk_app.sync.push.Pusher": "SyncEngine's push",
    "clerk_app.sync.appointments.AppointmentSync": "SyncEngine's bookings, pulled and reported",
    "clerk_app.licences.checks.LicenceChecks": "SyncEngine's verification of typed e-licences",
    "clerk_app.sync.counter_line.CounterLine": "CreditService's and LicenceService's questions",
    "clerk_app.samples._ReferenceServer": "the sample papers' private server",
}
SKIPPED_PACKAGES = ("clerk_app.cli", "clerk_app.migrations", "clerk_app.db")
SERVICE_TYPES = ("Database", "Service", "Desk")

# The operations that must stay guarded, and with what (the inventory, see
# tests/security/test_roles.py): weakening one of them fails the test as well.
PRIVILEGED = {
    "AssistanceService.record": Permission.ASSIST,
    "AuditService.export": Permission.AUDIT_EXPORT,
    "AuditService.purge": Permission.AUDIT_PURGE,
    "AuthService.set_password": Permission.PASSWORD_RESET,
    "AuthService.unlock": Permission.UNLOCK,
    "CalendarService.import_file": Permission.CALENDAR,
    "CalendarService.import_text": Permission.CALENDAR,
    "CatalogueService.activate": Permission.CATALOGUE,
    "CatalogueService.import_document": Permission.CATALOGUE,
    "CatalogueService.import_file": Permission.CATALOGUE,
    "FiguresService.export": Permission.DATA_EXPORT,
    "IntakeService.decide": Permission.DECIDE,
    "FiguresService.export_report": Permission.DATA_EXPORT,
    "KeyManager.init": Permission.KEYS,
    "LicenceFailures.acknowledge": Permission.QUEUE_SUPERVISION,
    "KeyManager.reencrypt": Permission.KEYS,
    "KeyManager.retire": Permission.KEYS,
    "KeyManager.rotate": Permission.KEYS,
    "PostCheckService.record": Permission.POST_CHECK,
    "QueueService.cancel": Permission.QUEUE_SUPERVISION,
    "RatingService.close_follow_up": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.cancel_ticket": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.close_window": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.export": Permission.DATA_EXPORT,
    "SupervisorDesk.open_window": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.prioritise": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.set_window_services": Permission.QUEUE_SUPERVISION,
    "SupervisorDesk.transfer_ticket": Permission.QUEUE_SUPERVISION,
    "UserAdmin.change_role": Permission.ROLES,
    "UserAdmin.create_user": Permission.USERS,
    "UserAdmin.disable": Permission.USERS,
    "UserAdmin.separate_duties": Permission.SECURITY_SETTINGS,
}


def _takes_a_service(cls: type) -> bool:
    init = cls.__dict__.get("__init__")
    if init is None:
        return False
    hints = " ".join(str(a) for a in getattr(init, "__annotations__", {}).values())
    return any(kind in hints for kind in SERVICE_TYPES)


def services() -> Iterator[type]:
    for found in pkgutil.walk_packages(clerk_app.__path__, "clerk_app."):
        if found.name.startswith(SKIPPED_PACKAGES):
            continue
        module = importlib.import_module(found.name)
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and cls.__module__ == module.__name__
                and not dataclasses.is_dataclass(cls)
                and f"{cls.__module__}.{cls.__qualname__}" not in NOT_SERVICES
                and _takes_a_service(cls)
            ):
                yield cls


def operations(cls: type) -> Iterator[tuple[str, object]]:
    """The public methods a caller can reach (properties are reads of the service's setup)."""
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, (staticmethod, classmethod)):
            yield f"{cls.__qualname__}.{name}", member.__func__
        elif inspect.isfunction(member):
            yield f"{cls.__qualname__}.{name}", member


def test_the_services_are_found() -> None:
    found = {cls.__qualname__ for cls in services()}
    assert {
        "QueueService",
        "SupervisorDesk",
        "UserAdmin",
        "AuthService",
        "KeyManager",
        "CatalogueService",
        "CalendarService",
        "AuditService",
        "SyncMonitor",
        "PrintService",
        "IntakeService",
    } <= found, found


def test_every_public_service_operation_is_classified() -> None:
    unclassified = [
        name for cls in services() for name, method in operations(cls) if not classification(method)
    ]
    assert unclassified == [], (
        "classify each public service method: @requires(Permission.…) when a clerk must not "
        "call it, @open_to_clerks when any signed-in user may"
    )


def test_the_supervisor_and_administrator_operations_are_guarded() -> None:
    classified = {name: classification(m) for cls in services() for name, m in operations(cls)}
    assert {name: classified.get(name) for name in PRIVILEGED} == PRIVILEGED
    guarded = {name for name, kind in classified.items() if kind != OPEN_TO_CLERKS}
    assert guarded == set(PRIVILEGED), "a newly guarded operation belongs in PRIVILEGED"


def test_a_non_service_class_is_still_in_the_package() -> None:
    """The exclusions name real classes (a renamed one would silently leave the check)."""
    for qualified in NOT_SERVICES:
        module, name = qualified.rsplit(".", 1)
        assert inspect.isclass(getattr(importlib.import_module(module), name)), qualified
