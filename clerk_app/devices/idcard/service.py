"""A clerk's card read: the reader asked once, the read put on the audit trail.

The intake form calls :meth:`IdCardService.read` off the GUI thread. What comes back is the
card without its photo, and apart from it the photo as the vendor's decoder made it (where one
is installed), for the clerk's photo check (:mod:`.photo_check`) to show: nothing stores it
unless the hall keeps photos with the checks (``[idcard] keep_photo``). The audit record
names who read, which case was open (if any), the card's kind and its number masked as
papers print it; a failed read is recorded too, with the kind of failure and nothing of the
card. Nothing of the card is logged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction, Outcome
from clerk_app.devices.idcard.card import CardData
from clerk_app.devices.idcard.errors import IdCardError
from clerk_app.devices.idcard.reader import CardReader
from onewindow_protocol.masking import mask_id

log = logging.getLogger(__name__)

TARGET_KIND = "case"


@dataclass(frozen=True, slots=True)
class CardRead:
    """A card as read for a form: its data (no photo), whether it has expired today, and the
    decoded photo for the photo check (None: photo not available)."""

    card: CardData
    expired: bool
    photo: bytes | None = field(default=None, repr=False)


class IdCardService:
    """Reads the counter's ID card reader for a clerk, and audits each read."""

    def __init__(
        self, reader: CardReader, audit: AuditService, today: Callable[[], dt.date]
    ) -> None:
        self._reader = reader
        self._audit = audit
        self._today = today

    @open_to_clerks  # a clerk reads the card the applicant hands over
    def read(self, by: Actor, *, case_number: str | None = None) -> CardRead:
        """Read the card on the reader; an :class:`IdCardError` says why not (audited too)."""
        try:
            card = self._reader.read_card()
        except IdCardError as exc:
            log.info("ID card read failed: %s", type(exc).__name__)
            self._audit.record(
                AuditAction.IDCARD_READ,
                by,
                outcome=Outcome.FAILED,
                target_kind=TARGET_KIND if case_number else None,
                target=case_number,
                detail={"failure": type(exc).__name__},
            )
            raise
        expired = card.expired(self._today())
        self._audit.record(
            AuditAction.IDCARD_READ,
            by,
            target_kind=TARGET_KIND if case_number else None,
            target=case_number,
            detail={
                "card_kind": card.kind.value,
                "id_number": mask_id(card.id_number),
                "expired": expired,
            },
        )
        return CardRead(
            card.model_copy(update={"photo": None, "photo_bmp": None}), expired, card.photo_bmp
        )
