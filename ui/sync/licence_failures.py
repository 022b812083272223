"""E-licence numbers the registry did not confirm on sync (待核验 that failed), as a table the
clerk's sync panel and the supervisor's dashboard both show: the case, the material, the
licence (an ID card's number masked: it is the holder's ID), the holder masked and why, in the
clerk's words. The clerk continues the case from it; the supervisor acknowledges it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from clerk_app.licences.checks import FailedCheck
from ui.hall_time import hall_text
from ui.i18n import pick_name
from ui.tables import Column, RowsModel, fit_columns, numbered

FAILED_COLOUR = QColor("#ffcdd2")  # the dashboard's alert colour

L_CASE, L_MATERIAL, L_LICENCE, L_HOLDER, L_REASON, L_CHECKED = range(6)


def outcome_text(outcome: str) -> str:
    """Why the registry did not confirm the number."""
    texts = {
        "not_found": QCoreApplication.translate("LicenceFailures", "not in the registry"),
        "revoked": QCoreApplication.translate("LicenceFailures", "revoked by its issuer"),
        "expired": QCoreApplication.translate("LicenceFailures", "expired"),
        "holder_mismatch": QCoreApplication.translate("LicenceFailures", "held by someone else"),
    }
    return texts.get(outcome, outcome)


def material_text(failed: FailedCheck) -> str:
    name = pick_name(QLocale(), failed.material_zh, failed.material_en)
    return f"{failed.material_code} {name}".strip()


class LicenceFailuresModel(RowsModel[FailedCheck]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            numbered(
                {
                    L_CASE: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Case"),
                        lambda f: f.case_number,
                    ),
                    L_MATERIAL: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Material"),
                        material_text,
                    ),
                    L_LICENCE: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Licence number"),
                        lambda f: f.number_shown,
                    ),
                    L_HOLDER: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Holder"),
                        lambda f: f.holder_masked,
                    ),
                    L_REASON: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Why"),
                        lambda f: outcome_text(f.outcome),
                    ),
                    L_CHECKED: Column(
                        lambda: QCoreApplication.translate("LicenceFailures", "Checked"),
                        lambda f: hall_text(f.checked_ms) if f.checked_ms else "—",
                    ),
                }
            ),
            parent,
            background=lambda _f: FAILED_COLOUR,
        )

    def failure(self, row: int) -> FailedCheck:
        return self.row(row)


def failures_view(model: LicenceFailuresModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    fit_columns(view)
    view.horizontalHeader().setSectionResizeMode(L_MATERIAL, QHeaderView.ResizeMode.Stretch)
    return view


def selected_failure(view: QTableView, model: LicenceFailuresModel) -> FailedCheck | None:
    rows = view.selectionModel().selectedRows()
    return model.failure(rows[0].row()) if rows else None
