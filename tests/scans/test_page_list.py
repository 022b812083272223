"""The case's page list: order, assignment to materials, confirmation of blank-looking pages."""

from __future__ import annotations

import pytest

from clerk_app.scans.codes import CodeKind, CodeRules, classify
from clerk_app.scans.page_list import PageList
from clerk_app.scans.pages import PageRecord


def record(n: int, blank: bool = False) -> PageRecord:
    return PageRecord(
        sha256=f"{n:064x}",
        mime="image/jpeg",
        width=1654,
        height=2339,
        dpi=200,
        bytes=1000 + n,
        thumbnail_sha256=f"{n + 100:064x}",
        blank_suspected=blank,
    )


def shas(pages: PageList) -> list[int]:
    return [int(e.page.sha256, 16) for e in pages.entries]


def test_pages_are_added_once_each() -> None:
    pages = PageList()
    added = pages.add([record(1), record(2), record(1)])
    assert [int(e.page.sha256, 16) for e in added] == [1, 2]
    assert pages.add([record(2)]) == ()
    assert len(pages) == 2
    assert len({e.entry_id for e in pages.entries}) == 2


def test_a_page_moves_to_where_it_is_dropped() -> None:
    pages = PageList()
    pages.add([record(1), record(2), record(3), record(4)])
    pages.move(3, 0)
    assert shas(pages) == [4, 1, 2, 3]
    pages.move(0, 2)
    assert shas(pages) == [1, 2, 4, 3]
    with pytest.raises(IndexError):
        pages.move(0, 4)


def test_a_new_order_must_name_every_page_once() -> None:
    pages = PageList()
    first, second, third = pages.add([record(1), record(2), record(3)])
    pages.reorder([third.entry_id, first.entry_id, second.entry_id])
    assert shas(pages) == [3, 1, 2]
    with pytest.raises(ValueError, match="exactly once"):
        pages.reorder([first.entry_id, first.entry_id, second.entry_id])
    assert pages.index_of(second.entry_id) == 2


def test_pages_are_assigned_to_materials_and_removed() -> None:
    pages = PageList()
    pages.add([record(1), record(2), record(3)])
    pages.assign([0, 2], "id-card")
    assert [int(e.page.sha256, 16) for e in pages.pages_for("id-card")] == [1, 3]
    assert [int(e.page.sha256, 16) for e in pages.pages_for(None)] == [2]
    removed = pages.remove(0)
    assert removed.material == "id-card"
    assert shas(pages) == [2, 3]
    with pytest.raises(IndexError):
        pages.assign([5], "licence")
    assert pages[1].material == "id-card"  # a failed assignment changed nothing


def test_a_page_that_looks_blank_waits_for_the_clerk() -> None:
    pages = PageList()
    pages.add([record(1), record(2, blank=True)])
    assert [e.page.sha256 for e in pages.awaiting_confirmation()] == [record(2).sha256]
    pages.confirm(1)
    assert pages.awaiting_confirmation() == ()
    assert pages[1].confirmed


def test_a_list_rebuilt_from_stored_entries_keeps_giving_new_ids() -> None:
    first = PageList()
    first.add([record(1), record(2)])
    again = PageList(first.entries)
    [added] = again.add([record(3)])
    assert added.entry_id == 3


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("CC01-20261124-0007", CodeKind.RECEIPT, "CC01-20261124-0007"),
        ("ｃｃ01-20261124-0007", CodeKind.RECEIPT, "CC01-20261124-0007"),
        ("YY-8K2Q7Z", CodeKind.APPOINTMENT, "YY-8K2Q7Z"),
        (" apt9981234 ", CodeKind.APPOINTMENT, "APT9981234"),
        ("hello world", CodeKind.UNKNOWN, "HELLO WORLD"),
    ],
)
def test_a_scanned_code_is_known_by_its_shape(typed: str, kind: CodeKind, value: str) -> None:
    code = classify(typed)
    assert (code.kind, code.value) == (kind, value)


def test_the_code_shapes_are_the_halls() -> None:
    rules = CodeRules(receipt=r"SL\d{6}", appointment=r"Q\d{4}")
    assert classify("SL123456", rules).kind is CodeKind.RECEIPT
    assert classify("Q1234", rules).kind is CodeKind.APPOINTMENT
