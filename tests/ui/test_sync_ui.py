"""Sync in the app: the background cycle, the status-bar indicator, the sync panel and the
catalogue notice, on real widgets around a real engine and a real central server (both
databases, through the fault proxy of tests/sync)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
from pytestqt.qtbot import QtBot

import ui.hall_time
from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.catalogue.format import document_json
from clerk_app.catalogue.store import CatalogueStore
from clerk_app.settings import ENV_DATA, Settings
from clerk_app.sync.engine import CycleReport, SyncEngine
from clerk_app.sync.status import Link, SyncMonitor, SyncSnapshot
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.central_server.conftest import central_templates  # noqa: F401 - fixture
from tests.sync.conftest import World, any_world  # noqa: F401 - fixture
from tests.sync.test_sync_status import closed_port_url, park_first_scan, point_at
from ui.clerk.main_window import ClerkWindow
from ui.flow import ClerkFlow
from ui.login import LoginDialog
from ui.supervisor.main_window import SupervisorWindow
from ui.sync.controller import SyncController
from ui.sync.indicator import SyncIndicator
from ui.sync.panel import SyncPanel
from ui.sync.status_bar import SyncStatusBar
from ui.sync.texts import error_text
from ui.tasks import TaskRunner

from .helpers import show_active

# Qt's offscreen platform cannot raise a window either (the panel raises itself when opened).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def controller(any_world: World, runner: TaskRunner) -> Iterator[SyncController]:  # noqa: F811
    engine = any_world.engine()
    ctl = SyncController(engine, SyncMonitor(any_world.db), runner)
    yield ctl
    ctl.shutdown()
    engine.close()


def clerk_of(db: Database) -> UserInfo:
    return next(u for u in AuthService(db).list_users() if u.username == "clerk1")


@pytest.fixture
def window(
    qtbot: QtBot,
    controller: SyncController,
    any_world: World,  # noqa: F811
) -> tuple[QMainWindow, SyncStatusBar]:
    main = QMainWindow()
    qtbot.addWidget(main)
    bar = SyncStatusBar(main, controller, clerk_of(any_world.db))
    return main, bar


def links(controller: SyncController) -> list[Link]:
    seen: list[Link] = []

    def record(snapshot: SyncSnapshot) -> None:
        seen.append(snapshot.link)

    controller.snapshot_changed.connect(record)
    return seen


def test_the_indicator_shows_the_link_the_outbox_and_the_last_sync(
    any_world: World,  # noqa: F811
    controller: SyncController,
    window: tuple[QMainWindow, SyncStatusBar],
) -> None:
    w = any_world
    _main, bar = window
    w.cases(2)
    controller.refresh()
    text = bar.indicator.text()
    assert "Not synced yet" in text and "2 to send" in text and "never synced" in text
    seen = links(controller)
    reports: list[CycleReport] = []
    controller.cycle_finished.connect(reports.append)
    controller.start()  # the first cycle at once, then one per interval
    assert controller.timer.isActive() and controller.timer.interval() == 30_000
    assert seen == [Link.UNKNOWN, Link.SYNCING, Link.ONLINE]
    assert [r.pushed for r in reports] == [2]
    text = bar.indicator.text()
    assert "Online" in text and "0 to send" in text and "last sync " in text
    assert "⚠" not in text
    assert set(w.server_cases()) == set(w.local_cases())


def test_offline_is_shown_and_the_timer_honours_the_backoff(
    any_world: World,  # noqa: F811
    controller: SyncController,
    window: tuple[QMainWindow, SyncStatusBar],
) -> None:
    w = any_world
    _main, bar = window
    point_at(w, closed_port_url())
    w.cases(1)
    reports: list[CycleReport] = []
    controller.cycle_finished.connect(reports.append)
    controller.sync_now()
    assert reports[-1].error_kind == "retryable"
    assert "Offline" in bar.indicator.text() and "1 to send" in bar.indicator.text()
    assert (
        "Last error: The central server cannot be reached; the app keeps trying.\n"
        "(network: ConnectError)"
    ) in bar.indicator.toolTip()
    controller.tick()  # a timer cycle inside the backoff sends nothing
    assert reports[-1].waiting and reports[-1].error is None
    controller.sync_now()  # "retry now" overrides it
    assert not reports[-1].waiting and reports[-1].error_kind == "retryable"
    assert w.outbox() == {"pending": 1}


def test_a_clock_ten_minutes_fast_is_warned_about_and_sync_goes_on(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
    controller: SyncController,
    window: tuple[QMainWindow, SyncStatusBar],
) -> None:
    w = any_world
    _main, bar = window
    w.cases(1)
    w.clock.advance(minutes=10)  # this PC only; the server's clock stays
    controller.sync_now()
    assert controller.last_report is not None and controller.last_report.pushed == 1
    assert "⚠ This PC's clock is 10 min ahead of the server's" in bar.indicator.text()
    panel = bar.open_panel()
    qtbot.addWidget(panel)  # closed after the test, like the main window
    assert panel.skew.text() == "This PC's clock is 10 min ahead of the server's"


def test_a_new_catalogue_version_from_the_server_is_announced(
    any_world: World,  # noqa: F811
    controller: SyncController,
    window: tuple[QMainWindow, SyncStatusBar],
) -> None:
    w = any_world
    _main, bar = window
    controller.sync_now()  # takes the server's current release first
    assert not bar.catalogue_notice.isHidden()
    raw = document_json(CatalogueStore(w.db, w.clock).export_document())
    raw["version"] = "2026.12"
    raw["items"][0]["version"] += 1
    w.server.publish(raw)
    arrived: list[str] = []
    controller.catalogue_arrived.connect(arrived.append)
    controller.sync_now()
    assert arrived == ["2026.12"]
    assert "New catalogue version 2026.12" in bar.catalogue_notice.full_text()
    assert [v.label for v in CatalogueStore(w.db).versions() if v.active] == ["2026.12"]


@pytest.mark.allow_log_warnings  # "1 operations wait for scans missing on this PC"
def test_the_panel_lists_an_operation_needing_attention_and_retries_it_by_keyboard(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
    controller: SyncController,
    window: tuple[QMainWindow, SyncStatusBar],
) -> None:
    w = any_world
    main, bar = window
    numbers = w.cases(2, scans=1)
    sha, data = park_first_scan(w)
    controller.sync_now()
    show_active(qtbot, main)
    qtbot.keyClick(
        main, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    panel = bar.panel
    assert panel is not None and panel.isVisible()
    qtbot.addWidget(panel)
    panel.activateWindow()  # the key release above went to the main window, activating it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    assert panel.tabs.tabText(2) == "&Needs attention (1)"
    assert panel.attention_model.rowCount() == 1 and panel.pending_model.rowCount() == 0
    item = panel.attention_model.item(0)
    assert item.case_number == numbers[0]
    assert panel.attention_model.index(0, 5).data() == f"local_blob_missing: {sha}"
    assert "1 need attention" in bar.indicator.text()
    assert panel.selected_item() == item  # the first one is selected, ready to retry
    assert w.store.put_bytes(data) == sha  # the scan is back on this PC
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the tab
    assert panel.tabs.currentIndex() == 2
    assert panel.retry_button.isEnabled()
    with qtbot.waitSignal(controller.cycle_finished):  # a mnemonic clicks after a short flash
        qtbot.keyClick(panel, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert panel.attention_model.rowCount() == 0
    assert panel.tabs.tabText(2) == "&Needs attention (0)"
    assert "Sent 1, received" in panel.outcome.text()
    assert set(w.server_cases()) == set(numbers)
    assert w.outbox() == {"acked": 2}
    # The parking and the clerk's retry are in the counter's audit trail.
    assert [(a, actor, case) for a, _, actor, case, _ in w.sync_audit()] == [
        ("sync.parked", "sync", numbers[0]),
        ("sync.retry", clerk_of(w.db).display_name, numbers[0]),
    ]
    assert w.audit_intact()


def test_one_cycle_at_a_time_a_manual_sync_during_one_runs_once_after_it(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
) -> None:
    w = any_world
    threaded = TaskRunner()
    engine = w.engine()
    controller = SyncController(engine, SyncMonitor(w.db), threaded)
    try:
        w.cases(1)
        finished: list[CycleReport] = []
        controller.cycle_finished.connect(finished.append)
        panel = SyncPanel(controller, clerk_of(w.db))
        qtbot.addWidget(panel)
        controller.sync_now()
        assert controller.running
        assert panel.progress.isVisibleTo(panel) and not panel.sync_button.isEnabled()
        controller.tick()  # dropped: a cycle runs
        controller.sync_now()  # queued: runs once, right after
        controller.sync_now()
        qtbot.waitUntil(lambda: len(finished) == 2 and not controller.running, timeout=20_000)
        assert [r.busy for r in finished] == [False, False]
        qtbot.waitUntil(lambda: not panel.progress.isVisibleTo(panel))
        assert panel.sync_button.isEnabled()
        assert panel.outcome.text().startswith("Sent 0, received")
        assert sum(r.pushed for r in finished) == 1
        assert len(w.proxy.requests("GET", "/v1/hello")) == 2
        assert w.server_ops() == 1
    finally:
        controller.shutdown()
        threaded.shutdown()
        engine.close()


def test_a_counter_not_enrolled_shows_it_and_its_timer_runs_no_cycle(
    db: Database, clock: FixedClock, runner: TaskRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = SyncEngine(
        db, PersonalDataCipher(new_ring(Algorithm.SM4_GCM, 0)), BlobStore(tmp_path, TEST_RING)
    )
    controller = SyncController(engine, SyncMonitor(db), runner)
    main = QMainWindow()
    qtbot.addWidget(main)
    bar = SyncStatusBar(main, controller, clerk_of(db))
    started: list[bool] = []
    controller.cycle_started.connect(lambda: started.append(True))
    controller.start()
    controller.tick()
    controller.tick()
    assert bar.indicator.text() == "○ Not connected to a central server"
    assert started == []  # the status is read, no cycle is run
    panel = bar.open_panel()
    qtbot.addWidget(panel)  # closed after the test, like the main window
    assert not panel.sync_button.isEnabled()
    controller.shutdown()
    engine.close()


def test_the_indicator_speaks_chinese(qtbot: QtBot, chinese: None) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_snapshot(
        SyncSnapshot(
            link=Link.OFFLINE,
            server_url="http://127.0.0.1:8700",
            pending=3,
            failed=0,
            attention=1,
            last_success_ms=None,
            last_error="network: ConnectError",
            skew_ms=7 * 60_000,
            backoff_until_ms=0,
            last_error_code="retryable",
        )
    )
    assert indicator.text() == (
        "✕ 离线 · 待上传 3 条 · 1 条需处理 · 尚未同步成功 · ⚠ 本机时钟比服务器慢 7 分钟"
    )
    assert (
        "最近错误：无法连接中心服务器，系统将自动重试。\n(network: ConnectError)"
        in indicator.toolTip()
    )


SYNC_ERRORS = [
    ("disk_full", "The disk is full", "磁盘已满"),
    ("permanent/tls_untrusted", "certificate is not trusted", "证书不受信任"),
    ("retryable/network", "cannot be reached", "无法连接中心服务器"),
    ("revoked", "enrol again", "重新注册"),
    ("no_such_code", "The last sync failed.", "上次同步失败。"),
]


@pytest.mark.parametrize(("code", "text", "_zh"), SYNC_ERRORS)
def test_each_sync_error_is_said_in_english(english: None, code: str, text: str, _zh: str) -> None:
    said = error_text(code, "detail for IT")
    assert text in said and said.endswith("\n(detail for IT)")
    assert error_text(None, None) == "—"


@pytest.mark.parametrize(("code", "_en", "text"), SYNC_ERRORS)
def test_each_sync_error_is_said_in_chinese(chinese: None, code: str, _en: str, text: str) -> None:
    assert text in error_text(code, None)


@pytest.mark.parametrize(
    ("user", "kind"), [("clerk3", ClerkWindow), ("supervisor", SupervisorWindow)]
)
def test_the_app_shows_sync_in_the_main_window_and_stops_it_on_exit(
    user: str,
    kind: type[QMainWindow],
    qtbot: QtBot,
    qapp: QApplication,
    db_url: str,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))  # the demo makes its key ring there
    args = argparse.Namespace(seed_demo=True, hall=None, window=3, lang=None, with_server=False)
    monkeypatch.setattr(ui.hall_time, "_zone", ZoneInfo("UTC"))  # as on a PC set up in UTC
    flow = ClerkFlow(qapp, runner, db_url, Settings(), args)
    try:
        flow.start()
        [login] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        ]
        assert isinstance(login, LoginDialog)
        assert ui.hall_time.hall_zone() == ZoneInfo("Asia/Shanghai")  # the demo hall's zone
        login.username.setText(user)
        login.password.setText(f"{user}-demo")
        with qtbot.waitSignal(flow.workspace_ready, timeout=30_000):  # loads behind the dialog
            login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        [window] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        assert isinstance(window, QMainWindow)
        [indicator] = window.statusBar().findChildren(SyncIndicator)
        qtbot.waitUntil(lambda: "Not connected to a central server" in indicator.text())
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[-1] == "S&ync"
    finally:
        flow.shutdown()
        for widget in QApplication.topLevelWidgets():
            widget.hide()  # not close(): that would ask the (not running) app to quit
            widget.deleteLater()
