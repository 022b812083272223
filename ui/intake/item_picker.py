"""Choosing the item and the applicant's situation.

The catalogue's search index is loaded once off the GUI thread; after that every keystroke
searches it in memory (name, pinyin, initials, codes) and lists the ranked hits. Down moves
into the hits, Enter picks one; the item's detail is then read off the thread and its
situations fill the chooser.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.catalogue.search import SearchIndex
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ItemDetail
from ui.i18n import pick_name
from ui.tasks import TaskRunner

HITS_SHOWN = 20
DEMO_STYLE = "background: #fff3cd; color: #5c4400; padding: 2px;"


def _field_names() -> dict[str, str]:
    return {
        "code": QCoreApplication.translate("ItemPicker", "implementation code"),
        "basic_code": QCoreApplication.translate("ItemPicker", "basic code"),
        "type": QCoreApplication.translate("ItemPicker", "item type"),
        "department_zh": QCoreApplication.translate("ItemPicker", "department"),
        "statutory_limit_days": QCoreApplication.translate("ItemPicker", "statutory time limit"),
        "promised_limit_days": QCoreApplication.translate("ItemPicker", "promised time limit"),
        "handling": QCoreApplication.translate("ItemPicker", "on the spot or promised"),
        "visits": QCoreApplication.translate("ItemPicker", "visits needed"),
        "fees": QCoreApplication.translate("ItemPicker", "fees"),
        "applicant_kinds": QCoreApplication.translate("ItemPicker", "applicants served"),
        "channels": QCoreApplication.translate("ItemPicker", "channels"),
        "result": QCoreApplication.translate("ItemPicker", "result"),
    }


def demo_values_text(item: ItemDetail) -> str:
    """Which of the item's fields hold demo values (a demo catalogue fills what the published
    guide leaves open), and that the hall's figures resting on them say so; "" for none."""
    names = _field_names()
    fields = [names.get(f, f) for f in item.demo_fields]
    materials = sum(1 for m in item.materials if m.demo_fields)
    if not fields and not materials:
        return ""
    text = QCoreApplication.translate(
        "ItemPicker", "Demo values, not from the published service guide: {fields}."
    ).format(fields=QCoreApplication.translate("ItemPicker", ", ").join(fields) or "—")
    if materials:
        text += " " + QCoreApplication.translate(
            "ItemPicker", "Checklist materials holding demo values: {n}."
        ).format(n=materials)
    if {"visits", "handling"} & set(item.demo_fields):
        text += " " + QCoreApplication.translate(
            "ItemPicker", "The hall's figures that count this item are marked as resting on them."
        )
    return text


class ItemPicker(QWidget):
    item_chosen = Signal(str)  # item code
    situation_chosen = Signal(str)  # situation code
    index_ready = Signal()

    def __init__(
        self, catalogue: CatalogueService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._runner = runner
        self._index: SearchIndex | None = None
        self.item: ItemDetail | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Item name, pinyin initials or code"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self.search_for)
        self.search.installEventFilter(self)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(140)
        self.hits.itemActivated.connect(self._activated)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.demo_note = QLabel()  # the item's fields that hold demo values, not published ones
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet(DEMO_STYLE)
        self.demo_note.hide()
        self.situation = QComboBox()
        self.situation.activated.connect(self._situation_activated)
        form = QFormLayout()
        form.addRow(self.tr("&Item"), self.search)
        form.addRow("", self.hits)
        form.addRow(self.tr("Chosen"), self.chosen)
        form.addRow("", self.demo_note)
        form.addRow(self.tr("&Situation"), self.situation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

    def load_index(self) -> None:
        self._runner.run(self._catalogue.search_index, self._index_loaded, owner=self)

    def _index_loaded(self, index: SearchIndex) -> None:
        self._index = index
        self.index_ready.emit()
        if self.search.text():
            self.search_for(self.search.text())

    def search_for(self, text: str) -> None:
        self.hits.clear()
        if self._index is None or not text.strip():
            return
        for hit in self._index.search(text, HITS_SHOWN):
            item = hit.item
            name = pick_name(self.locale(), item.name_zh, item.name_en)
            row = QListWidgetItem(f"{name} — {item.code}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            self.hits.addItem(row)
        if self.hits.count():
            self.hits.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        keyed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.search and keyed and self.hits.count():
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activated(self.hits.currentItem())
                return True
            if key == Qt.Key.Key_Down:
                self.hits.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _activated(self, row: QListWidgetItem | None) -> None:
        if row is not None:
            self.choose(str(row.data(Qt.ItemDataRole.UserRole)))

    def choose(
        self, code: str, version_id: int | None = None, situation: str | None = None
    ) -> None:
        def work() -> ItemDetail:
            return self._catalogue.item_by_code(code, version_id)

        self._runner.run(work, lambda item: self.show_item(item, situation), owner=self)

    def show_item(self, item: ItemDetail, situation: str | None) -> None:
        self.item = item
        self.hits.clear()
        self.chosen.setText(f"{pick_name(self.locale(), item.name_zh, item.name_en)} ({item.code})")
        note = demo_values_text(item)
        self.demo_note.setText(note)
        self.demo_note.setVisible(bool(note))
        self.situation.clear()
        for s in item.situations:
            self.situation.addItem(pick_name(self.locale(), s.name_zh, s.name_en), s.code)
        wanted = self.situation.findData(situation) if situation else 0
        self.situation.setCurrentIndex(max(wanted, 0))
        self.item_chosen.emit(item.code)
        self.situation.setFocus()
        if self.situation_code is not None:
            self.situation_chosen.emit(self.situation_code)

    def _situation_activated(self, _index: int) -> None:
        if self.situation_code is not None:
            self.situation_chosen.emit(self.situation_code)

    @property
    def situation_code(self) -> str | None:
        data = self.situation.currentData()
        return str(data) if data is not None else None

    def reset(self) -> None:
        self.item = None
        self.search.clear()
        self.hits.clear()
        self.chosen.clear()
        self.demo_note.clear()
        self.demo_note.hide()
        self.situation.clear()

    def set_locked(self, locked: bool) -> None:
        """A continued case keeps its item; only the situation may change."""
        self.search.setEnabled(not locked)
