"""Why a service was rated 2 or 1 (差评原因), on both databases: at least one reason with a bad
rating and none with a good one; the applicant's words cleaned, length-limited, phone and ID
numbers masked; reasons, item, department and deadline in the queued ``rating.submit``; the
supervisor's follow-up shows them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.db.results_models import ServiceRating
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import (
    REASON_TEXT_MAX,
    Indicator,
    RatingInput,
    RatingRefusal,
    RatingRefused,
)
from clerk_app.sync.payload import schema_version, to_wire
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import BadReason, RatingSubmitV2
from tests.results.conftest import ITEM, draft
from tests.results.test_ratings import ALL_SATISFIED, served

BAD = ALL_SATISFIED | {Indicator.EFFICIENCY: 1}


@pytest.fixture
def ratings(db: Database, protector: PersonalDataCipher, clock: FixedClock) -> RatingService:
    return RatingService(db, protector, hall_code="CC01", calendar=shipped_calendar(), clock=clock)


def _stored(db: Database) -> ServiceRating:
    with db.read() as s:
        return s.scalars(select(ServiceRating)).one()


def _queued(db: Database, protector: PersonalDataCipher) -> dict[str, object]:
    with db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.kind == "rating.submit")).one()
    return dict(json.loads(protector.decrypt(op.payload_enc, context=OUTBOX)))


def test_a_bad_rating_needs_a_reason_and_a_good_one_takes_none(
    db: Database, ratings: RatingService, queue: QueueService, clerk: UserInfo, pad: UserInfo
) -> None:
    ticket = served(queue, clerk)
    with pytest.raises(RatingRefused) as none:
        ratings.submit(RatingInput(ticket, BAD, reason_text="太慢"), pad)
    assert none.value.code is RatingRefusal.REASON_REQUIRED
    for extra in ({"reasons": frozenset({BadReason.OTHER})}, {"reason_text": "还行"}):
        with pytest.raises(RatingRefused) as unasked:
            ratings.submit(RatingInput(ticket, ALL_SATISFIED, **extra), pad)
        assert unasked.value.code is RatingRefusal.REASON_NOT_ASKED
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ServiceRating)) == 0
    result = ratings.submit(RatingInput(ticket, ALL_SATISFIED), pad)
    assert result.follow_up_id is None
    assert (_stored(db).reasons, _stored(db).reason_text) == (None, None)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  等了  两个小时 ", "等了 两个小时"),
        ("请回电13812345678", "请回电138****5678"),
        ("身份证110105194912310021也不认", "身份证110105********0021也不认"),
        ("x" * REASON_TEXT_MAX, "x" * REASON_TEXT_MAX),
    ],
)
def test_the_applicants_words_are_cleaned_and_masked(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    typed: str,
    kept: str,
) -> None:
    reasons = frozenset({BadReason.OTHER, BadReason.LONG_WAIT})
    ratings.submit(RatingInput(served(queue, clerk), BAD, reasons=reasons, reason_text=typed), pad)
    row = _stored(db)
    assert (row.reasons, row.reason_text) == ("long_wait,other", kept)  # the pad's order
    [follow_up] = ratings.follow_ups()
    assert follow_up.reasons == (BadReason.LONG_WAIT, BadReason.OTHER)
    assert follow_up.reason_text == kept


@pytest.mark.parametrize("typed", ["x" * (REASON_TEXT_MAX + 1), "ok\u202egnp.exe", "a\x00b"])
def test_words_too_long_or_with_unsafe_characters_are_refused(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    typed: str,
) -> None:
    ticket = served(queue, clerk)
    rating = RatingInput(ticket, BAD, reasons=frozenset(BadReason), reason_text=typed)
    with pytest.raises(RatingRefused) as refused:
        ratings.submit(rating, pad)
    assert refused.value.code is RatingRefusal.INVALID_REASON_TEXT
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOperation)) == 0


def test_the_queued_rating_carries_item_department_reasons_and_deadline(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    intake: IntakeService,
    clerk: UserInfo,
    pad: UserInfo,
    protector: PersonalDataCipher,
) -> None:
    ticket = served(queue, clerk)
    intake.decide(draft(ticket_id=ticket), Decision.ACCEPT, clerk, window=3)
    reasons = frozenset({BadReason.NOT_TOLD_ONCE})
    result = ratings.submit(RatingInput(ticket, BAD, reasons=reasons, reason_text="跑了三趟"), pad)
    stored = _queued(db, protector)
    assert stored["reasons"] == ["not_told_once"] and stored["reason_text"] == "跑了三趟"
    assert stored["item_code"] == ITEM and stored["department"]
    assert stored["follow_up_due"] == "2026-12-01" == str(result.follow_up_due)
    assert schema_version("rating.submit", stored) == 2
    wire = RatingSubmitV2.model_validate(to_wire("rating.submit", stored, 0))
    assert (wire.worst(), wire.follow_up_due) == (1, dt.date(2026, 12, 1))
    # One queued by the counter before reasons existed still goes up as version 1.
    new = ("reasons", "reason_text", "item_code", "department", "follow_up_due")
    older = {k: v for k, v in stored.items() if k not in new}
    assert schema_version("rating.submit", older) == 1
