"""The checklist and case-results table models, alone (no window, no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.catalogue.types import MaterialForm, Necessity
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement, material_state
from clerk_app.intake.reason_texts import GROUNDS, reason_text
from clerk_app.intake.rules import RefusalGround
from clerk_app.intake.types import CaseState, CaseSummary
from onewindow_base.wording import Language
from ui.intake import checklist_edits as ce
from ui.intake import checklist_model as cm
from ui.intake.case_model import CASE_NUMBER_ROLE, CaseResultsModel
from ui.intake.reasons import ground_name

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
CHECK = Qt.ItemDataRole.CheckStateRole
FORM = MaterialRequirement(
    "M01", "申请书", Necessity.REQUIRED, MaterialForm.ORIGINAL, copies=1, original_check=False
)
ID_CARD = MaterialRequirement(
    "M02",
    "身份证明",
    Necessity.REQUIRED,
    MaterialForm.ORIGINAL_AND_COPY,
    copies=2,
    original_check=True,
    elicence_type="CN.RESIDENT_ID",
)
PREMISES = MaterialRequirement("M03", "场所证明", Necessity.DEFERRABLE, MaterialForm.COPY)


def model(qtbot: QtBot) -> cm.ChecklistModel:
    checklist = cm.ChecklistModel()
    checklist.set_checklist([FORM, ID_CARD, PREMISES])
    return checklist


def test_rows_show_the_requirements_with_named_columns(qtbot: QtBot) -> None:
    checklist = model(qtbot)
    assert (checklist.rowCount(), checklist.columnCount()) == (3, ce.COLUMN_COUNT)
    row = [checklist.index(1, c).data() for c in (ce.MATERIAL, ce.FORM, ce.COPIES_NEEDED)]
    assert row == ["身份证明", "Original and copy", 2]
    assert checklist.index(2, ce.NECESSITY).data() == "Deferrable"
    header = checklist.headerData(ce.ELICENCE, Qt.Orientation.Horizontal)
    assert header == "E-licence no."
    assert checklist.index(0, ce.RECEIVED).data(CHECK) == UNCHECKED
    assert not checklist.flags(checklist.index(0, ce.MATERIAL)) & Qt.ItemFlag.ItemIsEditable
    assert checklist.flags(checklist.index(0, ce.COPIES)) & Qt.ItemFlag.ItemIsEditable


def test_receiving_takes_the_needed_copies_and_emits_a_change(qtbot: QtBot) -> None:
    checklist = model(qtbot)
    with qtbot.waitSignal(checklist.records_changed):
        assert checklist.setData(checklist.index(1, ce.RECEIVED), CHECKED, CHECK)
    assert checklist.record("M02") == MaterialRecord(received=True, copies=2)
    assert checklist.setData(checklist.index(1, ce.ORIGINAL), CHECKED, CHECK)
    assert checklist.setData(checklist.index(1, ce.COPIES), "1")
    assert checklist.records() == {
        "M02": MaterialRecord(received=True, original_checked=True, copies=1)
    }
    assert checklist.setData(checklist.index(1, ce.RECEIVED), UNCHECKED, CHECK)
    assert checklist.records() == {}


def test_a_material_is_received_deferred_or_replaced_never_two_at_once(qtbot: QtBot) -> None:
    checklist = model(qtbot)
    checklist.setData(checklist.index(2, ce.RECEIVED), CHECKED, CHECK)
    assert checklist.setData(checklist.index(2, ce.SUPPLY_BY), "2026-11-26")
    assert checklist.record("M03") == MaterialRecord(deferred=True, supply_by=dt.date(2026, 11, 26))
    assert checklist.index(2, ce.DEFERRED).data(CHECK) == CHECKED
    assert checklist.index(2, ce.RECEIVED).data(CHECK) == UNCHECKED
    assert not checklist.setData(checklist.index(2, ce.SUPPLY_BY), "26/11/2026")
    checklist.setData(checklist.index(1, ce.RECEIVED), CHECKED, CHECK)
    assert checklist.setData(checklist.index(1, ce.ELICENCE), " 2201-ID-778 ")
    assert checklist.record("M02") == MaterialRecord(elicence_number="2201-ID-778")
    assert checklist.index(1, ce.ELICENCE).data() == "2201-ID-778 (to verify)"  # typed: 待核验


def test_defects_are_noted_only_on_what_was_handed_in(qtbot: QtBot) -> None:
    checklist = model(qtbot)
    assert not checklist.setData(checklist.index(0, ce.DEFECTS), "no signature")
    checklist.setData(checklist.index(0, ce.RECEIVED), CHECKED, CHECK)
    assert checklist.setData(checklist.index(0, ce.DEFECTS), "no signature; torn")
    assert checklist.record("M01").defects == ("no signature", "torn")
    assert checklist.index(0, ce.DEFECTS).data() == "no signature; torn"


def test_scans_are_counted_and_tooltips_give_the_translated_reasons(qtbot: QtBot) -> None:
    checklist = model(qtbot)
    checklist.setData(checklist.index(0, ce.RECEIVED), CHECKED, CHECK)
    checklist.set_scans({"M01": 2})
    assert checklist.index(0, ce.SCANS).data() == 2
    assert checklist.records()["M01"].scans == 0  # the service counts the pages itself
    states = [material_state(FORM, MaterialRecord()), material_state(ID_CARD, MaterialRecord())]
    checklist.set_states(states)
    tip = checklist.index(0, ce.MATERIAL).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Missing\n申请书: not received"
    assert checklist.index(0, 0).data(cm.KEY_ROLE) == "M01"


@pytest.mark.parametrize("language", list(Language))
def test_the_reasons_on_screen_are_the_catalogues_words(
    qtbot: QtBot, request: pytest.FixtureRequest, language: Language
) -> None:
    """The tooltip's reasons are the core catalogue's text (the paper's), in the UI language."""
    if language is Language.ZH_CN:
        request.getfixturevalue("chinese")
    checklist = model(qtbot)
    short = MaterialRecord(received=True, original_checked=False, copies=1)
    state = material_state(ID_CARD, short)
    checklist.set_states([state])
    tip = checklist.index(1, ce.MATERIAL).data(Qt.ItemDataRole.ToolTipRole)
    names = {"M02": "身份证明"}
    expected = [reason_text(r, language, names) for r in (*state.reasons, *state.clerk_tasks)]
    assert tip.split("\n")[1:] == expected
    assert (
        expected[1]
        == {
            Language.EN: "身份证明: the original was not shown for checking",
            Language.ZH_CN: "身份证明：未出示原件供核验",
        }[language]
    )
    # The same words on the refusal ground chooser and any reason of a decision.
    assert ground_name("outside_remit") == GROUNDS[RefusalGround.OUTSIDE_REMIT].template(language)


def test_case_results_show_masked_applicants_and_translated_states(qtbot: QtBot) -> None:
    results = CaseResultsModel()
    summary = CaseSummary(
        case_id=1,
        case_number="CC01-W01-20261124-0001",
        state=CaseState.NOTICE_ISSUED,
        item_code="22010001001700000017",
        item_name_zh="个体工商户注册登记",
        item_name_en="Registration of an individual business",
        applicant_name="张伟",
        applicant_id_masked="110105********002X",
        visits=1,
        promised_due=None,
        created_ms=0,
        updated_ms=0,
    )
    results.set_cases([summary])
    assert results.rowCount() == 1
    row = [results.index(0, c).data() for c in range(4)]
    assert row == [
        "CC01-W01-20261124-0001",
        "张伟",
        "110105********002X",
        "Registration of an individual business",
    ]
    assert results.index(0, 4).data() == "One-time notice issued"
    assert results.index(0, 0).data(CASE_NUMBER_ROLE) == "CC01-W01-20261124-0001"
