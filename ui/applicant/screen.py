"""The applicant's screen at a counter: what the clerk does, shown to the person it is done for.

It follows the clerk's intake panel in the same process (its signals, no database round trip):
the item and the materials as the clerk ticks them, then the decision in plain words. The
clerk's 请申请人签名 puts the paper on it to be signed, with the signature pad beside it
(:meth:`ApplicantScreen.ask_to_sign`, driven by ``ui.applicant.signing``); once signed or
cancelled it goes back to the page it left (:meth:`ApplicantScreen.end_signing`). When the
service is finished it offers the rating (``ui.applicant.rating``, under the rating device's
account) or, where this PC has no device account, points to the window's rating pad; then
thanks, then the welcome page again.

The applicant touches nothing but the rating and the signature. Their name is shown masked
(张*三); no ID number, phone or address is ever put on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PIL.ImageQt import ImageQt
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from clerk_app.accounts.roles import UserInfo
from clerk_app.intake.types import DecisionResult
from clerk_app.ratings.service import RatingService
from printing.pages import render_page
from ui.applicant.case_page import CasePage, MaterialRow, mark_of
from ui.applicant.decision_page import DecisionPage
from ui.applicant.rating import RatingScreen
from ui.applicant.signing_page import SigningPage
from ui.i18n import pick_name
from ui.intake.panel import IntakePanel
from ui.scaling import set_px, unit
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

WELCOME, CASE, DECISION, SIGNING, RATING, THANKS = range(6)
THANKS_MS = 8000


def paper_image(pdf: bytes, height_px: int) -> QImage:
    """The paper's last page as a screen image (off the GUI thread: ~30 ms a page)."""
    return QImage(ImageQt(render_page(pdf, -1, height_px=height_px))).copy()


class ApplicantScreen(QWidget):
    page_changed = Signal(int)
    signing_shown = Signal()  # the paper to sign is drawn on the signing page

    def __init__(
        self,
        hall: tuple[str, str],
        window_number: int,
        runner: TaskRunner,
        *,
        thanks_ms: int = THANKS_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._panel: IntakePanel | None = None
        self._ticket: int | None = None
        self._signing = 0  # the latest request to sign: an older rendering is dropped
        self._before_signing = WELCOME  # the page the signing page returns to
        self.rating: RatingScreen | None = None
        self.setWindowTitle(self.tr("OneWindow — applicant screen"))
        # The keyboard stays with the clerk's window (its function keys): this one is touched,
        # never typed into, and showing it must not take the focus.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self._stack = QStackedWidget()
        self.hall = QLabel(pick_name(self.locale(), *hall))
        self.window_label = QLabel(self.tr("Window {number}").format(number=window_number))
        self.welcome = QLabel(self.tr("Hello, please wait a moment."))
        self.case_page = CasePage()
        self.decision_page = DecisionPage()
        self.signing_page = SigningPage()
        self.rating_page = QWidget()
        self._rating_layout = QVBoxLayout(self.rating_page)
        self.rating_pad = QLabel(
            self.tr("Thank you. Please rate our service on the rating pad of this window.")
        )
        self.rating_pad.setWordWrap(True)
        self._rating_layout.addWidget(self.rating_pad)
        self.thanks = QLabel(self.tr("Thank you for your rating. Goodbye."))
        self._back_timer = QTimer(self, singleShot=True, interval=thanks_ms)
        self._back_timer.timeout.connect(self._back_to_welcome)
        self._build()

    def _build(self) -> None:
        welcome = QWidget()
        column = QVBoxLayout(welcome)
        column.addStretch(1)
        for label in (self.hall, self.window_label, self.welcome):
            column.addWidget(label)
        column.addStretch(1)
        for page in (
            welcome,
            self.case_page,
            self.decision_page,
            self.signing_page,
            self.rating_page,
            self.thanks,
        ):
            self._stack.addWidget(page)
        for label in (self.hall, self.window_label, self.welcome, self.rating_pad, self.thanks):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)

    # ------------------------------------------------------------ pages
    @property
    def page(self) -> int:
        return self._stack.currentIndex()

    def _show(self, page: int) -> None:
        if self.page == page:
            return
        if self.page == RATING and self.rating is not None:
            self.rating.dismiss()  # left unrated (a submitted rating moves to THANKS itself)
        self._stack.setCurrentIndex(page)
        self.page_changed.emit(page)

    def _back_to_welcome(self) -> None:
        if self.page in (RATING, THANKS):
            self._show(WELCOME)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        size = unit(self)
        set_px(self.hall, 72 * size, bold=True)
        set_px(self.window_label, 56 * size)
        set_px(self.welcome, 96 * size, bold=True)
        set_px(self.rating_pad, 64 * size)
        set_px(self.thanks, 96 * size, bold=True)
        for page in (self.case_page, self.decision_page, self.signing_page):
            page.scale(size)

    # ------------------------------------------------------------ the clerk's side
    def follow(self, panel: IntakePanel) -> None:
        """Show what happens in the clerk's intake panel: ticks, the item, the decision."""
        self._panel = panel
        checklist = panel.checklist
        checklist.records_changed.connect(self._case_changed)
        checklist.dataChanged.connect(self._refresh_case)
        panel.applicant.changed.connect(self._refresh_case)
        panel.decided.connect(self.show_decision)
        if checklist.requirements:  # a case under way: shown at once
            self._case_changed()

    def _case_changed(self) -> None:
        self._refresh_case()
        assert self._panel is not None  # connected by follow()
        if self._panel.checklist.requirements:
            self._show(CASE)
        elif self.page == CASE:  # the clerk cleared the form
            self._show(WELCOME)

    def _refresh_case(self) -> None:
        panel = self._panel
        if panel is None:
            return
        checklist = panel.checklist
        rows = [
            MaterialRow(r.name, mark_of(r, checklist.record(r.key))) for r in checklist.requirements
        ]
        item = panel.picker.item
        name = pick_name(self.locale(), item.name_zh, item.name_en) if item else ""
        self.case_page.show_case(name, panel.applicant.name.text(), rows)

    def show_decision(self, result: DecisionResult) -> None:
        self.decision_page.show_decision(result)
        self._show(DECISION)

    def set_ticket(self, ticket_id: int | None) -> None:
        """The ticket being served at the window (the caller panel's, repeated on each refresh):
        a new one is a new applicant; none after one is a service finished."""
        if ticket_id == self._ticket:
            return
        finished, self._ticket = self._ticket is not None, ticket_id
        if ticket_id is not None:
            self.signing_page.clear()
            self._show(WELCOME)
        elif finished and self.rating is None:  # rated on the window's own pad
            self._show(RATING)
            self._back_timer.start()

    # ------------------------------------------------------------ signing
    def ask_to_sign(
        self, paper: bytes | Callable[[], bytes], title: str, pad: QWidget | None = None
    ) -> None:
        """Show the paper's last page under 请签名, with ``pad`` (the signature pad) beside it;
        :attr:`signing_shown` once it is drawn. ``paper``: the PDF, or how to render it (then
        rendered off the GUI thread with the page)."""
        self._signing += 1
        request, height = self._signing, self.signing_page.paper_height()
        if pad is not None:
            self.set_signing_widget(pad)

        def draw() -> QImage:
            return paper_image(paper() if callable(paper) else paper, height)

        self._runner.run(
            draw,
            lambda image: self._paper_ready(request, image, title),
            self._paper_failed,
            owner=self,
        )

    def _paper_ready(self, request: int, image: QImage, title: str) -> None:
        if request != self._signing:
            return
        self.signing_page.show_paper(image, title)
        if self.page != SIGNING:
            self._before_signing = self.page
        self._show(SIGNING)
        self.signing_shown.emit()

    def end_signing(self) -> None:
        """Signed or cancelled: the paper and the pad go, and the page it left comes back."""
        self._signing += 1  # a paper still being drawn is not shown
        self.set_signing_widget(None)
        self.signing_page.clear()
        if self.page == SIGNING:
            self._show(self._before_signing)

    def _paper_failed(self, error: Exception) -> None:
        log.error("the paper to sign could not be shown", exc_info=error)

    def set_signing_widget(self, widget: QWidget | None) -> None:
        """The signature pad's place on the signing page (``ui.signature``)."""
        self.signing_page.set_signing_widget(widget)

    # ------------------------------------------------------------ rating
    def enable_rating(
        self, ratings: RatingService, device: UserInfo, window_number: int
    ) -> RatingScreen:
        """Rate here, under the rating device's account; the caller connects the hall's
        change signal to the returned screen's ``refresh``."""
        rating = RatingScreen(ratings, device, window_number, self._runner)
        self._rating_layout.removeWidget(self.rating_pad)
        self.rating_pad.hide()
        self._rating_layout.addWidget(rating)
        rating.prompted.connect(lambda: self._show(RATING))
        rating.submitted.connect(self._rated)
        self.rating = rating
        return rating

    def _rated(self, _result: object) -> None:
        self._stack.setCurrentIndex(THANKS)  # not _show: the rating is done, not dismissed
        self.page_changed.emit(THANKS)
        self._back_timer.start()
