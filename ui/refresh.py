"""One read at a time of what a screen shows, however often the hall changes.

The watcher says "something changed" for every ticket issued, called or finished anywhere in the
hall; a busy morning brings bursts of them. A screen reads in the background (``ui.tasks``) and
never starts a second read while one is under way: a change that arrives meanwhile asks for
exactly one more read after it, since the read under way may have missed it. A burst of changes
during one read therefore costs one more read, not one each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject

from ui.tasks import TaskRunner

T = TypeVar("T")


class CoalescedRefresh(QObject, Generic[T]):
    """``request()`` reads with ``read`` in the background and hands the result to ``apply``
    on the GUI thread; requests while a read is under way collapse into one read after it.
    A failed read goes to ``failed`` and forgets the requests made meanwhile (the screen's
    own retry, or the next change, asks again).

    Parented to the screen: a screen deleted with a read under way is never called back.
    """

    def __init__(
        self,
        runner: TaskRunner,
        read: Callable[[], T],
        apply: Callable[[T], None],
        failed: Callable[[Exception], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._read = read
        self._apply = apply
        self._failed = failed
        self._in_flight = False
        self._again = False

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    def request(self) -> None:
        """Read now, or once more after the read under way."""
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self._runner.run(self._read, self._done, self._fail, owner=self)

    def _done(self, result: T) -> None:
        self._in_flight = False
        self._apply(result)
        if self._again:
            self._again = False
            self.request()

    def _fail(self, exc: Exception) -> None:
        self._in_flight = False
        self._again = False
        self._failed(exc)
