"""Item search per keystroke on a 1,300-item catalogue (a district hall), p99 ≤ 10 ms.

Realistic queries are typed letter by letter (Chinese names, full pinyin, initials, codes,
departments); each prefix is one keystroke, timed as the UI runs it: a search of the in-memory
index of the active catalogue (the UI loads the index once, off the GUI thread, with
``CatalogueService.search_index()``). Beside it, in the same run, the floor: a plain linear
substring scan over the 1,300 names, which finds fewer things and ranks nothing.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.common import Row, Samples, budget_row, note
from clerk_app.accounts.authz import HostOperator
from clerk_app.bootstrap import open_database
from clerk_app.catalogue.generate import generate
from clerk_app.catalogue.search import SearchIndex
from clerk_app.catalogue.service import CatalogueService

HOST = HostOperator("test")  # the host's operator: trusted while duties are not separated

ITEMS = 1300
BUDGET_MS = 10.0


def queries(index: SearchIndex) -> list[str]:
    some = index.entries[len(index.entries) // 2].item
    return [
        "食品经营许可",
        "营业执照",
        "结婚登记",
        "yingyezhizhao",
        "shipinjingyingxuke",
        "chuzuqiche",
        "yyzz",
        "spjyxk",
        "minzhengju",
        "shuiwu",
        some.code,
        "business licence",
        "ying ye zhi zhao",
    ]


def keystrokes(words: list[str]) -> list[str]:
    return [word[:n] for word in words for n in range(1, len(word) + 1)]


def _time(search: object, typed: list[str], rounds: int) -> Samples:
    samples = []
    for _ in range(rounds):
        for text in typed:
            started = time.perf_counter_ns()
            search(text)  # type: ignore[operator]
            samples.append((time.perf_counter_ns() - started) / 1e6)
    return Samples.of(samples)


def run(rounds: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="ow-bench-catalogue-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'catalogue.sqlite3'}")
        try:
            service = CatalogueService(db)
            started = time.perf_counter()
            service.import_document(generate(ITEMS), by=HOST)
            note(f"catalogue: {ITEMS} items imported in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            index = service.search_index()
            note(f"catalogue: search index built in {(time.perf_counter() - started) * 1e3:.0f} ms")
            typed = keystrokes(queries(index))
            names = [entry.name for entry in index.entries]

            def floor(text: str) -> list[str]:
                return [name for name in names if text in name]

            index.search(typed[0])  # warm up
            floor_samples = _time(floor, typed, rounds)
            index_samples = _time(index.search, typed, rounds)
        finally:
            db.dispose()
    return [
        budget_row(
            "8",
            f"item search/keystroke ({ITEMS} items)",
            "memory",
            index_samples,
            floor_samples,
            q=0.99,
            limit_ms=BUDGET_MS,
        ),
    ]
