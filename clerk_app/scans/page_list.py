"""The pages of one case in the clerk's order, each assigned to a material or not yet.

A plain class with no database: the intake service persists it. Rows are addressed by index
(as the panel shows them); each entry keeps an ``entry_id`` that survives reordering. A page
suspected blank needs the clerk's word (:meth:`PageList.confirm`) before the case can go on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from clerk_app.scans.pages import PageRecord


@dataclass(frozen=True, slots=True)
class ListedPage:
    entry_id: int
    page: PageRecord
    material: str | None = None  # the catalogue material's key
    confirmed: bool = False  # the clerk looked at a page suspected blank and kept it

    @property
    def needs_confirmation(self) -> bool:
        return self.page.blank_suspected and not self.confirmed


class PageList:
    def __init__(self, entries: Iterable[ListedPage] = ()) -> None:
        self._entries = list(entries)
        start = max((e.entry_id for e in self._entries), default=0) + 1
        self._ids = itertools.count(start)

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index: int) -> ListedPage:
        return self._entries[index]

    @property
    def entries(self) -> tuple[ListedPage, ...]:
        return tuple(self._entries)

    def index_of(self, entry_id: int) -> int:
        for index, entry in enumerate(self._entries):
            if entry.entry_id == entry_id:
                return index
        raise KeyError(entry_id)

    def add(
        self, pages: Iterable[PageRecord], material: str | None = None
    ) -> tuple[ListedPage, ...]:
        """Append pages; a page already listed (same content) is not added twice."""
        present = {e.page.sha256 for e in self._entries}
        added = []
        for page in pages:
            if page.sha256 in present:
                continue
            present.add(page.sha256)
            entry = ListedPage(next(self._ids), page, material)
            self._entries.append(entry)
            added.append(entry)
        return tuple(added)

    def move(self, source: int, destination: int) -> None:
        """Move the page at ``source`` so that it ends up at index ``destination``."""
        self._check(source)
        if not 0 <= destination < len(self._entries):
            raise IndexError(destination)
        self._entries.insert(destination, self._entries.pop(source))

    def reorder(self, entry_ids: Sequence[int]) -> None:
        """Put the pages in this order; every listed entry must be named exactly once."""
        by_id = {e.entry_id: e for e in self._entries}
        if sorted(entry_ids) != sorted(by_id):
            raise ValueError("a new order must name every page exactly once")
        self._entries = [by_id[entry_id] for entry_id in entry_ids]

    def remove(self, index: int) -> ListedPage:
        self._check(index)
        return self._entries.pop(index)

    def assign(self, indexes: Iterable[int], material: str | None) -> None:
        """Assign pages to a material (``None``: not assigned)."""
        chosen = sorted(set(indexes))
        for index in chosen:
            self._check(index)
        for index in chosen:
            self._entries[index] = replace(self._entries[index], material=material)

    def confirm(self, index: int) -> None:
        """The clerk keeps a page that looked blank."""
        self._check(index)
        self._entries[index] = replace(self._entries[index], confirmed=True)

    def pages_for(self, material: str | None) -> tuple[ListedPage, ...]:
        return tuple(e for e in self._entries if e.material == material)

    def awaiting_confirmation(self) -> tuple[ListedPage, ...]:
        return tuple(e for e in self._entries if e.needs_confirmation)

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self._entries):
            raise IndexError(index)
