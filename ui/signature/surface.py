"""Where a paper is signed: the signing dialog on the clerk's screen, or the applicant's own
screen at the counter (``ui.applicant.signing``). :class:`~ui.signature.flow.PaperSigning`
opens a :class:`SigningRequest` on whichever surface the counter has and takes the ink it
answers with; recording and printing stay in the flow, once, for every surface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from clerk_app.signatures.ink import SignatureInk
from printing.documents import SignableDocument
from ui.signature.dialog import SigningDialog
from ui.signature.panel import SigningPanel


@dataclass(frozen=True, slots=True)
class SigningRequest:
    """One paper to sign: the paper, what the signer is asked, and the two ways it ends."""

    doc: SignableDocument
    paper: str  # the paper's name, translated ("the acceptance notice")
    prompt: str
    signed: Callable[[SignatureInk], None]
    cancelled: Callable[[], None]


class SigningSurface(Protocol):
    def open(self, request: SigningRequest, parent: QWidget | None) -> SigningPanel:
        """Show the pad for ``request`` (``parent``: the clerk's widget that asked) and answer
        with exactly one of its ``signed`` or ``cancelled``; the pad's panel is returned."""
        ...


class DialogSurface:
    """The signing dialog on the clerk's screen, over the widget that asked."""

    def __init__(self) -> None:
        self.dialog: SigningDialog | None = None

    def open(self, request: SigningRequest, parent: QWidget | None) -> SigningPanel:
        dialog = SigningDialog(request.prompt, parent)
        dialog.signed.connect(request.signed)
        dialog.rejected.connect(request.cancelled)
        self.dialog = dialog
        dialog.open()
        return dialog.panel
