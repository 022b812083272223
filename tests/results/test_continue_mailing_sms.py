"""A continued case (given a one-time notice) on both databases: its mailing
choice and address come back for the next visit, where the applicant may change them or
collect at the window instead; the case can be opted in to 短信通知 then, the phone encrypted."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import select

from clerk_app.accounts.roles import UserInfo
from clerk_app.db.fees_models import CaseMailing
from clerk_app.db.notify_models import NotifyOptIn
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import CaseDraft
from clerk_app.sync.notifications import Notifications
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.results.conftest import draft

MAIL = MailingInput(
    "王芳", "+86 139 1234 5678", "吉林省", "长春市", "南关区", "人民大街1号", "130022"
)


def _missing(**kw: object) -> CaseDraft:
    """M03 not brought: a one-time notice (一次性告知)."""
    base = draft()
    records = dict(base.records) | {"M03": MaterialRecord()}
    pages = tuple(p for p in base.pages if p.material_code != "M03")
    return dataclasses.replace(base, records=records, pages=pages, **kw)  # type: ignore[arg-type]


def _mailing(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(m.address, m.phone_masked) for m in s.scalars(select(CaseMailing))]


def test_the_mailing_comes_back_and_may_change_or_go(
    db: Database, intake: IntakeService, clerk: UserInfo, protector: PersonalDataCipher
) -> None:
    lookup = CaseLookup(db, protector, hall_code="CC01")
    first = intake.decide(_missing(mailing=MAIL), Decision.ONE_TIME_NOTICE, clerk, 3)
    number = first.case_number
    restored = lookup.mailing_of(number)
    assert restored == dataclasses.replace(MAIL, phone="13912345678")  # as stored, decrypted

    moved = dataclasses.replace(restored, address="人民大街9号")
    continued = dataclasses.replace(draft(), continuing=number, mailing=moved)
    intake.decide(continued, Decision.ACCEPT, clerk, 3)
    assert _mailing(db) == [("人民大街9号", "139****5678")]
    assert lookup.mailing_of(number) == moved

    notice = intake.decide(_missing(mailing=MAIL), Decision.ONE_TIME_NOTICE, clerk, 3)
    to_window = dataclasses.replace(draft(), continuing=notice.case_number)
    intake.decide(to_window, Decision.ACCEPT, clerk, 3)  # collected at the window after all
    assert lookup.mailing_of(notice.case_number) is None
    assert lookup.mailing_of(number) == moved  # the other case keeps its own


def test_a_continued_case_is_opted_in_with_its_stored_phone_encrypted(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    protector: PersonalDataCipher,
    clock: FixedClock,
) -> None:
    lookup = CaseLookup(db, protector, hall_code="CC01")
    notice = intake.decide(_missing(), Decision.ONE_TIME_NOTICE, clerk, 3)
    applicant = lookup.applicant_of(notice.case_number)
    continued = dataclasses.replace(draft(), applicant=applicant, continuing=notice.case_number)
    result = intake.decide(continued, Decision.ACCEPT, clerk, 3)
    notifications = Notifications(db, protector, clock)
    assert notifications.case_state(result.case_uuid) is None
    assert applicant.phone is not None
    notifications.opt_in_case(result.case_uuid, applicant.phone)
    notifications.opt_in_case(result.case_uuid, applicant.phone)  # consent recorded once
    with db.read() as s:
        row = s.scalars(select(NotifyOptIn)).one()
        op = s.scalars(
            select(OutboxOperation).where(OutboxOperation.kind == "notify.case_opt_in")
        ).one()
    assert row.case_uuid == result.case_uuid and "13812345678" not in row.phone_enc
    assert "13812345678" not in op.payload_enc
    payload = json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))
    assert (payload["phone"], payload["case_no"]) == ("13812345678", notice.case_number)
    state = notifications.case_state(result.case_uuid)
    assert state is not None and state.status == "opted_in"
