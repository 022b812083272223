"""A case's photo checks (人证核验) in the database: linking a new case's checks to it when
the visit is saved, and reading them back for the case's detail.

The checks themselves are recorded by :class:`clerk_app.devices.idcard.photo_check.
PhotoCheckService` as the clerk makes them; one made before the case has its number waits
unlinked until the visit's decision saves the case (in that write transaction).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CasePhotoCheck
from clerk_app.intake.types import PhotoCheckResult, PhotoCheckView


def link_photo_checks(
    session: Session, *, hall_id: int, case_id: int, check_ids: Sequence[int]
) -> list[int]:
    """Give the case the checks of its visit that no case has yet; returns those linked (a
    check already with a case, or another hall's, is left as it is)."""
    if not check_ids:
        return []
    linked = session.scalars(
        update(CasePhotoCheck)
        .where(
            CasePhotoCheck.id.in_(check_ids),
            CasePhotoCheck.case_id.is_(None),
            CasePhotoCheck.hall_id == hall_id,
        )
        .values(case_id=case_id)
        .returning(CasePhotoCheck.id)
        .execution_options(synchronize_session=False)
    ).all()
    return sorted(linked)


def photo_check_views(session: Session, case_id: int) -> tuple[PhotoCheckView, ...]:
    rows = session.scalars(
        select(CasePhotoCheck)
        .where(CasePhotoCheck.case_id == case_id)
        .order_by(CasePhotoCheck.at_ms, CasePhotoCheck.id)
    )
    return tuple(view_of(row) for row in rows)


def view_of(row: CasePhotoCheck) -> PhotoCheckView:
    return PhotoCheckView(
        check_id=row.id,
        result=PhotoCheckResult(row.result),
        at_ms=row.at_ms,
        user_name=row.user_name,
        card_kind=row.card_kind,
        id_masked=row.id_masked,
        card_photo_shown=row.card_photo_shown,
        camera_compared=row.camera_compared,
        photo_kept=row.card_photo_sha256 is not None,
    )
