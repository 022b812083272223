"""Finding a case by number, ID number, name and day; its detail, history and papers."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.types import Actor
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from clerk_app.printjobs.types import JobState
from onewindow_base.db.engine import Database
from tests.ui.helpers import cell
from ui.intake.lookup_dialog import CaseLookupDialog
from ui.intake.panel import IntakeDeps
from ui.tasks import TaskRunner

from .intake_fixtures import (
    ID_NUMBER,
    ITEM,
    MASKED_ID,
)

GOT = MaterialRecord(received=True, original_checked=True, copies=1)
CLERK = Actor(None, "clerk3")


def notice_case(db: Database, deps: IntakeDeps) -> str:
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
    applicant = ApplicantInput(ApplicantKind.PERSON, "李娜", IdType.RESIDENT_ID, ID_NUMBER)
    page = PageRef("a" * 64, "image/png", 2480, 3508, 1000, 300, None, "M01")
    draft = CaseDraft(applicant, ITEM, "01", {"M01": GOT}, (page,))
    return deps.papers.intake.decide(draft, Decision.ONE_TIME_NOTICE, clerk, window=3).case_number


def test_cases_are_found_and_their_papers_reprinted_as_copies(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
) -> None:
    number = notice_case(db, deps)
    printer = deps.papers.printer
    from tests.printing import literals  # noqa: PLC0415

    first = printer.print_document(literals.notice(), owner=number)
    assert first.printed
    dialog = CaseLookupDialog(
        deps.papers.lookup, printer, runner, by=CLERK, today=deps.papers.intake.today()
    )
    qtbot.addWidget(dialog)

    dialog.id_number.setText(ID_NUMBER.lower())
    dialog.search()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == MASKED_ID
    dialog.id_number.clear()
    dialog.name.setText("李")
    dialog.on_day.setChecked(True)
    dialog.search()
    assert dialog.model.rowCount() == 1
    dialog.name.setText("王")
    dialog.search()
    assert dialog.model.rowCount() == 0 and dialog.status.text() == "0 cases found"
    dialog.name.clear()
    dialog.number.setText(number.lower())
    dialog.search()
    assert dialog.model.index(0, 0).data() == number

    dialog.show_case(dialog.model.case(0))
    detail = dialog.detail_dialog
    assert detail is not None
    assert detail.decisions.rowCount() == 1
    assert cell(detail.decisions, 0, 1).text() == "One-time notice"
    assert detail.jobs.rowCount() == 1 and detail.continue_button.isEnabled()
    detail.jobs.selectRow(0)
    detail.reprint_selected()
    jobs = printer.jobs(owner=number)
    assert [(j.is_copy, j.state) for j in jobs] == [
        (True, JobState.PRINTED),
        (False, JobState.PRINTED),
    ]
    assert cell(detail.jobs, 0, 2).text() == "printed (COPY)"
    with qtbot.waitSignal(dialog.continue_requested) as asked:
        detail.continue_button.click()
    assert asked.args == [number]


def test_an_unknown_case_number_is_said_plainly(
    qtbot: QtBot,
    deps: IntakeDeps,
    runner: TaskRunner,
) -> None:
    dialog = CaseLookupDialog(deps.papers.lookup, deps.papers.printer, runner, by=CLERK)
    qtbot.addWidget(dialog)
    dialog.number.setText("CC01-W01-20261124-0099")
    dialog.search()
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "There is no case with this number."
