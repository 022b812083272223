"""The ticket kiosk: touch-sized service buttons (Chinese and English), a priority option,
appointment check-in by typed code, scanned barcode or QR code (the code, or a link with
``?code=``) or by ID card (the holder's bookings today; several: the person chooses), the
number with people ahead and the wait, and the printed ticket. The check-in page says how old
the bookings are (the last sync). Every operation runs in the task runner; the printer comes in the
constructor. A printer failure is shown and the ticket stays issued (re-print button); after a
while without touch or keys the kiosk returns to its start page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.printjobs.service import ticket_document
from clerk_app.queue.appointments import CODE_LETTERS, AppointmentDesk, BookingChoice
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import (
    HallStatus,
    IssuedTicket,
    PriorityClass,
    QueueRefused,
    ServiceStatus,
)
from clerk_app.sync.notifications import Notifications, PhoneInvalidError, normalise_mobile
from printing.documents import QueueTicketDoc
from ui.kiosk.messages import refusal_text
from ui.kiosk.printer import TicketPrinter, TicketPrintFailed
from ui.scaling import set_px, unit
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

IDLE_MS = 60_000
SERVICE_COLUMNS = 2
LETTER_COLUMNS = 12
STALE_BOOKINGS_MS = 15 * 60_000  # older than this: the kiosk says bookings may be out of date
START, APPOINTMENT, TICKET, REFUSAL, CHOOSE, SMS = range(6)
MOBILE_DIGITS = 11
_USER_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
)
BODY_PX = 36  # the kiosk's running text at 1920×1080 (prompts 40, buttons 34), read standing
STYLE = """
KioskScreen { background: #f4f7fb; }
QPushButton { background: #1565c0; color: white; border-radius: 14px; padding: 12px; }
QPushButton:focus { border: 5px solid #ffb300; }
QPushButton:disabled { background: #90a4ae; }
QPushButton:checked { background: #2e7d32; }
QPushButton#secondary { background: #546e7a; }
QLabel#error { color: #b00020; }
"""


def _button(text: str = "", *, secondary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)  # Enter presses the focused button
    if secondary:
        button.setObjectName("secondary")
    return button


def _label(*, centred: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class KioskScreen(QWidget):
    issued = Signal(object)  # IssuedTicket, once it is on screen

    def __init__(
        self,
        queue: QueueService,
        appointments: AppointmentDesk,
        printer: TicketPrinter,
        runner: TaskRunner,
        *,
        idle_ms: int = IDLE_MS,
        card_reader: Callable[[], str] | None = None,
        notifications: Notifications | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``card_reader``: reads the ID card on the kiosk's reader, its number (the desk
        must match ID cards: it holds the hall key); None: no check-in by ID card here.
        ``notifications``: the 短信提醒 opt-in after a ticket; None: not offered here."""
        super().__init__(parent)
        self._queue = queue
        self._appointments = appointments
        self._card_reader = card_reader if appointments.matches_id_cards else None
        self._notifications = notifications
        self._printer = printer
        self._runner = runner
        self._busy = False
        self._ticket: tuple[QueueTicketDoc, int] | None = None  # the paper, the ticket's id
        self.service_buttons: dict[str, QPushButton] = {}
        self.pages = QStackedWidget()
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._appointment_page())
        self.pages.addWidget(self._ticket_page())
        self.pages.addWidget(self._refusal_page())
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._sms_page())
        QVBoxLayout(self).addWidget(self.pages)
        self.setStyleSheet(STYLE)
        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._idle.timeout.connect(self.go_home)
        self._watch_input(self)
        self.go_home()

    # ------------------------------------------------------------------ pages
    def _start_page(self) -> QWidget:
        page = QWidget()
        rules = self._queue.rules
        self.title = _label()
        self.title.setText(f"{rules.name_zh}\n{rules.name_en}")
        self.prompt = _label()
        self.prompt.setText(self.tr("Please choose a service"))
        self.services = QGridLayout()
        self.priority = _button(
            self.tr("Priority service: elderly, disabled, pregnant, service members")
        )
        self.priority.setCheckable(True)
        self.check_in = _button(self.tr("Appointment check-in"), secondary=True)
        self.check_in.clicked.connect(self.show_appointment)
        self.start_message = _label()
        self.start_message.setObjectName("error")
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addLayout(self.services, 1)
        layout.addWidget(self.priority)
        layout.addWidget(self.check_in)
        layout.addWidget(self.start_message)
        return page

    def _appointment_page(self) -> QWidget:
        page = QWidget()
        self.code_prompt = _label()
        self.code_prompt.setText(
            self.tr("Scan the barcode of your booking, or type its code and press OK")
        )
        self.code = QLineEdit()
        self.code.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, on=False)  # scanners
        self.code.setMaxLength(300)  # a QR code may hold a link with ?code=
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.returnPressed.connect(self.submit_code)
        keypad = QGridLayout()
        self._keys: list[QPushButton] = []
        for index, key in enumerate("123456789-0"):
            button = _button(key)
            self._keys.append(button)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the code field
            button.clicked.connect(lambda _=False, k=key: self.code.insert(k))
            keypad.addWidget(button, index // 3, index % 3)
        erase = _button("⌫", secondary=True)
        self._keys.append(erase)
        erase.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        erase.clicked.connect(self.code.backspace)
        keypad.addWidget(erase, 3, 2)
        letters = QGridLayout()
        for index, key in enumerate(CODE_LETTERS):
            button = _button(key)
            self._keys.append(button)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.code.insert(k))
            letters.addWidget(button, index // LETTER_COLUMNS, index % LETTER_COLUMNS)
        self.by_card = _button(self.tr("Check in with your ID card"))
        self.by_card.clicked.connect(self.read_card)
        self.by_card.setVisible(self._card_reader is not None)
        self.freshness = _label()
        self.code_ok = _button(self.tr("OK"))
        self.code_ok.clicked.connect(self.submit_code)
        self.code_back = _button(self.tr("Back"), secondary=True)
        self.code_back.clicked.connect(self.go_home)
        self.code_back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        layout = QVBoxLayout(page)
        layout.addWidget(self.code_prompt)
        layout.addWidget(self.code)
        layout.addLayout(keypad, 1)
        layout.addLayout(letters, 1)
        layout.addWidget(self.code_ok)
        layout.addWidget(self.by_card)
        layout.addWidget(self.freshness)
        layout.addWidget(self.code_back)
        return page

    def _choice_page(self) -> QWidget:
        page = QWidget()
        self.choice_prompt = _label()
        self.choice_prompt.setText(
            self.tr("You have several bookings today. Please choose the one to check in.")
        )
        self.choices = QVBoxLayout()
        self.choice_buttons: dict[str, QPushButton] = {}
        self.choice_back = _button(self.tr("Back"), secondary=True)
        self.choice_back.clicked.connect(self.go_home)
        layout = QVBoxLayout(page)
        layout.addWidget(self.choice_prompt)
        layout.addLayout(self.choices, 1)
        layout.addWidget(self.choice_back)
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        self.number = _label()
        self.service = _label()
        self.ahead = _label()
        self.eta = _label()
        self.print_status = _label()
        self.reprint = _button(self.tr("Print again"))
        self.reprint.clicked.connect(self.print_again)
        self.done = _button(self.tr("Done"), secondary=True)
        self.done.clicked.connect(self.go_home)
        self.sms_status = _label()
        self.sms_offer = _button(self.tr("Text me when my turn is near (短信提醒)"))
        self.sms_offer.clicked.connect(self.show_sms)
        layout = QVBoxLayout(page)
        for widget in (self.number, self.service, self.ahead, self.eta, self.print_status):
            layout.addWidget(widget)
        layout.addWidget(self.reprint)
        layout.addWidget(self.sms_status)
        layout.addWidget(self.sms_offer)
        layout.addWidget(self.done)
        return page

    def _sms_page(self) -> QWidget:
        """A phone keypad (the kiosk has no keyboard), the consent, OK and back."""
        page = QWidget()
        self.sms_consent = _label()
        self.sms_consent.setText(
            self.tr(
                "Enter your mobile number. We will send one text message when your turn is "
                "near. By pressing OK you agree that the hall stores this number, encrypted, "
                "for this ticket only, and gives it to the text-message service to send it."
            )
        )
        self.sms_phone = QLineEdit()
        self.sms_phone.setReadOnly(True)
        self.sms_phone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sms_phone.setAccessibleName(self.tr("Mobile number"))
        self.sms_error = _label()
        self.sms_error.setObjectName("error")
        keys = QGridLayout()
        self.sms_keys: dict[str, QPushButton] = {}
        labels = [*"123456789", "⌫", "0", self.tr("Clear")]
        for index, text in enumerate(labels):
            key = _button(text, secondary=not text.isdigit())
            key.clicked.connect(lambda _=False, k=text: self._sms_key(k))
            keys.addWidget(key, index // 3, index % 3)
            self.sms_keys[text] = key
        self.sms_ok = _button(self.tr("OK, text me"))
        self.sms_ok.clicked.connect(self.submit_sms)
        self.sms_back = _button(self.tr("Back"), secondary=True)
        self.sms_back.clicked.connect(lambda: self._show_page(TICKET))
        layout = QVBoxLayout(page)
        layout.addWidget(self.sms_consent)
        layout.addWidget(self.sms_phone)
        layout.addWidget(self.sms_error)
        layout.addLayout(keys)
        layout.addWidget(self.sms_ok)
        layout.addWidget(self.sms_back)
        return page

    def _refusal_page(self) -> QWidget:
        page = QWidget()
        self.refusal = _label()
        self.refusal_back = _button(self.tr("Back to the start"), secondary=True)
        self.refusal_back.clicked.connect(self.go_home)
        layout = QVBoxLayout(page)
        layout.addWidget(self.refusal, 1)
        layout.addWidget(self.refusal_back)
        return page

    # ------------------------------------------------------------------ navigation
    def go_home(self) -> None:
        """The start page, priority off, the code cleared; the services read afresh."""
        self.priority.setChecked(False)
        self.code.clear()
        self.start_message.clear()
        self._show_page(START)
        self._runner.run(self._queue.status, self._show_services, self._services_failed, owner=self)

    def show_appointment(self) -> None:
        self._show_page(APPOINTMENT)
        self.code.setFocus()
        self.freshness.clear()
        self._runner.run(
            self._appointments.pulled_ms, self._show_freshness, self._freshness_failed, owner=self
        )

    def _show_freshness(self, pulled_ms: int | None) -> None:
        if pulled_ms is None:
            return  # this hall's bookings are not synced from the central server
        rules = self._queue.rules
        when = dt.datetime.fromtimestamp(pulled_ms / 1000, rules.tz)
        stale = self._queue.now_ms() - pulled_ms > STALE_BOOKINGS_MS
        if rules.day(pulled_ms) != rules.day(self._queue.now_ms()):
            shown = when.strftime("%Y-%m-%d %H:%M")
        else:
            shown = when.strftime("%H:%M")
        self.freshness.setObjectName("error" if stale else "")
        self.freshness.style().unpolish(self.freshness)  # QLabel#error applies to the new name
        self.freshness.style().polish(self.freshness)
        if stale:
            self.freshness.setText(
                self.tr(
                    "Bookings as of {time}: a booking made or cancelled online since then is "
                    "not known here yet. If yours is not found, please ask the staff."
                ).format(time=shown)
            )
        else:
            self.freshness.setText(self.tr("Bookings as of {time}").format(time=shown))

    def _freshness_failed(self, exc: Exception) -> None:
        log.error("the kiosk cannot tell how fresh the bookings are", exc_info=exc)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        if page == START:
            self._idle.stop()
        else:
            self._idle.start()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _watch_input(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _USER_EVENTS and self._idle.isActive():
            self._idle.start()  # restart the countdown
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ services
    def _show_services(self, status: HallStatus) -> None:
        services = status.services
        while self.services.count():
            item = self.services.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.service_buttons = {}
        for index, service in enumerate(services):
            button = self._service_button(index, service)
            self.services.addWidget(button, index // SERVICE_COLUMNS, index % SERVICE_COLUMNS)
            self._watch_input(button)
            self.service_buttons[service.code] = button
        self._resize_services()
        if services:
            self.service_buttons[services[0].code].setFocus()

    def _service_button(self, index: int, service: ServiceStatus) -> QPushButton:
        key = f"{index + 1}. " if index < 9 else ""
        button = _button(f"{key}{service.prefix}  {service.name_zh}\n{service.name_en}")
        if index < 9:
            button.setShortcut(QKeySequence(str(index + 1)))
        button.clicked.connect(lambda _=False, code=service.code: self.choose_service(code))
        return button

    def _services_failed(self, exc: Exception) -> None:
        log.error("the kiosk cannot read the services", exc_info=exc)
        self.start_message.setText(
            self.tr("Tickets cannot be issued at the moment. Please ask the staff for help.")
        )

    # ------------------------------------------------------------------ issuing
    def choose_service(self, code: str) -> None:
        priority = PriorityClass.PRIORITY if self.priority.isChecked() else PriorityClass.NORMAL
        self._issue(lambda: self._queue.issue(code, priority))

    def submit_code(self) -> None:
        code = self.code.text()
        if not code.strip():
            self.code.setFocus()
            return
        self._issue(lambda: self._appointments.check_in(code))

    def read_card(self) -> None:
        """Read the card, find its holder's bookings today: one checks in, several are
        offered. The number goes from the reader to the desk in one task, never kept here."""
        reader = self._card_reader
        if reader is None or self._busy:
            return
        self._set_busy(busy=True)
        self.freshness.setText(self.tr("Please place your ID card on the reader…"))
        desk = self._appointments
        self._runner.run(
            lambda: desk.bookings_for_card(reader()), self._card_bookings, self._refused, owner=self
        )

    def _card_bookings(self, found: list[BookingChoice]) -> None:
        self._set_busy(busy=False)
        if len(found) == 1:
            self.check_in_booking(found[0].code)
            return
        while self.choices.count():
            item = self.choices.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.choice_buttons = {}
        for choice in found:
            slot = "" if choice.slot_min is None else self._slot_text(choice.slot_min)
            button = _button(f"{slot}  {choice.service_name_zh}\n{choice.service_name_en}")
            button.clicked.connect(lambda _=False, c=choice.code: self.check_in_booking(c))
            self.choices.addWidget(button)
            self._watch_input(button)
            self.choice_buttons[choice.code] = button
        self._resize_services()
        self._show_page(CHOOSE)
        self.choice_buttons[found[0].code].setFocus()

    @staticmethod
    def _slot_text(slot_min: int) -> str:
        return f"{slot_min // 60:02d}:{slot_min % 60:02d}"

    def check_in_booking(self, code: str) -> None:
        self._issue(lambda: self._appointments.check_in(code))

    def _issue(self, work: Callable[[], IssuedTicket]) -> None:
        if self._busy:
            return
        self._set_busy(busy=True)
        self._runner.run(work, self._issued, self._refused, owner=self)

    def _issued(self, issued: IssuedTicket) -> None:
        self._set_busy(busy=False)
        rules = self._queue.rules
        t = issued.ticket
        self._ticket = (ticket_document(rules, issued), t.ticket_id)
        self.number.setText(t.number)
        self.service.setText(f"{t.service_name_zh}  {t.service_name_en}")
        self.ahead.setText(self.tr("%n person(s) ahead of you", "", issued.ahead))
        self.eta.setText(self.tr("Estimated wait: about %n minute(s)", "", issued.eta_minutes))
        self.sms_status.clear()
        self.sms_offer.setVisible(self._notifications is not None)
        self._show_page(TICKET)
        self.done.setFocus()
        self.issued.emit(issued)
        self.print_again()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(busy=False)
        if isinstance(exc, QueueRefused):
            self.refusal.setText(refusal_text(exc.code))
        else:
            log.error("the kiosk could not issue a ticket", exc_info=exc)
            self.refusal.setText(
                self.tr("Sorry, no ticket could be issued. Please ask the staff for help.")
            )
        self._show_page(REFUSAL)
        self.refusal_back.setFocus()

    def _set_busy(self, *, busy: bool) -> None:
        self._busy = busy
        for button in (
            *self.service_buttons.values(),
            *self.choice_buttons.values(),
            self.code_ok,
            self.check_in,
            self.by_card,
        ):
            button.setEnabled(not busy)

    # ------------------------------------------------------------------ 短信提醒
    def show_sms(self) -> None:
        self.sms_phone.clear()
        self.sms_error.clear()
        self.sms_ok.setEnabled(True)
        self._show_page(SMS)
        self.sms_keys["1"].setFocus()

    def _sms_key(self, key: str) -> None:
        text = self.sms_phone.text()
        if key == "⌫":
            text = text[:-1]
        elif key.isdigit():
            text = (text + key)[:MOBILE_DIGITS]
        else:
            text = ""
        self.sms_phone.setText(text)
        self.sms_error.clear()

    def submit_sms(self) -> None:
        notifications, ticket = self._notifications, self._ticket
        if notifications is None or ticket is None:
            return
        try:
            phone = normalise_mobile(self.sms_phone.text())
        except PhoneInvalidError:
            self.sms_error.setText(
                self.tr("Please enter an 11-digit mainland mobile number (starting with 1).")
            )
            return
        ticket_id = ticket[1]
        self.sms_ok.setEnabled(False)
        self._runner.run(
            lambda: notifications.opt_in_ticket(ticket_id, phone),
            lambda _: self._sms_done(),
            self._sms_failed,
            owner=self,
        )

    def _sms_done(self) -> None:
        self.sms_phone.clear()  # the number is not left on a public screen
        self.sms_offer.hide()
        self.sms_status.setText(self.tr("We will text you when your turn is near."))
        self._show_page(TICKET)
        self.done.setFocus()

    def _sms_failed(self, exc: Exception) -> None:
        log.error("the kiosk could not record a text-message opt-in", exc_info=exc)
        self.sms_ok.setEnabled(True)
        self.sms_error.setText(
            self.tr("Sorry, text messages cannot be arranged now. Please watch the screen.")
        )

    # ------------------------------------------------------------------ printing
    def print_again(self) -> None:
        ticket = self._ticket
        if ticket is None:
            return
        self.reprint.hide()
        self.print_status.setObjectName("")
        self.print_status.setText(self.tr("Printing your ticket…"))
        self._runner.run(
            lambda: self._printer.print_ticket(*ticket),
            lambda _: self._printed(),
            self._print_failed,
            owner=self,
        )

    def _printed(self) -> None:
        self.print_status.setText(self.tr("Please take your ticket below."))

    def _print_failed(self, exc: Exception) -> None:
        if isinstance(exc, TicketPrintFailed):
            log.warning("ticket printer failed: %s", exc.message)
            reason = exc.message
        else:
            log.error("ticket printing failed", exc_info=exc)
            reason = type(exc).__name__
        self.print_status.setObjectName("error")
        self.print_status.setStyleSheet("color: #b00020;")
        if isinstance(exc, TicketPrintFailed) and exc.unconfirmed:
            text = self.tr(
                "Please check whether your ticket came out below. If it did not, or only in "
                "part, press Print again: your number is valid."
            )
        else:
            text = self.tr(
                "The ticket could not be printed ({reason}). Your number is valid: please "
                "remember it, or press Print again."
            ).format(reason=reason)
        self.print_status.setText(text)
        self.reprint.show()
        self.reprint.setFocus()

    # ------------------------------------------------------------------ sizes
    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self._idle.stop()  # a kiosk nobody sees has no start page to return to
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._idle.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        u = unit(self)
        set_px(self.title, 44 * u, bold=True)
        for label in (
            self.prompt,
            self.code_prompt,
            self.choice_prompt,
            self.service,
            self.ahead,
            self.eta,
        ):
            set_px(label, 40 * u)
        set_px(self.number, 220 * u, bold=True)
        for label in (
            self.print_status,
            self.refusal,
            self.start_message,
            self.sms_status,
            self.sms_consent,
            self.sms_error,
        ):
            set_px(label, BODY_PX * u)
        set_px(self.freshness, 28 * u)
        for field in (self.code, self.sms_phone):
            set_px(field, 60 * u)
        for button in self.findChildren(QPushButton):
            set_px(button, 34 * u)
            button.setMinimumHeight(round(96 * u))
        for key in self._keys:  # seven rows of keys: still a finger's width, on one screen
            key.setMinimumHeight(round(72 * u))
        self._resize_services()

    def _resize_services(self) -> None:
        u = unit(self)
        for button in (*self.service_buttons.values(), *self.choice_buttons.values()):
            set_px(button, 40 * u, bold=True)
            button.setMinimumHeight(round(140 * u))
