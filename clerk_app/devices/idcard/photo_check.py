"""The clerk's photo check (人证核验): the card photo beside the person, judged by eye.

Nothing here compares faces. The clerk sees the card photo (decoded by the vendor's library
where the hall installed one) beside a camera picture of the person, or the person at the
counter, and says whether they are the card's holder: confirmed, refused, or not possible (no
card photo, no camera). The verdict is kept with the case (``case_photo_check``: who, when
by the hall clock, which card read by its kind and masked number, whether the card photo was
shown and a camera picture compared) and audited (``idcard.photo_check``). A refusal stops
nothing by itself: the case shows it and the clerk decides what follows.

The pictures: with ``[idcard] keep_photo`` off (the default) nothing of them is stored; they
live in the counter's memory for the check and go with it. With it on, the card photo (as
decoded: BMP or PNG) and the camera picture the clerk compared (JPEG) are kept with the check
as blobs sealed under the hall key ring, like scans (``BlobStore.put_bytes(personal=True)``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.intake_models import CasePhotoCheck, IntakeCase
from clerk_app.devices.idcard.card import CardKind
from clerk_app.intake.photo_checks import view_of
from clerk_app.intake.types import IntakeRefusal, IntakeRefused, PhotoCheckResult, PhotoCheckView
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database
from onewindow_protocol.masking import mask_id

log = logging.getLogger(__name__)

TARGET_KIND = "case"
_MIMES = (
    (b"BM", "image/bmp"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


class PhotoSink(Protocol):
    """Where kept photos go: the hall's blob store (sealed; personal data)."""

    def put_bytes(self, data: bytes, *, personal: bool = True) -> str: ...


@dataclass(frozen=True, slots=True)
class PhotoCheckInput:
    """What the clerk saw and said; the pictures are kept only with ``keep_photo``."""

    result: PhotoCheckResult
    card_kind: CardKind
    id_number: str = field(repr=False)  # masked before anything is written
    card_photo: bytes | None = field(default=None, repr=False)  # as decoded (BMP or PNG)
    camera_picture: bytes | None = field(default=None, repr=False)  # JPEG: what was compared


def image_mime(data: bytes) -> str:
    """The picture's type from its first bytes (what the decoder or the camera made)."""
    return next((mime for magic, mime in _MIMES if data.startswith(magic)), "image/unknown")


class PhotoCheckService:
    """Records the clerk's photo checks; ``photos`` given means ``keep_photo`` is on."""

    def __init__(
        self,
        db: Database,
        audit: AuditService,
        clock: Clock,
        *,
        hall_id: int,
        photos: PhotoSink | None = None,
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._hall_id = hall_id
        self._photos = photos

    @property
    def keeps_photos(self) -> bool:
        return self._photos is not None

    @open_to_clerks  # the clerk who read the card looks at its holder
    def record(
        self, by: Actor, check: PhotoCheckInput, *, case_number: str | None = None
    ) -> PhotoCheckView:
        """Record ``check``, on the open case if any (else it waits for the visit's case:
        :attr:`CaseDraft.photo_checks`). Kept pictures are stored before the row that names
        them (an interruption leaves an orphan blob for the sweep, never a dangling row)."""
        card_sha = camera_sha = None
        if self._photos is not None:
            if check.card_photo:
                card_sha = self._photos.put_bytes(check.card_photo, personal=True)
            if check.camera_picture:
                camera_sha = self._photos.put_bytes(check.camera_picture, personal=True)
        view = self._db.run_write(
            lambda s: self._save(s, by, check, case_number, card_sha, camera_sha)
        )
        log.info("photo check recorded: %s", view.result.value)
        return view

    def _save(
        self,
        session: Session,
        by: Actor,
        check: PhotoCheckInput,
        case_number: str | None,
        card_sha: str | None,
        camera_sha: str | None,
    ) -> PhotoCheckView:
        case_id = None if case_number is None else self._case_id(session, case_number)
        row = CasePhotoCheck(
            hall_id=self._hall_id,
            case_id=case_id,
            result=check.result.value,
            at_ms=self._clock.now_ms(),
            user_id=by.user_id,
            user_name=by.name,
            card_kind=check.card_kind.value,
            id_masked=mask_id(check.id_number),
            card_photo_shown=check.card_photo is not None,
            camera_compared=check.camera_picture is not None,
            card_photo_sha256=card_sha,
            card_photo_mime=None if card_sha is None else image_mime(check.card_photo or b""),
            camera_sha256=camera_sha,
        )
        session.add(row)
        session.flush()
        self._audit.append(
            session,
            AuditAction.IDCARD_PHOTO_CHECK,
            by,
            target_kind=TARGET_KIND if case_number else None,
            target=case_number,
            detail={
                "check": row.id,
                "result": row.result,
                "card_kind": row.card_kind,
                "id_number": row.id_masked,
                "card_photo": row.card_photo_shown,
                "camera": row.camera_compared,
                "kept": card_sha is not None or camera_sha is not None,
            },
        )
        return view_of(row)

    def _case_id(self, session: Session, case_number: str) -> int:
        found = session.scalar(
            select(IntakeCase.id).where(
                IntakeCase.case_number == case_number, IntakeCase.hall_id == self._hall_id
            )
        )
        if found is None:
            raise IntakeRefused(IntakeRefusal.UNKNOWN_CASE, case_number)
        return int(found)
