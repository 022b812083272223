"""Document numbers (文书编号): unique per agency, paper kind and year across a hall's windows and
across PCs that were offline, gapless within one book, and the same on every reprint."""

from __future__ import annotations

import json
import multiprocessing
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import delete, func, select

from clerk_app.accounts.auth import AuthService
from clerk_app.cli.main import main
from clerk_app.db.numbering_models import DocumentNumber, DocumentNumberCounter
from clerk_app.intake import outbox
from clerk_app.intake.document_numbers import series_for
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.rules import Decision, Refusal, RefusalGround
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import DecisionResult
from onewindow_base.db.engine import Database
from printing.documents import Document, HallBranding, ReceiptDoc, RefusalDoc
from printing.render import render_pdf
from tests.dbs import Templates
from tests.intake import paper_worker
from tests.intake.paper_worker import complete_draft, counter_pc
from tests.printing import literals as samples
from tests.races import BARRIER_S

HALL_BOOK = re.compile(r"长政服受字〔2026〕第(?P<seq>\d{5,6})号")
PC_BOOK = re.compile(r"长政服受字〔2026〕第(?P<series>\d{2,3})-(?P<seq>\d{5,6})号")


def seqs(numbers: list[str], book: re.Pattern[str]) -> list[int]:
    found = [book.fullmatch(n) for n in numbers]
    assert all(found), numbers
    return sorted(int(m["seq"]) for m in found if m)


class SaveFailedError(Exception):
    pass


REFUSAL = Refusal(RefusalGround.OUTSIDE_REMIT, "燃气经营由省住建厅许可", "吉林省住房和城乡建设厅")


def paper(
    db: Database,
    intake: IntakeService,
    result: DecisionResult,
    refusal: Refusal | None = None,
    branding: HallBranding = samples.BRANDING,
) -> Document:
    """The decision's paper, built the way the counter builds it: from the case read back."""
    lookup = CaseLookup(db, paper_worker.CIPHER, hall_code="CC01")
    case = lookup.by_number(result.case_number)
    request = PaperRequest(
        case=case,
        item=intake.item(case.summary.item_code, case.catalogue_version_id),
        assessment=result.assessment,
        decision=result.decision,
        clerk_name="李娜",
        window=3,
        today=intake.today(),
        refusal=refusal,
    )
    return paper_for(request, PaperSettings(branding))


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return "".join(text.split())


def test_the_first_case_of_each_window_no_longer_prints_number_one_twice(db_url: str) -> None:
    """The issue's report: window 1's and window 2's first case of the day both said 第00001号."""
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
        first = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 1)
        second = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 2)
        assert first.case_number.endswith("-W01-20261124-0001")
        assert second.case_number.endswith("-W02-20261124-0001")
        assert first.paper_number != second.paper_number
        with db.read() as session:
            shared = series_for(session, 1) == ""
        if shared:  # PostgreSQL: the hall's one book, whichever window
            assert [first.paper_number, second.paper_number] == [
                "长政服受字〔2026〕第00001号",
                "长政服受字〔2026〕第00002号",
            ]
        else:  # SQLite: this PC's own book, marked with its window
            assert [first.paper_number, second.paper_number] == [
                "长政服受字〔2026〕第01-00001号",
                "长政服受字〔2026〕第02-00001号",
            ]
    finally:
        db.dispose()


def test_each_paper_kind_has_its_own_book_and_the_paper_prints_the_stored_number(
    db_url: str,
) -> None:
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
        accepted = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)
        refused_draft = replace(complete_draft(), records={}, pages=(), refusal=REFUSAL)
        refused = intake.decide(refused_draft, Decision.REFUSE, clerk, 3)
        receipt = paper(db, intake, accepted)
        refusal = paper(db, intake, refused, REFUSAL)
        assert isinstance(receipt, ReceiptDoc) and isinstance(refusal, RefusalDoc)
        assert receipt.number == accepted.paper_number
        assert refusal.number == refused.paper_number
        assert re.fullmatch(r"长政服受字〔2026〕第(03-)?00001号", receipt.number)
        assert re.fullmatch(r"长政服不受字〔2026〕第(03-)?00001号", refusal.number)
        text = pdf_text(render_pdf(receipt, samples.BRANDING))
        assert receipt.number in text
    finally:
        db.dispose()


def test_a_reprint_and_a_rebuilt_paper_carry_the_same_number(db_url: str) -> None:
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
        result = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)
        intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)  # the book moves on
        first = paper(db, intake, result)
        again = paper(db, intake, result)
        assert isinstance(first, ReceiptDoc) and isinstance(again, ReceiptDoc)
        assert first.number == again.number == result.paper_number
        with db.read() as session:
            registered = session.scalars(
                select(DocumentNumber.number).where(DocumentNumber.case_id == result.case_id)
            ).all()
        assert registered == [result.paper_number]
    finally:
        db.dispose()


def test_a_changed_format_does_not_renumber_a_paper_already_issued(db_url: str) -> None:
    """The number is stored as printed: a later branding change leaves issued papers alone."""
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
        result = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)
        other = HallBranding(document_number_format="{agency}{type}〔{year}〕{series}{seq:03d}")
        doc = paper(db, intake, result, branding=other)
        assert isinstance(doc, ReceiptDoc)
        assert doc.number == result.paper_number
        assert result.paper_number in pdf_text(render_pdf(doc, other))
    finally:
        db.dispose()


THREADS, PER_THREAD = 4, 6


def test_windows_deciding_at_once_get_distinct_numbers_without_gaps(db_url: str) -> None:
    """Four windows' threads accept cases at once through the real intake service."""
    db, intake = counter_pc(db_url)
    barrier = threading.Barrier(THREADS)
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")

    def work(window: int, thread: int) -> list[str]:
        barrier.wait()
        return [
            intake.decide(
                complete_draft(thread * 100 + n), Decision.ACCEPT, clerk, window
            ).paper_number
            for n in range(PER_THREAD)
        ]

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            batches = list(pool.map(work, [1, 1, 2, 2], range(THREADS)))
        issued = [n for batch in batches for n in batch]
        assert len(set(issued)) == len(issued) == THREADS * PER_THREAD
        with db.read() as session:
            shared = series_for(session, 1) == ""
        if shared:
            assert seqs(issued, HALL_BOOK) == list(range(1, THREADS * PER_THREAD + 1))
        else:
            for window in ("01", "02"):
                mine = [n for n in issued if f"第{window}-" in n]
                assert seqs(mine, PC_BOOK) == list(range(1, 2 * PER_THREAD + 1))
    finally:
        db.dispose()


@pytest.mark.slow
def test_processes_of_a_postgresql_hall_deciding_at_once_share_one_gapless_book(
    pg_url: str,
) -> None:
    """Counter PCs of one hall (separate processes and connections, one PostgreSQL database)
    accepting cases at the same moment: every receipt number distinct, 1..N with no gap."""
    ctx = multiprocessing.get_context("spawn")
    workers, count = 4, 8
    with ctx.Manager() as manager, ctx.Pool(workers) as pool:
        barrier = manager.Barrier(workers, timeout=BARRIER_S)
        batches = pool.starmap(
            paper_worker.accept_many,
            [(pg_url, window, count, barrier) for window in range(1, workers + 1)],
        )
    issued = [n for batch in batches for n in batch]
    assert len(set(issued)) == len(issued) == workers * count
    assert seqs(issued, HALL_BOOK) == list(range(1, workers * count + 1))
    db = Database(pg_url)
    try:
        with db.read() as session:
            registered = session.scalar(select(func.count()).select_from(DocumentNumber))
            last = session.scalar(select(DocumentNumberCounter.last))
        assert registered == last == workers * count  # every number of the book is a paper
    finally:
        db.dispose()


def test_two_sqlite_pcs_of_one_hall_offline_never_print_the_same_number(
    templates: Templates, tmp_path: Path
) -> None:
    """Two PCs with their own SQLite databases, both offline all day, accepting at once:
    their numbers are distinct without either asking the other or the server."""
    urls = []
    for pc in ("pc1", "pc2"):
        (tmp_path / pc).mkdir()
        urls.append(templates.copy("sqlite", True, tmp_path / pc))
    ctx = multiprocessing.get_context("spawn")
    count = 5
    with ctx.Manager() as manager, ctx.Pool(2) as pool:
        barrier = manager.Barrier(2, timeout=BARRIER_S)
        batches = pool.starmap(
            paper_worker.accept_many,
            [(urls[0], 1, count, barrier), (urls[1], 2, count, barrier)],
        )
    pc1, pc2 = batches
    assert set(pc1).isdisjoint(pc2)
    assert pc1[0] == "长政服受字〔2026〕第01-00001号"
    assert pc2[0] == "长政服受字〔2026〕第02-00001号"
    assert seqs(pc1, PC_BOOK) == seqs(pc2, PC_BOOK) == list(range(1, count + 1))


def test_a_rolled_back_decision_gives_its_number_back(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that fails after its number was taken leaves no hole in the book."""
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")

        def broken(*args: object, **kwargs: object) -> None:
            raise SaveFailedError

        with monkeypatch.context() as patch:
            patch.setattr(outbox, "enqueue", broken)  # fails after the number was allocated
            with pytest.raises(SaveFailedError):
                intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(DocumentNumberCounter)) == 0
        result = intake.decide(complete_draft(), Decision.ACCEPT, clerk, 3)
        assert re.fullmatch(r"长政服受字〔2026〕第(03-)?00001号", result.paper_number)
    finally:
        db.dispose()


def test_an_auditor_lists_each_book_and_a_missing_paper_is_reported(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db, intake = counter_pc(db_url)
    try:
        clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
        made = [intake.decide(complete_draft(n), Decision.ACCEPT, clerk, 3) for n in range(3)]
        capsys.readouterr()
        assert (
            main(["--db", db_url, "print", "numbers", "--year", "2026", "--papers", "--json"]) == 0
        )
        (book,) = json.loads(capsys.readouterr().out)["books"]
        assert (book["agency"], book["kind"], book["last"], book["missing"]) == (
            "长政服",
            "receipt",
            3,
            [],
        )
        assert [p["number"] for p in book["papers"]] == [r.paper_number for r in made]
        assert [p["case"] for p in book["papers"]] == [r.case_number for r in made]
        with db.write() as session:  # a register row removed behind the app's back
            session.execute(delete(DocumentNumber).where(DocumentNumber.seq == 2))
        assert main(["--db", db_url, "print", "numbers", "--year", "2026"]) == 1
        assert "2 papers, last 3, MISSING [2]" in capsys.readouterr().out
    finally:
        db.dispose()
