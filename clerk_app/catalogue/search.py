"""Ranked item search as the clerk types: by code, name, pinyin, initials or department.

Ranking, best first: exact code, code prefix, name prefix, name substring, full pinyin prefix,
pinyin substring, initials prefix, initials substring, English name, department; within a tier
the earlier match, then the shorter name, then the catalogue's order.

The index is built once per catalogue version from pinyin computed at import. Each searchable
field of all items is one long string, so a keystroke is a few ``str.find`` scans in C over
the whole catalogue, and Python work only for the items that match. Tiers are searched best
first and the search stops after the first tier that fills the result list, so a one- or
two-letter query that matches hundreds of items in a poor tier costs nothing there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from clerk_app.catalogue.pinyin import normalise, romanise, syllable_starts
from clerk_app.catalogue.types import ItemSummary, MatchKind, SearchHit

_SQUEEZE = re.compile(r"[\s'’\-_.·]+")
_SEP = "\n"
DEFAULT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One item with every string a query is compared with, normalised once."""

    item: ItemSummary
    order: int
    codes: tuple[str, ...]
    name: str
    pinyin: str
    pinyin_starts: frozenset[int]
    initials: str
    name_en: str
    department: str
    department_en: str
    department_pinyin: str
    department_pinyin_starts: frozenset[int]
    department_initials: str


def make_entry(item: ItemSummary, order: int, pinyin: str, initials: str) -> IndexEntry:
    """``pinyin`` as stored: syllables separated by spaces (see :mod:`.pinyin`)."""
    dept_spaced, dept_initials = romanise(item.department_zh)
    dept_pinyin, dept_starts = syllable_starts(dept_spaced)
    compact, starts = syllable_starts(pinyin)
    return IndexEntry(
        item=item,
        order=order,
        codes=tuple(normalise(c) for c in (item.code, item.basic_code) if c),
        name=normalise(item.name_zh),
        pinyin=compact,
        pinyin_starts=starts,
        initials=initials,
        name_en=normalise(item.name_en),
        department=normalise(item.department_zh),
        department_en=normalise(item.department_en),
        department_pinyin=dept_pinyin,
        department_pinyin_starts=dept_starts,
        department_initials=dept_initials,
    )


class Column:
    """One field of every entry, joined: finds which entries hold a query, and where."""

    def __init__(self, values: list[str], starts: list[frozenset[int]] | None = None) -> None:
        self.text = _SEP + _SEP.join(values)
        self.offsets: list[int] = []
        offset = 1
        for value in values:
            self.offsets.append(offset)
            offset += len(value) + 1
        self.syllables = starts  # a match must start a syllable (pinyin columns)

    def prefixed(self, query: str) -> Iterator[int]:
        """Entries whose value starts with ``query``."""
        needle = _SEP + query
        position = self.text.find(needle)
        while position >= 0:
            yield bisect.bisect_right(self.offsets, position + 1) - 1
            position = self.text.find(needle, position + 1)

    def found(self, query: str) -> Iterator[tuple[int, int]]:
        """(entry, position in its value) of the first match in each entry holding ``query``."""
        position = self.text.find(query)
        last = -1
        while position >= 0:
            index = bisect.bisect_right(self.offsets, position) - 1
            inside = position - self.offsets[index]
            if index != last and (self.syllables is None or inside in self.syllables[index]):
                last = index
                yield index, inside
            position = self.text.find(query, position + 1)


@dataclass(frozen=True, slots=True)
class _Query:
    q: str  # normalised, spaces kept (English names)
    compact: str  # spaces and apostrophes removed (codes, Chinese names, pinyin)
    latin: bool
    terms: tuple[str, ...]  # the words of a spaced Chinese query
    limit: int


class SearchIndex:
    """The items of one catalogue version, ready to be searched keystroke by keystroke."""

    def __init__(self, version_id: int, entries: tuple[IndexEntry, ...]) -> None:
        self.version_id = version_id
        self.entries = entries
        self._codes = sorted((code, n) for n, e in enumerate(entries) for code in e.codes)
        self._by_rank = sorted(range(len(entries)), key=lambda n: (len(entries[n].name), n))
        self._code_keys = [code for code, _ in self._codes]
        self._name = Column([e.name for e in entries])
        self._pinyin = Column([e.pinyin for e in entries], [e.pinyin_starts for e in entries])
        self._initials = Column([e.initials for e in entries])
        self._name_en = Column([e.name_en for e in entries])
        self._department = Column([e.department for e in entries])
        self._department_pinyin = Column(
            [e.department_pinyin for e in entries], [e.department_pinyin_starts for e in entries]
        )
        self._department_initials = Column([e.department_initials for e in entries])
        self._department_en = Column([e.department_en for e in entries])

    @classmethod
    def build(cls, version_id: int, entries: Iterable[IndexEntry]) -> SearchIndex:
        return cls(version_id, tuple(entries))

    def __len__(self) -> int:
        return len(self.entries)

    # ------------------------------------------------------------------ tiers, best first
    def _code_hits(self, query: _Query) -> Iterator[tuple[MatchKind, int, int]]:
        c = query.compact
        if not query.latin or len(c) < 2:
            return
        start = bisect.bisect_left(self._code_keys, c)
        end = bisect.bisect_left(self._code_keys, c + "\uffff", start)
        for code, index in self._codes[start:end]:
            if code == c:
                yield MatchKind.CODE_EXACT, index, 0
        if end - start <= 4 * query.limit:
            for _, index in self._codes[start:end]:
                yield MatchKind.CODE_PREFIX, index, 0
            return
        # "22…" is the start of every code in a district: the best-ranked few are enough.
        found = 0
        for index in self._by_rank:
            if any(code.startswith(c) for code in self.entries[index].codes):
                yield MatchKind.CODE_PREFIX, index, 0
                found += 1
                if found == query.limit:
                    return

    def _split(
        self, column: Column, query: str, prefix: MatchKind, inside: MatchKind
    ) -> Iterator[Iterator[tuple[MatchKind, int, int]]]:
        """Two tiers: values starting with ``query`` (a cheap scan), then values holding it."""
        yield ((prefix, index, 0) for index in column.prefixed(query))
        yield ((inside, index, at) for index, at in column.found(query) if at > 0)

    def _tiers(self, query: _Query) -> Iterator[Iterator[tuple[MatchKind, int, int]]]:
        """Groups of hits; each group is no better than the one before."""
        c = query.compact
        yield self._code_hits(query)
        yield from self._split(self._name, c, MatchKind.NAME_PREFIX, MatchKind.NAME_SUBSTRING)
        if query.terms:
            yield self._all_terms(query.terms)
        if query.latin and len(c) == 1:  # one letter: only what starts with it
            yield ((MatchKind.PINYIN_PREFIX, i, 0) for i in self._pinyin.prefixed(c))
            yield ((MatchKind.INITIALS_PREFIX, i, 0) for i in self._initials.prefixed(c))
        elif query.latin:
            pinyin, initials = self._pinyin, self._initials
            yield from self._split(pinyin, c, MatchKind.PINYIN_PREFIX, MatchKind.PINYIN_SUBSTRING)
            yield from self._split(
                initials, c, MatchKind.INITIALS_PREFIX, MatchKind.INITIALS_SUBSTRING
            )
            yield ((MatchKind.ENGLISH_NAME, i, p) for i, p in self._name_en.found(query.q))
        if len(c) >= 2:
            yield self._department_hits(query)

    def _all_terms(self, terms: tuple[str, ...]) -> Iterator[tuple[MatchKind, int, int]]:
        """Each word of a spaced Chinese query in the name or the department (食品 许可)."""
        for index, entry in enumerate(self.entries):
            if all(t in entry.name or t in entry.department for t in terms):
                yield MatchKind.NAME_SUBSTRING, index, 0

    def _department_hits(self, query: _Query) -> Iterator[tuple[MatchKind, int, int]]:
        if query.latin:
            columns = [
                (self._department_pinyin, query.compact),
                (self._department_initials, query.compact),
                (self._department_en, query.q),
            ]
        else:
            columns = [(self._department, query.compact)]
        for column, text in columns:
            for index, position in column.found(text):
                yield MatchKind.DEPARTMENT, index, position

    # ------------------------------------------------------------------ search
    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> tuple[SearchHit, ...]:
        q = normalise(text).strip()
        compact = _SQUEEZE.sub("", q)
        if not compact or limit <= 0:
            return ()
        latin = compact.isascii()
        words = q.split()
        terms = tuple(words) if not latin and len(words) > 1 else ()
        query = _Query(q, compact, latin, terms, limit)
        best: dict[int, tuple[int, int, int, int]] = {}
        for tier in self._tiers(query):
            for kind, index, position in tier:
                if index not in best:
                    entry = self.entries[index]
                    best[index] = (kind, position, len(entry.name), entry.order)
            if len(best) >= limit:
                break  # every later tier ranks below what we have
        ranked = sorted(best.items(), key=lambda pair: pair[1])[:limit]
        return tuple(
            SearchHit(self.entries[index].item, MatchKind(key[0])) for index, key in ranked
        )
