"""The applicant's rating screen: five levels for each indicator, big touch buttons, nothing
chosen in advance. A 2 or 1 on any indicator (不满意, 非常不满意) leads to a second page asking
why: large tick-boxes of the common reasons (差评原因), at least one, and a few words if the
applicant wishes (length-limited; phone and ID numbers are masked by the service). It wakes up
when the window's service is finished (the hall's change listener) and submits under the rating
device's own account; the service refuses the clerk's.

It runs alone on a tablet or a pad (``--mode rating``), or as the rating page of the applicant's
screen at the counter (``ui.applicant.screen``), which shows it when :attr:`prompted` fires.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.roles import UserInfo
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import (
    BAD_LEVELS,
    REASON_TEXT_MAX,
    Indicator,
    Level,
    RatingInput,
    RatingPrompt,
    RatingRefusal,
    RatingRefused,
    RatingResult,
)
from onewindow_protocol.wire.ops import BadReason
from ui.rating_reasons import reason_name
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

IDLE, RATING, THANKS, REASONS = 0, 1, 2, 3
TICK_STYLE = "QCheckBox { spacing: 24px; } QCheckBox::indicator { width: 56px; height: 56px; }"
THANKS_MS = 5000


class _Tick(QCheckBox):
    """A large tick-box that ticks wherever on its row it is touched, not only on its box."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        return self.rect().contains(pos)


class RatingScreen(QWidget):
    prompted = Signal()  # a finished service is waiting for its rating: the levels are shown
    submitted = Signal(object)  # RatingResult

    def __init__(
        self,
        ratings: RatingService,
        device: UserInfo,
        window_number: int,
        runner: TaskRunner,
        *,
        thanks_ms: int = THANKS_MS,
    ) -> None:
        super().__init__()
        self._ratings = ratings
        self._device = device
        self._window = window_number
        self._runner = runner
        self._prompt: RatingPrompt | None = None
        self._dismissed: int | None = None  # a ticket whose applicant left without rating
        self.groups: dict[Indicator, QButtonGroup] = {}
        self.buttons: dict[tuple[Indicator, Level], QPushButton] = {}
        self._stack = QStackedWidget()
        self.idle_label = QLabel(self.tr("Welcome. Please rate our service when it is finished."))
        self.thanks_label = QLabel(self.tr("Thank you for your rating."))
        self.title = QLabel()
        self.error = QLabel()
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setEnabled(False)
        self.submit_button.clicked.connect(self.submit)
        # The reasons page, for a rating of 2 or 1.
        self.reasons_title = QLabel(
            self.tr("We are sorry. What was not satisfactory? Please tick at least one.")
        )
        self.reasons_title.setWordWrap(True)
        self.reason_boxes: dict[BadReason, QCheckBox] = {}
        self.reason_text = QLineEdit()
        self.reason_text.setMaxLength(REASON_TEXT_MAX)
        self.reason_text.setPlaceholderText(
            self.tr("In a few words, if you wish (no phone or ID numbers)")
        )
        self.reason_error = QLabel()
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self._back)
        self.send_button = QPushButton(self.tr("Submit"))
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.submit)
        self._thanks_timer = QTimer(self, singleShot=True, interval=thanks_ms)
        self._thanks_timer.timeout.connect(self.refresh)
        self._build()

    # ------------------------------------------------------------ layout
    def _level_text(self, level: Level) -> str:
        return {
            Level.VERY_SATISFIED: self.tr("Very satisfied"),
            Level.SATISFIED: self.tr("Satisfied"),
            Level.BASICALLY_SATISFIED: self.tr("Basically satisfied"),
            Level.DISSATISFIED: self.tr("Dissatisfied"),
            Level.VERY_DISSATISFIED: self.tr("Very dissatisfied"),
        }[level]

    def _indicator_text(self, indicator: Indicator) -> str:
        return {
            Indicator.OVERALL: self.tr("Overall"),
            Indicator.EFFICIENCY: self.tr("Efficiency"),
            Indicator.COMPETENCE: self.tr("Competence"),
            Indicator.ATTITUDE: self.tr("Attitude"),
        }[indicator]

    def _reasons_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(self.reasons_title, 0, 0, 1, 2)
        for index, reason in enumerate(BadReason):
            box = _Tick(reason_name(reason))
            box.setStyleSheet(TICK_STYLE)
            box.setFont(self.font())  # a style sheet of its own stops the screen's large type
            box.setMinimumHeight(90)
            box.toggled.connect(self._ticked)
            grid.addWidget(box, 1 + index // 2, index % 2)
            self.reason_boxes[reason] = box
        rows = 1 + (len(BadReason) + 1) // 2
        grid.addWidget(self.reason_text, rows, 0, 1, 2)
        grid.addWidget(self.reason_error, rows + 1, 0, 1, 2)
        buttons = QHBoxLayout()
        for button in (self.back_button, self.send_button):
            button.setMinimumSize(240, 90)
            buttons.addWidget(button)
        grid.addLayout(buttons, rows + 2, 0, 1, 2)
        return page

    def _build(self) -> None:
        big = QFont()
        big.setPointSize(20)
        self.setFont(big)
        rating = QWidget()
        grid = QGridLayout(rating)
        grid.addWidget(self.title, 0, 0, 1, 6)
        for row, indicator in enumerate(Indicator, start=1):
            grid.addWidget(QLabel(self._indicator_text(indicator)), row, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            for column, level in enumerate(Level, start=1):
                button = QPushButton(self._level_text(level))
                button.setCheckable(True)
                button.setMinimumSize(180, 90)
                group.addButton(button, int(level))
                grid.addWidget(button, row, column)
                self.buttons[(indicator, level)] = button
            group.idClicked.connect(self._chosen)
            self.groups[indicator] = group
        grid.addWidget(self.error, len(Indicator) + 1, 0, 1, 6)
        grid.addWidget(self.submit_button, len(Indicator) + 2, 0, 1, 6)
        for page in (self.idle_label, rating, self.thanks_label, self._reasons_page()):
            self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)

    # ------------------------------------------------------------ state
    @property
    def page(self) -> int:
        return self._stack.currentIndex()

    def chosen(self) -> dict[Indicator, int]:
        return {i: g.checkedId() for i, g in self.groups.items() if g.checkedId() > 0}

    def bad(self) -> bool:
        """Whether a chosen level is 2 or 1: the reasons page is asked before submitting."""
        return any(level in BAD_LEVELS for level in self.chosen().values())

    def reasons(self) -> frozenset[BadReason]:
        return frozenset(r for r, box in self.reason_boxes.items() if box.isChecked())

    def _chosen(self, _level: int) -> None:
        self.submit_button.setEnabled(len(self.chosen()) == len(Indicator))
        self.submit_button.setText(self.tr("Next") if self.bad() else self.tr("Submit"))

    def _ticked(self, _on: bool) -> None:
        self.send_button.setEnabled(bool(self.reasons()))
        if self.reasons():
            self.reason_error.clear()

    def _back(self) -> None:
        self._stack.setCurrentIndex(RATING)

    def refresh(self) -> None:
        """Ask whether the window has a finished service waiting (on the watcher's signal)."""
        if self._thanks_timer.isActive() or self.page in (RATING, REASONS):
            return
        self._runner.run(lambda: self._ratings.prompt(self._window), self._show, self._failed)

    def dismiss(self) -> None:
        """The applicant left without rating (the next one is at the counter): back to idle,
        and this service is not offered again; the next one finished is."""
        if self._prompt is not None:
            self._dismissed = self._prompt.ticket_id
        self._prompt = None
        self._stack.setCurrentIndex(IDLE)

    def _show(self, prompt: object) -> None:
        if not isinstance(prompt, RatingPrompt) or prompt.ticket_id == self._dismissed:
            self._stack.setCurrentIndex(IDLE)
            return
        self._prompt = prompt
        self._clear()
        self.title.setText(
            self.tr("Ticket {number}: how was the service of {clerk}?").format(
                number=prompt.ticket_number, clerk=prompt.clerk_name
            )
        )
        self._stack.setCurrentIndex(RATING)
        self.prompted.emit()

    def _clear(self) -> None:
        for group in self.groups.values():
            group.setExclusive(False)  # Qt cannot uncheck the checked button of an exclusive group
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.error.clear()
        self.submit_button.setEnabled(False)
        self.submit_button.setText(self.tr("Submit"))
        for box in self.reason_boxes.values():
            box.setChecked(False)
        self.reason_text.clear()
        self.reason_error.clear()

    def submit(self) -> None:
        """From the levels: straight to the service, or first to the reasons page when a level
        is 2 or 1; from the reasons page: with the reasons ticked (at least one)."""
        if self._prompt is None or len(self.chosen()) != len(Indicator):
            return
        bad = self.bad()
        if bad and self.page != REASONS:
            self._stack.setCurrentIndex(REASONS)
            return
        if bad and not self.reasons():
            self.reason_error.setText(self.tr("Please tick at least one reason."))
            return
        levels = self.chosen()
        reasons = self.reasons() if bad else frozenset()
        text = self.reason_text.text() if bad else ""
        ticket = self._prompt.ticket_id
        self.submit_button.setEnabled(False)
        self.send_button.setEnabled(False)
        rating = RatingInput(ticket, levels, reasons=reasons, reason_text=text)
        self._runner.run(
            lambda: self._ratings.submit(rating, self._device),
            self._done,
            self._failed,
        )

    def _done(self, result: object) -> None:
        assert isinstance(result, RatingResult)
        self._prompt = None
        self._stack.setCurrentIndex(THANKS)
        self._thanks_timer.start()
        self.submitted.emit(result)

    def _failed(self, exc: Exception) -> None:
        shown = self.reason_error if self.page == REASONS else self.error
        if isinstance(exc, RatingRefused):
            shown.setText(self._refusal_text(exc.code))
            if exc.code is RatingRefusal.ALREADY_RATED:
                self._prompt = None
                self._stack.setCurrentIndex(IDLE)
            elif exc.code is RatingRefusal.INVALID_REASON_TEXT:
                self.send_button.setEnabled(bool(self.reasons()))
            return
        log.error("rating failed", exc_info=exc)
        shown.setText(self.tr("The rating could not be saved. Please try again."))
        self.submit_button.setEnabled(True)
        self.send_button.setEnabled(bool(self.reasons()))

    def _refusal_text(self, code: RatingRefusal) -> str:
        texts = {
            RatingRefusal.CLERK_CANNOT_RATE: self.tr(
                "The window's clerk cannot submit a rating: this screen is the applicant's."
            ),
            RatingRefusal.ALREADY_RATED: self.tr("This service has already been rated."),
            RatingRefusal.INCOMPLETE: self.tr("Please choose a level for every item."),
            RatingRefusal.REASON_REQUIRED: self.tr("Please tick at least one reason."),
            RatingRefusal.INVALID_REASON_TEXT: self.tr(
                "These words cannot be kept: please shorten them or leave out unusual characters."
            ),
        }
        return texts.get(code, self.tr("The rating was refused ({code}).").format(code=code.value))
