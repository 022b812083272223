"""Ranked search as the clerk types: code, name, pinyin, initials, department."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.catalogue.format import CatalogueDocument
from clerk_app.catalogue.generate import generate
from clerk_app.catalogue.pinyin import romanise
from clerk_app.catalogue.search import SearchIndex, make_entry
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import (
    Handling,
    ItemStatus,
    ItemSummary,
    ItemType,
    MatchKind,
)
from onewindow_base.db.engine import Database
from tests.catalogue.helpers import document, item

HOST = HostOperator("test")  # the host's operator: trusted while duties are not separated

ITEMS = [
    item("220100000000000101", "营业执照办理"),
    item("220100000000000102", "个体工商户营业执照变更"),
    item("220100000000000103", "食品经营许可"),
    item("220100000000000104", "食品生产许可"),
    item("220100000000000105", "结婚登记", "民政局"),
    item("220100000000000106", "临时救助", "民政局"),
    item("220100000000000107", "出租汽车驾驶员从业资格证核发", "交通运输局"),
    item("220100000000000108", "张庄路街道档案接收", "人力资源和社会保障局"),
    item("110100000000000109", "养老保险参保登记", "人力资源和社会保障局"),
]


def index_of(doc: CatalogueDocument) -> SearchIndex:
    """The index the service builds, made from specs without a database."""
    entries = []
    for order, spec in enumerate(doc.items):
        summary = ItemSummary(
            item_id=order + 1,
            code=spec.code,
            basic_code=spec.basic_code,
            item_version=spec.version,
            name_zh=spec.name_zh,
            name_en=spec.name_en,
            item_type=spec.item_type,
            department_zh=spec.department_zh,
            department_en=spec.department_en,
            handling=spec.handling,
            promised_limit_days=spec.promised_limit_days,
            visits=spec.visits,
            status=spec.status,
        )
        pinyin, initials = romanise(spec.name_zh)
        entries.append(make_entry(summary, order, pinyin, initials))
    return SearchIndex.build(1, entries)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return index_of(document(items=ITEMS))


def ranked(index: SearchIndex, text: str) -> list[tuple[str, MatchKind]]:
    return [(hit.item.name_zh, hit.match) for hit in index.search(text)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "营业执照",
            [
                ("营业执照办理", MatchKind.NAME_PREFIX),
                ("个体工商户营业执照变更", MatchKind.NAME_SUBSTRING),
            ],
        ),
        (
            "yingyezhizhao",
            [
                ("营业执照办理", MatchKind.PINYIN_PREFIX),
                ("个体工商户营业执照变更", MatchKind.PINYIN_SUBSTRING),
            ],
        ),
        (
            "Ying Ye Zhi",
            [
                ("营业执照办理", MatchKind.PINYIN_PREFIX),
                ("个体工商户营业执照变更", MatchKind.PINYIN_SUBSTRING),
            ],
        ),
        (
            "yyzz",
            [
                ("营业执照办理", MatchKind.INITIALS_PREFIX),
                ("个体工商户营业执照变更", MatchKind.INITIALS_SUBSTRING),
            ],
        ),
        (
            "ＹＹＺＺ",
            [
                ("营业执照办理", MatchKind.INITIALS_PREFIX),
                ("个体工商户营业执照变更", MatchKind.INITIALS_SUBSTRING),
            ],
        ),
        (
            "食品 许可",
            [
                ("食品生产许可", MatchKind.NAME_SUBSTRING),
                ("食品经营许可", MatchKind.NAME_SUBSTRING),
            ],
        ),
        ("jiehun", [("结婚登记", MatchKind.PINYIN_PREFIX)]),
        ("czqc", [("出租汽车驾驶员从业资格证核发", MatchKind.INITIALS_PREFIX)]),
        ("marriage", []),  # English names in this fixture are "<zh> (en)"
        ("minzheng", [("结婚登记", MatchKind.DEPARTMENT), ("临时救助", MatchKind.DEPARTMENT)]),
        ("民政", [("结婚登记", MatchKind.DEPARTMENT), ("临时救助", MatchKind.DEPARTMENT)]),
        ("nothing-like-this", []),
    ],
)
def test_ranking(index: SearchIndex, query: str, expected: list[tuple[str, MatchKind]]) -> None:
    got = ranked(index, query)
    if query == "食品 许可":
        got = sorted(got)
    assert got == expected


def test_codes_rank_above_names(index: SearchIndex) -> None:
    assert ranked(index, "220100000000000105")[0] == ("结婚登记", MatchKind.CODE_EXACT)
    by_prefix = ranked(index, "2201000000000001")
    assert len(by_prefix) == 8 and {kind for _, kind in by_prefix} == {MatchKind.CODE_PREFIX}
    assert ranked(index, "000000000105") == [("结婚登记", MatchKind.CODE_EXACT)]  # basic code


def test_tiers_order_the_results(index: SearchIndex) -> None:
    """'zhang' starts 张庄路… (pinyin) and is a syllable of 保障局 (department), ranked below."""
    assert ranked(index, "zhang") == [
        ("张庄路街道档案接收", MatchKind.PINYIN_PREFIX),
        ("养老保险参保登记", MatchKind.DEPARTMENT),
    ]
    # A match must start on a syllable: "hua" is inside "zhuang" but not a syllable of it.
    assert ranked(index, "uang") == []
    results = index.search("zhi")
    kinds = [hit.match for hit in results]
    assert kinds == sorted(kinds)


def test_limits_and_empty_queries(index: SearchIndex) -> None:
    assert index.search("  ") == ()
    assert len(index.search("2201", limit=3)) == 3
    assert index.search("2201", limit=0) == ()


def test_english_names_match_too() -> None:
    index = index_of(generate(60, seed=7))
    hits = index.search("licence")
    assert hits and all(h.match in (MatchKind.ENGLISH_NAME, MatchKind.DEPARTMENT) for h in hits)


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    database = Database(empty_db_url)
    yield database
    database.dispose()


@pytest.mark.slow  # 1,300 items imported and searched
def test_the_generated_1300_item_catalogue_imports_and_searches(empty_db: Database) -> None:
    doc = generate(1300)
    assert generate(1300) == doc  # deterministic
    assert len({i.code for i in doc.items}) == len({i.name_zh for i in doc.items}) == 1300
    service = CatalogueService(empty_db)
    outcome = service.import_document(doc, by=HOST)
    assert outcome.version.item_count == 1300
    index = service.search_index()
    assert len(index) == 1300 and service.search_index() is index  # cached per version
    hits = service.search("yyzz")
    assert (
        hits[0].item.name_zh.startswith("营业执照") and hits[0].match is MatchKind.INITIALS_PREFIX
    )
    hits = service.search("yingyezhizhao")
    assert hits[0].match is MatchKind.PINYIN_PREFIX
    assert service.search(doc.items[500].code)[0].item.code == doc.items[500].code
    detail = service.item(hits[0].item.item_id)
    assert detail.materials and detail.status is ItemStatus.IN_FORCE
    assert detail.item_type in ItemType and detail.handling in Handling
    assert service.export_document() == doc


def test_a_prefix_shared_by_every_code_ranks_like_any_other_tier() -> None:
    index = index_of(generate(300, seed=3))
    expected = sorted(range(300), key=lambda n: (len(index.entries[n].name), n))[:20]
    hits = index.search("2201")
    assert [h.item.item_id - 1 for h in hits] == expected
    assert {h.match for h in hits} == {MatchKind.CODE_PREFIX}
