"""Ratings from the window's rating device on both databases: nothing chosen for the rater,
the clerk cannot rate, bad ratings open a follow-up due in working days, everything syncs."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.db.results_models import RatingFollowUp, ServiceRating
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import (
    Channel,
    FollowUpAction,
    Indicator,
    Level,
    RatingInput,
    RatingRefusal,
    RatingRefused,
)
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import BadReason

WAIT = frozenset({BadReason.LONG_WAIT})  # a bad rating says why

ALL_SATISFIED = dict.fromkeys(Indicator, 5)


@pytest.fixture
def ratings(db: Database, protector: PersonalDataCipher, clock: FixedClock) -> RatingService:
    return RatingService(
        db, protector, hall_code="CC01", calendar=shipped_calendar(), follow_up_days=5, clock=clock
    )


def served(queue: QueueService, clerk: UserInfo, window: int = 3) -> int:
    queue.open_window(window, user_id=clerk.user_id)
    queue.issue("BIZ")
    ticket = queue.call_next(window, user_id=clerk.user_id)
    assert ticket is not None
    queue.start(window, user_id=clerk.user_id)
    return queue.finish(window, user_id=clerk.user_id).ticket_id


def _count(db: Database, model: type[object]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_finished_service_is_offered_for_rating_then_rated_once_and_synced(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    protector: PersonalDataCipher,
) -> None:
    assert ratings.prompt(3) is None
    ticket = served(queue, clerk)
    prompt = ratings.prompt(3)
    assert prompt is not None and (prompt.ticket_id, prompt.clerk_name) == (ticket, "窗口3办事员")
    result = ratings.submit(RatingInput(ticket, ALL_SATISFIED, Channel.WINDOW_PAD, "很好"), pad)
    assert (result.level, result.follow_up_id) == (Level.VERY_SATISFIED, None)
    assert ratings.prompt(3) is None
    with pytest.raises(RatingRefused) as again:
        ratings.submit(RatingInput(ticket, ALL_SATISFIED), pad)
    assert again.value.code is RatingRefusal.ALREADY_RATED
    with db.read() as s:
        op = s.scalars(select(OutboxOperation).where(OutboxOperation.kind == "rating.submit")).one()
        payload = json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))
    assert payload == {
        "rating_id": result.rating_uuid,
        "hall_code": "CC01",
        "window_code": "W03",
        "clerk": "clerk3",
        "channel": "window_pad",
        "level": 5,
        "indicators": {"overall": 5, "efficiency": 5, "competence": 5, "attitude": 5},
        "comment": "很好",
        "rated_at": "2026-11-24T01:30:00Z",
        "reasons": [],
    }


def test_the_windows_clerk_cannot_rate_and_nothing_is_chosen_for_the_rater(
    db: Database, ratings: RatingService, queue: QueueService, clerk: UserInfo, pad: UserInfo
) -> None:
    ticket = served(queue, clerk)
    with pytest.raises(RatingRefused) as own:
        ratings.submit(RatingInput(ticket, ALL_SATISFIED), clerk)
    assert own.value.code is RatingRefusal.CLERK_CANNOT_RATE
    partial = {Indicator.OVERALL: 5}
    with pytest.raises(RatingRefused) as incomplete:
        ratings.submit(RatingInput(ticket, partial), pad)
    assert incomplete.value.code is RatingRefusal.INCOMPLETE
    with pytest.raises(RatingRefused) as invalid:
        ratings.submit(RatingInput(ticket, dict.fromkeys(Indicator, 6)), pad)
    assert invalid.value.code is RatingRefusal.INVALID_LEVEL
    with pytest.raises(RatingRefused) as unknown:
        ratings.submit(RatingInput(999_999, ALL_SATISFIED), pad)
    assert unknown.value.code is RatingRefusal.UNKNOWN_TICKET
    assert (_count(db, ServiceRating), _count(db, OutboxOperation)) == (0, 0)


def test_a_bad_rating_opens_a_follow_up_that_raises_an_alert_when_overdue(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    supervisor: UserInfo,
    clock: FixedClock,
) -> None:
    ticket = served(queue, clerk)
    levels = ALL_SATISFIED | {Indicator.ATTITUDE: 2}
    result = ratings.submit(RatingInput(ticket, levels, comment="态度不好", reasons=WAIT), pad)
    # Tuesday 24 November + 5 working days = Tuesday 1 December.
    assert result.follow_up_due == dt.date(2026, 12, 1)
    [open_one] = ratings.follow_ups()
    assert (open_one.open, open_one.overdue, open_one.comment) == (True, False, "态度不好")
    clock.set(dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    assert [f.follow_up_id for f in ratings.overdue()] == [open_one.follow_up_id]
    with pytest.raises(RatingRefused) as not_allowed:
        ratings.close_follow_up(open_one.follow_up_id, FollowUpAction.REVISIT, "", clerk)
    assert not_allowed.value.code is RatingRefusal.NOT_SUPERVISOR
    closed = ratings.close_follow_up(
        open_one.follow_up_id, FollowUpAction.REVISIT, "已电话回访致歉", supervisor
    )
    assert (closed.open, closed.action, closed.overdue) == (False, FollowUpAction.REVISIT, False)
    assert ratings.overdue() == []
    with pytest.raises(RatingRefused) as twice:
        ratings.close_follow_up(open_one.follow_up_id, FollowUpAction.APPEAL, "", supervisor)
    assert twice.value.code is RatingRefusal.FOLLOW_UP_CLOSED
    with db.read() as s:
        assert s.scalars(select(RatingFollowUp.state)).all() == ["closed"]
        kinds = s.scalars(select(OutboxOperation.kind).order_by(OutboxOperation.seq)).all()
    assert kinds == ["rating.submit", "rating.follow_up"]
