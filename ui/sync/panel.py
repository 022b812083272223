"""The sync panel: the link and its figures, the operations waiting, failed or needing
attention (with the server's reason), "Sync now" with progress, and retrying a parked
operation; and the e-licence numbers the registry did not confirm, each with "Open case": the
case's detail, continued from there when it takes another visit (the material is missing).

Non-modal, keyboard-operable (mnemonics on every action, tabs with Ctrl+Tab). It reads through
the :class:`SyncController`, so every read and every cycle runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.roles import UserInfo
from clerk_app.licences.checks import FailedCheck
from clerk_app.sync.engine import CycleReport
from clerk_app.sync.status import ItemState, Link, OutboxItem, SyncSnapshot
from ui.sync.controller import SyncController
from ui.sync.items_model import COL_REASON, OutboxItemsModel
from ui.sync.licence_failures import LicenceFailuresModel, failures_view, selected_failure
from ui.sync.texts import error_text, link_name, skew_text, when
from ui.tables import fit_columns


def _table(model: OutboxItemsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()
    fit_columns(view)
    view.horizontalHeader().setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
    return view


class SyncPanel(QDialog):
    open_case_requested = Signal(str)  # a case number: its detail (and Continue)

    def __init__(
        self, controller: SyncController, user: UserInfo, parent: QWidget | None = None
    ) -> None:
        """``user`` is who is signed in: a retry is recorded in the audit trail as theirs."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync with the central server"))
        self._controller = controller
        self._user = user
        self._enrolled = True  # until a snapshot says otherwise
        self.link = QLabel()
        self.server = QLabel()
        self.counts = QLabel()
        self.last_success = QLabel()
        self.last_error = QLabel()
        self.last_error.setWordWrap(True)
        self.skew = QLabel()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.pending_model = OutboxItemsModel((ItemState.PENDING,), self)
        self.failed_model = OutboxItemsModel((ItemState.FAILED,), self)
        self.attention_model = OutboxItemsModel((ItemState.NEEDS_ATTENTION,), self)
        self.pending_view = _table(self.pending_model)
        self.failed_view = _table(self.failed_model)
        self.attention_view = _table(self.attention_model)
        self.licence_model = LicenceFailuresModel(self)
        self.licence_view = failures_view(self.licence_model)
        self.open_case_button = QPushButton(self.tr("&Open case"))
        self.open_case_button.setEnabled(False)
        self.tabs = QTabWidget()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # a cycle's length is not known ahead: busy indicator
        self.progress.setVisible(False)
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.retry_button = QPushButton(self.tr("&Retry selected"))
        self.retry_button.setEnabled(False)
        self._build()
        controller.snapshot_changed.connect(self.show_snapshot)
        controller.items_loaded.connect(self.show_items)
        controller.licence_failures_loaded.connect(self.show_licence_failures)
        controller.cycle_started.connect(self._started)
        controller.cycle_finished.connect(self._finished)
        self.sync_button.clicked.connect(controller.sync_now)
        self.retry_button.clicked.connect(self.retry_selected)
        selection = self.attention_view.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.open_case_button.clicked.connect(self.open_selected_case)
        self.licence_view.doubleClicked.connect(lambda _index: self.open_selected_case())
        self.licence_view.selectionModel().selectionChanged.connect(self._licence_selected)
        if controller.snapshot is not None:
            self.show_snapshot(controller.snapshot)
        self._set_busy(busy=controller.running)
        controller.load_items()
        self.resize(900, 520)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Connection:"), self.link)
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Outbox:"), self.counts)
        form.addRow(self.tr("Last successful sync:"), self.last_success)
        form.addRow(self.tr("Clock:"), self.skew)
        form.addRow(self.tr("Last error:"), self.last_error)
        self.tabs.addTab(self.pending_view, self.tr("&Waiting"))
        self.tabs.addTab(self.failed_view, self.tr("&Failed"))
        attention = QWidget()
        box = QVBoxLayout(attention)
        box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "The server rejected these operations or they conflict with what it holds; only "
                "their own cases wait. Fix the cause, then retry the operation."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(self.attention_view)
        self.tabs.addTab(attention, self.tr("&Needs attention"))
        licences = QWidget()
        box = QVBoxLayout(licences)
        box.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "The registry did not confirm these e-licence numbers typed at intake (待核验). "
                "The material no longer counts as replaced: open the case and ask the applicant "
                "for it. The supervisor has been alerted."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addWidget(self.licence_view)
        row = QHBoxLayout()
        row.addWidget(self.open_case_button)
        row.addStretch(1)
        box.addLayout(row)
        self._licence_tab = self.tabs.addTab(licences, self.tr("&E-licences"))
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.progress, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

    def show_snapshot(self, snapshot: SyncSnapshot) -> None:
        self.link.setText(link_name(snapshot.link))
        self.server.setText(snapshot.server_url or "—")
        self.counts.setText(
            self.tr(
                "{pending} to send, {failed} of them failed, {attention} need attention"
            ).format(pending=snapshot.pending, failed=snapshot.failed, attention=snapshot.attention)
        )
        self.last_success.setText(when(snapshot.last_success_ms))
        skewed = snapshot.skew_warning and snapshot.skew_ms is not None
        self.skew.setText(skew_text(snapshot.skew_ms or 0) if skewed else self.tr("in step"))
        self.last_error.setText(error_text(snapshot.last_error_code, snapshot.last_error))
        self._enrolled = snapshot.link is not Link.NOT_ENROLLED
        self.sync_button.setEnabled(self._enrolled and not self._controller.running)
        self.tabs.setTabText(
            0, self.tr("&Waiting ({n})").format(n=snapshot.pending - snapshot.failed)
        )
        self.tabs.setTabText(1, self.tr("&Failed ({n})").format(n=snapshot.failed))
        self.tabs.setTabText(2, self.tr("&Needs attention ({n})").format(n=snapshot.attention))
        self._licence_tab_title(snapshot.licence_failures)

    def show_items(self, items: tuple[OutboxItem, ...]) -> None:
        for model in (self.pending_model, self.failed_model, self.attention_model):
            model.set_items(items)
        if self.selected_item() is None and self.attention_model.rowCount():
            self.attention_view.selectRow(0)  # ready for Retry from the keyboard
        self._selection_changed()

    def _licence_tab_title(self, n: int) -> None:
        title = self.tr("&E-licences not confirmed ({n})").format(n=n)
        self.tabs.setTabText(self._licence_tab, title)

    def show_licence_failures(self, failures: tuple[FailedCheck, ...]) -> None:
        self.licence_model.set_rows(failures)
        self._licence_tab_title(len(failures))
        if self.selected_failure() is None and failures:
            self.licence_view.selectRow(0)
        self._licence_selected()

    def selected_failure(self) -> FailedCheck | None:
        return selected_failure(self.licence_view, self.licence_model)

    def open_selected_case(self) -> None:
        failed = self.selected_failure()
        if failed is not None:
            self.open_case_requested.emit(failed.case_number)

    def _licence_selected(self) -> None:
        self.open_case_button.setEnabled(self.selected_failure() is not None)

    def selected_item(self) -> OutboxItem | None:
        rows = self.attention_view.selectionModel().selectedRows()
        return self.attention_model.item(rows[0].row()) if rows else None

    def retry_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.retry_button.setEnabled(False)
            self._controller.retry_item(item.seq, self._user)

    def _selection_changed(self) -> None:
        self.retry_button.setEnabled(self.selected_item() is not None)

    def _set_busy(self, *, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.sync_button.setEnabled(self._enrolled and not busy)

    def _started(self) -> None:
        self._set_busy(busy=True)
        self.outcome.setText(self.tr("Syncing with the central server…"))

    def _finished(self, report: CycleReport) -> None:
        self._set_busy(busy=False)
        if report.busy:
            text = self.tr("Another sync of this hall database is running; try again shortly.")
        elif report.waiting:
            text = self.tr("Waiting before the next attempt; press Sync now to try at once.")
        elif report.error_kind == "retryable":
            text = self.tr("The central server cannot be reached now; the outbox is kept.")
        elif report.error_kind == "revoked":
            text = self.tr("The server no longer accepts this counter: it must be enrolled again.")
        elif report.error_kind == "upgrade":
            text = self.tr("The server needs a newer version of this app; the outbox is kept.")
        elif report.error:
            text = self.tr("Sync failed: {error}").format(error=report.error)
        else:
            text = self.tr("Sent {pushed}, received {pulled} changes.").format(
                pushed=report.pushed, pulled=report.pulled
            )
        self.outcome.setText(text)
        self._controller.load_items()
