"""The catalogue side of the province's figures: the release in force at an instant (the one
published last at or before it) and, per hall, department or item, its items, those offered
online (网办: ``online`` among the item's channels) and those in once-mode (最多跑一次: 0 or 1
visits needed), as docs/figures.md defines them for the hall."""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.models import CatalogueItem, CatalogueRelease, CatalogueReleaseItem
from onewindow_protocol.wire.ratings import GroupBy

ONCE_MODE_VISITS = 1  # 到办事现场次数 0 or 1
ONLINE = "online"


@dataclass(frozen=True)
class ItemFacts:
    code: str
    name: str | None
    department: str | None
    networked: bool
    once: bool


@dataclass(frozen=True)
class CatalogueCounts:
    items: int = 0
    networked: int = 0
    once: int = 0


@dataclass
class Releases:
    """Every release's publication instant; a release's items read once, when first asked."""

    session: Session
    history: list[tuple[int, int]] = field(default_factory=list)  # (published_ms, release)
    _items: dict[int, list[ItemFacts]] = field(default_factory=dict)
    _counts: dict[tuple[int, GroupBy], dict[str | None, CatalogueCounts]] = field(
        default_factory=dict
    )

    @classmethod
    def read(cls, session: Session) -> Releases:
        query = select(CatalogueRelease.published_ms, CatalogueRelease.release).order_by(
            CatalogueRelease.published_ms, CatalogueRelease.release
        )
        return cls(session, [(int(at), int(r)) for at, r in session.execute(query)])

    def in_force(self, at_ms: int) -> int | None:
        position = bisect.bisect_right(self.history, (at_ms, 2**62))
        return self.history[position - 1][1] if position else None

    def items(self, release: int) -> list[ItemFacts]:
        if release not in self._items:
            query = (
                select(CatalogueItem.code, CatalogueItem.body)
                .join(
                    CatalogueReleaseItem,
                    (CatalogueReleaseItem.code == CatalogueItem.code)
                    & (CatalogueReleaseItem.version == CatalogueItem.version),
                )
                .where(CatalogueReleaseItem.release == release)
            )
            self._items[release] = [
                _facts(code, body) for code, body in self.session.execute(query)
            ]
        return self._items[release]

    def counts(self, release: int | None, by: GroupBy) -> dict[str | None, CatalogueCounts]:
        """Per key of ``by`` (None: the whole release, which is every hall's)."""
        if release is None:
            return {}
        if (release, by) not in self._counts:
            self._counts[(release, by)] = self._count_items(release, by)
        return self._counts[(release, by)]

    def _count_items(self, release: int, by: GroupBy) -> dict[str | None, CatalogueCounts]:
        items = self.items(release)
        whole = _count(items)
        if by is GroupBy.HALL:
            return {None: whole}
        keyed: dict[str | None, list[ItemFacts]] = {}
        for item in items:
            key = item.department if by is GroupBy.DEPARTMENT else item.code
            keyed.setdefault(key, []).append(item)
        return {None: whole} | {key: _count(group) for key, group in keyed.items()}


def _facts(code: str, body: str) -> ItemFacts:
    item = json.loads(body)
    visits = item.get("visits")
    channels = item.get("channels") or []
    return ItemFacts(
        code=code,
        name=item.get("name_zh"),
        department=item.get("department_zh"),
        networked=ONLINE in channels,
        once=isinstance(visits, int) and visits <= ONCE_MODE_VISITS,
    )


def _count(items: list[ItemFacts]) -> CatalogueCounts:
    tally = Counter((i.networked, i.once) for i in items)
    return CatalogueCounts(
        items=len(items),
        networked=sum(n for (online, _), n in tally.items() if online),
        once=sum(n for (_, once), n in tally.items() if once),
    )
