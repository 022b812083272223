"""The applicant's screen beside a clerk's window (built by ``ui.flow`` at each sign-in): placed
by ``[screens] applicant``, following the window's intake panel and its ticket, rating under
the ``[device]`` account where this PC has one and the hall key.

Without a device account the rating stays on the window's own rating pad (``--mode rating``),
and the screen says so: the clerk's account cannot rate (the rating service refuses it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from clerk_app.accounts.roles import UserInfo
from clerk_app.services import Services
from clerk_app.settings import Settings
from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Language
from ui.applicant.placement import Placer
from ui.applicant.screen import ApplicantScreen
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CounterPlace:
    """Where the applicant's screen works: the clerk's window and its number, the hall."""

    clerk_window: QWidget
    window_number: int
    watcher: HallWatcher


def open_applicant_screen(
    services: Services, settings: Settings, runner: TaskRunner, place: CounterPlace
) -> ApplicantScreen | None:
    """The screen, shown where ``[screens] applicant`` puts it; None when that is "off"."""
    mode = settings.screens.applicant
    if mode == "off":
        return None
    rules = services.queue.rules
    screen = ApplicantScreen((rules.name_zh, rules.name_en), place.window_number, runner)
    Placer(screen, place.clerk_window, mode, settings.screens.applicant_monitor).apply()
    _enable_rating(screen, services, settings, runner, place)
    return screen


def _enable_rating(
    screen: ApplicantScreen,
    services: Services,
    settings: Settings,
    runner: TaskRunner,
    place: CounterPlace,
) -> None:
    user, password = settings.device_user, settings.device_password
    if not user or not password or not services.has_hall_key:
        log.info("no rating device account here: ratings are given on the window's rating pad")
        return

    def sign_in() -> UserInfo:
        services.ratings  # noqa: B018 - built here, off the GUI thread
        return services.auth.authenticate(user, password)

    def signed_in(device: UserInfo) -> None:
        rating = screen.enable_rating(services.ratings, device, place.window_number)
        place.watcher.changed.connect(rating.refresh)
        rating.refresh()

    runner.run(sign_in, signed_in, _device_refused, owner=screen)


def _device_refused(error: Exception) -> None:
    if isinstance(error, OperationalFailure):
        log.warning("the rating device account cannot sign in: %s", error.message(Language.EN))
    else:
        log.warning("the rating device account cannot sign in (%s)", type(error).__name__)
